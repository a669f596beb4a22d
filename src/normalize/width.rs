//! Characters that look alike but read differently: full-width Latin letters and digits
//! (folded to half-width) and zero-width characters (dropped).

use unicode_normalization::UnicodeNormalization;

/// Zero-width space, non-joiner and joiner, word joiner, and U+FEFF (a byte order mark or
/// zero-width no-break space): invisible, so left out.
pub(super) fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The half-width form of a full-width Latin letter, digit or one of `％＋－．＃＆＿＠`. Chinese
/// full-width punctuation (，。（）…) and U+3000 are part of Chinese writing and stay.
pub(super) fn fold_width(c: char) -> Option<char> {
    let folds = matches!(c,
        '\u{FF10}'..='\u{FF19}'
        | '\u{FF21}'..='\u{FF3A}'
        | '\u{FF41}'..='\u{FF5A}'
        | '％' | '＋' | '－' | '．' | '＃' | '＆' | '＿' | '＠');
    if !folds {
        return None;
    }
    let mut nfkc = std::iter::once(c).nfkc();
    match (nfkc.next(), nfkc.next()) {
        (Some(folded), None) => Some(folded),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::assert_cases;

    #[test]
    fn full_width_letters_and_digits_fold() {
        assert_cases(&[
            ("ＡＢＣ１２３ｘｙｚ", "ABC123xyz"),
            // `．` after Han is a full stop and stays; between digits it is a decimal point.
            ("寶玉來了．黛玉３．１４", "寶玉來了．黛玉3.14"),
            ("５０％＋－．＃＆＿＠", "50%+-.#&_@"),
            (
                "，。！？；：（）「」\u{3000}",
                "，。！？；：（）「」\u{3000}",
            ),
        ]);
    }

    #[test]
    fn zero_width_chars_go() {
        assert_cases(&[
            ("零\u{200B}宽\u{200C}\u{200D}\u{2060}\u{FEFF}字", "零宽字"),
            ("經\u{200B}(jīng)濟", "經濟"),
        ]);
    }
}

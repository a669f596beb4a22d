//! Characters that look alike but read differently: full-width Latin letters and digits
//! (folded to half-width) and zero-width characters (dropped).

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
///
/// The forms folded are all in Unicode's block of full-width ASCII variants (U+FF01–FF5E),
/// each the ASCII character U+FEE0 below it: NFKC's own mapping for that block, written as
/// the subtraction it is (a test checks every one against NFKC), rather than linking
/// Unicode's whole normalisation tables into the wasm for one block.
pub(super) fn fold_width(c: char) -> Option<char> {
    let folds = matches!(c,
        '\u{FF10}'..='\u{FF19}'
        | '\u{FF21}'..='\u{FF3A}'
        | '\u{FF41}'..='\u{FF5A}'
        | '％' | '＋' | '－' | '．' | '＃' | '＆' | '＿' | '＠');
    if !folds {
        return None;
    }
    char::from_u32(c as u32 - FULL_WIDTH_OFFSET)
}

/// How far the full-width ASCII variants (U+FF01–FF5E) stand above ASCII (U+0021–007E).
const FULL_WIDTH_OFFSET: u32 = 0xFEE0;

#[cfg(test)]
mod tests {
    use super::super::tests::assert_cases;

    // unicode-normalization is a native-only dev-dependency (Cargo.toml).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_fold_is_nfkc() {
        use unicode_normalization::UnicodeNormalization;
        let mut folded = 0;
        for c in '\u{FF01}'..='\u{FF5E}' {
            if let Some(half) = super::fold_width(c) {
                assert_eq!(
                    std::iter::once(c).nfkc().collect::<String>(),
                    half.to_string(),
                    "{c}"
                );
                folded += 1;
            }
        }
        // 10 digits, 26 + 26 letters, 8 signs.
        assert_eq!(folded, 70);
    }

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

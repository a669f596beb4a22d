//! Character classes that several stages share, defined once.

/// Whether `c` is a Han character: the CJK Unified Ideographs blocks (BMP and extensions A–I),
/// the compatibility ideographs (BMP and supplement), and 〇, the ideographic zero.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{30000}'..='\u{323AF}')
}

/// Punctuation as readers see it: ASCII punctuation, Latin-1 signs, general punctuation
/// (dashes, quotes, `…`), CJK symbols and punctuation (`。、「」`), and the full-width forms
/// that are not letters or digits (`，！？（）`).
pub fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{00A1}'..='\u{00BF}'
            | '\u{00D7}' | '\u{00F7}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{3001}'..='\u{3006}'
            | '\u{3008}'..='\u{3020}'
            | '\u{30FB}'
            | '\u{FE10}'..='\u{FE1F}'
            | '\u{FE30}'..='\u{FE6F}'
            | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for c in ['中', '〇', '𦡦', '㐀', '豈'] {
            assert!(is_han(c), "{c}");
        }
        for c in ['a', '1', '。', '👪', 'ア'] {
            assert!(!is_han(c), "{c}");
        }
        for c in ['，', '。', '、', '「', '…', '—', '!', '（', '·'] {
            assert!(is_punctuation(c), "{c}");
        }
        for c in ['中', 'a', 'Ａ', '１', ' '] {
            assert!(!is_punctuation(c), "{c}");
        }
    }
}

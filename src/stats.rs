//! Stage 6: whole-text statistics.

use crate::chars::is_han;
use crate::report::{Stats, TokenKind};

/// Silent reading rates measured by the IReST study (Trauzettel-Klosinski & Dietz, 2012):
/// Chinese 255 characters per minute, English 228 words per minute.
const HAN_PER_MINUTE: f64 = 255.0;
const WORDS_PER_MINUTE: f64 = 228.0;

/// What the statistics are computed from; the pipeline fills it as it goes.
pub struct Inputs<'a> {
    pub original: &'a str,
    pub utf16_len: u32,
    pub cleaned: &'a str,
    /// Kinds of all tokens, in order.
    pub kinds: &'a [TokenKind],
    pub words: u32,
    pub distinct_words: u32,
    pub sentences: u32,
    pub paragraphs: u32,
}

/// Compute the statistics. Ratios of empty texts are 0, never NaN.
pub fn compute(i: &Inputs) -> Stats {
    let han = i.cleaned.chars().filter(|&c| is_han(c)).count() as u32;
    let visible = i.cleaned.chars().filter(|c| !c.is_whitespace()).count() as u32;
    let tokens = i
        .kinds
        .iter()
        .filter(|&&k| k != TokenKind::Whitespace)
        .count() as u32;
    let latin = i.kinds.iter().filter(|&&k| k == TokenKind::Latin).count() as u32;
    let average_sentence_length = if i.sentences == 0 {
        0.0
    } else {
        round2(f64::from(visible) / f64::from(i.sentences))
    };
    Stats {
        characters: i.original.chars().count() as u32,
        utf16_length: i.utf16_len,
        han_characters: han,
        tokens,
        words: i.words,
        distinct_words: i.distinct_words,
        sentences: i.sentences,
        paragraphs: i.paragraphs,
        average_sentence_length,
        reading_minutes: round2(
            f64::from(han) / HAN_PER_MINUTE + f64::from(latin) / WORDS_PER_MINUTE,
        ),
    }
}

/// Two decimals are all a reader needs, and rounding keeps the JSON short.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_rates() {
        let kinds = [
            TokenKind::Han,
            TokenKind::Whitespace,
            TokenKind::Latin,
            TokenKind::Punctuation,
        ];
        let s = compute(&Inputs {
            original: "经济 AI。👪",
            utf16_len: 8,
            cleaned: "经济 AI。👪",
            kinds: &kinds,
            words: 2,
            distinct_words: 2,
            sentences: 2,
            paragraphs: 1,
        });
        assert_eq!((s.characters, s.utf16_length, s.han_characters), (7, 8, 2));
        assert_eq!(s.tokens, 3);
        assert_eq!(s.average_sentence_length, 3.0);
        assert_eq!(s.reading_minutes, round2(2.0 / 255.0 + 1.0 / 228.0));
    }

    #[test]
    fn empty_text_has_zero_ratios() {
        let s = compute(&Inputs {
            original: "",
            utf16_len: 0,
            cleaned: "",
            kinds: &[],
            words: 0,
            distinct_words: 0,
            sentences: 0,
            paragraphs: 0,
        });
        assert_eq!(s.average_sentence_length, 0.0);
        assert_eq!(s.reading_minutes, 0.0);
    }
}

//! Token kinds: what a token is (Han, Latin, number, punctuation, whitespace, other), by its
//! characters.

use crate::chars::{is_han, is_punctuation};
use crate::report::TokenKind;

/// What kind of token `word` is, by its characters.
pub fn classify(word: &str) -> TokenKind {
    let mut han = false;
    let mut letter = false;
    let mut digit = false;
    let mut space = true;
    let mut punct = true;
    let mut other = false;
    for c in word.chars() {
        space &= c.is_whitespace();
        punct &= is_punctuation(c);
        if is_han(c) {
            han = true;
        } else if c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}') {
            letter = true;
        } else if c.is_ascii_digit() {
            digit = true;
        } else if !is_punctuation(c) && !c.is_whitespace() {
            other = true;
        }
    }
    if word.is_empty() {
        TokenKind::Other
    } else if space {
        TokenKind::Whitespace
    } else if punct {
        TokenKind::Punctuation
    } else if han {
        TokenKind::Han
    } else if other {
        TokenKind::Other
    } else if letter {
        TokenKind::Latin
    } else if digit {
        TokenKind::Number
    } else {
        TokenKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_characters() {
        let cases = [
            ("发展", TokenKind::Han),
            ("5G网络", TokenKind::Han),
            ("DDR5", TokenKind::Latin),
            ("COVID-19", TokenKind::Latin),
            ("3.14%", TokenKind::Number),
            ("2023", TokenKind::Number),
            ("，", TokenKind::Punctuation),
            ("……", TokenKind::Punctuation),
            (" \u{3000}", TokenKind::Whitespace),
            ("👪", TokenKind::Other),
            ("\u{FFFD}", TokenKind::Other),
            ("Привет", TokenKind::Other),
        ];
        for (w, k) in cases {
            assert_eq!(classify(w), k, "{w}");
        }
    }
}

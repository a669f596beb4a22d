//! Stage 1: cleaning. Builds the text the analysis reads, and a map from each of its
//! characters back to the user's text.
//!
//! PLACEHOLDER: identity cleaning; the real stage replaces this file.

use crate::report::Cleaning;

/// A UTF-16 range `[start, end)` in the user's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// The cleaned view of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    /// What the analysis reads.
    pub text: String,
    /// For each `char` of `text`, in order, the span of the user's text it stands for.
    /// Spans rise: each starts at or after the previous one's end.
    pub spans: Vec<Span>,
    /// What was removed or changed.
    pub cleaning: Cleaning,
    /// The user's text's length in UTF-16 code units.
    pub utf16_len: u32,
}

/// Clean `original` for analysis.
pub fn clean(original: &str) -> Cleaned {
    let mut spans = Vec::new();
    let mut at = 0u32;
    for c in original.chars() {
        let n = c.len_utf16() as u32;
        spans.push(Span { start: at, end: at + n });
        at += n;
    }
    Cleaned {
        text: original.to_string(),
        spans,
        cleaning: Cleaning::default(),
        utf16_len: at,
    }
}

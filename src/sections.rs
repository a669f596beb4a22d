//! Stage: section structure. Finds headings, paragraphs and sentences in the cleaned text.
//!
//! PLACEHOLDER: one section; the real stage replaces this file.

/// One section, in character indices of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSpan {
    pub title: String,
    pub level: u8,
    pub parent: Option<usize>,
    pub heading: bool,
    /// Char range `[start, end)` in the cleaned text; the sections tile `0..char_count`.
    pub start: usize,
    pub end: usize,
    pub paragraphs: u32,
    pub sentences: u32,
    pub characters: u32,
}

/// The structure of a text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Structure {
    pub sections: Vec<SectionSpan>,
    pub paragraphs: u32,
    pub sentences: u32,
}

/// Find the structure of `text` (the cleaned text). Empty text has no sections; any other
/// text has at least one, and the sections tile it.
pub fn detect(text: &str) -> Structure {
    let n = text.chars().count();
    if n == 0 {
        return Structure::default();
    }
    let characters = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
    Structure {
        sections: vec![SectionSpan {
            title: String::new(),
            level: 0,
            parent: None,
            heading: false,
            start: 0,
            end: n,
            paragraphs: 1,
            sentences: 1,
            characters,
        }],
        paragraphs: 1,
        sentences: 1,
    }
}

//! The parts of a text that dispersion and trends count in: its sections, or equal segments.
//!
//! One rule for both: asked for `segments: N`, the text's words are cut into N segments of
//! (as nearly as possible) equal numbers of words; asked for none, the parts are the sections
//! when the text has headings, and 10 equal segments when it has none (its sections are then
//! its paragraphs, too many and too uneven to compare).

use serde::Serialize;

use super::corpus::Corpus;
use crate::Error;

/// Segments when the text has no headings and none are asked for.
pub const DEFAULT_SEGMENTS: usize = 10;
/// The most segments a request may ask for.
pub const MAX_SEGMENTS: usize = 1000;

/// One part of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Part {
    /// The section's title, or `"3/10"` for the third of ten segments.
    pub title: String,
    /// UTF-16 range in the user's text; the parts tile the text.
    pub start: u32,
    pub end: u32,
    /// Word tokens (Han, Latin, numbers) in the part.
    pub words: u32,
}

/// The parts of `corpus`, and the part of each word (in [`Corpus::words`] order).
///
/// # Errors
/// [`Error::InvalidQuery`] for 0 segments or more than [`MAX_SEGMENTS`].
pub fn parts(corpus: &Corpus, segments: Option<usize>) -> Result<(Vec<Part>, Vec<u32>), Error> {
    if let Some(n) = segments {
        if n == 0 || n > MAX_SEGMENTS {
            return Err(Error::InvalidQuery(format!(
                "segments are 1 to {MAX_SEGMENTS}, not {n}"
            )));
        }
    }
    let words: Vec<u32> = corpus.words().map(|w| w.token).collect();
    match segments {
        None if corpus.has_headings() => Ok(by_sections(corpus, &words)),
        n => Ok(equal(corpus, &words, n.unwrap_or(DEFAULT_SEGMENTS))),
    }
}

/// The sections as parts.
fn by_sections(corpus: &Corpus, words: &[u32]) -> (Vec<Part>, Vec<u32>) {
    let sections: Vec<_> = corpus.sections().collect();
    let mut of_word = Vec::with_capacity(words.len());
    let mut part = 0usize;
    for &t in words {
        while sections.get(part + 1).is_some_and(|&(_, first)| first <= t) {
            part += 1;
        }
        of_word.push(part as u32);
    }
    let mut parts: Vec<Part> = sections
        .iter()
        .map(|(s, _)| Part {
            title: s.title.clone(),
            start: s.start,
            end: s.end,
            words: 0,
        })
        .collect();
    for &p in &of_word {
        parts[p as usize].words += 1;
    }
    (parts, of_word)
}

/// `n` segments of equal numbers of words: word `i` of `w` is in segment ⌊i·n/w⌋.
fn equal(corpus: &Corpus, words: &[u32], n: usize) -> (Vec<Part>, Vec<u32>) {
    let w = words.len();
    let of_word: Vec<u32> = (0..w).map(|i| (i * n / w.max(1)) as u32).collect();
    // Segment k starts at its first word: the first i with ⌊i·n/w⌋ ≥ k, i = ⌈k·w/n⌉.
    let start_of = |k: usize| -> u32 {
        if k == 0 {
            return 0;
        }
        let i = (k * w).div_ceil(n);
        match words.get(i) {
            Some(&t) => {
                let (c, _) = corpus.char_range(t as usize);
                corpus.utf16_span(c, c).0
            }
            None => corpus.utf16_len(),
        }
    };
    let mut parts: Vec<Part> = (0..n)
        .map(|k| Part {
            title: format!("{}/{n}", k + 1),
            start: start_of(k),
            end: if k + 1 == n {
                corpus.utf16_len()
            } else {
                start_of(k + 1)
            },
            words: 0,
        })
        .collect();
    for &p in &of_word {
        parts[p as usize].words += 1;
    }
    (parts, of_word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::corpus::for_test;

    #[test]
    fn sections_with_headings_else_equal_segments() {
        let c = for_test("# one\na b c\n# two\nd e\n");
        let (p, of) = parts(&c, None).unwrap();
        let got: Vec<(&str, u32, u32, u32)> = p
            .iter()
            .map(|p| (p.title.as_str(), p.start, p.end, p.words))
            .collect();
        // The heading's own word counts in its section.
        assert_eq!(got, [("# one", 0, 12, 4), ("# two", 12, 22, 3)]);
        assert_eq!(of, [0, 0, 0, 0, 1, 1, 1]);
        let (p, of) = parts(&c, Some(3)).unwrap();
        assert_eq!(of, [0, 0, 0, 1, 1, 2, 2]);
        assert_eq!(p.iter().map(|p| p.words).collect::<Vec<_>>(), [3, 2, 2]);
        assert_eq!(
            (p[0].start, p[1].start, p[2].start, p[2].end),
            (0, 10, 18, 22)
        );
        // Without headings, 10 segments; more segments than words leave some empty.
        let c = for_test("a b c");
        let (p, of) = parts(&c, None).unwrap();
        assert_eq!(p.len(), 10);
        assert_eq!(of, [0, 3, 6]);
        assert!(p.windows(2).all(|w| w[0].end == w[1].start), "they tile");
        assert_eq!(parts(&c, Some(0)).unwrap_err().kind(), "invalid_query");
    }
}

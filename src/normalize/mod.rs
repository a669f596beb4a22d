//! Stage 1: cleaning. Builds the text the analysis reads from pasted text, and a map from each
//! of its characters back to the user's text.
//!
//! Text pasted from the web carries leftovers that would otherwise be segmented into "words":
//! HTML tags and entities, inline pinyin annotations (`經(jīng)濟(jì)`, described in the corpus
//! README under `annotated-web-text/`), full-width Latin letters, zero-width characters and
//! mojibake. [`clean`] removes or rewrites them in one left-to-right pass:
//!
//! | in the user's text                          | in `text`      | its span         |
//! |---------------------------------------------|----------------|------------------|
//! | block tag `</p>` `<br>` `<div class="x">`   | one `'\n'`     | the tag          |
//! | inline tag `<span>`, `<!DOCTYPE>`, `<html>` | nothing        |                  |
//! | comment `<!-- … -->`                        | nothing        |                  |
//! | `<script>`, `<style>`, `<svg>`, `<noscript>`, `<template>` element, tags and content | nothing | |
//! | entity `&amp;` `&nbsp;` `&#12289;`          | its character  | the entity       |
//! | pinyin annotation `(jīng)` after a Han char | nothing        |                  |
//! | full-width `Ａ` `１` `％`                   | `A` `1` `%`    | the character    |
//! | `．` right after a Han char (a full stop)   | itself         | itself           |
//! | zero-width U+200B–U+200D, U+2060, U+FEFF    | nothing        |                  |
//! | mojibake run `?!耙粠б宦贰背h`, `���`         | one U+FFFD     | the run          |
//! | anything else (`\r\n` included)             | itself         | itself           |
//!
//! Inside a Markdown fenced code block, and for a tag right after a backtick, nothing is
//! rewritten: there `<div>` is code being shown, not markup.
//!
//! A tag is `<name …>` or `</name>` with an HTML element's name (or a custom element's, or
//! Word's `<o:p>`), so `x<y>z` and `<三国演义>` stay text; in a whole HTML page (one that opens
//! with `<!DOCTYPE html>` or `<html>`) any ASCII name makes a tag, since a page's source
//! writes a literal `<` as `&lt;`.
//!
//! A comment or element whose end is missing is not dropped past the text's end: the opening
//! tag alone goes (see `hidden` for the rules that keep a pasted fragment's words, and a
//! tutorial's `<script>标签`). The page's `<title>` is text: it is what the page is called.
//!
//! Every rule looks ahead a bounded distance only (or, for comments and hidden elements,
//! remembers what an earlier search found), so cleaning is linear in the text's length.
//!
//! One file per job: `cleaner` is the pass itself, which asks at each char whether a rule
//! applies; `html`, `hidden`, `entities`, `pinyin`, `width`, `mojibake` and `code` each hold
//! one kind of rule; `spans` keeps the map back to the user's text.

mod cleaner;
mod code;
mod entities;
mod hidden;
mod html;
mod mojibake;
mod pinyin;
mod spans;
mod width;

pub use spans::{Span, Spans};

use crate::report::Cleaning;

/// The cleaned view of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    /// What the analysis reads.
    pub text: String,
    /// For each `char` of `text`, in order, the span of the user's text it stands for.
    /// Spans rise: each starts at or after the previous one's end.
    pub spans: Spans,
    /// What was removed or changed.
    pub cleaning: Cleaning,
    /// The user's text's length in UTF-16 code units.
    pub utf16_len: u32,
}

impl Cleaned {
    /// The UTF-16 range in the user's text of the cleaned chars `[start, end)`: from the start
    /// of the first char's span to the end of the last one's. An empty range (or one past the
    /// end) is empty at the first char's start (the text's end past the last char).
    pub fn utf16_span(&self, start: usize, end: usize) -> (u32, u32) {
        self.spans.utf16_span(start, end, self.utf16_len)
    }
}

/// Clean `original` for analysis: drop markup, pinyin annotations, zero-width characters and
/// mojibake, decode entities and fold full-width Latin letters and digits (see the module
/// docs for every rule).
///
/// `spans` has one entry per `char` of `text`; spans rise, never overlap, and lie within
/// `0..=utf16_len`. A char kept as it was has the span of that char; a char that stands for
/// more (a tag's `'\n'`, a decoded entity, a mojibake run's U+FFFD) has the span of all of
/// it. Empty input gives empty output. Never panics; linear time.
///
/// # Example
/// ```
/// use wenxi::normalize::{clean, Span};
///
/// let cleaned = clean("<p>經(jīng)濟&amp;👪</p>");
/// assert_eq!(cleaned.text, "\n經濟&👪\n");
/// assert_eq!(cleaned.spans.get(2).unwrap(), Span { start: 10, end: 11 }); // 濟, after the annotation
/// assert_eq!(cleaned.spans.get(3).unwrap(), Span { start: 11, end: 16 }); // &amp;
/// assert_eq!(cleaned.spans.get(4).unwrap(), Span { start: 16, end: 18 }); // 👪: two UTF-16 units
/// assert_eq!(cleaned.cleaning.annotations, 1);
/// assert_eq!(cleaned.cleaning.tags, 2);
/// ```
pub fn clean(original: &str) -> Cleaned {
    cleaner::Cleaner::new(original).run()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::spans::spans;

    /// Clean each input and compare with the expected text, one case a line.
    pub(super) fn assert_cases(cases: &[(&str, &str)]) {
        for &(input, expected) in cases {
            let cleaned = clean(input);
            assert_eq!(cleaned.text, expected, "input: {input:?}");
            assert_eq!(
                cleaned.spans.len(),
                cleaned.text.chars().count(),
                "input: {input:?}"
            );
        }
    }

    #[test]
    fn everything_else_stays() {
        assert_cases(&[("第一行\r\n第二行\n", "第一行\r\n第二行\n"), ("", "")]);
    }

    #[test]
    fn spans_point_into_the_original_across_astral_chars() {
        // 👪 and 𦡦 are two UTF-16 units each; 𦡦 is a Han char (extension B).
        let cleaned = clean("👪經(jīng)𦡦(jīng)<br>𦡦&amp;👪");
        assert_eq!(cleaned.text, "👪經𦡦\n𦡦&👪");
        assert_eq!(
            cleaned.spans.iter().collect::<Vec<_>>(),
            spans(&[
                (0, 2),
                (2, 3),
                (9, 11),
                (17, 21),
                (21, 23),
                (23, 28),
                (28, 30)
            ])
        );
        assert_eq!(cleaned.utf16_len, 30);
        assert_eq!(cleaned.cleaning.annotations, 2);
    }

    #[test]
    fn counts() {
        let cleaned = clean(concat!(
            "<p>經(jīng)濟(jì)&nbsp;ＡＩ\u{200B}</p><!-- c --><svg><path/></svg>",
            "的(de)(de)?!耙б背h \u{FFFD}\u{FFFD}<script>x",
        ));
        let expected = Cleaning {
            annotations: 4,
            // <p>, </p>, <svg>, </svg> and the unclosed <script>; the comment is hidden.
            tags: 5,
            hidden: 2,
            entities: 1,
            width_folded: 2,
            zero_width: 1,
            mojibake: 2,
        };
        assert_eq!(cleaned.cleaning, expected);
    }

    #[test]
    fn long_repetitions_are_linear() {
        // Each of these would be quadratic with an unbounded look-ahead.
        for unit in [
            "的(de)",
            "(a)",
            "<!--",
            "<script>",
            "<svg>",
            "<svg></svg>",
            "<template>\n",
            "<noscript>",
            "<style>里",
            "&#",
            "?!耙",
            "<a \"",
            "\u{FFFD}",
        ] {
            let input = unit.repeat(100_000);
            let started = std::time::Instant::now();
            let cleaned = clean(&input);
            assert_eq!(cleaned.spans.len(), cleaned.text.chars().count());
            assert!(
                started.elapsed().as_secs() < 5,
                "{unit:?} repeated took {:?}",
                started.elapsed()
            );
        }
    }
}

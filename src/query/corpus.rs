//! The kept analysis: what the queries read of the last analysed text, held compactly so that
//! a query never analyses again.
//!
//! A [`Corpus`] holds the cleaned text with its map back to the user's text, the user's text
//! itself only when cleaning changed it (as UTF-16, which is what its offsets count), and the
//! token stream as parallel arrays: where each token starts (a char index; it ends where the
//! next starts), its word (an index into the vocabulary of distinct keys), its part of speech
//! and one byte of break flags. That is 10 bytes a token; a 9 MB novel's three million chars
//! and two million tokens keep about 45 MB (see the README's Performance section).

use super::stream::{Entry, Stream, WordAt};
use crate::normalize::{Cleaned, Spans};
#[cfg(test)]
use crate::{
    report::TokenKind,
    segment::{Pos, Tok},
};

/// Chars between two checkpoints of the char → byte map.
const STRIDE: usize = 64;

/// A section of the text, as the queries' parts see it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SectionMark {
    pub title: String,
    /// Whether it starts at a heading line.
    pub heading: bool,
    /// First char in the cleaned text.
    pub start_char: usize,
    /// UTF-16 range in the user's text.
    pub start: u32,
    pub end: u32,
}

/// The last analysed text, as the queries read it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Corpus {
    /// The cleaned text.
    text: String,
    /// Where its chars are in the user's text (the cleaner's map, compressed).
    spans: Spans,
    /// The user's text's length in UTF-16 code units.
    utf16_len: u32,
    /// The user's text in UTF-16, kept only when cleaning changed it (else the cleaned text
    /// is the user's text).
    original: Option<Vec<u16>>,
    #[serde(skip)]
    chars: usize,
    /// Byte offset in `cleaned.text` of every `STRIDE`-th char.
    #[serde(skip)]
    checkpoints: Vec<u32>,
    stream: Stream,
    /// Break flags per token (`SENTENCE_START`, `PHRASE_START`).
    #[serde(skip)]
    flags: Vec<u8>,
    sections: Vec<SectionMark>,
    /// First token of each section.
    section_tokens: Vec<u32>,
    /// The terms the analysis joined into one token each (`Options::terms`), as discovery
    /// found them in the plain segmentation: the stream holds them as single words, so the
    /// terms query lists them from here.
    joined: Vec<super::Term>,
}

impl Corpus {
    /// Keep `stream` (tokens of `cleaned`) and `sections` for queries on the text `original`.
    pub fn new(
        original: &str,
        cleaned: Cleaned,
        stream: Stream,
        sections: Vec<SectionMark>,
    ) -> Corpus {
        let Cleaned {
            mut text,
            spans,
            utf16_len,
            ..
        } = cleaned;
        text.shrink_to_fit();
        let (chars, checkpoints) = checkpoints_of(&text);
        let original = (text != original).then(|| {
            let mut units: Vec<u16> = Vec::with_capacity(utf16_len as usize);
            units.extend(original.encode_utf16());
            units
        });
        let section_tokens: Vec<u32> = sections
            .iter()
            .map(|s| stream.token_at_or_after(s.start_char) as u32)
            .collect();
        let flags = stream.break_flags(&section_tokens);
        Corpus {
            text,
            spans,
            utf16_len,
            original,
            chars,
            checkpoints,
            stream,
            flags,
            sections,
            section_tokens,
            joined: Vec::new(),
        }
    }

    /// The same, recording `terms` as the terms joined into the stream's tokens.
    pub fn with_joined(mut self, terms: Vec<super::Term>) -> Corpus {
        self.joined = terms;
        self
    }

    /// The terms joined into single tokens by the analysis (empty unless `Options::terms`).
    pub fn joined(&self) -> &[super::Term] {
        &self.joined
    }

    /// The token stream.
    pub fn stream(&self) -> &Stream {
        &self.stream
    }

    /// The break flags of the tokens (sections included), for [`Stream::words`].
    pub fn flags(&self) -> &[u8] {
        &self.flags
    }

    /// Vocabulary entry `id`.
    pub fn entry(&self, id: u32) -> Entry<'_> {
        self.stream.entry(id)
    }

    /// The vocabulary index of the word counted by `key`, if the text has it.
    pub fn id_of(&self, key: &str) -> Option<u32> {
        self.stream.id_of(key)
    }

    /// The number of distinct words (vocabulary entries) of every kind.
    pub fn vocab_len(&self) -> usize {
        self.stream.vocab_len()
    }

    /// Char range `[start, end)` of token `i` in the cleaned text.
    pub fn char_range(&self, i: usize) -> (usize, usize) {
        let starts = &self.stream.starts;
        let start = starts.get(i).map_or(self.chars, |&s| s as usize);
        let end = starts.get(i + 1).map_or(self.chars, |&s| s as usize);
        (start, end)
    }

    /// The token that holds char `c` of the cleaned text (the last token for `c` past the end).
    pub fn token_at_char(&self, c: usize) -> usize {
        self.stream
            .starts
            .partition_point(|&s| s as usize <= c)
            .saturating_sub(1)
    }

    /// The first token that starts at or after char `c`.
    pub fn token_at_or_after(&self, c: usize) -> usize {
        self.stream.token_at_or_after(c)
    }

    /// The cleaned text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Chars in the cleaned text.
    pub fn chars(&self) -> usize {
        self.chars
    }

    /// The user's text in UTF-16 when cleaning changed it; `None` when it is the cleaned text.
    pub fn original(&self) -> Option<&[u16]> {
        self.original.as_deref()
    }

    /// The user's text's length in UTF-16 code units.
    pub fn utf16_len(&self) -> u32 {
        self.utf16_len
    }

    /// UTF-16 range in the user's text of cleaned chars `[start, end)`.
    pub fn utf16_span(&self, start: usize, end: usize) -> (u32, u32) {
        self.spans.utf16_span(start, end, self.utf16_len)
    }

    /// The first char of the cleaned text whose span in the user's text starts at or after
    /// UTF-16 unit `at` (the cleaned text's length when none does): spans rise, so a binary
    /// search finds it.
    pub fn char_from_utf16(&self, at: u32) -> usize {
        let (mut lo, mut hi) = (0, self.chars);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.spans.get(mid).is_some_and(|s| s.start < at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Byte offset in the cleaned text of char `c` (the text's length past the end).
    pub fn byte_of_char(&self, c: usize) -> usize {
        let text = &self.text;
        let Some(&base) = self.checkpoints.get(c / STRIDE) else {
            return text.len();
        };
        let base = base as usize;
        let rest = c % STRIDE;
        text.get(base..)
            .and_then(|t| t.char_indices().nth(rest))
            .map_or(text.len(), |(b, _)| base + b)
    }

    /// Char index of byte offset `b` of the cleaned text (a char boundary).
    pub fn char_of_byte(&self, b: usize) -> usize {
        let k = self
            .checkpoints
            .partition_point(|&x| x as usize <= b)
            .saturating_sub(1);
        let base = self.checkpoints.get(k).map_or(0, |&x| x as usize);
        let walked = self
            .text
            .get(base..b.max(base))
            .map_or(0, |s| s.chars().count());
        k * STRIDE + walked
    }

    /// The cleaned text of chars `[start, end)`.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let (a, b) = (self.byte_of_char(start), self.byte_of_char(end));
        self.text.get(a..b.max(a)).unwrap_or("")
    }

    /// Every word token (Han, Latin, number) in text order, with its sentence and phrase.
    pub fn words(&self) -> impl Iterator<Item = WordAt> + '_ {
        self.stream.words(&self.flags)
    }

    /// The sections in text order, with the first token of each.
    pub fn sections(&self) -> impl Iterator<Item = (&SectionMark, u32)> {
        self.sections
            .iter()
            .zip(self.section_tokens.iter().copied())
    }

    /// Whether any section starts at a heading (else the sections are paragraphs).
    pub fn has_headings(&self) -> bool {
        self.sections.iter().any(|s| s.heading)
    }

    /// The kept analysis as bytes, to hand to another worker: the page analyses a corpus's
    /// documents in several workers and answers the corpus queries in one, which reads them
    /// with [`Corpus::from_bytes`]. Versioned: only the same Wenxi reads them back.
    pub fn to_bytes(&self) -> Vec<u8> {
        // A struct of plain data always serialises.
        postcard::to_allocvec(&(crate::VERSION, self)).unwrap_or_default()
    }

    /// A kept analysis from [`Corpus::to_bytes`]. The parts the queries index by are checked
    /// and the derived ones (char count, checkpoints, break flags) rebuilt, so bytes that
    /// decode but do not hold together are refused rather than read out of range.
    ///
    /// # Errors
    /// A message saying why the bytes are not a kept analysis of this version.
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, String> {
        let (version, mut corpus): (String, Corpus) =
            postcard::from_bytes(bytes).map_err(|e| format!("not a kept analysis: {e}"))?;
        if version != crate::VERSION {
            return Err(format!(
                "kept by Wenxi {version}, read by {}",
                crate::VERSION
            ));
        }
        (corpus.chars, corpus.checkpoints) = checkpoints_of(&corpus.text);
        let tokens = corpus.stream.len();
        let whole = corpus.stream.is_whole(corpus.chars)
            && corpus.spans.len() == corpus.chars
            && corpus
                .original
                .as_ref()
                .is_none_or(|o| o.len() == corpus.utf16_len as usize)
            && corpus.section_tokens.len() == corpus.sections.len()
            && corpus.section_tokens.iter().all(|&t| t as usize <= tokens)
            && corpus.sections.iter().all(|s| s.start_char <= corpus.chars);
        if !whole {
            return Err("the kept analysis does not hold together".into());
        }
        corpus.flags = corpus.stream.break_flags(&corpus.section_tokens);
        Ok(corpus)
    }

    /// Bytes held, for the memory figures in the README.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + self.spans.heap_bytes()
            + self.original.as_ref().map_or(0, |o| o.capacity() * 2)
            + self.checkpoints.capacity() * 4
            + self.stream.heap_bytes()
            + self.flags.capacity()
    }
}

/// The chars of `text`, and the byte offset of every `STRIDE`-th.
fn checkpoints_of(text: &str) -> (usize, Vec<u32>) {
    let mut checkpoints = Vec::with_capacity(text.len() / STRIDE / 3 + 1);
    let mut chars = 0usize;
    for (i, (b, _)) in text.char_indices().enumerate() {
        if i % STRIDE == 0 {
            checkpoints.push(b as u32);
        }
        chars += 1;
    }
    (chars, checkpoints)
}

/// A corpus from a text cut at spaces and punctuation (each its own token), for tests that
/// state their expected numbers by hand without depending on jieba's dictionary. Words are
/// tagged `n`; sections start at lines beginning with `#`.
#[cfg(test)]
pub(crate) fn for_test(text: &str) -> Corpus {
    use crate::chars::is_punctuation;
    let cleaned = crate::normalize::clean(text);
    let kind_of = |c: char| {
        if c.is_whitespace() {
            0
        } else if is_punctuation(c) {
            1
        } else {
            2
        }
    };
    let mut words: Vec<String> = Vec::new();
    let mut last: Option<(u8, char)> = None;
    for c in cleaned.text.chars() {
        let k = kind_of(c);
        // Words and spaces run on; each punctuation mark and line break is a token.
        let joins = last.is_some_and(|(lk, lc)| lk == k && k != 1 && c != '\n' && lc != '\n');
        match words.last_mut() {
            Some(w) if joins => w.push(c),
            _ => words.push(c.to_string()),
        }
        last = Some((k, c));
    }
    build_test(text, cleaned, &words)
}

/// A corpus of exactly these tokens (their concatenation is the text), for tests of Chinese
/// tokens side by side; `的/uj` gives a token its part of speech (words are `n` otherwise).
#[cfg(test)]
pub(crate) fn for_tokens(tokens: &[&str]) -> Corpus {
    let split: Vec<(&str, Option<&str>)> = tokens
        .iter()
        .map(|t| match t.split_once('/') {
            Some((w, pos)) => (w, Some(pos)),
            None => (*t, None),
        })
        .collect();
    let text: String = split.iter().map(|(w, _)| *w).collect();
    let cleaned = crate::normalize::clean(&text);
    assert_eq!(cleaned.text, text, "test tokens need no cleaning");
    let words: Vec<String> = split.iter().map(|(w, _)| w.to_string()).collect();
    let mut corpus = build_test(&text, cleaned, &words);
    for (i, (_, pos)) in split.iter().enumerate() {
        if let Some(pos) = pos {
            corpus.stream.pos[i] = Pos::of(pos);
        }
    }
    corpus
}

#[cfg(test)]
fn build_test(text: &str, cleaned: Cleaned, words: &[String]) -> Corpus {
    let t = cleaned.text.clone();
    let mut toks = Vec::new();
    let (mut c, mut b) = (0usize, 0usize);
    for w in words {
        let (ce, be) = (c + w.chars().count(), b + w.len());
        let kind = crate::segment::classify(w);
        let word = matches!(kind, TokenKind::Han | TokenKind::Latin | TokenKind::Number);
        toks.push(Tok {
            start: c,
            end: ce,
            byte_start: b,
            byte_end: be,
            kind,
            pos: if word { Pos::N } else { Pos::X },
        });
        (c, b) = (ce, be);
    }
    let mut marks = Vec::new();
    let mut start_char = 0usize;
    for line in t.split_inclusive('\n') {
        if line.starts_with('#') || start_char == 0 {
            let (start, _) = cleaned.utf16_span(start_char, start_char);
            marks.push(SectionMark {
                title: line.trim().to_string(),
                heading: line.starts_with('#'),
                start_char,
                start: if marks.is_empty() { 0 } else { start },
                end: 0,
            });
        }
        start_char += line.chars().count();
    }
    let len = cleaned.utf16_len;
    for i in 0..marks.len() {
        marks[i].end = marks.get(i + 1).map_or(len, |m| m.start);
    }
    let stream = Stream::build(&t, &t, toks.into_iter(), &[]);
    Corpus::new(text, cleaned, stream, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_vocabulary_and_breaks() {
        let c = for_test("a b, a c. A d\nb");
        let words: Vec<(&str, u32, u32)> = c
            .words()
            .map(|w| (c.entry(w.id).key(), w.sentence, w.phrase))
            .collect();
        // `A` counts as `a`; the comma breaks the phrase, the full stop and the short
        // line's break the sentence.
        assert_eq!(
            words,
            [
                ("a", 0, 0),
                ("b", 0, 0),
                ("a", 0, 1),
                ("c", 0, 1),
                ("a", 1, 2),
                ("d", 1, 2),
                ("b", 2, 3)
            ]
        );
        assert_eq!(
            c.entry(c.id_of("a").unwrap()).word(),
            "a",
            "as first written"
        );
        assert_eq!(c.original(), None, "nothing was cleaned");
    }

    #[test]
    fn a_hard_wrapped_line_does_not_end_its_sentence() {
        let long = "这是一行很长的被硬换行的文字没有标点";
        let text = format!("{long}\n接着写。\n短行\n另一句");
        let c = for_test(&text);
        let sentences: Vec<u32> = c.words().map(|w| w.sentence).collect();
        assert_eq!(sentences, [0, 0, 1, 2]);
    }

    #[test]
    fn char_byte_and_utf16_maps() {
        let text = "👪經(jīng)濟".repeat(40);
        let c = for_test(&text);
        assert!(c.original().is_some(), "the annotations were cleaned away");
        let chars: Vec<(usize, char)> = c.text().char_indices().collect();
        for (i, &(b, _)) in chars.iter().enumerate() {
            assert_eq!(c.byte_of_char(i), b);
            assert_eq!(c.char_of_byte(b), i);
        }
        assert_eq!(c.byte_of_char(chars.len()), c.text().len());
        assert_eq!(c.char_of_byte(c.text().len()), chars.len());
        // 濟 (char 2) comes after 👪 (2 units), 經 and its annotation (1 + 6).
        assert_eq!(c.utf16_span(2, 3), (9, 10));
        assert_eq!(c.slice(1, 3), "經濟");
    }
}

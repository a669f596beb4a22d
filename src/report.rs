//! The serialisable result of [`Analyzer::analyze`]: the one place the output shape is defined.
//!
//! Every offset is a UTF-16 code unit index into the text the user gave (what JS `slice()`
//! takes), even though the analysis ran on a cleaned, possibly converted copy. Every list has
//! a documented order so that the same input gives byte-identical JSON. Field names are
//! camelCase in JSON; the README's field table mirrors this file, and the TypeScript types in
//! `js/report.d.ts` are generated from it.
//!
//! [`Analyzer::analyze`]: crate::Analyzer::analyze

use serde::{Deserialize, Serialize};

/// Everything Wenxi found in one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The crate version that produced the report.
    pub version: &'static str,
    /// Content words by count descending, ties by `word` (code point order), at most
    /// `options.top_n` of them.
    pub keywords: Vec<Keyword>,
    /// Sections in document order. Their `start..end` ranges tile the text: the first starts
    /// at 0, each ends where the next starts, the last ends at the text's UTF-16 length.
    pub sections: Vec<Section>,
    /// Counts over the whole text.
    pub stats: Stats,
    /// What cleaning removed or changed before analysis.
    pub cleaning: Cleaning,
    /// Which Chinese script the text is written in.
    pub script: Script,
    /// Size in words of the reference corpus that `keywords[].reference` counts in: the
    /// frequencies of jieba's dictionary.
    // A JS number: reference counts stay far below 2^53.
    #[cfg_attr(test, ts(type = "number"))]
    pub reference_total: u64,
    /// Every token in text order, only when `options.include_tokens` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub tokens: Option<Vec<Token>>,
}

/// One content word and where it is used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Keyword {
    /// The word as first written in the user's text (traditional stays traditional,
    /// annotations and markup removed, full-width letters folded).
    pub word: String,
    /// Simplified, lower-cased form used to count: 發展 and 发展 count as one word.
    pub key: String,
    /// Occurrences in the text.
    pub count: u32,
    /// `count` divided by the number of content-word occurrences in the text (0..=1).
    pub share: f64,
    /// TF-IDF weight as Python jieba's `extract_tags` computes it: count over all candidate
    /// occurrences times jieba's IDF (its median IDF for words it does not list).
    pub weight: f64,
    /// TextRank score over the content-word co-occurrence graph (window 5), scaled so that
    /// the best-ranked word of the text scores 1.
    pub textrank: f64,
    /// Part-of-speech tag of the first occurrence (jieba's tag set, e.g. `n`, `v`, `ns`).
    pub pos: String,
    /// UTF-16 offset of the first occurrence in the user's text.
    pub first: u32,
    /// Every occurrence as a UTF-16 `[start, end)` range in the user's text, in text order
    /// (`first` is the first one's start). An annotated occurrence such as `經(jīng)濟`
    /// spans its annotations, so highlighting it marks what the user wrote.
    pub occurrences: Vec<(u32, u32)>,
    /// Occurrences in the reference corpus (jieba's dictionary, [`Report::reference_total`]
    /// words in all; 0 when it does not list the word), for keyness measures such as
    /// log-likelihood.
    #[cfg_attr(test, ts(type = "number"))]
    pub reference: u64,
    /// Occurrences per section as `[sectionIndex, count]` pairs, by section index; sections
    /// where the word does not occur are left out.
    pub sections: Vec<(u32, u32)>,
}

/// A part of the text under one heading (or, for text without headings, one paragraph).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Section {
    /// The heading line as written (trimmed, markup such as `#` kept out), or for a section
    /// that is not under a heading, its opening clause.
    pub title: String,
    /// 0 for text before the first heading, 1 for top-level headings, deeper levels after.
    pub level: u8,
    /// Index of the enclosing section in `sections`, if any.
    pub parent: Option<u32>,
    /// Whether the section begins with a heading line (false for paragraphs and preamble).
    pub heading: bool,
    /// UTF-16 offset where the section begins (its heading line included).
    pub start: u32,
    /// UTF-16 offset where the next section begins, or the text's length.
    pub end: u32,
    /// Paragraphs, sentences and characters (Unicode scalar values of the cleaned text,
    /// whitespace excluded) in this section alone, not counting its subsections.
    pub paragraphs: u32,
    pub sentences: u32,
    pub characters: u32,
    /// The section's most frequent content words, count descending then word; at most 5.
    pub keywords: Vec<WordCount>,
}

/// A word and how often it occurs in some part of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WordCount {
    pub word: String,
    pub count: u32,
}

/// Counts over the whole text. (Deserialize too: a corpus's document summaries carry it,
/// see [`crate::collection::DocumentSummary`].)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Unicode scalar values in the user's text, everything included.
    pub characters: u32,
    /// UTF-16 code units in the user's text (its JS `length`).
    pub utf16_length: u32,
    /// Han characters in the cleaned text (annotations and markup excluded).
    pub han_characters: u32,
    /// Tokens of every kind, whitespace excluded.
    pub tokens: u32,
    /// Content-word occurrences: the tokens keyword counting considers (before `top_n`).
    pub words: u32,
    /// Distinct content words.
    pub distinct_words: u32,
    pub sentences: u32,
    pub paragraphs: u32,
    /// Non-whitespace characters of the cleaned text per sentence.
    pub average_sentence_length: f64,
    /// Minutes to read the text: Han characters at 255 per minute plus Latin words at 228 per
    /// minute, the silent reading rates the IReST study measured for Chinese and English
    /// (Trauzettel-Klosinski & Dietz, 2012).
    pub reading_minutes: f64,
}

/// What cleaning removed or changed. Counts are occurrences in the user's text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Cleaning {
    /// Inline pinyin annotations such as `(jīng)` after Han characters.
    pub annotations: u32,
    /// HTML tags such as `</p>` or `<span class="x">`, the opening and closing tags of the
    /// elements counted in `hidden` included.
    pub tags: u32,
    /// Comments, and `<script>`, `<style>`, `<svg>`, `<noscript>` and `<template>` elements,
    /// whose content was left out: a reader of the page never sees it.
    pub hidden: u32,
    /// HTML entities such as `&nbsp;` or `&#12289;`, decoded.
    pub entities: u32,
    /// Full-width Latin letters, digits and signs folded to half-width.
    pub width_folded: u32,
    /// Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) ignored.
    pub zero_width: u32,
    /// Mojibake runs (mis-decoded bytes, U+FFFD) kept out of the analysis.
    pub mojibake: u32,
}

/// The script of the text's Han characters.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Script {
    /// `"simplified"`, `"traditional"`, `"mixed"`, or `"none"` when no character tells.
    pub kind: ScriptKind,
    /// Han characters that only traditional text uses (they change under t2s conversion).
    pub traditional_chars: u32,
    /// Han characters that only simplified text uses (they change under s2t conversion).
    pub simplified_chars: u32,
    /// Whether segmentation ran on a simplified copy.
    pub converted: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ScriptKind {
    Simplified,
    Traditional,
    Mixed,
    None,
}

/// One token of the segmentation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Token {
    /// The token as written in the cleaned text.
    pub word: String,
    /// UTF-16 range in the user's text.
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    /// jieba's part-of-speech tag (`x` for punctuation and symbols, `m` for numbers).
    pub pos: String,
}

/// What a token is, by its characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum TokenKind {
    /// Han characters (possibly with letters or digits, as in `5G网络` dictionary words).
    Han,
    /// Latin letters, possibly with digits and connectors (`DDR5`, `COVID-19`).
    Latin,
    /// Digits with separators and percentages (`2023`, `3.14%`, `3‰`); dates as jieba cuts
    /// them (`2023` / `年`).
    Number,
    Punctuation,
    Whitespace,
    /// Anything else: emoji, symbols, other scripts, mojibake.
    Other,
}

/// How far an analysis has got, reported while it runs (see
/// [`crate::Analyzer::analyze_with_progress`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// The stage now running.
    pub stage: Stage,
    /// The whole analysis done so far, 0 to 1, rising; 1 once the report is ready.
    pub fraction: f64,
}

/// The stages of an analysis, in the order it runs them: cleaning, telling the script (and
/// making the simplified copy), segmenting, finding the sections, counting and ranking
/// keywords, done. Serialised by name (`"cleaning"`, `"script"`, `"segmenting"`, `"sections"`,
/// `"keywords"`, `"done"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Stage {
    Cleaning,
    Script,
    Segmenting,
    Sections,
    Keywords,
    Done,
}

//! Stage 4: section structure. Finds headings, paragraphs and sentences in the cleaned text and
//! cuts the text into sections that tile it.
//!
//! The stage reads the text line by line and never looks further than a bounded distance
//! inside a line, so it is linear in the text's length whatever the input (a 10 MB line without
//! punctuation, 100,000 headings).
//!
//! # Headings
//! A heading is a whole line (trimmed) in one of these conventions:
//!
//! | convention                                   | example                     | kept when             |
//! |----------------------------------------------|-----------------------------|-----------------------|
//! | Markdown ATX, outside ``` / ~~~ fences       | `## 第一章 总则`             | always                |
//! | 编/部分 > 分编 > 章/回 > 节 > 款 > 目 > 条 (and 編節條) | `第 一 章 總綱`, `第一分编  通则` | line ≤ 50 chars, no final `。！？；` |
//! | articles 第X条 / 條 (`第 15-1 條`, `第十条之一`) | `第一条 为了……。`            | ≥ 3 article lines in the text; label set apart |
//! | appendices `附件` `附件1` `附录一`, alone or with a short title | `附件2 名词解释` | line ≤ 50 chars |
//! | list markers `一、` `（一）` `1.` `1.1` `1、` `（1）` `①` | `（一）加力扩内需稳增长` | see below             |
//! | a short title line                           | `2026年上海市政府工作报告`    | see below             |
//!
//! An article's label stands apart from its text: alone on its line (Taiwan's laws), before a
//! space, or before a bracketed caption. A line that runs on from a label into a sentence is
//! article text that begins with a reference (`第七十八條至第八十三條規定，……準用之。`).
//!
//! A list-marker line is a heading when what follows the marker is a short phrase without
//! sentence punctuation (`一、工作回顾`); or a single short sentence (`（一）坚持……增长。`) that
//! is not one item of a list of such lines; or a short "run-in" head sentence, ending in a full
//! stop, opening a longer paragraph (`（一）加强政治建设。持续深入……`), the style of Chinese
//! government reports, unless the line is one of a list of short items. A long sentence after a
//! marker is a list item of its paragraph, not a heading (`1.加强…，…。`), and so is a clause
//! ending in `；`; but a line numbered between two headings of its kind (`（四）` between `（三）`
//! and `（五）`) is a heading like its siblings, however long. The numbered items of an article
//! are its clauses, never headings. A text that marks its headings with `#` has no numbered
//! headings: its numbered lines are list items. Markers in the middle of a line
//! (`一是……，二是……`) are never headings.
//!
//! A short title line (5–30 chars, with Han, no punctuation at its end, no colon, no space
//! between Han characters as in a by-line `市长 龚 正`) is a heading only when the next line is
//! a paragraph at least twice its length (or, for the text's first line, a heading), and only in
//! texts without Markdown headings, whose headings are explicit.
//!
//! # Levels
//! Levels are relative, like a document outline: each heading *kind* (`一、`, `（一）`, `1.`, Markdown
//! `##`, 章, …) takes the next level the first time it appears below another, and returns to that
//! level when it appears again. Ranked kinds (Markdown `#` counts; 编 > 章 > 节 > 条; `1.` > `1.1`)
//! close deeper ranks of their own family. The document title — the first heading when it is a
//! short title line, or a `#` heading that no other `#` heading follows — is level 1 but does not
//! contain the rest: the outline below it starts at level 1 again. So `一、` is level 1 in a report
//! whether or not its title was recognised, and a law's 编 has the same level with or without
//! Markdown marks. An appendix (`附件1`) is a document appended: it is level 1, closes every
//! heading before it, its title line is level 2 and holds nothing, and its own numbering starts
//! afresh at level 2; a heading that takes up the body's numbering where the body left it
//! (西游记's `附录` between `第八回` and `第九回`) closes the appendix again. Text before the
//! first heading is a level-0 preamble.
//!
//! # Paragraphs and sentences
//! Paragraphs are separated by blank lines and line breaks, except in hard-wrapped text (the
//! Project Gutenberg novels in the evaluation corpus break every line at about 36 chars), where a
//! line near the wrap width that does not end a sentence continues into the next line unless
//! that one is indented or a heading. A heading line that holds nothing but the heading is
//! neither a paragraph nor a sentence; a run-in heading's line is a paragraph.
//!
//! Sentences end at a run of `。！？；…．` with the closing quotes and brackets after it (紅樓夢
//! in the corpus writes its full stops as `．`), at a half-width `! ? ;` or `.` that follows a
//! Han character or closing quote and precedes a space, the end or a Han character, and at a
//! paragraph's end. Only sentences with non-whitespace content count.
//!
//! # Where things are
//! - `lines.rs`: the text as lines; clipping titles, a paragraph's opening clause.
//! - Heading recognition: `markers.rs` (what one line's text starts with: `#`, `第X章`,
//!   appendix labels, list markers and their numbers), `headings.rs` (heading kinds, and which
//!   marked lines are headings), `lists.rs` (which list lines are headings given their
//!   neighbours) and `title_lines.rs` (short title lines without a mark).
//! - `paragraphs.rs`: paragraphs, joining hard-wrapped lines.
//! - `sentences.rs`: sentence ends and counts.
//! - `outline.rs`: section starts, levels, parents and counts.

mod headings;
mod lines;
mod lists;
mod markers;
mod outline;
mod paragraphs;
mod sentences;
mod title_lines;

use headings::strong_headings;
use lines::split_lines;
use outline::build;
use paragraphs::find_paragraphs;
use title_lines::find_title_lines;

/// One section, in character indices of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSpan {
    /// The heading line trimmed (Markdown `#`s removed), or for a section that is not a heading,
    /// the opening clause of its first paragraph; at most 40 chars (41 with a closing `…`).
    pub title: String,
    /// 0 for the preamble before the first heading, 1 for top-level sections, deeper below.
    pub level: u8,
    /// Index of the nearest earlier section with a smaller level ≥ 1.
    pub parent: Option<usize>,
    /// Whether the section starts at a heading line.
    pub heading: bool,
    /// Char range `[start, end)` in the cleaned text; the sections tile `0..char_count`.
    pub start: usize,
    pub end: usize,
    /// Paragraphs that start in this section.
    pub paragraphs: u32,
    /// Sentences of those paragraphs.
    pub sentences: u32,
    /// Non-whitespace chars in `[start, end)`, U+FFFD (mojibake) excluded.
    pub characters: u32,
}

/// The structure of a text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Structure {
    pub sections: Vec<SectionSpan>,
    /// Total paragraphs (the sum over sections).
    pub paragraphs: u32,
    /// Total sentences (the sum over sections).
    pub sentences: u32,
}

/// Find the structure of `text` (the cleaned text). Empty text has no sections; any other
/// text has at least one, in document order, and the sections tile it.
///
/// # Example
/// ```
/// let text = "一、总体要求\n坚持稳中求进。推动高质量发展。\n（一）扩大内需\n提振消费。";
/// let s = wenxi::sections::detect(text);
/// let titles: Vec<_> = s.sections.iter().map(|x| (x.title.as_str(), x.level)).collect();
/// assert_eq!(titles, [("一、总体要求", 1), ("（一）扩大内需", 2)]);
/// assert_eq!(s.sections[1].parent, Some(0));
/// assert_eq!((s.paragraphs, s.sentences), (2, 3));
/// assert_eq!(s.sections.last().map(|x| x.end), Some(text.chars().count()));
/// ```
pub fn detect(text: &str) -> Structure {
    let lines = split_lines(text);
    let total = lines.last().map_or(0, |l| l.next);
    if total == 0 {
        return Structure::default();
    }
    let mut heads = strong_headings(&lines);
    let paragraphs = find_paragraphs(&lines, &heads);
    let paragraphs = find_title_lines(&lines, &mut heads, paragraphs);
    build(&lines, &heads, &paragraphs, total)
}

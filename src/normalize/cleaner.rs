//! The one left-to-right pass of [`clean`](super::clean): it reads the user's text, asks each
//! rule (in the sibling modules) whether it applies at the next char, writes the cleaned text
//! and records each cleaned char's span.

use super::code::fence_mark;
use super::entities::entity_at;
use super::hidden::{reads_as_prose, HiddenEnds};
use super::html::{names_for, parse_tag, parse_tag_after_lt, Names, TagKind};
use super::mojibake::{mojibake_run_len, REPLACEMENT};
use super::pinyin::{annotation_len, MAX_ANNOTATION_SYLLABLES};
use super::spans::{Span, Spans};
use super::width::{fold_width, is_zero_width};
use super::Cleaned;
use crate::chars::is_han;
use crate::report::Cleaning;

/// The state of one left-to-right pass over the user's text.
pub(super) struct Cleaner<'a> {
    src: &'a str,
    /// Byte offset of the next unread char.
    pos: usize,
    /// UTF-16 offset of `pos`.
    at: u32,
    text: String,
    spans: Spans,
    cleaning: Cleaning,
    /// Han chars read just before `pos`, counting through removed annotations, so that
    /// `經濟(jīngjì)` may carry two syllables.
    han_run: usize,
    /// Whether a pinyin annotation may start at `pos`: the last thing read was a Han char or
    /// an annotation (annotations repeat: `的(de)(de)(de)`).
    annotatable: bool,
    /// Where comments and hidden elements end.
    hidden: HiddenEnds,
    /// Which names make a tag: any, in a whole HTML page.
    tag_names: Names,
    /// The fence char (`` ` `` or `~`) of the Markdown code block `pos` is in, if any.
    fence: Option<u8>,
}

impl<'a> Cleaner<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Cleaner {
            src,
            pos: 0,
            at: 0,
            text: String::with_capacity(src.len()),
            // One span per char kept, never more than the source has (a count is a fast scan,
            // and bytes would over-allocate Chinese text threefold).
            spans: Spans::with_capacity(src.chars().count()),
            cleaning: Cleaning::default(),
            han_run: 0,
            annotatable: false,
            hidden: HiddenEnds::default(),
            tag_names: names_for(src),
            fence: None,
        }
    }

    /// Read the whole text: at each char, the rule it may start, else the char itself.
    pub(super) fn run(mut self) -> Cleaned {
        while let Some(c) = self.rest().chars().next() {
            self.track_code_fence();
            let handled = self.fence.is_none()
                && match c {
                    '<' => self.tag(),
                    '&' => self.entity(),
                    '(' | '（' if self.annotatable => self.annotation(),
                    '?' => self.question_mark(),
                    REPLACEMENT => self.replacement_run(),
                    _ => false,
                };
            if !handled {
                self.plain(c);
            }
        }
        Cleaned {
            text: self.text,
            spans: self.spans,
            cleaning: self.cleaning,
            utf16_len: self.at,
        }
    }

    /// At the start of a line, open or close a Markdown fenced code block. Code is kept as
    /// written: the `<div>` and `&amp;` of a pasted React or HTML example are the example,
    /// not markup.
    fn track_code_fence(&mut self) {
        let bytes = self.src.as_bytes();
        let line_start = self.pos == 0 || bytes.get(self.pos - 1) == Some(&b'\n');
        if !line_start {
            return;
        }
        if let Some(mark) = fence_mark(bytes.get(self.pos..).unwrap_or(&[])) {
            self.fence = match self.fence {
                None => Some(mark),
                Some(open) if open == mark => None,
                still_open => still_open,
            };
        }
    }

    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    /// Move past the next `len` bytes (a whole number of chars) and return their span.
    fn consume(&mut self, len: usize) -> Span {
        let end = self.pos.saturating_add(len).min(self.src.len());
        let units = self
            .src
            .get(self.pos..end)
            .map_or(0, |s| s.encode_utf16().count());
        let start = self.at;
        self.at = self
            .at
            .saturating_add(u32::try_from(units).unwrap_or(u32::MAX));
        self.pos = end;
        Span {
            start,
            end: self.at,
        }
    }

    fn push(&mut self, c: char, span: Span) {
        self.text.push(c);
        self.spans.push(span);
    }

    /// Something other than a Han char or an annotation was read.
    fn break_run(&mut self) {
        self.han_run = 0;
        self.annotatable = false;
    }

    /// Add `c` (read from the text or decoded from an entity), dropping zero-width chars and
    /// folding full-width ones.
    fn emit(&mut self, c: char, span: Span) {
        if is_zero_width(c) {
            // Invisible, so it neither breaks nor extends a Han run.
            self.cleaning.zero_width += 1;
            return;
        }
        // `．` right after a Han char is a full stop (Gutenberg's 紅樓夢 writes it so), not the
        // decimal point of `３．１４`: folding it to `.` would glue it to the next word.
        let fold = if c == '．' && self.han_run > 0 {
            None
        } else {
            fold_width(c)
        };
        let c = match fold {
            Some(folded) => {
                self.cleaning.width_folded += 1;
                folded
            }
            None => c,
        };
        self.push(c, span);
        if is_han(c) {
            self.han_run += 1;
            self.annotatable = true;
        } else {
            self.break_run();
        }
    }

    fn plain(&mut self, c: char) {
        let span = self.consume(c.len_utf8());
        self.emit(c, span);
    }

    /// At `<`: an HTML tag, a comment or a hidden element (`<script>`, `<svg>`…), if one
    /// starts here.
    fn tag(&mut self) -> bool {
        // `` `<button>` `` in Markdown prose names a tag; it is not one.
        if self.pos > 0 && self.src.as_bytes().get(self.pos - 1) == Some(&b'`') {
            return false;
        }
        let src = self.src.as_bytes();
        let rest = self.rest().as_bytes();
        let (mut len, kind) = if rest.starts_with(b"<!--") {
            match self.hidden.comment_end(src, self.pos) {
                Some(end) => {
                    self.cleaning.hidden += 1;
                    (end - self.pos, TagKind::Inline)
                }
                None => return false,
            }
        } else {
            match parse_tag(rest, self.tag_names) {
                Some(found) => {
                    self.cleaning.tags += 1;
                    found
                }
                None => return false,
            }
        };
        let opening = rest.get(1) != Some(&b'/');
        if let (TagKind::Hidden(which), true) = (kind, opening) {
            let named_in_prose = reads_as_prose(rest.get(len..).unwrap_or(&[]));
            if !named_in_prose {
                if let Some(end) = self.hidden.element_end(src, self.pos, which) {
                    len = end - self.pos;
                    self.cleaning.tags += 1;
                    self.cleaning.hidden += 1;
                }
            }
        }
        let span = self.consume(len);
        if kind == TagKind::Block {
            self.push('\n', span);
        }
        self.break_run();
        true
    }

    /// At `&`: an entity that decodes to one char.
    fn entity(&mut self) -> bool {
        let Some((len, c)) = entity_at(self.rest()) else {
            return false;
        };
        let span = self.consume(len);
        self.cleaning.entities += 1;
        self.emit(c, span);
        true
    }

    /// At `(` or `（` right after a Han char: a pinyin annotation, skipped.
    fn annotation(&mut self) -> bool {
        let max_syllables = self.han_run.min(MAX_ANNOTATION_SYLLABLES);
        match annotation_len(self.rest(), max_syllables) {
            Some(len) => {
                self.consume(len);
                self.cleaning.annotations += 1;
                true
            }
            None => false,
        }
    }

    /// At `?`: the start of a mojibake run, or the `?` left where mis-decoding swallowed the
    /// `<` of a closing tag (`?/p>`, `?!/p>`, see the corpus README).
    fn question_mark(&mut self) -> bool {
        let rest = self.rest();
        let lead = if rest.starts_with("?!") { 2 } else { 1 };
        let after = rest.as_bytes().get(lead..).unwrap_or(&[]);
        if after.first() == Some(&b'/') {
            if let Some((len, kind)) = parse_tag_after_lt(after, self.tag_names) {
                let span = self.consume(lead);
                self.push(REPLACEMENT, span);
                self.cleaning.mojibake += 1;
                let span = self.consume(len);
                self.cleaning.tags += 1;
                if kind == TagKind::Block {
                    self.push('\n', span);
                }
                self.break_run();
                return true;
            }
        }
        if self.han_run == 0 {
            return false;
        }
        match mojibake_run_len(rest) {
            Some(len) => {
                let span = self.consume(len);
                self.push(REPLACEMENT, span);
                self.cleaning.mojibake += 1;
                self.break_run();
                true
            }
            None => false,
        }
    }

    /// At U+FFFD: the run of them becomes one.
    fn replacement_run(&mut self) -> bool {
        let rest = self.rest();
        let len = rest
            .char_indices()
            .find(|&(_, c)| c != REPLACEMENT)
            .map_or(rest.len(), |(i, _)| i);
        let span = self.consume(len);
        self.push(REPLACEMENT, span);
        self.cleaning.mojibake += 1;
        self.break_run();
        true
    }
}

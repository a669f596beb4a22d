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
//! | inline tag `<span>`, comment, `<!DOCTYPE>`  | nothing        |                  |
//! | `<script>…</script>`, `<style>…</style>`    | nothing        |                  |
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
//! Every rule looks ahead a bounded distance only (or, for comments and `<script>`, remembers
//! where a search already failed), so cleaning is linear in the text's length.

use unicode_normalization::UnicodeNormalization;

use crate::chars::is_han;
use crate::report::Cleaning;

/// A UTF-16 range `[start, end)` in the user's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// For each `char` of a cleaned text, in order, the span of the user's text it stands for.
///
/// Nearly every span ends where the next one starts, so only the starts are stored (4 bytes a
/// char, not 8: a long text has millions of chars) and the few ends that differ — before a
/// removed tag, say — are kept beside them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spans {
    starts: Vec<u32>,
    /// `(index, end)` for each span whose end is not the next span's start, in index order;
    /// the last span's end is always here.
    ends: Vec<(u32, u32)>,
}

impl Spans {
    fn with_capacity(n: usize) -> Spans {
        Spans {
            starts: Vec::with_capacity(n),
            ends: Vec::new(),
        }
    }

    fn push(&mut self, span: Span) {
        // The previous span's end was recorded as provisional: drop it if this one starts there.
        if let Some(&(i, end)) = self.ends.last() {
            if i as usize + 1 == self.starts.len() && end == span.start {
                self.ends.pop();
            }
        }
        self.ends.push((self.starts.len() as u32, span.end));
        self.starts.push(span.start);
    }

    /// The number of spans (one per char of the cleaned text).
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The span of char `i`.
    pub fn get(&self, i: usize) -> Option<Span> {
        let start = *self.starts.get(i)?;
        let end = match self.ends.binary_search_by_key(&(i as u32), |&(j, _)| j) {
            Ok(k) => self.ends[k].1,
            Err(_) => self.starts.get(i + 1).copied().unwrap_or(start),
        };
        Some(Span { start, end })
    }

    /// Every span, in order.
    pub fn iter(&self) -> impl Iterator<Item = Span> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

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
    let mut cleaner = Cleaner::new(original);
    while let Some(c) = cleaner.rest().chars().next() {
        cleaner.track_code_fence();
        let handled = cleaner.fence.is_none()
            && match c {
                '<' => cleaner.tag(),
                '&' => cleaner.entity(),
                '(' | '（' if cleaner.annotatable => cleaner.annotation(),
                '?' => cleaner.question_mark(),
                REPLACEMENT => cleaner.replacement_run(),
                _ => false,
            };
        if !handled {
            cleaner.plain(c);
        }
    }
    Cleaned {
        text: cleaner.text,
        spans: cleaner.spans,
        cleaning: cleaner.cleaning,
        utf16_len: cleaner.at,
    }
}

const REPLACEMENT: char = '\u{FFFD}';

/// The state of one left-to-right pass over the user's text.
struct Cleaner<'a> {
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
    /// Byte offsets from which a search for `-->`, `</script` or `</style` already failed: a
    /// later search from further on fails too, so an unclosed `<!--` repeated many times
    /// costs one scan, not one per repetition.
    no_comment_end_after: usize,
    no_raw_end_after: [usize; RAW_TEXT.len()],
    /// The fence char (`` ` `` or `~`) of the Markdown code block `pos` is in, if any.
    fence: Option<u8>,
}

impl<'a> Cleaner<'a> {
    fn new(src: &'a str) -> Self {
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
            no_comment_end_after: usize::MAX,
            no_raw_end_after: [usize::MAX; RAW_TEXT.len()],
            fence: None,
        }
    }

    /// At the start of a line, open or close a Markdown fenced code block (CommonMark 4.5: up
    /// to three spaces, then three or more `` ` `` or `~`). Code is kept as written: the
    /// `<div>` and `&amp;` of a pasted React or HTML example are the example, not markup.
    fn track_code_fence(&mut self) {
        let bytes = self.src.as_bytes();
        let line_start = self.pos == 0 || bytes.get(self.pos - 1) == Some(&b'\n');
        if !line_start {
            return;
        }
        let line = bytes.get(self.pos..).unwrap_or(&[]);
        let indent = line.iter().take(4).take_while(|&&b| b == b' ').count();
        let Some(&mark) = line.get(indent) else {
            return;
        };
        let fence = indent <= 3
            && matches!(mark, b'`' | b'~')
            && line.get(indent..indent + 3) == Some(&[mark; 3][..]);
        if fence {
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

    /// At `<`: an HTML tag, comment or `<script>`/`<style>` element, if one starts here.
    fn tag(&mut self) -> bool {
        // `` `<button>` `` in Markdown prose names a tag; it is not one.
        if self.pos > 0 && self.src.as_bytes().get(self.pos - 1) == Some(&b'`') {
            return false;
        }
        let rest = self.rest().as_bytes();
        let (len, kind) = if rest.starts_with(b"<!--") {
            match self.comment_len() {
                Some(len) => (len, TagKind::Inline),
                None => return false,
            }
        } else {
            match parse_tag(rest) {
                Some(found) => found,
                None => return false,
            }
        };
        let mut len = len;
        self.cleaning.tags += 1;
        let opening = rest.get(1) != Some(&b'/');
        if let (TagKind::RawText(which), true) = (kind, opening) {
            if let Some(content_and_close) = self.raw_text_len(which, len) {
                len += content_and_close;
                self.cleaning.tags += 1;
            }
        }
        let span = self.consume(len);
        if kind == TagKind::Block {
            self.push('\n', span);
        }
        self.break_run();
        true
    }

    /// Length of the comment at `pos` through its `-->`, if it is closed.
    fn comment_len(&mut self) -> Option<usize> {
        if self.pos >= self.no_comment_end_after {
            return None;
        }
        let body = self.rest().as_bytes().get(4..).unwrap_or(&[]);
        match body.windows(3).position(|w| w == b"-->") {
            Some(i) => Some(4 + i + 3),
            None => {
                self.no_comment_end_after = self.pos;
                None
            }
        }
    }

    /// Length of a `<script>`/`<style>` element's content and closing tag, the opening tag
    /// being `open_len` bytes at `pos`. `None` if it is never closed (the content is kept).
    fn raw_text_len(&mut self, which: usize, open_len: usize) -> Option<usize> {
        if self.pos >= *self.no_raw_end_after.get(which)? {
            return None;
        }
        let after = self.rest().as_bytes().get(open_len..)?;
        let mut i = 0;
        while let Some(lt) = after
            .get(i..)
            .and_then(|b| b.iter().position(|&x| x == b'<'))
        {
            i += lt;
            let candidate = after.get(i..).unwrap_or(&[]);
            if let Some((close_len, TagKind::RawText(w))) = parse_tag(candidate) {
                let closing = candidate.get(1) == Some(&b'/');
                if w == which && closing {
                    return Some(i + close_len);
                }
            }
            i += 1;
        }
        if let Some(slot) = self.no_raw_end_after.get_mut(which) {
            *slot = self.pos;
        }
        None
    }

    /// At `&`: an entity that html-escape decodes to one char. Text that only looks like one
    /// (`AT&T;`, `&#0;`, `&bogus;`) is left as it is.
    fn entity(&mut self) -> bool {
        let rest = self.rest();
        let Some(candidate) = entity_candidate(rest.as_bytes()).and_then(|len| rest.get(..len))
        else {
            return false;
        };
        let decoded = html_escape::decode_html_entities(candidate);
        let mut chars = decoded.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            // A few named entities decode to two code points; one span cannot hold two
            // chars without overlap, so they stay as written.
            return false;
        };
        if decoded == candidate {
            return false;
        }
        let span = self.consume(candidate.len());
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
            if let Some((len, kind)) = parse_tag_after_lt(after) {
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

// ---------------------------------------------------------------------------------------------
// Characters

fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The half-width form of a full-width Latin letter, digit or one of `％＋－．＃＆＿＠`. Chinese
/// full-width punctuation (，。（）…) and U+3000 are part of Chinese writing and stay.
fn fold_width(c: char) -> Option<char> {
    let folds = matches!(c,
        '\u{FF10}'..='\u{FF19}'
        | '\u{FF21}'..='\u{FF3A}'
        | '\u{FF41}'..='\u{FF5A}'
        | '％' | '＋' | '－' | '．' | '＃' | '＆' | '＿' | '＠');
    if !folds {
        return None;
    }
    let mut nfkc = std::iter::once(c).nfkc();
    match (nfkc.next(), nfkc.next()) {
        (Some(folded), None) => Some(folded),
        _ => None,
    }
}

/// Letters that GBK's symbol rows and user-defined area produce when bytes are decoded with
/// the wrong encoding (GBK rows A6 Greek, A7 Cyrillic, A9 box drawing, AA–AF and F8–FE the
/// private use area), and U+FFFD itself. Found in Chinese prose only as mojibake, except
/// Greek (`α粒子`), which is why they count only inside a run that already starts like one.
fn is_mojibake_letter(c: char) -> bool {
    matches!(c,
        '\u{0370}'..='\u{03FF}'
        | '\u{0400}'..='\u{04FF}'
        | '\u{2500}'..='\u{257F}'
        | '\u{E000}'..='\u{F8FF}'
        | REPLACEMENT)
}

// ---------------------------------------------------------------------------------------------
// HTML

/// What a tag becomes in the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// A line break: the page showed a new line or block here.
    Block,
    /// Nothing.
    Inline,
    /// Nothing, and neither does its content up to the closing tag (index into `RAW_TEXT`).
    RawText(usize),
}

/// Elements that start a new line when rendered: the HTML Living Standard's flow-content
/// blocks ("The p element", "Grouping content", "Sections", "Tabular data"), plus `br`.
/// Table cells count as blocks so that neighbouring cells do not run into one word.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements that vanish: phrasing content, embedded content and document scaffolding.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "acronym", "audio", "b", "base", "bdi", "bdo", "big", "body", "button", "canvas",
    "cite", "code", "col", "colgroup", "data", "del", "dfn", "em", "embed", "font", "head", "html",
    "i", "iframe", "img", "input", "ins", "kbd", "label", "link", "mark", "meta", "nobr",
    "noscript", "object", "picture", "q", "rp", "rt", "ruby", "s", "samp", "select", "small",
    "source", "span", "strike", "strong", "sub", "sup", "svg", "template", "textarea", "time",
    "tt", "u", "var", "video", "wbr",
];

/// Elements whose content is code, not text: a whole pasted page brings them along.
const RAW_TEXT: [&str; 2] = ["script", "style"];

/// Longest tag we look for; longer `<…>` stay text. Bounds the look-ahead at each `<`.
const MAX_TAG_BYTES: usize = 1024;

/// The length and kind of the tag at the start of `b` (which starts with `<`), if it is a
/// real tag: `<name …>`, `</name>`, `<!DOCTYPE …>` or `<?xml …?>`, where `name` is an HTML
/// element we know, or has a `-` (custom element) or `:` (`<o:p>` from Word). So `a < b`,
/// `<3` and `<三国演义>` are not tags.
fn parse_tag(b: &[u8]) -> Option<(usize, TagKind)> {
    if b.first() != Some(&b'<') {
        return None;
    }
    let (len, kind) = parse_tag_after_lt(b.get(1..)?)?;
    Some((len + 1, kind))
}

/// [`parse_tag`] for the bytes after `<`.
fn parse_tag_after_lt(b: &[u8]) -> Option<(usize, TagKind)> {
    match *b.first()? {
        b'!' | b'?' => {
            // `<!DOCTYPE html>`, `<?xml version="1.0"?>`
            if !b.get(1)?.is_ascii_alphabetic() {
                return None;
            }
            Some((attributes_end(b, 2)?, TagKind::Inline))
        }
        b'/' => {
            let (name_end, kind) = tag_name(b, 1)?;
            let mut i = name_end;
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            (b.get(i) == Some(&b'>')).then_some((i + 1, kind))
        }
        _ => {
            let (name_end, kind) = tag_name(b, 0)?;
            match *b.get(name_end)? {
                b'>' => Some((name_end + 1, kind)),
                b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0C' => {
                    let end = attributes_end(b, name_end)?;
                    // `<script src="x" />` has no content to drop.
                    let self_closing = end >= 2 && b.get(end - 2) == Some(&b'/');
                    match kind {
                        TagKind::RawText(_) if self_closing => Some((end, TagKind::Inline)),
                        _ => Some((end, kind)),
                    }
                }
                _ => None,
            }
        }
    }
}

/// The end of the tag name starting at `b[start]`, and what the element becomes.
fn tag_name(b: &[u8], start: usize) -> Option<(usize, TagKind)> {
    if !b.get(start)?.is_ascii_alphabetic() {
        return None;
    }
    let mut end = start;
    while b
        .get(end)
        .is_some_and(|&x| x.is_ascii_alphanumeric() || x == b'-' || x == b':')
    {
        end += 1;
    }
    let name = std::str::from_utf8(b.get(start..end)?)
        .ok()?
        .to_ascii_lowercase();
    let kind = if let Some(i) = RAW_TEXT.iter().position(|&n| n == name) {
        TagKind::RawText(i)
    } else if BLOCK_TAGS.contains(&name.as_str()) {
        TagKind::Block
    } else if INLINE_TAGS.contains(&name.as_str()) || name.contains(['-', ':']) {
        TagKind::Inline
    } else {
        return None;
    };
    Some((end, kind))
}

/// The index just past the `>` that closes a tag whose attributes start at `b[start]`;
/// quoted values may hold `>` and `<`. `None` for a bare `<` before the `>` (so `a <b and
/// c <d>` is not read as one tag) or no `>` within [`MAX_TAG_BYTES`].
fn attributes_end(b: &[u8], start: usize) -> Option<usize> {
    let mut quote = None;
    let mut i = start;
    while i < MAX_TAG_BYTES {
        let x = *b.get(i)?;
        match (quote, x) {
            (Some(q), _) if x == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(x),
            (None, b'>') => return Some(i + 1),
            (None, b'<') => return None,
            (None, _) => {}
        }
        i += 1;
    }
    None
}

/// The length of `&name;`, `&#123;` or `&#x1F4;` at the start of `b`; bounded like the
/// longest named entity (`&CounterClockwiseContourIntegral;`).
fn entity_candidate(b: &[u8]) -> Option<usize> {
    if b.first() != Some(&b'&') {
        return None;
    }
    let (digits_start, is_digit): (usize, fn(&u8) -> bool) = match b.get(1)? {
        b'#' => match b.get(2)? {
            b'x' | b'X' => (3, u8::is_ascii_hexdigit),
            _ => (2, u8::is_ascii_digit),
        },
        x if x.is_ascii_alphabetic() => (1, u8::is_ascii_alphanumeric),
        _ => return None,
    };
    let mut i = digits_start;
    while i < 40 && b.get(i).is_some_and(is_digit) {
        i += 1;
    }
    (i > digits_start && b.get(i) == Some(&b';')).then_some(i + 1)
}

// ---------------------------------------------------------------------------------------------
// Pinyin annotations

/// The most syllables one annotation may hold (and never more than the Han chars before it).
const MAX_ANNOTATION_SYLLABLES: usize = 4;

/// Longest annotation content we look at, in chars: four six-letter syllables and spaces.
const MAX_ANNOTATION_CHARS: usize = 32;

/// The length in bytes of the annotation at the start of `s` (which starts with `(` or `（`)
/// if its content is pinyin of 1 to `max_syllables` syllables. Either closing parenthesis
/// ends it. Toneless single letters (`(a)`, `(e)`, `(o)`) are list labels, not annotations.
fn annotation_len(s: &str, max_syllables: usize) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, open) = chars.next()?;
    if open != '(' && open != '（' {
        return None;
    }
    let content_start = open.len_utf8();
    for (i, c) in chars.take(MAX_ANNOTATION_CHARS + 1) {
        if c == ')' || c == '）' {
            let reading = read_pinyin(s.get(content_start..i)?)?;
            let single_letter = reading.letters == 1 && !reading.toned;
            let fits = (1..=max_syllables).contains(&reading.syllables);
            return (fits && !single_letter).then_some(i + c.len_utf8());
        }
    }
    None
}

/// What [`read_pinyin`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    /// The fewest syllables the text splits into (`xian` is one, not `xi'an`).
    syllables: usize,
    /// Whether a tone mark or tone number was written.
    toned: bool,
    letters: usize,
}

/// Read `s` as lower-case Hanyu Pinyin: syllables with tone marks (`jīng`, `lǜ`), tone
/// numbers (`jing1`) or none, optionally separated by spaces, `'` or `-`; `ü` may be written
/// `v`. `None` for anything else, an upper-case letter included (`WHO`, `English`).
fn read_pinyin(s: &str) -> Option<Reading> {
    let mut reading = Reading {
        syllables: 0,
        toned: false,
        letters: 0,
    };
    let mut word = String::new();
    for c in s.chars() {
        if let Some((base, toned)) = pinyin_letter(c) {
            word.push(base);
            reading.letters += 1;
            reading.toned |= toned;
        } else if matches!(c, '\u{0300}' | '\u{0301}' | '\u{0304}' | '\u{030C}') {
            // A tone mark written as a combining char (decomposed text).
            reading.toned = true;
        } else if c == '\u{0308}' && word.ends_with('u') {
            word.pop();
            word.push('v');
        } else if matches!(c, '1'..='5') && !word.is_empty() {
            reading.toned = true;
            reading.syllables += count_syllables(&word)?;
            word.clear();
        } else if matches!(c, ' ' | '\'' | '’' | '-') {
            reading.syllables += count_syllables(&word)?;
            word.clear();
        } else {
            return None;
        }
    }
    reading.syllables += count_syllables(&word)?;
    (reading.syllables > 0).then_some(reading)
}

/// The toneless letter for a lower-case pinyin letter, and whether it bore a tone mark.
/// `ɑ` and `ɡ` are the forms Chinese textbooks and GBK's pinyin row use for a and g.
fn pinyin_letter(c: char) -> Option<(char, bool)> {
    let letter = match c {
        'a'..='z' => (c, false),
        'ü' => ('v', false),
        'ɑ' => ('a', false),
        'ɡ' => ('g', false),
        'ā' | 'á' | 'ǎ' | 'à' => ('a', true),
        'ē' | 'é' | 'ě' | 'è' => ('e', true),
        'ī' | 'í' | 'ǐ' | 'ì' => ('i', true),
        'ō' | 'ó' | 'ǒ' | 'ò' => ('o', true),
        'ū' | 'ú' | 'ǔ' | 'ù' => ('u', true),
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => ('v', true),
        _ => return None,
    };
    Some(letter)
}

/// The fewest syllables of [`SYLLABLES`] that `word` (toneless, `v` for ü) splits into;
/// `None` if it does not split. Zero for an empty word.
fn count_syllables(word: &str) -> Option<usize> {
    const LONGEST: usize = 6; // zhuang, chuang, shuang
    let bytes = word.as_bytes();
    // fewest[i]: the fewest syllables covering word[..i], if any.
    let mut fewest: Vec<Option<usize>> = vec![None; bytes.len() + 1];
    if let Some(first) = fewest.first_mut() {
        *first = Some(0);
    }
    for end in 1..=bytes.len() {
        let mut best: Option<usize> = None;
        for start in end.saturating_sub(LONGEST)..end {
            let (Some(Some(before)), Some(piece)) = (fewest.get(start), word.get(start..end))
            else {
                continue;
            };
            if SYLLABLES.binary_search(&piece).is_ok() {
                best = Some(best.map_or(before + 1, |b| b.min(before + 1)));
            }
        }
        if let Some(slot) = fewest.get_mut(end) {
            *slot = best;
        }
    }
    fewest.last().copied().flatten()
}

/// The 410 syllables of Standard Mandarin in Hanyu Pinyin, toneless, `v` for ü, in byte order
/// (for binary search). Written out from the standard initial × final table (as in the
/// Xiandai Hanyu Cidian syllable index), without the interjections m, n, ng, hm, ê, which
/// would match unit labels like `(m)`; plus `lue` and `nue`, the usual typed spelling of lüe
/// and nüe.
const SYLLABLES: &[&str] = &[
    "a", "ai", "an", "ang", "ao", //
    "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng", "bi", "bian", "biao", "bie", "bin",
    "bing", "bo", "bu", //
    "ca", "cai", "can", "cang", "cao", "ce", "cen", "ceng", "cha", "chai", "chan", "chang", "chao",
    "che", "chen", "cheng", "chi", "chong", "chou", "chu", "chua", "chuai", "chuan", "chuang",
    "chui", "chun", "chuo", "ci", "cong", "cou", "cu", "cuan", "cui", "cun", "cuo", //
    "da", "dai", "dan", "dang", "dao", "de", "dei", "den", "deng", "di", "dia", "dian", "diao",
    "die", "ding", "diu", "dong", "dou", "du", "duan", "dui", "dun", "duo", //
    "e", "ei", "en", "eng", "er", //
    "fa", "fan", "fang", "fei", "fen", "feng", "fo", "fou", "fu", //
    "ga", "gai", "gan", "gang", "gao", "ge", "gei", "gen", "geng", "gong", "gou", "gu", "gua",
    "guai", "guan", "guang", "gui", "gun", "guo", //
    "ha", "hai", "han", "hang", "hao", "he", "hei", "hen", "heng", "hong", "hou", "hu", "hua",
    "huai", "huan", "huang", "hui", "hun", "huo", //
    "ji", "jia", "jian", "jiang", "jiao", "jie", "jin", "jing", "jiong", "jiu", "ju", "juan",
    "jue", "jun", //
    "ka", "kai", "kan", "kang", "kao", "ke", "kei", "ken", "keng", "kong", "kou", "ku", "kua",
    "kuai", "kuan", "kuang", "kui", "kun", "kuo", //
    "la", "lai", "lan", "lang", "lao", "le", "lei", "leng", "li", "lia", "lian", "liang", "liao",
    "lie", "lin", "ling", "liu", "lo", "long", "lou", "lu", "luan", "lue", "lun", "luo", "lv",
    "lve", //
    "ma", "mai", "man", "mang", "mao", "me", "mei", "men", "meng", "mi", "mian", "miao", "mie",
    "min", "ming", "miu", "mo", "mou", "mu", //
    "na", "nai", "nan", "nang", "nao", "ne", "nei", "nen", "neng", "ni", "nian", "niang", "niao",
    "nie", "nin", "ning", "niu", "nong", "nou", "nu", "nuan", "nue", "nuo", "nv", "nve", //
    "o", "ou", //
    "pa", "pai", "pan", "pang", "pao", "pei", "pen", "peng", "pi", "pian", "piao", "pie", "pin",
    "ping", "po", "pou", "pu", //
    "qi", "qia", "qian", "qiang", "qiao", "qie", "qin", "qing", "qiong", "qiu", "qu", "quan",
    "que", "qun", //
    "ran", "rang", "rao", "re", "ren", "reng", "ri", "rong", "rou", "ru", "rua", "ruan", "rui",
    "run", "ruo", //
    "sa", "sai", "san", "sang", "sao", "se", "sen", "seng", "sha", "shai", "shan", "shang", "shao",
    "she", "shei", "shen", "sheng", "shi", "shou", "shu", "shua", "shuai", "shuan", "shuang",
    "shui", "shun", "shuo", "si", "song", "sou", "su", "suan", "sui", "sun", "suo", //
    "ta", "tai", "tan", "tang", "tao", "te", "teng", "ti", "tian", "tiao", "tie", "ting", "tong",
    "tou", "tu", "tuan", "tui", "tun", "tuo", //
    "wa", "wai", "wan", "wang", "wei", "wen", "weng", "wo", "wu", //
    "xi", "xia", "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xiu", "xu", "xuan",
    "xue", "xun", //
    "ya", "yan", "yang", "yao", "ye", "yi", "yin", "ying", "yo", "yong", "you", "yu", "yuan",
    "yue", "yun", //
    "za", "zai", "zan", "zang", "zao", "ze", "zei", "zen", "zeng", "zha", "zhai", "zhan", "zhang",
    "zhao", "zhe", "zhei", "zhen", "zheng", "zhi", "zhong", "zhou", "zhu", "zhua", "zhuai",
    "zhuan", "zhuang", "zhui", "zhun", "zhuo", "zi", "zong", "zou", "zu", "zuan", "zui", "zun",
    "zuo",
];

// ---------------------------------------------------------------------------------------------
// Mojibake

/// Longest mojibake run we look for, in chars; bounds the look-ahead at each `?`.
const MAX_MOJIBAKE_CHARS: usize = 64;

/// The length in bytes of the mojibake run at the start of `s` (which starts with `?` and
/// follows a Han char), if there is one.
///
/// In the corpus's `web_examples.tsv`, text saved in one encoding and read in another turns
/// `。“一帶一路”倡議` into `?!耙粠б宦贰背h` and `請(qǐng)` into `?qǐng)`: the byte that could
/// not be decoded became `?`, often swallowing the next ASCII char (`(`, `<`), and the rest
/// became plausible-looking but wrong Han chars, salted with letters from GBK's symbol rows
/// (Cyrillic `б`), stray single ASCII letters and pinyin whose `(` was eaten. Real Chinese
/// never shows those together, so a run must:
/// - start with `?!` or with an orphaned annotation `?qǐng)` (one tone-marked syllable and a
///   closing parenthesis with no opening one);
/// - hold evidence: an orphaned annotation, a GBK symbol-row letter or U+FFFD;
/// - continue only through Han chars, single ASCII letters, such letters and orphaned
///   annotations, and end at the last of these that is not Han (the wrong Han chars after
///   it cannot be told from the real text that follows, so they stay).
///
/// Mojibake Han chars not anchored by such a `?` are left alone: no rule found in the
/// examples tells them from real text without risking real Chinese.
fn mojibake_run_len(s: &str) -> Option<usize> {
    let starts_with_bang = s.starts_with("?!");
    let first_orphan = s.get(1..).and_then(orphan_annotation_len).is_some();
    if !starts_with_bang && !first_orphan {
        return None;
    }
    let mut i = if starts_with_bang { 2 } else { 0 };
    let mut end = i;
    let mut evidence = false;
    let mut prev_ascii_letter = false;
    for _ in 0..MAX_MOJIBAKE_CHARS {
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let rest = s.get(i + c.len_utf8()..).unwrap_or("");
        if c == '?' {
            let Some(len) = orphan_annotation_len(rest) else {
                break;
            };
            i += 1 + len;
            end = i;
            evidence = true;
            prev_ascii_letter = false;
            continue;
        }
        if is_han(c) {
            prev_ascii_letter = false;
        } else if is_mojibake_letter(c) {
            evidence = true;
            end = i + c.len_utf8();
            prev_ascii_letter = false;
        } else if c.is_ascii_alphabetic() {
            // Single ASCII letters only: an ASCII word next to Han chars is real text.
            let next_is_letter = rest.chars().next().is_some_and(|n| n.is_ascii_alphabetic());
            if prev_ascii_letter || next_is_letter {
                break;
            }
            end = i + 1;
            prev_ascii_letter = true;
        } else {
            break;
        }
        i += c.len_utf8();
    }
    (evidence && end > 0).then_some(end)
}

/// The length in bytes of `qǐng)` at the start of `s`: one tone-marked pinyin syllable and a
/// closing parenthesis, what is left of an annotation whose `(` mis-decoding swallowed.
fn orphan_annotation_len(s: &str) -> Option<usize> {
    for (i, c) in s.char_indices().take(8) {
        if c == ')' || c == '）' {
            let reading = read_pinyin(s.get(..i)?)?;
            return (reading.syllables == 1 && reading.toned).then_some(i + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Input → expected cleaned text, one case a line.
    const CASES: &[(&str, &str)] = &[
        // Annotations, tone-marked, after traditional chars changed by an s→t converter.
        ("經(jīng)濟(jì)發(fā)展", "經濟發展"),
        ("綠(lǜ)色", "綠色"),
        ("綠(lv4)色", "綠色"),
        ("經(jing1)濟", "經濟"),
        ("經（jīng）濟", "經濟"),
        ("經濟(jīngjì)學", "經濟學"),
        ("經濟(jīng jì)學", "經濟學"),
        ("西安(xī'ān)市", "西安市"),
        // Toneless and repeated (variant B).
        ("的(de)(de)(de)先進", "的先進"),
        ("大會(hui)(hui)在北京(jing)召開", "大會在北京召開"),
        // Not annotations.
        ("世界卫生组织(WHO)", "世界卫生组织(WHO)"),
        ("英文(English)", "英文(English)"),
        ("年份(2023)", "年份(2023)"),
        ("（一）总则", "（一）总则"),
        ("(上海 201600)", "(上海 201600)"),
        ("作者(1.南京航空航天大学)", "作者(1.南京航空航天大学)"),
        ("选项(a)和(b)", "选项(a)和(b)"),
        ("长度(m)", "长度(m)"),
        ("中(china)", "中(china)"),
        ("(jīng)開頭", "(jīng)開頭"),
        ("abc(de)", "abc(de)"),
        ("会议(扩大)", "会议(扩大)"),
        ("記者(jì zhě lǐ xìng fǎng)", "記者(jì zhě lǐ xìng fǎng)"),
        // Tags.
        ("第一段</p><p>第二段", "第一段\n\n第二段"),
        ("甲<br/>乙<br>丙<BR />丁", "甲\n乙\n丙\n丁"),
        ("<span class=\"x\">重点</span>内容", "重点内容"),
        ("前<!-- 注释 <p> -->后", "前后"),
        ("前<script>var a = '</p>';</script>后", "前后"),
        (
            "<style type=\"text/css\">p { color: red }</style>正文",
            "正文",
        ),
        ("<!DOCTYPE html><html><body>正文</body></html>", "正文"),
        ("<o:p></o:p>内容", "内容"),
        ("<a href=\"x.html?a=1&b=2\" title='>'>链接</a>", "链接"),
        // Not tags.
        ("a < b 且 c > d", "a < b 且 c > d"),
        ("我<3你", "我<3你"),
        ("书名<三国演义>", "书名<三国演义>"),
        ("x<y>z", "x<y>z"),
        ("前<!-- 未闭合", "前<!-- 未闭合"),
        ("前<script>未闭合", "前未闭合"),
        // Entities.
        ("甲&nbsp;乙", "甲\u{A0}乙"),
        ("A&amp;B&lt;C&gt;", "A&B<C>"),
        ("顿号&#12289;&#x3001;", "顿号、、"),
        ("AT&T; &bogus; &#0; & ;", "AT&T; &bogus; &#0; & ;"),
        ("&#99999999999;", "&#99999999999;"),
        ("&#xFF21;", "A"),
        // Width.
        ("ＡＢＣ１２３ｘｙｚ", "ABC123xyz"),
        // `．` after Han is a full stop and stays; between digits it is a decimal point.
        ("寶玉來了．黛玉３．１４", "寶玉來了．黛玉3.14"),
        ("５０％＋－．＃＆＿＠", "50%+-.#&_@"),
        (
            "，。！？；：（）「」\u{3000}",
            "，。！？；：（）「」\u{3000}",
        ),
        // Zero-width.
        ("零\u{200B}宽\u{200C}\u{200D}\u{2060}\u{FEFF}字", "零宽字"),
        ("經\u{200B}(jīng)濟", "經濟"),
        // Mojibake.
        ("引擎?!耙粠б宦贰背h的提出", "引擎\u{FFFD}的提出"),
        ("原理?!皞卧瓌?chuàng)”的目標", "原理\u{FFFD}”的目標"),
        ("咨詢?nèi)绾纬蔀榇河鹱髡哒?qǐng)聯系", "咨詢\u{FFFD}聯系"),
        ("結束?/p>下一段", "結束\u{FFFD}\n下一段"),
        ("結束?!/p>", "結束\u{FFFD}\n"),
        ("乱码\u{FFFD}\u{FFFD}\u{FFFD}文字", "乱码\u{FFFD}文字"),
        // Not mojibake.
        ("真的吗?!我不信", "真的吗?!我不信"),
        ("真的吗?!我用iPhone", "真的吗?!我用iPhone"),
        ("什么?α粒子", "什么?α粒子"),
        ("是吗?(jīng)", "是吗?(jīng)"),
        ("a?nèi)", "a?nèi)"),
        // Markdown code is kept as written.
        ("用 `<button>` 按钮", "用 `<button>` 按钮"),
        (
            "文字<br>\n```jsx\n<div>&amp;</div>\n```\n<br>",
            "文字\n\n```jsx\n<div>&amp;</div>\n```\n\n",
        ),
        ("   ~~~\n<p>\n```\n~~~\n<p>", "   ~~~\n<p>\n```\n~~~\n\n"),
        ("行内``` <p>不是代码块", "行内``` \n不是代码块"),
        // Everything else.
        ("第一行\r\n第二行\n", "第一行\r\n第二行\n"),
        ("", ""),
    ];

    #[test]
    fn cases() {
        for &(input, expected) in CASES {
            let cleaned = clean(input);
            assert_eq!(cleaned.text, expected, "input: {input:?}");
            assert_eq!(
                cleaned.spans.len(),
                cleaned.text.chars().count(),
                "input: {input:?}"
            );
        }
    }

    fn spans(pairs: &[(u32, u32)]) -> Vec<Span> {
        pairs
            .iter()
            .map(|&(start, end)| Span { start, end })
            .collect()
    }

    fn listed(cleaned: &Cleaned) -> Vec<Span> {
        cleaned.spans.iter().collect()
    }

    #[test]
    fn spans_store_only_the_ends_that_differ() {
        let mut s = Spans::default();
        for (start, end) in [(0, 1), (1, 3), (5, 6), (6, 6), (6, 9)] {
            s.push(Span { start, end });
        }
        let want = spans(&[(0, 1), (1, 3), (5, 6), (6, 6), (6, 9)]);
        assert_eq!(s.iter().collect::<Vec<_>>(), want);
        assert_eq!(
            s.ends,
            [(1, 3), (4, 9)],
            "only the gap before 5 and the last end"
        );
        assert_eq!(s.get(5), None);
    }

    #[test]
    fn spans_point_into_the_original_across_astral_chars() {
        // 👪 and 𦡦 are two UTF-16 units each; 𦡦 is a Han char (extension B).
        let cleaned = clean("👪經(jīng)𦡦(jīng)<br>𦡦&amp;👪");
        assert_eq!(cleaned.text, "👪經𦡦\n𦡦&👪");
        assert_eq!(
            listed(&cleaned),
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
    fn mojibake_span_covers_the_run() {
        let cleaned = clean("擎?!耙粠б宦贰背h的");
        assert_eq!(cleaned.text, "擎\u{FFFD}的");
        assert_eq!(listed(&cleaned), spans(&[(0, 1), (1, 10), (10, 11)]));
    }

    #[test]
    fn counts() {
        let cleaned =
            clean("<p>經(jīng)濟(jì)&nbsp;ＡＩ\u{200B}</p>的(de)(de)?!耙б背h \u{FFFD}\u{FFFD}");
        let expected = Cleaning {
            annotations: 4,
            tags: 2,
            entities: 1,
            width_folded: 2,
            zero_width: 1,
            mojibake: 2,
        };
        assert_eq!(cleaned.cleaning, expected);
    }

    #[test]
    fn syllable_table_is_sorted_and_complete() {
        assert!(SYLLABLES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(SYLLABLES.len(), 410 + 2);
    }

    #[test]
    fn pinyin_reading() {
        let read = |s| read_pinyin(s).map(|r| (r.syllables, r.toned));
        assert_eq!(read("jīng"), Some((1, true)));
        assert_eq!(read("xian"), Some((1, false)));
        assert_eq!(read("jing1ji4"), Some((2, true)));
        assert_eq!(read("nü"), Some((1, false)));
        assert_eq!(read("lu\u{0308}\u{0300}"), Some((1, true)));
        assert_eq!(read("Jing"), None);
        assert_eq!(read("ngbjxym"), None);
        assert_eq!(read(""), None);
        assert_eq!(read(" "), None);
    }

    #[test]
    fn long_repetitions_are_linear() {
        // Each of these would be quadratic with an unbounded look-ahead.
        for unit in [
            "的(de)", "(a)", "<!--", "<script>", "&#", "?!耙", "<a \"", "\u{FFFD}",
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

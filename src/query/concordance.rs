//! Concordance (key word in context, KWIC): every occurrence of a word, a string or a regular
//! expression in the last analysed text, with its context.

use serde::{Deserialize, Serialize};

use super::corpus::Corpus;
use crate::Error;

/// Longest context asked for, in chars on each side: a line is read on one screen line.
pub const MAX_CONTEXT: usize = 500;
/// Longest query, in chars.
const MAX_QUERY: usize = 1000;
/// The most memory a compiled regular expression may take (the `regex` crate's size limit,
/// also applied to its lazy DFA): a pattern such as `(\w{50}){50}` that would compile past it
/// is refused with a message rather than left to exhaust the worker's memory. The crate
/// guarantees a search in time linear in the text, so a pattern within the limit cannot hang.
pub const REGEX_SIZE_LIMIT: usize = 2 << 20;
/// How deep a regular expression may nest (groups, repetitions), as the crate counts it.
const REGEX_NEST_LIMIT: u32 = 64;

/// What a concordance query matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum By {
    /// A substring of the cleaned text, matched as written (non-overlapping, left to right:
    /// what a plain substring count counts).
    #[default]
    String,
    /// A token of the analysis: any word, stopwords and single characters included, matched
    /// by its key (simplified, lower-cased), so 发展 finds 發展.
    Word,
    /// A regular expression (the `regex` crate's syntax) over the cleaned text; empty matches
    /// are skipped.
    Regex,
}

/// The order of the lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Sort {
    /// Text order.
    #[default]
    Position,
    /// By the first word to the left of the match (its key, code point order), then by
    /// position; a line with no word there sorts first.
    Left1,
    /// By the second word to the left.
    Left2,
    /// By the first word to the right.
    Right1,
    /// By the second word to the right.
    Right2,
    /// By the matched text, then by position.
    Match,
}

/// A concordance request. Every field has a default, so `{"query": "发展"}` is complete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ConcordanceQuery {
    /// The word, string or pattern to find; not empty.
    pub query: String,
    /// What `query` is. Default `string`.
    pub by: By,
    /// Context on each side, in chars (Unicode scalar values, runs of whitespace counted as
    /// one; a run of more than 1,000 ends the context). Default 20, at most 500.
    pub context: usize,
    /// Line order. Default `position`.
    pub sort: Sort,
    /// Show the context as the user wrote it (markup, annotations and all) rather than
    /// cleaned. Default false.
    pub as_written: bool,
    /// At most this many lines (after sorting); `null`, the default, lists every line.
    /// `total` counts them all either way.
    #[cfg_attr(test, ts(optional = nullable))]
    pub limit: Option<usize>,
    /// Instead of matching `query` (then not read), the lines of these UTF-16 `[start, end)`
    /// ranges of the user's text, such as a keyword's `occurrences`: each covers the cleaned
    /// chars whose spans start inside it, so an occurrence reads as the analysis read it. A
    /// range past the text's end is clamped to it. `null`, the default, matches `query`.
    #[cfg_attr(test, ts(optional = nullable))]
    pub ranges: Option<Vec<(u32, u32)>>,
}

impl Default for ConcordanceQuery {
    fn default() -> Self {
        ConcordanceQuery {
            query: String::new(),
            by: By::String,
            context: 20,
            sort: Sort::Position,
            as_written: false,
            limit: None,
            ranges: None,
        }
    }
}

/// Every occurrence of a query, with context.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Concordance {
    /// Occurrences in the text (every one, whatever `limit`).
    pub total: u32,
    /// The lines, in the order asked for, at most `limit` of them.
    pub lines: Vec<ConcordanceLine>,
}

/// One occurrence and its context. Runs of whitespace (line breaks included) read as one
/// space in `left`, `match` and `right`, so each line reads on one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ConcordanceLine {
    /// UTF-16 range of the match in the user's text: `text.slice(start, end)` is what matched
    /// (with anything cleaning removed inside it, such as an annotation).
    pub start: u32,
    pub end: u32,
    /// Up to `context` chars before the match.
    pub left: String,
    /// The matched text.
    #[serde(rename = "match")]
    #[cfg_attr(test, ts(rename = "match"))]
    pub matched: String,
    /// Up to `context` chars after the match.
    pub right: String,
}

/// A match: chars `[start, end)` of the cleaned text.
#[derive(Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
}

/// Every occurrence of `q` in `corpus`. `key` gives the key a word is counted by (for
/// [`By::Word`]).
///
/// # Errors
/// [`Error::InvalidQuery`] for an empty or overlong query, a context over [`MAX_CONTEXT`],
/// or a regular expression that does not parse or compiles beyond [`REGEX_SIZE_LIMIT`].
///
/// # Example
/// ```
/// use wenxi::{Analyzer, Options};
/// use wenxi::query::ConcordanceQuery;
///
/// let text = "推动长江经济带发展，推动绿色发展。";
/// let mut analyzer = Analyzer::new();
/// analyzer.analyze(text, &Options::default()).unwrap();
/// let query = ConcordanceQuery { query: "发展".into(), context: 2, ..Default::default() };
/// let found = analyzer.concordance(&query).unwrap();
/// assert_eq!(found.total, 2);
/// let line = &found.lines[1];
/// assert_eq!((line.left.as_str(), line.matched.as_str(), line.right.as_str()), ("绿色", "发展", "。"));
/// assert_eq!((line.start, line.end), (14, 16));
/// ```
pub fn concordance(
    corpus: &Corpus,
    q: &ConcordanceQuery,
    key: &dyn Fn(&str) -> String,
) -> Result<Concordance, Error> {
    let (total, keyed) = keyed_lines(corpus, q, key)?;
    Ok(Concordance {
        total,
        lines: keyed.into_iter().map(|(_, line)| line).collect(),
    })
}

/// What a line sorts by under a [`Sort`] other than position, ties going by position: the
/// matched text, or the key of the word it names (`None`, no word there, sorts first).
pub(super) type SortKey = Option<String>;

/// [`concordance`]'s total and lines, each with its sort key, so that the lines of several
/// documents can be merged into one order (see [`super::across`]).
pub(super) fn keyed_lines(
    corpus: &Corpus,
    q: &ConcordanceQuery,
    key: &dyn Fn(&str) -> String,
) -> Result<(u32, Vec<(SortKey, ConcordanceLine)>), Error> {
    if q.query.is_empty() && q.ranges.is_none() {
        return Err(Error::InvalidQuery("the query is empty".into()));
    }
    if q.query.chars().count() > MAX_QUERY {
        return Err(Error::InvalidQuery(format!(
            "a query has at most {MAX_QUERY} characters"
        )));
    }
    if q.context > MAX_CONTEXT {
        return Err(Error::InvalidQuery(format!(
            "context is at most {MAX_CONTEXT} characters a side"
        )));
    }
    let hits = match (&q.ranges, q.by) {
        (Some(ranges), _) => range_hits(corpus, ranges),
        (None, By::Word) => word_hits(corpus, &key(&q.query)),
        (None, By::String) => string_hits(corpus, &q.query),
        (None, By::Regex) => regex_hits(corpus, &q.query)?,
    };
    let total = hits.len() as u32;
    let mut order: Vec<usize> = (0..hits.len()).collect();
    let keys: Vec<Option<&str>> = match q.sort {
        Sort::Position => Vec::new(),
        Sort::Match => hits
            .iter()
            .map(|h| Some(corpus.slice(h.start, h.end)))
            .collect(),
        side => {
            let near = Neighbours::new(corpus, side);
            hits.iter()
                .map(|h| near.of(corpus, h).map(|id| corpus.entry(id).key()))
                .collect()
        }
    };
    if !keys.is_empty() {
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
    }
    order.truncate(q.limit.unwrap_or(usize::MAX));
    let lines = order
        .into_iter()
        .map(|i| {
            let sort_key = keys.get(i).copied().flatten().map(str::to_string);
            (sort_key, line(corpus, hits[i], q.context, q.as_written))
        })
        .collect();
    Ok((total, lines))
}

/// The cleaned chars of each UTF-16 range: those whose spans start inside it.
fn range_hits(corpus: &Corpus, ranges: &[(u32, u32)]) -> Vec<Hit> {
    ranges
        .iter()
        .map(|&(start, end)| {
            let start = corpus.char_from_utf16(start);
            Hit {
                start,
                end: corpus.char_from_utf16(end).max(start),
            }
        })
        .collect()
}

/// The tokens whose key is `key`.
fn word_hits(corpus: &Corpus, key: &str) -> Vec<Hit> {
    let Some(id) = corpus.id_of(key) else {
        return Vec::new();
    };
    let stream = corpus.stream();
    (0..stream.len())
        .filter(|&i| stream.id_at(i) == id)
        .map(|i| {
            let (start, end) = corpus.char_range(i);
            Hit { start, end }
        })
        .collect()
}

/// Non-overlapping occurrences of `needle` in the cleaned text.
fn string_hits(corpus: &Corpus, needle: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut chars = Chars::new(corpus.text());
    for (b, m) in corpus.text().match_indices(needle) {
        let start = chars.at(b);
        let end = chars.at(b + m.len());
        hits.push(Hit { start, end });
    }
    hits
}

/// Non-empty matches of the regular expression `pattern` in the cleaned text.
fn regex_hits(corpus: &Corpus, pattern: &str) -> Result<Vec<Hit>, Error> {
    let re = regex::RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .nest_limit(REGEX_NEST_LIMIT)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => Error::InvalidQuery(format!(
                "the regular expression is too costly: it would compile to more than {limit} bytes"
            )),
            e => Error::InvalidQuery(format!("the regular expression does not parse: {e}")),
        })?;
    let mut chars = Chars::new(corpus.text());
    let mut hits = Vec::new();
    for m in re.find_iter(corpus.text()).filter(|m| !m.is_empty()) {
        let start = chars.at(m.start());
        let end = chars.at(m.end());
        hits.push(Hit { start, end });
    }
    Ok(hits)
}

/// Char indices of rising byte offsets, counted incrementally: linear in the text for all the
/// matches of a search together.
struct Chars<'a> {
    text: &'a str,
    byte: usize,
    char: usize,
}

impl<'a> Chars<'a> {
    fn new(text: &'a str) -> Chars<'a> {
        Chars {
            text,
            byte: 0,
            char: 0,
        }
    }

    /// The char index of byte `b` (a char boundary at or after the last one asked for).
    fn at(&mut self, b: usize) -> usize {
        if b > self.byte {
            self.char += self.text.get(self.byte..b).map_or(0, |s| s.chars().count());
            self.byte = b;
        }
        self.char
    }
}

/// The word a sort order names for each hit: the first or second word token wholly before
/// the match (left) or wholly after it (right). Found through the nearest word at or before
/// (after) every token, worked out once, so a text without words costs no more than one with.
struct Neighbours {
    side: Sort,
    /// For each token, the nearest word token at or before it (left) or at or after it
    /// (right), `NONE` if there is none.
    nearest: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Neighbours {
    fn new(corpus: &Corpus, side: Sort) -> Neighbours {
        let stream = corpus.stream();
        let n = stream.len();
        let is_word = |i: usize| corpus.entry(stream.id_at(i)).is_word();
        let mut nearest = vec![NONE; n];
        let mut last = NONE;
        if matches!(side, Sort::Left1 | Sort::Left2) {
            for (i, slot) in nearest.iter_mut().enumerate() {
                if is_word(i) {
                    last = i as u32;
                }
                *slot = last;
            }
        } else {
            for i in (0..n).rev() {
                if is_word(i) {
                    last = i as u32;
                }
                nearest[i] = last;
            }
        }
        Neighbours { side, nearest }
    }

    /// The vocabulary index of the word this sort order names for hit `h`.
    fn of(&self, corpus: &Corpus, h: &Hit) -> Option<u32> {
        let at = |i: Option<usize>| {
            i.and_then(|i| self.nearest.get(i).copied())
                .filter(|&t| t != NONE)
                .map(|t| t as usize)
        };
        let token = match self.side {
            Sort::Left1 | Sort::Left2 => {
                // Tokens before the one holding the match's first char end at or before it.
                let first = at(corpus.token_at_char(h.start).checked_sub(1));
                if self.side == Sort::Left1 {
                    first
                } else {
                    at(first.and_then(|t| t.checked_sub(1)))
                }
            }
            _ => {
                let first = at(Some(corpus.token_at_or_after(h.end)));
                if self.side == Sort::Right1 {
                    first
                } else {
                    at(first.map(|t| t + 1))
                }
            }
        };
        token.map(|t| corpus.stream().id_at(t))
    }
}

/// The line of hit `h`, with `context` chars a side, cleaned or as written.
fn line(corpus: &Corpus, h: Hit, context: usize, as_written: bool) -> ConcordanceLine {
    let (start, end) = corpus.utf16_span(h.start, h.end);
    let text = corpus.text();
    let (a, b) = (corpus.byte_of_char(h.start), corpus.byte_of_char(h.end));
    let (left, matched, right) = match corpus.original() {
        Some(units) if as_written => {
            let (s, e) = (
                (start as usize).min(units.len()),
                (end as usize).min(units.len()),
            );
            (
                tail16(units, s, context),
                collapse(&String::from_utf16_lossy(&units[s..e])),
                head16(units, e, context),
            )
        }
        _ => (
            tail(text.get(..a).unwrap_or(""), context),
            collapse(text.get(a..b).unwrap_or("")),
            head(text.get(b..).unwrap_or(""), context),
        ),
    };
    ConcordanceLine {
        start,
        end,
        left,
        matched,
        right,
    }
}

/// [`tail`] of the user's text before unit `at`, decoding only as much of it as needed (a
/// window of about `n` chars, widened while it falls short).
fn tail16(units: &[u16], at: usize, n: usize) -> String {
    let mut window = 2 * n + 16;
    loop {
        let mut from = at.saturating_sub(window);
        // Not from the second half of a surrogate pair.
        if from > 0 && (0xDC00..0xE000).contains(&units[from]) {
            from -= 1;
        }
        let t = tail(&String::from_utf16_lossy(&units[from..at]), n);
        if from == 0 || t.chars().count() >= n || window > 2 * (n + MAX_SKIPPED) {
            return t;
        }
        window *= 4;
    }
}

/// [`head`] of the user's text from unit `at`, decoding only as much of it as needed.
fn head16(units: &[u16], at: usize, n: usize) -> String {
    let mut window = 2 * n + 16;
    loop {
        let mut to = (at + window).min(units.len());
        // Not up to the first half of a surrogate pair.
        if to < units.len() && to > at && (0xD800..0xDC00).contains(&units[to - 1]) {
            to += 1;
        }
        let h = head(&String::from_utf16_lossy(&units[at..to]), n);
        if to == units.len() || h.chars().count() >= n || window > 2 * (n + MAX_SKIPPED) {
            return h;
        }
        window *= 4;
    }
}

/// `s` with every run of whitespace as one space.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Chars a context looks through beyond the `n` it shows: a longer run of whitespace ends
/// it, so that a line costs the same however much whitespace surrounds its match.
const MAX_SKIPPED: usize = 1000;

/// The first `n` chars of `s`, whitespace runs collapsed (looking no further than needed, and
/// no further than [`MAX_SKIPPED`] chars beyond them).
fn head(s: &str, n: usize) -> String {
    let mut out = String::new();
    let (mut taken, mut space) = (0, false);
    for c in s.chars().take(n + MAX_SKIPPED) {
        if taken == n {
            break;
        }
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                taken += 1;
            }
            space = true;
        } else {
            out.push(c);
            taken += 1;
            space = false;
        }
    }
    out
}

/// The last `n` chars of `s`, whitespace runs collapsed (looking no further back than needed,
/// and no further than [`MAX_SKIPPED`] chars beyond them).
fn tail(s: &str, n: usize) -> String {
    let mut rev: Vec<char> = Vec::with_capacity(n);
    let mut space = false;
    for c in s.chars().rev().take(n + MAX_SKIPPED) {
        if rev.len() == n {
            break;
        }
        if c.is_whitespace() {
            if !space {
                rev.push(' ');
            }
            space = true;
        } else {
            rev.push(c);
            space = false;
        }
    }
    rev.into_iter().rev().collect()
}

#[cfg(test)]
mod tests;

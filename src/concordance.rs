//! Concordance lines (keyword in context): each given occurrence with the characters around
//! it, read by default from the cleaned text the analysis read, so that inline pinyin, markup
//! and zero-width characters do not fill the context (`長江經(jīng)濟(jì)帶` reads `長江經濟帶`),
//! or, on request, from the text as written. Offsets stay the user's: each line carries the
//! occurrence's UTF-16 range in the text as given.
//!
//! The page's concordance view asks for these through the worker (the `concordance`
//! request); a report's `keywords[].occurrences` are exactly the ranges it takes.
//!
//! ```
//! use wenxi::concordance::{concordance, ConcordanceOptions};
//!
//! let text = "要推動長江經(jīng)濟(jì)帶發展。";
//! let options = ConcordanceOptions { context: 3, ..Default::default() };
//! // 經濟 as the report gives it: UTF-16 [5, 13), the annotation inside it included.
//! let lines = concordance(text, &[(5, 13)], &options).unwrap();
//! assert_eq!(lines[0].left, "動長江");       // the three characters before it
//! assert_eq!(lines[0].keyword, "經濟");      // without the pinyin
//! assert_eq!(lines[0].right, "帶發展");
//! assert_eq!((lines[0].start, lines[0].end), (5, 13));
//!
//! let written = ConcordanceOptions { context: 3, written: true };
//! let lines = concordance(text, &[(5, 13)], &written).unwrap();
//! assert_eq!(lines[0].keyword, "經(jīng)濟");
//! assert_eq!(lines[0].right, "(jì");
//! ```

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::normalize::{self, Cleaned};

/// The most characters of context a line may ask for on each side: a line is for reading, and
/// a large context times many occurrences would copy the text over and over.
pub const MAX_CONTEXT: usize = 1000;

/// What [`concordance`] reads. Every field has a default; unknown fields are an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ConcordanceOptions {
    /// Characters (Unicode code points: 𦡦 is one) of context on each side. Default 20, at
    /// most 1000.
    pub context: usize,
    /// Read the context and the occurrence as written in the user's text, annotations and
    /// markup included, instead of from the cleaned text. Default false.
    pub written: bool,
}

impl Default for ConcordanceOptions {
    fn default() -> Self {
        ConcordanceOptions {
            context: 20,
            written: false,
        }
    }
}

impl ConcordanceOptions {
    /// Parse the options from JSON text.
    ///
    /// # Errors
    /// [`Error::InvalidOptions`] naming the field at fault.
    pub fn from_json(json: &str) -> Result<ConcordanceOptions, Error> {
        crate::options::from_json(json)
    }
}

/// One occurrence in its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ConcordanceLine {
    /// UTF-16 offset in the user's text where the occurrence starts, as given (clamped to
    /// the text).
    pub start: u32,
    /// UTF-16 offset where it ends, as given (clamped to the text, and not before `start`).
    pub end: u32,
    /// Up to `context` characters before the occurrence (fewer at the text's start). Line
    /// breaks and other whitespace are kept as they are.
    pub left: String,
    /// The occurrence itself.
    pub keyword: String,
    /// Up to `context` characters after the occurrence (fewer at the text's end).
    pub right: String,
}

/// The concordance line of each range of `ranges` (UTF-16 `[start, end)` offsets into
/// `text`), in the order given. A range past the text's end is clamped to it, one whose end
/// is before its start is empty, and an offset inside a surrogate pair counts from that
/// character's start.
///
/// Read from the cleaned text (the default), a range covers the cleaned characters whose
/// spans start inside it, so a report's occurrence gives the word as the analysis read it;
/// a range that holds only removed text (a tag, an annotation) gives an empty keyword.
///
/// # Errors
/// [`Error::InputTooLarge`] beyond [`crate::MAX_INPUT_UTF16`] code units;
/// [`Error::InvalidOptions`] for a context over [`MAX_CONTEXT`].
pub fn concordance(
    text: &str,
    ranges: &[(u32, u32)],
    options: &ConcordanceOptions,
) -> Result<Vec<ConcordanceLine>, Error> {
    let utf16_len: usize = text.chars().map(char::len_utf16).sum();
    crate::error::check_input_length(utf16_len)?;
    if options.context > MAX_CONTEXT {
        return Err(Error::InvalidOptions(format!(
            "context: at most {MAX_CONTEXT} characters, not {}",
            options.context
        )));
    }
    let ranges: Vec<(u32, u32)> = ranges
        .iter()
        .map(|&(start, end)| {
            let start = start.min(utf16_len as u32);
            (start, end.clamp(start, utf16_len as u32))
        })
        .collect();
    if options.written {
        Ok(written_lines(text, &ranges, options.context))
    } else {
        Ok(cleaned_lines(
            &normalize::clean(text),
            &ranges,
            options.context,
        ))
    }
}

/// Lines read from `text` itself: UTF-16 offsets become byte offsets in one pass.
fn written_lines(text: &str, ranges: &[(u32, u32)], context: usize) -> Vec<ConcordanceLine> {
    let positions: Vec<usize> = ranges
        .iter()
        .flat_map(|&(s, e)| [s as usize, e as usize])
        .collect();
    let bytes = byte_offsets(text, &positions, char::len_utf16);
    ranges
        .iter()
        .zip(bytes.chunks_exact(2))
        .map(|(&(start, end), b)| line(text, b[0], b[1], start, end, context))
        .collect()
}

/// Lines read from the cleaned text: each range is the cleaned characters whose spans start in
/// it, found by binary search over the spans (they rise), then located in the cleaned text.
fn cleaned_lines(cleaned: &Cleaned, ranges: &[(u32, u32)], context: usize) -> Vec<ConcordanceLine> {
    let spans = &cleaned.spans;
    // The first char whose span starts at or after `at`.
    let first_from = |at: u32| {
        let (mut lo, mut hi) = (0, spans.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if spans.get(mid).is_some_and(|s| s.start < at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    };
    let chars: Vec<usize> = ranges
        .iter()
        .flat_map(|&(s, e)| {
            let first = first_from(s);
            [first, first_from(e).max(first)]
        })
        .collect();
    let bytes = byte_offsets(&cleaned.text, &chars, |_| 1);
    ranges
        .iter()
        .zip(bytes.chunks_exact(2))
        .map(|(&(start, end), b)| line(&cleaned.text, b[0], b[1], start, end, context))
        .collect()
}

/// The line of `text[from..to]` (byte offsets) with `context` chars each side.
fn line(
    text: &str,
    from: usize,
    to: usize,
    start: u32,
    end: u32,
    context: usize,
) -> ConcordanceLine {
    let before = &text[..from];
    let left_at = if context == 0 {
        from
    } else {
        before
            .char_indices()
            .rev()
            .nth(context - 1)
            .map_or(0, |(i, _)| i)
    };
    let after = &text[to..];
    let right_len = after
        .char_indices()
        .nth(context)
        .map_or(after.len(), |(i, _)| i);
    ConcordanceLine {
        start,
        end,
        left: text[left_at..from].to_string(),
        keyword: text[from..to].to_string(),
        right: after[..right_len].to_string(),
    }
}

/// The byte offset in `text` of each position of `positions` (in any order), a position being
/// measured in `unit(c)` units per char (UTF-16 code units, or 1 for char indices). A position
/// inside a char counts from that char's start; one past the end is the text's length. One
/// pass over the text, however many positions.
fn byte_offsets(text: &str, positions: &[usize], unit: impl Fn(char) -> usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_unstable_by_key(|&i| positions[i]);
    let mut out = vec![text.len(); positions.len()];
    let mut next = order.into_iter().peekable();
    let mut at = 0usize;
    for (byte, c) in text.char_indices() {
        let width = unit(c);
        while let Some(i) = next.next_if(|&i| positions[i] < at + width) {
            out[i] = byte;
        }
        at += width;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, ranges: &[(u32, u32)], context: usize, written: bool) -> Vec<[String; 3]> {
        concordance(text, ranges, &ConcordanceOptions { context, written })
            .unwrap()
            .into_iter()
            .map(|l| [l.left, l.keyword, l.right])
            .collect()
    }

    fn utf16(s: &str) -> u32 {
        s.encode_utf16().count() as u32
    }

    /// The UTF-16 ranges of every `word` in `text`.
    fn find(text: &str, word: &str) -> Vec<(u32, u32)> {
        text.match_indices(word)
            .map(|(b, w)| (utf16(&text[..b]), utf16(&text[..b]) + utf16(w)))
            .collect()
    }

    #[test]
    fn cleaned_context_leaves_out_pinyin_markup_and_zero_width() {
        let text = "長江經(jīng)濟(jì)帶<b>發(fā)展(zhǎn)</b>，要\u{200B}堅持。";
        // 發展 as the report would give it: from 發 through the last annotation after 展.
        let start = utf16("長江經(jīng)濟(jì)帶<b>");
        let end = utf16("長江經(jīng)濟(jì)帶<b>發(fā)展");
        assert_eq!(
            lines(text, &[(start, end)], 4, false),
            [["江經濟帶", "發展", "，要堅持"].map(String::from)]
        );
        assert_eq!(
            lines(text, &[(start, end)], 4, true),
            [["帶<b>", "發(fā)展", "(zhǎ"].map(String::from)]
        );
    }

    #[test]
    fn context_counts_code_points_and_stops_at_the_ends() {
        // 👪 and 𦡦 are two UTF-16 units each, one character.
        let text = "👪𦡦發展𦡦👪";
        let at = find(text, "發展");
        assert_eq!(at, [(4, 6)]);
        assert_eq!(
            lines(text, &at, 1, false),
            [["𦡦", "發展", "𦡦"].map(String::from)]
        );
        assert_eq!(
            lines(text, &at, 5, true),
            [["👪𦡦", "發展", "𦡦👪"].map(String::from)]
        );
        assert_eq!(
            lines(text, &at, 0, false),
            [["", "發展", ""].map(String::from)]
        );
    }

    #[test]
    fn ranges_are_clamped_and_offsets_kept_in_the_order_given() {
        let text = "推动发展，推动改革。";
        let got = concordance(
            text,
            &[(5, 7), (0, 2), (8, 99), (9, 3), (50, 60)],
            &ConcordanceOptions::default(),
        )
        .unwrap();
        let spans: Vec<_> = got
            .iter()
            .map(|l| (l.start, l.end, l.keyword.as_str()))
            .collect();
        assert_eq!(
            spans,
            [
                (5, 7, "推动"),
                (0, 2, "推动"),
                (8, 10, "革。"),
                (9, 9, ""),
                (10, 10, "")
            ]
        );
        // Inside a surrogate pair: counts from the character's start.
        let got = concordance(
            "a👪b",
            &[(2, 3)],
            &ConcordanceOptions {
                context: 1,
                written: true,
            },
        )
        .unwrap();
        assert_eq!((got[0].left.as_str(), got[0].keyword.as_str()), ("a", "👪"));
    }

    #[test]
    fn a_range_of_removed_text_is_an_empty_keyword() {
        let text = "經(jīng)濟";
        assert_eq!(
            lines(text, &[(1, 7)], 2, false),
            [["經", "", "濟"].map(String::from)]
        );
    }

    #[test]
    fn limits_and_empty_input() {
        assert_eq!(
            concordance("", &[(0, 0)], &ConcordanceOptions::default()).unwrap()[0].keyword,
            ""
        );
        assert!(concordance("文", &[], &ConcordanceOptions::default())
            .unwrap()
            .is_empty());
        let e = concordance(
            "文",
            &[(0, 1)],
            &ConcordanceOptions {
                context: MAX_CONTEXT + 1,
                written: false,
            },
        )
        .unwrap_err();
        assert_eq!(e.kind(), "invalid_options");
        let e = ConcordanceOptions::from_json(r#"{"context": 5, "cleaned": true}"#).unwrap_err();
        assert!(e.to_string().contains("unknown field `cleaned`"), "{e}");
        assert_eq!(
            ConcordanceOptions::from_json(r#"{"written": true}"#).unwrap(),
            ConcordanceOptions {
                context: 20,
                written: true
            }
        );
    }

    /// The same lines by the slow, obvious route: every cleaned char with its span, filtered.
    fn naive(text: &str, ranges: &[(u32, u32)], context: usize) -> Vec<[String; 3]> {
        let cleaned = normalize::clean(text);
        let chars: Vec<(char, u32)> = cleaned
            .text
            .chars()
            .zip(cleaned.spans.iter().map(|s| s.start))
            .collect();
        ranges
            .iter()
            .map(|&(s, e)| {
                let first = chars.iter().position(|c| c.1 >= s).unwrap_or(chars.len());
                let last = chars
                    .iter()
                    .position(|c| c.1 >= e)
                    .unwrap_or(chars.len())
                    .max(first);
                let take = |a: usize, b: usize| chars[a..b].iter().map(|c| c.0).collect::<String>();
                [
                    take(first.saturating_sub(context), first),
                    take(first, last),
                    take(last, (last + context).min(chars.len())),
                ]
            })
            .collect()
    }

    #[test]
    fn cleaned_lines_agree_with_a_naive_reading() {
        let texts = [
            "<p>會議強(qiáng)調(diào)，要推動&amp;長江經(jīng)濟(jì)帶</p>\n\n發展👪𦡦。",
            "推动长江经济带发展，推动绿色发展。\r\n推动发展，推动改革。",
            "<!DOCTYPE html><html><script>var a = 1;</script><body>正文&nbsp;正文</body></html>",
            "ＡＩ技术\u{200B}\u{FEFF}与 AI 技术",
        ];
        for text in texts {
            let len = utf16(text);
            // Every range of every start and length up to 6, and a few past the end.
            let ranges: Vec<(u32, u32)> = (0..=len)
                .flat_map(|s| (0..=6).map(move |n| (s, s + n)))
                .chain([(len + 3, len + 9)])
                .collect();
            for context in [0, 1, 3, 20] {
                let clamped: Vec<(u32, u32)> = ranges
                    .iter()
                    .map(|&(s, e)| (s.min(len), e.min(len)))
                    .collect();
                assert_eq!(
                    lines(text, &ranges, context, false),
                    naive(text, &clamped, context),
                    "{text:?}, context {context}"
                );
            }
        }
    }
}

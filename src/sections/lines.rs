//! The text as lines, and the text helpers that make titles of them: clipping a line to a
//! title's length, and the opening clause that titles a section without a heading.

/// One line of the text, without its line terminator.
#[derive(Debug)]
pub(super) struct Line<'a> {
    pub(super) text: &'a str,
    /// Char index of the line's first char.
    pub(super) start: usize,
    /// Char index just after the line terminator (the next line's start).
    pub(super) next: usize,
    /// Chars in the line with trailing whitespace removed (leading indentation kept).
    pub(super) len: usize,
    pub(super) blank: bool,
    pub(super) indented: bool,
}

pub(super) fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let (raw, tail, terminator) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i + 1..], 1),
            None => (rest, "", 0),
        };
        let content = raw.strip_suffix('\r').unwrap_or(raw);
        let chars = raw.chars().count() + terminator;
        let trimmed = content.trim_end();
        let blank = trimmed.trim_start().is_empty();
        lines.push(Line {
            text: content,
            start,
            next: start + chars,
            len: trimmed.chars().count(),
            blank,
            indented: !blank && content.starts_with([' ', '\t', '\u{3000}']),
        });
        start += chars;
        rest = tail;
    }
    lines
}

/// Longest section title, in chars (a clipped title has a `…` more).
pub(super) const MAX_TITLE: usize = 40;
/// Longest opening clause that titles a section without a heading, in chars.
pub(super) const MAX_CLAUSE: usize = 20;

/// Cut `s` to at most `max` chars, ending with `…` when something was cut.
pub(super) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some(_) => {
            let keep = s.char_indices().nth(max - 1).map_or(s.len(), |(i, _)| i);
            format!("{}…", s[..keep].trim_end())
        }
    }
}

/// The opening clause of a paragraph: up to the first `，,。：:！？；`, trimmed, clipped.
pub(super) fn opening_clause(s: &str) -> String {
    let s = s.trim_start();
    let end = s
        .char_indices()
        .take(MAX_CLAUSE * 4)
        .find(|&(_, c)| matches!(c, '，' | ',' | '。' | '：' | ':' | '！' | '？' | '；'))
        .map_or(s.len().min(byte_of_char(s, MAX_CLAUSE * 4)), |(i, _)| i);
    clip(s[..end].trim(), MAX_CLAUSE)
}

/// The byte index of char `n` of `s` (or `s.len()`).
fn byte_of_char(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        let cases: &[(&str, &str)] = &[
            ("本报讯 昨天上午，市图书馆开馆。", "本报讯 昨天上午"),
            ("  据了解：新馆藏书二百万册。", "据了解"),
            (
                "没有标点的一段很长很长很长很长的文字一直写下去",
                "没有标点的一段很长很长很长很长的文字一…",
            ),
            ("Short, then more", "Short"),
            ("👪𦡦，后面", "👪𦡦"),
        ];
        for (text, want) in cases {
            assert_eq!(opening_clause(text), *want, "{text:?}");
        }
        assert_eq!(clip("一二三", 3), "一二三");
        assert_eq!(clip("一二三四", 3), "一二…");
    }
}

//! The map from a cleaned text back to the user's text: for each cleaned `char`, the UTF-16
//! span of the user's text it stands for.

/// A UTF-16 range `[start, end)` in the user's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// For each `char` of a cleaned text, in order, the span of the user's text it stands for.
///
/// Compressed, since a long text has millions of chars and nearly all of them stand for
/// themselves: a *run* is a stretch of chars whose spans follow one another without a gap,
/// and only where each run starts is stored; spans of a length other than one UTF-16 unit
/// (an astral char, an entity, a tag's line break, a mojibake run) are listed apart. Plain
/// text is one run and its astral chars; every removal (a tag, an annotation) starts a new
/// run. A few bytes per run and per long span, instead of 4 bytes a char.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Spans {
    /// Chars held.
    len: u32,
    /// `(first char, its start)` of each run, rising.
    runs: Vec<(u32, u32)>,
    /// `(char, extra)` for each span whose length is not 1, rising: `extra` is the sum of
    /// (length − 1) over this span and every listed one before it.
    long: Vec<(u32, i64)>,
    /// Where the last span ends.
    end: u32,
}

impl Spans {
    /// No spans yet (`n`, the chars to come, is not needed: runs are few).
    pub(super) fn with_capacity(_n: usize) -> Spans {
        Spans::default()
    }

    pub(super) fn push(&mut self, span: Span) {
        let i = self.len;
        if i == 0 || span.start != self.end {
            self.runs.push((i, span.start));
        }
        let length = i64::from(span.end) - i64::from(span.start);
        if length != 1 {
            let before = self.long.last().map_or(0, |&(_, extra)| extra);
            self.long.push((i, before + length - 1));
        }
        self.end = span.end;
        self.len += 1;
    }

    /// The number of spans (one per char of the cleaned text).
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The extra units of the long spans before char `i`.
    fn extra_before(&self, i: u32) -> i64 {
        let k = self.long.partition_point(|&(j, _)| j < i);
        k.checked_sub(1).map_or(0, |k| self.long[k].1)
    }

    /// The span of char `i`.
    pub fn get(&self, i: usize) -> Option<Span> {
        if i >= self.len() {
            return None;
        }
        let i = i as u32;
        let r = self.runs.partition_point(|&(first, _)| first <= i);
        let (first, run_start) = self.runs[r.checked_sub(1)?];
        let start = i64::from(run_start) + i64::from(i - first) + self.extra_before(i)
            - self.extra_before(first);
        let length = match self.long.binary_search_by_key(&i, |&(j, _)| j) {
            Ok(k) => self.long[k].1 - k.checked_sub(1).map_or(0, |k| self.long[k].1) + 1,
            Err(_) => 1,
        };
        let start = u32::try_from(start).ok()?;
        let end = u32::try_from(i64::from(start) + length).ok()?;
        Some(Span { start, end })
    }

    /// The UTF-16 range of chars `[start, end)` in a text of `len` units: from the start of
    /// the first char's span to the end of the last one's (see [`super::Cleaned::utf16_span`]).
    pub fn utf16_span(&self, start: usize, end: usize, len: u32) -> (u32, u32) {
        let first = self.get(start).map_or(len, |s| s.start);
        let last = end
            .checked_sub(1)
            .and_then(|i| self.get(i))
            .map_or(first, |s| s.end);
        (first, last.max(first))
    }

    /// Every span, in order.
    pub fn iter(&self) -> impl Iterator<Item = Span> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.runs.capacity() * 8 + self.long.capacity() * 16
    }
}

/// Spans from `(start, end)` pairs, for tests that state the offsets they expect.
#[cfg(test)]
pub(crate) fn spans(pairs: &[(u32, u32)]) -> Vec<Span> {
    pairs
        .iter()
        .map(|&(start, end)| Span { start, end })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_store_runs_and_long_spans() {
        let mut s = Spans::default();
        let pairs = [(0, 1), (1, 3), (5, 6), (6, 6), (6, 9), (9, 10), (10, 11)];
        for (start, end) in pairs {
            s.push(Span { start, end });
        }
        assert_eq!(s.iter().collect::<Vec<_>>(), spans(&pairs));
        // A gap before 5 starts the second run; (1, 3), (6, 6) and (6, 9) are not one unit long.
        assert_eq!(s.runs, [(0, 0), (2, 5)]);
        assert_eq!(s.long.len(), 3);
        assert_eq!(s.get(7), None);
        assert_eq!(s.utf16_span(1, 5, 11), (1, 9));
        assert_eq!(s.utf16_span(7, 9, 11), (11, 11));
        // Plain text is one run.
        let mut plain = Spans::default();
        for i in 0..1000 {
            plain.push(Span {
                start: i,
                end: i + 1,
            });
        }
        assert_eq!((plain.runs.len(), plain.long.len()), (1, 0));
        assert_eq!(
            plain.get(999),
            Some(Span {
                start: 999,
                end: 1000
            })
        );
    }
}

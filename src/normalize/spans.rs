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
    pub(super) fn with_capacity(n: usize) -> Spans {
        Spans {
            starts: Vec::with_capacity(n),
            ends: Vec::new(),
        }
    }

    pub(super) fn push(&mut self, span: Span) {
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
}

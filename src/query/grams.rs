//! Repeated sequences counted level by level: the engine under n-grams and terms.
//!
//! A text is a sequence of symbols (word ids, or chars) cut into segments that no sequence
//! crosses (phrases). Level 1 groups the positions by symbol; level *n* + 1 extends each
//! position's level-*n* group by the next symbol. Only groups seen at least `min_count` times
//! are kept and extended (a sequence is never more frequent than its prefix), so the work is
//! proportional to the positions of frequent sequences, not to every n-gram of the text.
//! Each level is one hash pass over its positions.

use rustc_hash::FxHashMap;

/// No group: the sequence at this position is too rare, or runs out of its segment.
pub const NONE: u32 = u32::MAX;

/// The sequences of one length that occur at least `min_count` times.
#[derive(Debug, Clone, Default)]
pub struct Level {
    /// Their length in symbols.
    pub n: usize,
    /// For each position, the group of the sequence that starts there, or [`NONE`].
    pub at: Vec<u32>,
    /// Each group's count.
    pub counts: Vec<u32>,
    /// Each group's first position.
    pub first: Vec<u32>,
}

impl Level {
    /// Single symbols seen at least `min_count` times.
    pub fn unigrams(symbols: &[u32], min_count: u32) -> Level {
        let mut index: FxHashMap<u32, u32> = FxHashMap::default();
        let mut at = Vec::with_capacity(symbols.len());
        let mut counts = Vec::new();
        let mut first = Vec::new();
        for (p, &s) in symbols.iter().enumerate() {
            let g = *index.entry(s).or_insert_with(|| {
                counts.push(0);
                first.push(p as u32);
                counts.len() as u32 - 1
            });
            counts[g as usize] += 1;
            at.push(g);
        }
        Level {
            n: 1,
            at,
            counts,
            first,
        }
        .keep(min_count)
    }

    /// The sequences one symbol longer, within their segments (`segments[p]` names position
    /// `p`'s segment), seen at least `min_count` times.
    pub fn extend(&self, symbols: &[u32], segments: &[u32], min_count: u32) -> Level {
        let n = self.n;
        // Sized once: a map that grows rehashes every entry each time it doubles.
        let live = self.at.iter().filter(|&&g| g != NONE).count();
        let mut index: FxHashMap<u64, u32> =
            FxHashMap::with_capacity_and_hasher(live, Default::default());
        let mut at = vec![NONE; symbols.len()];
        let mut counts: Vec<u32> = Vec::new();
        let mut first: Vec<u32> = Vec::new();
        for (p, &g) in self.at.iter().enumerate() {
            let q = p + n;
            if g == NONE || q >= symbols.len() || segments[q] != segments[p] {
                continue;
            }
            let key = (u64::from(g) << 32) | u64::from(symbols[q]);
            let h = *index.entry(key).or_insert_with(|| {
                counts.push(0);
                first.push(p as u32);
                counts.len() as u32 - 1
            });
            counts[h as usize] += 1;
            at[p] = h;
        }
        Level {
            n: n + 1,
            at,
            counts,
            first,
        }
        .keep(min_count)
    }

    /// Only the groups seen at least `min_count` times, renumbered in order of first position.
    fn keep(mut self, min_count: u32) -> Level {
        let mut renumber = vec![NONE; self.counts.len()];
        let mut counts = Vec::new();
        let mut first = Vec::new();
        for (g, &c) in self.counts.iter().enumerate() {
            if c >= min_count {
                renumber[g] = counts.len() as u32;
                counts.push(c);
                first.push(self.first[g]);
            }
        }
        for g in self.at.iter_mut().filter(|g| **g != NONE) {
            *g = renumber[*g as usize];
        }
        self.counts = counts;
        self.first = first;
        self
    }

    /// How many groups there are.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// The group at position `p` ([`NONE`] past the end).
    pub fn group_at(&self, p: usize) -> u32 {
        self.at.get(p).copied().unwrap_or(NONE)
    }

    /// The count of the group at position `p` (0 for none).
    pub fn count_at(&self, p: usize) -> u32 {
        match self.group_at(p) {
            NONE => 0,
            g => self.counts[g as usize],
        }
    }

    /// For each group of `self`, whether a sequence one longer (`longer`, the next level)
    /// contains it with the same count: every occurrence of it is inside that longer one.
    pub fn contained_in(&self, longer: &Level) -> Vec<bool> {
        let mut contained = vec![false; self.len()];
        for (h, &c) in longer.counts.iter().enumerate() {
            let p = longer.first[h] as usize;
            // The longer sequence at p starts with self's group at p and ends with self's
            // group at p + 1.
            for g in [self.group_at(p), self.group_at(p + 1)] {
                if g != NONE && self.counts[g as usize] == c {
                    contained[g as usize] = true;
                }
            }
        }
        contained
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_count_within_segments() {
        // a b c a b c a b | a b (the bar is a segment break).
        let symbols = [0, 1, 2, 0, 1, 2, 0, 1, 0, 1];
        let segments = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1];
        let one = Level::unigrams(&symbols, 2);
        assert_eq!(one.counts, [4, 4, 2]);
        let two = one.extend(&symbols, &segments, 2);
        // ab ×4, bc ×2, ca ×2; b|a crosses the break.
        assert_eq!(two.counts, [4, 2, 2]);
        assert_eq!(two.first, [0, 1, 2]);
        let three = two.extend(&symbols, &segments, 2);
        // abc ×2, bca ×2, cab ×2.
        assert_eq!(three.counts, [2, 2, 2]);
        // ca (2) is in cab (2); bc (2) is in abc and bca (2); ab (4) is in nothing as often.
        assert_eq!(two.contained_in(&three), [false, true, true]);
        let four = three.extend(&symbols, &segments, 2);
        assert_eq!(four.counts, [2, 1 + 1], "abca ×2, bcab ×2");
        assert_eq!(four.len(), 2);
        assert_eq!(four.extend(&symbols, &segments, 2).counts, [2], "abcab ×2");
        assert_eq!(Level::unigrams(&symbols, 5).len(), 0);
    }
}

//! Stage 5: keyword frequency. Counts content words, weighs them by TF-IDF and TextRank, and
//! says where each is used.
//!
//! A content word is a Han or Latin token that is long enough, has an allowed part of speech
//! and is not a stopword. Words are counted by their key (simplified, lower-cased), so 發展
//! and 发展, or `AI` and `ai`, are one word; the report shows each as first written.

use rustc_hash::FxHashSet;

use crate::report::{Keyword, TokenKind, WordCount};

/// The built-in stopword lists: stopwords-iso's Chinese list (MIT, see
/// `data/stopwords/LICENSE-stopwords-iso`) and our own English one.
const CHINESE_STOPWORDS: &str = include_str!("../data/stopwords/stopwords-zh.txt");
const ENGLISH_STOPWORDS: &str = include_str!("../data/stopwords/english.txt");

/// TextRank's co-occurrence window and damping, as in Python jieba's `textrank` (after Mihalcea
/// & Tarau, 2004): words up to 4 tokens apart are linked; 10 sweeps of PageRank with d = 0.85.
const TEXTRANK_SPAN: usize = 5;
const TEXTRANK_DAMPING: f64 = 0.85;
const TEXTRANK_SWEEPS: usize = 10;

/// The key a word is counted by: its form in the segmented (simplified) text, lower-cased.
/// 發展 and 发展 (segmented as 发展), `AI` and `ai` are one word.
pub fn key_of(segmented: &str) -> std::borrow::Cow<'_, str> {
    if segmented.chars().any(changes_in_lowercase) {
        std::borrow::Cow::Owned(segmented.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(segmented)
    }
}

/// Whether lower-casing changes `c`: upper case, and also title case (`ǅ`, `ǈ`), which
/// `char::is_uppercase` does not include. ASCII and Han, nearly every char, are decided
/// without the Unicode tables.
fn changes_in_lowercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    if crate::chars::is_han(c) {
        return false;
    }
    let mut lower = c.to_lowercase();
    lower.next() != Some(c) || lower.next().is_some()
}

/// A set of stopword keys (simplified, lower-cased).
#[derive(Debug, Clone, Default)]
pub struct Stopwords(FxHashSet<String>);

impl Stopwords {
    /// The built-in Chinese and English lists.
    pub fn builtin() -> Stopwords {
        let mut set = Stopwords::default();
        for list in [CHINESE_STOPWORDS, ENGLISH_STOPWORDS] {
            for line in list.lines() {
                let w = line.trim();
                if !w.is_empty() && !w.starts_with('#') {
                    set.insert(w);
                }
            }
        }
        set
    }

    /// Add a word given as a key (already simplified).
    pub fn insert(&mut self, key: &str) {
        self.0.insert(key.to_lowercase());
    }

    pub fn contains(&self, key: &str) -> bool {
        self.0.contains(key)
    }

    /// Every word, sorted (code point order).
    pub fn sorted(&self) -> Vec<String> {
        let mut words: Vec<String> = self.0.iter().cloned().collect();
        words.sort_unstable();
        words
    }
}

/// Which tokens count as content words.
pub struct Filter<'a> {
    pub min_length: usize,
    /// Allowed POS tags; empty allows all.
    pub pos: &'a [String],
    pub builtin: Option<&'a Stopwords>,
    /// Built-in stopwords that count after all.
    pub keep: &'a Stopwords,
    pub extra: &'a Stopwords,
}

impl Filter<'_> {
    /// Whether a token of `kind` with `key` (lower-cased simplified form) and `pos` counts.
    pub fn accepts(&self, kind: TokenKind, key: &str, pos: &str) -> bool {
        matches!(kind, TokenKind::Han | TokenKind::Latin)
            // Han numerals and quantities (一年, 三千, 一是) are numbers to a reader, like 2023.
            && !matches!(pos, "m" | "mq")
            && key.chars().count() >= self.min_length.max(1)
            && (self.pos.is_empty() || self.pos.iter().any(|p| p == pos))
            && !self.extra.contains(key)
            && (self.keep.contains(key) || !self.builtin.is_some_and(|s| s.contains(key)))
    }
}

/// One content-word occurrence, in text order.
pub struct Occurrence<'a> {
    /// Lower-cased simplified form.
    pub key: std::borrow::Cow<'a, str>,
    /// The key's index in the text's vocabulary (`0..vocab` of [`Tally::new`]): one per key.
    pub word_id: u32,
    /// As written in the cleaned text.
    pub word: &'a str,
    pub pos: &'a str,
    /// Index of the token in the whole token sequence (for TextRank's window).
    pub token: usize,
    /// Section the occurrence is in (non-decreasing along the text).
    pub section: u32,
    /// UTF-16 range in the user's text.
    pub start: u32,
    pub end: u32,
}

struct Entry<'a> {
    key: std::borrow::Cow<'a, str>,
    word: &'a str,
    pos: &'a str,
    occurrences: Vec<(u32, u32)>,
    sections: Vec<(u32, u32)>,
}

impl Entry<'_> {
    fn count(&self) -> u32 {
        self.occurrences.len() as u32
    }
}

/// Every content word of a text, counted.
pub struct Tally<'a> {
    entries: Vec<Entry<'a>>,
    /// Per occurrence: (token index, entry index), for TextRank.
    sequence: Vec<(usize, u32)>,
    total: u32,
}

impl<'a> Tally<'a> {
    /// Count `occurrences`, given in text order; their `word_id`s are below `vocab` (a larger
    /// one is counted all the same).
    pub fn new(occurrences: impl IntoIterator<Item = Occurrence<'a>>, vocab: usize) -> Tally<'a> {
        // Entry of each vocabulary index: the caller has numbered the keys already, so no key
        // is hashed again.
        let mut index: Vec<u32> = vec![u32::MAX; vocab];
        let mut entries: Vec<Entry<'a>> = Vec::new();
        let mut sequence = Vec::new();
        let mut total = 0u32;
        for o in occurrences {
            let slot = o.word_id as usize;
            if slot >= index.len() {
                index.resize(slot + 1, u32::MAX);
            }
            let id = match index[slot] {
                id if id != u32::MAX => id,
                _ => {
                    let id = entries.len() as u32;
                    index[slot] = id;
                    entries.push(Entry {
                        key: o.key,
                        word: o.word,
                        pos: o.pos,
                        occurrences: Vec::new(),
                        sections: Vec::new(),
                    });
                    id
                }
            };
            let e = &mut entries[id as usize];
            e.occurrences.push((o.start, o.end));
            match e.sections.last_mut() {
                Some((s, n)) if *s == o.section => *n += 1,
                _ => e.sections.push((o.section, 1)),
            }
            sequence.push((o.token, id));
            total += 1;
        }
        Tally {
            entries,
            sequence,
            total,
        }
    }

    /// Content-word occurrences.
    pub fn total(&self) -> u32 {
        self.total
    }

    /// Distinct content words.
    pub fn distinct(&self) -> u32 {
        self.entries.len() as u32
    }

    /// Every content word as `(key, word as first written, POS of the first occurrence,
    /// count)`, in the order the text first uses them: the whole tally, not only the
    /// `top_n` the report lists (a corpus compares documents on all their words).
    pub fn counts(&self) -> impl Iterator<Item = (&str, &str, &str, u32)> + '_ {
        self.entries
            .iter()
            .map(|e| (e.key.as_ref(), e.word, e.pos, e.count()))
    }

    /// The top `top_n` keywords, count descending then word, with their TF-IDF weights
    /// (`idf` gives a key's IDF; it is asked only for the words listed) and TextRank scores.
    pub fn keywords(
        &self,
        top_n: usize,
        idf: impl Fn(&str) -> f64,
        reference: impl Fn(&str) -> u64,
    ) -> Vec<Keyword> {
        let ranks = self.textrank();
        let total = f64::from(self.total.max(1));
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        top_sorted(&mut order, top_n, |&a, &b| self.cmp_entries(a, b));
        order
            .into_iter()
            .map(|i| {
                let e = &self.entries[i];
                let tf = f64::from(e.count()) / total;
                Keyword {
                    word: e.word.to_string(),
                    key: e.key.to_string(),
                    count: e.count(),
                    share: tf,
                    weight: tf * idf(&e.key),
                    textrank: ranks[i],
                    pos: e.pos.to_string(),
                    first: e.occurrences.first().map_or(0, |o| o.0),
                    occurrences: e.occurrences.clone(),
                    reference: reference(&e.key),
                    sections: e.sections.clone(),
                }
            })
            .collect()
    }

    /// Each section's `n` most frequent words, count descending then word.
    pub fn section_top(&self, sections: usize, n: usize) -> Vec<Vec<WordCount>> {
        let mut per: Vec<Vec<(u32, usize)>> = vec![Vec::new(); sections];
        for (i, e) in self.entries.iter().enumerate() {
            for &(s, c) in &e.sections {
                if let Some(list) = per.get_mut(s as usize) {
                    list.push((c, i));
                }
            }
        }
        per.into_iter()
            .map(|mut list| {
                top_sorted(&mut list, n, |a, b| {
                    b.0.cmp(&a.0)
                        .then_with(|| self.entries[a.1].word.cmp(self.entries[b.1].word))
                        .then_with(|| self.entries[a.1].key.cmp(&self.entries[b.1].key))
                });
                list.into_iter()
                    .map(|(count, i)| WordCount {
                        word: self.entries[i].word.to_string(),
                        count,
                    })
                    .collect()
            })
            .collect()
    }

    /// The order of the keyword list: count descending, then word, then key (a total order:
    /// keys are distinct).
    fn cmp_entries(&self, a: usize, b: usize) -> std::cmp::Ordering {
        let (ea, eb) = (&self.entries[a], &self.entries[b]);
        eb.count()
            .cmp(&ea.count())
            .then_with(|| ea.word.cmp(eb.word))
            // Two keys can share a written form only through case; keep the order total.
            .then_with(|| ea.key.cmp(&eb.key))
    }

    /// TextRank score per entry, scaled so the best is 1 (all 0 when no word co-occurs).
    fn textrank(&self) -> Vec<f64> {
        let n = self.entries.len();
        // Undirected co-occurrence counts of words within the window of token positions. The
        // pairs are counted first so each buffer is allocated once at its size: on a long
        // text they are the largest allocations of the analysis, and a growing vector would
        // hold twice as much at its peak.
        let window = |i: usize| {
            let (pos_i, u) = self.sequence[i];
            self.sequence[i + 1..]
                .iter()
                .take_while(move |&&(pos_j, _)| pos_j < pos_i + TEXTRANK_SPAN)
                // A word beside itself says nothing about its importance.
                .filter(move |&&(_, v)| v != u)
                .map(move |&(_, v)| (u.min(v), u.max(v)))
        };
        // Each pair (u, v), u < v, goes to u's bucket: counted first, then its v written into
        // place and each bucket sorted, which lists the pairs in the order one sort of them all
        // would (so sums run in one order on every platform: same input, same bits), for half
        // the memory and without sorting a million pairs at once.
        let mut starts = vec![0u32; n + 1];
        for i in 0..self.sequence.len() {
            for (u, _) in window(i) {
                starts[u as usize + 1] += 1;
            }
        }
        for x in 0..n {
            starts[x + 1] += starts[x];
        }
        let mut cursor = starts.clone();
        let mut partners = vec![0u32; starts[n] as usize];
        for i in 0..self.sequence.len() {
            for (u, v) in window(i) {
                partners[cursor[u as usize] as usize] = v;
                cursor[u as usize] += 1;
            }
        }
        drop(cursor);
        for u in 0..n {
            partners[starts[u] as usize..starts[u + 1] as usize].sort_unstable();
        }
        // The distinct pairs are the graph's edges, their repeats its weights. Adjacency in
        // compressed rows, built straight from the sorted pairs (no edge list beside it):
        // neighbours of x are adj[offs[x]..offs[x + 1]], as (neighbour, weight).
        let edges = || {
            (0..n).flat_map(|u| {
                partners[starts[u] as usize..starts[u + 1] as usize]
                    .chunk_by(|a, b| a == b)
                    .map(move |run| (u as u32, run[0], run.len() as u32))
            })
        };
        let mut offs = vec![0u32; n + 1];
        for (u, v, _) in edges() {
            offs[u as usize + 1] += 1;
            offs[v as usize + 1] += 1;
        }
        for x in 0..n {
            offs[x + 1] += offs[x];
        }
        let mut fill = offs.clone();
        let mut adj = vec![(0u32, 0u32); offs[n] as usize];
        for (u, v, w) in edges() {
            adj[fill[u as usize] as usize] = (v, w);
            fill[u as usize] += 1;
            adj[fill[v as usize] as usize] = (u, w);
            fill[v as usize] += 1;
        }
        drop(fill);
        drop(partners);
        let row = |x: usize| &adj[offs[x] as usize..offs[x + 1] as usize];
        let out: Vec<f64> = (0..n)
            .map(|x| row(x).iter().map(|&(_, w)| f64::from(w)).sum())
            .collect();
        let mut rank = vec![if n == 0 { 0.0 } else { 1.0 / n as f64 }; n];
        for _ in 0..TEXTRANK_SWEEPS {
            for x in 0..n {
                let s: f64 = row(x)
                    .iter()
                    .map(|&(y, w)| f64::from(w) / out[y as usize] * rank[y as usize])
                    .sum();
                rank[x] = (1.0 - TEXTRANK_DAMPING) + TEXTRANK_DAMPING * s;
            }
        }
        let isolated = |x: usize| offs[x] == offs[x + 1];
        let best = (0..n)
            .filter(|&x| !isolated(x))
            .map(|x| rank[x])
            .fold(0.0f64, f64::max);
        (0..n)
            .map(|x| {
                if isolated(x) || best == 0.0 {
                    0.0
                } else {
                    rank[x] / best
                }
            })
            .collect()
    }
}

/// The first `n` of `items` in `order`, sorted, and nothing after them: only those `n` are
/// sorted (a text's 50,000 distinct words for a list of 300, each of a thousand sections' words
/// for its top 5). `order` must be total, so that the `n` are the ones a full sort puts first.
fn top_sorted<T>(
    items: &mut Vec<T>,
    n: usize,
    mut order: impl FnMut(&T, &T) -> std::cmp::Ordering,
) {
    if n < items.len() {
        if n == 0 {
            items.clear();
            return;
        }
        items.select_nth_unstable_by(n - 1, &mut order);
        items.truncate(n);
    }
    items.sort_unstable_by(order);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn occ(key: &'static str, token: usize, section: u32) -> Occurrence<'static> {
        // A vocabulary index per distinct key, as the analyzer's stream numbers them.
        let word_id = [
            "经济", "发展", "长江", "甲乙", "中心", "丙丁", "戊己", "庚辛",
        ]
        .iter()
        .position(|&k| k == key)
        .unwrap_or(99) as u32;
        Occurrence {
            key: Cow::Borrowed(key),
            word_id,
            word: key,
            pos: "n",
            token,
            section,
            start: token as u32,
            end: token as u32 + 1,
        }
    }

    #[test]
    fn counts_orders_and_places_words() {
        let words = ["经济", "发展", "经济", "长江", "发展", "经济"];
        let t = Tally::new(
            words
                .iter()
                .enumerate()
                .map(|(i, w)| occ(w, i * 2, (i / 3) as u32)),
            3,
        );
        let idf = |w: &str| match w {
            "经济" => 1.0,
            "发展" => 2.0,
            _ => 3.0,
        };
        let k = t.keywords(10, idf, |_| 0);
        let got: Vec<(&str, u32)> = k.iter().map(|k| (k.word.as_str(), k.count)).collect();
        assert_eq!(got, [("经济", 3), ("发展", 2), ("长江", 1)]);
        assert_eq!(k[0].sections, [(0, 2), (1, 1)]);
        assert_eq!(k[0].first, 0);
        assert_eq!(k[0].occurrences, [(0, 1), (4, 5), (10, 11)]);
        assert!((k[0].share - 0.5).abs() < 1e-12);
        assert!((k[1].weight - 2.0 * 2.0 / 6.0).abs() < 1e-12);
        // Section 1 has each word once: the tie goes to the first in code point order.
        assert_eq!(t.section_top(2, 1)[1][0].word, "发展");
    }

    #[test]
    fn textrank_favours_the_hub() {
        // 中心 sits beside every other word; the others only beside 中心.
        let seq = ["甲乙", "中心", "丙丁", "中心", "戊己", "中心", "庚辛"];
        let t = Tally::new(seq.iter().enumerate().map(|(i, w)| occ(w, i * 10, 0)), 8);
        let ranks = t.textrank();
        // Tokens 10 apart are outside the window: nothing co-occurs.
        assert!(ranks.iter().all(|&r| r == 0.0));
        let t = Tally::new(seq.iter().enumerate().map(|(i, w)| occ(w, i, 0)), 8);
        let k = t.keywords(10, |_| 0.0, |_| 0);
        assert_eq!(k.iter().find(|k| k.word == "中心").unwrap().textrank, 1.0);
        assert!(k.iter().all(|k| k.textrank > 0.0 && k.textrank <= 1.0));
    }

    #[test]
    fn filter_rules() {
        let builtin = Stopwords::builtin();
        let mut extra = Stopwords::default();
        extra.insert("Wenxi");
        let mut keep = Stopwords::default();
        keep.insert("我们");
        let pos = vec!["n".to_string()];
        let f = Filter {
            min_length: 2,
            pos: &[],
            builtin: Some(&builtin),
            keep: &keep,
            extra: &extra,
        };
        assert!(f.accepts(TokenKind::Han, "经济", "n"));
        assert!(!f.accepts(TokenKind::Han, "可以", "v"), "stopword");
        assert!(
            f.accepts(TokenKind::Han, "我们", "r"),
            "a built-in stopword kept"
        );
        assert!(
            !f.accepts(TokenKind::Latin, "the", "eng"),
            "english stopword"
        );
        assert!(
            !f.accepts(TokenKind::Latin, "wenxi", "eng"),
            "extra stopword"
        );
        assert!(!f.accepts(TokenKind::Han, "的", "uj"), "too short");
        assert!(!f.accepts(TokenKind::Number, "2023", "m"));
        assert!(!f.accepts(TokenKind::Han, "一年", "m"), "Han numeral");
        assert!(!f.accepts(TokenKind::Punctuation, "……", "x"));
        let f = Filter { pos: &pos, ..f };
        assert!(!f.accepts(TokenKind::Han, "发展", "vn"));
    }

    #[test]
    fn lower_casing_is_decided_per_char() {
        for (c, changes) in [
            ('A', true),
            ('a', false),
            ('字', false),
            ('Ω', true),
            ('ǅ', true),
            ('ß', false),
            ('İ', true),
            ('1', false),
        ] {
            assert_eq!(changes_in_lowercase(c), changes, "{c}");
        }
    }

    #[test]
    fn keys_fold_case_only_when_needed() {
        assert!(matches!(key_of("发展"), std::borrow::Cow::Borrowed("发展")));
        assert_eq!(key_of("AI"), "ai");
    }
}

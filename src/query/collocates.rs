//! Collocates: the words that occur near a node word more often than chance, with the
//! association measures corpus linguists compare (MI, t-score, log-likelihood, logDice).
//!
//! # Counting
//! Positions are word tokens (Han, Latin, numbers; punctuation and whitespace are skipped,
//! so a window of 5 is five words). The window of each occurrence of the node holds up to
//! `left` words before it and `right` after it, within its sentence unless asked otherwise.
//! Overlapping windows are joined, each position counted once, and the node's own
//! occurrences are not in any window. For a collocate *c*:
//!
//! - *N*: word tokens in the text;
//! - *f*<sub>n</sub>, *f*<sub>c</sub>: occurrences of the node and of *c*;
//! - *W*: positions in the node's windows (their union);
//! - *O*: positions in the windows that hold *c* (so *O* ≤ *f*<sub>c</sub>, *O* ≤ *W*);
//! - *E* = *W*·*f*<sub>c</sub>/*N*: what *O* would be if *c* were spread evenly.
//!
//! This is the 2×2 contingency table of window-based co-occurrence in Evert (2008),
//! "Corpora and collocations", in *Corpus Linguistics: An International Handbook*, §5
//! (window positions against the rest of the text, *c* against other words).
//!
//! # Measures
//! - MI = log₂(*O*/*E*), Church & Hanks (1990), "Word association norms, mutual information,
//!   and lexicography";
//! - t-score = (*O* − *E*)/√*O*, Church, Gale, Hanks & Hindle (1991), "Using statistics in
//!   lexical analysis";
//! - log-likelihood G² = 2 Σ *O*<sub>ij</sub> ln(*O*<sub>ij</sub>/*E*<sub>ij</sub>) over the four
//!   cells of the table (cells with *O*<sub>ij</sub> = 0 add nothing), Dunning (1993),
//!   "Accurate methods for the statistics of surprise and coincidence"; unsigned, as AntConc
//!   and #LancsBox list it;
//! - logDice = 14 + log₂(2*O*/(*f*<sub>n</sub> + *f*<sub>c</sub>)), Rychlý (2008), "A
//!   lexicographer-friendly association score" (at most 14; it does not depend on *N*).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::corpus::Corpus;
use crate::Error;

/// The widest window on either side, in words.
pub const MAX_WINDOW: usize = 50;

/// What collocates are sorted by (descending).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Measure {
    #[default]
    LogDice,
    Mi,
    TScore,
    LogLikelihood,
    Count,
}

/// A collocates request; `{"word": "发展"}` is complete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CollocatesQuery {
    /// The node word, matched as the analysis counts words (发展 finds 發展).
    pub word: String,
    /// Words before the node in its window. Default 5, at most 50.
    pub left: usize,
    /// Words after it. Default 5, at most 50.
    pub right: usize,
    /// Let windows run across sentence ends. Default false: each window stays in its
    /// sentence.
    pub across_sentences: bool,
    /// Only collocates seen at least this often in the windows. Default 2.
    pub min_count: u32,
    /// Sort by this measure, descending (ties by count, then word). Default `logDice`.
    pub sort: Measure,
    /// At most this many collocates; `null`, the default, lists all.
    #[cfg_attr(test, ts(optional = nullable))]
    pub limit: Option<usize>,
}

impl Default for CollocatesQuery {
    fn default() -> Self {
        CollocatesQuery {
            word: String::new(),
            left: 5,
            right: 5,
            across_sentences: false,
            min_count: 2,
            sort: Measure::LogDice,
            limit: None,
        }
    }
}

/// The collocates of a node word.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Collocates {
    /// The node as first written in the text (the query as given when the text lacks it).
    pub word: String,
    /// Occurrences of the node (*f*<sub>n</sub>).
    pub frequency: u32,
    /// Word tokens in the text (*N*).
    pub words: u32,
    /// Positions in the node's windows (*W*).
    pub window: u32,
    pub collocates: Vec<Collocate>,
}

/// One collocate and its association with the node (see the module docs for the formulas).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Collocate {
    /// As first written in the text.
    pub word: String,
    /// Occurrences in the node's windows (*O*).
    pub count: u32,
    /// Occurrences in the whole text (*f*<sub>c</sub>).
    pub frequency: u32,
    pub mi: f64,
    pub t_score: f64,
    pub log_likelihood: f64,
    pub log_dice: f64,
}

/// The collocates of `q.word` in `corpus`; `key` gives the key a word is counted by. A node
/// the text lacks has no collocates (and frequency 0).
///
/// # Errors
/// [`Error::InvalidQuery`] for an empty word, a window wider than [`MAX_WINDOW`] on a side,
/// or no window at all (0 and 0).
///
/// # Example
/// ```
/// use wenxi::{Analyzer, Options};
/// use wenxi::query::CollocatesQuery;
///
/// let mut analyzer = Analyzer::new();
/// analyzer.analyze("推动绿色发展。推动绿色转型。推动改革。", &Options::default()).unwrap();
/// let found = analyzer.collocates(&CollocatesQuery { word: "推动".into(), ..Default::default() }).unwrap();
/// let top = &found.collocates[0];
/// assert_eq!((top.word.as_str(), top.count, top.frequency), ("绿色", 2, 2));
/// ```
pub fn collocates(
    corpus: &Corpus,
    q: &CollocatesQuery,
    key: &dyn Fn(&str) -> String,
) -> Result<Collocates, Error> {
    collocates_in(&[corpus], q, key)
}

/// The collocates of `q.word` in `docs` taken together (a corpus): the counts of the module
/// docs summed over the documents, windows never running across a document's end, words
/// matched by their keys across documents and shown as first written in the first document
/// that has them.
///
/// # Errors
/// As [`collocates`].
pub fn collocates_in(
    docs: &[&Corpus],
    q: &CollocatesQuery,
    key: &dyn Fn(&str) -> String,
) -> Result<Collocates, Error> {
    if q.word.trim().is_empty() {
        return Err(Error::InvalidQuery("the node word is empty".into()));
    }
    if q.left > MAX_WINDOW || q.right > MAX_WINDOW {
        return Err(Error::InvalidQuery(format!(
            "a window has at most {MAX_WINDOW} words a side"
        )));
    }
    if q.left == 0 && q.right == 0 {
        return Err(Error::InvalidQuery("the window is empty (0 and 0)".into()));
    }
    let node_key = key(&q.word);
    let mut node_word: Option<&str> = None;
    let (mut n, mut window, mut f_node) = (0u32, 0u32, 0u32);
    // Per key: as first written, its count in the windows, and its count in the texts.
    let mut observed: FxHashMap<&str, (&str, u32, u32)> = FxHashMap::default();
    let mut tallies = Vec::with_capacity(docs.len());
    for &corpus in docs {
        let t = tally(corpus, q, corpus.id_of(&node_key));
        n += t.words;
        window += t.window;
        if let Some(id) = t.node {
            f_node += t.frequency.get(&id).copied().unwrap_or(0);
            node_word.get_or_insert(corpus.entry(id).word());
        }
        for (&id, &o) in &t.observed {
            let entry = corpus.entry(id);
            observed
                .entry(entry.key())
                .or_insert((entry.word(), 0, 0))
                .1 += o;
        }
        tallies.push(t);
    }
    // Frequencies of the words seen in a window, from every document (one hash lookup per
    // distinct word of a document, not per collocate and document).
    for (&corpus, t) in docs.iter().zip(&tallies) {
        for (&id, &f) in &t.frequency {
            if let Some(seen) = observed.get_mut(corpus.entry(id).key()) {
                seen.2 += f;
            }
        }
    }
    let mut list: Vec<Collocate> = observed
        .into_values()
        .filter(|&(_, o, _)| o >= q.min_count.max(1))
        .map(|(word, o, f_c)| {
            let m = measures(o, f_node, f_c, window, n);
            Collocate {
                word: word.to_string(),
                count: o,
                frequency: f_c,
                mi: m.mi,
                t_score: m.t_score,
                log_likelihood: m.log_likelihood,
                log_dice: m.log_dice,
            }
        })
        .collect();
    let by = |c: &Collocate| match q.sort {
        Measure::LogDice => c.log_dice,
        Measure::Mi => c.mi,
        Measure::TScore => c.t_score,
        Measure::LogLikelihood => c.log_likelihood,
        Measure::Count => f64::from(c.count),
    };
    list.sort_by(|a, b| {
        by(b)
            .total_cmp(&by(a))
            .then(b.count.cmp(&a.count))
            .then_with(|| a.word.cmp(&b.word))
    });
    list.truncate(q.limit.unwrap_or(usize::MAX));
    Ok(Collocates {
        word: node_word.map_or_else(|| q.word.clone(), str::to_string),
        frequency: f_node,
        words: n,
        window,
        collocates: list,
    })
}

/// One document's counts for a node (its vocabulary id there, if it has the word).
struct Tally {
    node: Option<u32>,
    /// Word tokens (*N*) and window positions (*W*).
    words: u32,
    window: u32,
    /// Occurrences of every word of the document, and of each word in the windows (*O*).
    frequency: FxHashMap<u32, u32>,
    observed: FxHashMap<u32, u32>,
}

fn tally(corpus: &Corpus, q: &CollocatesQuery, node: Option<u32>) -> Tally {
    let words: Vec<(u32, u32)> = corpus.words().map(|w| (w.id, w.sentence)).collect();
    let mut frequency: FxHashMap<u32, u32> = FxHashMap::default();
    for &(id, _) in &words {
        *frequency.entry(id).or_insert(0) += 1;
    }
    let n = words.len();
    let mut covered = vec![false; n];
    if let Some(node) = node {
        let same = |a: usize, b: usize| q.across_sentences || words[a].1 == words[b].1;
        for p in (0..n).filter(|&p| words[p].0 == node) {
            let before = (p.saturating_sub(q.left)..p).rev();
            for i in before.take_while(|&i| same(i, p)) {
                covered[i] = true;
            }
            let after = (p + 1..n.min(p + 1 + q.right)).take_while(|&i| same(i, p));
            for i in after {
                covered[i] = true;
            }
        }
    }
    let mut observed: FxHashMap<u32, u32> = FxHashMap::default();
    let mut window = 0u32;
    for (i, &(id, _)) in words.iter().enumerate() {
        if covered[i] && Some(id) != node {
            *observed.entry(id).or_insert(0) += 1;
            window += 1;
        }
    }
    Tally {
        node,
        words: n as u32,
        window,
        frequency,
        observed,
    }
}

/// The four measures of one collocate.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Measures {
    mi: f64,
    t_score: f64,
    log_likelihood: f64,
    log_dice: f64,
}

/// The measures for `o` co-occurrences of a collocate of frequency `f_c` with a node of
/// frequency `f_n`, in `w` window positions of `n` words (see the module docs).
fn measures(o: u32, f_n: u32, f_c: u32, w: u32, n: u32) -> Measures {
    let (o, f_n, f_c, w, n) = (
        f64::from(o),
        f64::from(f_n),
        f64::from(f_c),
        f64::from(w),
        f64::from(n),
    );
    let e = w * f_c / n;
    // The contingency table: rows in / out of the windows, columns c / other words.
    let cells = [
        (o, w, f_c),
        (w - o, w, n - f_c),
        (f_c - o, n - w, f_c),
        (n - w - f_c + o, n - w, n - f_c),
    ];
    let g2: f64 = cells
        .iter()
        .filter(|&&(obs, _, _)| obs > 0.0)
        .map(|&(obs, row, col)| obs * (obs / (row * col / n)).ln())
        .sum::<f64>()
        * 2.0;
    Measures {
        mi: (o / e).log2(),
        t_score: (o - e) / o.sqrt(),
        // Rounding can leave -0.0000…1 for a collocate exactly at chance.
        log_likelihood: g2.max(0.0),
        log_dice: 14.0 + (2.0 * o / (f_n + f_c)).log2(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::corpus::for_test;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn measures_computed_by_hand() {
        // O = 2, f_n = 2, f_c = 2, W = 4, N = 10: E = 4·2/10 = 0.8.
        let m = measures(2, 2, 2, 4, 10);
        assert!(close(m.mi, (2.0f64 / 0.8).log2()), "MI = log2 2.5 = 1.3219");
        assert!(close(m.mi, 1.321_928_094_887_362_3));
        assert!(
            close(m.t_score, (2.0 - 0.8) / 2f64.sqrt()),
            "t = 1.2/√2 = 0.8485"
        );
        // The table: O11 = 2 (E 0.8), O12 = 2 (E 3.2), O21 = 0, O22 = 6 (E 4.8).
        let g2 = 2.0
            * (2.0 * (2.0f64 / 0.8).ln() + 2.0 * (2.0f64 / 3.2).ln() + 6.0 * (6.0f64 / 4.8).ln());
        assert!(close(m.log_likelihood, g2), "G² = {g2} (≈ 4.4629)");
        assert!((m.log_likelihood - 4.462_871).abs() < 1e-6);
        assert!(close(m.log_dice, 14.0), "2·2/(2 + 2) = 1: the maximum");
    }

    #[test]
    fn windows_join_stay_in_sentences_and_skip_punctuation() {
        // Words: a x b , c . a y b d — the node b is the third and seventh of 8 words.
        let c = for_test("a x b, c. a y b d");
        let q = CollocatesQuery {
            word: "B".into(),
            left: 2,
            right: 1,
            min_count: 1,
            sort: Measure::Count,
            ..Default::default()
        };
        let found = collocates(&c, &q, &|w| w.to_lowercase()).unwrap();
        assert_eq!((found.frequency, found.words), (2, 8));
        // Windows: a x | c (the comma is not a word, the full stop ends the sentence), and
        // a y | d: W = 6 positions.
        assert_eq!(found.window, 6);
        let got: Vec<(&str, u32, u32)> = found
            .collocates
            .iter()
            .map(|c| (c.word.as_str(), c.count, c.frequency))
            .collect();
        assert_eq!(
            got,
            [
                ("a", 2, 2),
                ("c", 1, 1),
                ("d", 1, 1),
                ("x", 1, 1),
                ("y", 1, 1)
            ]
        );
        // a: O = 2, f_c = 2, f_n = 2, W = 6, N = 8 → E = 1.5, MI = log2(4/3).
        let a = &found.collocates[0];
        assert!(close(a.mi, (2.0f64 / 1.5).log2()));
        assert!(close(a.log_dice, 14.0));
        // A window stops at the sentence's end unless asked to run across it.
        let c = for_test("a b. c d");
        let q = CollocatesQuery {
            word: "b".into(),
            left: 1,
            right: 1,
            min_count: 1,
            ..Default::default()
        };
        let within = collocates(&c, &q, &|w| w.to_lowercase()).unwrap();
        let across = CollocatesQuery {
            across_sentences: true,
            ..q
        };
        let across = collocates(&c, &across, &|w| w.to_lowercase()).unwrap();
        assert_eq!((within.window, across.window), (1, 2));
        assert_eq!(across.collocates[1].word, "c");
    }

    #[test]
    fn refusals_and_missing_nodes() {
        let c = for_test("a b");
        let lower = |w: &str| w.to_lowercase();
        let q = |word: &str, left, right| CollocatesQuery {
            word: word.into(),
            left,
            right,
            ..Default::default()
        };
        assert_eq!(
            collocates(&c, &q("", 5, 5), &lower).unwrap_err().kind(),
            "invalid_query"
        );
        assert_eq!(
            collocates(&c, &q("a", 0, 0), &lower).unwrap_err().kind(),
            "invalid_query"
        );
        assert_eq!(
            collocates(&c, &q("a", 51, 5), &lower).unwrap_err().kind(),
            "invalid_query"
        );
        let none = collocates(&c, &q("zzz", 5, 5), &lower).unwrap();
        assert_eq!((none.frequency, none.collocates.len()), (0, 0));
    }
}

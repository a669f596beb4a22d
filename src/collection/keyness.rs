//! Keyness: which words one body of text uses relatively more than another, by Dunning's
//! log-likelihood G² with its significance and Hardie's log ratio. The formulas are those of
//! `js/model.js` (`logLikelihood`, `logRatio`), which the page uses on one text's sections;
//! they give the same numbers.

use std::cmp::Ordering;

use serde::Serialize;

/// A word of one side (A) compared with another (B).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct KeyTerm {
    /// As first written (in corpus order).
    pub word: String,
    /// Simplified, lower-cased form it is counted by.
    pub key: String,
    /// Occurrences in A, and in B.
    #[cfg_attr(test, ts(type = "number"))]
    pub count: u64,
    #[cfg_attr(test, ts(type = "number"))]
    pub other: u64,
    /// Dunning's log-likelihood G² of A against B (Rayson & Garside 2000).
    pub g2: f64,
    /// Hardie's log ratio: log2 of A's relative frequency over B's, a zero count taken as
    /// 0.5. +1 is twice as frequent in A; negative for a word B uses more.
    pub log_ratio: f64,
    /// The strictest p of 0.05, 0.01, 0.001, 0.0001 that `g2` passes (G² above 3.84, 6.63,
    /// 10.83, 15.13: χ² with one degree of freedom); null when p ≥ 0.05.
    pub significance: Option<f64>,
}

/// Words each side uses relatively more than the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Keyness {
    /// Content-word occurrences of A and of B: the sizes G² and log ratio compare against.
    #[cfg_attr(test, ts(type = "number"))]
    pub words: u64,
    #[cfg_attr(test, ts(type = "number"))]
    pub other_words: u64,
    /// Words A over-uses (positive keywords), most distinctive first: G² descending, then
    /// count, then key.
    pub positive: Vec<KeyTerm>,
    /// Words B over-uses (negative keywords of A), most distinctive first; `count` is still
    /// A's, so their `logRatio` is negative.
    pub negative: Vec<KeyTerm>,
}

/// Critical values of χ² with one degree of freedom, strictest first, and the p below which
/// G² above them puts a difference (Rayson, Berridge & Francis 2004, "Extending the Cochran
/// rule for the comparison of word frequencies between corpora", table of critical values).
pub const CRITICAL_VALUES: [(f64, f64); 4] =
    [(15.13, 0.0001), (10.83, 0.001), (6.63, 0.01), (3.84, 0.05)];

/// Log-likelihood G² of a word seen `a` times in a part of `c` words and `b` times in another
/// of `d` words (Rayson & Garside 2000, "Comparing corpora using frequency profiling"):
/// E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)), with 0 ln 0 = 0.
/// 0 when the word or both parts are empty. As `logLikelihood` in `js/model.js`. Logarithms
/// come from `libm`, the same on every target (see Cargo.toml).
///
/// ```
/// use wenxi::collection::log_likelihood;
/// // 3 of 4 words against 1 of 8: 2(3 ln(3/(4/3)) + 1 ln(1/(8/3))).
/// assert!((log_likelihood(3.0, 1.0, 4.0, 8.0) - 2.903923).abs() < 1e-6);
/// ```
pub fn log_likelihood(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let total = c + d;
    if total == 0.0 || a + b == 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / total;
    let e2 = d * (a + b) / total;
    let mut g2 = 0.0;
    if a > 0.0 && e1 > 0.0 {
        g2 += a * libm::log(a / e1);
    }
    if b > 0.0 && e2 > 0.0 {
        g2 += b * libm::log(b / e2);
    }
    2.0 * g2
}

/// Log ratio (Hardie 2014, "Log Ratio: an informal introduction", CASS): log2((a/c)/(b/d)),
/// with 0.5 in place of a zero count so that a word absent from one side still gets a finite
/// value. 0 when either side is empty. As `logRatio` in `js/model.js`.
///
/// ```
/// use wenxi::collection::log_ratio;
/// assert!((log_ratio(3.0, 1.0, 4.0, 8.0) - 6f64.log2()).abs() < 1e-15);
/// ```
pub fn log_ratio(a: f64, b: f64, c: f64, d: f64) -> f64 {
    if c == 0.0 || d == 0.0 {
        return 0.0;
    }
    let or_half = |x: f64| if x == 0.0 { 0.5 } else { x };
    libm::log2((or_half(a) / c) / (or_half(b) / d))
}

/// The strictest p of [`CRITICAL_VALUES`] that `g2` passes (G² above the critical value), or
/// `None` when p ≥ 0.05.
pub fn significance(g2: f64) -> Option<f64> {
    CRITICAL_VALUES
        .iter()
        .find(|&&(critical, _)| g2 > critical)
        .map(|&(_, p)| p)
}

impl KeyTerm {
    /// The word seen `a` times in A of `c` words and `b` times in B of `d` words.
    pub fn new(word: &str, key: &str, a: u64, b: u64, c: u64, d: u64) -> KeyTerm {
        let [af, bf, cf, df] = [a, b, c, d].map(|x| x as f64);
        let g2 = log_likelihood(af, bf, cf, df);
        KeyTerm {
            word: word.to_string(),
            key: key.to_string(),
            count: a,
            other: b,
            g2,
            log_ratio: log_ratio(af, bf, cf, df),
            significance: significance(g2),
        }
    }
}

/// Whether A (`a` of `c`) uses the word relatively more than B (`b` of `d`): a/c > b/d,
/// compared exactly in integers. Never when either side is empty.
pub fn over_used(a: u64, b: u64, c: u64, d: u64) -> bool {
    c > 0 && d > 0 && u128::from(a) * u128::from(d) > u128::from(b) * u128::from(c)
}

/// A word's keyness before it is listed: its counts and G², its strings borrowed, so that
/// only the words a list keeps get strings of their own (a corpus of 500 documents weighs
/// hundreds of thousands of candidates for each document's twenty).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate<'a> {
    pub word: &'a str,
    pub key: &'a str,
    /// As [`KeyTerm::new`] takes them.
    pub counts: [u64; 4],
    pub g2: f64,
}

impl<'a> Candidate<'a> {
    pub fn new(word: &'a str, key: &'a str, a: u64, b: u64, c: u64, d: u64) -> Candidate<'a> {
        let [af, bf, cf, df] = [a, b, c, d].map(|x| x as f64);
        Candidate {
            word,
            key,
            counts: [a, b, c, d],
            g2: log_likelihood(af, bf, cf, df),
        }
    }
}

/// The first `limit` of `candidates` in the order of every keyness list (G² descending, then
/// `count` descending, then key in code point order, so the same counts always rank the
/// same), as listed terms.
pub(crate) fn top(mut candidates: Vec<Candidate>, limit: usize) -> Vec<KeyTerm> {
    let order = |x: &Candidate, y: &Candidate| {
        y.g2.total_cmp(&x.g2)
            .then(y.counts[0].cmp(&x.counts[0]))
            .then_with(|| x.key.cmp(y.key))
    };
    crate::order::keep_first(&mut candidates, limit, order);
    candidates
        .iter()
        .map(|x| {
            let [a, b, c, d] = x.counts;
            KeyTerm::new(x.word, x.key, a, b, c, d)
        })
        .collect()
}

/// A word counted on one side of a comparison: key, display word, count.
pub(crate) type Side<'a> = [(&'a str, &'a str, u64)];

/// Keyness of A against B, each a list of `(key, word, count)` in key order with one entry
/// per key; at most `limit` words each way. A word only one side has is compared with a
/// count of 0 on the other; its display word is A's when A has it.
pub(crate) fn keyness(a: &Side, b: &Side, limit: usize) -> Keyness {
    let c: u64 = a.iter().map(|t| t.2).sum();
    let d: u64 = b.iter().map(|t| t.2).sum();
    let (mut positive, mut negative) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let order = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => x.0.cmp(y.0),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        let ((key, word), x, y) = match order {
            Ordering::Less => ((a[i].0, a[i].1), a[i].2, 0),
            Ordering::Greater => ((b[j].0, b[j].1), 0, b[j].2),
            Ordering::Equal => ((a[i].0, a[i].1), a[i].2, b[j].2),
        };
        if order != Ordering::Greater {
            i += 1;
        }
        if order != Ordering::Less {
            j += 1;
        }
        if over_used(x, y, c, d) {
            positive.push(Candidate::new(word, key, x, y, c, d));
        } else if over_used(y, x, d, c) {
            negative.push(Candidate::new(word, key, x, y, c, d));
        }
    }
    Keyness {
        words: c,
        other_words: d,
        positive: top(positive, limit),
        negative: top(negative, limit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g2_and_log_ratio_by_hand() {
        // a=10 of c=100, b=5 of d=200: E1 = 100·15/300 = 5, E2 = 10;
        // G² = 2(10 ln 2 + 5 ln 0.5) = 10 ln 2 = 6.931472.
        assert!((log_likelihood(10.0, 5.0, 100.0, 200.0) - 10.0 * 2f64.ln()).abs() < 1e-12);
        // log2((10/100)/(5/200)) = log2(4) = 2.
        assert_eq!(log_ratio(10.0, 5.0, 100.0, 200.0), 2.0);
        // A zero count is 0.5: log2((1/10)/(0.5/10)) = 1.
        assert_eq!(log_ratio(1.0, 0.0, 10.0, 10.0), 1.0);
        assert_eq!(log_likelihood(0.0, 0.0, 10.0, 10.0), 0.0);
        assert_eq!(log_ratio(1.0, 1.0, 0.0, 10.0), 0.0);
    }

    #[test]
    fn significance_thresholds() {
        assert_eq!(significance(3.84), None);
        assert_eq!(significance(3.85), Some(0.05));
        assert_eq!(significance(7.0), Some(0.01));
        assert_eq!(significance(11.0), Some(0.001));
        assert_eq!(significance(15.2), Some(0.0001));
    }

    #[test]
    fn both_directions_ranked() {
        let a = [("乙", "乙", 1), ("甲", "甲", 8), ("丙", "丙", 1)];
        let mut a = a.to_vec();
        a.sort_by(|x, y| x.0.cmp(y.0));
        let b = [("丁", "丁", 5), ("甲", "甲", 2), ("丙", "丙", 3)];
        let mut b = b.to_vec();
        b.sort_by(|x, y| x.0.cmp(y.0));
        let k = keyness(&a, &b, 10);
        assert_eq!((k.words, k.other_words), (10, 10));
        let pos: Vec<&str> = k.positive.iter().map(|t| t.word.as_str()).collect();
        let neg: Vec<&str> = k.negative.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(pos, ["甲", "乙"]);
        assert_eq!(neg, ["丁", "丙"]);
        assert!(k.negative.iter().all(|t| t.log_ratio < 0.0));
        assert_eq!(k.negative[0].count, 0);
    }
}

//! Dispersion: where words occur along the text, and how evenly, as Juilland's D and Gries'
//! DP over the text's parts (its sections, or equal segments; see `parts`).
//!
//! For a word of frequency *f* in *n* parts, part *i* holding *s*<sub>i</sub> of the text's
//! *S* words and *f*<sub>i</sub> of the word's occurrences:
//!
//! - **Juilland's D** = 1 − *V*/√(*n* − 1), *V* the coefficient of variation (population
//!   standard deviation over mean) of the word's relative frequencies *f*<sub>i</sub>/*s*<sub>i</sub>
//!   in the parts that have words. Juilland & Chang-Rodríguez (1964), *Frequency Dictionary of
//!   Spanish Words*; with relative frequencies, so that parts of unequal size compare, as in
//!   Gries (2008), "Dispersions and adjusted frequencies in corpora", *IJCL* 13(4). 1 is
//!   perfectly even, 0 all in one part.
//! - **Gries' DP** = ½ Σ |*f*<sub>i</sub>/*f* − *s*<sub>i</sub>/*S*| (Gries 2008): how far the
//!   word's spread is from the parts' sizes. 0 is perfectly even; its largest value is
//!   1 − min *s*<sub>i</sub>/*S*.
//! - **DP<sub>norm</sub>** = DP / (1 − min *s*<sub>i</sub>/*S*), scaled to 0–1, Lijffijt & Gries
//!   (2012), "Correction to Stefan Th. Gries' 'Dispersions and adjusted frequencies in
//!   corpora'", *IJCL* 17(1).
//!
//! They are `null` where they are undefined: for a word the text lacks, and D for fewer than
//! two parts with words.

use serde::{Deserialize, Serialize};

use super::corpus::Corpus;
use super::parts::{parts, Part};
use crate::Error;

/// The most words one request may ask about.
pub const MAX_WORDS: usize = 1000;

/// A dispersion request; `{"words": ["发展"]}` is complete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct DispersionQuery {
    /// The words, matched as the analysis counts them (1 to 1000).
    pub words: Vec<String>,
    /// Cut the text into this many equal segments; `null`, the default, uses the sections
    /// (10 segments for a text without headings).
    #[cfg_attr(test, ts(optional = nullable))]
    pub segments: Option<usize>,
    /// List each occurrence's offsets (for a dispersion plot). Default true.
    pub positions: bool,
}

impl Default for DispersionQuery {
    fn default() -> Self {
        DispersionQuery {
            words: Vec::new(),
            segments: None,
            positions: true,
        }
    }
}

/// The dispersion of some words over the parts of the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Dispersion {
    /// The parts, in text order.
    pub parts: Vec<Part>,
    /// One per word asked about, in the order asked.
    pub words: Vec<WordDispersion>,
}

/// Where one word occurs and how evenly.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WordDispersion {
    /// As first written in the text (as asked, when the text lacks it).
    pub word: String,
    pub count: u32,
    /// Occurrences in each part.
    pub counts: Vec<u32>,
    pub juilland_d: Option<f64>,
    pub dp: Option<f64>,
    pub dp_norm: Option<f64>,
    /// Each occurrence as a UTF-16 `[start, end)` range in the user's text, in text order
    /// (empty unless `positions`).
    pub positions: Vec<(u32, u32)>,
}

/// The dispersion of `q.words` in `corpus`; `key` gives the key a word is counted by.
///
/// # Errors
/// [`Error::InvalidQuery`] for no words, more than [`MAX_WORDS`], or segments out of range.
///
/// # Example
/// ```
/// use wenxi::{Analyzer, Options};
/// use wenxi::query::DispersionQuery;
///
/// let mut analyzer = Analyzer::new();
/// analyzer.analyze("一、发展\n推动发展。\n二、改革\n深化改革。", &Options::default()).unwrap();
/// let q = DispersionQuery { words: vec!["发展".into()], ..Default::default() };
/// let found = analyzer.dispersion(&q).unwrap();
/// assert_eq!(found.parts.len(), 2);
/// assert_eq!(found.words[0].counts, [2, 0]);
/// assert_eq!(found.words[0].juilland_d, Some(0.0), "all in one of two parts");
/// ```
pub fn dispersion(
    corpus: &Corpus,
    q: &DispersionQuery,
    key: &dyn Fn(&str) -> String,
) -> Result<Dispersion, Error> {
    if q.words.is_empty() || q.words.len() > MAX_WORDS {
        return Err(Error::InvalidQuery(format!(
            "ask about 1 to {MAX_WORDS} words"
        )));
    }
    let (parts, of_word) = parts(corpus, q.segments)?;
    let ids: Vec<Option<u32>> = q.words.iter().map(|w| corpus.id_of(&key(w))).collect();
    let counts = counts_per_part(corpus, &ids, &of_word, parts.len());
    let sizes: Vec<f64> = parts.iter().map(|p| f64::from(p.words)).collect();
    let words = q
        .words
        .iter()
        .zip(&ids)
        .zip(counts)
        .map(|((asked, &id), counts)| {
            let m = measures(&counts, &sizes);
            let positions = match id {
                Some(id) if q.positions => positions(corpus, id),
                _ => Vec::new(),
            };
            WordDispersion {
                word: id.map_or_else(|| asked.clone(), |id| corpus.entry(id).word().to_string()),
                count: counts.iter().sum(),
                counts,
                juilland_d: m.juilland_d,
                dp: m.dp,
                dp_norm: m.dp_norm,
                positions,
            }
        })
        .collect();
    Ok(Dispersion { parts, words })
}

/// For each of `ids` (`None`: a word the text lacks), its occurrences in each of `n` parts.
pub(super) fn counts_per_part(
    corpus: &Corpus,
    ids: &[Option<u32>],
    of_word: &[u32],
    n: usize,
) -> Vec<Vec<u32>> {
    let mut counts = vec![vec![0u32; n]; ids.len()];
    let mut which: rustc_hash::FxHashMap<u32, Vec<usize>> = Default::default();
    for (k, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            which.entry(*id).or_default().push(k);
        }
    }
    for (w, &part) in corpus.words().zip(of_word) {
        if let Some(ks) = which.get(&w.id) {
            for &k in ks {
                counts[k][part as usize] += 1;
            }
        }
    }
    counts
}

/// The UTF-16 ranges of every token of word `id`.
fn positions(corpus: &Corpus, id: u32) -> Vec<(u32, u32)> {
    let stream = corpus.stream();
    (0..stream.len())
        .filter(|&i| stream.id_at(i) == id)
        .map(|i| {
            let (s, e) = corpus.char_range(i);
            corpus.utf16_span(s, e)
        })
        .collect()
}

/// The three measures.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Measures {
    juilland_d: Option<f64>,
    dp: Option<f64>,
    dp_norm: Option<f64>,
}

/// The measures of a word with `counts` in parts of `sizes` words (see the module docs).
fn measures(counts: &[u32], sizes: &[f64]) -> Measures {
    let f: f64 = counts.iter().map(|&c| f64::from(c)).sum();
    let total: f64 = sizes.iter().sum();
    if f == 0.0 || total == 0.0 {
        return Measures {
            juilland_d: None,
            dp: None,
            dp_norm: None,
        };
    }
    let rates: Vec<f64> = counts
        .iter()
        .zip(sizes)
        .filter(|&(_, &s)| s > 0.0)
        .map(|(&c, &s)| f64::from(c) / s)
        .collect();
    let n = rates.len() as f64;
    let juilland_d = (rates.len() >= 2).then(|| {
        let mean = rates.iter().sum::<f64>() / n;
        let sd = (rates.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / n).sqrt();
        (1.0 - sd / mean / (n - 1.0).sqrt()).clamp(0.0, 1.0)
    });
    let dp = 0.5
        * counts
            .iter()
            .zip(sizes)
            .map(|(&c, &s)| (f64::from(c) / f - s / total).abs())
            .sum::<f64>();
    let smallest = sizes.iter().fold(f64::INFINITY, |a, &s| a.min(s / total));
    let dp_norm = if smallest < 1.0 {
        Some(dp / (1.0 - smallest))
    } else {
        // One part: there is nowhere else to be.
        Some(0.0)
    };
    Measures {
        juilland_d,
        dp: Some(dp),
        dp_norm,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::corpus::for_test;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn measures_by_hand() {
        // Four parts of 5 words; the word 2, 0, 1, 1 times. Rates 0.4, 0, 0.2, 0.2: mean 0.2,
        // population sd √0.02 = 0.14142, V = 0.70711, D = 1 − V/√3 = 0.59175.
        let m = measures(&[2, 0, 1, 1], &[5.0; 4]);
        assert!(close(
            m.juilland_d,
            1.0 - (0.02f64).sqrt() / 0.2 / 3f64.sqrt()
        ));
        assert!(close(m.juilland_d, 0.591_751_709_536_136_9));
        // DP = ½(|.5−.25| + |0−.25| + 0 + 0) = 0.25; DPnorm = 0.25/(1 − 0.25) = 1/3.
        assert!(close(m.dp, 0.25));
        assert!(close(m.dp_norm, 1.0 / 3.0));
        // Even: D 1, DP 0. All in one part: D 0, DP 1 − 1/4 = 0.75, DPnorm 1.
        let even = measures(&[1, 1, 1, 1], &[5.0; 4]);
        assert!(close(even.juilland_d, 1.0) && close(even.dp, 0.0));
        let lumped = measures(&[4, 0, 0, 0], &[5.0; 4]);
        assert!(
            close(lumped.juilland_d, 0.0) && close(lumped.dp, 0.75) && close(lumped.dp_norm, 1.0)
        );
        // Unequal parts: rates, not counts, are compared. 2 in 10 words and 1 in 5: even.
        let m = measures(&[2, 1], &[10.0, 5.0]);
        assert!(close(m.juilland_d, 1.0) && close(m.dp, 0.0));
        // Undefined: no occurrence; D with one part.
        assert_eq!(measures(&[0, 0], &[5.0, 5.0]).dp, None);
        assert_eq!(measures(&[3], &[5.0]).juilland_d, None);
    }

    #[test]
    fn over_sections_with_positions() {
        let c = for_test("# a\nx y x\n# b\ny y\n");
        let q = DispersionQuery {
            words: vec!["X".into(), "y".into(), "zz".into()],
            ..Default::default()
        };
        let d = dispersion(&c, &q, &|w| w.to_lowercase()).unwrap();
        assert_eq!(d.parts.len(), 2);
        assert_eq!(d.words[0].counts, [2, 0]);
        assert_eq!(d.words[0].positions, [(4, 5), (8, 9)]);
        assert_eq!(d.words[1].counts, [1, 2]);
        assert_eq!(d.words[2].count, 0);
        assert_eq!(d.words[2].word, "zz");
        assert_eq!(d.words[2].juilland_d, None);
        let err = dispersion(&c, &DispersionQuery::default(), &|w| w.to_string()).unwrap_err();
        assert_eq!(err.kind(), "invalid_query");
    }
}

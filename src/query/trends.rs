//! Trends: the relative frequency of chosen words in each part of the text (its sections or
//! equal segments, see `parts`), for a chart of how their use rises and falls (Voyant's
//! Trends).

use serde::{Deserialize, Serialize};

use super::corpus::Corpus;
use super::dispersion::{counts_per_part, MAX_WORDS};
use super::parts::{parts, Part};
use crate::Error;

/// A trends request; `{"words": ["发展", "改革"]}` is complete.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct TrendsQuery {
    /// The words, matched as the analysis counts them (1 to 1000).
    pub words: Vec<String>,
    /// Cut the text into this many equal segments; `null`, the default, uses the sections
    /// (10 segments for a text without headings).
    #[cfg_attr(test, ts(optional = nullable))]
    pub segments: Option<usize>,
}

/// The words' frequencies part by part.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Trends {
    /// The parts, in text order.
    pub parts: Vec<Part>,
    /// One per word asked about, in the order asked.
    pub series: Vec<Series>,
}

/// One word's frequencies along the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Series {
    /// As first written in the text (as asked, when the text lacks it).
    pub word: String,
    /// Occurrences in each part.
    pub counts: Vec<u32>,
    /// Occurrences per word of each part (`counts[i] / parts[i].words`; 0 for a part
    /// without words): multiply by 10,000 for the usual per-10,000-words figure.
    pub relative: Vec<f64>,
}

/// The trends of `q.words` in `corpus`; `key` gives the key a word is counted by.
///
/// # Errors
/// [`Error::InvalidQuery`] for no words, more than 1000, or segments out of range.
///
/// # Example
/// ```
/// use wenxi::{Analyzer, Options};
/// use wenxi::query::TrendsQuery;
///
/// let mut analyzer = Analyzer::new();
/// analyzer.analyze("一、发展\n推动发展。\n二、改革\n深化改革。", &Options::default()).unwrap();
/// let q = TrendsQuery { words: vec!["发展".into()], segments: None };
/// let found = analyzer.trends(&q).unwrap();
/// assert_eq!(found.series[0].counts, [2, 0]);
/// assert_eq!(found.series[0].relative[0], 2.0 / f64::from(found.parts[0].words));
/// ```
pub fn trends(
    corpus: &Corpus,
    q: &TrendsQuery,
    key: &dyn Fn(&str) -> String,
) -> Result<Trends, Error> {
    if q.words.is_empty() || q.words.len() > MAX_WORDS {
        return Err(Error::InvalidQuery(format!(
            "ask about 1 to {MAX_WORDS} words"
        )));
    }
    let (parts, of_word) = parts(corpus, q.segments)?;
    let ids: Vec<Option<u32>> = q.words.iter().map(|w| corpus.id_of(&key(w))).collect();
    let counts = counts_per_part(corpus, &ids, &of_word, parts.len());
    let series = q
        .words
        .iter()
        .zip(&ids)
        .zip(counts)
        .map(|((asked, &id), counts)| Series {
            word: id.map_or_else(|| asked.clone(), |id| corpus.entry(id).word().to_string()),
            relative: counts
                .iter()
                .zip(&parts)
                .map(|(&c, p)| {
                    if p.words == 0 {
                        0.0
                    } else {
                        f64::from(c) / f64::from(p.words)
                    }
                })
                .collect(),
            counts,
        })
        .collect();
    Ok(Trends { parts, series })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::corpus::for_test;

    #[test]
    fn relative_frequencies_per_segment() {
        // Eight words in 2 segments of 4: x twice in the first, once in the second.
        let c = for_test("x a x b c x d e");
        let q = TrendsQuery {
            words: vec!["x".into()],
            segments: Some(2),
        };
        let t = trends(&c, &q, &|w| w.to_string()).unwrap();
        assert_eq!(t.series[0].counts, [2, 1]);
        assert_eq!(t.series[0].relative, [0.5, 0.25]);
        let none = trends(
            &c,
            &TrendsQuery {
                words: vec![],
                segments: None,
            },
            &|w| w.to_string(),
        );
        assert_eq!(none.unwrap_err().kind(), "invalid_query");
    }
}

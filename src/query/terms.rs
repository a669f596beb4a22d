//! Terms found in the text itself: multi-word sequences that recur, hold together and stand
//! free, such as 高质量发展 (jieba: 高质量 / 发展) or 粤港澳大湾区 (粤港澳 / 大湾 / 区), which a
//! dictionary from 2013 cuts apart.
//!
//! # Candidates
//! Runs of 2 to `maxWords` adjacent Han tokens within a phrase (no punctuation, space or
//! other token between them) that occur at least `minCount` times (default 3).
//!
//! # What makes a term
//! For a candidate *t* of count *c* and each way of cutting it in two, *l* + *r*:
//!
//! - **cohesion**, the least over the cuts of *c* / min(*f*<sub>l</sub>, *f*<sub>r</sub>): the
//!   share of the rarer part's occurrences that are inside *t* (1 when a part occurs nowhere
//!   else);
//! - **PMI**, the least over the cuts of log₂(*c*·*M* / (*f*<sub>l</sub>·*f*<sub>r</sub>)), *M*
//!   the Han tokens of the text (pointwise mutual information, Church & Hanks 1990, taken
//!   over the weakest cut as in the "cohesion" of new-word discovery);
//! - **boundary entropy** on each side, −Σ *p* log₂ *p* over the tokens seen just before
//!   (after) *t*, a phrase boundary counting as a different neighbour each time (Huang &
//!   Powers, "Chinese word segmentation based on contextual entropy", 2003): a term is used
//!   in varied contexts, while a piece of a longer term always has the same neighbour.
//!
//! A candidate is a term when it begins and ends with content words (not stopwords, not
//! function words by part of speech), both its entropies reach `ENTROPY_MIN`, and its
//! cohesion reaches `COHESION_MIN` or its PMI reaches `PMI_MIN`. The thresholds were tuned on
//! ten provincial government work reports of 2025 and checked on twenty-one others (see the
//! README, "Terms found in the text").

use serde::{Deserialize, Serialize};

use super::corpus::{Corpus, Stream};
use super::grams::{Level, NONE};
use crate::report::TokenKind;
use crate::Error;

/// The longest term, in tokens.
pub const MAX_TERM_WORDS: usize = 6;
/// Least boundary entropy on each side, in bits (three different neighbours give 1.58).
const ENTROPY_MIN: f64 = 1.0;
/// Cohesion that makes a term.
const COHESION_MIN: f64 = 0.6;
/// PMI that makes a term (of parts that also occur apart).
const PMI_MIN: f64 = 3.0;
/// Longest term in chars.
const MAX_TERM_CHARS: usize = 16;

/// A terms request; `{}` is complete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct TermsQuery {
    /// Least occurrences, at least 2. Default 3.
    pub min_count: u32,
    /// Most tokens in a term, 2 to 6. Default 4.
    pub max_words: usize,
    /// At most this many terms; `null`, the default, lists all.
    #[cfg_attr(test, ts(optional = nullable))]
    pub limit: Option<usize>,
}

impl Default for TermsQuery {
    fn default() -> Self {
        TermsQuery {
            min_count: 3,
            max_words: 4,
            limit: None,
        }
    }
}

/// The terms found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Terms {
    /// By count descending, then by term (code point order).
    pub terms: Vec<Term>,
}

/// One term and the scores that made it one (see the module docs).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Term {
    /// As first written in the text.
    pub term: String,
    /// The tokens it joins, each as first written.
    pub words: Vec<String>,
    pub count: u32,
    pub cohesion: f64,
    pub pmi: f64,
    pub left_entropy: f64,
    pub right_entropy: f64,
}

/// A term as discovery finds it: its tokens' vocabulary ids, the first token of each
/// occurrence, and its scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub ids: Vec<u32>,
    pub tokens: Vec<u32>,
    pub cohesion: f64,
    pub pmi: f64,
    pub left_entropy: f64,
    pub right_entropy: f64,
}

/// The terms of `corpus` (see the module docs); `is_stop` tells a stopword by its key.
///
/// # Errors
/// [`Error::InvalidQuery`] for `minCount` < 2 or `maxWords` outside 2..=6.
///
/// # Example
/// ```
/// use wenxi::{Analyzer, Options};
/// use wenxi::query::TermsQuery;
///
/// let text = "推动高质量发展。实现高质量发展。坚持高质量发展！高质量发展是首要任务。";
/// let mut analyzer = Analyzer::new();
/// analyzer.analyze(text, &Options::default()).unwrap();
/// let found = analyzer.terms(&TermsQuery::default()).unwrap();
/// assert_eq!(found.terms[0].term, "高质量发展");
/// assert_eq!(found.terms[0].count, 4);
/// ```
pub fn terms(
    corpus: &Corpus,
    q: &TermsQuery,
    is_stop: &dyn Fn(&str) -> bool,
) -> Result<Terms, Error> {
    if q.min_count < 2 || !(2..=MAX_TERM_WORDS).contains(&q.max_words) {
        return Err(Error::InvalidQuery(format!(
            "terms occur at least twice (minCount ≥ 2) and have 2 to {MAX_TERM_WORDS} words"
        )));
    }
    let stream = corpus.stream();
    let found = discover(stream, corpus.flags(), q.min_count, q.max_words, is_stop);
    let mut terms: Vec<Term> = found
        .into_iter()
        .map(|f| {
            let words: Vec<String> = f
                .ids
                .iter()
                .map(|&id| stream.entry(id).word.clone())
                .collect();
            Term {
                term: words.concat(),
                words,
                count: f.tokens.len() as u32,
                cohesion: f.cohesion,
                pmi: f.pmi,
                left_entropy: f.left_entropy,
                right_entropy: f.right_entropy,
            }
        })
        .collect();
    terms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    terms.truncate(q.limit.unwrap_or(usize::MAX));
    Ok(Terms { terms })
}

/// Discover the terms of a token stream with its break flags (see the module docs), in order
/// of first occurrence.
pub fn discover(
    stream: &Stream,
    flags: &[u8],
    min_count: u32,
    max_words: usize,
    is_stop: &dyn Fn(&str) -> bool,
) -> Vec<Found> {
    // Han tokens, in runs of adjacent tokens within a phrase.
    let mut symbols: Vec<u32> = Vec::new();
    let mut segments: Vec<u32> = Vec::new();
    let mut tokens: Vec<u32> = Vec::new();
    let mut segment = 0u32;
    let mut previous: Option<(u32, u32)> = None;
    for w in stream.words(flags) {
        if stream.entry(w.id).kind != TokenKind::Han {
            previous = None;
            continue;
        }
        let joined =
            previous.is_some_and(|(token, phrase)| token + 1 == w.token && phrase == w.phrase);
        segment += u32::from(!joined);
        symbols.push(w.id);
        segments.push(segment);
        tokens.push(w.token);
        previous = Some((w.token, w.phrase));
    }
    let m = symbols.len() as f64;
    let mut levels = vec![Level::unigrams(&symbols, min_count)];
    while levels.len() < max_words {
        let next = levels[levels.len() - 1].extend(&symbols, &segments, min_count);
        if next.len() == 0 {
            break;
        }
        levels.push(next);
    }
    let content = |id: u32, pos: &str| {
        let e = stream.entry(id);
        !is_stop(&e.key)
            && !matches!(
                pos.as_bytes().first(),
                Some(b'u' | b'p' | b'c' | b'y' | b'e' | b'o' | b'x')
            )
    };
    let mut found = Vec::new();
    for level in levels.iter().skip(1) {
        let n = level.n;
        // Every occurrence of every group, with its neighbours.
        let mut occurrences: Vec<Vec<u32>> = vec![Vec::new(); level.len()];
        for (p, &g) in level.at.iter().enumerate() {
            if g != NONE {
                occurrences[g as usize].push(p as u32);
            }
        }
        for (g, positions) in occurrences.into_iter().enumerate() {
            let p = level.first[g] as usize;
            let ids = &symbols[p..p + n];
            let chars: usize = ids
                .iter()
                .map(|&id| stream.entry(id).word.chars().count())
                .sum();
            if chars > MAX_TERM_CHARS {
                continue;
            }
            let c = f64::from(level.counts[g]);
            let (mut cohesion, mut pmi) = (f64::INFINITY, f64::INFINITY);
            for k in 1..n {
                let f_l = f64::from(levels[k - 1].count_at(p));
                let f_r = f64::from(levels[n - k - 1].count_at(p + k));
                cohesion = cohesion.min(c / f_l.min(f_r));
                pmi = pmi.min((c * m / (f_l * f_r)).log2());
            }
            let left: Vec<Option<u32>> = positions
                .iter()
                .map(|&q| {
                    let q = q as usize;
                    (q > 0 && segments[q - 1] == segments[q]).then(|| symbols[q - 1])
                })
                .collect();
            let right: Vec<Option<u32>> = positions
                .iter()
                .map(|&q| {
                    let r = q as usize + n;
                    (r < symbols.len() && segments[r] == segments[q as usize]).then(|| symbols[r])
                })
                .collect();
            let (hl, hr) = (entropy(left), entropy(right));
            let first_pos = stream.pos_at(tokens[p] as usize);
            let last_pos = stream.pos_at(tokens[p + n - 1] as usize);
            let edges =
                content(ids[0], first_pos.as_str()) && content(ids[n - 1], last_pos.as_str());
            let bound = edges && (cohesion >= COHESION_MIN || pmi >= PMI_MIN);
            if hl >= ENTROPY_MIN && hr >= ENTROPY_MIN && bound {
                found.push(Found {
                    ids: ids.to_vec(),
                    tokens: positions.iter().map(|&q| tokens[q as usize]).collect(),
                    cohesion,
                    pmi,
                    left_entropy: hl,
                    right_entropy: hr,
                });
            }
        }
    }
    found.sort_by_key(|f| f.tokens.first().copied().unwrap_or(0));
    found
}

/// Entropy in bits of the neighbours seen, `None` (a phrase boundary) counting as a new
/// neighbour each time.
fn entropy(mut seen: Vec<Option<u32>>) -> f64 {
    let total = seen.len() as f64;
    if seen.is_empty() {
        return 0.0;
    }
    seen.sort_unstable();
    let mut h = 0.0;
    let mut add = |count: usize| {
        let p = count as f64 / total;
        h -= p * p.log2();
    };
    for run in seen.chunk_by(|a, b| a == b) {
        match run[0] {
            None => run.iter().for_each(|_| add(1)),
            Some(_) => add(run.len()),
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_by_hand() {
        assert_eq!(entropy(vec![Some(1), Some(1), Some(1)]), 0.0);
        assert!((entropy(vec![Some(1), Some(2), None]) - 3f64.log2()).abs() < 1e-12);
        // Two of one, one other: −(2/3 log2 2/3 + 1/3 log2 1/3) = 0.9183.
        assert!((entropy(vec![Some(7), Some(7), Some(8)]) - 0.918_295_834_054_489_6).abs() < 1e-12);
        assert!(
            (entropy(vec![None, None]) - 1.0).abs() < 1e-12,
            "boundaries differ"
        );
    }

    #[test]
    fn terms_hold_together_and_stand_free() {
        use crate::query::corpus::for_tokens;
        // 高质量 发展 four times after different words; 粤港澳 大湾 区 three times, where 大湾 区
        // is only ever after 粤港澳 (no left entropy of its own); 的 发展 is not a term.
        let c = for_tokens(&[
            "推动",
            "高质量",
            "发展",
            "。",
            "实现",
            "高质量",
            "发展",
            "，",
            "高质量",
            "发展",
            "的",
            "要求",
            "。",
            "坚持",
            "高质量",
            "发展",
            "！",
            "粤港澳",
            "大湾",
            "区",
            "建设",
            "。",
            "粤港澳",
            "大湾",
            "区",
            "发展",
            "。",
            "推进",
            "粤港澳",
            "大湾",
            "区",
            "。",
            "的",
            "发展",
            "。",
            "的",
            "发展",
            "。",
            "的",
            "发展",
        ]);
        let stop = |k: &str| k == "的";
        let found = terms(&c, &TermsQuery::default(), &stop).unwrap();
        let got: Vec<(&str, u32)> = found
            .terms
            .iter()
            .map(|t| (t.term.as_str(), t.count))
            .collect();
        assert_eq!(got, [("高质量发展", 4), ("粤港澳大湾区", 3)]);
        let t = &found.terms[0];
        // Left: 推动, 实现, a boundary, 坚持 (2 bits); right: 。 ， 的 ！ → a boundary
        // three times and 的 once: also 2 bits.
        assert!((t.left_entropy - 2.0).abs() < 1e-12);
        assert!((t.right_entropy - 2.0).abs() < 1e-12);
        // 高质量 occurs only in the term: cohesion 4/4.
        assert_eq!(t.cohesion, 1.0);
        let err = terms(
            &c,
            &TermsQuery {
                max_words: 7,
                ..Default::default()
            },
            &stop,
        )
        .unwrap_err();
        assert_eq!(err.kind(), "invalid_query");
    }
}

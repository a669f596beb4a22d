//! Terms found in the text itself: multi-word sequences that recur, hold together and stand
//! free, such as 高质量发展 (jieba: 高质量 / 发展) or 粤港澳大湾区 (粤港澳 / 大湾 / 区), which a
//! dictionary from 2013 cuts apart.
//!
//! # Candidates
//! Runs of 2 to `maxWords` adjacent Han tokens within a phrase (no punctuation, space or
//! other token between them) that occur at least `minCount` times (default 3), and the noun
//! pairs the analysis already joined into one token (长江经济带, see
//! [`crate::segment::join_compounds`]), whose parts are counted where they stand alone.
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
//! A candidate is a term when
//!
//! - no token of it is a function word (by part of speech), it begins with a noun-like word
//!   (not a verb, adverb or measure word: 深入实施 is a phrase) and ends with neither a
//!   measure word nor a one-char verb;
//! - it is not a piece of a longer sequence: no one neighbour that could extend it (a
//!   noun-like word; a verb, adverb or function word beside it is a boundary, like
//!   punctuation) stands beside `PIECE_SHARE` of its occurrences (大湾 is always before 区);
//! - its cohesion reaches `COHESION_MIN`, or its PMI reaches `PMI_MIN` and it neither begins
//!   with a one-char word nor ends with a one-char word other than a noun (三年, 领导下).
//!
//! The boundary entropies are listed for the reader; the piece test is what decides, since a
//! report's policy terms recur in set phrases (优化营商环境, 发展新质生产力) whose few
//! contexts give a low entropy however free the term is. The thresholds were tuned on
//! ten provincial government work reports of 2025 and checked on twenty-one others (see the
//! README, "Terms found in the text").

use serde::{Deserialize, Serialize};

use super::corpus::Corpus;
use super::grams::{Level, NONE};
use super::stream::{Stream, WordAt};
use crate::report::TokenKind;
use crate::Error;

/// The longest term, in tokens.
pub const MAX_TERM_WORDS: usize = 6;
/// A sequence whose one neighbour stands beside this share of its occurrences is a piece of
/// a longer sequence, not a term.
const PIECE_SHARE: f64 = 0.75;
/// The same for a word the dictionary has whole: such a word is a term in its own right only
/// when most of its occurrences stand free (高质量 is before 发展 in three of four, so it
/// is not one).
const KNOWN_PIECE_SHARE: f64 = 0.6;
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
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
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
    /// The dictionary has it whole (产业链, 人工智能): the analysis already counts it as one
    /// word, so joining it changes nothing; `words` are its dictionary parts.
    pub known: bool,
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

/// The terms of `corpus` (see the module docs).
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
/// assert!(!found.terms[0].known);
/// assert_eq!(found.terms[0].count, 4);
/// ```
///
/// `compound` says where a word the dictionary has whole divides into two dictionary parts
/// (see [`crate::Analyzer::terms`]); such words that recur as nouns are listed as terms too,
/// marked `known`.
pub fn terms(
    corpus: &Corpus,
    q: &TermsQuery,
    compound: &dyn Fn(&str) -> Option<usize>,
) -> Result<Terms, Error> {
    if q.min_count < 2 || !(2..=MAX_TERM_WORDS).contains(&q.max_words) {
        return Err(Error::InvalidQuery(format!(
            "terms occur at least twice (minCount ≥ 2) and have 2 to {MAX_TERM_WORDS} words"
        )));
    }
    let stream = corpus.stream();
    let found = discover(stream, corpus.flags(), q.min_count, q.max_words);
    // The terms the analysis joined into single tokens are words of the stream now: listed as
    // found when they were joined (within the request's bounds), before what discovery finds
    // among the stream's words.
    let mut terms: Vec<Term> = corpus
        .joined()
        .iter()
        .filter(|t| t.count >= q.min_count && t.words.len() <= q.max_words)
        .cloned()
        .collect();
    let joined: std::collections::BTreeSet<String> =
        corpus.joined().iter().map(|t| t.term.clone()).collect();
    terms.extend(
        found
            .iter()
            .map(|f| term_of(stream, f, f.tokens.len() as u32))
            .filter(|t| !joined.contains(&t.term)),
    );
    terms.extend(
        known_terms(corpus, q.min_count, compound)
            .into_iter()
            .filter(|t| !joined.contains(&t.term)),
    );
    terms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    terms.truncate(q.limit.unwrap_or(usize::MAX));
    Ok(Terms { terms })
}

/// The term `f` of `stream` as listed, with `count` occurrences: its words as first written
/// (a joined noun pair shows its two parts) and its scores.
pub fn term_of(stream: &Stream, f: &Found, count: u32) -> Term {
    let mut words: Vec<String> = Vec::new();
    for &id in &f.ids {
        let e = stream.entry(id);
        match e.split {
            Some(split) => {
                let cut = e
                    .word()
                    .char_indices()
                    .nth(usize::from(split))
                    .map_or(e.word().len(), |(b, _)| b);
                words.push(e.word()[..cut].to_string());
                words.push(e.word()[cut..].to_string());
            }
            None => words.push(e.word().to_string()),
        }
    }
    Term {
        term: words.concat(),
        words,
        count,
        cohesion: f.cohesion,
        pmi: f.pmi,
        left_entropy: f.left_entropy,
        right_entropy: f.right_entropy,
        known: false,
    }
}

/// The word beside each occurrence on one side (`None`: a phrase boundary).
type Neighbours<'a> = Vec<Option<&'a WordAt>>;

/// Words of three chars or more that the dictionary has whole but that divide into two
/// dictionary words (产业链, 生态环境, 人工智能), tagged as nouns (`n…`, `vn`, or the set
/// phrases `l` and abbreviations `j`), occurring at least `min_count` times. Multi-word terms
/// by make, they never come out of discovery because jieba never cuts them; listing them
/// keeps a report's vocabulary whole in one list. Cohesion is 1 (the parts never occur apart
/// inside the word); PMI counts the parts where they also stand alone; the entropies are over
/// the word tokens either side within the phrase, as for discovered terms.
fn known_terms(
    corpus: &Corpus,
    min_count: u32,
    compound: &dyn Fn(&str) -> Option<usize>,
) -> Vec<Term> {
    let stream = corpus.stream();
    let words: Vec<WordAt> = corpus
        .words()
        .filter(|w| stream.entry(w.id).kind == TokenKind::Han)
        .collect();
    // Counts, and the first occurrence of each word: a word keeps one tag wherever it
    // stands, so its first one says whether it is a noun.
    let mut count = vec![0u32; stream.vocab_len()];
    let mut first = vec![NONE; stream.vocab_len()];
    for (i, w) in words.iter().enumerate() {
        count[w.id as usize] += 1;
        if first[w.id as usize] == NONE {
            first[w.id as usize] = i as u32;
        }
    }
    let nounish = |tag: &str| tag.starts_with('n') || matches!(tag, "vn" | "l" | "j");
    // The candidates, each with where its first part ends (in chars).
    let mut slot = vec![NONE; stream.vocab_len()];
    let mut candidates: Vec<(u32, usize)> = Vec::new();
    for (id, &c) in count.iter().enumerate() {
        let entry = stream.entry(id as u32);
        if c < min_count
            || entry.split.is_some()
            || entry.word().chars().count() > MAX_TERM_CHARS
            || !nounish(
                stream
                    .pos_at(words[first[id] as usize].token as usize)
                    .as_str(),
            )
        {
            continue;
        }
        if let Some(cut) = compound(entry.key()) {
            slot[id] = candidates.len() as u32;
            candidates.push((id as u32, cut));
        }
    }
    // The word tokens just before and after each occurrence of a candidate, within its
    // phrase: one pass over the text for all of them.
    let mut sides: Vec<[Neighbours; 2]> = vec![[Vec::new(), Vec::new()]; candidates.len()];
    for (i, w) in words.iter().enumerate() {
        let s = slot[w.id as usize];
        if s == NONE {
            continue;
        }
        let near = |j: Option<usize>| {
            j.and_then(|j| words.get(j))
                .filter(|n| n.phrase == w.phrase && n.token.abs_diff(w.token) == 1)
        };
        let [left, right] = &mut sides[s as usize];
        left.push(near(i.checked_sub(1)));
        right.push(near(Some(i + 1)));
    }
    let m = words.len() as f64;
    let tag = |n: &WordAt| stream.pos_at(n.token as usize);
    let alone = |part: &str| {
        let key = crate::keywords::key_of(part);
        stream.id_of(&key).map_or(0, |id| count[id as usize])
    };
    let mut out = Vec::new();
    for (&(id, cut), [left, right]) in candidates.iter().zip(sides) {
        // A piece of a longer term (高质量 before 发展, 粤港澳 before 大湾区) is not one: the
        // same test as for discovered terms, with the same neighbours counted as extending.
        let extends_left: Vec<Option<u32>> = left
            .iter()
            .map(|n| {
                n.filter(|n| opens(tag(n).as_str()) && tag(n).as_str() != "vn")
                    .map(|n| n.id)
            })
            .collect();
        let extends_right: Vec<Option<u32>> = right
            .iter()
            .map(|n| n.filter(|n| opens(tag(n).as_str())).map(|n| n.id))
            .collect();
        if piece_at(&extends_left, KNOWN_PIECE_SHARE) || piece_at(&extends_right, KNOWN_PIECE_SHARE)
        {
            continue;
        }
        let word = stream.entry(id).word();
        let b = word.char_indices().nth(cut).map_or(word.len(), |(b, _)| b);
        let (l, r) = (&word[..b], &word[b..]);
        let c = f64::from(count[id as usize]);
        let (f_l, f_r) = (c + f64::from(alone(l)), c + f64::from(alone(r)));
        out.push(Term {
            term: word.to_string(),
            words: vec![l.to_string(), r.to_string()],
            count: count[id as usize],
            cohesion: 1.0,
            pmi: (c * m / (f_l * f_r)).log2(),
            left_entropy: entropy(left.iter().map(|n| n.map(|n| n.id)).collect()),
            right_entropy: entropy(right.iter().map(|n| n.map(|n| n.id)).collect()),
            known: true,
        });
    }
    out
}

/// Discover the terms of a token stream with its break flags (see the module docs), in order
/// of first occurrence.
pub fn discover(stream: &Stream, flags: &[u8], min_count: u32, max_words: usize) -> Vec<Found> {
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
    // Function words never begin, end or sit inside a term; a term begins with a noun-like
    // word (not a verb, adverb or measure word: 深入实施, 加快建设 are phrases) and ends with
    // neither a measure word nor a one-char verb (居全国, 抽检超).
    // A neighbour that could not be part of a longer term is a boundary like punctuation: a
    // verb, adverb, measure or function word (优化 in 优化营商环境), and on the left also a
    // verbal noun, which there mostly acts as the verb (发展 in 发展新质生产力).
    let boundary_left = |q: usize| {
        let pos = stream.pos_at(tokens[q] as usize).as_str();
        !opens(pos) || pos == "vn"
    };
    let boundary_right = |q: usize| !opens(stream.pos_at(tokens[q] as usize).as_str());
    let closes = |id: u32, pos: &str| {
        let one_char_verb =
            pos.starts_with('v') && pos != "vn" && stream.entry(id).word().chars().count() == 1;
        !(function(pos) || pos.starts_with('q') || one_char_verb)
    };
    // Every Han token counted, for the parts of joined noun pairs.
    let mut all = vec![0u32; stream.vocab_len()];
    for &id in &symbols {
        all[id as usize] += 1;
    }
    let joined_pairs: u32 = symbols
        .iter()
        .filter(|&&id| stream.entry(id).split.is_some())
        .count() as u32;
    let part_count = |key: &str| stream.id_of(key).map_or(0, |id| all[id as usize]);
    let mut found = Vec::new();
    for level in &levels {
        let n = level.n;
        // Every occurrence of every group, in one array by group (`starts[g]..starts[g + 1]`),
        // ascending within each: one allocation, not one per group.
        let mut starts = vec![0u32; level.len() + 1];
        for &g in &level.at {
            if g != NONE {
                starts[g as usize + 1] += 1;
            }
        }
        for g in 0..level.len() {
            starts[g + 1] += starts[g];
        }
        let mut filled = starts.clone();
        let mut by_group = vec![0u32; starts[level.len()] as usize];
        for (p, &g) in level.at.iter().enumerate() {
            if g != NONE {
                by_group[filled[g as usize] as usize] = p as u32;
                filled[g as usize] += 1;
            }
        }
        for g in 0..level.len() {
            let positions = &by_group[starts[g] as usize..starts[g + 1] as usize];
            let p = level.first[g] as usize;
            let ids = &symbols[p..p + n];
            // Single tokens are terms only when they join a noun pair.
            let split = stream.entry(ids[0]).split;
            if n == 1 && split.is_none() {
                continue;
            }
            let chars: usize = ids
                .iter()
                .map(|&id| stream.entry(id).word().chars().count())
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
            if let (1, Some(split)) = (n, split) {
                // A joined pair: its parts occur in it and on their own, and it counts as two
                // tokens of the text.
                let key = stream.entry(ids[0]).key();
                let cut = key
                    .char_indices()
                    .nth(usize::from(split))
                    .map_or(key.len(), |(b, _)| b);
                let f_l = c + f64::from(part_count(&key[..cut]));
                let f_r = c + f64::from(part_count(&key[cut..]));
                cohesion = c / f_l.min(f_r);
                pmi = (c * (m + f64::from(joined_pairs)) / (f_l * f_r)).log2();
            }
            let tags: Vec<&str> = (p..p + n)
                .map(|q| stream.pos_at(tokens[q] as usize).as_str())
                .collect();
            let (first_pos, last_pos) = (tags[0], tags[n - 1]);
            let edges = opens(first_pos)
                && closes(ids[n - 1], last_pos)
                && !tags.iter().any(|t| function(t));
            // A one-char word at the start (三年, 区建设), or a one-char word other than a noun
            // at the end (培育一, 领导下), makes a term only when the rest is bound to it.
            let one_char = |i: usize| stream.entry(ids[i]).word().chars().count() == 1;
            let loose_end = one_char(n - 1) && !last_pos.starts_with('n');
            let needs_cohesion = n > 1 && (one_char(0) || loose_end);
            let bound = edges && (cohesion >= COHESION_MIN || pmi >= PMI_MIN && !needs_cohesion);
            // Only a bound group can be a term: the neighbours and their entropies, the costly
            // part, are read for those alone.
            if !bound {
                continue;
            }
            let left: Vec<Option<u32>> = positions
                .iter()
                .map(|&q| {
                    let q = q as usize;
                    (q > 0 && segments[q - 1] == segments[q] && !boundary_left(q - 1))
                        .then(|| symbols[q - 1])
                })
                .collect();
            let right: Vec<Option<u32>> = positions
                .iter()
                .map(|&q| {
                    let r = q as usize + n;
                    (r < symbols.len() && segments[r] == segments[q as usize] && !boundary_right(r))
                        .then(|| symbols[r])
                })
                .collect();
            // A proper noun after a term does not make it a piece: 中国式现代化 before 青海
            // (中国式现代化青海实践) is the term, the place name what it is said of.
            let right_extends: Vec<Option<u32>> = positions
                .iter()
                .zip(&right)
                .map(|(&q, &next)| {
                    next.filter(|_| {
                        !proper(stream.pos_at(tokens[q as usize + n] as usize).as_str())
                    })
                })
                .collect();
            let piece = is_piece(&left) || is_piece(&right_extends);
            let (hl, hr) = (entropy(left), entropy(right));
            if !piece {
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

/// Whether a part-of-speech tag is a function word's (never in a term).
fn function(pos: &str) -> bool {
    matches!(
        pos.as_bytes().first(),
        Some(b'u' | b'p' | b'c' | b'y' | b'e' | b'o' | b'x' | b'r')
    )
}

/// Whether a word with this tag can begin a term: noun-like, not a verb, adverb, measure or
/// function word (a verbal noun can).
fn opens(pos: &str) -> bool {
    pos == "vn" || !function(pos) && !matches!(pos.as_bytes().first(), Some(b'v' | b'd' | b'q'))
}

/// Whether a part-of-speech tag is a proper noun's: a place (`ns`), a person (`nr`) or an
/// organisation (`nt`).
fn proper(tag: &str) -> bool {
    ["ns", "nr", "nt"].iter().any(|p| tag.starts_with(p))
}

/// Whether one neighbour (not a boundary) stands beside at least `PIECE_SHARE` of the
/// occurrences, twice or more: the sequence is then a piece of a longer one (大湾 of 大湾区).
fn is_piece(seen: &[Option<u32>]) -> bool {
    piece_at(seen, PIECE_SHARE)
}

/// Whether one neighbour stands beside at least `share` of the occurrences, twice or more.
fn piece_at(seen: &[Option<u32>], share: f64) -> bool {
    let mut ids: Vec<u32> = seen.iter().flatten().copied().collect();
    ids.sort_unstable();
    let most = ids
        .chunk_by(|a, b| a == b)
        .map(<[u32]>::len)
        .max()
        .unwrap_or(0);
    most >= 2 && most as f64 >= share * seen.len() as f64
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
            "的/uj",
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
            "的/uj",
            "发展",
            "。",
            "的/uj",
            "发展",
            "。",
            "的/uj",
            "发展",
        ]);
        let found = terms(&c, &TermsQuery::default(), &|_| None).unwrap();
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
            &|_| None,
        )
        .unwrap_err();
        assert_eq!(err.kind(), "invalid_query");
    }
}

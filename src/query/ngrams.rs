//! N-grams: word (or character) sequences that repeat in the last analysed text.
//!
//! Word n-grams are runs of consecutive words (Han, Latin, numbers) within a phrase: they
//! never run across punctuation, a sentence end or a symbol, and whitespace between words is
//! skipped. Character n-grams, for classical Chinese where segmentation is weak, are runs of
//! letters, digits and Han characters, cut at everything else. Words are compared by their
//! keys (發展 and 发展 are one word) and shown as first written.

use serde::{Deserialize, Serialize};

use rustc_hash::FxHashMap;

use super::corpus::Corpus;
use super::grams::{Level, NONE};
use super::stream::Entry;
use crate::Error;

/// The longest n-gram, in words or chars.
pub const MAX_N: usize = 6;

/// An n-grams request; `{}` is complete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct NgramsQuery {
    /// Shortest n-gram, at least 2. Default 2.
    pub min_n: usize,
    /// Longest n-gram, at most 6 and not below `minN`. Default 6.
    pub max_n: usize,
    /// Only n-grams that occur at least this often, at least 2. Default 2.
    pub min_count: u32,
    /// Drop an n-gram contained in a longer listed one with the same count (every occurrence
    /// of it is inside the longer one). Default false.
    pub longest_only: bool,
    /// Count characters instead of words. Default false.
    pub characters: bool,
    /// At most this many n-grams; `null`, the default, lists all.
    #[cfg_attr(test, ts(optional = nullable))]
    pub limit: Option<usize>,
}

impl Default for NgramsQuery {
    fn default() -> Self {
        NgramsQuery {
            min_n: 2,
            max_n: MAX_N,
            min_count: 2,
            longest_only: false,
            characters: false,
            limit: None,
        }
    }
}

/// The repeated n-grams of a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Ngrams {
    /// By count descending, then longer first, then by words (code point order of their keys).
    pub ngrams: Vec<Ngram>,
}

/// One repeated sequence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Ngram {
    /// Its words (or chars), each as first written.
    pub words: Vec<String>,
    /// Occurrences (overlapping ones included: `a a a` holds `a a` twice).
    pub count: u32,
}

/// The repeated n-grams of `corpus`.
///
/// # Errors
/// [`Error::InvalidQuery`] when `minN` < 2, `maxN` > 6, `minN` > `maxN`, or `minCount` < 2.
///
/// # Example
/// ```
/// use wenxi::{Analyzer, Options};
/// use wenxi::query::NgramsQuery;
///
/// let mut analyzer = Analyzer::new();
/// analyzer.analyze("推动绿色发展，推动绿色转型。", &Options::default()).unwrap();
/// let found = analyzer.ngrams(&NgramsQuery::default()).unwrap();
/// assert_eq!(found.ngrams[0].words, ["推动", "绿色"]);
/// assert_eq!(found.ngrams[0].count, 2);
/// ```
pub fn ngrams(corpus: &Corpus, q: &NgramsQuery) -> Result<Ngrams, Error> {
    let found = count(&[corpus], q)?;
    Ok(Ngrams {
        ngrams: found
            .into_iter()
            .map(|g| Ngram {
                words: g.words,
                count: g.count,
            })
            .collect(),
    })
}

/// The repeated n-grams of several documents together (a corpus).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CorpusNgrams {
    /// In the order of [`Ngrams::ngrams`].
    pub ngrams: Vec<CorpusNgram>,
}

/// One sequence repeated in a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CorpusNgram {
    /// Its words (or chars), each as first written in the first document that has it.
    pub words: Vec<String>,
    /// Occurrences in all the documents.
    pub count: u32,
    /// How many documents it occurs in (its range).
    pub documents: u32,
}

/// The repeated n-grams of `docs` taken together: counted over all of them, never across a
/// document's end, words compared by their keys across documents.
///
/// # Errors
/// As [`ngrams`].
pub fn ngrams_in(docs: &[&Corpus], q: &NgramsQuery) -> Result<CorpusNgrams, Error> {
    Ok(CorpusNgrams {
        ngrams: count(docs, q)?,
    })
}

/// The n-grams of `docs` as [`ngrams_in`] lists them.
fn count(docs: &[&Corpus], q: &NgramsQuery) -> Result<Vec<CorpusNgram>, Error> {
    if q.min_n < 2 || q.max_n > MAX_N || q.min_n > q.max_n {
        return Err(Error::InvalidQuery(format!(
            "n-grams are 2 to {MAX_N} long, minN ≤ maxN (not {} to {})",
            q.min_n, q.max_n
        )));
    }
    if q.min_count < 2 {
        return Err(Error::InvalidQuery(
            "n-grams repeat: minCount is at least 2".into(),
        ));
    }
    let seq = if q.characters {
        Sequence::chars(docs)
    } else {
        Sequence::words(docs)
    };
    let symbols = &seq.symbols;
    // Symbols in sort order: chars by code point, words by key (a rank per word, so that
    // sorting compares numbers, not strings).
    let rank: Vec<u32> = if q.characters {
        Vec::new()
    } else {
        let mut ids: Vec<u32> = (0..seq.vocab.len() as u32).collect();
        ids.sort_by(|&a, &b| seq.vocab[a as usize].key().cmp(seq.vocab[b as usize].key()));
        let mut rank = vec![0u32; ids.len()];
        for (r, &id) in ids.iter().enumerate() {
            rank[id as usize] = r as u32;
        }
        rank
    };
    let ranked = |s: u32| if q.characters { s } else { rank[s as usize] };
    // (first position, n, count, documents) of every n-gram kept.
    let mut found: Vec<(u32, u32, u32, u32)> = Vec::new();
    let mut level = Level::unigrams(symbols, q.min_count);
    while level.n < q.max_n && level.len() > 0 {
        let next = level.extend(symbols, &seq.segments, q.min_count);
        if level.n >= q.min_n {
            let contained = if q.longest_only {
                level.contained_in(&next)
            } else {
                vec![false; level.len()]
            };
            collect(&level, &contained, &seq.starts, &mut found);
        }
        level = next;
    }
    if level.n >= q.min_n {
        collect(&level, &vec![false; level.len()], &seq.starts, &mut found);
    }
    let order = |a: &(u32, u32, u32, u32), b: &(u32, u32, u32, u32)| {
        let words = |x: &(u32, u32, u32, u32)| {
            symbols[x.0 as usize..(x.0 + x.1) as usize]
                .iter()
                .map(|&s| ranked(s))
        };
        b.2.cmp(&a.2)
            .then(b.1.cmp(&a.1))
            .then_with(|| words(a).cmp(words(b)))
    };
    crate::order::keep_first(&mut found, q.limit.unwrap_or(usize::MAX), order);
    let shown = |s: u32| -> String {
        if q.characters {
            char::from_u32(s).map(String::from).unwrap_or_default()
        } else {
            seq.vocab[s as usize].word().to_string()
        }
    };
    Ok(found
        .into_iter()
        .map(|(p, n, count, documents)| CorpusNgram {
            words: symbols[p as usize..(p + n) as usize]
                .iter()
                .map(|&s| shown(s))
                .collect(),
            count,
            documents,
        })
        .collect())
}

/// Every group of `level` not marked `contained`, as its first position, length, count and
/// the documents it occurs in (`starts`: each document's first position, rising).
fn collect(level: &Level, contained: &[bool], starts: &[u32], out: &mut Vec<(u32, u32, u32, u32)>) {
    let mut documents = vec![1u32; level.len()];
    if starts.len() > 1 {
        // Positions rise, and so do their documents: a group is in a new document when its
        // last occurrence was in an earlier one.
        let mut last = vec![u32::MAX; level.len()];
        documents.fill(0);
        let mut doc = 0u32;
        for (p, &g) in level.at.iter().enumerate() {
            while (doc as usize + 1) < starts.len() && starts[doc as usize + 1] as usize <= p {
                doc += 1;
            }
            if g != NONE && last[g as usize] != doc {
                last[g as usize] = doc;
                documents[g as usize] += 1;
            }
        }
    }
    for (g, &count) in level.counts.iter().enumerate() {
        if !contained[g] {
            out.push((level.first[g], level.n as u32, count, documents[g]));
        }
    }
}

/// The documents as one sequence of symbols (word numbers, or chars) cut into segments that
/// no n-gram crosses; a document's end always ends a segment.
struct Sequence<'a> {
    symbols: Vec<u32>,
    segments: Vec<u32>,
    /// Each document's first position.
    starts: Vec<u32>,
    /// For words, each word number's entry (its first document's): one number per key
    /// across the documents.
    vocab: Vec<Entry<'a>>,
}

impl<'a> Sequence<'a> {
    /// The word tokens, numbered by key, with their phrases.
    fn words(docs: &[&'a Corpus]) -> Sequence<'a> {
        let mut seq = Sequence::empty();
        let mut number: FxHashMap<&'a str, u32> = FxHashMap::default();
        for &corpus in docs {
            seq.open();
            let base = seq.next_segment();
            // Each of this document's vocabulary ids as a word number of the whole sequence.
            let mut local: Vec<u32> = Vec::with_capacity(corpus.vocab_len());
            for id in 0..corpus.vocab_len() as u32 {
                let entry = corpus.entry(id);
                let vocab = &mut seq.vocab;
                let n = *number.entry(entry.key()).or_insert_with(|| {
                    vocab.push(entry);
                    vocab.len() as u32 - 1
                });
                local.push(n);
            }
            for w in corpus.words() {
                seq.symbols.push(local[w.id as usize]);
                seq.segments.push(base + w.phrase);
            }
        }
        seq
    }

    /// The letters, digits and Han characters of the cleaned texts as code points, with a
    /// segment number that changes at every other char.
    fn chars(docs: &[&'a Corpus]) -> Sequence<'a> {
        let mut seq = Sequence::empty();
        for &corpus in docs {
            seq.open();
            let mut segment = seq.next_segment();
            let mut gap = false;
            for c in corpus.text().chars() {
                if c.is_alphanumeric() && c != '\u{FFFD}' {
                    segment += u32::from(gap);
                    gap = false;
                    seq.symbols.push(u32::from(c));
                    seq.segments.push(segment);
                } else {
                    gap = true;
                }
            }
        }
        seq
    }

    fn empty() -> Sequence<'a> {
        Sequence {
            symbols: Vec::new(),
            segments: Vec::new(),
            starts: Vec::new(),
            vocab: Vec::new(),
        }
    }

    /// A document begins here.
    fn open(&mut self) {
        self.starts.push(self.symbols.len() as u32);
    }

    /// A segment number above every one used so far.
    fn next_segment(&self) -> u32 {
        self.segments.last().map_or(0, |&s| s + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::corpus::for_test;

    fn listed(found: &Ngrams) -> Vec<(String, u32)> {
        found
            .ngrams
            .iter()
            .map(|g| (g.words.join(" "), g.count))
            .collect()
    }

    #[test]
    fn word_ngrams_by_hand() {
        // "a b c" three times, once cut by a comma; "b c d" twice.
        let c = for_test("a b c d. a b c d. a b, c");
        let q = NgramsQuery {
            max_n: 4,
            ..Default::default()
        };
        let found = ngrams(&c, &q).unwrap();
        assert_eq!(
            listed(&found),
            [
                ("a b".to_string(), 3),
                ("a b c d".to_string(), 2),
                ("a b c".to_string(), 2),
                ("b c d".to_string(), 2),
                ("b c".to_string(), 2),
                ("c d".to_string(), 2),
            ]
        );
        // Longest only: a b c, b c d, b c and c d are always inside a b c d; a b is not.
        let longest = ngrams(
            &c,
            &NgramsQuery {
                longest_only: true,
                ..q.clone()
            },
        )
        .unwrap();
        assert_eq!(
            listed(&longest),
            [("a b".to_string(), 3), ("a b c d".to_string(), 2)]
        );
        let only3 = ngrams(
            &c,
            &NgramsQuery {
                min_n: 3,
                max_n: 3,
                ..q.clone()
            },
        )
        .unwrap();
        assert_eq!(
            listed(&only3),
            [("a b c".to_string(), 2), ("b c d".to_string(), 2)]
        );
        let limited = ngrams(
            &c,
            &NgramsQuery {
                limit: Some(1),
                ..q
            },
        )
        .unwrap();
        assert_eq!(limited.ngrams.len(), 1);
    }

    #[test]
    fn character_ngrams_ignore_words_but_not_punctuation() {
        let c = for_test("学而时习之，学而不厌。学而");
        let q = NgramsQuery {
            characters: true,
            ..Default::default()
        };
        assert_eq!(listed(&ngrams(&c, &q).unwrap()), [("学 而".to_string(), 3)]);
    }

    #[test]
    fn refusals() {
        let c = for_test("a b");
        for q in [
            NgramsQuery {
                min_n: 1,
                ..Default::default()
            },
            NgramsQuery {
                max_n: 7,
                ..Default::default()
            },
            NgramsQuery {
                min_n: 4,
                max_n: 3,
                ..Default::default()
            },
            NgramsQuery {
                min_count: 1,
                ..Default::default()
            },
        ] {
            assert_eq!(ngrams(&c, &q).unwrap_err().kind(), "invalid_query");
        }
    }
}

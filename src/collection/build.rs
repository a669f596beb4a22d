//! The corpus report from the documents' summaries: one vocabulary over all documents, then
//! each part of the report from it. Sums of counts are integers; every floating-point value
//! is computed from integers in one fixed order, so the report depends on nothing but the
//! summaries in order.

use super::keyness::{self, over_used, Candidate, KeyTerm};
use super::shape::{
    Comparison, CorpusKeyword, CorpusOptions, CorpusReport, DocumentRow, Reference,
    ReferenceComparison, TfidfTerm,
};
use super::similarity::{cluster_order, cosine_matrix, Similarity};
use super::summary::DocumentSummary;
use crate::error::Error;
use crate::report::{ScriptKind, Stats};

/// Every key of the corpus, in key order, with what the report needs of it.
struct Vocabulary<'a> {
    keys: Vec<&'a str>,
    /// Word and POS as first written in the first document (corpus order) that has the key.
    words: Vec<(&'a str, &'a str)>,
    totals: Vec<u64>,
    /// Documents that have the key.
    documents: Vec<u32>,
    /// Per document: `(key id, count)` in id order.
    vectors: Vec<Vec<(u32, u32)>>,
    /// Per document: content-word occurrences.
    sizes: Vec<u64>,
}

impl<'a> Vocabulary<'a> {
    fn new(docs: &'a [DocumentSummary]) -> Vocabulary<'a> {
        let keys: Vec<&str> = docs
            .iter()
            .flat_map(|d| d.terms.iter().map(|t| t.key.as_str()))
            .collect();
        Vocabulary::of(keys, docs.len(), |doc| {
            docs[doc]
                .terms
                .iter()
                .map(|t| (t.key.as_str(), t.word.as_str(), t.pos.as_str(), t.count))
        })
    }

    /// The vocabulary of `n` documents whose keys are among `keys` (in any order, repeated
    /// or not), document `doc`'s terms given by `terms(doc)` as `(key, word, pos, count)`.
    fn of<I>(mut keys: Vec<&'a str>, n: usize, terms: impl Fn(usize) -> I) -> Vocabulary<'a>
    where
        I: Iterator<Item = (&'a str, &'a str, &'a str, u32)>,
    {
        keys.sort_unstable();
        keys.dedup();
        let k = keys.len();
        let mut words = vec![("", ""); k];
        let mut seen = vec![false; k];
        let mut totals = vec![0u64; k];
        let mut documents = vec![0u32; k];
        let mut vectors = Vec::with_capacity(n);
        let mut sizes = Vec::with_capacity(n);
        for doc in 0..n {
            let mut v = Vec::new();
            for (key, word, pos, count) in terms(doc) {
                let Ok(id) = keys.binary_search(&key) else {
                    continue;
                };
                if !seen[id] {
                    seen[id] = true;
                    words[id] = (word, pos);
                }
                totals[id] += u64::from(count);
                documents[id] += 1;
                v.push((id as u32, count));
            }
            // Summaries list their terms in key order, so ids come sorted; a summary built
            // by hand may not, nor a kept one (`super::kept`).
            v.sort_unstable();
            v.shrink_to_fit();
            sizes.push(v.iter().map(|&(_, c)| u64::from(c)).sum());
            vectors.push(v);
        }
        Vocabulary {
            keys,
            words,
            totals,
            documents,
            vectors,
            sizes,
        }
    }

    /// `(key, word, count)` of a group of documents, in key order.
    fn side(&self, group: &[u32]) -> Vec<(&'a str, &'a str, u64)> {
        let mut counts = std::collections::BTreeMap::<u32, u64>::new();
        for &doc in group {
            for &(id, c) in &self.vectors[doc as usize] {
                *counts.entry(id).or_default() += u64::from(c);
            }
        }
        counts
            .into_iter()
            .map(|(id, c)| (self.keys[id as usize], self.words[id as usize].0, c))
            .collect()
    }
}

/// The corpus report of `docs`, in the order given, with keyness against `reference` when
/// there is one.
///
/// # Errors
/// [`Error::InvalidQuery`] when `options.compare` names a document that is not there, has an
/// empty group, or names a document twice.
pub fn corpus_report(
    docs: &[DocumentSummary],
    options: &CorpusOptions,
    reference: Option<&Reference>,
) -> Result<CorpusReport, Error> {
    let rows: Vec<Row> = docs.iter().map(Row::of).collect();
    report(&Vocabulary::new(docs), &rows, options, reference)
}

/// What the documents table shows of a document besides its words.
pub(super) struct Row<'a> {
    pub name: &'a str,
    pub stats: &'a Stats,
    pub script: ScriptKind,
    pub sections: u32,
    pub headings: u32,
}

impl<'a> Row<'a> {
    pub fn of(d: &'a DocumentSummary) -> Row<'a> {
        Row {
            name: &d.name,
            stats: &d.stats,
            script: d.script,
            sections: d.sections,
            headings: d.headings,
        }
    }
}

/// The corpus report of documents `rows` whose words are `vocab`.
fn report(
    vocab: &Vocabulary,
    rows: &[Row],
    options: &CorpusOptions,
    reference: Option<&Reference>,
) -> Result<CorpusReport, Error> {
    let words: u64 = vocab.sizes.iter().sum();
    let comparison = match &options.compare {
        Some((a, b)) => Some(compare(vocab, a, b, options.terms)?),
        None => None,
    };
    let reference = reference.map(|r| {
        let all: Vec<u32> = (0..rows.len() as u32).collect();
        let corpus = vocab.side(&all);
        let other: Vec<(&str, &str, u64)> = r
            .terms
            .iter()
            .map(|(k, w, c)| (k.as_str(), w.as_str(), *c))
            .collect();
        ReferenceComparison {
            name: r.name.clone(),
            keyness: keyness::keyness(&corpus, &other, options.terms),
        }
    });
    let documents = rows
        .iter()
        .enumerate()
        .map(|(i, d)| DocumentRow {
            name: d.name.to_string(),
            stats: d.stats.clone(),
            script: d.script,
            sections: d.sections,
            headings: d.headings,
            distinctive: distinctive(vocab, i, words, options.terms),
            tfidf: tfidf(vocab, i, options.terms),
        })
        .collect();
    let matrix = cosine_matrix(&vocab.vectors);
    let order = cluster_order(&matrix);
    Ok(CorpusReport {
        version: crate::VERSION,
        words,
        distinct_words: vocab.keys.len() as u32,
        documents,
        keywords: keywords(vocab, options.top_n),
        similarity: Similarity { matrix, order },
        comparison,
        reference,
    })
}

/// The corpus report of a kept corpus's documents (see [`super::KeptSummaries`]): `keys`, the
/// keys its terms use; `rows` and `terms(doc)` as for [`Vocabulary::of`].
pub(super) fn report_of<'a, I>(
    keys: Vec<&'a str>,
    rows: &[Row],
    terms: impl Fn(usize) -> I,
    options: &CorpusOptions,
    reference: Option<&Reference>,
) -> Result<CorpusReport, Error>
where
    I: Iterator<Item = (&'a str, &'a str, &'a str, u32)>,
{
    report(
        &Vocabulary::of(keys, rows.len(), terms),
        rows,
        options,
        reference,
    )
}

/// Keyness of two groups of a kept corpus's documents, as [`report_of`] reads them.
pub(super) fn compare_of<'a, I>(
    keys: Vec<&'a str>,
    n: usize,
    terms: impl Fn(usize) -> I,
    a: &[u32],
    b: &[u32],
    limit: usize,
) -> Result<Comparison, Error>
where
    I: Iterator<Item = (&'a str, &'a str, &'a str, u32)>,
{
    compare(&Vocabulary::of(keys, n, terms), a, b, limit)
}

/// The `top_n` most frequent words with their counts per document.
fn keywords(vocab: &Vocabulary, top_n: usize) -> Vec<CorpusKeyword> {
    let mut ids: Vec<usize> = (0..vocab.keys.len()).collect();
    ids.sort_unstable_by(|&x, &y| {
        vocab.totals[y]
            .cmp(&vocab.totals[x])
            .then_with(|| vocab.words[x].0.cmp(vocab.words[y].0))
            .then_with(|| vocab.keys[x].cmp(vocab.keys[y]))
    });
    ids.truncate(top_n);
    let mut rows: Vec<CorpusKeyword> = ids
        .iter()
        .map(|&id| CorpusKeyword {
            word: vocab.words[id].0.to_string(),
            key: vocab.keys[id].to_string(),
            pos: vocab.words[id].1.to_string(),
            total: vocab.totals[id],
            documents: vocab.documents[id],
            counts: vec![0; vocab.vectors.len()],
            relative: vec![0.0; vocab.vectors.len()],
        })
        .collect();
    // Row of each listed id, to fill the counts in one pass over the documents.
    let mut row_of = vec![usize::MAX; vocab.keys.len()];
    for (row, &id) in ids.iter().enumerate() {
        row_of[id] = row;
    }
    for (doc, v) in vocab.vectors.iter().enumerate() {
        for &(id, c) in v {
            if let Some(row) = rows.get_mut(row_of[id as usize]) {
                row.counts[doc] = c;
                row.relative[doc] = f64::from(c) / vocab.sizes[doc] as f64;
            }
        }
    }
    rows
}

/// Document `doc`'s words it uses relatively more than the other documents together.
fn distinctive(vocab: &Vocabulary, doc: usize, words: u64, limit: usize) -> Vec<KeyTerm> {
    let c = vocab.sizes[doc];
    let d = words - c;
    let candidates: Vec<Candidate> = vocab.vectors[doc]
        .iter()
        .filter_map(|&(id, a)| {
            let a = u64::from(a);
            let b = vocab.totals[id as usize] - a;
            let id = id as usize;
            over_used(a, b, c, d)
                .then(|| Candidate::new(vocab.words[id].0, vocab.keys[id], a, b, c, d))
        })
        .collect();
    keyness::top(candidates, limit)
}

/// Document `doc`'s words by TF-IDF over the corpus's documents: scored as numbers, and only
/// the first `limit` given strings.
fn tfidf(vocab: &Vocabulary, doc: usize, limit: usize) -> Vec<TfidfTerm> {
    let n = vocab.vectors.len() as f64;
    let size = vocab.sizes[doc] as f64;
    // (score, count, id) of every word not in every document.
    let mut scored: Vec<(f64, u32, u32)> = vocab.vectors[doc]
        .iter()
        .filter(|&&(id, _)| (vocab.documents[id as usize] as usize) < vocab.vectors.len())
        .map(|&(id, count)| {
            let documents = vocab.documents[id as usize];
            // libm's ln, as wasm32's: see Cargo.toml.
            let score = f64::from(count) / size * libm::log(n / f64::from(documents));
            (score, count, id)
        })
        .collect();
    let order = |x: &(f64, u32, u32), y: &(f64, u32, u32)| {
        y.0.total_cmp(&x.0)
            .then(y.1.cmp(&x.1))
            .then_with(|| vocab.keys[x.2 as usize].cmp(vocab.keys[y.2 as usize]))
    };
    crate::order::keep_first(&mut scored, limit, order);
    scored
        .into_iter()
        .map(|(tfidf, count, id)| {
            let id = id as usize;
            TfidfTerm {
                word: vocab.words[id].0.to_string(),
                key: vocab.keys[id].to_string(),
                count,
                documents: vocab.documents[id],
                tfidf,
            }
        })
        .collect()
}

/// Keyness of documents `a` against documents `b`.
fn compare(vocab: &Vocabulary, a: &[u32], b: &[u32], limit: usize) -> Result<Comparison, Error> {
    let n = vocab.vectors.len() as u32;
    if a.is_empty() || b.is_empty() {
        return Err(Error::InvalidQuery("a group to compare is empty".into()));
    }
    if let Some(i) = a.iter().chain(b).find(|&&i| i >= n) {
        return Err(Error::InvalidQuery(format!(
            "there is no document {i} to compare: the corpus has {n} (indices from 0)"
        )));
    }
    let mut all: Vec<u32> = a.iter().chain(b).copied().collect();
    all.sort_unstable();
    if let Some(w) = all.windows(2).find(|w| w[0] == w[1]) {
        return Err(Error::InvalidQuery(format!(
            "document {} is named twice in the groups to compare",
            w[0]
        )));
    }
    Ok(Comparison {
        a: a.to_vec(),
        b: b.to_vec(),
        keyness: keyness::keyness(&vocab.side(a), &vocab.side(b), limit),
    })
}

/// Keyness of documents `a` against documents `b` of `docs` (indices in corpus order): the
/// words each group uses relatively more than the other, at most `limit` each way.
///
/// # Errors
/// As [`corpus_report`] for `options.compare`.
pub fn compare_groups(
    docs: &[DocumentSummary],
    a: &[u32],
    b: &[u32],
    limit: usize,
) -> Result<Comparison, Error> {
    compare(&Vocabulary::new(docs), a, b, limit)
}

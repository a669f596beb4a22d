//! The corpus report from the documents' summaries: one vocabulary over all documents, then
//! each part of the report from it. Sums of counts are integers; every floating-point value
//! is computed from integers in one fixed order, so the report depends on nothing but the
//! summaries in order.

use super::keyness::{self, over_used, KeyTerm};
use super::shape::{
    Comparison, CorpusKeyword, CorpusOptions, CorpusReport, DocumentRow, Reference,
    ReferenceComparison, TfidfTerm,
};
use super::similarity::{cluster_order, cosine_matrix, Similarity};
use super::summary::DocumentSummary;
use crate::error::Error;

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
        let mut keys: Vec<&str> = docs
            .iter()
            .flat_map(|d| d.terms.iter().map(|t| t.key.as_str()))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let n = keys.len();
        let mut words = vec![("", ""); n];
        let mut seen = vec![false; n];
        let mut totals = vec![0u64; n];
        let mut documents = vec![0u32; n];
        let mut vectors = Vec::with_capacity(docs.len());
        let mut sizes = Vec::with_capacity(docs.len());
        for d in docs {
            let mut v = Vec::with_capacity(d.terms.len());
            for t in &d.terms {
                let Ok(id) = keys.binary_search(&t.key.as_str()) else {
                    continue;
                };
                if !seen[id] {
                    seen[id] = true;
                    words[id] = (t.word.as_str(), t.pos.as_str());
                }
                totals[id] += u64::from(t.count);
                documents[id] += 1;
                v.push((id as u32, t.count));
            }
            // Summaries list their terms in key order, so ids come sorted; a summary built
            // by hand may not.
            v.sort_unstable();
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

    fn key_term(&self, id: u32, a: u64, b: u64, c: u64, d: u64) -> KeyTerm {
        let id = id as usize;
        KeyTerm::new(self.words[id].0, self.keys[id], a, b, c, d)
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
    let vocab = Vocabulary::new(docs);
    let words: u64 = vocab.sizes.iter().sum();
    let comparison = match &options.compare {
        Some((a, b)) => Some(compare(&vocab, a, b, options.terms)?),
        None => None,
    };
    let reference = reference.map(|r| {
        let all: Vec<u32> = (0..docs.len() as u32).collect();
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
    let documents = docs
        .iter()
        .enumerate()
        .map(|(i, d)| DocumentRow {
            name: d.name.clone(),
            stats: d.stats.clone(),
            script: d.script,
            sections: d.sections,
            headings: d.headings,
            distinctive: distinctive(&vocab, i, words, options.terms),
            tfidf: tfidf(&vocab, i, options.terms),
        })
        .collect();
    let matrix = cosine_matrix(&vocab.vectors);
    let order = cluster_order(&matrix);
    Ok(CorpusReport {
        version: crate::VERSION,
        words,
        distinct_words: vocab.keys.len() as u32,
        documents,
        keywords: keywords(&vocab, options.top_n),
        similarity: Similarity { matrix, order },
        comparison,
        reference,
    })
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
    let mut terms: Vec<KeyTerm> = vocab.vectors[doc]
        .iter()
        .filter_map(|&(id, a)| {
            let a = u64::from(a);
            let b = vocab.totals[id as usize] - a;
            over_used(a, b, c, d).then(|| vocab.key_term(id, a, b, c, d))
        })
        .collect();
    keyness::rank(&mut terms);
    terms.truncate(limit);
    terms
}

/// Document `doc`'s words by TF-IDF over the corpus's documents.
fn tfidf(vocab: &Vocabulary, doc: usize, limit: usize) -> Vec<TfidfTerm> {
    let n = vocab.vectors.len() as f64;
    let size = vocab.sizes[doc] as f64;
    let mut terms: Vec<TfidfTerm> = vocab.vectors[doc]
        .iter()
        .filter(|&&(id, _)| (vocab.documents[id as usize] as usize) < vocab.vectors.len())
        .map(|&(id, count)| {
            let id = id as usize;
            let documents = vocab.documents[id];
            TfidfTerm {
                word: vocab.words[id].0.to_string(),
                key: vocab.keys[id].to_string(),
                count,
                documents,
                // libm's ln, as wasm32's: see Cargo.toml.
                tfidf: f64::from(count) / size * libm::log(n / f64::from(documents)),
            }
        })
        .collect();
    terms.sort_by(|x, y| {
        y.tfidf
            .total_cmp(&x.tfidf)
            .then(y.count.cmp(&x.count))
            .then_with(|| x.key.cmp(&y.key))
    });
    terms.truncate(limit);
    terms
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

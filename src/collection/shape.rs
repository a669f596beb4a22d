//! The serialisable corpus report: the one place its shape is defined. Field names are
//! camelCase in JSON; every list has a documented order, so the same summaries give
//! byte-identical JSON.

use serde::{Deserialize, Serialize};

use super::keyness::{KeyTerm, Keyness};
use super::similarity::Similarity;
use crate::report::{ScriptKind, Stats};

/// What a corpus report is asked for: every field has a default, so `{}` is complete;
/// unknown fields are an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CorpusOptions {
    /// How many corpus keywords `keywords` lists (by total count). Default 100.
    pub top_n: usize,
    /// How many terms each list of distinctive, TF-IDF and keyness terms holds. Default 20.
    pub terms: usize,
    /// Two groups of document indices to compare (`comparison`): `[[0, 1], [2]]`.
    /// Default none.
    pub compare: Option<(Vec<u32>, Vec<u32>)>,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            top_n: 100,
            terms: 20,
            compare: None,
        }
    }
}

/// Everything Wenxi found in a corpus of documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CorpusReport {
    /// The crate version that produced the report.
    pub version: &'static str,
    /// Content-word occurrences in all documents, and distinct content words (by key).
    #[cfg_attr(test, ts(type = "number"))]
    pub words: u64,
    pub distinct_words: u32,
    /// The documents in corpus order (the order given).
    pub documents: Vec<DocumentRow>,
    /// The corpus's most frequent content words with their count in each document: by
    /// `total` descending, then word, then key (code point order), at most `topN`.
    pub keywords: Vec<CorpusKeyword>,
    /// Document similarity and the order to draw it in.
    pub similarity: Similarity,
    /// Keyness of the two groups of `compare`, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub comparison: Option<Comparison>,
    /// Keyness of the whole corpus against a reference, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub reference: Option<ReferenceComparison>,
}

/// One document of the corpus: its figures and the words that set it apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DocumentRow {
    /// As given (on the command line, the file's path).
    pub name: String,
    /// Its report's counts: size (`characters`, `utf16Length`), `words`, `distinctWords`,
    /// `sentences`, `averageSentenceLength`, …
    pub stats: Stats,
    pub script: ScriptKind,
    /// Sections found, and how many begin with a heading line.
    pub sections: u32,
    pub headings: u32,
    /// Words this document uses relatively more than the rest of the corpus (A = the
    /// document, B = every other document), most distinctive first: G² descending, then
    /// count, then key; at most `terms`. Empty for a corpus of one document.
    pub distinctive: Vec<KeyTerm>,
    /// The document's words by TF-IDF over the corpus's documents, highest first (then
    /// count, then key); words in every document weigh 0 and are left out.
    pub tfidf: Vec<TfidfTerm>,
}

/// A word of a document weighed by TF-IDF: tf = count / the document's content words,
/// idf = ln(documents / documents with the word) (Spärck Jones 1972).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TfidfTerm {
    pub word: String,
    pub key: String,
    /// Occurrences in the document, and documents that have the word.
    pub count: u32,
    pub documents: u32,
    pub tfidf: f64,
}

/// A content word of the corpus, document by document: a row of the document × term
/// heatmap, or a word's trend across the documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CorpusKeyword {
    /// As first written, in the first document that has it.
    pub word: String,
    pub key: String,
    /// POS of that first occurrence.
    pub pos: String,
    /// Occurrences in the corpus, and documents that have it.
    #[cfg_attr(test, ts(type = "number"))]
    pub total: u64,
    pub documents: u32,
    /// `counts[i]`: occurrences in document i (corpus order).
    pub counts: Vec<u32>,
    /// `relative[i]`: `counts[i]` over document i's content words (0..=1; 0 for a document
    /// without content words).
    pub relative: Vec<f64>,
}

/// Keyness of group A of documents against group B.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The groups, as document indices.
    pub a: Vec<u32>,
    pub b: Vec<u32>,
    /// A's words against B's: `positive` are A's, `negative` B's.
    pub keyness: Keyness,
}

/// Keyness of the whole corpus (A) against a reference (B).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReferenceComparison {
    /// The reference's name (on the command line, its path).
    pub name: String,
    pub keyness: Keyness,
}

/// A reference to measure the corpus against: words by key with their counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reference {
    pub name: String,
    /// `(key, word as first listed, count)`, in key order, one per key.
    pub terms: Vec<(String, String, u64)>,
}

impl Reference {
    /// A reference of `terms` given as `(key, word, count)` in any order; repeated keys are
    /// added up (the first word listed shows them).
    pub fn new(name: &str, terms: impl IntoIterator<Item = (String, String, u64)>) -> Reference {
        let mut map: std::collections::BTreeMap<String, (String, u64)> = Default::default();
        for (key, word, count) in terms {
            map.entry(key)
                .and_modify(|e| e.1 = e.1.saturating_add(count))
                .or_insert((word, count));
        }
        Reference {
            name: name.to_string(),
            terms: map.into_iter().map(|(k, (w, c))| (k, w, c)).collect(),
        }
    }
}

//! Corpus mode: many documents, compared. (Not [`crate::query::Corpus`], which is the kept
//! analysis of one text for the queries.)
//!
//! Each document is analysed on its own into a [`DocumentSummary`] (see
//! [`crate::Analyzer::summarize`]): every content word counted, its stats, its name. The
//! [`CorpusReport`] is then a pure function of the summaries in order ([`corpus_report`]):
//! a documents table, the corpus keywords document by document, each document's distinctive
//! terms against the rest (G² and log ratio) and by TF-IDF, document similarity (cosine) with
//! a clustering order, and on request keyness between two groups of documents and against a
//! reference (a text, or a word-frequency list). Summaries serialise as one JSON line each,
//! so documents can be analysed on many machines and the report built from their lines:
//! identical, byte for byte, to building it in one run.
//!
//! ```
//! use wenxi::collection::{corpus_report, CorpusOptions};
//! use wenxi::{Analyzer, Options};
//!
//! let mut analyzer = Analyzer::new();
//! let texts = [("甲", "推动经济发展，经济增长。"), ("乙", "深化改革，推动改革。")];
//! let docs: Vec<_> = texts
//!     .iter()
//!     .map(|(name, text)| analyzer.summarize(name, text, &Options::default()).unwrap())
//!     .collect();
//! let report = corpus_report(&docs, &CorpusOptions::default(), None).unwrap();
//! assert_eq!(report.documents[0].distinctive[0].word, "经济");
//! assert_eq!(report.documents[1].distinctive[0].word, "改革");
//! ```

mod build;
mod frequency_list;
mod kept;
mod keyness;
mod request;
mod shape;
mod similarity;
mod summary;

pub use build::{compare_groups, corpus_report};
pub use frequency_list::parse_frequency_list;
pub use kept::KeptSummaries;
pub use keyness::{
    log_likelihood, log_ratio, over_used, significance, KeyTerm, Keyness, CRITICAL_VALUES,
};
pub use request::{CorpusRequest, ReferenceSource};
pub use shape::{
    Comparison, CorpusKeyword, CorpusOptions, CorpusReport, DocumentRow, Reference,
    ReferenceComparison, TfidfTerm,
};
pub use similarity::{cluster_order, cosine_matrix, Similarity};
pub use summary::{read_jsonl, DocumentSummary, TermCount};

#[cfg(test)]
mod tests;

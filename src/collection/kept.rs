//! A corpus's summaries kept compactly, document by document, for reports asked for later
//! (another reference, two groups compared) without analysing again.
//!
//! A [`DocumentSummary`] holds three strings for every word of every document; 500 documents
//! of 100 KB are millions of them, most repeated from document to document. Kept here, each
//! distinct string is held once and a document's words are `(key, word, pos, count)` numbers,
//! 16 bytes each. The report built from them is the one [`super::corpus_report`] builds from
//! the same summaries in order, byte for byte.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::build::{compare_of, report_of, Row};
use super::shape::{Comparison, CorpusOptions, CorpusReport, Reference};
use super::summary::DocumentSummary;
use crate::error::Error;

/// The kept documents' summaries; slots may be filled in any order.
#[derive(Debug, Default)]
pub struct KeptSummaries {
    /// Every distinct string (key, word or tag) once, by number.
    strings: Vec<Arc<str>>,
    numbers: FxHashMap<Arc<str>, u32>,
    docs: Vec<Option<KeptSummary>>,
}

#[derive(Debug)]
struct KeptSummary {
    /// The summary without its terms.
    summary: DocumentSummary,
    /// Its terms: `[key, word, pos, count]`, strings by number, in the summary's (key) order.
    terms: Vec<[u32; 4]>,
}

impl KeptSummaries {
    /// Keep `summary` as document `index` (replacing what was there; the slots grow to hold it).
    pub fn insert(&mut self, index: usize, mut summary: DocumentSummary) {
        let terms = std::mem::take(&mut summary.terms);
        let mut kept = Vec::with_capacity(terms.len());
        for t in terms {
            let key = self.number(t.key);
            let word = self.number(t.word);
            let pos = self.number(t.pos);
            kept.push([key, word, pos, t.count]);
        }
        if self.docs.len() <= index {
            self.docs.resize_with(index + 1, || None);
        }
        self.docs[index] = Some(KeptSummary {
            summary,
            terms: kept,
        });
    }

    /// Empty slot `index` (a document about to be analysed again).
    pub fn remove(&mut self, index: usize) {
        if let Some(slot) = self.docs.get_mut(index) {
            *slot = None;
        }
    }

    /// Documents kept, or slots for them (a missing one is a gap).
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Whether every slot up to the last holds a document.
    pub fn is_whole(&self) -> bool {
        self.docs.iter().all(Option::is_some)
    }

    /// The corpus report of the kept documents in index order, as [`super::corpus_report`]
    /// gives for their summaries.
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] when a slot is empty; then as [`super::corpus_report`].
    pub fn report(
        &self,
        options: &CorpusOptions,
        reference: Option<&Reference>,
    ) -> Result<CorpusReport, Error> {
        let docs = self.docs()?;
        let rows: Vec<Row> = docs.iter().map(|d| Row::of(&d.summary)).collect();
        report_of(
            self.keys(&docs),
            &rows,
            |i| self.terms(docs[i]),
            options,
            reference,
        )
    }

    /// Keyness of documents `a` against documents `b`, as [`super::compare_groups`] gives for
    /// their summaries.
    ///
    /// # Errors
    /// As [`KeptSummaries::report`].
    pub fn compare(&self, a: &[u32], b: &[u32], limit: usize) -> Result<Comparison, Error> {
        let docs = self.docs()?;
        compare_of(
            self.keys(&docs),
            docs.len(),
            |i| self.terms(docs[i]),
            a,
            b,
            limit,
        )
    }

    fn docs(&self) -> Result<Vec<&KeptSummary>, Error> {
        self.docs
            .iter()
            .map(|d| d.as_ref().ok_or(Error::NotAnalyzed))
            .collect()
    }

    /// Every key the documents' terms use, once.
    fn keys(&self, docs: &[&KeptSummary]) -> Vec<&str> {
        let mut used = vec![false; self.strings.len()];
        for d in docs {
            for t in &d.terms {
                used[t[0] as usize] = true;
            }
        }
        used.iter()
            .enumerate()
            .filter(|&(_, &u)| u)
            .map(|(n, _)| &*self.strings[n])
            .collect()
    }

    fn terms<'a>(
        &'a self,
        doc: &'a KeptSummary,
    ) -> impl Iterator<Item = (&'a str, &'a str, &'a str, u32)> + 'a {
        let s = |n: u32| &*self.strings[n as usize];
        doc.terms
            .iter()
            .map(move |t| (s(t[0]), s(t[1]), s(t[2]), t[3]))
    }

    /// The number of `text`, given one if new.
    fn number(&mut self, text: String) -> u32 {
        if let Some(&n) = self.numbers.get(text.as_str()) {
            return n;
        }
        let n = self.strings.len() as u32;
        let shared: Arc<str> = text.into();
        self.strings.push(shared.clone());
        self.numbers.insert(shared, n);
        n
    }
}

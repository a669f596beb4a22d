//! The analyzer's corpus entry points: a document analysed into the summary a corpus report
//! is built from (see [`crate::collection`]), the references a corpus is measured against,
//! keyed as the analysis counts words, and the last corpus kept document by document for
//! later reports and for the concordance, collocates and n-grams over all its documents.

use super::Analyzer;
use crate::collection::{
    corpus_report, parse_frequency_list, Comparison, CorpusReport, CorpusRequest, DocumentSummary,
    KeptSummaries, Reference, ReferenceSource,
};
use crate::keywords::key_of;
use crate::options::Options;
use crate::query::{
    self, Collocates, CollocatesQuery, ConcordanceQuery, Corpus, CorpusConcordance, CorpusNgrams,
    NgramsQuery,
};
use crate::segment::classify;
use crate::Error;

/// The kept corpus: every document's summary, compactly, and each document's kept analysis
/// when the corpus queries are to read it (slots by document index).
#[derive(Default)]
pub(super) struct KeptCorpus {
    summaries: KeptSummaries,
    corpora: Vec<Option<Corpus>>,
}

impl KeptCorpus {
    fn put(&mut self, index: usize, summary: DocumentSummary, corpus: Option<Corpus>) {
        self.summaries.insert(index, summary);
        if self.corpora.len() <= index {
            self.corpora.resize_with(index + 1, || None);
        }
        self.corpora[index] = corpus;
    }

    /// Forget the document in slot `index` (before analysing it again: a failure leaves no
    /// stale document behind, and the two never take memory at once).
    fn forget(&mut self, index: usize) {
        self.summaries.remove(index);
        if let Some(slot) = self.corpora.get_mut(index) {
            *slot = None;
        }
    }
}

/// The most documents a kept corpus holds: an index beyond it is a caller's mistake, not a
/// corpus (the page's own limit is far below).
pub(crate) const MAX_DOCUMENTS: usize = 100_000;

impl Analyzer {
    /// Analyse `text` as a document named `name` of a corpus: its summary, with every content
    /// word the report's keyword tally counts (not only the `top_n` it lists) and its stats.
    /// Unlike [`Analyzer::analyze`], nothing is kept for the queries: a corpus is analysed
    /// document after document, and only the summaries are needed.
    ///
    /// # Errors
    /// As [`Analyzer::analyze`].
    pub fn summarize(
        &mut self,
        name: &str,
        text: &str,
        options: &Options,
    ) -> Result<DocumentSummary, Error> {
        Ok(self.summarize_keeping(name, text, options)?.0)
    }

    /// A reference text's content words, counted as a document's are, to measure a corpus
    /// against (see [`crate::collection::corpus_report`]).
    ///
    /// # Errors
    /// As [`Analyzer::analyze`].
    pub fn reference_text(
        &mut self,
        name: &str,
        text: &str,
        options: &Options,
    ) -> Result<Reference, Error> {
        let summary = self.summarize(name, text, options)?;
        Ok(Reference::new(
            name,
            summary
                .terms
                .into_iter()
                .map(|t| (t.key, t.word, u64::from(t.count))),
        ))
    }

    /// A word-frequency list (`word<TAB>count` a line, see
    /// [`crate::collection::parse_frequency_list`]) as a reference, its words keyed as the
    /// analysis counts them (simplified, lower-cased: 發展 and 发展 add up).
    ///
    /// # Errors
    /// [`Error::InvalidFrequencyList`] for a malformed line, with its number.
    pub fn reference_list(&self, name: &str, list: &str) -> Result<Reference, Error> {
        let words = parse_frequency_list(list)?;
        Ok(Reference::new(
            name,
            words.into_iter().map(|(word, count)| {
                let key = key_of(&self.converter.to_simplified(&word)).into_owned();
                (key, word, count)
            }),
        ))
    }

    /// jieba's dictionary frequencies as a reference: the words the documents' analysis
    /// (`options`) would count as content words, with the dictionary's counts.
    pub fn reference_dictionary(&self, name: &str, options: &Options) -> Reference {
        let (extra, keep) = self.stopword_sets(options);
        let filter = self.content_filter(options, &extra, &keep);
        let mut words = Vec::new();
        let mut entries = crate::lexicon::Entries::new();
        while let Some(e) = entries.next_entry() {
            let Some((freq, tag)) = e.dict else { continue };
            let key = key_of(e.word);
            let count = freq.parse::<u64>().unwrap_or(0);
            if count > 0 && filter.accepts(classify(e.word), &key, tag) {
                words.push((key.into_owned(), e.word.to_string(), count));
            }
        }
        Reference::new(name, words)
    }

    /// A reference as the caller gave it, read: a text analysed with `options` (as the
    /// documents were), or a frequency list.
    ///
    /// # Errors
    /// As [`Analyzer::reference_text`] and [`Analyzer::reference_list`].
    pub fn reference(
        &mut self,
        source: &ReferenceSource,
        options: &Options,
    ) -> Result<Reference, Error> {
        match source {
            ReferenceSource::Text { name, text } => self.reference_text(name, text, options),
            ReferenceSource::List { name, list } => self.reference_list(name, list),
            ReferenceSource::Dictionary { name } => Ok(self.reference_dictionary(name, options)),
        }
    }

    /// The corpus report of `docs` as `request` asks for it, with its reference (if any)
    /// read first: what `wenxi corpus` prints, and the package's `corpusReport`.
    ///
    /// # Errors
    /// As [`Analyzer::reference`] for the reference, then as
    /// [`crate::collection::corpus_report`].
    pub fn corpus_report(
        &mut self,
        docs: &[DocumentSummary],
        request: &CorpusRequest,
    ) -> Result<CorpusReport, Error> {
        let reference = match &request.reference {
            Some(source) => Some(self.reference(source, &request.analysis)?),
            None => None,
        };
        corpus_report(docs, &request.options, reference.as_ref())
    }

    /// Analyse `text` as document `index` of the kept corpus (replacing what was there, the
    /// corpus growing to hold it): its summary is kept for [`Analyzer::kept_corpus_report`]
    /// and [`Analyzer::kept_compare`], and with `queries` its kept analysis too, for the
    /// corpus queries ([`Analyzer::corpus_concordance`] and the others). Returns the summary.
    /// Start a new corpus with [`Analyzer::clear_documents`].
    ///
    /// ```
    /// use wenxi::{Analyzer, Options};
    /// use wenxi::query::ConcordanceQuery;
    /// let mut analyzer = Analyzer::new();
    /// let options = Options::default();
    /// analyzer.keep_document(0, "甲", "推动绿色发展。", &options, true).unwrap();
    /// analyzer.keep_document(1, "乙", "绿色转型，绿色发展。", &options, true).unwrap();
    /// let q = ConcordanceQuery { query: "绿色".into(), ..Default::default() };
    /// let found = analyzer.corpus_concordance(&q).unwrap();
    /// assert_eq!((found.total, found.per_document.clone()), (3, vec![1, 2]));
    /// assert_eq!(found.lines[2].document, 1);
    /// ```
    ///
    /// # Errors
    /// As [`Analyzer::analyze`]; [`Error::InvalidRequest`] for an index of 100,000
    /// (`MAX_DOCUMENTS`) or more.
    pub fn keep_document(
        &mut self,
        index: usize,
        name: &str,
        text: &str,
        options: &Options,
        queries: bool,
    ) -> Result<DocumentSummary, Error> {
        check_index(index)?;
        self.documents.forget(index);
        let (summary, corpus) = self.summarize_keeping(name, text, options)?;
        self.documents
            .put(index, summary.clone(), queries.then_some(corpus));
        Ok(summary)
    }

    /// A document's summary and its kept analysis as bytes ([`Corpus::to_bytes`]), for a
    /// worker that analyses documents for another, which keeps them with
    /// [`Analyzer::adopt_document`]. Nothing is kept here.
    ///
    /// # Errors
    /// As [`Analyzer::analyze`].
    pub fn export_document(
        &mut self,
        name: &str,
        text: &str,
        options: &Options,
    ) -> Result<(DocumentSummary, Vec<u8>), Error> {
        let (summary, corpus) = self.summarize_keeping(name, text, options)?;
        Ok((summary, corpus.to_bytes()))
    }

    /// Keep a document analysed elsewhere as document `index` of the kept corpus: its summary,
    /// and its kept analysis from [`Analyzer::export_document`]'s bytes if given.
    ///
    /// # Errors
    /// [`Error::InvalidSummary`] (numbered `index` + 1) for bytes that are not a kept
    /// analysis of this version, or a summary of another version;
    /// [`Error::InvalidRequest`] for an index of 100,000 or more (`MAX_DOCUMENTS`).
    pub fn adopt_document(
        &mut self,
        index: usize,
        summary: DocumentSummary,
        bytes: Option<&[u8]>,
    ) -> Result<(), Error> {
        let invalid = |why: String| Error::InvalidSummary {
            line: index + 1,
            why,
        };
        if summary.version != crate::VERSION {
            return Err(invalid(format!(
                "made by Wenxi {}, read by {}",
                summary.version,
                crate::VERSION
            )));
        }
        check_index(index)?;
        let corpus = bytes.map(Corpus::from_bytes).transpose().map_err(invalid)?;
        self.documents.put(index, summary, corpus);
        Ok(())
    }

    /// Forget the kept corpus.
    pub fn clear_documents(&mut self) {
        self.documents = KeptCorpus::default();
    }

    /// The corpus report of the kept corpus's summaries, as [`Analyzer::corpus_report`].
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] when no corpus is kept or a document is missing; then as
    /// [`Analyzer::corpus_report`].
    pub fn kept_corpus_report(&mut self, request: &CorpusRequest) -> Result<CorpusReport, Error> {
        if self.documents.summaries.is_empty() {
            return Err(Error::NotAnalyzed);
        }
        let reference = match &request.reference {
            Some(source) => Some(self.reference(source, &request.analysis)?),
            None => None,
        };
        self.documents
            .summaries
            .report(&request.options, reference.as_ref())
    }

    /// Keyness of documents `a` against documents `b` of the kept corpus (indices in corpus
    /// order), at most `terms` words each way (see [`crate::collection::compare_groups`]).
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] as [`Analyzer::kept_corpus_report`]; [`Error::InvalidQuery`] for
    /// an empty group, an index out of range or one named twice.
    pub fn kept_compare(&self, a: &[u32], b: &[u32], terms: usize) -> Result<Comparison, Error> {
        if self.documents.summaries.is_empty() {
            return Err(Error::NotAnalyzed);
        }
        self.documents.summaries.compare(a, b, terms)
    }

    /// Every occurrence of a query in the kept corpus's documents, each line labelled with its
    /// document (see [`query::concordance_in`]).
    ///
    /// # Errors
    /// [`Error::NotAnalyzed`] unless every document of a kept corpus was kept for the queries;
    /// then as [`query::concordance_in`].
    pub fn corpus_concordance(&self, q: &ConcordanceQuery) -> Result<CorpusConcordance, Error> {
        query::concordance_in(&self.kept_corpora()?, q, &|w| self.key(w))
    }

    /// The collocates of a node word over the kept corpus (see [`query::collocates_in`]).
    ///
    /// # Errors
    /// As [`Analyzer::corpus_concordance`], with [`query::collocates`]'s refusals.
    pub fn corpus_collocates(&self, q: &CollocatesQuery) -> Result<Collocates, Error> {
        query::collocates_in(&self.kept_corpora()?, q, &|w| self.key(w))
    }

    /// The repeated n-grams of the kept corpus, with their range (see [`query::ngrams_in`]).
    ///
    /// # Errors
    /// As [`Analyzer::corpus_concordance`], with [`query::ngrams`]'s refusals.
    pub fn corpus_ngrams(&self, q: &NgramsQuery) -> Result<CorpusNgrams, Error> {
        query::ngrams_in(&self.kept_corpora()?, q)
    }

    /// Summarise `text` and keep its analysis (for the caller to keep or export).
    fn summarize_keeping(
        &mut self,
        name: &str,
        text: &str,
        options: &Options,
    ) -> Result<(DocumentSummary, Corpus), Error> {
        self.kept = None;
        self.prepare(text, options)?;
        let mut terms = Vec::new();
        let (report, corpus) = self.run(text, options, &mut |_| {}, Some(&mut terms));
        Ok((DocumentSummary::new(name, &report, terms), corpus))
    }

    /// The kept corpus's documents' analyses, all present.
    fn kept_corpora(&self) -> Result<Vec<&Corpus>, Error> {
        let kept = &self.documents;
        if kept.summaries.is_empty() || !kept.summaries.is_whole() {
            return Err(Error::NotAnalyzed);
        }
        kept.corpora
            .iter()
            .map(|c| c.as_ref().ok_or(Error::NotAnalyzed))
            .collect()
    }
}

/// A document index a kept corpus takes.
fn check_index(index: usize) -> Result<(), Error> {
    if index >= MAX_DOCUMENTS {
        return Err(Error::InvalidRequest(format!(
            "a corpus holds at most {MAX_DOCUMENTS} documents (index {index})"
        )));
    }
    Ok(())
}

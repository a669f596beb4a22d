//! The analyzer's corpus entry points: a document analysed into the summary a corpus report
//! is built from (see [`crate::collection`]), and the references a corpus is measured
//! against, keyed as the analysis counts words.

use super::Analyzer;
use crate::collection::{
    corpus_report, parse_frequency_list, CorpusReport, CorpusRequest, DocumentSummary, Reference,
    ReferenceSource,
};
use crate::keywords::key_of;
use crate::options::Options;
use crate::Error;

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
        self.kept = None;
        self.prepare(text, options)?;
        let mut terms = Vec::new();
        let (report, _) = self.run(text, options, &mut |_| {}, Some(&mut terms));
        Ok(DocumentSummary::new(name, &report, terms))
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
}

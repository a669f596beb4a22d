//! A document of a corpus, summarised: what the corpus report needs of it (every content word
//! counted, its stats, its name), without its text. One summary is one self-contained JSON
//! line (`wenxi corpus --jsonl`), so documents can be analysed anywhere and their summaries
//! gathered later: the corpus report is a pure function of the summaries in order.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::report::{Report, ScriptKind, Stats};

/// One analysed document of a corpus, as the corpus report reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DocumentSummary {
    /// The Wenxi version that analysed the document; summaries of other versions are refused
    /// (their words may be cut differently).
    pub version: String,
    /// The document's name: on the command line, its path.
    pub name: String,
    /// Its report's counts (`words` is the sum of `terms[].count`).
    pub stats: Stats,
    /// The script its Han characters are written in.
    pub script: ScriptKind,
    /// Sections its report found, and how many of them begin with a heading line.
    pub sections: u32,
    pub headings: u32,
    /// Every content word of the document (as the report's keyword tally counts them, not
    /// only the `topN` it lists), one per key, in key order (code point order).
    pub terms: Vec<TermCount>,
}

/// A content word of a document and its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TermCount {
    /// Simplified, lower-cased form the word is counted by.
    pub key: String,
    /// As first written in the document.
    pub word: String,
    /// jieba's part-of-speech tag of the first occurrence.
    pub pos: String,
    pub count: u32,
}

impl DocumentSummary {
    /// The summary of a document named `name`, from its report and its whole tally
    /// (`terms`, in any order, one per key).
    pub fn new(name: &str, report: &Report, mut terms: Vec<TermCount>) -> DocumentSummary {
        terms.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        DocumentSummary {
            version: crate::VERSION.to_string(),
            name: name.to_string(),
            stats: report.stats.clone(),
            script: report.script.kind,
            sections: report.sections.len() as u32,
            headings: report.sections.iter().filter(|s| s.heading).count() as u32,
            terms,
        }
    }

    /// The summary as one line of JSON, without the line break.
    pub fn to_json_line(&self) -> String {
        // A struct of strings and numbers always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A summary from one line of JSON (`line` numbers it in errors, from 1).
    ///
    /// # Errors
    /// [`Error::InvalidSummary`] for malformed JSON, a missing or unknown field, another
    /// version's summary, terms out of key order or repeated, or a `stats.words` that is not
    /// the sum of the terms' counts: the corpus report relies on each.
    pub fn from_json_line(json: &str, line: usize) -> Result<DocumentSummary, Error> {
        let invalid = |why: String| Error::InvalidSummary { line, why };
        let s: DocumentSummary = serde_json::from_str(json).map_err(|e| invalid(e.to_string()))?;
        if s.version != crate::VERSION {
            return Err(invalid(format!(
                "made by Wenxi {}, read by {}: analyse the documents again",
                s.version,
                crate::VERSION
            )));
        }
        if let Some(w) = s.terms.windows(2).find(|w| w[0].key >= w[1].key) {
            return Err(invalid(format!(
                "terms not in key order: {:?} before {:?}",
                w[0].key, w[1].key
            )));
        }
        let sum: u64 = s.terms.iter().map(|t| u64::from(t.count)).sum();
        if sum != u64::from(s.stats.words) || s.terms.iter().any(|t| t.count == 0) {
            return Err(invalid(format!(
                "stats.words is {} but the terms count {sum} (or a term counts 0)",
                s.stats.words
            )));
        }
        Ok(s)
    }
}

/// The summaries in `jsonl`, one a line, in order; blank lines are skipped.
///
/// # Errors
/// The first line that is not a summary, as [`DocumentSummary::from_json_line`] says.
pub fn read_jsonl(jsonl: &str) -> Result<Vec<DocumentSummary>, Error> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| DocumentSummary::from_json_line(l, i + 1))
        .collect()
}

//! Wenxi (文析): analyse Chinese (and mixed Chinese/English) text — word segmentation,
//! keyword frequency and section structure — in the browser or natively.
//!
//! One way in: build an [`Analyzer`] once, then call [`Analyzer::analyze`] per text. The
//! [`Report`] it returns is one plain serialisable value; every offset in it is a UTF-16 code
//! unit index into the text you passed (what JavaScript's `slice()` takes), even though the
//! analysis reads a cleaned copy (markup, entities and inline pinyin removed, full-width
//! letters folded) and segments traditional text through a simplified copy.
//!
//! ```
//! use wenxi::{Analyzer, Options};
//!
//! let text = "會議強(qiáng)調(diào)，要推動長江經濟帶發展。推動發展，推動改革。";
//! let report = Analyzer::new().analyze(text, &Options::default()).unwrap();
//! let top = &report.keywords[0];
//! assert_eq!((top.word.as_str(), top.count), ("推動", 3));
//! // Offsets point into the text as given, annotations included.
//! let first = top.first as usize;
//! let utf16: Vec<u16> = text.encode_utf16().collect();
//! assert_eq!(String::from_utf16(&utf16[first..first + 2]).unwrap(), "推動");
//! assert_eq!(report.cleaning.annotations, 2);
//! ```
//!
//! Pipeline stages, one module each, in the order [`Analyzer::analyze`] runs them (and reports
//! them as [`report::Stage`]s): [`normalize`] → [`script`] → [`segment`] → [`sections`] →
//! [`keywords`] → [`stats`]; [`report`] defines the output and `wasm` (wasm32 only) is the
//! thin JavaScript shell. After an analysis, [`query`] answers the corpus linguist's queries
//! (concordance, collocates, n-grams, dispersion, trends, terms found in the text) on the text
//! the analyzer keeps, through [`Analyzer::concordance`] and its siblings; [`segmented`] gives
//! the words line by line, as `wenxi --tokens` prints them. [`collection`] compares many
//! documents: each analysed into a summary by [`Analyzer::summarize`], the corpus report
//! built from the summaries.

mod analyzer;
pub mod chars;
pub mod collection;
pub mod error;
pub mod idf;
pub mod keywords;
pub mod lexicon;
pub mod normalize;
pub mod options;
mod order;
pub mod query;
pub mod report;
pub mod script;
pub mod sections;
pub mod segment;
pub mod segmented;
pub mod stats;
#[cfg(test)]
mod typescript;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analyzer::Analyzer;
pub use error::{Error, MAX_INPUT_UTF16};
pub use options::Options;
pub use report::Report;

/// The crate version, as reported in [`Report::version`].
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

// The README's Rust examples run as doctests, so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

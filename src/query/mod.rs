//! The corpus linguist's queries on the last analysed text: concordance, collocates, n-grams,
//! dispersion, trends, terms found in the text, and the vocabulary profile by HSK level. One file per query; `corpus` is the kept
//! analysis they all read, `parts` the division of a text into sections or equal segments
//! that dispersion and trends share, `grams` the counting of repeated token sequences that
//! n-grams and terms share.
//!
//! Concordance, collocates and n-grams also run over the documents of a corpus taken together
//! (`across` for the concordance, `*_in` beside each single-text query), never across a
//! document's end.
//!
//! Every query is one plain request in and one plain serialisable result out, like the
//! report: requests deserialise from camelCase JSON with a default for every field (unknown
//! fields are an error), results serialise to camelCase JSON, every offset is a UTF-16 code
//! unit index into the text the user analysed, and every list has a documented order with
//! ties broken explicitly, so the same text and request give byte-identical JSON. The
//! request and result types are defined beside their query and reach TypeScript through
//! ts-rs like the report's.
//!
//! Words in a request are matched as the analysis counts them: through simplified
//! conversion and case folding (发展 finds 發展 and `AI` finds `ai`); the [`crate::Analyzer`]
//! methods do that conversion and call the functions here.

mod across;
mod collocates;
mod concordance;
mod corpus;
mod dispersion;
mod grams;
mod level_marks;
mod levels;
mod ngrams;
mod parts;
mod stream;
mod terms;
mod trends;

pub use across::{concordance_in, CorpusConcordance, DocumentLine};
pub use collocates::{
    collocates, collocates_in, Collocate, Collocates, CollocatesQuery, Measure, MAX_WINDOW,
};
pub use concordance::{
    concordance, By, Concordance, ConcordanceLine, ConcordanceQuery, Sort, MAX_CONTEXT,
    REGEX_SIZE_LIMIT,
};
pub use corpus::{Corpus, SectionMark};
pub use dispersion::{dispersion, Dispersion, DispersionQuery, WordDispersion, MAX_WORDS};
pub use level_marks::{level_marks, BandWords, LevelMarks, LevelSpan};
pub use levels::{
    levels, Apart, Characters, Coverage, KnownCoverage, LevelCount, Levels, LevelsProfile,
    LevelsQuery, Tally, UnknownWord, MAX_UNKNOWN, TOP_LEVEL,
};
pub use ngrams::{ngrams, ngrams_in, CorpusNgram, CorpusNgrams, Ngram, Ngrams, NgramsQuery, MAX_N};
pub use parts::{parts, Part, DEFAULT_SEGMENTS, MAX_SEGMENTS};
pub use stream::{Entry, Stream, WordAt};
pub use terms::{discover, term_of, terms, Found, Term, Terms, TermsQuery, MAX_TERM_WORDS};
pub use trends::{trends, Series, Trends, TrendsQuery};

/// A query's request from JSON text (`{"query": "发展", "by": "word"}`): fields camelCase,
/// missing ones at their defaults.
///
/// # Errors
/// [`crate::Error::InvalidQuery`] naming the field at fault, for malformed JSON, a wrong type
/// or an unknown field.
pub fn request_from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, crate::Error> {
    crate::options::from_json(json, crate::Error::InvalidQuery)
}

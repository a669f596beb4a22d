//! Typed errors with a stable [`Error::kind`] and a readable message.
//!
//! Nothing the user can type reaches an `unwrap()`: every failure the input can cause is one of
//! these, converted once into a JS `Error` or error message (with `kind` set) by `src/wasm/`.

use std::fmt;

/// The largest text [`crate::Analyzer::analyze`] accepts, in UTF-16 code units (the JS
/// `length`): 16 Mi units, about 48 MB of Chinese in UTF-8. The analysis keeps a few words of
/// bookkeeping per character, so this bounds its memory to a few hundred MB.
pub const MAX_INPUT_UTF16: usize = 16 * 1024 * 1024;

/// Why an analysis could not be done. The user's text is never consumed: the caller still has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The text is longer than [`MAX_INPUT_UTF16`].
    InputTooLarge { utf16_length: usize, max: usize },
    /// An option has the wrong type or value, or is not an option at all.
    InvalidOptions(String),
    /// A custom dictionary word is empty, too long, or contains whitespace.
    InvalidWord(String),
    /// A message to the worker that is not a request it knows, or lacks what the request
    /// needs (`text` that is not a string, `words` that are not a list of strings).
    InvalidRequest(String),
    /// A query (concordance, collocates, …) asked before any text was analysed: queries read
    /// the last analysed text.
    NotAnalyzed,
    /// A query's request is malformed or refused: an empty query, a regular expression that
    /// does not parse or would compile too large, a parameter out of range.
    InvalidQuery(String),
    /// A line of a corpus's document summaries (`wenxi corpus --jsonl`) that is not one
    /// summary: malformed JSON, a missing or unknown field, or a summary made by another
    /// version of Wenxi. `line` counts from 1 (0 when the summary did not come from lines).
    InvalidSummary { line: usize, why: String },
    /// A line of a word-frequency list that is not `word<TAB>count` (count a whole number).
    /// `line` counts from 1.
    InvalidFrequencyList { line: usize, why: String },
    /// A fault of Wenxi's, not of the input (the report could not be handed to JS, say).
    Internal(String),
}

/// `Ok` when a text of `utf16_length` code units is within [`MAX_INPUT_UTF16`]. The one
/// check of the limit: the analyzer applies it to every text, and the JS edge applies it to a
/// JS string's `length` before copying the string into wasm memory (which never shrinks).
///
/// # Errors
/// [`Error::InputTooLarge`] for a longer text.
pub fn check_input_length(utf16_length: usize) -> Result<(), Error> {
    if utf16_length > MAX_INPUT_UTF16 {
        return Err(Error::InputTooLarge {
            utf16_length,
            max: MAX_INPUT_UTF16,
        });
    }
    Ok(())
}

impl Error {
    /// A stable identifier for programs: `"input_too_large"`, `"invalid_options"`,
    /// `"invalid_word"`, `"invalid_request"`, `"not_analyzed"`, `"invalid_query"`,
    /// `"invalid_summary"`, `"invalid_frequency_list"` or `"internal"`. Messages may be reworded; kinds will not.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::InputTooLarge { .. } => "input_too_large",
            Error::InvalidOptions(_) => "invalid_options",
            Error::InvalidWord(_) => "invalid_word",
            Error::InvalidRequest(_) => "invalid_request",
            Error::NotAnalyzed => "not_analyzed",
            Error::InvalidQuery(_) => "invalid_query",
            Error::InvalidSummary { .. } => "invalid_summary",
            Error::InvalidFrequencyList { .. } => "invalid_frequency_list",
            Error::Internal(_) => "internal",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { utf16_length, max } => write!(
                f,
                "the text is {utf16_length} UTF-16 code units long; Wenxi analyses at most {max}"
            ),
            Error::InvalidOptions(why) => write!(f, "invalid options: {why}"),
            Error::InvalidWord(why) => write!(f, "invalid dictionary word: {why}"),
            Error::InvalidRequest(why) => write!(f, "invalid request: {why}"),
            Error::NotAnalyzed => write!(
                f,
                "no text has been analysed yet: queries read the last analysed text"
            ),
            Error::InvalidQuery(why) => write!(f, "invalid query: {why}"),
            // Line 0: a summary given as a value (the package's `corpusReport`), not a line.
            Error::InvalidSummary { line: 0, why } => write!(f, "invalid document summary: {why}"),
            Error::InvalidSummary { line, why } => {
                write!(f, "invalid document summary on line {line}: {why}")
            }
            Error::InvalidFrequencyList { line, why } => write!(
                f,
                "invalid frequency list on line {line}: {why} (expected word<TAB>count)"
            ),
            Error::Internal(why) => write!(f, "internal error: {why}"),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_stable_and_messages_readable() {
        let e = Error::InputTooLarge {
            utf16_length: 20,
            max: 10,
        };
        assert_eq!(e.kind(), "input_too_large");
        assert!(e.to_string().contains("at most 10"));
        assert_eq!(Error::InvalidOptions("x".into()).kind(), "invalid_options");
        assert_eq!(Error::InvalidWord("x".into()).kind(), "invalid_word");
        assert_eq!(Error::InvalidRequest("x".into()).kind(), "invalid_request");
        assert_eq!(Error::NotAnalyzed.kind(), "not_analyzed");
        assert_eq!(Error::InvalidQuery("x".into()).kind(), "invalid_query");
        assert_eq!(Error::Internal("x".into()).kind(), "internal");
        let e = Error::InvalidSummary {
            line: 3,
            why: "x".into(),
        };
        assert_eq!(e.kind(), "invalid_summary");
        assert!(e.to_string().contains("line 3"));
        let e = Error::InvalidFrequencyList {
            line: 2,
            why: "x".into(),
        };
        assert_eq!(e.kind(), "invalid_frequency_list");
    }

    #[test]
    fn the_limit_is_inclusive() {
        assert_eq!(check_input_length(MAX_INPUT_UTF16), Ok(()));
        let e = check_input_length(MAX_INPUT_UTF16 + 1).unwrap_err();
        assert_eq!(e.kind(), "input_too_large");
        assert!(
            e.to_string().contains(&(MAX_INPUT_UTF16 + 1).to_string()),
            "{e}"
        );
    }
}

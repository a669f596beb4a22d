//! Typed errors with a stable [`Error::kind`] and a readable message.
//!
//! Nothing the user can type reaches an `unwrap()`: every failure the input can cause is one of
//! these, converted once into a JS `Error` (with `kind` set) by `src/wasm.rs`.

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
    /// A fault of Wenxi's, not of the input (the report could not be handed to JS, say).
    Internal(String),
}

impl Error {
    /// A stable identifier for programs: `"input_too_large"`, `"invalid_options"`,
    /// `"invalid_word"` or `"internal"`. Messages may be reworded; kinds will not.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::InputTooLarge { .. } => "input_too_large",
            Error::InvalidOptions(_) => "invalid_options",
            Error::InvalidWord(_) => "invalid_word",
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
        assert_eq!(Error::Internal("x".into()).kind(), "internal");
    }
}

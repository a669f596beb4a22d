//! Stage 3: segmentation. The one module that names `jieba_rs`: words, their part-of-speech
//! tags, what kind of token each is, and the dictionary's reference frequencies. (jieba's IDF
//! table is read by `idf`, without jieba-rs.)
//!
//! # Contract
//! [`Segmenter::tokens`] cuts a text into [`Tokens`] that tile it: in order, each starting where
//! the one before ends, the first at 0 and the last ending at the text's end, with char and
//! byte offsets into the text that was segmented. Every token has a [`TokenKind`] read from its
//! characters ([`classify`]; a joined link is `Other`) and a jieba part-of-speech tag ([`Pos`];
//! `m` for numbers, `x` for punctuation, whitespace, links and other symbols). The same text,
//! dictionary and `hmm` flag always give the same tokens, however the text is chunked for
//! progress.
//!
//! # Passes, in order
//! 1. jieba's cut and tags, chunk by chunk at line breaks and `。` (`segmenter.rs`), with a
//!    number's `%`/`‰` kept on it and a numeral cut from its measure word (`numbers.rs`);
//! 2. what jieba cuts inside one written number or name joined (`numbers.rs`);
//! 3. URLs and e-mail addresses joined into one token each (`links.rs`);
//! 4. on request, noun pairs the text uses as one term joined ([`join_compounds`],
//!    `compounds.rs`), which the analyzer calls after segmentation;
//! 5. on request, the terms found in the text joined ([`join_runs`], `runs.rs`; the analyzer
//!    finds them with [`crate::query::discover`]).
//!
//! `tokens.rs` holds the token store the passes rewrite in place.
//!
//! [`TokenKind`]: crate::report::TokenKind

mod classify;
mod compounds;
mod links;
mod numbers;
mod runs;
mod segmenter;
mod tokens;

pub use classify::classify;
pub use compounds::{join_compounds, Compound};
pub use runs::join_runs;
pub use segmenter::{Segmenter, CHUNK_BYTES, REFERENCE_TOTAL};
pub use tokens::{Pos, Tok, Tokens};

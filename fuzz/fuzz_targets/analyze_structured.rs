//! Texts built from the pieces real pastes are made of, chosen by the fuzzer's bytes: Han
//! words in both scripts, inline pinyin (well-formed, repeated, broken), HTML tags, comments
//! and entities, every heading form, punctuation of both widths, astral characters, controls,
//! bidi and zero-width marks, line breaks of every kind. Reaching deep paths (annotation
//! removal inside headings, entities inside pinyin, unclosed markup) takes far fewer runs this
//! way than from raw bytes. Every report must pass the shared invariant checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;
#[path = "../pieces.rs"]
mod pieces;

fuzz_target!(|data: &[u8]| harness::check(&pieces::build(data)));

//! Texts built from the pieces real pastes are made of, chosen by the fuzzer's bytes: Han
//! words in both scripts, inline pinyin (well-formed, repeated, broken), HTML tags, comments
//! and entities, every heading form, punctuation of both widths, astral characters, controls,
//! bidi and zero-width marks, line breaks of every kind. Reaching deep paths (annotation
//! removal inside headings, entities inside pinyin, unclosed markup) takes far fewer runs this
//! way than from raw bytes. Every report must pass the shared invariant checks.
#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use wenxi::script::Converter;
use wenxi::Analyzer;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

#[path = "../pieces.rs"]
mod pieces;

thread_local! {
    static STATE: RefCell<(Analyzer, Converter)> = RefCell::new((Analyzer::new(), Converter::new()));
}

fuzz_target!(|data: &[u8]| {
    let text = pieces::build(data);
    STATE.with(|s| {
        let (analyzer, converter) = &mut *s.borrow_mut();
        if let Err(e) = invariants::check(analyzer, converter, &text) {
            panic!("{e} on {text:?}");
        }
    });
});

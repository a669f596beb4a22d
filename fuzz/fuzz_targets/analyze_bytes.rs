//! Arbitrary bytes as text, the way they can reach `analyze` (`pieces::from_bytes`: as UTF-8,
//! or as UTF-16 with unpaired surrogates). Every report must pass the shared invariant checks.
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
    let text = pieces::from_bytes(data);
    STATE.with(|s| {
        let (analyzer, converter) = &mut *s.borrow_mut();
        if let Err(e) = invariants::check(analyzer, converter, &text) {
            panic!("{e} on {text:?}");
        }
    });
});

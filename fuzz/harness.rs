//! What both fuzz targets do with their text: analyse it with one analyzer kept for the whole
//! run (building one per input would be all the fuzzer measured) and panic, which libFuzzer
//! records as a crash, on the first broken invariant of `tests/common/invariants.rs`.

use std::cell::RefCell;

use wenxi::script::Converter;
use wenxi::Analyzer;

#[path = "../tests/common/invariants.rs"]
mod invariants;

thread_local! {
    static STATE: RefCell<(Analyzer, Converter)> = RefCell::new((Analyzer::new(), Converter::new()));
}

/// Analyse `text` and check every invariant; panics with the broken one and the text.
pub fn check(text: &str) {
    STATE.with(|s| {
        let (analyzer, converter) = &mut *s.borrow_mut();
        if let Err(e) = invariants::check(analyzer, converter, text) {
            panic!("{e} on {text:?}");
        }
    });
}

//! Arbitrary bytes as text, the way they can reach `analyze`: read as UTF-8 (invalid
//! sequences become U+FFFD, as a file decoded leniently), or, when the first byte is odd, as
//! UTF-16 code units (unpaired surrogates become U+FFFD, as wasm-bindgen passes a JS string
//! with broken surrogates). Every report must pass the shared invariant checks.
#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use wenxi::script::Converter;
use wenxi::Analyzer;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

thread_local! {
    static STATE: RefCell<(Analyzer, Converter)> = RefCell::new((Analyzer::new(), Converter::new()));
}

fuzz_target!(|data: &[u8]| {
    let text = match data.split_first() {
        Some((mode, rest)) if mode & 1 == 1 => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => String::from_utf8_lossy(data).into_owned(),
    };
    STATE.with(|s| {
        let (analyzer, converter) = &mut *s.borrow_mut();
        if let Err(e) = invariants::check(analyzer, converter, &text) {
            panic!("{e} on {text:?}");
        }
    });
});

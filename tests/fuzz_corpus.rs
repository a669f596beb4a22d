//! Replays the fuzzer's corpus (`fuzz/corpus/`): every input cargo-fuzz kept as interesting
//! (new coverage) and every input that once broke an invariant (`fuzz/regressions/`), through
//! the same checks the fuzz targets run (`tests/common/invariants.rs`). The fuzzing itself
//! (`cargo +nightly fuzz run …`, see the README) is too slow for the test command; this
//! keeps what it found.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use wenxi::script::Converter;
use wenxi::Analyzer;

mod common;
use common::invariants;

#[path = "../fuzz/pieces.rs"]
mod pieces;

/// The files of `dir`, sorted, so a failure names the same file on every run.
fn inputs(dir: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
        .collect()
}

fn replay(dir: &str, text_of: fn(&[u8]) -> String, at_least: usize) {
    let mut analyzer = Analyzer::new();
    let converter = Converter::new();
    let files = inputs(dir);
    assert!(
        files.len() >= at_least,
        "{dir}: {} inputs, expected the kept corpus",
        files.len()
    );
    for (name, data) in files {
        let text = text_of(&data);
        if let Err(e) = invariants::check(&mut analyzer, &converter, &text) {
            panic!("{name}: {e} on {text:?}");
        }
    }
}

#[test]
fn bytes_corpus_keeps_its_invariants() {
    replay("fuzz/corpus/analyze_bytes", pieces::from_bytes, 100);
}

#[test]
fn structured_corpus_keeps_its_invariants() {
    replay("fuzz/corpus/analyze_structured", pieces::build, 100);
}

#[test]
fn past_failures_stay_fixed() {
    replay("fuzz/regressions/analyze_bytes", pieces::from_bytes, 0);
    replay("fuzz/regressions/analyze_structured", pieces::build, 0);
}

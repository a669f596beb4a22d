//! Wenxi's own OpenCC tables (src/script/) against ferrous-opencc, the converter it replaced:
//! the same simplified copy and the same traditional rendering, character for character, on
//! the eight novels of the shared corpus's running text, in both scripts (`../shared/corpus/running-text/`, beside the project).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use wenxi::script::Converter;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/running-text");

/// Every `.txt` of `dir` (licence files aside), or a failure that names the missing corpus.
fn texts(dir: &str) -> Vec<(String, String)> {
    let path = Path::new(CORPUS).join(dir);
    let entries = std::fs::read_dir(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: this test needs the shared corpus (../shared/corpus/ beside the project)",
            path.display()
        )
    });
    let mut out: Vec<(String, String)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt")
                && !p.to_string_lossy().to_uppercase().contains("LICENSE")
        })
        .map(|p| {
            let bytes = std::fs::read(&p).expect("readable corpus file");
            (
                p.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no texts in {}", path.display());
    out
}

/// The first place `a` and `b` differ, with a little context, for a failure message.
fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .chars()
        .zip(b.chars())
        .position(|(x, y)| x != y)
        .unwrap_or(a.chars().count().min(b.chars().count()));
    let around = |s: &str| {
        s.chars()
            .skip(at.saturating_sub(10))
            .take(20)
            .collect::<String>()
    };
    format!("char {at}: ours …{}… theirs …{}…", around(a), around(b))
}

#[test]
fn to_simplified_equals_ferrous_opencc_on_the_novels() {
    let theirs = OpenCC::from_config(BuiltinConfig::T2s).expect("ferrous-opencc t2s");
    let ours = Converter::new();
    for (name, text) in texts("traditional").into_iter().chain(texts("simplified")) {
        let (a, b) = (ours.to_simplified(&text), theirs.convert(&text));
        assert!(a == b, "{name}: {}", first_difference(&a, &b));
    }
}

#[test]
fn to_traditional_equals_ferrous_opencc_on_the_novels() {
    let theirs = OpenCC::from_config(BuiltinConfig::S2t).expect("ferrous-opencc s2t");
    let ours = Converter::new();
    for (name, text) in texts("simplified").into_iter().chain(texts("traditional")) {
        let a = ours
            .to_traditional(&text)
            .expect("phrases embedded natively");
        let b = theirs.convert(&text);
        assert!(a == b, "{name}: {}", first_difference(&a, &b));
    }
}

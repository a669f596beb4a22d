//! Whole reports, byte for byte: every fixture in `tests/fixtures/` and every text of the shared
//! evaluation corpus (`../shared/corpus/`, beside the project; not part of the repository) is
//! analysed with default options, and the SHA-256 of its JSON is compared with the one recorded
//! in `tests/report-hashes.tsv`. A refactor that changes no behaviour leaves every line as it
//! is; a change that alters a report names the texts it altered, and the golden files and the
//! corpus checks show how.
//!
//! After an intended change, record the new hashes and say why in the commit:
//!     UPDATE_HASHES=1 cargo test --test report_hashes
//!
//! The test fails with a clear message when the corpus is missing (a fresh clone without it
//! should know these reports were not compared).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use wenxi::{Analyzer, Options};

const MANIFEST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/report-hashes.tsv");

/// Every text file below `dir`, as `(name relative to dir, path)`, sorted; licences, READMEs
/// and SOURCES files are prose about the texts, not texts.
fn texts(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy();
            let is_text = [".txt", ".md", ".tsv", ".html"]
                .iter()
                .any(|ext| name.ends_with(ext));
            let about = name.contains("LICENSE") || name == "README.md" || name == "SOURCES.md";
            if !is_text || about {
                continue;
            }
            let rel = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((rel, path));
        }
    }
    out.sort();
    out
}

fn hash(analyzer: &mut Analyzer, path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let report = analyzer.analyze(&text, &Options::default()).unwrap();
    let json = serde_json::to_string(&report).unwrap();
    let digest = Sha256::digest(json.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn reports_are_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");
    assert!(
        corpus.exists(),
        "evaluation corpus missing: {} (expected ../shared/corpus beside the project); \
         the corpus reports were not compared",
        corpus.display()
    );
    let mut analyzer = Analyzer::new();
    let mut now = BTreeMap::new();
    for (prefix, dir) in [
        ("fixtures", root.join("tests/fixtures")),
        ("corpus", corpus),
    ] {
        for (rel, path) in texts(&dir) {
            now.insert(format!("{prefix}/{rel}"), hash(&mut analyzer, &path));
        }
    }

    if std::env::var_os("UPDATE_HASHES").is_some() {
        let mut tsv = String::from("# text\tsha256 of its report's JSON (default options)\n");
        for (name, h) in &now {
            tsv.push_str(&format!("{name}\t{h}\n"));
        }
        std::fs::write(MANIFEST, tsv).unwrap();
        return;
    }

    let recorded: BTreeMap<String, String> = std::fs::read_to_string(MANIFEST)
        .expect(
            "tests/report-hashes.tsv missing: run UPDATE_HASHES=1 cargo test --test report_hashes",
        )
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(n, h)| (n.to_string(), h.to_string()))
        .collect();
    let changed: Vec<&String> = now
        .iter()
        .filter(|(n, h)| recorded.get(*n) != Some(*h))
        .map(|(n, _)| n)
        .collect();
    let gone: Vec<&String> = recorded.keys().filter(|n| !now.contains_key(*n)).collect();
    assert!(
        changed.is_empty() && gone.is_empty(),
        "reports differ from tests/report-hashes.tsv for {changed:?}; recorded texts not found: {gone:?}"
    );
    assert!(now.len() >= 60, "only {} texts compared", now.len());
}

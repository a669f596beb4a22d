//! Corpus mode on the command line: `wenxi corpus` and `wenxi merge` (issue 15). Shards
//! merged give the one run's report byte for byte, one thread gives what two give, the
//! README's scale-out pipeline does what it says, malformed input is a typed error, and on
//! real provincial reports each report's distinctive terms name its province.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn wenxi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wenxi"))
        .args(args)
        .output()
        .unwrap()
}

/// stdout of a run that must succeed.
fn ok(args: &[&str]) -> Vec<u8> {
    let out = wenxi(args);
    assert!(
        out.status.success(),
        "wenxi {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wenxi-collection-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Six documents of different kinds (the fixtures, traditional and simplified, prose and
/// headings), as `dir/docs/NN.txt`, paths in corpus order.
fn documents(dir: &Path) -> Vec<String> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let mut paths = Vec::new();
    let sources = [
        "report-headings-simp.txt",
        "news-trad-annotated.txt",
        "novel-wrapped-trad.txt",
        "markdown-mixed.md",
    ];
    for (i, name) in sources.iter().enumerate() {
        let text = std::fs::read_to_string(fixtures.join(name)).unwrap();
        let path = docs.join(format!("{i:02}.txt"));
        std::fs::write(&path, &text).unwrap();
        paths.push(path.to_string_lossy().into_owned());
    }
    // And two halves of the first, so that some documents are alike.
    let text = std::fs::read_to_string(fixtures.join(sources[0])).unwrap();
    let mid = text.char_indices().nth(text.chars().count() / 2).unwrap().0;
    for (i, half) in [&text[..mid], &text[mid..]].into_iter().enumerate() {
        let path = docs.join(format!("{:02}.txt", sources.len() + i));
        std::fs::write(&path, half).unwrap();
        paths.push(path.to_string_lossy().into_owned());
    }
    paths
}

#[test]
fn merged_shards_equal_one_run() {
    let dir = scratch("merge");
    let docs = documents(&dir);
    let all: Vec<&str> = docs.iter().map(String::as_str).collect();
    let one = ok(&[&["corpus"], &all[..]].concat());
    // Two shards, and a third of one document: merge takes any number of parts.
    let cuts = [&all[..2], &all[2..5], &all[5..]];
    let mut parts = Vec::new();
    for (i, shard) in cuts.iter().enumerate() {
        let jsonl = ok(&[&["corpus", "--jsonl"], *shard].concat());
        assert_eq!(jsonl.iter().filter(|&&b| b == b'\n').count(), shard.len());
        let part = dir.join(format!("part{i}.jsonl"));
        std::fs::write(&part, jsonl).unwrap();
        parts.push(part.to_string_lossy().into_owned());
    }
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let merged = ok(&[&["merge"], &parts[..]].concat());
    assert!(one == merged, "merge of shards differs from one run");

    // A directory stands for its files in path order: the same report again.
    let folder = dir.join("docs");
    assert!(ok(&["corpus", folder.to_str().unwrap()]) == one);

    let report: serde_json::Value = serde_json::from_slice(&one).unwrap();
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 6);
    assert_eq!(documents[1]["name"], all[1]);
    let first = &documents[0]["distinctive"][0];
    for field in ["word", "count", "g2", "logRatio", "significance"] {
        assert!(first.get(field).is_some(), "distinctive terms have {field}");
    }
    // The two halves of document 0 are most like each other and like the whole.
    let m = &report["similarity"]["matrix"];
    assert!(m[4][5].as_f64().unwrap() > m[4][2].as_f64().unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn one_thread_gives_what_two_give() {
    let dir = scratch("threads");
    let docs = documents(&dir);
    let all: Vec<&str> = docs.iter().map(String::as_str).collect();
    for mode in [&[][..], &["--jsonl"][..]] {
        let one = ok(&[&["corpus", "--threads", "1"], mode, &all[..]].concat());
        let two = ok(&[&["corpus", "--threads", "2"], mode, &all[..]].concat());
        assert!(one == two, "{mode:?}: 1 thread and 2 threads differ");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The README's scale-out pipeline, run as written, gives the one run's report.
#[test]
fn the_readme_pipeline_shards_and_merges() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("export LC_ALL=C")
        .expect("the README shows the scale-out pipeline");
    let script = &readme[start..start + readme[start..].find("```").unwrap()];
    let dir = scratch("pipeline");
    let docs = dir.join("reports");
    std::fs::create_dir_all(&docs).unwrap();
    for (i, path) in documents(&dir).iter().enumerate() {
        std::fs::copy(path, docs.join(format!("报告{i}.txt"))).unwrap();
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_wenxi")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let status = Command::new("bash")
        .args(["-euc", script])
        .current_dir(&dir)
        .env("PATH", path)
        .status()
        .unwrap();
    assert!(status.success(), "the pipeline failed:\n{script}");
    let merged = std::fs::read(dir.join("merged.json")).unwrap();
    // Named as the pipeline names them: reports/报告N.txt, relative to its folder.
    let one = Command::new(env!("CARGO_BIN_EXE_wenxi"))
        .args(["corpus", "reports"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(one.status.success());
    assert!(
        one.stdout == merged,
        "the pipeline's report differs from one run"
    );
    let shards = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".jsonl")
        })
        .count();
    assert_eq!(shards, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn malformed_input_is_a_typed_error() {
    let dir = scratch("errors");
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"version\": 1}\n").unwrap();
    let out = wenxi(&["merge", bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("invalid_summary") && err.contains("line 1"),
        "{err}"
    );

    let docs = documents(&dir);
    let list = dir.join("freq.tsv");
    std::fs::write(&list, "发展\t10\n改革 20\n").unwrap();
    let out = wenxi(&[
        "corpus",
        "--reference-list",
        list.to_str().unwrap(),
        &docs[0],
        &docs[1],
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("invalid_frequency_list") && err.contains("line 2"),
        "{err}"
    );

    let out = wenxi(&["corpus", "--compare", "0:9", &docs[0], &docs[1]]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid_query"));

    // A good list and groups work.
    std::fs::write(&list, "# word\tcount\n发展\t10\n改革\t20\n").unwrap();
    let out = ok(&[
        "corpus",
        "--compare",
        "0:1",
        "--reference-list",
        list.to_str().unwrap(),
        &docs[0],
        &docs[1],
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(report["comparison"]["keyness"]["positive"].is_array());
    assert!(report["reference"]["keyness"]["negative"].is_array());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The short name of a province in a file name such as `2026_江苏省_政府工作报告.txt`: the
/// name between the underscores without 省, 市 or the autonomous region's title.
fn province(file: &str) -> String {
    let name = file.split('_').nth(1).unwrap_or(file);
    let mut short = name;
    for suffix in [
        "壮族自治区",
        "回族自治区",
        "维吾尔自治区",
        "自治区",
        "省",
        "市",
    ] {
        if let Some(s) = name.strip_suffix(suffix) {
            short = s;
            break;
        }
    }
    short.to_string()
}

/// The acceptance check of issue 15 on the reports we have: each 2026 provincial work
/// report's ten most distinctive terms name its own province, in at least 15 of 16.
#[test]
fn distinctive_terms_name_the_province() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/structure/gov-reports");
    if !dir.exists() {
        eprintln!(
            "SKIPPED distinctive_terms_name_the_province: {} is missing (the shared evaluation \
             corpus beside the project)",
            dir.display()
        );
        return;
    }
    let report: serde_json::Value =
        serde_json::from_slice(&ok(&["corpus", "--terms", "10", dir.to_str().unwrap()])).unwrap();
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 16);
    let mut named = 0;
    let mut missed = Vec::new();
    for d in documents {
        let name = d["name"].as_str().unwrap();
        let file = Path::new(name).file_name().unwrap().to_string_lossy();
        let short = province(&file);
        let top: Vec<&str> = d["distinctive"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["word"].as_str().unwrap())
            .collect();
        if top.iter().any(|w| w.contains(short.as_str())) {
            named += 1;
        } else {
            missed.push(format!("{short}: {top:?}"));
        }
    }
    eprintln!("{named} of 16 reports' top-10 distinctive terms name their province");
    assert!(named >= 15, "{named} of 16; missed: {missed:#?}");
}

#[test]
fn queries_over_several_files_label_their_documents() {
    let dir = scratch("queries");
    let paths = documents(&dir);
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut args = vec!["concordance", "的"];
    args.extend(paths.iter().map(String::as_str));
    let found: serde_json::Value = serde_json::from_slice(&ok(&args)).unwrap();
    let names: Vec<&str> = found["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert_eq!(names, paths.iter().map(String::as_str).collect::<Vec<_>>());
    let per: Vec<u64> = found["perDocument"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    let naive: Vec<u64> = texts
        .iter()
        .map(|t| t.matches("的").count() as u64)
        .collect();
    assert_eq!(per, naive);
    assert_eq!(found["total"].as_u64().unwrap(), naive.iter().sum::<u64>());
    assert!(naive.iter().sum::<u64>() > 0);
    for line in found["lines"].as_array().unwrap() {
        let units: Vec<u16> = texts[line["document"].as_u64().unwrap() as usize]
            .encode_utf16()
            .collect();
        let (start, end) = (
            line["start"].as_u64().unwrap() as usize,
            line["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(String::from_utf16(&units[start..end]).unwrap(), "的");
    }
    // A directory is the same corpus as its files.
    let docs_dir = dir.join("docs");
    let by_dir: serde_json::Value =
        serde_json::from_slice(&ok(&["concordance", "的", docs_dir.to_str().unwrap()])).unwrap();
    assert_eq!(by_dir["perDocument"], found["perDocument"]);
    // N-grams carry their range; one file alone answers as a text (no "documents").
    let mut args = vec!["ngrams", "--limit", "20"];
    args.extend(paths.iter().map(String::as_str));
    let grams: serde_json::Value = serde_json::from_slice(&ok(&args)).unwrap();
    let first = &grams["ngrams"][0];
    let range = first["documents"].as_u64().unwrap();
    assert!(range >= 1 && range <= paths.len() as u64 && range <= first["count"].as_u64().unwrap());
    let one: serde_json::Value = serde_json::from_slice(&ok(&["ngrams", &paths[0]])).unwrap();
    assert!(one.get("documents").is_none() && one["ngrams"][0].get("documents").is_none());
    // Collocates over the corpus count the node in every document.
    let mut args = vec!["collocates", "的", "--min", "1"];
    args.extend(paths.iter().map(String::as_str));
    let coll: serde_json::Value = serde_json::from_slice(&ok(&args)).unwrap();
    let words = coll["frequency"].as_u64().unwrap();
    let by_word: serde_json::Value = {
        let mut a = vec!["concordance", "的", "--word"];
        a.extend(paths.iter().map(String::as_str));
        serde_json::from_slice(&ok(&a)).unwrap()
    };
    assert_eq!(words, by_word["total"].as_u64().unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_dictionary_is_a_reference() {
    let dir = scratch("dictionary");
    let paths = documents(&dir);
    let mut args = vec!["corpus", "--reference-dictionary", "--terms", "10"];
    args.extend(paths.iter().map(String::as_str));
    let report: serde_json::Value = serde_json::from_slice(&ok(&args)).unwrap();
    let reference = &report["reference"];
    assert_eq!(reference["name"], "jieba dictionary");
    let positive = reference["keyness"]["positive"].as_array().unwrap();
    assert_eq!(positive.len(), 10);
    assert!(positive
        .iter()
        .all(|t| t["g2"].as_f64().unwrap() > 0.0 && t["logRatio"].as_f64().unwrap() > 0.0));
    // Only one reference at a time.
    let out = wenxi(&[
        "corpus",
        "--reference-dictionary",
        "--reference-list",
        "x.tsv",
        &paths[0],
    ]);
    assert!(!out.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

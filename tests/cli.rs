//! The command line: the report as JSON, and `--tokens` for scoring segmentation against any
//! gold set (one sentence a line, words separated by single spaces).
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn wenxi(args: &[&str], stdin: &str) -> (String, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wenxi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that fails on its arguments exits before reading: a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.success(),
    )
}

#[test]
fn tokens_mode_writes_one_line_of_words_per_input_line() {
    let input = "會議強調，要推動長江經濟帶發展。\n\n5G和DDR5，增长3.14%\n𦡦👪 最后一行";
    let (out, _, ok) = wenxi(&["--tokens", "-"], input);
    assert!(ok);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    // Words as written (traditional stays traditional), and joining them gives the line back.
    assert!(lines[0].split(' ').any(|w| w == "發展"), "{}", lines[0]);
    for (line, input) in lines.iter().zip(input.lines()) {
        assert_eq!(line.replace(' ', ""), input.replace(' ', ""));
    }
    assert_eq!(lines[1], "");
    assert!(lines[2].split(' ').any(|w| w == "3.14%"));
    assert!(lines[2].split(' ').any(|w| w == "DDR5"));
}

#[test]
fn report_mode_and_errors() {
    let (out, _, ok) = wenxi(
        &["--options", r#"{"topN": 1}"#, "-"],
        "推动发展，推动改革。",
    );
    assert!(ok);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["keywords"][0]["word"], "推动");
    assert_eq!(report["keywords"].as_array().unwrap().len(), 1);

    let (_, err, ok) = wenxi(&["--options", r#"{"topn": 1}"#, "-"], "文本");
    assert!(!ok);
    assert!(
        err.contains("unknown field `topn`") && err.contains("invalid_options"),
        "{err}"
    );
}

/// The lines `--tokens` should write for `input`, worked out from the report's own tokens
/// (`includeTokens`): each line's non-whitespace tokens as written, separated by spaces.
fn lines_from_report(input: &str, report: &serde_json::Value) -> Vec<String> {
    let units: Vec<u16> = input.encode_utf16().collect();
    let mut lines = Vec::new();
    let mut line_start = 0usize;
    let mut ends: Vec<usize> = (0..units.len())
        .filter(|&i| units[i] == u16::from(b'\n'))
        .collect();
    if !units.is_empty() && units.last() != Some(&u16::from(b'\n')) {
        ends.push(units.len());
    }
    let tokens = report["tokens"].as_array().unwrap();
    let mut next = tokens.iter().peekable();
    for end in ends {
        let mut words = Vec::new();
        while let Some(t) = next.next_if(|t| (t["start"].as_u64().unwrap() as usize) < end) {
            let (start, stop) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            if t["kind"] == "whitespace" || start < line_start {
                continue;
            }
            let word: String = String::from_utf16_lossy(&units[start..stop.min(end)])
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if !word.is_empty() {
                words.push(word);
            }
        }
        lines.push(words.join(" "));
        line_start = end + 1;
    }
    lines
}

#[test]
fn tokens_mode_writes_the_words_of_the_report() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    // The fixtures' texts (pages/ included: whole HTML pages), each file once.
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.extend(
        std::fs::read_dir(format!("{dir}/pages"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "html")),
    );
    paths.retain(|p| p.is_file());
    paths.sort();
    let mut inputs: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    inputs.push(
        "會議強(qiáng)調，<b>推動</b>長江經濟帶&nbsp;發展。\r\n\n  ＡＢＣ 1,234 iPhone 15\n".into(),
    );
    inputs.push("没有换行的最后一行".into());
    for options in [
        r#"{}"#,
        r#"{"convert": false, "compounds": false, "words": ["经济带发展"]}"#,
    ] {
        for input in &inputs {
            let (tokens, _, ok) = wenxi(&["--tokens", "--options", options, "-"], input);
            assert!(ok);
            let with_tokens = options.replacen('{', r#"{"includeTokens": true, "#, 1);
            let with_tokens = with_tokens.replace(", }", "}");
            let (json, err, ok) = wenxi(&["--options", &with_tokens, "-"], input);
            assert!(ok, "{err}");
            let report: serde_json::Value = serde_json::from_str(&json).unwrap();
            let want = lines_from_report(input, &report);
            let got: Vec<&str> = tokens.lines().collect();
            assert_eq!(got, want, "options {options}");
        }
    }
}

/// A text to query: two headed sections, traditional and simplified forms of one word, a word
/// with an annotation, Latin, and an astral character before the rest (UTF-16 offsets).
const QUERY_TEXT: &str = "𦡦一、总体要求\n推动高质量发展。實現高质量发展，坚持高质量发展！\n二、重点任务\n高质量发展是首要任务。推动發(fā)展，推动改革。AI和ai。\n";

/// `wenxi ARGS` on `QUERY_TEXT` through standard input, as JSON.
fn query(args: &[&str]) -> serde_json::Value {
    let (out, err, ok) = wenxi(args, QUERY_TEXT);
    assert!(ok, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

/// `text.slice(start, end)` in UTF-16, as JS would cut it.
fn slice(text: &str, start: &serde_json::Value, end: &serde_json::Value) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    String::from_utf16(&units[s..e]).unwrap()
}

#[test]
fn concordance_counts_every_occurrence_and_offsets_slice_back() {
    let json = query(&["concordance", "高质量发展", "-"]);
    assert_eq!(
        json["total"],
        QUERY_TEXT.matches("高质量发展").count() as u64
    );
    let lines = json["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 4);
    for l in lines {
        let mut keys: Vec<&str> = l.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["end", "left", "match", "right", "start"]);
        assert_eq!(slice(QUERY_TEXT, &l["start"], &l["end"]), "高质量发展");
        assert_eq!(l["match"], "高质量发展");
    }
    assert_eq!(
        lines[0]["left"], "𦡦一、总体要求 推动",
        "20 chars a side, line breaks as spaces"
    );
    // As a word: 发展 finds 發展 (the annotated one too, whose offsets span the annotation).
    let json = query(&["concordance", "发展", "--word", "--context", "3", "-"]);
    let lines = json["lines"].as_array().unwrap();
    let last = lines.last().unwrap();
    assert_eq!(slice(QUERY_TEXT, &last["start"], &last["end"]), "發(fā)展");
    assert_eq!(last["match"], "發展");
    let json = query(&[
        "concordance",
        r"推动\p{Han}{2}",
        "--regex",
        "--limit",
        "1",
        "-",
    ]);
    assert_eq!(json["total"], 3);
    assert_eq!(json["lines"].as_array().unwrap().len(), 1);
    // A costly pattern is refused, with the kind.
    let (_, err, ok) = wenxi(
        &["concordance", r"(\w{50}){50}", "--regex", "-"],
        QUERY_TEXT,
    );
    assert!(
        !ok && err.contains("too costly") && err.contains("invalid_query"),
        "{err}"
    );
}

#[test]
fn collocates_ngrams_terms_dispersion_and_trends_have_their_shapes() {
    let text_words = QUERY_TEXT.matches("高质量").count() as u64;
    let json = query(&["collocates", "高质量", "-", "--window", "2,2", "--min", "1"]);
    let collocates = json["collocates"].as_array().unwrap();
    assert!(!collocates.is_empty());
    for c in collocates {
        for key in ["word", "count", "mi", "tScore", "logLikelihood", "logDice"] {
            assert!(c.get(key).is_some(), "{key} in {c}");
        }
        let word = c["word"].as_str().unwrap();
        let count = c["count"].as_u64().unwrap();
        assert!(count <= c["frequency"].as_u64().unwrap());
        assert!(count <= text_words * 4, "{word}: {count}");
        assert!(
            count as usize <= QUERY_TEXT.matches(word).count() + 1,
            "{word} {count}"
        );
    }
    assert_eq!(json["frequency"], text_words);

    let json = query(&["ngrams", "-", "--n", "2,3", "--min", "2"]);
    let ngrams = json["ngrams"].as_array().unwrap();
    let top = &ngrams[0];
    assert_eq!(top["words"], serde_json::json!(["高质量", "发展"]));
    assert_eq!(top["count"], 4);
    for g in ngrams {
        let joined: String = g["words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        assert!(
            g["count"].as_u64().unwrap() as usize <= QUERY_TEXT.matches(&joined).count().max(1) + 1,
            "{g}"
        );
    }

    let json = query(&["terms", "-"]);
    let terms = json["terms"].as_array().unwrap();
    assert_eq!(terms[0]["term"], "高质量发展");
    assert_eq!(terms[0]["count"], 4);

    let json = query(&["dispersion", "-", "发展", "改革"]);
    assert_eq!(
        json["parts"].as_array().unwrap().len(),
        2,
        "the two headed sections"
    );
    let w = &json["words"][0];
    // 高质量发展 is 高质量 + 发展 to the analysis: four, and the annotated 發展.
    assert_eq!(w["count"], 5);
    assert_eq!(w["counts"], serde_json::json!([3, 2]));
    for p in w["positions"].as_array().unwrap() {
        assert!(["发展", "發(fā)展"].contains(&slice(QUERY_TEXT, &p[0], &p[1]).as_str()));
    }
    let json = query(&["trends", "-", "改革", "--segments", "3"]);
    assert_eq!(json["series"][0]["counts"].as_array().unwrap().len(), 3);
}

#[test]
fn levels_profile_and_marks_agree_and_slice_back() {
    let profile = query(&["levels", "-", "--level", "3"]);
    let levels = profile["levels"].as_array().unwrap();
    assert_eq!(levels.len(), 8, "levels 1 to 7, then beyond");
    let graded: u64 = levels.iter().map(|r| r["tokens"].as_u64().unwrap()).sum();
    assert_eq!(profile["graded"]["tokens"].as_u64().unwrap(), graded);
    assert_eq!(profile["apart"]["latin"]["tokens"], 2, "AI and ai");
    let marks = query(&["levels", "-", "--level", "3", "--marks"]);
    let spans = marks["spans"].as_array().unwrap();
    assert_eq!(
        spans.len() as u64,
        graded,
        "a place per graded running word"
    );
    let words: Vec<String> = spans
        .iter()
        .map(|s| slice(QUERY_TEXT, &s["start"], &s["end"]))
        .collect();
    assert!(words.contains(&"發(fā)展".to_string()), "{words:?}");
    // 发展 (level 3) is known at level 3; whatever is unknown is above it or beyond.
    for s in spans {
        let known = s["known"].as_bool().unwrap();
        assert_eq!(known, s["level"].as_u64().is_some_and(|l| l <= 3), "{s}");
    }
    let unknown: u64 = profile["unknown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["count"].as_u64().unwrap())
        .sum();
    let unmarked = spans.iter().filter(|s| s["known"] == false).count() as u64;
    assert_eq!(unmarked, unknown);
    let third = &marks["bands"][2];
    assert_eq!(third["level"], 3);
    assert!(third["keys"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("发展")));
    let (_, err, ok) = wenxi(&["levels", "-", "--level", "8"], QUERY_TEXT);
    assert!(!ok && err.contains("invalid_query"), "{err}");
}

#[test]
fn subcommands_refuse_bad_arguments() {
    for args in [
        &["ngrams", "-", "--n", "1,7"][..],
        &["collocates", "x", "-", "--window", "0,0"],
        &["terms", "-", "--min", "1"],
    ] {
        let (_, err, ok) = wenxi(args, QUERY_TEXT);
        assert!(!ok && err.contains("invalid_query"), "{args:?}: {err}");
    }
    let (_, err, ok) = wenxi(&["concordance", "x", "-", "--sort", "sideways"], QUERY_TEXT);
    assert!(!ok && err.contains("sideways"), "{err}");
}

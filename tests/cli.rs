//! The command line: the report as JSON, and `--tokens` for scoring segmentation against any
//! gold set (one sentence a line, words separated by single spaces).

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

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

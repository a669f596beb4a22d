//! Hostile and degenerate inputs, one test each: every one gives a report that passes the
//! shared invariants (`tests/common/invariants.rs`) or a typed error, never a panic, and the
//! analyzer stays usable afterwards. The large ones run under a hang guard: a super-linear
//! path (regex backtracking, a quadratic rescan) would not finish, and the guard turns that
//! into a failure that names the input instead of a stuck test run.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use wenxi::report::{Report, TokenKind};
use wenxi::script::Converter;
use wenxi::{Analyzer, Error, Options, MAX_INPUT_UTF16};

mod common;
use common::invariants;

/// Analyse with the invariant options and check the invariants; the report for more checks.
fn checked(text: &str) -> Report {
    let mut analyzer = Analyzer::new();
    let converter = Converter::new();
    if let Err(e) = invariants::check(&mut analyzer, &converter, text) {
        panic!("{e} on {:?}", text.chars().take(200).collect::<String>());
    }
    analyzer.analyze(text, &invariants::options()).unwrap()
}

/// [`checked`] on another thread, failing if it takes longer than `limit`. Generous limits:
/// a hang detector, not a benchmark (`node scripts/bench.mjs` measures speed).
fn checked_within(name: &str, limit: Duration, text: String) -> Report {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(checked(&text));
    });
    match rx.recv_timeout(limit) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: no report within {limit:?}: a super-linear path")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{name}: the analysis panicked"),
    }
}

fn words(r: &Report) -> Vec<&str> {
    r.keywords.iter().map(|k| k.word.as_str()).collect()
}

const MINUTE: Duration = Duration::from_secs(60);

#[test]
fn empty_text() {
    let r = checked("");
    assert!(r.keywords.is_empty());
    assert_eq!(
        (r.stats.characters, r.stats.tokens, r.stats.words),
        (0, 0, 0)
    );
    assert!(r.tokens.unwrap().is_empty());
}

#[test]
fn whitespace_only() {
    let text = " \t\n\r\n\u{3000}\u{A0}\u{2028}\n\n   ";
    let r = checked(text);
    assert!(r.keywords.is_empty());
    assert_eq!(r.stats.words, 0);
    assert!(r.sections.iter().all(|s| s.title.trim().is_empty()));
}

#[test]
fn one_character() {
    for text in ["中", "a", "7", "。", "👪", "𦡦", "\u{0}"] {
        let r = checked(text);
        let len = text.encode_utf16().count() as u32;
        assert_eq!(r.stats.utf16_length, len, "{text:?}");
        assert_eq!(r.sections.len(), 1, "{text:?}");
    }
    assert_eq!(words(&checked("𦡦")), ["𦡦"]);
}

#[test]
fn punctuation_only() {
    let r = checked("，。！？；：“”「」《》……——、,.!?;:()（）【】");
    assert!(r.keywords.is_empty());
    let tokens = r.tokens.unwrap();
    assert!(!tokens.is_empty());
    assert!(tokens
        .iter()
        .all(|t| matches!(t.kind, TokenKind::Punctuation | TokenKind::Other)));
}

#[test]
fn emoji_and_astral_only() {
    let text = "👪👍🏽🇨🇳🧑‍💻😀𝕏𝒜🀄";
    let r = checked(text);
    assert!(r.keywords.is_empty(), "{:?}", words(&r));
    // Astral chars are two UTF-16 units each, and the tokens cover them exactly.
    let tokens = r.tokens.unwrap();
    assert_eq!(
        tokens.last().unwrap().end as usize,
        text.encode_utf16().count()
    );
    // Han outside the BMP (CJK Extension B) is counted as Han.
    let r = checked("𦡦𠀀𦡦，𠀀𦡦。");
    assert!(r.keywords.iter().any(|k| k.word.contains('𦡦')));
}

#[test]
fn replacement_chars_where_js_had_unpaired_surrogates() {
    // wasm-bindgen passes a JS string with a lone surrogate as U+FFFD (one UTF-16 unit each,
    // so offsets still line up; the Node test checks that end to end).
    let text = "\u{FFFD}经济\u{FFFD}发展\u{FFFD}\u{FFFD}经济";
    let r = checked(text);
    let jingji = r.keywords.iter().find(|k| k.word == "经济").unwrap();
    assert_eq!(jingji.occurrences, [(1, 3), (8, 10)]);
}

#[test]
fn nul_and_control_characters() {
    let text = "\u{0}经济\u{7}发展\u{1B}[31m经济\u{8}\u{7F}\u{85}发展\u{0}\u{0}";
    let r = checked(text);
    let ws = words(&r);
    assert!(ws.contains(&"经济") && ws.contains(&"发展"), "{ws:?}");
    assert!(r
        .keywords
        .iter()
        .all(|k| !k.word.chars().any(char::is_control)));
}

#[test]
fn bidi_and_zero_width_marks() {
    let text = "\u{202E}经济\u{202C}发展\u{2066}经\u{200B}济\u{2069}\u{200F}发展\u{FEFF}";
    let r = checked(text);
    let jingji = r.keywords.iter().find(|k| k.word == "经济").unwrap();
    // The zero-width space inside 经\u{200B}济 is removed for analysis; the occurrence spans it.
    assert_eq!(jingji.count, 2);
    assert_eq!(jingji.occurrences[1], (7, 10));
    assert!(r
        .keywords
        .iter()
        .all(|k| !k.word.contains(['\u{202E}', '\u{2066}', '\u{200B}'])));
}

#[test]
fn ten_megabyte_line_without_punctuation() {
    // 10 MB of Han with no punctuation and no line break: one "sentence" for jieba's DAG.
    let unit = "经济发展推动改革创新驱动城乡融合";
    let repeats = 10_000_000 / unit.len() + 1;
    let r = checked_within("10 MB line", 5 * MINUTE, unit.repeat(repeats));
    assert_eq!(r.sections.len(), 1);
    let jingji = r.keywords.iter().find(|k| k.word == "经济").unwrap();
    assert_eq!(jingji.count as usize, repeats);
}

#[test]
fn a_hundred_thousand_headings() {
    let mut text = String::new();
    for i in 1..=100_000 {
        text.push_str(&format!("第{i}章 经济发展\n内容。\n"));
    }
    let r = checked_within("100,000 headings", 5 * MINUTE, text);
    assert_eq!(r.sections.iter().filter(|s| s.heading).count(), 100_000);
}

#[test]
fn deeply_nested_heading_levels() {
    // Every heading form at once, then numbered headings 300 levels deep (1.1.1…): levels
    // are relative and must not overflow or recurse. A text that marks its headings with `#`
    // has no numbered headings (its numbered lines are list items), so the Markdown levels
    // come in a text of their own.
    let marked = String::from(
        "# 一\n## 二\n### 三\n#### 四\n##### 五\n###### 六\n第一编 总则\n第一分编 通则\n第一章 目的\n第一节 范围\n第一条 内容。\n附件一\n",
    );
    let r = checked_within("nested Markdown headings", MINUTE, marked);
    assert_eq!(r.sections.iter().filter(|s| s.heading).count(), 11);
    assert!(r.sections.iter().all(|s| s.level >= 1));
    let mut text = String::from(
        "第一编 总则\n第一章 目的\n第一节 范围\n第一条 内容。\n一、总体\n（一）部分\n1. 条目\n1.1 细目\n（1）小项\n① 要点\n",
    );
    let mut number = String::from("1");
    for _ in 0..300 {
        text.push_str(&format!("{number} 标题\n内容。\n"));
        number.push_str(".1");
    }
    let r = checked_within("nested headings", MINUTE, text);
    assert!(r.sections.iter().filter(|s| s.heading).count() >= 10);
    assert!(r.sections.iter().all(|s| s.level >= 1));
}

#[test]
fn a_whole_html_page() {
    let text = r#"<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>经济新闻</title>
<style>body { font-family: sans-serif } .x::after { content: "样式不是正文" }</style>
<script>var 脚本不是正文 = "<p>" + 1; if (a < b && c > d) { alert("x") }</script>
<!-- 注释不是正文 <p>隐藏</p> -->
</head><body><nav><a href="/">首页</a> | <a href="javascript:alert(1)">新闻</a></nav>
<h1>长江经济带发展</h1><p>推动长江经济带高质量发展&nbsp;&mdash;&nbsp;生态优先，绿色发展。</p>
<p>经济发展&amp;改革开放</p><img src=x onerror="alert(1)"><svg onload=alert(1)><circle/></svg>
</body></html>"#;
    let r = checked(text);
    let ws = words(&r);
    assert!(ws.contains(&"发展"), "{ws:?}");
    for bad in [
        "样式不是正文",
        "脚本不是正文",
        "注释不是正文",
        "alert",
        "href",
        "onerror",
        "script",
        "nbsp",
        "mdash",
    ] {
        assert!(
            r.keywords.iter().all(|k| !k.word.contains(bad)),
            "{bad} in {ws:?}"
        );
    }
    assert!(r.cleaning.tags > 10 && r.cleaning.entities >= 4);
}

#[test]
fn pathological_annotation_and_markup_patterns_stay_linear() {
    let n = 200_000;
    let cases: Vec<(&str, String)> = vec![
        ("(a)(a)(a)…", format!("中{}", "(a)".repeat(n))),
        ("(jīng)(jīng)…", format!("經{}", "(jīng)".repeat(n))),
        ("unclosed (", format!("中{}", "(jing".repeat(n))),
        ("((((", format!("中{}", "(".repeat(n))),
        ("<<<<", "<".repeat(n)),
        ("<a <a <a", "<a ".repeat(n)),
        ("unclosed comments", "<!--".repeat(n)),
        ("unclosed script", format!("<script>{}", "经济".repeat(n))),
        ("&&&&", "&".repeat(n)),
        ("&#&#&#", "&#".repeat(n)),
        ("&nbsp without ;", "&nbsp".repeat(n)),
        ("mojibake", "鍙戝睍".repeat(n)),
        ("```", "```\n".repeat(n)),
        ("# # # #", "# ".repeat(n)),
        ("1.1.1.1 one line", format!("{} 标题", "1.".repeat(n))),
        ("（一）（一）", "（一）".repeat(n)),
        ("\\r\\r\\r", "\r".repeat(n)),
    ];
    for (name, text) in cases {
        checked_within(name, MINUTE, text);
    }
}

#[test]
fn over_the_limit_is_a_typed_error_and_the_analyzer_lives_on() {
    let mut analyzer = Analyzer::new();
    let text = "字".repeat(MAX_INPUT_UTF16 + 1);
    let options = Options::default();
    match analyzer.analyze(&text, &options) {
        Err(Error::InputTooLarge { utf16_length, max }) => {
            assert_eq!((utf16_length, max), (MAX_INPUT_UTF16 + 1, MAX_INPUT_UTF16));
        }
        other => panic!("expected InputTooLarge, got {:?}", other.map(|_| ())),
    }
    assert!(matches!(
        analyzer.tokenize(&text, &options),
        Err(Error::InputTooLarge { .. })
    ));
    // Astral chars count two units each: half as many of them reach the limit.
    let astral = "𦡦".repeat(MAX_INPUT_UTF16 / 2 + 1);
    assert!(analyzer.analyze(&astral, &options).is_err());
    // The caller's text is untouched and the analyzer still works.
    assert_eq!(text.chars().count(), MAX_INPUT_UTF16 + 1);
    let r = analyzer.analyze("经济发展", &options).unwrap();
    assert_eq!(r.keywords.len(), 2);
}

#[test]
fn exactly_at_the_limit_is_analysed() {
    let unit = "经济发展，推动改革。\n";
    let mut text = unit.repeat(MAX_INPUT_UTF16 / unit.chars().count());
    while text.encode_utf16().count() < MAX_INPUT_UTF16 {
        text.push('字');
    }
    assert_eq!(text.encode_utf16().count(), MAX_INPUT_UTF16);
    let mut analyzer = Analyzer::new();
    let r = analyzer.analyze(&text, &Options::default()).unwrap();
    assert_eq!(r.stats.utf16_length as usize, MAX_INPUT_UTF16);
}

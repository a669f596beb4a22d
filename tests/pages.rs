//! Whole web pages, as saved from a browser (`tests/fixtures/pages/`, see `SOURCES.md` there):
//! pasting a page's source must give the report of the text a reader sees. For each page the
//! test finds, on its own and naively, what a reader never sees (comments, and the `<script>`,
//! `<style>`, `<svg>`, `<noscript>` and `<template>` elements) and what remains visible, then
//! checks the report against that: every keyword and section title is visible text, the words
//! found only in hidden markup appear nowhere in the report, every keyword occurrence points
//! at its word in the page and outside hidden markup, and the page's own headline and
//! sentences are kept. The invariants every report keeps (`tests/common/invariants.rs`) are
//! checked too.
//!
//! Run with `cargo test --test pages`. `WENXI_PAGES_DIR=/some/dir cargo test --test pages --
//! --ignored` also runs the general checks over every `.html` file of that folder (pages that
//! cannot be kept in the repository).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use wenxi::normalize::clean;
use wenxi::report::Report;
use wenxi::script::Converter;
use wenxi::{Analyzer, Options};

mod common;
use common::invariants;

const PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages");

/// What each saved page must keep: its headline (`<h1>`), which begins a section title or
/// which a (shortened) section title begins, and
/// sentences of its visible text, found in the cleaned text. And words that occur only in
/// its hidden markup, which the test's own extraction must find as such (so that the checks
/// below have something to catch).
struct Page {
    file: &'static str,
    headline: &'static str,
    sentences: &'static [&'static str],
    hidden_only: &'static [&'static str],
}

const EXPECTED: &[Page] = &[
    Page {
        file: "news-library.html",
        headline: "城东新图书馆开馆 夜间阅览延至二十二时",
        sentences: &[
            "新馆建筑面积约两万三千平方米",
            "开馆首日共接待读者一万一千余人次",
        ],
        hidden_only: &[
            "尝试取消注释这一行",
            "48s21.5",
            "160z",
            "顶部通栏广告位",
            "统计代码",
        ],
    },
    Page {
        file: "gov-heating-notice.html",
        headline: "关于做好2026—2027年供暖季供热保障工作的通知",
        sentences: &["居民住宅卧室、起居室的室内温度不得低于18℃", "特此通知。"],
        hidden_only: &["字号切换", "星期三", "您的浏览器禁用了脚本", "党政机关标识"],
    },
    Page {
        file: "blog-wasm.html",
        headline: "把 Rust 编译成 WebAssembly：一次踩坑记录",
        sentences: &[
            "页面上用 <script type=\"module\"> 引入它",
            "cargo install wasm-pack",
        ],
        hidden_only: &[
            "代码已复制到剪贴板",
            "尝试取消注释这一行",
            "localStorage",
            "JetBrains",
        ],
    },
    Page {
        file: "encyclopedia-panda.html",
        headline: "大熊猫",
        sentences: &[
            "大熊猫是熊科大熊猫属的一种哺乳动物",
            "受威胁等级已经从“濒危”调整为“易危”",
        ],
        hidden_only: &[
            "开放百科标志",
            "分布区示意",
            "本条目正在审核中",
            "正在载入条目摘要",
            "109.3",
        ],
    },
    Page {
        file: "forum-calligraphy.html",
        headline: "每天练字半小时，三个月能看出进步吗？",
        sentences: &[
            "写得慢才能控制笔画，快是熟练以后自然来的。",
            "三个月够看出进步，但别指望写成书法家。",
        ],
        hidden_only: &[
            "推荐算法实验组",
            "抄经十年的心得",
            "登录后查看更多优质回答",
            "请开启浏览器的脚本功能",
            "展开阅读全文",
        ],
    },
];

/// Elements whose content a reader never sees, as this test reads them.
const HIDDEN: [&str; 5] = ["script", "style", "noscript", "svg", "template"];

/// Byte ranges of `html` a reader never sees: comments, and hidden elements from their
/// opening tag through their closing tag (nested `<svg>` and `<template>` counted). A plain
/// reference, written apart from the cleaner and for whole, well-formed pages only.
fn hidden_ranges(html: &str) -> Vec<Range<usize>> {
    let lower = html.to_ascii_lowercase();
    let opens = |at: usize, name: &str| {
        let tag = format!("<{name}");
        lower[at..].starts_with(&tag)
            && matches!(
                lower.as_bytes().get(at + tag.len()),
                Some(b' ' | b'>' | b'\n' | b'\t' | b'/')
            )
    };
    let mut ranges = Vec::new();
    let mut i = 0;
    while let Some(lt) = lower[i..].find('<') {
        let start = i + lt;
        if lower[start..].starts_with("<!--") {
            let end = lower[start..].find("-->").map(|e| start + e + 3);
            let end = end.expect("every comment in the saved pages is closed");
            ranges.push(start..end);
            i = end;
            continue;
        }
        let Some(name) = HIDDEN.iter().find(|name| opens(start, name)) else {
            i = start + 1;
            continue;
        };
        let close = format!("</{name}");
        let nests = matches!(*name, "svg" | "template");
        let mut depth = 0;
        let mut j = start;
        let end = loop {
            let next = lower[j + 1..].find('<').map(|k| j + 1 + k);
            let at = next.expect("every hidden element in the saved pages is closed");
            if lower[at..].starts_with(&close) {
                if depth == 0 {
                    break at + lower[at..].find('>').unwrap() + 1;
                }
                depth -= 1;
            } else if nests && opens(at, name) {
                depth += 1;
            }
            j = at;
        };
        ranges.push(start..end);
        i = end;
    }
    ranges
}

/// What a reader sees: the page without its hidden ranges and tags, entities decoded.
fn visible_text(html: &str, hidden: &[Range<usize>]) -> String {
    let mut shown = String::new();
    let mut at = 0;
    for r in hidden {
        shown.push_str(&html[at..r.start]);
        shown.push('\n');
        at = r.end;
    }
    shown.push_str(&html[at..]);
    let mut text = String::new();
    let mut rest = shown.as_str();
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>') {
            Some(gt) if is_tag => {
                text.push('\n');
                rest = &after[gt + 1..];
            }
            _ => {
                text.push('<');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    html_escape::decode_html_entities(&text).into_owned()
}

/// How words are compared: NFKC (the cleaner folds full-width letters), lower case, without
/// whitespace or U+FFFD (the cleaner makes a run of them one).
fn squeeze(s: &str) -> String {
    s.nfkc()
        .filter(|&c| !c.is_whitespace() && c != '\u{FFFD}')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words of the hidden ranges (runs of ASCII letters, digits and `._-`, and runs of Han
/// characters, two chars or more) that occur nowhere in the visible text.
fn hidden_only_words(html: &str, hidden: &[Range<usize>], visible: &str) -> BTreeSet<String> {
    let visible = squeeze(visible);
    let mut words = BTreeSet::new();
    for r in hidden {
        let part = &html[r.clone()];
        let mut word = String::new();
        let mut han = false;
        for c in part.chars().chain(std::iter::once(' ')) {
            let c_han = ('\u{4E00}'..='\u{9FFF}').contains(&c);
            let c_ascii = c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
            if (c_han && han) || (c_ascii && !han && !word.is_empty()) {
                word.push(c);
                continue;
            }
            if word.chars().count() >= 2 && !visible.contains(&squeeze(&word)) {
                words.insert(word.clone());
            }
            word.clear();
            if c_han || c_ascii {
                word.push(c);
                han = c_han;
            }
        }
    }
    words
}

/// UTF-16 offset of each byte offset that starts a char, and of the end.
fn utf16_offsets(s: &str) -> Vec<u32> {
    let mut at = vec![0; s.len() + 1];
    let mut units = 0u32;
    for (i, c) in s.char_indices() {
        at[i] = units;
        units += c.len_utf16() as u32;
    }
    at[s.len()] = units;
    at
}

fn analyze(html: &str) -> Report {
    let options = Options {
        top_n: usize::MAX,
        ..Options::default()
    };
    Analyzer::new().analyze(html, &options).unwrap()
}

/// The checks every saved page must pass, the invariants every report keeps included; returns
/// the words found only in hidden markup.
fn check_page(name: &str, html: &str, report: &Report) -> BTreeSet<String> {
    if let Err(e) = invariants::check(&mut Analyzer::new(), &Converter::new(), html) {
        panic!("{name}: {e}");
    }
    let hidden = hidden_ranges(html);
    let visible = visible_text(html, &hidden);
    let visible_squeezed = squeeze(&visible);
    let hidden_only = hidden_only_words(html, &hidden, &visible);
    let utf16 = utf16_offsets(html);
    let hidden16: Vec<Range<u32>> = hidden
        .iter()
        .map(|r| utf16[r.start]..utf16[r.end])
        .collect();
    let units: Vec<u16> = html.encode_utf16().collect();
    let converter = Converter::new();

    assert!(!report.keywords.is_empty(), "{name}: no keywords");
    for k in &report.keywords {
        assert!(
            visible_squeezed.contains(&squeeze(&k.word)),
            "{name}: keyword {:?} is not visible text",
            k.word
        );
        assert!(
            !hidden_only.contains(&k.word),
            "{name}: keyword {:?} occurs only in hidden markup",
            k.word
        );
        for &(start, end) in &k.occurrences {
            let inside = hidden16.iter().find(|r| start < r.end && end > r.start);
            assert!(
                inside.is_none(),
                "{name}: {:?} at {start}..{end} lies in hidden markup {inside:?}",
                k.word
            );
            // Later occurrences may be written in the other script: 設計 counts as 设计.
            let written = String::from_utf16(&units[start as usize..end as usize]).unwrap();
            let read = clean(&written).text;
            assert!(
                read == k.word || converter.to_simplified(&read).to_lowercase() == k.key,
                "{name}: {:?} (key {:?}) at {start}..{end} is {written:?}",
                k.word,
                k.key
            );
        }
    }
    for s in &report.sections {
        let title = squeeze(s.title.trim_end_matches('…'));
        assert!(
            visible_squeezed.contains(&title),
            "{name}: section title {:?} is not visible text",
            s.title
        );
        for word in &hidden_only {
            assert!(
                !title.contains(&squeeze(word)),
                "{name}: section title {:?} holds {word:?}, found only in hidden markup",
                s.title
            );
        }
    }
    assert!(
        report.cleaning.hidden as usize >= hidden.len(),
        "{name}: {} hidden, the reference found {}",
        report.cleaning.hidden,
        hidden.len()
    );
    hidden_only
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn saved_pages_read_as_their_visible_text() {
    let listed: BTreeSet<&str> = EXPECTED.iter().map(|p| p.file).collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(PAGES)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html"))
        .collect();
    assert_eq!(
        on_disk.iter().map(String::as_str).collect::<BTreeSet<_>>(),
        listed,
        "every page in {PAGES} has its expectations here"
    );

    for page in EXPECTED {
        let name = page.file;
        let html = read(&Path::new(PAGES).join(name));
        let report = analyze(&html);
        let hidden_only = check_page(name, &html, &report);

        for word in page.hidden_only {
            assert!(
                hidden_only.iter().any(|w| w.contains(word)),
                "{name}: {word:?} should occur only in hidden markup; found {hidden_only:?}"
            );
        }
        let heads = |s: &wenxi::report::Section| {
            let title = s.title.trim_end_matches('…');
            title.chars().count() >= 2
                && (page.headline.starts_with(title) || title.starts_with(page.headline))
        };
        assert!(
            report.sections.iter().any(heads),
            "{name}: headline {:?} is not a section title: {:?}",
            page.headline,
            report.sections.iter().map(|s| &s.title).collect::<Vec<_>>()
        );
        let cleaned = clean(&html).text;
        for sentence in page.sentences {
            assert!(
                cleaned.contains(sentence),
                "{name}: {sentence:?} is not in the cleaned text"
            );
        }
    }
}

#[test]
fn the_reference_finds_what_it_should() {
    let html = "<p>甲</p><!-- 注 --><svg><svg></svg><text>图</text></svg><SCRIPT>x</SCRIPT >乙";
    let hidden = hidden_ranges(html);
    let parts: Vec<&str> = hidden.iter().map(|r| &html[r.clone()]).collect();
    assert_eq!(
        parts,
        [
            "<!-- 注 -->",
            "<svg><svg></svg><text>图</text></svg>",
            "<SCRIPT>x</SCRIPT >"
        ]
    );
    assert_eq!(squeeze(&visible_text(html, &hidden)), "甲乙");
    let words = hidden_only_words(html, &hidden, &visible_text(html, &hidden));
    assert!(
        words.contains("svg") && words.contains("SCRIPT"),
        "{words:?}"
    );
}

/// Pages that cannot be kept in the repository (saved from sites whose terms do not allow it)
/// can still be checked: `WENXI_PAGES_DIR=dir cargo test --test pages -- --ignored`. Ignored in
/// the test command, which has no such folder, and said so in its output.
#[test]
#[ignore = "needs WENXI_PAGES_DIR, a folder of real saved pages kept outside the repository"]
fn pages_from_elsewhere() {
    let dir = std::env::var_os("WENXI_PAGES_DIR")
        .expect("WENXI_PAGES_DIR names the folder of saved .html pages to check");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .html files in {dir:?}");
    for path in files {
        let html = read(&path);
        check_page(&path.display().to_string(), &html, &analyze(&html));
    }
}

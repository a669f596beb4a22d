//! The whole pipeline on texts of the kinds users paste: what a reader must see in the report.
#![cfg(not(target_arch = "wasm32"))]

use wenxi::report::{ScriptKind, TokenKind};
use wenxi::{Analyzer, Options, Report};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn analyze(text: &str) -> Report {
    Analyzer::new().analyze(text, &Options::default()).unwrap()
}

/// The text at a UTF-16 range, as JS `slice()` would give it.
fn utf16_slice(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[start as usize..end as usize])
}

fn is_pinyin_like(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c))
}

/// A municipal news report pasted from a web page: traditional characters with inline pinyin
/// after the characters a converter changed, half-width commas, an `&nbsp;`, and mojibake plus
/// a stray `</p>` at the end. Seven paragraphs, no headings.
#[test]
fn annotated_traditional_news_reads_as_a_reader_reads_it() {
    let text = fixture("news-trad-annotated.txt");
    let r = analyze(&text);

    assert_eq!(r.script.kind, ScriptKind::Traditional);
    assert!(r.script.converted);
    assert_eq!(r.cleaning.annotations, 81);
    assert_eq!(r.cleaning.entities, 1);
    assert!(
        r.cleaning.tags >= 1 && r.cleaning.mojibake >= 1,
        "{:?}",
        r.cleaning
    );

    // Seven sections, one per paragraph, titled by their opening clauses.
    let titles: Vec<&str> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(r.sections.len(), 7, "{titles:?}");
    assert_eq!(titles[0], "3月8日");
    // Long opening clauses are clipped for the outline.
    assert!(
        titles[1].starts_with("會議學習貫徹了中央關於推動長江經濟帶"),
        "{titles:?}"
    );
    assert_eq!(titles[2], "會議強調");
    assert!(r.sections.iter().all(|s| s.level == 1 && !s.heading));

    // Keywords as written (traditional, no annotations), nothing that is not a word.
    let words: Vec<&str> = r.keywords.iter().map(|k| k.word.as_str()).collect();
    for want in ["發展", "推動", "長江經濟帶", "工作", "會議"] {
        assert!(words.contains(&want), "{want} missing from {words:?}");
    }
    for k in &r.keywords {
        assert!(!is_pinyin_like(&k.word), "pinyin keyword {:?}", k.word);
        assert!(k.word != "p" && !k.word.contains('?') && !k.word.contains('\u{FFFD}'));
        assert!(k.word.chars().any(char::is_alphanumeric), "{:?}", k.word);
    }
    // 發展 is counted across its annotated and plain spellings, and its first offset points
    // at the user's text, annotation included.
    let fazhan = r.keywords.iter().find(|k| k.word == "發展").unwrap();
    assert!(fazhan.count >= 6, "{}", fazhan.count);
    assert_eq!(
        utf16_slice(&text, fazhan.first, fazhan.first + 6),
        "發(fā)展"
    );
}

#[test]
fn headings_make_a_tree_that_tiles_the_text() {
    let text = fixture("report-headings-simp.txt");
    let r = analyze(&text);
    let outline: Vec<(u8, &str)> = r
        .sections
        .iter()
        .filter(|s| s.heading)
        .map(|s| (s.level, s.title.as_str()))
        .collect();
    let has = |level: u8, title: &str| outline.contains(&(level, title));
    assert!(has(1, "一、过去一年的工作回顾"), "{outline:?}");
    assert!(has(2, "（一）数字基础设施建设"), "{outline:?}");
    assert!(has(1, "三、2025年工作安排"), "{outline:?}");
    // `一是…二是…` inside a paragraph is not a heading.
    assert!(!outline.iter().any(|(_, t)| t.starts_with("一是")));
    // Children point to their parent.
    for (i, s) in r.sections.iter().enumerate() {
        if let Some(p) = s.parent {
            assert!((p as usize) < i && r.sections[p as usize].level < s.level);
        }
    }
    assert_tiles(&text, &r);
    // Numbers and percentages stay whole and are not keywords.
    assert!(r.keywords.iter().all(|k| !k.word.contains('%')));
}

#[test]
fn mixed_chinese_and_english_markdown() {
    let text = fixture("markdown-mixed.md");
    let opts = Options {
        include_tokens: true,
        ..Options::default()
    };
    let r = Analyzer::new().analyze(&text, &opts).unwrap();
    let md: Vec<(u8, &str)> = r
        .sections
        .iter()
        .filter(|s| s.heading)
        .map(|s| (s.level, s.title.as_str()))
        .collect();
    assert_eq!(
        md,
        [
            (1, "Wenxi 使用指南"),
            (2, "安装"),
            (2, "关键词"),
            (3, "停用词")
        ]
    );
    // ＡＩ, AI and ai are one word, shown as first written (folded to half-width).
    let ai = r.keywords.iter().find(|k| k.key == "ai").unwrap();
    assert_eq!((ai.word.as_str(), ai.count), ("AI", 3));
    let wenxi = r.keywords.iter().find(|k| k.key == "wenxi").unwrap();
    assert_eq!(wenxi.count, 4);
    let tokens = r.tokens.as_ref().unwrap();
    assert!(tokens
        .iter()
        .any(|t| t.kind == TokenKind::Latin && t.word == "WebAssembly"));
    assert_tiles(&text, &r);
}

#[test]
fn hard_wrapped_novel_joins_lines_into_paragraphs() {
    let text = fixture("novel-wrapped-trad.txt");
    let r = analyze(&text);
    let chapters: Vec<&str> = r
        .sections
        .iter()
        .filter(|s| s.heading)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(chapters.len(), 2, "{chapters:?}");
    assert!(chapters[0].starts_with("第一回"));
    assert_eq!(
        r.stats.paragraphs, 3,
        "two paragraphs and one, not one per wrapped line (heading lines are not paragraphs)"
    );
    assert!(r.keywords.iter().any(|k| k.word == "讀書人"));
}

#[test]
fn options_change_what_counts() {
    let text = "长江经济带的经济发展。长江经济带要发展。AI和the。";
    let mut a = Analyzer::new();
    let all = a.analyze(text, &Options::default()).unwrap();
    assert!(all.keywords.iter().all(|k| k.word.chars().count() >= 2));

    let singles = Options {
        min_length: 1,
        default_stopwords: false,
        ..Options::default()
    };
    let r = a.analyze(text, &singles).unwrap();
    assert!(r.keywords.iter().any(|k| k.word == "的"));
    assert!(r.keywords.iter().any(|k| k.word == "the"));

    let nouns = Options {
        pos: vec!["ns".into()],
        ..Options::default()
    };
    let r = a.analyze(text, &nouns).unwrap();
    assert!(r.keywords.iter().all(|k| k.pos == "ns"), "{:?}", r.keywords);

    let keep = Options {
        keep_words: vec!["我們".into()],
        ..Options::default()
    };
    let r = a.analyze("我们的我们，我们。", &keep).unwrap();
    assert_eq!(
        r.keywords[0].word, "我们",
        "a built-in stopword kept, matched through conversion"
    );
    assert!(a.builtin_stopwords().iter().any(|w| w == "我们"));
    assert!(
        a.builtin_stopwords().windows(2).all(|w| w[0] < w[1]),
        "sorted"
    );

    let stop = Options {
        stopwords: vec!["發展".into()],
        top_n: 1,
        ..Options::default()
    };
    let r = a.analyze(text, &stop).unwrap();
    assert_eq!(r.keywords.len(), 1);
    assert!(
        r.keywords[0].key != "发展",
        "traditional stopword matches simplified text"
    );

    // A custom word keeps a name whole that jieba would split.
    let before = a.analyze("文析工具很好用。", &Options::default()).unwrap();
    assert!(!before.keywords.iter().any(|k| k.word == "文析工具"));
    let words = Options {
        words: vec!["文析工具".into()],
        ..Options::default()
    };
    let after = a.analyze("文析工具很好用。", &words).unwrap();
    assert_eq!(after.keywords[0].word, "文析工具");

    let no_hmm = Options {
        hmm: false,
        ..Options::default()
    };
    assert!(a.analyze(text, &no_hmm).is_ok());
}

#[test]
fn progress_rises_to_one_through_the_stages() {
    use wenxi::report::Stage;
    let text = "会议强调，要推动长江经济带发展。\n".repeat(40_000);
    let mut seen = Vec::new();
    let r = Analyzer::new()
        .analyze_with_progress(&text, &Options::default(), &mut |p| seen.push(p))
        .unwrap();
    assert!(r.keywords.iter().any(|k| k.word == "发展"));
    for w in seen.windows(2) {
        assert!(w[0].fraction <= w[1].fraction, "{w:?}");
    }
    let stages: Vec<Stage> = seen.iter().map(|p| p.stage).collect();
    assert_eq!(stages.first(), Some(&Stage::Cleaning));
    assert_eq!(
        seen.last().map(|p| (p.stage, p.fraction)),
        Some((Stage::Done, 1.0))
    );
    // A 1.3 MB text is segmented in several chunks, each reported.
    let segmenting = stages.iter().filter(|&&s| s == Stage::Segmenting).count();
    assert!(segmenting >= 5, "{segmenting}");
}

#[test]
fn removed_words_split_and_added_words_join() {
    let mut a = Analyzer::new();
    let opts = Options {
        include_tokens: true,
        hmm: false,
        ..Options::default()
    };
    let words = |a: &mut Analyzer| -> Vec<String> {
        let r = a.analyze("我们研究生命科学。", &opts).unwrap();
        r.tokens.unwrap().into_iter().map(|t| t.word).collect()
    };
    assert!(words(&mut a).contains(&"生命科学".to_string()));
    assert_eq!(
        a.remove_words(&["生命科學"]).unwrap(),
        1,
        "traditional form removes the simplified entry"
    );
    let split = words(&mut a);
    assert!(!split.contains(&"生命科学".to_string()), "{split:?}");
    a.add_words(&["生命科学"]).unwrap();
    assert!(words(&mut a).contains(&"生命科学".to_string()));
    assert_eq!(a.remove_words(&["不在词典里的词"]).unwrap(), 0);
    assert_eq!(a.remove_words(&[" "]).unwrap_err().kind(), "invalid_word");
}

#[test]
fn errors_are_typed_and_keep_the_analyzer_usable() {
    let mut a = Analyzer::new();
    let e = a.add_words(&["有 空格"]).unwrap_err();
    assert_eq!(e.kind(), "invalid_word");
    let e = a.add_words(&[""]).unwrap_err();
    assert_eq!(e.kind(), "invalid_word");
    let big = "字".repeat(wenxi::MAX_INPUT_UTF16 + 1);
    let e = a.analyze(&big, &Options::default()).unwrap_err();
    assert_eq!(e.kind(), "input_too_large");
    assert!(a.analyze("还能用。", &Options::default()).is_ok());
}

#[test]
fn edge_inputs_give_reports() {
    let mut a = Analyzer::new();
    for text in [
        "",
        " ",
        "\n\n",
        "字",
        "。，！",
        "👪𦡦",
        "\u{0}\u{1}",
        "</p>",
        "&nbsp;",
    ] {
        let r = a.analyze(text, &Options::default()).unwrap();
        assert_tiles(text, &r);
        if text.is_empty() {
            assert!(r.sections.is_empty());
        }
    }
}

/// TF-IDF weights use jieba's IDF: over the same simplified text, each of our weights is
/// jieba's `extract_tags` weight times one constant (the two differ only in what the term
/// frequency is divided by).
#[test]
fn tfidf_weights_match_jieba_extract_tags() {
    use upstream_jieba::{Jieba, KeywordExtract, KeywordExtractConfig, TfIdf};
    let text = fixture("report-headings-simp.txt");
    let r = analyze(&text);
    let mut tfidf = TfIdf::default();
    *tfidf.config_mut() = KeywordExtractConfig::builder().use_hmm(true).build();
    let theirs = tfidf.extract_keywords(&Jieba::new(), &text, 1000, Vec::new());
    let mut ratio = None;
    let mut compared = 0;
    for k in &r.keywords {
        let Some(j) = theirs.iter().find(|j| j.keyword == k.word) else {
            continue;
        };
        // Same count in both segmentations (ours may merge number tokens, jieba's not).
        let ours_per_count = k.weight / f64::from(k.count);
        let count_j = text.matches(&k.word).count() as f64;
        let theirs_per_count = j.weight / count_j;
        if text.matches(&k.word).count() as u32 != k.count {
            continue;
        }
        let q = ours_per_count / theirs_per_count;
        let want = *ratio.get_or_insert(q);
        assert!((q / want - 1.0).abs() < 1e-9, "{}: {q} vs {want}", k.word);
        compared += 1;
    }
    assert!(compared >= 10, "only {compared} words compared");
}

/// Sections tile the text and every offset is inside it.
pub fn assert_tiles(text: &str, r: &Report) {
    let len = text.encode_utf16().count() as u32;
    assert_eq!(r.stats.utf16_length, len);
    if len == 0 {
        return;
    }
    assert_eq!(r.sections.first().map(|s| s.start), Some(0));
    assert_eq!(r.sections.last().map(|s| s.end), Some(len));
    for w in r.sections.windows(2) {
        assert_eq!(w[0].end, w[1].start);
        assert!(w[0].start <= w[0].end);
    }
    for k in &r.keywords {
        assert!(k.first < len);
    }
}

/// The user's text cut as the report's tokens cut it, each token sliced from the original
/// by its UTF-16 range.
fn token_texts(text: &str, options: &Options) -> Vec<String> {
    let r = Analyzer::new().analyze(text, options).unwrap();
    r.tokens
        .unwrap()
        .iter()
        .map(|t| utf16_slice(text, t.start, t.end))
        .collect()
}

/// Mixed tokens stay whole in the user's own text (issue 5): numbers with units and digit
/// groups, product names with model numbers, full-width Latin, URLs and e-mail addresses.
/// Dates are cut as jieba cuts them, the convention of the gold segmentations.
#[test]
fn mixed_tokens_stay_whole() {
    let text = "5G和DDR5、COVID-19疫情，增长3.14%，千分之3‰；iPhone 15与Windows 11，\
                ＡＩ发展；2023年2月20日，16,250人、1,234,567元、8000万美元、第6名；\
                见https://example.com/a?b=1或mail@example.org。";
    let options = Options {
        include_tokens: true,
        ..Options::default()
    };
    let toks = token_texts(text, &options);
    for whole in [
        "5G",
        "DDR5",
        "COVID-19",
        "3.14%",
        "3‰",
        "iPhone 15",
        "Windows 11",
        "ＡＩ",
        "16,250",
        "1,234,567",
        "8000万",
        "第6",
        "https://example.com/a?b=1",
        "mail@example.org",
    ] {
        assert!(
            toks.iter().any(|t| t == whole),
            "{whole} not one token in {toks:?}"
        );
    }
    let date = toks.iter().position(|t| t == "2023").expect("2023");
    assert_eq!(toks[date..date + 6], ["2023", "年", "2", "月", "20", "日"]);
}

/// Numerals and demonstratives are cut from their measure words, as the gold segmentations
/// cut them (一个 → 一 个); words that only look like such pairs stay whole.
#[test]
fn measure_words_are_cut_from_their_numerals() {
    let options = Options {
        include_tokens: true,
        ..Options::default()
    };
    let toks = token_texts("这是一个城市，第一个故事，这种方法，两座桥。", &options);
    for pair in [["一", "个"], ["第一", "个"], ["这", "种"], ["两", "座"]] {
        assert!(
            toks.windows(2).any(|w| w == pair),
            "{pair:?} not cut in {toks:?}"
        );
    }
    let toks = token_texts(
        "大家一样努力，一般情况十分一致，一起出发，这些人一定来。",
        &options,
    );
    for whole in ["一样", "一般", "十分", "一起", "这些", "一定"] {
        assert!(toks.iter().any(|t| t == whole), "{whole} split in {toks:?}");
    }
    // An English phrase keeps its number apart: `in 2023`, `bought iPhone 15` read as English.
    let toks = token_texts("他说 I bought iPhone 15 in 2023.", &options);
    assert!(toks.iter().any(|t| t == "15"), "{toks:?}");
}

/// `tokenize` cuts exactly as the analysis does: its ranges are the report's non-whitespace
/// tokens, into the user's own text, annotations and tags left between words.
#[test]
fn tokenize_gives_the_reports_words_as_utf16_ranges() {
    let text = "經(jīng)濟發展<b>很快</b>，iPhone 15 賣得好 👪𦡦。\n第二段 text here";
    let mut analyzer = Analyzer::new();
    let with_tokens = Options {
        include_tokens: true,
        ..Options::default()
    };
    let report = analyzer.analyze(text, &with_tokens).unwrap();
    let want: Vec<u32> = report
        .tokens
        .unwrap()
        .iter()
        .filter(|t| t.kind != TokenKind::Whitespace)
        .flat_map(|t| [t.start, t.end])
        .collect();
    let got = analyzer.tokenize(text, &Options::default()).unwrap();
    assert_eq!(got, want);
    let words: Vec<String> = got
        .chunks(2)
        .map(|p| utf16_slice(text, p[0], p[1]))
        .collect();
    assert_eq!(words[0], "經(jīng)濟", "{words:?}");
    assert!(words.contains(&"iPhone 15".to_string()), "{words:?}");
    assert!(!words.iter().any(|w| w.contains('<')), "{words:?}");
    assert!(got.windows(2).all(|w| w[0] <= w[1]), "ranges rise: {got:?}");
}

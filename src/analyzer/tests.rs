//! Unit tests of what [`Analyzer`] promises: words added stay added until removed, `tokenize`
//! cuts as `analyze` does, progress rises to 1 through the stages in pipeline order, the size
//! limit and bad words are refused before any work, and the same text gives the same report.

use super::*;
use crate::MAX_INPUT_UTF16;

/// The words of `text` as `tokenize` cuts it, sliced out of `text`.
fn words(a: &mut Analyzer, text: &str, options: &Options) -> Vec<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let spans = a.tokenize(text, options).unwrap();
    spans
        .chunks(2)
        .map(|p| String::from_utf16_lossy(&units[p[0] as usize..p[1] as usize]))
        .collect()
}

/// Every stage and fraction `analyze_with_progress` reports for `text`.
fn progress_of(a: &mut Analyzer, text: &str) -> (Report, Vec<Progress>) {
    let mut seen = Vec::new();
    let r = a
        .analyze_with_progress(text, &Options::default(), &mut |p| seen.push(p))
        .unwrap();
    (r, seen)
}

#[test]
fn added_words_stay_added_and_remove_words_undoes_them() {
    let text = "文析工具很好用。數據中臺上線了。数据中台很稳。";
    let fresh = words(&mut Analyzer::new(), text, &Options::default());
    assert!(!fresh.iter().any(|w| w == "文析工具"), "{fresh:?}");
    let mut a = Analyzer::new();
    // Added through the options, the word stays for later calls without them.
    let with_word = Options {
        words: vec!["文析工具".into()],
        ..Options::default()
    };
    a.analyze(text, &with_word).unwrap();
    assert!(words(&mut a, text, &Options::default()).contains(&"文析工具".to_string()));
    assert_eq!(a.add_words(&["文析工具"]).unwrap(), 0, "already there");
    // A traditional word is added in both scripts, and traditional text (segmented
    // through its simplified copy) keeps it whole too.
    assert_eq!(a.add_words(&["數據中臺"]).unwrap(), 2);
    let w = words(&mut a, text, &Options::default());
    for whole in ["文析工具", "數據中臺", "数据中台"] {
        assert!(w.iter().any(|x| x == whole), "{whole} in {w:?}");
    }
    // Removing them, in either script, gives back the fresh segmentation.
    assert_eq!(a.remove_words(&["文析工具", "數據中臺"]).unwrap(), 3);
    assert_eq!(words(&mut a, text, &Options::default()), fresh);
    assert_eq!(a.remove_words(&["从未加过的词"]).unwrap(), 0);
}

#[test]
fn reset_words_gives_back_jiebas_own_dictionary() {
    // 长江 is one of jieba's words: removing it splits it, and only a reset gives it back
    // (adding it again would not restore its original frequency). Without the HMM, which
    // would find 长江 again as an unknown word.
    let text = "长江很长。文析工具很好用。";
    let o = Options {
        hmm: false,
        ..Options::default()
    };
    let fresh = words(&mut Analyzer::new(), text, &o);
    let mut a = Analyzer::new();
    a.add_words(&["文析工具"]).unwrap();
    a.remove_words(&["长江"]).unwrap();
    let changed = words(&mut a, text, &o);
    assert_ne!(changed, fresh);
    assert!(changed.contains(&"文析工具".to_string()), "{changed:?}");
    assert!(!changed.contains(&"长江".to_string()), "{changed:?}");
    a.reset_words();
    assert_eq!(words(&mut a, text, &o), fresh);
}

#[test]
fn tokenize_cuts_exactly_as_analyze() {
    let texts = [
        "經(jīng)濟發展<b>很快</b>，iPhone 15 賣得好 👪𦡦。\n第二段 text here",
        "长江经济带很重要。推动长江经济带发展。长江经济带的生态。",
        "# 标题\n\n访问 https://example.com/a?b=1 或发邮件到 wenxi@example.org。\r\n",
        "增长3.14%，达到1,234,567元和8000万美元，第6次，一个这种。ＡＢＣ　ｄｅｆ",
        "",
    ];
    let variants = [
        Options::default(),
        Options {
            convert: false,
            compounds: false,
            ..Options::default()
        },
        Options {
            hmm: false,
            words: vec!["经济带发展".into()],
            ..Options::default()
        },
    ];
    let mut a = Analyzer::new();
    for options in &variants {
        let with_tokens = Options {
            include_tokens: true,
            ..options.clone()
        };
        for text in texts {
            let report = a.analyze(text, &with_tokens).unwrap();
            let want: Vec<u32> = report
                .tokens
                .unwrap_or_default()
                .iter()
                .filter(|t| t.kind != TokenKind::Whitespace)
                .flat_map(|t| [t.start, t.end])
                .collect();
            assert_eq!(a.tokenize(text, options).unwrap(), want, "{text:?}");
        }
    }
}

#[test]
fn progress_rises_to_one_through_the_stages_in_pipeline_order() {
    let mut a = Analyzer::new();
    // Several segmentation chunks, one chunk, and none (an empty text has nothing to
    // segment, so that stage alone is not reported).
    let line = "会议强调，要推动长江经济带发展。\n";
    let long = line.repeat(3 * crate::segment::CHUNK_BYTES / line.len() + 1);
    for text in [long.as_str(), "推动发展。", ""] {
        let (_, seen) = progress_of(&mut a, text);
        if text.len() > crate::segment::CHUNK_BYTES {
            let chunks = seen.iter().filter(|p| p.stage == Stage::Segmenting).count();
            assert!(chunks >= 3, "each chunk reported: {chunks}");
        }
        assert!(seen.iter().all(|p| (0.0..=1.0).contains(&p.fraction)));
        for w in seen.windows(2) {
            assert!(w[0].fraction <= w[1].fraction, "{w:?}");
            // Stage declares the stages in the order they run.
            assert!(w[0].stage as u8 <= w[1].stage as u8, "{w:?}");
        }
        let mut stages: Vec<Stage> = seen.iter().map(|p| p.stage).collect();
        stages.dedup();
        let pipeline = [
            Stage::Cleaning,
            Stage::Script,
            Stage::Segmenting,
            Stage::Sections,
            Stage::Keywords,
            Stage::Done,
        ];
        let want: Vec<Stage> = pipeline
            .into_iter()
            .filter(|&s| s != Stage::Segmenting || !text.is_empty())
            .collect();
        assert_eq!(stages, want, "{} bytes", text.len());
        let last = seen.last().unwrap();
        assert_eq!((last.stage, last.fraction), (Stage::Done, 1.0));
        assert_eq!(seen.iter().filter(|p| p.fraction == 1.0).count(), 1);
    }
}

#[test]
fn texts_over_the_size_limit_are_refused_before_any_work() {
    assert_eq!(check_size(&"字".repeat(MAX_INPUT_UTF16)), Ok(()));
    // The limit counts UTF-16 code units: an astral char is two.
    let astral = "𦡦".repeat(MAX_INPUT_UTF16 / 2) + "a";
    assert_eq!(
        check_size(&astral),
        Err(Error::InputTooLarge {
            utf16_length: MAX_INPUT_UTF16 + 1,
            max: MAX_INPUT_UTF16
        })
    );
    let mut a = Analyzer::new();
    let with_word = Options {
        words: vec!["文析工具".into()],
        ..Options::default()
    };
    let mut called = false;
    let e = a
        .analyze_with_progress(&astral, &with_word, &mut |_| called = true)
        .unwrap_err();
    assert_eq!(e.kind(), "input_too_large");
    assert!(!called, "no progress for a refused text");
    assert_eq!(
        a.tokenize(&astral, &with_word).unwrap_err().kind(),
        "input_too_large"
    );
    // Nothing was added, and the analyzer still works.
    let w = words(&mut a, "文析工具很好用。", &Options::default());
    assert!(!w.iter().any(|x| x == "文析工具"), "{w:?}");
}

#[test]
fn bad_option_words_are_refused_and_none_of_them_added() {
    let mut a = Analyzer::new();
    let longest = "字".repeat(MAX_WORD_CHARS);
    let too_long = "字".repeat(MAX_WORD_CHARS + 1);
    assert_eq!(validate_words(&[longest.as_str(), "文析工具"]), Ok(()));
    for bad in ["", "有 空格", "tab\there", "行\n尾", too_long.as_str()] {
        let options = Options {
            words: vec!["文析工具".into(), bad.into()],
            ..Options::default()
        };
        let mut called = false;
        let e = a
            .analyze_with_progress("文析工具很好用。", &options, &mut |_| called = true)
            .unwrap_err();
        assert!(matches!(e, Error::InvalidWord(_)), "{bad:?}: {e:?}");
        assert!(!called);
        assert!(matches!(
            a.tokenize("文析工具", &options),
            Err(Error::InvalidWord(_))
        ));
        assert!(matches!(a.add_words(&[bad]), Err(Error::InvalidWord(_))));
        assert!(matches!(a.remove_words(&[bad]), Err(Error::InvalidWord(_))));
    }
    let w = words(&mut a, "文析工具很好用。", &Options::default());
    assert!(!w.iter().any(|x| x == "文析工具"), "{w:?}");
}

#[test]
fn the_same_text_gives_the_same_report() {
    let text = "會議強(qiáng)調，要推動長江經濟帶發展。\n# 二、任务\n推动发展，推动改革。iPhone 15";
    let options = Options {
        include_tokens: true,
        ..Options::default()
    };
    let mut a = Analyzer::new();
    let first = a.analyze(text, &options).unwrap();
    let json = serde_json::to_string(&first).unwrap();
    // Again, after another text, with progress, and from a fresh analyzer.
    a.analyze("别的文本。Other text.", &Options::default())
        .unwrap();
    let again = a.analyze(text, &options).unwrap();
    let with_progress = a
        .analyze_with_progress(text, &options, &mut |_| {})
        .unwrap();
    let fresh = Analyzer::new().analyze(text, &options).unwrap();
    for r in [again, with_progress, fresh] {
        assert_eq!(r, first);
        assert_eq!(serde_json::to_string(&r).unwrap(), json);
    }
}

#[test]
fn sections_tile_the_users_text_even_when_cleaning_empties_it() {
    let mut a = Analyzer::new();
    assert!(a
        .analyze("", &Options::default())
        .unwrap()
        .sections
        .is_empty());
    // Cleaning leaves nothing of `&#8203;` (a zero-width space): one untitled section.
    let r = a.analyze("&#8203;", &Options::default()).unwrap();
    let s: Vec<_> = r
        .sections
        .iter()
        .map(|s| (s.start, s.end, s.level, s.heading, s.title.as_str()))
        .collect();
    assert_eq!(s, [(0, 7, 0, false, "")]);
    // Markup before the first heading belongs to the first section.
    let r = a
        .analyze("<p>\n# 标题\n正文。", &Options::default())
        .unwrap();
    let s: Vec<_> = r
        .sections
        .iter()
        .map(|s| (s.start, s.end, s.heading))
        .collect();
    assert_eq!(s, [(0, 12, true)]);
}

#[test]
fn char_index_maps_token_chars_to_the_cleaned_text() {
    // Same chars, different bytes: `é` is two bytes, `e` one.
    let index = CharIndex::new("é字x", "e字x");
    assert_eq!(index.slice(1, 2, 1, 4), "字");
    assert_eq!(index.slice(0, 3, 0, 5), "é字x");
    // Same bytes: the token's own byte range is used.
    let text = "发展x";
    let index = CharIndex::new(text, text);
    assert!(index.bytes.is_empty());
    assert_eq!(index.slice(0, 2, 0, 6), "发展");
}

#[test]
fn terms_option_counts_found_terms_as_keywords() {
    let text = "推动高质量发展。实现高质量发展。坚持高质量发展！高质量发展是首要任务。";
    let mut a = Analyzer::new();
    let plain = a.analyze(text, &Options::default()).unwrap();
    assert!(!plain.keywords.iter().any(|k| k.word == "高质量发展"));
    let on = Options {
        terms: true,
        ..Options::default()
    };
    let joined = a.analyze(text, &on).unwrap();
    let k = joined.keywords.iter().find(|k| k.word == "高质量发展");
    assert_eq!(k.map(|k| k.count), Some(4), "{:?}", joined.keywords);
    assert!(!joined.keywords.iter().any(|k| k.word == "高质量"));
    // `tokenize` joins them when asked, and only then.
    assert!(words(&mut a, text, &on).contains(&"高质量发展".to_string()));
    assert!(!words(&mut a, text, &Options::default()).contains(&"高质量发展".to_string()));
    // The queries count words as the keyword list does: 高质量发展 is one word to them, its
    // part 高质量 no longer stands alone, and the terms query still lists the joined term.
    a.analyze(text, &on).unwrap();
    let by_word = |word: &str| crate::query::ConcordanceQuery {
        query: word.into(),
        by: crate::query::By::Word,
        ..Default::default()
    };
    assert_eq!(a.concordance(&by_word("高质量发展")).unwrap().total, 4);
    assert_eq!(a.concordance(&by_word("高质量")).unwrap().total, 0);
    let d = a
        .dispersion(&crate::query::DispersionQuery {
            words: vec!["高质量发展".into()],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(d.words[0].count, 4);
    let terms = a.terms(&crate::query::TermsQuery::default()).unwrap();
    let listed = terms.terms.iter().find(|t| t.term == "高质量发展").unwrap();
    assert_eq!((listed.count, listed.words.len()), (4, 2));
    // Without the option, the plain segmentation.
    a.analyze(text, &Options::default()).unwrap();
    assert_eq!(a.concordance(&by_word("高质量")).unwrap().total, 4);
    assert_eq!(a.concordance(&by_word("高质量发展")).unwrap().total, 0);
    let plain_terms = a.terms(&crate::query::TermsQuery::default()).unwrap();
    assert_eq!(
        plain_terms.terms, terms.terms,
        "the same terms, found or joined"
    );
}

#[test]
fn queries_read_the_last_analysed_text_and_need_one() {
    let mut a = Analyzer::new();
    let q = crate::query::ConcordanceQuery {
        query: "发展".into(),
        ..Default::default()
    };
    assert_eq!(a.concordance(&q).unwrap_err().kind(), "not_analyzed");
    a.analyze("发展。", &Options::default()).unwrap();
    assert_eq!(a.concordance(&q).unwrap().total, 1);
    a.analyze("发展，发展。", &Options::default()).unwrap();
    assert_eq!(a.concordance(&q).unwrap().total, 2);
    // A refused analysis leaves no text to query.
    let too_long = "a".repeat(MAX_INPUT_UTF16 + 1);
    assert!(a.analyze(&too_long, &Options::default()).is_err());
    assert_eq!(a.concordance(&q).unwrap_err().kind(), "not_analyzed");
}

#[test]
fn concordance_of_a_keywords_occurrences_reads_them_as_the_analysis_did() {
    // Traditional text with inline pinyin and markup: the keyword 經濟 is counted from
    // 經(jīng)濟(jì), and its lines, asked for by the report's own ranges, read it without the
    // annotations, while the ranges stay the user's.
    let text = "我們要推動<b>經(jīng)濟(jì)</b>發展。\n經濟要發展，經濟！";
    let mut a = Analyzer::new();
    let report = a.analyze(text, &Options::default()).unwrap();
    let economy = report
        .keywords
        .iter()
        .find(|k| k.word == "經濟")
        .expect("經濟 is a keyword");
    assert!(economy.occurrences.len() >= 2);
    let q = crate::query::ConcordanceQuery {
        ranges: Some(economy.occurrences.clone()),
        context: 3,
        ..Default::default()
    };
    let found = a.concordance(&q).unwrap();
    assert_eq!(found.total as usize, economy.occurrences.len());
    let first = &found.lines[0];
    assert_eq!(
        (
            first.left.as_str(),
            first.matched.as_str(),
            first.right.as_str()
        ),
        ("要推動", "經濟", "發展。")
    );
    let units: Vec<u16> = text.encode_utf16().collect();
    for (line, &(start, end)) in found.lines.iter().zip(&economy.occurrences) {
        assert_eq!((line.start, line.end), (start, end));
        let written = String::from_utf16(&units[start as usize..end as usize]).unwrap();
        assert!(written.starts_with('經'), "{written}");
    }
    // As written, the annotation is part of the match.
    let written = a
        .concordance(&crate::query::ConcordanceQuery {
            as_written: true,
            ..q.clone()
        })
        .unwrap();
    assert_eq!(written.lines[0].matched, "經(jīng)濟");
    // A range past the end is clamped: an empty match at the end of the text.
    let past = a
        .concordance(&crate::query::ConcordanceQuery {
            ranges: Some(vec![(9_999, 10_000)]),
            ..q
        })
        .unwrap();
    assert_eq!(past.lines[0].matched, "");
    assert_eq!(past.lines[0].right, "");
}

#[test]
fn terms_list_the_dictionarys_compounds_that_stand_free_marked_known() {
    // 产业链 is one word to jieba (产业 + 链), so discovery never sees it; it recurs in varied
    // company, so it is listed, marked known. 高质量 (高 + 质量) is a compound too but stands
    // before 发展 every time: a piece of 高质量发展, which discovery lists instead.
    let text = "完善产业链。延伸产业链，壮大产业链！产业链安全。\
                推动高质量发展。实现高质量发展，坚持高质量发展！";
    let mut a = Analyzer::new();
    a.analyze(text, &Options::default()).unwrap();
    let found = a.terms(&crate::query::TermsQuery::default()).unwrap();
    let chain = found
        .terms
        .iter()
        .find(|t| t.term == "产业链")
        .expect("产业链 is listed");
    assert!(chain.known);
    assert_eq!(chain.count, 4);
    assert_eq!(chain.words, ["产业", "链"]);
    assert_eq!(chain.cohesion, 1.0);
    let quality = found.terms.iter().find(|t| t.term == "高质量发展").unwrap();
    assert!(!quality.known);
    assert!(!found.terms.iter().any(|t| t.term == "高质量"));
    // The terms option joins only what discovery found: 产业链 is one word already.
    assert_eq!(a.segmenter.compound_split("产业链"), Some(2));
    assert_eq!(a.segmenter.compound_split("发展"), None, "two chars");
    assert_eq!(
        a.segmenter.compound_split("葡萄牙语言学家"),
        None,
        "not in the dictionary"
    );
}

#[test]
fn warm_up_changes_nothing_a_caller_can_see() {
    let text =
        "會議強調，要推動長江經濟帶發展。贾雨村言：发展是第一要务。\n第二章 其他\n推动发展。";
    let options = Options {
        terms: true,
        ..Options::default()
    };
    let cold = Analyzer::new().analyze(text, &options).unwrap();
    let mut a = Analyzer::new();
    a.add_words(&["长江经济带"]).unwrap();
    let before = a.analyze(text, &options).unwrap();
    let by = |q: &str| crate::query::ConcordanceQuery {
        query: q.into(),
        ..Default::default()
    };
    let lines = a.concordance(&by("发展")).unwrap();
    a.warm_up();
    // The last analysed text is still the one the queries read, and the custom word stays.
    assert_eq!(a.concordance(&by("发展")).unwrap(), lines);
    assert_eq!(
        a.concordance(&by("高质量")).unwrap().total,
        0,
        "not the warm-up's text"
    );
    assert_eq!(a.analyze(text, &options).unwrap(), before);
    // The same report as from an analyzer that never warmed up.
    let mut b = Analyzer::new();
    b.warm_up();
    assert_eq!(b.analyze(text, &options).unwrap(), cold);
    assert!(before.keywords.iter().any(|k| k.key == "长江经济带"));
}

/// `Stream::rejoined` against `Stream::build` of the same joined tokens, on `text`; returns
/// how many terms were joined.
fn assert_rejoined_equals_build(a: &Analyzer, text: &str) -> usize {
    let options = Options {
        terms: true,
        ..Options::default()
    };
    let cleaned = normalize::clean(text);
    let parts::Segmented {
        simplified,
        tokens: toks,
        compounds,
        ..
    } = a.segment_planned(&cleaned, &options, &mut |_| {}, Plan::Whole);
    let seg_text: &str = simplified.as_deref().unwrap_or(&cleaned.text);
    let structure = sections::detect(&cleaned.text);
    let stream = Stream::build(&cleaned.text, seg_text, toks.iter(), &compounds);
    let (joined, terms, compounds) = join_terms(&stream, &structure, seg_text, toks, &compounds);
    let built = Stream::build(&cleaned.text, seg_text, joined.iter(), &compounds);
    let rejoined = stream.rejoined(&cleaned.text, seg_text, joined.iter(), &compounds);
    assert!(
        rejoined == built,
        "rejoined differs from build ({} terms joined)",
        terms.len()
    );
    assert_eq!(rejoined.len(), joined.len());
    terms.len()
}

#[test]
fn a_rejoined_stream_is_the_stream_built_from_the_joined_tokens() {
    let a = Analyzer::new();
    let report = "一、推动高质量发展。\n要坚持高质量发展，推动高质量发展，实现高质量发展。高质量发展是首要任务。\n\
        （一）长江经济带发展。推进长江经济带发展，长江经济带发展要生态优先。高质量 发展。\n\
        會議強調高質量發展，高質量發展是硬道理；AI大模型、AI大模型和ai大模型。\n";
    assert!(
        assert_rejoined_equals_build(&a, &report.repeat(3)) > 0,
        "terms were joined"
    );
    // Random texts from a small vocabulary, so that runs recur and joined keys meet single ones.
    let words = [
        "高质量",
        "发展",
        "高质量发展",
        "推动",
        "长江",
        "经济带",
        "长江经济带",
        "，",
        "。",
        "\n",
        "AI",
        "ai",
        "大模型",
        "發展",
        "生态",
        "优先",
        " ",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut rng = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 33) as usize
    };
    let mut joined = 0;
    for _ in 0..40 {
        let text: String = (0..300).map(|_| words[rng() % words.len()]).collect();
        joined += assert_rejoined_equals_build(&a, &text);
    }
    assert!(joined > 0, "some random texts had terms to join");
}

#[test]
fn a_rejoined_stream_equals_build_on_the_shared_novels() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/running-text/simplified"
    );
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| {
        panic!("{dir}: {e}: this test needs the shared corpus beside the project")
    });
    let a = Analyzer::new();
    let (mut files, mut joined) = (0, 0);
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.extension().is_none_or(|x| x != "txt") || path.to_string_lossy().contains("LICENSE")
        {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("readable")).into_owned();
        let mut end = text.len().min(300_000);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        joined += assert_rejoined_equals_build(&a, &text[..end]);
        files += 1;
    }
    assert!(files >= 4, "the four simplified novels");
    assert!(joined > 0, "the novels had terms to join");
}

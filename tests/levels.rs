//! The vocabulary profile by HSK level (`Analyzer::levels`, `wenxi levels`): lookups in both
//! scripts against the shipped lists, sums that add up, coverage and characters computed by
//! hand on a small text with lists of its own, names and numbers kept apart, known words.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use wenxi::query::{Levels, LevelsQuery, TOP_LEVEL};
use wenxi::report::TokenKind;
use wenxi::{Analyzer, Options};

const LISTS: &str = include_str!("../data/hsk/hsk3-words.tsv");

/// The shipped lists read independently of `Levels::parse`: word → level.
fn shipped() -> HashMap<&'static str, u8> {
    LISTS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (w, n) = l.split_once('\t').unwrap();
            (w, n.parse().unwrap())
        })
        .collect()
}

fn profile(text: &str, options: &Options, q: &LevelsQuery) -> wenxi::query::LevelsProfile {
    let mut analyzer = Analyzer::new();
    analyzer.analyze(text, options).unwrap();
    analyzer.levels(q).unwrap()
}

/// The first `chars` characters of 红楼梦 from the shared corpus (beside the repository).
fn novel_start(chars: usize) -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/running-text/simplified/红楼梦.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        panic!("the shared corpus is missing: {path} (it lies beside the repository)");
    };
    text.chars().take(chars).collect()
}

#[test]
fn the_shipped_lists_hold_every_level_and_parse_as_written() {
    let by_hand = shipped();
    let levels = Levels::parse(LISTS).unwrap();
    assert_eq!(levels.len(), by_hand.len());
    for level in 1..=TOP_LEVEL {
        assert!(
            by_hand.values().filter(|&&l| l == level).count() > 400,
            "level {level} has its words"
        );
    }
    for (word, level) in by_hand.iter().take(2000) {
        assert_eq!(levels.level_of(word), Some(*level), "{word}");
    }
    assert_eq!(levels.level_of("不是一个词"), None);
}

#[test]
fn traditional_text_is_graded_as_its_simplified_form() {
    let by_hand = shipped();
    let simplified = "我们学习汉语。这个问题很重要，经济发展需要时间。";
    let traditional = "我們學習漢語。這個問題很重要，經濟發展需要時間。";
    let q = LevelsQuery::default();
    let a = profile(simplified, &Options::default(), &q);
    let b = profile(traditional, &Options::default(), &q);
    assert_eq!(a.levels, b.levels, "the same levels in both scripts");
    assert_eq!(a.coverage, b.coverage);
    // Each level's tokens are the words of that level in the lists.
    for word in [
        "学习", "汉语", "问题", "重要", "经济", "发展", "需要", "时间",
    ] {
        let level = by_hand[word];
        let row = &a.levels[usize::from(level) - 1];
        assert!(
            row.tokens >= 1,
            "{word} (level {level}) is counted at its level"
        );
    }
}

#[test]
fn coverage_and_characters_as_computed_by_hand() {
    // Lists of our own: 我们 1, 汉语 1, 很 1, 学习 2, 难 3.
    let mut analyzer = Analyzer::new();
    analyzer
        .load_levels("# test lists\n我们\t1\n汉语\t1\n很\t1\n学习\t2\n难\t3\n")
        .unwrap();
    analyzer
        .analyze("我们学习汉语。汉语很难。", &Options::default())
        .unwrap();
    let p = analyzer.levels(&LevelsQuery::default()).unwrap();
    // Running words: 我们 学习 汉语 汉语 很 难 — levels 1 (4), 2 (1), 3 (1).
    let tokens: Vec<u32> = p.levels.iter().map(|r| r.tokens).collect();
    assert_eq!(tokens, vec![4, 1, 1, 0, 0, 0, 0, 0]);
    let types: Vec<u32> = p.levels.iter().map(|r| r.types).collect();
    assert_eq!(types, vec![3, 1, 1, 0, 0, 0, 0, 0]);
    assert_eq!((p.graded.tokens, p.graded.types), (6, 5));
    let expected = [4.0 / 6.0, 5.0 / 6.0, 1.0, 1.0, 1.0, 1.0, 1.0];
    for (got, want) in p.coverage.by_level.iter().zip(expected) {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
    assert_eq!(p.coverage.level95, Some(3));
    assert_eq!(p.coverage.level98, Some(3));
    assert_eq!(p.coverage.known, None, "no known words asked");
    assert!(p.unknown.is_empty(), "every word is listed");
    // Characters: 我们汉语汉语很 at 1 (7), 学习 at 2 (2), 难 at 3 (1).
    let chars: Vec<u32> = p.characters.levels.iter().map(|r| r.tokens).collect();
    assert_eq!(chars, vec![7, 2, 1, 0, 0, 0, 0, 0]);
    assert_eq!(p.characters.total.tokens, 10);
    assert_eq!(p.characters.total.types, 8);

    // Known words (in the other script) and a level: the rest ranked by count.
    let q = LevelsQuery {
        known: vec!["學習".into()],
        level: Some(1),
        limit: None,
    };
    let p = analyzer.levels(&q).unwrap();
    let known = p.coverage.known.unwrap();
    assert_eq!((known.tokens, known.types), (5, 4));
    assert!((known.token_share - 5.0 / 6.0).abs() < 1e-12);
    let unknown: Vec<(&str, u32, Option<u8>)> = p
        .unknown
        .iter()
        .map(|u| (u.key.as_str(), u.count, u.level))
        .collect();
    assert_eq!(unknown, vec![("难", 1, Some(3))]);
    assert_eq!(p.unknown_types, 1);
}

#[test]
fn names_numbers_and_latin_words_are_counted_apart() {
    let text = "李明今天买了3个苹果和一百二十本书，他说AI很有用。李明很高兴。";
    let p = profile(text, &Options::default(), &LevelsQuery::default());
    assert_eq!(p.apart.names.tokens, 2, "李明 twice: {:?}", p.apart);
    assert_eq!(p.apart.names.types, 1);
    assert_eq!(p.apart.numbers.tokens, 2, "3 and 一百二十: {:?}", p.apart);
    assert_eq!(p.apart.latin.tokens, 1, "AI");
    for u in &p.unknown {
        assert!(
            !["李明", "3", "一百二十", "ai"].contains(&u.key.as_str()),
            "{} is not beyond",
            u.key
        );
    }
}

#[test]
fn sums_add_up_on_a_real_text_and_joined_terms_are_read_as_their_words() {
    let text = novel_start(60_000);
    let q = LevelsQuery::default();
    let plain = profile(&text, &Options::default(), &q);
    let sum: u32 = plain.levels.iter().map(|r| r.tokens).sum();
    assert_eq!(sum, plain.graded.tokens);
    let types: u32 = plain.levels.iter().map(|r| r.types).sum();
    assert_eq!(types, plain.graded.types);
    let shares: f64 = plain.levels.iter().map(|r| r.token_share).sum();
    assert!((shares - 1.0).abs() < 1e-9);
    let char_sum: u32 = plain.characters.levels.iter().map(|r| r.tokens).sum();
    assert_eq!(char_sum, plain.characters.total.tokens);
    // Coverage never falls as the level rises, and ends at the share of listed words.
    assert!(plain.coverage.by_level.windows(2).all(|w| w[0] <= w[1]));
    let beyond = plain.levels[7].token_share;
    assert!((plain.coverage.by_level[6] + beyond - 1.0).abs() < 1e-9);
    // Without known words, the unknown words are the words beyond the lists.
    assert_eq!(plain.unknown_types, plain.levels[7].types);
    assert!(plain.unknown.windows(2).all(|w| w[0].count >= w[1].count));
    // Every running word is graded or apart: the word tokens of the text, none lost.
    let mut analyzer = Analyzer::new();
    let options = Options {
        include_tokens: true,
        ..Options::default()
    };
    let report = analyzer.analyze(&text, &options).unwrap();
    let words = report
        .tokens
        .unwrap()
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TokenKind::Han | TokenKind::Latin | TokenKind::Number
            )
        })
        .count() as u32;
    let apart = plain.apart.names.tokens + plain.apart.numbers.tokens + plain.apart.latin.tokens;
    assert!(
        plain.graded.tokens + apart >= words,
        "{} + {apart} < {words}",
        plain.graded.tokens
    );
    // With terms joined, a joined term counts as the words the dictionary cuts it into: the
    // plain segmentation's words but for the few the HMM had cut otherwise (within 0.2%).
    let joined = profile(
        &text,
        &Options {
            terms: true,
            ..Options::default()
        },
        &q,
    );
    let (a, b) = (
        joined.graded.tokens + joined.apart.names.tokens,
        plain.graded.tokens + plain.apart.names.tokens,
    );
    assert!(a.abs_diff(b) * 500 <= b, "joined {a} vs plain {b}");
}

#[test]
fn bad_requests_and_bad_lists_are_refused() {
    let mut analyzer = Analyzer::new();
    assert_eq!(
        analyzer.levels(&LevelsQuery::default()).unwrap_err().kind(),
        "not_analyzed"
    );
    analyzer
        .analyze("我们学习汉语。", &Options::default())
        .unwrap();
    let q = LevelsQuery {
        level: Some(8),
        ..LevelsQuery::default()
    };
    assert_eq!(analyzer.levels(&q).unwrap_err().kind(), "invalid_query");
    let q = LevelsQuery {
        limit: Some(1_000_000),
        ..LevelsQuery::default()
    };
    assert_eq!(analyzer.levels(&q).unwrap_err().kind(), "invalid_query");
    for bad in ["我们\n", "我们\t0\n", "我们\t8\n", "\t1\n", "我们\tone\n"] {
        let err = analyzer.load_levels(bad).unwrap_err();
        assert_eq!(err.kind(), "invalid_request", "{bad:?}");
    }
    // The lists held before stay.
    assert_eq!(
        analyzer
            .levels(&LevelsQuery::default())
            .unwrap()
            .graded
            .tokens,
        3
    );
}

#[test]
fn words_the_lists_lack_are_read_as_the_listed_words_they_are_made_of() {
    let mut analyzer = Analyzer::new();
    analyzer
        .load_levels("传统\t3\n节日\t2\n传\t4\n过来\t2\n一\t1\n帆\t7\n风\t2\n顺\t5\n")
        .unwrap();
    analyzer
        .analyze("传统节日。传过来。一帆风顺。", &Options::default())
        .unwrap();
    let p = analyzer.levels(&LevelsQuery::default()).unwrap();
    let levels: Vec<u32> = p.levels.iter().map(|r| r.tokens).collect();
    // 传统 (3) + 节日 (2), 传 (4) + 过来 (2); 一帆风顺 stays one word, beyond the lists.
    assert_eq!(levels, vec![0, 2, 1, 1, 0, 0, 0, 1]);
    let beyond: Vec<&str> = p.unknown.iter().map(|u| u.key.as_str()).collect();
    assert_eq!(beyond, vec!["一帆风顺"]);
}

/// The marks of `text` for the reader `q` describes, with the profile of the same analysis.
fn marks(text: &str, q: &LevelsQuery) -> (wenxi::query::LevelMarks, wenxi::query::LevelsProfile) {
    let mut analyzer = Analyzer::new();
    analyzer.analyze(text, &Options::default()).unwrap();
    (
        analyzer.level_marks(q).unwrap(),
        analyzer.levels(q).unwrap(),
    )
}

/// The user's text at UTF-16 offsets `[start, end)`.
fn at(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).unwrap()
}

#[test]
fn marks_place_each_graded_word_in_the_users_own_text() {
    // Traditional script with inline pinyin, a name, a number and a Latin word: the places
    // are in the text as pasted, the levels those of the simplified words.
    let text = "經(jīng)濟發展很重要。張三：他有3本book。";
    let (m, p) = marks(text, &LevelsQuery::default());
    let placed: Vec<(String, Option<u8>)> = m
        .spans
        .iter()
        .map(|s| (at(text, s.start, s.end), s.level))
        .collect();
    let lists = shipped();
    let expect = |w: &str, simplified: &str| (w.to_string(), lists.get(simplified).copied());
    assert_eq!(
        placed,
        [
            expect("經(jīng)濟", "经济"),
            expect("發展", "发展"),
            expect("很", "很"),
            expect("重要", "重要"),
            expect("他", "他"),
            expect("有", "有"),
            expect("本", "本"),
        ],
        "names, numbers and Latin words are not graded"
    );
    assert!(placed.iter().all(|(_, level)| level.is_some()));
    // The spans are the profile's graded running words, level by level.
    for (i, row) in p.levels.iter().enumerate() {
        let n = m.spans.iter().filter(|s| s.level == row.level).count() as u32;
        assert_eq!(n, row.tokens, "band {i}");
    }
    assert!(m.spans.windows(2).all(|w| w[0].end <= w[1].start));
}

#[test]
fn marks_know_what_the_reader_knows_and_bands_hold_the_reports_keys() {
    let text = novel_start(30_000);
    let q = LevelsQuery {
        known: vec!["贾母".into(), "丫鬟".into()],
        level: Some(3),
        limit: Some(10_000),
    };
    let (m, p) = marks(&text, &q);
    // Unknown running words: the profile's unknown words, counted where they stand.
    let unknown_spans = m.spans.iter().filter(|s| !s.known).count() as u32;
    let unknown_count: u32 = p.unknown.iter().map(|u| u.count).sum();
    assert_eq!(unknown_spans, unknown_count);
    assert!(m
        .spans
        .iter()
        .all(|s| s.known || s.level.is_none_or(|l| l > 3)));
    let known_above: Vec<String> = m
        .spans
        .iter()
        .filter(|s| s.known && s.level.is_none_or(|l| l > 3))
        .map(|s| at(&text, s.start, s.end))
        .collect();
    assert!(!known_above.is_empty(), "the reader's own words are known");
    assert!(
        known_above.iter().all(|w| w == "丫鬟" || w == "贾母"),
        "{known_above:?}"
    );
    // Every band's keys are words of the analysis, each with a part at that level.
    let mut analyzer = Analyzer::new();
    let report = analyzer.analyze(&text, &Options::default()).unwrap();
    let lists = shipped();
    for band in &m.bands {
        assert!(
            band.keys.windows(2).all(|w| w[0] < w[1]),
            "sorted, once each"
        );
        for key in &band.keys {
            if let Some(&level) = lists.get(key.as_str()) {
                assert_eq!(Some(level), band.level, "{key}");
            }
        }
    }
    let band_of = |k: &str| {
        m.bands
            .iter()
            .filter(|b| b.keys.iter().any(|x| x == k))
            .map(|b| b.level)
            .collect::<Vec<_>>()
    };
    for k in report.keywords.iter().take(50) {
        match lists.get(k.key.as_str()) {
            Some(&level) => assert_eq!(band_of(&k.key), [Some(level)], "{}", k.key),
            None => assert!(band_of(&k.key).len() <= 3, "{}", k.key),
        }
    }
}

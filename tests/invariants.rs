//! Invariants of the whole pipeline over pseudo-random texts mixing everything users paste:
//! offsets in range and rising, sections tiling the text, keyword counts equal to a naive
//! recount from the tokens, and byte-identical JSON for the same input.

use wenxi::report::TokenKind;
use wenxi::{Analyzer, Options};

mod common;
use common::XorShift as Rng;

const PIECES: &[&str] = &[
    "经济",
    "發展",
    "长江经济带",
    "會議",
    "推动",
    "工作",
    "的",
    "了",
    "是",
    "數據",
    "数据",
    "經(jīng)濟(jì)",
    "的(de)(de)",
    "發(fā)展",
    "（一）",
    "(WHO)",
    "(2023)",
    "一、",
    "第一章 ",
    "# ",
    "## ",
    "1.",
    "①",
    "，",
    "。",
    "！",
    "？",
    "；",
    ",",
    "!",
    "? ",
    "……",
    "、",
    "「",
    "」",
    "\n",
    "\n\n",
    "\r\n",
    "  ",
    "\u{3000}",
    "\t",
    "</p>",
    "<br/>",
    "<span class=\"x\">",
    "&nbsp;",
    "&amp;",
    "&#12289;",
    "ＡＩ",
    "AI",
    "ai",
    "iPhone 15",
    "5G",
    "3.14%",
    "2023年",
    "COVID-19",
    "👪",
    "𦡦",
    "\u{200B}",
    "\u{FFFD}",
    "?!耙粠б",
    "Hello",
    "world",
    "the",
    "\u{0}",
    "\u{202E}",
    "a<b",
    "&bogus;",
    "(",
    ")",
    "（",
    "）",
    "x",
];

fn random_text(rng: &mut Rng) -> String {
    let n = (rng.next() % 80) as usize;
    (0..n).map(|_| rng.pick(PIECES)).collect()
}

#[test]
fn invariants_hold_on_random_texts() {
    let mut analyzer = Analyzer::new();
    let mut rng = Rng(0x5EED_CAFE_F00D_u64);
    let converter = wenxi::script::Converter::new();
    let options = Options {
        include_tokens: true,
        min_length: 1,
        top_n: usize::MAX,
        ..Options::default()
    };
    for round in 0..400 {
        let text = random_text(&mut rng);
        let len = text.encode_utf16().count() as u32;
        let r = analyzer
            .analyze(&text, &options)
            .unwrap_or_else(|e| panic!("round {round}: {e} on {text:?}"));
        let ctx = || format!("round {round}: {text:?}");

        // Tokens rise and stay inside the text.
        let tokens = r.tokens.as_ref().unwrap();
        let mut at = 0;
        for t in tokens {
            assert!(
                t.start >= at && t.end >= t.start && t.end <= len,
                "{}",
                ctx()
            );
            at = t.end;
        }

        // Sections tile the text; parents come first and are shallower.
        if len > 0 {
            assert_eq!(r.sections.first().unwrap().start, 0, "{}", ctx());
            assert_eq!(r.sections.last().unwrap().end, len, "{}", ctx());
        }
        for w in r.sections.windows(2) {
            assert_eq!(w[0].end, w[1].start, "{}", ctx());
        }
        for (i, s) in r.sections.iter().enumerate() {
            assert!(s.start <= s.end, "{}", ctx());
            if let Some(p) = s.parent {
                assert!((p as usize) < i, "{}", ctx());
                assert!(r.sections[p as usize].level < s.level, "{}", ctx());
            }
        }

        // Keyword counts equal a naive recount over the tokens, and the per-section counts
        // add up to them.
        let mut total = 0;
        for k in &r.keywords {
            let naive = tokens
                .iter()
                .filter(|t| matches!(t.kind, TokenKind::Han | TokenKind::Latin))
                .filter(|t| converter.to_simplified(&t.word).to_lowercase() == k.key)
                .count() as u32;
            assert_eq!(naive, k.count, "{}: {}", ctx(), k.word);
            // Occurrences: one per count, rising, inside the text, the first at `first`.
            assert_eq!(k.occurrences.len() as u32, k.count, "{}", ctx());
            assert_eq!(
                k.occurrences.first().map(|o| o.0),
                Some(k.first),
                "{}",
                ctx()
            );
            for w in k.occurrences.windows(2) {
                assert!(w[0].1 <= w[1].0, "{}", ctx());
            }
            assert!(
                k.occurrences.iter().all(|&(s, e)| s < e && e <= len),
                "{}",
                ctx()
            );
            let per_section: u32 = k.sections.iter().map(|s| s.1).sum();
            assert_eq!(per_section, k.count, "{}", ctx());
            assert!(k.first < len, "{}", ctx());
            total += k.count;
        }
        assert_eq!(total, r.stats.words, "{}", ctx());
        let share: f64 = r.keywords.iter().map(|k| k.share).sum();
        assert!(
            r.keywords.is_empty() || (share - 1.0).abs() < 1e-9,
            "{}",
            ctx()
        );

        // Keywords are ordered by count, then word.
        for w in r.keywords.windows(2) {
            assert!(
                w[0].count > w[1].count || (w[0].count == w[1].count && w[0].word <= w[1].word),
                "{}",
                ctx()
            );
        }

        // Same input, byte-identical output, from the same and from a fresh analyzer.
        if round % 40 == 0 {
            let again = serde_json::to_string(&analyzer.analyze(&text, &options).unwrap()).unwrap();
            let fresh =
                serde_json::to_string(&Analyzer::new().analyze(&text, &options).unwrap()).unwrap();
            let first = serde_json::to_string(&r).unwrap();
            assert_eq!(first, again, "{}", ctx());
            assert_eq!(first, fresh, "{}", ctx());
        }
    }
}

/// Keyword counts against an independent recount on simplified text, where every key is the
/// lower-cased word: exact equality.
#[test]
fn counts_equal_a_naive_recount_on_simplified_text() {
    let mut analyzer = Analyzer::new();
    let text = "经济发展是第一要务。经济要发展，发展要靠创新。AI 和 ai 都是 AI。创新驱动发展。";
    let options = Options {
        include_tokens: true,
        top_n: usize::MAX,
        compounds: false,
        ..Options::default()
    };
    let r = analyzer.analyze(text, &options).unwrap();
    let tokens = r.tokens.unwrap();
    for k in &r.keywords {
        let naive = tokens
            .iter()
            .filter(|t| t.word.to_lowercase() == k.key)
            .count() as u32;
        assert_eq!(naive, k.count, "{}", k.word);
    }
    let fazhan = r.keywords.iter().find(|k| k.word == "发展").unwrap();
    assert_eq!(fazhan.count, 4);
    let ai = r.keywords.iter().find(|k| k.key == "ai").unwrap();
    assert_eq!(ai.count, 3);
}

//! Integration tests for the cleaning stage (`src/normalize/`): invariants over
//! pseudo-random pasted text, and the annotated web excerpts of the evaluation corpus.
//!
//! Run with `cargo test --test normalize`. The corpus test reads
//! `../shared/corpus/annotated-web-text/web_examples.tsv` (outside the repository, see the
//! corpus README) and fails, saying so, when that folder is absent.
#![cfg(not(target_arch = "wasm32"))]

use wenxi::normalize::{clean, Cleaned};

mod common;
use common::XorShift;

/// Pieces of pasted web text, the awkward ones included: astral chars (👪 outside the BMP,
/// 𦡦 an extension-B Han char), half-formed tags and entities, mojibake.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    // Han, and astral chars
    "經", "濟", "的", "发", "展", "中", "國", "𦡦", "👪",
    // annotations
    "(jīng)", "(jì)", "（fā）", "(de)", "(de)(de)", "(lǜ)", "(jing1)", "(hui)",
    // not annotations
    "(WHO)", "(2023)", "（一）", "(a)", "(English)", "(", ")", "（", "）",
    // tags
    "<p>", "</p>", "<br/>", "<BR>", "<span class=\"x\">", "</span>", "<!-- c -->", "<div>",
    "<script>var a = 1;</script>", "<style>p{}</style>", "<!DOCTYPE html>",
    // not tags
    "<", ">", "<3", " < ", "<!--", "<a href=\"", "\"", "'",
    // entities
    "&amp;", "&nbsp;", "&lt;", "&#12289;", "&#x3001;", "&#x1F46A;", "&#8203;",
    // not entities
    "&", "&bogus;", "&#0;", "&#;", ";",
    // full width, zero width
    "Ａ", "ｚ", "１", "％", "．", "，", "。", "\u{3000}", "\u{200B}", "\u{200D}", "\u{FEFF}",
    // mojibake
    "?", "?!", "б", "\u{FFFD}", "?qǐng)", "?/p>", "h", "\u{E000}",
    // plain, and Markdown code fences
    "a", "Z", "1", " ", "\n", "\r\n", "\t", "-", "é", "`", "\n```\n",
];

fn random_text(rng: &mut XorShift) -> String {
    let pieces = rng.below(40);
    (0..pieces).map(|_| rng.pick(PIECES)).collect()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Every invariant of `clean`'s contract, checked against the original text; returns a
/// description of the first one broken.
fn check(original: &str, cleaned: &Cleaned) -> Result<(), String> {
    let units: Vec<u16> = original.encode_utf16().collect();
    if cleaned.utf16_len as usize != units.len() {
        return Err(format!(
            "utf16_len {} != {}",
            cleaned.utf16_len,
            units.len()
        ));
    }
    let chars: Vec<char> = cleaned.text.chars().collect();
    if chars.len() != cleaned.spans.len() {
        return Err(format!(
            "{} chars, {} spans",
            chars.len(),
            cleaned.spans.len()
        ));
    }
    let mut previous_end = 0;
    for (&c, span) in chars.iter().zip(cleaned.spans.iter()) {
        if span.start < previous_end || span.end < span.start || span.end > cleaned.utf16_len {
            return Err(format!("span {span:?} for {c:?} after end {previous_end}"));
        }
        previous_end = span.end;
        // A span never splits a surrogate pair, so it always decodes.
        let slice = String::from_utf16(&units[span.start as usize..span.end as usize])
            .map_err(|_| format!("span {span:?} for {c:?} splits a surrogate pair"))?;
        if slice.chars().eq([c]) {
            continue;
        }
        let tag = c == '\n' && slice.ends_with('>');
        let entity = slice.starts_with('&') && slice.ends_with(';');
        let folded = {
            let mut s = slice.chars();
            match (s.next(), s.next()) {
                (Some(wide), None) => {
                    ('\u{FF01}'..='\u{FF5E}').contains(&wide)
                        && char::from_u32(wide as u32 - 0xFEE0) == Some(c)
                }
                _ => false,
            }
        };
        let mojibake = c == '\u{FFFD}' && !slice.is_empty();
        if !(tag || entity || folded || mojibake) {
            return Err(format!("{c:?} stands for {slice:?} at {span:?}"));
        }
    }
    // Without `<` (tags, scripts) or `?`/U+FFFD (mojibake), nothing can remove a Han char.
    if !original.contains(['<', '?', '\u{FFFD}']) {
        let han = |s: &str| s.chars().filter(|&c| is_han(c)).count();
        if han(original) != han(&cleaned.text) {
            return Err("a Han char was lost".to_string());
        }
    }
    Ok(())
}

#[test]
fn invariants_hold_over_random_text() {
    let mut rng = XorShift(0x5EED_2024_0BAD_F00D);
    let mut totals = wenxi::report::Cleaning::default();
    for case in 0..20_000 {
        let original = random_text(&mut rng);
        let cleaned = clean(&original);
        if let Err(broken) = check(&original, &cleaned) {
            panic!(
                "case {case}: {broken}\n  input: {original:?}\n  text: {:?}",
                cleaned.text
            );
        }
        assert_eq!(cleaned, clean(&original), "case {case}: not deterministic");
        totals.annotations += cleaned.cleaning.annotations;
        totals.tags += cleaned.cleaning.tags;
        totals.entities += cleaned.cleaning.entities;
        totals.width_folded += cleaned.cleaning.width_folded;
        totals.zero_width += cleaned.cleaning.zero_width;
        totals.mojibake += cleaned.cleaning.mojibake;
    }
    // The generator reaches every rule.
    for (name, count) in [
        ("annotations", totals.annotations),
        ("tags", totals.tags),
        ("entities", totals.entities),
        ("width_folded", totals.width_folded),
        ("zero_width", totals.zero_width),
        ("mojibake", totals.mojibake),
    ] {
        assert!(count > 100, "only {count} {name} over all cases");
    }
}

#[test]
fn random_code_points_never_panic() {
    let mut rng = XorShift(0x0DDB_A11C_0FFE_E000);
    for _ in 0..5_000 {
        let text: String = (0..rng.below(60))
            .filter_map(|_| match rng.below(3) {
                0 => char::from_u32(rng.below(0x80) as u32),
                1 => char::from_u32(0x3000 + rng.below(0x7000) as u32),
                _ => char::from_u32(rng.below(0x11_0000) as u32),
            })
            .collect();
        let cleaned = clean(&text);
        if let Err(broken) = check(&text, &cleaned) {
            panic!("{broken}\n  input: {text:?}");
        }
    }
}

const WEB_EXAMPLES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/annotated-web-text/web_examples.tsv"
);

/// The excerpts of `web_examples.tsv` (third column), with the literal `\n` turned into line
/// breaks.
fn web_examples() -> Vec<String> {
    let tsv = std::fs::read_to_string(WEB_EXAMPLES).unwrap_or_else(|e| {
        panic!(
            "cannot read the evaluation corpus at {WEB_EXAMPLES} ({e}); it lives outside the \
             repository, at ../shared/corpus/ (see its README)"
        )
    });
    tsv.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let excerpt = line.split('\t').nth(2).unwrap_or_else(|| {
                panic!("{WEB_EXAMPLES}: a row without an excerpt column: {line:?}")
            });
            excerpt.replace("\\n", "\n")
        })
        .collect()
}

/// A `(…)` or `（…）` right after a Han char holding what looks like one pinyin syllable:
/// 1 to 6 lower-case letters, tone-marked vowels and ü, with a vowel. Deliberately simpler
/// than the module's syllable table, so that it checks rather than repeats it.
fn pinyin_after_han(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, window) in chars.windows(2).enumerate() {
        if !(is_han(window[0]) && matches!(window[1], '(' | '（')) {
            continue;
        }
        let content: String = chars[i + 2..]
            .iter()
            .take_while(|&&c| !matches!(c, ')' | '）'))
            .take(8)
            .collect();
        let closed = matches!(chars.get(i + 2 + content.chars().count()), Some(')' | '）'));
        let letters = content
            .chars()
            .all(|c| c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c));
        let vowel = content
            .chars()
            .any(|c| "aeiouāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c));
        let n = content.chars().count();
        if closed && letters && vowel && (1..=6).contains(&n) {
            return Some(chars[i..i + 3 + n].iter().collect());
        }
    }
    None
}

#[test]
fn web_examples_lose_their_annotations_and_mojibake() {
    let examples = web_examples();
    assert_eq!(
        examples.len(),
        12,
        "web_examples.tsv should hold 12 excerpts"
    );
    let mut annotations = 0;
    let mut mojibake = 0;
    for (row, excerpt) in examples.iter().enumerate() {
        let cleaned = clean(excerpt);
        if let Err(broken) = check(excerpt, &cleaned) {
            panic!("row {}: {broken}", row + 1);
        }
        if let Some(left) = pinyin_after_han(&cleaned.text) {
            panic!(
                "row {}: annotation left in the cleaned text: {left}",
                row + 1
            );
        }
        assert!(
            !cleaned.text.contains("?!"),
            "row {}: mojibake left: {:?}",
            row + 1,
            cleaned.text
        );
        // Every excerpt is annotated; the lines survive cleaning.
        assert!(
            cleaned.cleaning.annotations > 0,
            "row {}: no annotation found",
            row + 1
        );
        assert_eq!(
            excerpt.lines().count(),
            cleaned.text.lines().count(),
            "row {}",
            row + 1
        );
        assert_eq!(
            cleaned.cleaning.tags,
            0,
            "row {}: no markup in the excerpts",
            row + 1
        );
        assert_eq!(cleaned.cleaning.entities, 0, "row {}", row + 1);
        annotations += cleaned.cleaning.annotations;
        mojibake += cleaned.cleaning.mojibake;
    }
    // Counted by hand: 128 parenthesised annotations after Han chars (the 129 `(letters)`
    // groups less the e-mail handle `(ngbjxym)`), and three GBK runs: in rows 1, 10 and 11.
    assert_eq!(annotations, 128);
    assert_eq!(mojibake, 3);
}

#[test]
fn legitimate_parentheses_in_the_style_of_the_corpus_stay() {
    // Own fixtures, written like the excerpts' bylines and headings.
    for text in [
        "王小明\n(北京大學經濟學院 北京 100871)\n",
        "李雷,韓梅梅\n(1.清華大學,北京100084;2.浙江大學,浙江杭州310058)",
        "記者(記者 張三)報道",
        "召開黨組(擴大)會議",
        "聯系郵箱(abcxyz)",
        "世界衛生組織(WHO)與(2023)年",
    ] {
        let cleaned = clean(text);
        assert_eq!(cleaned.text, text);
        assert_eq!(cleaned.cleaning.annotations, 0, "{text}");
    }
}

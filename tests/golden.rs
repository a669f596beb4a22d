//! Golden reports: each fixture in `tests/fixtures/` analysed with default options, rendered as
//! readable text and compared with `tests/golden/<fixture stem>.golden` (`news-trad-annotated.txt`
//! → `news-trad-annotated.golden`). A change in segmentation, cleaning or structure shows up
//! here as a readable diff.
//!
//! After an intended change, regenerate and review the diff:
//!     UPDATE_GOLDEN=1 cargo test --test golden
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;
use std::path::Path;

use wenxi::{Analyzer, Options, Report};

const FIXTURES: &[&str] = &[
    "news-trad-annotated.txt",
    "report-headings-simp.txt",
    "markdown-mixed.md",
    "novel-wrapped-trad.txt",
];

fn render(name: &str, text: &str, r: &Report) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let at = |s: u32, e: u32| {
        String::from_utf16_lossy(&units[s as usize..e as usize])
            .replace('\n', "⏎")
            .chars()
            .take(24)
            .collect::<String>()
    };
    let mut o = String::new();
    let _ = writeln!(o, "# golden report of tests/fixtures/{name}");
    let _ = writeln!(o, "# regenerate: UPDATE_GOLDEN=1 cargo test --test golden");
    let s = &r.script;
    let _ = writeln!(
        o,
        "script {:?} (traditional {} simplified {} converted {})",
        s.kind, s.traditional_chars, s.simplified_chars, s.converted
    );
    let c = &r.cleaning;
    let _ = writeln!(
        o,
        "cleaning annotations {} tags {} hidden {} entities {} width {} zero-width {} mojibake {}",
        c.annotations, c.tags, c.hidden, c.entities, c.width_folded, c.zero_width, c.mojibake
    );
    let st = &r.stats;
    let _ = writeln!(
        o,
        "stats chars {} utf16 {} han {} tokens {} words {} distinct {} sentences {} paragraphs {} avg {} minutes {}",
        st.characters, st.utf16_length, st.han_characters, st.tokens, st.words,
        st.distinct_words, st.sentences, st.paragraphs, st.average_sentence_length, st.reading_minutes
    );
    let _ = writeln!(o, "\nsections");
    for (i, sec) in r.sections.iter().enumerate() {
        let words: Vec<String> = sec
            .keywords
            .iter()
            .map(|w| format!("{}×{}", w.word, w.count))
            .collect();
        let _ = writeln!(
            o,
            "{i:>3} {}L{} {:<24} [{}..{}) p{} s{} c{} parent {:?} «{}» {}",
            "  ".repeat(usize::from(sec.level)),
            sec.level,
            sec.title,
            sec.start,
            sec.end,
            sec.paragraphs,
            sec.sentences,
            sec.characters,
            sec.parent,
            at(sec.start, sec.end),
            words.join(" ")
        );
    }
    let _ = writeln!(o, "\nkeywords (top 25)");
    for k in r.keywords.iter().take(25) {
        let _ = writeln!(
            o,
            "{:<10} {:>3} share {:.4} tfidf {:.4} textrank {:.4} {:<3} first {:>4} «{}» sections {:?}",
            k.word,
            k.count,
            k.share,
            k.weight,
            k.textrank,
            k.pos,
            k.first,
            at(k.first, (k.first + 8).min(units.len() as u32)),
            k.sections
        );
    }
    o
}

#[test]
fn golden_reports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut analyzer = Analyzer::new();
    let mut stale = Vec::new();
    for name in FIXTURES {
        let text = std::fs::read_to_string(root.join("fixtures").join(name)).unwrap();
        let report = analyzer.analyze(&text, &Options::default()).unwrap();
        let got = render(name, &text, &report);
        let stem = Path::new(name).file_stem().unwrap().to_string_lossy();
        let path = root.join("golden").join(format!("{stem}.golden"));
        if update {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if got != want {
            eprintln!("--- {} differs; got:\n{got}", path.display());
            stale.push(*name);
        }
    }
    assert!(
        stale.is_empty(),
        "golden reports differ for {stale:?}; review, then UPDATE_GOLDEN=1 cargo test --test golden"
    );
}

//! Checks over the shared evaluation corpus (`../shared/corpus/`, beside the project; not part
//! of the repository). Each test fails with a clear message when the corpus is missing, rather
//! than passing silently: a fresh clone without it should know these checks did not run.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use wenxi::{Analyzer, Options};

fn corpus(rel: &str) -> PathBuf {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")).join(rel);
    assert!(
        path.exists(),
        "evaluation corpus missing: {} (expected ../shared/corpus beside the project)",
        path.display()
    );
    path
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c)
}

/// Web text with inline pinyin after traditional characters and GBK mojibake: the top 20
/// keywords of every excerpt hold no pinyin, no markup and no punctuation, and every
/// annotation is removed.
#[test]
fn annotated_web_text_keywords_are_words() {
    let tsv = std::fs::read_to_string(corpus("annotated-web-text/web_examples.tsv")).unwrap();
    let mut analyzer = Analyzer::new();
    let options = Options {
        top_n: 20,
        ..Options::default()
    };
    let (mut annotations, mut mojibake, mut excerpts) = (0, 0, 0);
    for line in tsv.lines().skip(1) {
        let mut fields = line.split('\t');
        let (Some(_url), Some(variant), Some(excerpt)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let text = excerpt.replace("\\n", "\n");
        let r = analyzer.analyze(&text, &options).unwrap();
        excerpts += 1;
        annotations += r.cleaning.annotations;
        mojibake += r.cleaning.mojibake;
        // Every Latin word with a vowel written inside parentheses in the excerpt: the
        // annotations' syllables (every pinyin syllable but the interjections ng/m has a
        // vowel). An author's handle of initials, `小羽毛(ngbjxym)`, is a name, not pinyin.
        let annotated: Vec<String> = text
            .split(['(', '（'])
            .skip(1)
            .filter_map(|rest| rest.split([')', '）']).next())
            .flat_map(|inside| inside.split_whitespace())
            .filter(|w| w.chars().all(|c| is_pinyin_letter(c.to_ascii_lowercase())))
            .filter(|w| {
                w.chars()
                    .any(|c| !c.is_ascii() || "aeiouv".contains(c.to_ascii_lowercase()))
            })
            .map(str::to_lowercase)
            .collect();
        let words: Vec<&str> = r.keywords.iter().map(|k| k.word.as_str()).collect();
        let bad: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| {
                let pinyin = (w.chars().all(is_pinyin_letter) && !w.is_ascii())
                    || annotated.iter().any(|a| *a == w.to_lowercase())
                    || ["de", "shi", "le", "zai"].contains(w);
                let markup = w.contains(['<', '>', '/', '&', ';', '?', '(', ')', '\u{FFFD}'])
                    || ["p", "nbsp", "br", "div", "span"].contains(w);
                let punctuation = !w.chars().any(char::is_alphanumeric);
                pinyin || markup || punctuation
            })
            .collect();
        eprintln!(
            "EVAL-KEYWORDS\t{excerpts}\t{variant}\t{}\t{}\t{}\t{}",
            r.cleaning.annotations,
            words.len(),
            bad.len(),
            words[..words.len().min(8)].join("、")
        );
        assert!(
            bad.is_empty(),
            "pinyin, markup or punctuation keywords {bad:?} in {words:?}"
        );
    }
    eprintln!("{excerpts} excerpts: {annotations} annotations removed, {mojibake} mojibake runs");
    assert_eq!(excerpts, 12);
    assert!(annotations >= 100, "{annotations}");
}

/// Traditional text is segmented through its simplified copy: on the UD GSD sentences, the
/// traditional and simplified versions give nearly the same words.
#[test]
fn traditional_segments_like_simplified() {
    let trad = std::fs::read_to_string(corpus("segmentation/ud-gsd-trad.dev.raw.txt")).unwrap();
    let simp = std::fs::read_to_string(corpus("segmentation/ud-gsd-simp.dev.raw.txt")).unwrap();
    let mut analyzer = Analyzer::new();
    let options = Options {
        include_tokens: true,
        compounds: false,
        ..Options::default()
    };
    let (mut same, mut all) = (0usize, 0usize);
    for (t, s) in trad.lines().zip(simp.lines()).take(200) {
        let mut bounds = |text: &str| -> Vec<u32> {
            let r = analyzer.analyze(text, &options).unwrap();
            r.tokens.unwrap().iter().map(|t| t.end).collect()
        };
        let (bt, bs) = (bounds(t), bounds(s));
        if t.encode_utf16().count() == s.encode_utf16().count() {
            all += 1;
            same += usize::from(bt == bs);
        }
    }
    let rate = same as f64 / all as f64;
    eprintln!("{same} of {all} sentences segment identically in both scripts ({rate:.3})");
    assert!(rate >= 0.9, "{rate}");
}

/// The novels of the running-text corpus are told apart by script: Gutenberg's traditional
/// editions, with their stray simplified glyphs, are traditional, not mixed.
#[test]
fn novels_are_classified_by_script() {
    use wenxi::report::ScriptKind;
    let converter = wenxi::script::Converter::new();
    for (dir, want) in [
        ("simplified", ScriptKind::Simplified),
        ("traditional", ScriptKind::Traditional),
    ] {
        let mut files: Vec<_> = std::fs::read_dir(corpus(&format!("running-text/{dir}")))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt") && !p.ends_with("PG_LICENSE.txt"))
            .collect();
        files.sort();
        assert_eq!(files.len(), 4, "{dir}");
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let script = converter.detect(&text);
            eprintln!("{}: {script:?}", path.display());
            assert_eq!(script.kind, want, "{}", path.display());
        }
    }
}

//! The corpus report on a three-document toy corpus, against figures worked out by hand.

use super::*;
use crate::report::{ScriptKind, Stats};
use crate::Error;

/// A summary of words counted by hand (key = word, POS `n`).
fn doc(name: &str, words: &[(&str, u32)]) -> DocumentSummary {
    let mut terms: Vec<TermCount> = words
        .iter()
        .map(|&(w, count)| TermCount {
            key: w.to_string(),
            word: w.to_string(),
            pos: "n".to_string(),
            count,
        })
        .collect();
    terms.sort_by(|a, b| a.key.cmp(&b.key));
    let total: u32 = words.iter().map(|w| w.1).sum();
    DocumentSummary {
        version: crate::VERSION.to_string(),
        name: name.to_string(),
        stats: Stats {
            characters: total * 2,
            utf16_length: total * 2,
            han_characters: total * 2,
            tokens: total,
            words: total,
            distinct_words: words.len() as u32,
            sentences: 1,
            paragraphs: 1,
            average_sentence_length: f64::from(total * 2),
            reading_minutes: 0.01,
        },
        script: ScriptKind::Simplified,
        sections: 1,
        headings: 0,
        terms,
    }
}

/// D0 = 经济×3 发展×1, D1 = 发展×2 改革×2, D2 = 经济 改革 创新×2: four words each, twelve in
/// all; totals 经济 4, 发展 3, 改革 3, 创新 2.
fn toy() -> Vec<DocumentSummary> {
    vec![
        doc("D0", &[("经济", 3), ("发展", 1)]),
        doc("D1", &[("发展", 2), ("改革", 2)]),
        doc("D2", &[("经济", 1), ("改革", 1), ("创新", 2)]),
    ]
}

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() < 1e-9
}

#[test]
fn distinctive_terms_by_hand() {
    let r = corpus_report(&toy(), &CorpusOptions::default(), None).unwrap();
    let d: Vec<Vec<&str>> = r
        .documents
        .iter()
        .map(|d| d.distinctive.iter().map(|t| t.word.as_str()).collect())
        .collect();
    // 发展 in D0 is 1/4 against 2/8 in the rest: not over-used. D1's two words tie on G² and
    // count, and go in key order (发 U+53D1 before 改 U+6539).
    assert_eq!(d, [vec!["经济"], vec!["发展", "改革"], vec!["创新"]]);

    // D0 经济: a = 3 of c = 4, b = 1 of d = 8. E1 = 4·4/12 = 4/3, E2 = 8·4/12 = 8/3.
    // G² = 2(3 ln(3/(4/3)) + 1 ln(1/(8/3))) = 2(3 ln 2.25 + ln 0.375)
    //    = 2(2.4327906486 − 0.9808292530) = 2.9039227912.
    // Log ratio = log2((3/4)/(1/8)) = log2 6 = 2.5849625007.
    let t = &r.documents[0].distinctive[0];
    assert_eq!((t.count, t.other), (3, 1));
    assert!(close(t.g2, 2.9039227912), "{}", t.g2);
    assert!(close(t.log_ratio, 2.5849625007), "{}", t.log_ratio);
    assert_eq!(t.significance, None, "2.90 < 3.84");

    // D1 发展: a = 2, b = 1, c = 4, d = 8. E1 = 4·3/12 = 1, E2 = 2.
    // G² = 2(2 ln 2 + 1 ln 0.5) = 2 ln 2 = 1.3862943611; log ratio = log2((2/4)/(1/8)) = 2.
    let t = &r.documents[1].distinctive[0];
    assert!(close(t.g2, 1.3862943611) && close(t.log_ratio, 2.0));

    // D2 创新: a = 2, b = 0. E1 = 4·2/12 = 2/3: G² = 2 · 2 ln 3 = 4.3944491547 (> 3.84,
    // p < 0.05); log ratio with 0.5 for the zero: log2((2/4)/(0.5/8)) = log2 8 = 3.
    let t = &r.documents[2].distinctive[0];
    assert!(close(t.g2, 4.3944491547) && close(t.log_ratio, 3.0));
    assert_eq!(t.significance, Some(0.05));
}

#[test]
fn tfidf_by_hand() {
    let r = corpus_report(&toy(), &CorpusOptions::default(), None).unwrap();
    // D2: 创新 2/4 · ln(3/1) = 0.5493061443; 改革 and 经济 1/4 · ln(3/2) = 0.1013662770 each,
    // tied, in key order (改 U+6539 before 经 U+7ECF).
    let t = &r.documents[2].tfidf;
    let words: Vec<&str> = t.iter().map(|t| t.word.as_str()).collect();
    assert_eq!(words, ["创新", "改革", "经济"]);
    assert!(close(t[0].tfidf, 0.5493061443) && close(t[1].tfidf, 0.1013662770));
    assert_eq!((t[0].documents, t[1].documents), (1, 2));
}

#[test]
fn cosine_and_order_by_hand() {
    let r = corpus_report(&toy(), &CorpusOptions::default(), None).unwrap();
    let m = &r.similarity.matrix;
    // Vectors over (创新, 发展, 改革, 经济): D0 = (0,1,0,3), D1 = (0,2,2,0), D2 = (2,0,1,1);
    // squared norms 10, 8, 6.
    // D0·D1 = 1·2 = 2: 2/√80 = 0.2236067977. D0·D2 = 3·1 = 3: 3/√60 = 0.3872983346.
    // D1·D2 = 2·1 = 2: 2/√48 = 0.2886751346.
    assert!(close(m[0][1], 0.2236067977) && close(m[1][0], m[0][1]));
    assert!(close(m[0][2], 0.3872983346));
    assert!(close(m[1][2], 0.2886751346));
    assert!((0..3).all(|i| m[i][i] == 1.0));
    // D0 and D2 are the closest pair (distance 0.613): joined first, drawn together.
    assert_eq!(r.similarity.order, [0, 2, 1]);
}

#[test]
fn corpus_keywords_document_by_document() {
    let options = CorpusOptions {
        top_n: 3,
        ..CorpusOptions::default()
    };
    let r = corpus_report(&toy(), &options, None).unwrap();
    assert_eq!((r.words, r.distinct_words), (12, 4));
    let k: Vec<(&str, u64)> = r
        .keywords
        .iter()
        .map(|k| (k.word.as_str(), k.total))
        .collect();
    // 发展 and 改革 tie on 3: word order.
    assert_eq!(k, [("经济", 4), ("发展", 3), ("改革", 3)]);
    assert_eq!(r.keywords[0].counts, [3, 0, 1]);
    assert_eq!(r.keywords[0].relative, [0.75, 0.0, 0.25]);
    assert_eq!(r.keywords[0].documents, 2);
}

#[test]
fn two_groups_both_ways() {
    let c = compare_groups(&toy(), &[0], &[1, 2], 10).unwrap();
    let pos: Vec<&str> = c.keyness.positive.iter().map(|t| t.word.as_str()).collect();
    let neg: Vec<&str> = c.keyness.negative.iter().map(|t| t.word.as_str()).collect();
    assert_eq!(pos, ["经济"]);
    // 改革: 0 of 4 against 3 of 8; E2 = 8·3/12 = 2: G² = 2 · 3 ln 1.5 = 2.4327906486.
    // 创新: 0 against 2; E2 = 4/3: G² = 2 · 2 ln 1.5 = 1.6218604324. 发展 (1/4, 2/8): neither.
    assert_eq!(neg, ["改革", "创新"]);
    assert!(close(c.keyness.negative[0].g2, 2.4327906486));
    assert!(close(c.keyness.negative[1].g2, 1.6218604324));
    // The same as D0's distinctive terms: the rest of the corpus is the other group.
    let r = corpus_report(&toy(), &CorpusOptions::default(), None).unwrap();
    assert_eq!(c.keyness.positive, r.documents[0].distinctive);

    for (a, b) in [(vec![], vec![1]), (vec![0], vec![3]), (vec![0, 1], vec![1])] {
        let e = compare_groups(&toy(), &a, &b, 10).unwrap_err();
        assert_eq!(e.kind(), "invalid_query", "{a:?} {b:?}");
    }
}

#[test]
fn keyness_against_a_reference() {
    let reference = Reference::new(
        "ref",
        [("经济", 1), ("稳定", 5), ("经济", 1)].map(|(w, c)| (w.to_string(), w.to_string(), c)),
    );
    assert_eq!(reference.terms.len(), 2, "repeats are added up");
    let r = corpus_report(&toy(), &CorpusOptions::default(), Some(&reference)).unwrap();
    let k = &r.reference.as_ref().unwrap().keyness;
    assert_eq!((k.words, k.other_words), (12, 7));
    // 发展 and 改革 (3 of 12 against none) tie, in key order; 创新 (2 against none); 经济
    // (4/12 against 2/7) last. The reference's own word 稳定 is the corpus's negative.
    let pos: Vec<&str> = k.positive.iter().map(|t| t.word.as_str()).collect();
    assert_eq!(pos, ["发展", "改革", "创新", "经济"]);
    let neg: Vec<&str> = k.negative.iter().map(|t| t.word.as_str()).collect();
    assert_eq!(neg, ["稳定"]);
}

#[test]
fn one_document_has_nothing_distinctive() {
    let r = corpus_report(&toy()[..1], &CorpusOptions::default(), None).unwrap();
    assert!(r.documents[0].distinctive.is_empty() && r.documents[0].tfidf.is_empty());
    let r = corpus_report(&[], &CorpusOptions::default(), None).unwrap();
    assert!(r.documents.is_empty() && r.similarity.order.is_empty());
}

#[test]
fn summaries_round_trip_as_json_lines() {
    let docs = toy();
    let jsonl: String = docs.iter().map(|d| d.to_json_line() + "\n\n").collect();
    assert_eq!(read_jsonl(&jsonl).unwrap(), docs);
    let one = corpus_report(&docs, &CorpusOptions::default(), None).unwrap();
    let again = corpus_report(
        &read_jsonl(&jsonl).unwrap(),
        &CorpusOptions::default(),
        None,
    );
    assert_eq!(
        serde_json::to_string(&one).unwrap(),
        serde_json::to_string(&again.unwrap()).unwrap()
    );
}

#[test]
fn malformed_summaries_are_typed_errors() {
    let good = toy()[0].to_json_line();
    let other_version = good.replace(crate::VERSION, "0.0.0-other");
    let unsorted = toy()[0].to_json_line().replace("发展", "需要");
    let wrong_sum = good.replace("\"words\":4", "\"words\":5");
    for (text, line) in [
        (format!("{good}\n{{"), 2),
        ("[1, 2]".to_string(), 1),
        (format!("\n\n{other_version}"), 3),
        (unsorted, 1),
        (wrong_sum, 1),
        (good.replace("\"name\"", "\"nom\""), 1),
    ] {
        match read_jsonl(&text) {
            Err(Error::InvalidSummary { line: l, .. }) => assert_eq!(l, line, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}

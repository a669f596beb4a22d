//! The kept corpus (issue 15): documents kept by one analyzer, or analysed by another and
//! handed over as bytes, answer the concordance, collocates and n-grams over all documents
//! with each line labelled; totals equal naive counts in the documents' own texts; later
//! reports (references, the dictionary, group comparisons) read the kept summaries.
#![cfg(not(target_arch = "wasm32"))]

use wenxi::collection::{CorpusRequest, ReferenceSource};
use wenxi::query::{By, CollocatesQuery, ConcordanceQuery, NgramsQuery};
use wenxi::{Analyzer, Options};

/// Three short documents, one traditional, with 绿色 and 发展 in each.
const DOCS: [(&str, &str); 3] = [
    (
        "甲",
        "推动绿色发展，促进人与自然和谐共生。绿色发展是高质量发展的底色。",
    ),
    (
        "乙",
        "長江經濟帶堅持綠色發展。綠色轉型，綠色低碳。\n\n發展新質生產力。",
    ),
    ("丙", "坚持创新驱动发展。推动绿色转型，建设美丽中国。"),
];

fn kept(queries: bool) -> Analyzer {
    let mut analyzer = Analyzer::new();
    for (i, (name, text)) in DOCS.iter().enumerate() {
        analyzer
            .keep_document(i, name, text, &Options::default(), queries)
            .unwrap();
    }
    analyzer
}

fn utf16_slice(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).unwrap()
}

#[test]
fn concordance_totals_are_the_documents_naive_counts() {
    let analyzer = kept(true);
    for needle in ["绿色", "發展", "。"] {
        let q = ConcordanceQuery {
            query: needle.into(),
            ..Default::default()
        };
        let found = analyzer.corpus_concordance(&q).unwrap();
        let naive: Vec<u32> = DOCS
            .iter()
            .map(|(_, t)| t.matches(needle).count() as u32)
            .collect();
        assert_eq!(found.per_document, naive, "{needle}");
        assert_eq!(found.total, naive.iter().sum::<u32>());
        for line in &found.lines {
            let text = DOCS[line.document as usize].1;
            assert_eq!(utf16_slice(text, line.line.start, line.line.end), needle);
        }
        // Position order: documents in order, each in text order.
        let places: Vec<(u32, u32)> = found
            .lines
            .iter()
            .map(|l| (l.document, l.line.start))
            .collect();
        let mut sorted = places.clone();
        sorted.sort();
        assert_eq!(places, sorted);
    }
    // By word, the traditional document's 綠色 is found through the key 绿色.
    let by_word = ConcordanceQuery {
        query: "绿色".into(),
        by: By::Word,
        ..Default::default()
    };
    let found = analyzer.corpus_concordance(&by_word).unwrap();
    assert_eq!(found.per_document, [2, 3, 1]);
}

#[test]
fn documents_handed_over_as_bytes_answer_as_kept_ones() {
    let here = kept(true);
    let mut elsewhere = Analyzer::new();
    let mut there = Analyzer::new();
    // Documents 0 and 2 analysed in another analyzer (another worker), 1 kept directly.
    for i in [2usize, 0] {
        let (name, text) = DOCS[i];
        let (summary, bytes) = elsewhere
            .export_document(name, text, &Options::default())
            .unwrap();
        there.adopt_document(i, summary, Some(&bytes)).unwrap();
    }
    there
        .keep_document(1, DOCS[1].0, DOCS[1].1, &Options::default(), true)
        .unwrap();
    let cq = CollocatesQuery {
        word: "绿色".into(),
        min_count: 1,
        ..Default::default()
    };
    let nq = NgramsQuery::default();
    let kq = ConcordanceQuery {
        query: "发展".into(),
        by: By::Word,
        ..Default::default()
    };
    let json = |a: &Analyzer| {
        (
            serde_json::to_string(&a.corpus_collocates(&cq).unwrap()).unwrap(),
            serde_json::to_string(&a.corpus_ngrams(&nq).unwrap()).unwrap(),
            serde_json::to_string(&a.corpus_concordance(&kq).unwrap()).unwrap(),
        )
    };
    assert_eq!(json(&here), json(&there));
    // Summaries kept out of order give the report of the summaries in order.
    let mut here = here;
    let request = CorpusRequest::default();
    assert_eq!(
        there.kept_corpus_report(&request).unwrap(),
        here.kept_corpus_report(&request).unwrap()
    );
    let collocates = here.corpus_collocates(&cq).unwrap();
    let words: Vec<&str> = collocates
        .collocates
        .iter()
        .map(|c| c.word.as_str())
        .collect();
    assert!(words.contains(&"发展"), "{words:?}");
    assert_eq!(collocates.frequency, 6);
    // Bytes that are not a kept analysis are a typed error, and keep nothing.
    let (summary, mut bytes) = elsewhere
        .export_document("x", "绿色", &Options::default())
        .unwrap();
    bytes.truncate(bytes.len() / 2);
    let e = there
        .adopt_document(3, summary.clone(), Some(&bytes))
        .unwrap_err();
    assert_eq!(e.kind(), "invalid_summary");
    let e = there
        .adopt_document(3, summary, Some(b"garbage"))
        .unwrap_err();
    assert_eq!(e.kind(), "invalid_summary");
    assert_eq!(json(&there), json(&here));
}

#[test]
fn queries_need_a_corpus_kept_for_them() {
    let mut analyzer = Analyzer::new();
    let q = ConcordanceQuery {
        query: "绿色".into(),
        ..Default::default()
    };
    assert_eq!(
        analyzer.corpus_concordance(&q).unwrap_err().kind(),
        "not_analyzed"
    );
    let summaries_only = kept(false);
    assert_eq!(
        summaries_only.corpus_concordance(&q).unwrap_err().kind(),
        "not_analyzed"
    );
    // A missing document (a gap in the indices) is not a corpus either.
    analyzer
        .keep_document(1, "乙", DOCS[1].1, &Options::default(), true)
        .unwrap();
    assert_eq!(
        analyzer.corpus_concordance(&q).unwrap_err().kind(),
        "not_analyzed"
    );
    // A document that fails to analyse again leaves a gap, not its old self.
    analyzer
        .keep_document(0, "甲", DOCS[0].1, &Options::default(), true)
        .unwrap();
    assert!(analyzer
        .kept_corpus_report(&CorpusRequest::default())
        .is_ok());
    let too_long = "字".repeat(wenxi::MAX_INPUT_UTF16 + 1);
    assert!(analyzer
        .keep_document(1, "乙", &too_long, &Options::default(), true)
        .is_err());
    assert_eq!(
        analyzer
            .kept_corpus_report(&CorpusRequest::default())
            .unwrap_err()
            .kind(),
        "not_analyzed"
    );
    analyzer.clear_documents();
    assert_eq!(
        analyzer.kept_compare(&[0], &[1], 5).unwrap_err().kind(),
        "not_analyzed"
    );
}

#[test]
fn later_reports_read_the_kept_summaries() {
    let mut analyzer = kept(false);
    let summaries: Vec<_> = DOCS
        .iter()
        .map(|(n, t)| {
            Analyzer::new()
                .summarize(n, t, &Options::default())
                .unwrap()
        })
        .collect();
    let request = CorpusRequest::default();
    let kept_report = analyzer.kept_corpus_report(&request).unwrap();
    assert_eq!(
        kept_report,
        analyzer.corpus_report(&summaries, &request).unwrap()
    );
    let compared = analyzer.kept_compare(&[0], &[1, 2], 10).unwrap();
    assert_eq!(
        compared,
        wenxi::collection::compare_groups(&summaries, &[0], &[1, 2], 10).unwrap()
    );
    // Against jieba's dictionary, 绿色 (in every document, rare in the dictionary's corpus)
    // is key; a stopword such as 的 is not a content word on either side.
    let dictionary = CorpusRequest {
        reference: Some(ReferenceSource::Dictionary {
            name: "jieba dictionary".into(),
        }),
        ..CorpusRequest::default()
    };
    let report = analyzer.kept_corpus_report(&dictionary).unwrap();
    let reference = report.reference.expect("a reference comparison");
    assert_eq!(reference.name, "jieba dictionary");
    let key: Vec<&str> = reference
        .keyness
        .positive
        .iter()
        .map(|t| t.word.as_str())
        .collect();
    let text = format!("{key:?}");
    assert!(
        reference.keyness.other_words > 10_000_000,
        "the dictionary's counts"
    );
    assert!(!key.contains(&"的"));
    assert!(key.contains(&"绿色"), "{text}");
}

//! Our copy of jieba's lexicon (`data/jieba/`, read by `wenxi::lexicon` and `wenxi::idf`)
//! gives exactly the values jieba-rs's own `TfIdf` uses, for listed words and unlisted ones
//! alike, and exactly its dictionary.
#![cfg(not(target_arch = "wasm32"))]

use upstream_jieba::{Jieba, KeywordExtract, KeywordExtractConfig, TfIdf};
use wenxi::idf::Idf;
use wenxi::lexicon::{self, Entries};

#[test]
fn idf_values_equal_jieba_rs_tfidf() {
    let ours = Idf::builtin();
    let jieba = Jieba::new();
    let mut tfidf = TfIdf::default();
    *tfidf.config_mut() = KeywordExtractConfig::builder()
        .set_stop_words(Default::default())
        .min_keyword_length(1)
        .use_hmm(true)
        .build();
    // jieba-rs's IDF of a word: extract it from a text that is that word alone (weight =
    // idf × 1/1). Every 500th word of the table, and words it does not list.
    let mut words = Vec::new();
    let mut entries = Entries::new();
    let mut i = 0;
    while let Some(e) = entries.next_entry() {
        if e.df.is_some() {
            if i % 500 == 0 {
                words.push(e.word.to_string());
            }
            i += 1;
        }
    }
    words.extend(["\u{E000}".to_string(), "文析不是词语".to_string()]);
    let mut compared = 0;
    let mut median_seen = false;
    for w in &words {
        let got = tfidf.extract_keywords(&jieba, w, 1, Vec::new());
        // Only words that segment whole on their own can be read back this way.
        let [k] = got.as_slice() else { continue };
        if k.keyword != *w {
            continue;
        }
        assert_eq!(ours.get(w), k.weight, "{w}");
        compared += 1;
        median_seen |= w == "\u{E000}";
    }
    assert!(compared > 400, "only {compared} words compared");
    assert!(median_seen, "the unlisted word's median was not compared");
}

/// The dictionary rebuilt from the lexicon is jieba-rs's own, word for word: same words,
/// frequencies and tags (so the same total and the same segmentation).
#[test]
fn dictionary_equals_jieba_rs_default() {
    let ours = Jieba::with_dict(&mut lexicon::dictionary_text().as_bytes()).unwrap();
    let theirs = Jieba::new();
    let mut entries = Entries::new();
    let mut n = 0;
    while let Some(e) = entries.next_entry() {
        assert_eq!(e.dict.is_some(), theirs.has_word(e.word), "{}", e.word);
        if e.dict.is_some() {
            assert!(ours.has_word(e.word));
            n += 1;
        }
    }
    assert_eq!(n, 349_045);
    let text = include_str!("fixtures/report-headings-simp.txt");
    let cut = |j: &Jieba| -> Vec<(String, String)> {
        j.tag(text, true)
            .into_iter()
            .map(|t| (t.word.to_string(), t.tag.to_string()))
            .collect()
    };
    assert_eq!(cut(&ours), cut(&theirs));
}

//! Our sorted copy of jieba's IDF table (`data/jieba/idf.txt`, read by `wenxi::idf`) gives
//! exactly the values jieba-rs's own `TfIdf` uses, for listed words and unlisted ones alike.

use jieba_rs::{Jieba, KeywordExtract, KeywordExtractConfig, TfIdf};
use wenxi::idf::Idf;

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
    let table = include_str!("../data/jieba/idf.txt");
    let mut words: Vec<&str> = table
        .lines()
        .skip(1)
        .step_by(500)
        .filter_map(|l| l.split(' ').next())
        .collect();
    words.extend(["\u{E000}", "文析不是词语"]);
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
        median_seen |= *w == "\u{E000}";
    }
    assert!(compared > 400, "only {compared} words compared");
    assert!(median_seen, "the unlisted word's median was not compared");
}

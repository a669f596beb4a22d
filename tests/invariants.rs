//! Invariants of the whole pipeline over pseudo-random texts mixing everything users paste:
//! offsets in range and rising, sections tiling the text, keyword counts equal to a naive
//! recount from the tokens, and byte-identical JSON for the same input.
#![cfg(not(target_arch = "wasm32"))]

use wenxi::{Analyzer, Options};

mod common;
use common::{invariants, XorShift as Rng};

// The pieces real pastes are made of, shared with the fuzz targets.
#[path = "../fuzz/pieces.rs"]
mod pieces;

fn random_text(rng: &mut Rng) -> String {
    let n = (rng.next() % 80) as usize;
    (0..n).map(|_| rng.pick(pieces::PIECES)).collect()
}

#[test]
fn invariants_hold_on_random_texts() {
    let mut analyzer = Analyzer::new();
    let converter = wenxi::script::Converter::new();
    let mut rng = Rng(0x5EED_CAFE_F00D_u64);
    for round in 0..400 {
        let text = random_text(&mut rng);
        if let Err(e) = invariants::check(&mut analyzer, &converter, &text) {
            panic!("round {round}: {e} on {text:?}");
        }
        // A fresh analyzer gives the same bytes as one that has analysed before.
        if round % 40 == 0 {
            let options = invariants::options();
            let used = serde_json::to_string(&analyzer.analyze(&text, &options).unwrap()).unwrap();
            let fresh =
                serde_json::to_string(&Analyzer::new().analyze(&text, &options).unwrap()).unwrap();
            assert_eq!(used, fresh, "round {round}: {text:?}");
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

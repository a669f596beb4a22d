//! Noun compounds: noun pairs that a text uses as one term (长江 / 经济带 → 长江经济带).

use super::tokens::{Tok, Tokens};
use crate::report::TokenKind;

/// A token that joins a noun pair: its index and the chars of its first part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compound {
    pub token: usize,
    pub split: usize,
}

/// A noun pair is joined into one term when it occurs at least this often…
const COMPOUND_MIN_COUNT: u32 = 3;
/// …and accounts for at least this share of the rarer part's occurrences.
const COMPOUND_MIN_SHARE: f64 = 0.8;

/// Join noun pairs that the text uses as one term. jieba's dictionary lacks most policy and
/// domain terms (长江经济带 comes out as 长江 / 经济带), and a reader of a report on it expects
/// the term, not its halves. A pair is joined where both parts are Han nouns of two or more
/// chars, they stand side by side with nothing between, the pair occurs at least
/// `COMPOUND_MIN_COUNT` times, and at least `COMPOUND_MIN_SHARE` of the rarer part's
/// occurrences are in the pair (so 长江 alone elsewhere does not stop 长江经济带, but a noun
/// that mostly stands free is not glued to its neighbour). One pass, so terms have two parts.
/// The joined token takes the second part's tag (the head noun in Chinese).
///
/// Returns the tokens and, for each joined one, its index and the chars of its first part
/// (the queries list these terms with their parts).
pub fn join_compounds(text: &str, toks: Tokens) -> (Tokens, Vec<Compound>) {
    let noun = |t: &Tok| {
        t.kind == TokenKind::Han && t.pos.as_str().starts_with('n') && t.end - t.start >= 2
    };
    let word = |t: &Tok| text.get(t.byte_start..t.byte_end).unwrap_or("");
    let mut singles: rustc_hash::FxHashMap<&str, u32> = Default::default();
    let mut pairs: rustc_hash::FxHashMap<(&str, &str), u32> = Default::default();
    let mut previous: Option<Tok> = None;
    for t in toks.iter() {
        if noun(&t) {
            *singles.entry(word(&t)).or_insert(0) += 1;
            if let Some(p) = previous.filter(|p| noun(p) && p.byte_end == t.byte_start) {
                *pairs.entry((word(&p), word(&t))).or_insert(0) += 1;
            }
        }
        previous = Some(t);
    }
    let joins = |a: &Tok, b: &Tok| -> bool {
        if !(noun(a) && noun(b) && a.byte_end == b.byte_start) {
            return false;
        }
        let (wa, wb) = (word(a), word(b));
        let together = pairs.get(&(wa, wb)).copied().unwrap_or(0);
        let rarer = singles
            .get(wa)
            .copied()
            .unwrap_or(0)
            .min(singles.get(wb).copied().unwrap_or(0));
        together >= COMPOUND_MIN_COUNT
            && f64::from(together) >= COMPOUND_MIN_SHARE * f64::from(rarer)
    };
    // In place, as in `numbers::join_numbers`.
    let mut toks = toks;
    let mut joined = Vec::new();
    let (mut w, mut i) = (0, 0);
    while i < toks.len() {
        let t = toks.get(i).unwrap_or_default();
        match toks.get(i + 1) {
            Some(next) if joins(&t, &next) => {
                toks.set(w, Tok { pos: next.pos, ..t });
                joined.push(Compound {
                    token: w,
                    split: t.end - t.start,
                });
                i += 2;
            }
            _ => {
                toks.set(w, t);
                i += 1;
            }
        }
        w += 1;
    }
    toks.truncate(w);
    (toks, joined)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    #[test]
    fn joins_noun_pairs_used_as_one_term() {
        let seg = Segmenter::new();
        let text = "长江经济带很重要。推动长江经济带发展。长江经济带的生态。长江很长。";
        let (joined, compounds) = join_compounds(text, seg.tokens(text, true));
        assert_eq!(compounds.len(), 3);
        assert_eq!(compounds[0].split, 2, "长江 | 经济带");
        let w: Vec<&str> = joined
            .iter()
            .map(|t| &text[t.byte_start..t.byte_end])
            .collect();
        assert_eq!(w.iter().filter(|&&x| x == "长江经济带").count(), 3, "{w:?}");
        assert!(w.contains(&"长江"), "the free-standing 长江 stays");
        // Twice is not enough.
        let text = "长江经济带很重要。长江经济带的生态。";
        let (joined, _) = join_compounds(text, seg.tokens(text, true));
        assert!(!joined
            .iter()
            .any(|t| &text[t.byte_start..t.byte_end] == "长江经济带"));
    }
}

//! Token runs joined into one token each: the terms found in the text, when the analysis is
//! asked to count them as words (`Options::terms`).

use super::classify::classify;
use super::tokens::{Pos, Tok, Tokens};

/// Join each run `(first, len)` of `len` tokens into one token. Runs are in text order and
/// do not overlap; a run past the end is ignored. The joined token is read again for its kind
/// and takes its last part's tag (the head, as for compounds), or `nz` (a name) when that is
/// a numeral or measure word (十五 / 五 → 十五五 is a name, not a number).
pub fn join_runs(text: &str, toks: Tokens, runs: &[(usize, usize)]) -> Tokens {
    let mut toks = toks;
    let mut runs = runs.iter().copied().peekable();
    // In place, as in `numbers::join_numbers`.
    let (mut w, mut i) = (0, 0);
    while i < toks.len() {
        let t = toks.get(i).unwrap_or_default();
        while runs.next_if(|&(first, _)| first < i).is_some() {}
        let run = runs
            .next_if(|&(first, len)| first == i && len > 1 && i + len <= toks.len())
            .and_then(|(_, len)| toks.get(i + len - 1).map(|last| (len, last)));
        match run {
            Some((len, last)) => {
                let pos = match last.pos.as_str() {
                    "m" | "mq" | "q" | "x" => Pos::NZ,
                    _ => last.pos,
                };
                let joined = Tok {
                    end: last.end,
                    byte_end: last.byte_end,
                    kind: classify(text.get(t.byte_start..last.byte_end).unwrap_or("")),
                    pos,
                    ..t
                };
                toks.set(w, joined);
                i += len;
            }
            None => {
                toks.set(w, t);
                i += 1;
            }
        }
        w += 1;
    }
    toks.truncate(w);
    toks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    #[test]
    fn runs_become_one_token() {
        let seg = Segmenter::new();
        let text = "谋划十五五规划，推动高质量发展。";
        let toks = seg.tokens(text, true);
        let words = |t: &Tokens| -> Vec<String> {
            t.iter()
                .map(|x| format!("{}/{}", &text[x.byte_start..x.byte_end], x.pos.as_str()))
                .collect()
        };
        let before = words(&toks);
        let at = |w: &str| before.iter().position(|x| x.starts_with(w)).unwrap();
        let runs = [(at("十五/"), 2), (at("高质量/"), 2)];
        let joined = words(&join_runs(text, toks, &runs));
        assert!(joined.contains(&"十五五/nz".to_string()), "{joined:?}");
        assert!(joined.contains(&"高质量发展/vn".to_string()), "{joined:?}");
        assert_eq!(joined.len(), before.len() - 2);
    }
}

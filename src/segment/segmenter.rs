//! The [`Segmenter`] over jieba-rs: builds the dictionary, adds and removes words, and cuts a
//! text into tokens chunk by chunk (with progress), applying the number, measure-word and link
//! passes of the sibling modules.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use jieba_rs::{Jieba, Tag};
use rustc_hash::{FxHashMap, FxHasher};

use super::classify::classify;
use super::links::join_links;
use super::numbers::{join_numbers, measure_split, MEASURE_WORDS, NUMBER_UNITS, QUANTIFIERS};
use super::tokens::{Pos, Tok, Tokens};
use crate::lexicon;
use crate::report::TokenKind;

/// jieba's dictionary and HMM, built once.
pub struct Segmenter {
    jieba: Jieba,
    /// The dictionary's tag of each single-char numeral, demonstrative and measure word, for
    /// the halves `measure_split` cuts: a word keeps one tag wherever it stands, so a tag-based
    /// filter (numbers are not keywords) counts every occurrence of it or none (jieba tags a
    /// lone 种 `m`; tagging the 种 of 这种 `q` once made 种 count half its occurrences).
    split_tags: FxHashMap<char, Pos>,
    /// Every word added or removed since the dictionary was built, with the frequency it has
    /// now (0: removed). With jieba's own dictionary this is the whole state of the
    /// dictionary, which [`Segmenter::dictionary_fingerprint`] sums up.
    changed: BTreeMap<String, usize>,
}

impl Segmenter {
    /// Build jieba's dictionary (about 350k words) from the embedded lexicon. This is the slow
    /// part of starting up; do it once.
    pub fn new() -> Segmenter {
        let dict = lexicon::dictionary_text();
        // The embedded lexicon's frequencies are all integers (the lexicon's tests read every
        // line); should that ever break, segmenting with an empty dictionary (single
        // characters and the HMM) beats a panic that kills the wasm module.
        let jieba = Jieba::with_dict(&mut dict.as_bytes()).unwrap_or_else(|_| Jieba::empty());
        let mut segmenter = Segmenter {
            jieba,
            split_tags: FxHashMap::default(),
            changed: BTreeMap::new(),
        };
        let mut buf = [0u8; 4];
        for c in QUANTIFIERS.chars().chain(MEASURE_WORDS.chars()) {
            if let Some(pos) = segmenter.lone_tag(c.encode_utf8(&mut buf)) {
                segmenter.split_tags.insert(c, pos);
            }
        }
        segmenter
    }

    /// Add a word to the dictionary so that segmentation keeps it whole, with the frequency
    /// jieba suggests for that (which also restores a removed word). Returns whether it was
    /// new to the dictionary.
    ///
    /// A word added before (and not removed since) is left as it is: jieba's suggestion for a
    /// word already in the dictionary is higher each time, so every analysis with the same
    /// `options.words` would otherwise leave a different dictionary behind, and two workers
    /// that added the same words a different number of times would cut alike only by chance.
    pub fn add_word(&mut self, word: &str) -> bool {
        if self.changed.get(word).is_some_and(|&freq| freq > 0) {
            return false;
        }
        let new = !self.jieba.has_word(word);
        let freq = self.jieba.add_word(word, None, None);
        self.changed.insert(word.to_string(), freq);
        new
    }

    /// Take a word out of the dictionary, so segmentation splits it (jieba's `del_word`: a
    /// frequency of 0 makes every route through it impossible). The HMM may still join its
    /// characters when they are single-character runs unknown to the dictionary.
    pub fn remove_word(&mut self, word: &str) -> bool {
        if !self.jieba.has_word(word) {
            return false;
        }
        self.jieba.add_word(word, Some(0), None);
        self.changed.insert(word.to_string(), 0);
        true
    }

    /// A digest of the dictionary's state: equal for two segmenters whose words were added and
    /// removed to the same effect (the same words at the same frequencies), so that tokens one
    /// made can stand for tokens the other would make. Stable within one build of Wenxi only.
    pub fn dictionary_fingerprint(&self) -> u64 {
        let mut hasher = FxHasher::default();
        for (word, freq) in &self.changed {
            word.hash(&mut hasher);
            freq.hash(&mut hasher);
        }
        hasher.finish()
    }

    /// Where a dictionary word of three or more chars divides into two parts the dictionary
    /// knows (a word of two chars or more, then a word or a single char): the char length of
    /// the longest such first part. 产业链 → 2 (产业 + 链), 人工智能 → 2 (人工 + 智能);
    /// `None` for a word the dictionary lacks or that divides no such way (a name, 葡萄酒 if
    /// 葡萄 were unknown). A word jieba keeps whole can still be a multi-word term.
    pub fn compound_split(&self, word: &str) -> Option<usize> {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() < 3 || !self.jieba.has_word(word) {
            return None;
        }
        (2..chars.len()).rev().find(|&k| {
            let (first, rest) = word.split_at(chars[k].0);
            self.jieba.has_word(first) && (k + 1 == chars.len() || self.jieba.has_word(rest))
        })
    }

    /// Segment `text` into tokens covering it entirely, in order.
    pub fn tokens<'a>(&'a self, text: &'a str, hmm: bool) -> Tokens {
        self.tokens_with_progress(text, hmm, &mut |_| {})
    }

    /// [`Segmenter::tokens`], reporting the bytes of `text` segmented so far about every
    /// [`CHUNK_BYTES`], so a page can show progress on a long text.
    pub fn tokens_with_progress<'a>(
        &'a self,
        text: &'a str,
        hmm: bool,
        progress: &mut dyn FnMut(usize),
    ) -> Tokens {
        // The token vector is the largest buffer of a long text's analysis, and letting it
        // grow would double it at its peak. So it is sized twice: room for a token per char
        // of the first chunk (never fewer chars than tokens: a measure-word split makes two
        // tokens of two chars), then, once that chunk is tagged, the whole text at its density
        // plus a margin.
        let first = text.len().min(CHUNK_BYTES);
        let first_chars = text.get(..first).map_or(first, |s| s.chars().count());
        let mut out = Tokens::with_capacity(first_chars);
        let mut sized = first == text.len();
        let mut next_report = CHUNK_BYTES;
        // One call tags the whole text, each token handled as jieba finds it: no vector of
        // jieba's own tags, and each unknown word's tag guessed once in the text.
        let mut tags: FxHashMap<(usize, usize), Pos> = FxHashMap::default();
        self.jieba.tag_each(text, hmm, |t| {
            if t.byte_end >= next_report {
                if !sized {
                    let per_byte = out.len() as f64 / t.byte_end.max(1) as f64;
                    let estimate = (per_byte * text.len() as f64 * 1.1) as usize + 1024;
                    out.reserve_exact(estimate.saturating_sub(out.len()));
                    sized = true;
                }
                if t.byte_end < text.len() {
                    progress(t.byte_end);
                }
                next_report = t.byte_end + CHUNK_BYTES;
            }
            self.push_token(t, &mut tags, &mut out);
        });
        if !text.is_empty() {
            progress(text.len());
        }
        join_numbers(text, &mut out, &|w| self.lone_tag(w));
        join_links(text, &mut out);
        out
    }

    /// Add jieba's tagged word `t` to `out`: its kind, its tag as a [`Pos`] (`tags` remembers
    /// each of jieba's interned tags by address), a number's unit joined to it and a numeral
    /// split from its measure word.
    fn push_token(&self, t: Tag<'_>, tags: &mut FxHashMap<(usize, usize), Pos>, out: &mut Tokens) {
        let kind = classify(t.word);
        // `3` `‰` → `3‰`.
        if out.kind(out.len().wrapping_sub(1)) == Some(TokenKind::Number)
            && out.byte_end == t.byte_start
            && NUMBER_UNITS.contains(&t.word)
        {
            out.extend_last(t.end, t.byte_end);
            return;
        }
        let pos = match kind {
            TokenKind::Number => Pos::M,
            TokenKind::Punctuation | TokenKind::Whitespace | TokenKind::Other => Pos::X,
            // jieba's tags are interned: one lookup per distinct tag, by address.
            _ => *tags
                .entry((t.tag.as_ptr() as usize, t.tag.len()))
                .or_insert_with(|| Pos::of(t.tag)),
        };
        if let Some((head, head_pos, measure)) =
            measure_split(t.word).filter(|_| kind == TokenKind::Han)
        {
            let mut head_chars = t.word[..head].chars();
            let head_pos = match (head_chars.next(), head_chars.next()) {
                (Some(c), None) => self.split_tags.get(&c).copied().unwrap_or(head_pos),
                _ => head_pos,
            };
            let measure_pos = self.split_tags.get(&measure).copied();
            // `一个` → `一` `个` (the measure word is one char).
            out.push(Tok {
                start: t.start,
                end: t.end - 1,
                byte_start: t.byte_start,
                byte_end: t.byte_start + head,
                kind,
                pos: head_pos,
            });
            out.push(Tok {
                start: t.end - 1,
                end: t.end,
                byte_start: t.byte_start + head,
                byte_end: t.byte_end,
                kind,
                pos: measure_pos.unwrap_or(Pos::Q),
            });
            return;
        }
        out.push(Tok {
            start: t.start,
            end: t.end,
            byte_start: t.byte_start,
            byte_end: t.byte_end,
            kind,
            pos,
        });
    }

    /// jieba's tag for `word` when its dictionary has it as one word, else `None`.
    fn lone_tag(&self, word: &str) -> Option<Pos> {
        if !self.jieba.has_word(word) {
            return None;
        }
        match self.jieba.tag(word, false).as_slice() {
            [t] => Some(Pos::of(t.tag)),
            _ => None,
        }
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

/// The sum of the frequencies in jieba's dictionary (jieba-rs 0.11's `dict.txt`, 349,045
/// words), the size of the reference corpus that [`crate::idf::Idf::frequency`] counts in.
pub const REFERENCE_TOTAL: u64 = 60_101_964;

/// Segmentation reports its progress about every this many bytes (see
/// [`Segmenter::tokens_with_progress`]).
pub const CHUNK_BYTES: usize = 256 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    fn words(seg: &Segmenter, text: &str) -> Vec<String> {
        seg.tokens(text, true)
            .iter()
            .map(|t| text[t.byte_start..t.byte_end].to_string())
            .collect()
    }

    #[test]
    fn mixed_tokens_stay_whole() {
        let seg = Segmenter::new();
        let w = words(
            &seg,
            "2023年发布了5G和DDR5，增长3.14%，千分之3‰，COVID-19疫情",
        );
        for whole in ["2023", "5G", "DDR5", "3.14%", "3‰", "COVID-19"] {
            assert!(w.iter().any(|x| x == whole), "{whole} not whole in {w:?}");
        }
    }

    #[test]
    fn progress_rises_through_a_long_text_to_its_end() {
        let seg = Segmenter::new();
        let text =
            "会议强调，要推动长江经济带发展。\n第二段落很长很长。👪𦡦\r\n三\n".repeat(20_000);
        let mut seen = Vec::new();
        let toks = seg.tokens_with_progress(&text, true, &mut |done| seen.push(done));
        assert_eq!(toks, seg.tokens(&text, true));
        assert!(seen.len() > text.len() / CHUNK_BYTES, "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
        assert_eq!(seen.last(), Some(&text.len()));
        assert!(seg
            .tokens_with_progress("", true, &mut |_| panic!("nothing to report"))
            .is_empty());
    }

    #[test]
    fn tokens_tile_the_text() {
        let seg = Segmenter::new();
        let text = "会议强调，要推动长江经济带发展。𦡦👪 Hello!\r\n";
        let toks = seg.tokens(text, true);
        let mut at = 0;
        for t in toks.iter() {
            assert_eq!(t.byte_start, at);
            at = t.byte_end;
        }
        assert_eq!(at, text.len());
    }
}

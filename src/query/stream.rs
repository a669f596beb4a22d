//! The token stream of a text, compactly: where each token starts (a char index; it ends
//! where the next starts), its word (an index into the vocabulary of distinct keys) and its
//! part of speech, with the vocabulary found by key through a sorted index; and the break
//! flags that tell the queries where sentences and phrases start. [`super::Corpus`] keeps one
//! with the cleaned text.

use rustc_hash::FxHashMap;

use crate::keywords::key_of;
use crate::report::TokenKind;
use crate::segment::{Compound, Pos, Tok};

/// A new sentence starts at this token: after sentence-final punctuation, a line break that
/// is not a hard wrap, or a section start. Collocation windows may stay within sentences.
pub const SENTENCE_START: u8 = 1;
/// A new phrase starts at this token: after any punctuation, a sentence break, or a symbol
/// (emoji, link, mojibake). N-grams and terms never run across one.
pub const PHRASE_START: u8 = 2;

/// A line at least this long (in chars), broken between two words, is hard-wrapped and does
/// not end its sentence (the wrap widths of the corpus's Gutenberg novels are 30–40 chars; the
/// section stage uses the same floor of 16 for a wrap width).
const WRAP_MIN_LINE: usize = 16;

/// One distinct word of the text, as the queries read it: borrowed from its stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    key: &'a str,
    word: &'a str,
    /// The kind of its first occurrence.
    pub kind: TokenKind,
    /// For a noun pair the analysis joined into one token (长江经济带: see
    /// [`crate::segment::join_compounds`]), the chars of its first part.
    pub split: Option<u16>,
}

impl<'a> Entry<'a> {
    /// The key it is counted by: simplified, lower-cased (see [`key_of`]).
    pub fn key(&self) -> &'a str {
        self.key
    }

    /// As first written in the cleaned text.
    pub fn word(&self) -> &'a str {
        self.word
    }

    /// Whether tokens of this word are words to the queries: Han, Latin or numbers (not
    /// punctuation, whitespace or symbols).
    pub fn is_word(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Han | TokenKind::Latin | TokenKind::Number
        )
    }
}

/// A distinct word as the stream holds it: its key, then its written form when that differs,
/// in the stream's one string of words (a text has a hundred thousand distinct words, and a
/// corpus of 500 documents keeps each document's: one allocation each would double them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Item {
    /// Byte range of the key and the written form in `Stream::words`.
    start: u32,
    key_len: u32,
    word_len: u32,
    kind: TokenKind,
    split: Option<u16>,
}

/// One word token in text order, as the queries walk them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordAt {
    /// Index of the token in the whole stream.
    pub token: u32,
    /// Vocabulary index.
    pub id: u32,
    /// Counts the sentence and phrase breaks before it: two words are in the same sentence
    /// (phrase) when these are equal.
    pub sentence: u32,
    pub phrase: u32,
}

/// The token stream of a text, built while its tokens are at hand (they are the analysis's
/// largest buffer, dropped soon after); [`super::Corpus::new`] then takes it with the cleaned text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stream {
    pub(super) starts: Vec<u32>,
    ids: Vec<u32>,
    pub(super) pos: Vec<Pos>,
    vocab: Vec<Item>,
    /// The distinct words' keys and written forms, end to end (see [`Item`]).
    words: String,
    /// Vocabulary indices in key order, to find a word by its key (a hash map would hold
    /// every key a second time).
    by_key: Vec<u32>,
}

impl Stream {
    /// The stream of `toks`, tokens of `segmented`: `cleaned` (the cleaned text) itself or its
    /// simplified copy, which has the same chars count (not always the same bytes).
    /// `compounds` are the tokens that join a noun pair.
    pub fn build(
        cleaned: &str,
        segmented: &str,
        toks: impl Iterator<Item = Tok>,
        compounds: &[Compound],
    ) -> Stream {
        let mut index: FxHashMap<String, u32> = FxHashMap::default();
        Stream::assemble(cleaned, segmented, toks, compounds, |s, t, new_word| {
            let key = key_of(segmented.get(t.byte_start..t.byte_end).unwrap_or(""));
            if let Some(&id) = index.get(key.as_ref()) {
                return id;
            }
            let id = new_word(s, &key);
            index.insert(key.into_owned(), id);
            id
        })
    }

    /// The stream of `joined`, the tokens this stream was built from with some runs of them
    /// joined into one token each ([`crate::segment::join_runs`]), and `compounds` numbered
    /// for them: the very stream [`Stream::build`] would make of them, without hashing every
    /// token's key again. A token that stands as it stood keeps its word, so only the joined
    /// ones are looked up (by key among this stream's words, else among the new ones).
    pub fn rejoined(
        &self,
        cleaned: &str,
        segmented: &str,
        joined: impl Iterator<Item = Tok>,
        compounds: &[Compound],
    ) -> Stream {
        // This stream's words in the new numbering, as they are first met.
        let mut renumbered = vec![u32::MAX; self.vocab.len()];
        let mut fresh: FxHashMap<String, u32> = FxHashMap::default();
        let mut old = 0usize;
        Stream::assemble(cleaned, segmented, joined, compounds, |s, t, new_word| {
            // The tokens of this stream that `t` covers: one, or a joined run.
            let mut end = old + 1;
            while end < self.starts.len() && (self.starts[end] as usize) < t.end {
                end += 1;
            }
            let single = end == old + 1;
            let first = old;
            old = end;
            let key;
            let known = if single {
                self.ids.get(first).copied()
            } else {
                key = key_of(segmented.get(t.byte_start..t.byte_end).unwrap_or(""));
                match self.id_of(&key) {
                    Some(id) => Some(id),
                    None => {
                        if let Some(&id) = fresh.get(key.as_ref()) {
                            return id;
                        }
                        let id = new_word(s, &key);
                        fresh.insert(key.into_owned(), id);
                        return id;
                    }
                }
            };
            let Some(was) = known.filter(|&id| (id as usize) < renumbered.len()) else {
                // Not reached for tokens of this stream's text; a word of its own otherwise.
                let key = key_of(segmented.get(t.byte_start..t.byte_end).unwrap_or(""));
                return new_word(s, &key);
            };
            if renumbered[was as usize] == u32::MAX {
                renumbered[was as usize] = new_word(s, self.entry(was).key());
            }
            renumbered[was as usize]
        })
    }

    /// What [`Stream::build`] and [`Stream::rejoined`] share: the walk over the tokens, each
    /// numbered by `word_id(stream, token, new_word)`, which calls `new_word(stream, key)` for
    /// a word not met before (it is added with the token's written form, kind and split, and
    /// numbered next); the split of a compound's word, kept from its first compound
    /// occurrence; the key order.
    fn assemble(
        cleaned: &str,
        segmented: &str,
        toks: impl Iterator<Item = Tok>,
        compounds: &[Compound],
        mut word_id: impl FnMut(&mut Stream, &Tok, &mut dyn FnMut(&mut Stream, &str) -> u32) -> u32,
    ) -> Stream {
        let same_bytes = cleaned.len() == segmented.len();
        // Char offsets of the cleaned text, for a word's written form when the copy's bytes
        // differ (rare: both scripts are mostly three-byte characters).
        let bytes: Vec<u32> = if same_bytes {
            Vec::new()
        } else {
            cleaned
                .char_indices()
                .map(|(b, _)| b as u32)
                .chain(std::iter::once(cleaned.len() as u32))
                .collect()
        };
        let written = |t: &Tok| -> &str {
            let (a, b) = if same_bytes {
                (t.byte_start, t.byte_end)
            } else {
                let at = |c: usize| bytes.get(c).map_or(cleaned.len(), |&b| b as usize);
                (at(t.start), at(t.end))
            };
            cleaned.get(a..b).unwrap_or("")
        };
        let mut s = Stream::default();
        let (lower, _) = toks.size_hint();
        s.starts.reserve_exact(lower);
        s.ids.reserve_exact(lower);
        s.pos.reserve_exact(lower);
        let mut compounds = compounds.iter().peekable();
        for (i, t) in toks.enumerate() {
            let split = compounds.next_if(|c| c.token == i).map(|c| c.split as u16);
            let mut new_word = |s: &mut Stream, key: &str| {
                let id = s.vocab.len() as u32;
                s.push_word(key, written(&t), t.kind, split);
                id
            };
            let id = word_id(&mut s, &t, &mut new_word);
            if let Some(split) = split {
                if let Some(item) = s.vocab.get_mut(id as usize) {
                    item.split.get_or_insert(split);
                }
            }
            s.starts.push(t.start as u32);
            s.ids.push(id);
            s.pos.push(t.pos);
        }
        let mut by_key: Vec<u32> = (0..s.vocab.len() as u32).collect();
        by_key.sort_unstable_by(|&a, &b| s.entry(a).key().cmp(s.entry(b).key()));
        s.by_key = by_key;
        s.starts.shrink_to_fit();
        s.ids.shrink_to_fit();
        s.pos.shrink_to_fit();
        s.vocab.shrink_to_fit();
        s.words.shrink_to_fit();
        s
    }

    /// A new distinct word: its key, its written form (kept only when it differs), its kind
    /// and its split.
    fn push_word(&mut self, key: &str, word: &str, kind: TokenKind, split: Option<u16>) {
        let start = self.words.len() as u32;
        self.words.push_str(key);
        let word_len = if word == key {
            0
        } else {
            self.words.push_str(word);
            word.len() as u32
        };
        self.vocab.push(Item {
            start,
            key_len: key.len() as u32,
            word_len,
            kind,
            split,
        });
    }

    /// Bytes held, for the memory figures in the README.
    pub fn heap_bytes(&self) -> usize {
        self.starts.capacity() * 4
            + self.ids.capacity() * 4
            + self.pos.capacity()
            + self.vocab.capacity() * std::mem::size_of::<Item>()
            + self.words.capacity()
            + self.by_key.capacity() * 4
    }

    /// Whether the stream is whole for a text of `chars` chars: as many ids, tags and starts,
    /// starts rising within the text, every id in the vocabulary and `by_key` a permutation of
    /// it. A stream read back from bytes ([`super::Corpus::from_bytes`]) is checked so, since
    /// the queries index by all of these.
    pub fn is_whole(&self, chars: usize) -> bool {
        let n = self.vocab.len();
        let mut seen = vec![false; n];
        self.ids.len() == self.starts.len()
            && self.pos.len() == self.starts.len()
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self.starts.last().is_none_or(|&s| s as usize <= chars)
            && self.ids.iter().all(|&id| (id as usize) < n)
            && self.by_key.len() == n
            && self
                .by_key
                .iter()
                .all(|&id| (id as usize) < n && !std::mem::replace(&mut seen[id as usize], true))
    }

    /// The first token that starts at or after char `c`.
    pub fn token_at_or_after(&self, c: usize) -> usize {
        self.starts.partition_point(|&t| (t as usize) < c)
    }

    /// Break flags of every token (see `SENTENCE_START`, `PHRASE_START`); the tokens in
    /// `section_starts` start sentences too.
    pub fn break_flags(&self, section_starts: &[u32]) -> Vec<u8> {
        let n = self.starts.len();
        let mut flags = vec![0u8; n];
        let mut pending = SENTENCE_START | PHRASE_START;
        let mut line_start = 0usize;
        for (i, flag) in flags.iter_mut().enumerate() {
            *flag |= pending;
            pending = 0;
            let e = self.entry(self.ids[i]);
            match e.kind {
                TokenKind::Punctuation => {
                    pending |= PHRASE_START;
                    if e.key().chars().any(ends_sentence) {
                        pending |= SENTENCE_START;
                    }
                }
                TokenKind::Whitespace => {
                    let breaks = e.key().matches('\n').count();
                    if breaks == 0 {
                        continue;
                    }
                    let start = self.starts[i] as usize;
                    let is_word =
                        |j: usize| self.ids.get(j).is_some_and(|&id| self.entry(id).is_word());
                    let is_han = |j: usize| {
                        self.ids
                            .get(j)
                            .is_some_and(|&id| self.entry(id).kind == TokenKind::Han)
                    };
                    let wrap = breaks == 1
                        && e.key().trim_matches(['\r', '\n']).is_empty()
                        && start.saturating_sub(line_start) >= WRAP_MIN_LINE
                        && i > 0
                        && is_word(i - 1)
                        && is_han(i + 1);
                    if !wrap {
                        pending |= SENTENCE_START | PHRASE_START;
                    }
                    let key = e.key();
                    let last_break = key.rfind('\n').map_or(0, |b| key[..b].chars().count());
                    line_start = start + last_break + 1;
                }
                TokenKind::Other => pending |= PHRASE_START,
                _ => {}
            }
        }
        for &t in section_starts {
            if let Some(f) = flags.get_mut(t as usize) {
                *f |= SENTENCE_START | PHRASE_START;
            }
        }
        flags
    }

    /// How many tokens there are.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Every word token (Han, Latin, number) in text order, with its sentence and phrase
    /// counted by `flags` (from [`Stream::break_flags`]).
    pub fn words<'a>(&'a self, flags: &'a [u8]) -> impl Iterator<Item = WordAt> + 'a {
        // Breaks seen since the last word: several between two words count once.
        let (mut sentence, mut phrase, mut seen) = (0u32, 0u32, 0u8);
        let mut first = true;
        (0..self.starts.len()).filter_map(move |i| {
            seen |= flags.get(i).copied().unwrap_or(0);
            let id = self.ids[i];
            if !self.entry(id).is_word() {
                return None;
            }
            if !first {
                sentence += u32::from(seen & SENTENCE_START != 0);
                phrase += u32::from(seen & PHRASE_START != 0);
            }
            first = false;
            seen = 0;
            Some(WordAt {
                token: i as u32,
                id,
                sentence,
                phrase,
            })
        })
    }

    /// Vocabulary entry `id`.
    pub fn entry(&self, id: u32) -> Entry<'_> {
        let item = self.vocab[id as usize];
        let at = |from: u32, len: u32| {
            self.words
                .get(from as usize..(from + len) as usize)
                .unwrap_or("")
        };
        let key = at(item.start, item.key_len);
        let word = match item.word_len {
            0 => key,
            n => at(item.start + item.key_len, n),
        };
        Entry {
            key,
            word,
            kind: item.kind,
            split: item.split,
        }
    }

    /// Token `i`'s vocabulary index.
    pub fn id_at(&self, i: usize) -> u32 {
        self.ids[i]
    }

    /// Token `i`'s part of speech.
    pub fn pos_at(&self, i: usize) -> Pos {
        self.pos[i]
    }

    /// The vocabulary index of the word counted by `key`, if the text has it.
    pub fn id_of(&self, key: &str) -> Option<u32> {
        self.by_key
            .binary_search_by(|&id| self.entry(id).key().cmp(key))
            .ok()
            .map(|i| self.by_key[i])
    }

    /// The number of distinct words (vocabulary entries) of every kind.
    pub fn vocab_len(&self) -> usize {
        self.vocab.len()
    }
}

/// Punctuation that ends a sentence: the sentence stage's full stops and their half-width
/// forms, which in a punctuation token of their own end an English sentence too.
fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '…' | '．' | '!' | '?' | ';' | '.'
    )
}

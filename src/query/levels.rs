//! How hard a text is for a learner of Chinese: its running words by HSK 3.0 level, the share
//! of them a reader who knows every word up to a level knows (coverage), the words a learner's
//! own list lacks, and its Han characters by the level at which they first appear.
//!
//! The yardstick is lexical coverage: Hu & Nation (2000), "Unknown vocabulary density and
//! reading comprehension", *Reading in a Foreign Language* 13(1), found that unassisted
//! reading of fiction needs about 98% of the running words known; 95% is the usual threshold
//! for reading with help (Laufer 1989; Nation 2006). The profile gives the lowest HSK level
//! whose words reach each.
//!
//! What counts:
//! - The **running words** are the text's word tokens as the analysis cut them. A word the
//!   lists lack that the dictionary cuts into smaller words (a term the analysis joined, such as
//!   高质量发展, a noun pair such as 长江经济带, a word the segmenter's HMM made) counts as
//!   those words, each graded on its own: a learner reads 高质量发展 as 高质量 + 发展. So does a
//!   word the lists lack that is made of listed words end to end, with at most one single
//!   character among them (传统节日 = 传统 + 节日, 传过来 = 传 + 过来; not an idiom of four
//!   single characters).
//! - **Graded** words are the Han words: each at its level (1–6, or 7 for the 7–9 band), or
//!   beyond the lists. Coverage is a share of the graded running words.
//! - **Apart**: proper names (jieba's `nr`, `nrfg`, `nrt`, `ns`, `nt`, `nz` tags, when the
//!   lists lack the word: 中国 is a level-1 word, 贾雨村 a name), numbers (digits, and numerals
//!   the lists lack, such as 三千五百) and Latin words are counted beside the levels, neither
//!   known nor unknown.
//! - Words are looked up by the key the analysis counts them by (simplified, lower-cased), so
//!   traditional text is graded as its simplified form is.
//! - **Characters**: every Han character of the Han words (names included), by the lowest
//!   level of a listed word that contains it (a character in no listed word is beyond).
//!
//! The word lists are `data/hsk/hsk3-words.tsv` (see [`Levels`]).

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::corpus::Corpus;
use super::stream::WordAt;
use crate::report::TokenKind;
use crate::segment::Pos;
use crate::Error;

/// The highest level: the 7–9 band of HSK 3.0, which the syllabus lists as one.
pub const TOP_LEVEL: u8 = 7;

/// The most unknown words a profile lists (the count of all of them is always given).
pub const MAX_UNKNOWN: usize = 10_000;

/// jieba's tags of proper names: people (`nr`, `nrfg`, `nrt`), places (`ns`), organisations
/// (`nt`) and other proper nouns (`nz`).
const NAME_TAGS: [&str; 6] = ["nr", "nrfg", "nrt", "ns", "nt", "nz"];

/// The HSK 3.0 word lists: each listed word's level (1–6, or [`TOP_LEVEL`] for the 7–9
/// band) by its simplified form, and each Han character's level, the lowest of the listed
/// words that contain it.
#[derive(Debug, Clone, Default)]
pub struct Levels {
    words: FxHashMap<String, u8>,
    chars: FxHashMap<char, u8>,
}

impl Levels {
    /// The lists from their text: a line `word<TAB>level` per word, `#` lines and blank lines
    /// skipped (the format `scripts/gen-hsk.mjs` writes). A word listed twice keeps its lowest
    /// level.
    ///
    /// # Errors
    /// [`Error::InvalidRequest`] naming the first line that is not a word and a level 1–7.
    pub fn parse(text: &str) -> Result<Levels, Error> {
        let mut levels = Levels::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let parsed = line.split_once('\t').and_then(|(word, level)| {
                let level: u8 = level.trim().parse().ok()?;
                (!word.is_empty() && (1..=TOP_LEVEL).contains(&level)).then_some((word, level))
            });
            let Some((word, level)) = parsed else {
                return Err(Error::InvalidRequest(format!(
                    "HSK word lists, line {}: not `word<TAB>level` with a level 1-{TOP_LEVEL}: {line:?}",
                    n + 1
                )));
            };
            let at = levels.words.entry(word.to_string()).or_insert(level);
            *at = (*at).min(level);
            for c in word.chars().filter(|&c| crate::chars::is_han(c)) {
                let at = levels.chars.entry(c).or_insert(level);
                *at = (*at).min(level);
            }
        }
        Ok(levels)
    }

    /// The level of the word whose key is `key`, if listed.
    pub fn level_of(&self, key: &str) -> Option<u8> {
        self.words.get(key).copied()
    }

    /// The level at which the Han character `c` first appears in the lists, if it does.
    pub fn char_level(&self, c: char) -> Option<u8> {
        self.chars.get(&c).copied()
    }

    /// How many words the lists hold.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the lists are empty (not loaded).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A vocabulary profile request; `{}` is complete.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct LevelsQuery {
    /// Words the reader knows, in either script (a learner's own list). The profile then
    /// gives their coverage of the text and ranks the words the reader does not know.
    pub known: Vec<String>,
    /// The reader's HSK level (1–7): every listed word up to it counts as known too.
    /// `null`, the default: none.
    #[cfg_attr(test, ts(optional = nullable))]
    pub level: Option<u8>,
    /// How many unknown words to list, most frequent first (default 200, at most 10,000).
    #[cfg_attr(test, ts(optional = nullable))]
    pub limit: Option<usize>,
}

/// Running words (tokens) and distinct words (types), with their shares of the graded words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LevelCount {
    /// 1–6, or 7 for the 7–9 band; `null` for the words beyond the lists.
    pub level: Option<u8>,
    pub tokens: u32,
    pub types: u32,
    /// `tokens` over the graded running words (0 when there are none).
    pub token_share: f64,
    /// `types` over the graded distinct words.
    pub type_share: f64,
}

/// Words kept apart from the levels: counted, neither known nor unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Apart {
    pub names: Tally,
    pub numbers: Tally,
    pub latin: Tally,
}

/// Running and distinct words of a kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    pub tokens: u32,
    pub types: u32,
}

/// How much of the text a reader knows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// For levels 1 to 7: the share of the graded running words at that level or below
    /// (what a reader who knows every listed word up to it knows).
    pub by_level: Vec<f64>,
    /// The lowest level whose coverage reaches 95% (reading with help), `null` if none does.
    pub level95: Option<u8>,
    /// The lowest level whose coverage reaches 98% (reading alone), `null` if none does.
    pub level98: Option<u8>,
    /// With the request's known words or level: the share of the graded running words the
    /// reader knows, and of the distinct ones. `null` without either.
    pub known: Option<KnownCoverage>,
}

/// Coverage by the reader's own words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct KnownCoverage {
    pub tokens: u32,
    pub types: u32,
    pub token_share: f64,
    pub type_share: f64,
}

/// A graded word the reader does not know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UnknownWord {
    /// As first written in the text.
    pub word: String,
    /// As counted (simplified, lower-cased).
    pub key: String,
    pub count: u32,
    /// Its HSK level, `null` beyond the lists.
    pub level: Option<u8>,
}

/// The text's Han characters by the level at which they first appear.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Characters {
    /// Levels 1 to 7, then the characters beyond the lists (`level: null`); shares of
    /// `total`.
    pub levels: Vec<LevelCount>,
    pub total: Tally,
}

/// The vocabulary profile of the last analysed text (see the module's documentation).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LevelsProfile {
    /// Levels 1 to 7, then the words beyond the lists (`level: null`).
    pub levels: Vec<LevelCount>,
    /// The graded words: the sum of `levels`.
    pub graded: Tally,
    pub apart: Apart,
    pub coverage: Coverage,
    /// The graded words the reader does not know (not in `known`, above `level`; without
    /// either, the words beyond the lists), most frequent first, then by key; at most the
    /// request's `limit`.
    pub unknown: Vec<UnknownWord>,
    /// How many distinct words are unknown in all.
    pub unknown_types: u32,
    pub characters: Characters,
}

/// What a distinct word of the stream counts as, found once per word.
pub(super) enum Graded {
    /// Graded words: the word itself, or the parts the dictionary cuts it into, each with its
    /// key, its written form and its level.
    Words(Vec<(String, String, Option<u8>)>),
    Name,
    Number,
    Latin,
    /// Not a word to the profile (never reached: the stream's words are Han, Latin or numbers).
    Skip,
}

/// Grades the words of a corpus's stream, each distinct word once (the profile and the marks
/// walk the same words the same way).
pub(super) struct Grader<'a> {
    corpus: &'a Corpus,
    levels: &'a Levels,
    split: &'a dyn Fn(&str) -> Vec<String>,
    names: Vec<Pos>,
    by_id: FxHashMap<u32, Graded>,
}

impl<'a> Grader<'a> {
    /// `split` is the dictionary's cut of a word the lists lack (see [`levels`]).
    pub(super) fn new(
        corpus: &'a Corpus,
        levels: &'a Levels,
        split: &'a dyn Fn(&str) -> Vec<String>,
    ) -> Grader<'a> {
        Grader {
            corpus,
            levels,
            split,
            names: NAME_TAGS.iter().map(|t| Pos::of(t)).collect(),
            by_id: FxHashMap::default(),
        }
    }

    /// What the running word `w` counts as.
    pub(super) fn grade(&mut self, w: &WordAt) -> &Graded {
        let Grader {
            corpus,
            levels,
            split,
            names,
            by_id,
        } = self;
        by_id
            .entry(w.id)
            .or_insert_with(|| classify(corpus, levels, *split, names, w))
    }
}

/// What `w` counts as (see the module's documentation).
fn classify(
    corpus: &Corpus,
    levels: &Levels,
    split: &dyn Fn(&str) -> Vec<String>,
    names: &[Pos],
    w: &WordAt,
) -> Graded {
    let entry = corpus.entry(w.id);
    let pos = corpus
        .stream()
        .pos
        .get(w.token as usize)
        .copied()
        .unwrap_or(Pos::X);
    match entry.kind {
        TokenKind::Latin => Graded::Latin,
        TokenKind::Number => Graded::Number,
        TokenKind::Han => {
            let k = entry.key();
            if let Some(level) = levels.level_of(k) {
                return Graded::Words(vec![(k.to_string(), entry.word().to_string(), Some(level))]);
            }
            if names.contains(&pos) {
                return Graded::Name;
            }
            if pos == Pos::M {
                return Graded::Number;
            }
            // The dictionary's cut, then each piece the lists lack as listed words.
            let parts: Vec<String> = split(k)
                .into_iter()
                .flat_map(|part| match levels.level_of(&part) {
                    Some(_) => vec![part],
                    None => listed_parts(levels, &part).unwrap_or_else(|| vec![part]),
                })
                .collect();
            // The written form's chars line up with the key's (same chars count).
            let written: Vec<char> = entry.word().chars().collect();
            let mut at = 0;
            let mut out = Vec::with_capacity(parts.len());
            for part in parts {
                let n = part.chars().count();
                let form: String = written.iter().skip(at).take(n).collect();
                at += n;
                let level = levels.level_of(&part);
                out.push((part, form, level));
            }
            Graded::Words(out)
        }
        _ => Graded::Skip,
    }
}

/// Who reads the text: the words they know (by key) and their level, from a request.
pub(super) struct Reader {
    known: FxHashSet<String>,
    level: u8,
    /// Whether the request said anything about the reader (known words or a level).
    asked: bool,
}

impl Reader {
    /// The reader `q` describes; `key` gives a typed word's key.
    ///
    /// # Errors
    /// [`Error::InvalidQuery`] for a `level` outside 1–7.
    pub(super) fn new(q: &LevelsQuery, key: &dyn Fn(&str) -> String) -> Result<Reader, Error> {
        if let Some(level) = q.level {
            if !(1..=TOP_LEVEL).contains(&level) {
                return Err(Error::InvalidQuery(format!(
                    "level: {level} is not an HSK level (1-{TOP_LEVEL})"
                )));
            }
        }
        Ok(Reader {
            known: q.known.iter().map(|w| key(w.trim())).collect(),
            level: q.level.unwrap_or(0),
            asked: !q.known.is_empty() || q.level.is_some(),
        })
    }

    /// Whether the reader knows the graded word `key` at `level`: one of their words, or
    /// listed at their level or below; for a reader the request did not describe, any listed
    /// word (so that the unknown words are those beyond the lists).
    pub(super) fn knows(&self, key: &str, level: Option<u8>) -> bool {
        if self.asked {
            self.known.contains(key) || level.is_some_and(|l| l <= self.level)
        } else {
            level.is_some()
        }
    }

    /// Whether the request described the reader.
    pub(super) fn asked(&self) -> bool {
        self.asked
    }
}

/// The profile of `corpus` (the last analysed text) under `q`, by the lists `levels`.
/// `key` gives a typed word's key (simplified, lower-cased); `split` the dictionary's cut of a
/// word the lists lack into smaller words (without the HMM), or nothing when it is one word.
///
/// # Errors
/// [`Error::InvalidQuery`] for a `level` outside 1–7 or a `limit` over [`MAX_UNKNOWN`].
pub fn levels(
    corpus: &Corpus,
    levels: &Levels,
    q: &LevelsQuery,
    key: &dyn Fn(&str) -> String,
    split: &dyn Fn(&str) -> Vec<String>,
) -> Result<LevelsProfile, Error> {
    let reader = Reader::new(q, key)?;
    let limit = q.limit.unwrap_or(200);
    if limit > MAX_UNKNOWN {
        return Err(Error::InvalidQuery(format!(
            "limit: {limit} is over {MAX_UNKNOWN}"
        )));
    }
    let mut grader = Grader::new(corpus, levels, split);
    // Per graded key: its written form (first met), level and running count.
    let mut words: FxHashMap<String, (String, Option<u8>, u32)> = FxHashMap::default();
    let mut order: Vec<String> = Vec::new();
    // Names, numbers, Latin words: running count and distinct words (by vocabulary id).
    let mut apart: [(u32, FxHashSet<u32>); 3] = Default::default();
    let mut chars: FxHashMap<char, u32> = FxHashMap::default();
    for w in corpus.words() {
        let class = grader.grade(&w);
        match class {
            Graded::Words(parts) => {
                for (k, form, level) in parts.iter() {
                    let slot = words.entry(k.clone()).or_insert_with(|| {
                        order.push(k.clone());
                        (form.clone(), *level, 0)
                    });
                    slot.2 += 1;
                }
            }
            Graded::Name | Graded::Number | Graded::Latin => {
                let i = match class {
                    Graded::Name => 0,
                    Graded::Number => 1,
                    _ => 2,
                };
                apart[i].0 += 1;
                apart[i].1.insert(w.id);
            }
            Graded::Skip => {}
        }
        let entry = corpus.entry(w.id);
        if entry.kind == TokenKind::Han {
            for c in entry.key().chars().filter(|&c| crate::chars::is_han(c)) {
                *chars.entry(c).or_insert(0) += 1;
            }
        }
    }

    // Levels 1..=7, then beyond (index 7).
    let mut tokens = [0u32; 8];
    let mut types = [0u32; 8];
    for (_, level, count) in words.values() {
        let i = level.map_or(7, |l| usize::from(l) - 1);
        tokens[i] += count;
        types[i] += 1;
    }
    let total = Tally {
        tokens: tokens.iter().sum(),
        types: types.iter().sum(),
    };
    let rows = |tokens: &[u32; 8], types: &[u32; 8], total: Tally| -> Vec<LevelCount> {
        (0..8)
            .map(|i| LevelCount {
                level: (i < 7).then(|| i as u8 + 1),
                tokens: tokens[i],
                types: types[i],
                token_share: share(tokens[i], total.tokens),
                type_share: share(types[i], total.types),
            })
            .collect()
    };
    let by_level: Vec<f64> = (0..7)
        .map(|i| share(tokens[..=i].iter().sum(), total.tokens))
        .collect();
    let reaching = |goal: f64| {
        by_level
            .iter()
            .position(|&c| total.tokens > 0 && c >= goal)
            .map(|i| i as u8 + 1)
    };

    let mut known_tally = Tally::default();
    let mut unknown: Vec<UnknownWord> = Vec::new();
    for k in &order {
        let (form, level, count) = &words[k];
        let knows = reader.knows(k, *level);
        if knows {
            known_tally.tokens += count;
            known_tally.types += 1;
        } else {
            unknown.push(UnknownWord {
                word: form.clone(),
                key: k.clone(),
                count: *count,
                level: *level,
            });
        }
    }
    unknown.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    let unknown_types = unknown.len() as u32;
    unknown.truncate(limit);

    let mut char_tokens = [0u32; 8];
    let mut char_types = [0u32; 8];
    for (&c, &n) in &chars {
        let i = levels.char_level(c).map_or(7, |l| usize::from(l) - 1);
        char_tokens[i] += n;
        char_types[i] += 1;
    }
    let char_total = Tally {
        tokens: char_tokens.iter().sum(),
        types: char_types.iter().sum(),
    };
    let tally = |(tokens, ids): &(u32, FxHashSet<u32>)| Tally {
        tokens: *tokens,
        types: ids.len() as u32,
    };
    Ok(LevelsProfile {
        levels: rows(&tokens, &types, total),
        graded: total,
        apart: Apart {
            names: tally(&apart[0]),
            numbers: tally(&apart[1]),
            latin: tally(&apart[2]),
        },
        coverage: Coverage {
            level95: reaching(0.95),
            level98: reaching(0.98),
            by_level,
            known: reader.asked().then(|| KnownCoverage {
                tokens: known_tally.tokens,
                types: known_tally.types,
                token_share: share(known_tally.tokens, total.tokens),
                type_share: share(known_tally.types, total.types),
            }),
        },
        unknown,
        unknown_types,
        characters: Characters {
            levels: rows(&char_tokens, &char_types, char_total),
            total: char_total,
        },
    })
}

/// `word` as listed words end to end, when it is made of them: the fewest pieces, of which at
/// most one is a single character (传过来 = 传 + 过来, 传统节日 = 传统 + 节日, 情人节 = 情人 + 节);
/// `None` for a word of one piece, or one that only single characters make (一帆风顺 is an
/// idiom, not four words, and 道人 is not 道 + 人).
fn listed_parts(levels: &Levels, word: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 2 {
        return None;
    }
    // best[i]: (pieces, single-character pieces, where the last piece starts) for chars[..i].
    let mut best: Vec<Option<(usize, usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0, 0));
    for end in 1..=n {
        for start in 0..end {
            let Some((pieces, singles, _)) = best[start] else {
                continue;
            };
            let piece: String = chars[start..end].iter().collect();
            if (start == 0 && end == n) || levels.level_of(&piece).is_none() {
                continue;
            }
            let candidate = (pieces + 1, singles + usize::from(end - start == 1), start);
            if best[end].is_none_or(|b| (candidate.0, candidate.1) < (b.0, b.1)) {
                best[end] = Some(candidate);
            }
        }
    }
    let (_, singles, _) = best[n]?;
    if singles > 1 {
        return None;
    }
    let mut pieces = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, _, start) = best[end]?;
        pieces.push(chars[start..end].iter().collect());
        end = start;
    }
    pieces.reverse();
    Some(pieces)
}

/// `part` over `whole`, 0 when `whole` is 0.
fn share(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        f64::from(part) / f64::from(whole)
    }
}

//! Where a text's graded words are, for showing the vocabulary profile against the text: each
//! graded running word's place in the user's text with its HSK level and whether the reader
//! knows it (a text view colours words by level and marks the unknown ones from these), and
//! the analysis's words in each level band (so that choosing a band on a page selects its
//! words in the views that list words).
//!
//! The words are graded exactly as [`super::levels`] grades them: a word the lists lack that
//! reads as listed words (高质量发展 = 高质量 + 发展) gives one place per part, each with the
//! part's level, and belongs to the band of every part; names, numbers and Latin words are
//! not graded and have no place here.

use rustc_hash::FxHashSet;
use serde::Serialize;

use super::corpus::Corpus;
use super::levels::{Graded, Grader, Levels, LevelsQuery, Reader, TOP_LEVEL};
use crate::Error;

/// A graded running word (or a part of one) in the user's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LevelSpan {
    /// UTF-16 offsets into the user's original text, `[start, end)`.
    pub start: u32,
    pub end: u32,
    /// 1–6, or 7 for the 7–9 band; `None` beyond the lists.
    pub level: Option<u8>,
    /// Whether the reader the request describes knows the word (as the profile's `unknown`
    /// counts: without known words or a level, every listed word is known).
    pub known: bool,
}

/// The keys of the analysis's words that have a graded part at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BandWords {
    /// 1–6, or 7 for the 7–9 band; `null` for the words beyond the lists.
    pub level: Option<u8>,
    /// The words' keys as the report counts them (`Keyword.key`), sorted.
    pub keys: Vec<String>,
}

/// The graded words of the last analysed text, placed (see the module's documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LevelMarks {
    /// Every graded running word in text order. In JS, one flat `Uint32Array` of triples
    /// `start, end, code`, where `code & 15` is the level (1–7, 8 beyond the lists) and
    /// `code & 16` is set when the reader knows the word: a novel has a million of them.
    #[cfg_attr(test, ts(type = "Uint32Array"))]
    pub spans: Vec<LevelSpan>,
    /// Levels 1 to 7, then the words beyond the lists (`level: null`).
    pub bands: Vec<BandWords>,
}

/// The marks of `corpus` (the last analysed text) for the reader `q` describes (its `limit`
/// is not used), by the lists `levels`; `key` and `split` as [`super::levels`] takes them.
///
/// # Errors
/// [`Error::InvalidQuery`] for a `level` outside 1–7.
pub fn level_marks(
    corpus: &Corpus,
    levels: &Levels,
    q: &LevelsQuery,
    key: &dyn Fn(&str) -> String,
    split: &dyn Fn(&str) -> Vec<String>,
) -> Result<LevelMarks, Error> {
    let reader = Reader::new(q, key)?;
    let mut grader = Grader::new(corpus, levels, split);
    let mut spans = Vec::new();
    // Per band (levels 1..=7, then beyond): the vocabulary ids of its words.
    let mut bands: Vec<FxHashSet<u32>> = vec![FxHashSet::default(); usize::from(TOP_LEVEL) + 1];
    for w in corpus.words() {
        let Graded::Words(parts) = grader.grade(&w) else {
            continue;
        };
        let (mut at, end) = corpus.char_range(w.token as usize);
        for (k, _, level) in parts {
            // A part's chars are the token's next chars (the key has the token's chars).
            let next = (at + k.chars().count()).min(end);
            let (start, stop) = corpus.utf16_span(at, next);
            spans.push(LevelSpan {
                start,
                end: stop,
                level: *level,
                known: reader.knows(k, *level),
            });
            bands[band_index(*level)].insert(w.id);
            at = next;
        }
    }
    let bands = bands
        .into_iter()
        .enumerate()
        .map(|(i, ids)| {
            let mut keys: Vec<String> = ids
                .into_iter()
                .map(|id| corpus.entry(id).key().to_string())
                .collect();
            keys.sort_unstable();
            BandWords {
                level: (i < usize::from(TOP_LEVEL)).then(|| i as u8 + 1),
                keys,
            }
        })
        .collect();
    Ok(LevelMarks { spans, bands })
}

/// Where a level's band is in [`LevelMarks::bands`]: levels 1..=7 first, beyond last.
fn band_index(level: Option<u8>) -> usize {
    level.map_or(usize::from(TOP_LEVEL), |l| usize::from(l) - 1)
}

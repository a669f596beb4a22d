//! Stage 2: script. Tells simplified from traditional text and makes the simplified copy that
//! segmentation reads.
//!
//! jieba's dictionary is simplified, so traditional text segments badly as it is (長江經濟帶
//! falls apart into single characters). Conversion uses OpenCC's dictionaries (`data/opencc/`,
//! Apache-2.0), phrase level first, because single-character tables get one-to-many cases
//! wrong, matched leftmost-longest by a double-array Aho–Corasick automaton (`table.rs`). The
//! copy keeps the character count (offsets are mapped per character): no entry of the tables
//! changes a length, and one that did would be left out.

mod table;

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use table::Table;

use crate::report::{Script, ScriptKind};

/// A minority script below this share of the script-specific characters is noise, not a mixed
/// text. Traditional text as found in the wild is full of stray simplified glyphs and of
/// characters both scripts use that OpenCC still maps (里/裏, 后/後, 干/幹): Project Gutenberg's
/// 紅樓夢 counts 177,142 traditional-only and 32,323 "simplified-only" occurrences (15%).
const MIXED_SHARE: f64 = 0.3;

/// OpenCC's traditional→simplified dictionaries: phrases first, then characters.
const T2S: [&str; 2] = [
    include_str!("../../data/opencc/TSPhrases.txt"),
    include_str!("../../data/opencc/TSCharacters.txt"),
];
/// Its simplified→traditional character dictionary, which script detection reads.
const S2T_CHARS: &str = include_str!("../../data/opencc/STCharacters.txt");
/// Its simplified→traditional phrases (49,000 of them), for [`Converter::to_traditional`] only.
/// Native builds embed them. The wasm does not: they are 0.31 MB of a page's download (brotli)
/// that only a reader who asks for traditional script needs, so the package fetches them then
/// and hands them over ([`Converter::load_traditional_phrases`]).
#[cfg(not(target_arch = "wasm32"))]
const S2T_PHRASES: Option<&str> = Some(include_str!("../../data/opencc/STPhrases.txt"));
#[cfg(target_arch = "wasm32")]
const S2T_PHRASES: Option<&str> = None;

/// OpenCC's traditional→simplified and simplified→traditional conversion.
pub struct Converter {
    t2s: Table,
    /// The simplified→traditional characters that change, alone: all that detection needs.
    s2t_chars: FxHashMap<char, char>,
    /// The whole simplified→traditional table, built on the first [`Converter::to_traditional`]
    /// (or when the phrases are handed over): its 49,000 phrases would otherwise cost every
    /// start-up, for a conversion few ask for.
    s2t: OnceLock<Table>,
}

impl Converter {
    /// Build the traditional→simplified table and the simplified→traditional characters from
    /// the dictionaries compiled into the binary.
    pub fn new() -> Converter {
        Converter {
            t2s: Table::new(&T2S),
            s2t_chars: table::char_changes(S2T_CHARS),
            s2t: OnceLock::new(),
        }
    }

    /// `text` in simplified characters (phrase-level conversion), or `text` itself if it has
    /// none to convert.
    pub fn to_simplified(&self, text: &str) -> String {
        self.t2s.convert(text)
    }

    /// `text` in traditional characters, phrase level; `None` when the phrases are not
    /// embedded (the wasm) and not loaded yet: see [`Converter::load_traditional_phrases`].
    /// A conversion by characters alone would get one-to-many cases wrong (发 → 發 or 髮), so
    /// none is offered in its place.
    pub fn to_traditional(&self, text: &str) -> Option<String> {
        if self.s2t.get().is_none() {
            let phrases = S2T_PHRASES?;
            self.s2t.get_or_init(|| Table::new(&[phrases, S2T_CHARS]));
        }
        self.s2t.get().map(|table| table.convert(text))
    }

    /// Build the simplified→traditional table from `phrases`, OpenCC's `STPhrases.txt` (the
    /// package ships it beside the wasm); lines that are not `key<TAB>values` are skipped. Once
    /// the table is built (from these phrases or the embedded ones) later calls change nothing.
    pub fn load_traditional_phrases(&self, phrases: &str) {
        self.s2t.get_or_init(|| Table::new(&[phrases, S2T_CHARS]));
    }

    /// Whether [`Converter::to_traditional`] can convert: its phrases are embedded or loaded.
    pub fn has_traditional_phrases(&self) -> bool {
        S2T_PHRASES.is_some() || self.s2t.get().is_some()
    }

    /// Classify the script of `text` by its distinct Han characters: one that t2s changes,
    /// standing alone, is traditional-only, one that s2t changes is simplified-only, and each
    /// occurrence counts.
    pub fn detect(&self, text: &str) -> Script {
        let mut counts: FxHashMap<char, u32> = FxHashMap::default();
        for c in text.chars().filter(|&c| crate::chars::is_han(c)) {
            *counts.entry(c).or_insert(0) += 1;
        }
        let mut traditional_chars = 0u32;
        let mut simplified_chars = 0u32;
        for (&c, &n) in &counts {
            if self.t2s.changes(c).is_some() {
                traditional_chars += n;
            }
            if self.s2t_chars.contains_key(&c) {
                simplified_chars += n;
            }
        }
        let total = f64::from(traditional_chars) + f64::from(simplified_chars);
        let kind = if counts.is_empty() {
            ScriptKind::None
        } else if total == 0.0 {
            // Han text with no script-specific character reads the same either way; call it
            // simplified, jieba's own script.
            ScriptKind::Simplified
        } else if f64::from(simplified_chars.min(traditional_chars)) / total >= MIXED_SHARE {
            ScriptKind::Mixed
        } else if traditional_chars > simplified_chars {
            ScriptKind::Traditional
        } else {
            ScriptKind::Simplified
        };
        Script {
            kind,
            traditional_chars,
            simplified_chars,
            converted: false,
        }
    }

    /// The simplified copy of `text` for segmentation, with its script: `None` when `convert`
    /// is off or the text has no traditional character (see [`Converter::script_of`] and
    /// [`Converter::simplify_lines`]).
    pub fn simplify(&self, text: &str, convert: bool) -> (Script, Option<String>) {
        let script = self.script_of(text, convert);
        let copy = script.converted.then(|| self.simplify_lines(text));
        (script, copy)
    }

    /// The script of `text`, `converted` when `convert` is on and the text has a traditional
    /// character: whether segmentation reads a simplified copy. A text segmented in parts
    /// decides this once, for the whole text.
    pub fn script_of(&self, text: &str, convert: bool) -> Script {
        let mut script = self.detect(text);
        script.converted = convert && script.traditional_chars > 0;
        script
    }

    /// `text` in simplified characters, line by line: only the lines holding a traditional
    /// character go through OpenCC (a phrase rule never spans a line); the rest is copied, so
    /// simplified text with a few stray traditional characters costs a scan, not a conversion.
    /// Because no rule spans a line, the copy of a text cut after any `'\n'` is the copies of
    /// its pieces, joined.
    pub fn simplify_lines(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        // Runs of lines without a traditional character are copied as one slice.
        let mut copy_from = 0;
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if line
                .chars()
                .any(|c| crate::chars::is_han(c) && self.t2s.changes(c).is_some())
            {
                out.push_str(&text[copy_from..at]);
                out.push_str(&self.t2s.convert(line));
                copy_from = at + line.len();
            }
            at += line.len();
        }
        out.push_str(&text[copy_from..]);
        out
    }
}

impl Default for Converter {
    fn default() -> Self {
        Converter::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_script() {
        let cc = Converter::new();
        let cases = [
            ("会议强调，要推动长江经济带发展。", ScriptKind::Simplified),
            ("會議強調，要推動長江經濟帶發展。", ScriptKind::Traditional),
            ("會議強調，要推动长江经济带发展。", ScriptKind::Mixed),
            ("Hello, world 123", ScriptKind::None),
            ("中文", ScriptKind::Simplified),
        ];
        for (text, want) in cases {
            assert_eq!(cc.detect(text).kind, want, "{text}");
        }
    }

    #[test]
    fn simplified_copy_keeps_length_and_converts_phrases() {
        let cc = Converter::new();
        let s = cc.to_simplified("會議強調，要推動長江經濟帶發展。𦡦👪");
        assert_eq!(s, "会议强调，要推动长江经济带发展。𦡦👪");
        assert_eq!(cc.to_traditional("发展").as_deref(), Some("發展"));
    }

    #[test]
    fn simplify_converts_only_lines_with_traditional_characters() {
        let cc = Converter::new();
        let text = "会议强调发展。\n會議強調發展。\n乾淨的頭髮\n";
        let (script, copy) = cc.simplify(text, true);
        assert!(script.converted);
        let copy = copy.expect("a simplified copy");
        assert_eq!(copy, "会议强调发展。\n会议强调发展。\n干净的头发\n");
        assert_eq!(copy.chars().count(), text.chars().count());
        // The same as converting every line, for lines with a traditional character.
        assert_eq!(
            copy.lines().nth(1),
            cc.to_simplified("會議強調發展。").lines().next()
        );
        let (script, copy) = cc.simplify(text, false);
        assert!(!script.converted && copy.is_none());
        assert!(cc.simplify("会议强调发展。", true).1.is_none());
    }

    #[test]
    fn loaded_phrases_serve_until_replaced_by_nothing() {
        let cc = Converter::new();
        assert!(cc.has_traditional_phrases());
        // Natively the embedded phrases come first; a later load changes nothing.
        assert_eq!(cc.to_traditional("头发").as_deref(), Some("頭髮"));
        cc.load_traditional_phrases("头发\t头髮\n");
        assert_eq!(cc.to_traditional("头发").as_deref(), Some("頭髮"));
        // Loaded first, the given phrases are the table (with the embedded characters).
        let cc = Converter::new();
        cc.load_traditional_phrases("# comment\n头发\t頭髮\nnot a line\n");
        assert_eq!(cc.to_traditional("头发发").as_deref(), Some("頭髮發"));
        assert_eq!(cc.s2t.get().map(Table::len), Some(1 + lines(S2T_CHARS)));
    }

    fn lines(s: &str) -> usize {
        s.lines()
            .filter(|l| !l.starts_with('#') && l.contains('\t'))
            .count()
    }

    #[test]
    fn no_table_entry_changes_a_length() {
        // Table::new leaves such entries out; the embedded dictionaries have none to leave.
        let cc = Converter::new();
        assert_eq!(cc.t2s.len(), lines(T2S[0]) + lines(T2S[1]));
        let phrases = S2T_PHRASES.expect("embedded natively");
        cc.to_traditional("");
        let s2t = cc.s2t.get().expect("built by to_traditional");
        assert_eq!(s2t.len(), lines(phrases) + lines(S2T_CHARS));
        // Detection's map of changing characters says what the whole table does to each.
        let mut keys = 0;
        for c in S2T_CHARS
            .lines()
            .filter_map(|l| l.split('\t').next()?.chars().next())
        {
            assert_eq!(cc.s2t_chars.get(&c).copied(), s2t.changes(c), "{c}");
            keys += 1;
        }
        assert!(keys > 3000 && cc.s2t_chars.len() > 3000);
    }
}

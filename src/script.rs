//! Stage 2: script. Tells simplified from traditional text and makes the simplified copy that
//! segmentation reads.
//!
//! jieba's dictionary is simplified, so traditional text segments badly as it is (長江經濟帶
//! falls apart into single characters). Conversion uses OpenCC's tables through the pure-Rust
//! `ferrous-opencc`, phrase level first, because single-character tables get one-to-many
//! cases wrong. The copy must keep the character count (offsets are mapped per character), so
//! where a phrase rule changes the length we fall back to a line, then a character, at a time.

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::report::{Script, ScriptKind};

/// A minority script below this share of the script-specific characters is noise, not a mixed
/// text. Traditional text as found in the wild is full of stray simplified glyphs and of
/// characters both scripts use that OpenCC still maps (里/裏, 后/後, 干/幹): Project Gutenberg's
/// 紅樓夢 counts 177,142 traditional-only and 32,323 "simplified-only" occurrences (15%).
const MIXED_SHARE: f64 = 0.3;

/// OpenCC's traditional→simplified and simplified→traditional converters.
pub struct Converter {
    // `None` only if the embedded tables failed to load, which a build bug would cause, not input:
    // the analysis then segments the text as written rather than failing.
    t2s: Option<OpenCC>,
    s2t: Option<OpenCC>,
}

impl Converter {
    /// Load both conversion chains from the tables compiled into the binary.
    pub fn new() -> Converter {
        Converter {
            t2s: OpenCC::from_config(BuiltinConfig::T2s).ok(),
            s2t: OpenCC::from_config(BuiltinConfig::S2t).ok(),
        }
    }

    /// `text` in simplified characters (phrase-level conversion), or `text` itself if it has
    /// none to convert.
    pub fn to_simplified(&self, text: &str) -> String {
        convert_same_length(self.t2s.as_ref(), text)
    }

    /// `text` in traditional characters.
    pub fn to_traditional(&self, text: &str) -> String {
        convert_same_length(self.s2t.as_ref(), text)
    }

    /// Classify the script of `text` by its distinct Han characters: one that t2s changes is
    /// traditional-only, one that s2t changes is simplified-only, and each occurrence counts.
    /// Converting the few thousand distinct characters, one per line so no phrase rule spans
    /// two, costs a fraction of converting the text twice.
    pub fn detect(&self, text: &str) -> Script {
        self.detect_with_chars(text).0
    }

    /// The simplified copy of `text` for segmentation, with its script: `None` when `convert`
    /// is off or the text has no traditional character. Only the lines holding a traditional
    /// character go through OpenCC (a phrase rule never spans a line); the rest is copied, so
    /// simplified text with a few stray traditional characters costs a scan, not a conversion.
    pub fn simplify(&self, text: &str, convert: bool) -> (Script, Option<String>) {
        let (mut script, traditional) = self.detect_with_chars(text);
        script.converted = convert && script.traditional_chars > 0;
        if !script.converted {
            return (script, None);
        }
        let mut out = String::with_capacity(text.len());
        // Runs of lines without a traditional character are copied as one slice.
        let mut copy_from = 0;
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if line.chars().any(|c| traditional.contains(&c)) {
                out.push_str(&text[copy_from..at]);
                out.push_str(&convert_same_length(self.t2s.as_ref(), line));
                copy_from = at + line.len();
            }
            at += line.len();
        }
        out.push_str(&text[copy_from..]);
        (script, Some(out))
    }

    /// [`Converter::detect`], and the distinct characters t2s changes.
    fn detect_with_chars(&self, text: &str) -> (Script, FxHashSet<char>) {
        let mut counts: FxHashMap<char, u32> = FxHashMap::default();
        for c in text.chars().filter(|&c| crate::chars::is_han(c)) {
            *counts.entry(c).or_insert(0) += 1;
        }
        let mut distinct: Vec<char> = counts.keys().copied().collect();
        distinct.sort_unstable();
        let mut lines = String::with_capacity(distinct.len() * 4);
        for c in &distinct {
            lines.push(*c);
            lines.push('\n');
        }
        let simplified = self.to_simplified(&lines);
        let traditional = self.to_traditional(&lines);
        let mut traditional_chars = 0u32;
        let mut simplified_chars = 0u32;
        let mut changed = FxHashSet::default();
        for ((c, s), t) in distinct
            .iter()
            .zip(simplified.split('\n'))
            .zip(traditional.split('\n'))
        {
            let n = counts.get(c).copied().unwrap_or(0);
            let mut buf = [0u8; 4];
            let own = c.encode_utf8(&mut buf);
            if s != own {
                traditional_chars += n;
                changed.insert(*c);
            }
            if t != own {
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
        let script = Script {
            kind,
            traditional_chars,
            simplified_chars,
            converted: false,
        };
        (script, changed)
    }
}

impl Default for Converter {
    fn default() -> Self {
        Converter::new()
    }
}

/// Convert with `cc`, keeping the char count: whole text, else line by line, else char by char
/// (a char whose conversion is not exactly one char stays as it is).
fn convert_same_length(cc: Option<&OpenCC>, text: &str) -> String {
    let Some(cc) = cc else {
        return text.to_string();
    };
    let whole = cc.convert(text);
    if whole.chars().count() == text.chars().count() {
        return whole;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let converted = cc.convert(line);
        if converted.chars().count() == line.chars().count() {
            out.push_str(&converted);
            continue;
        }
        let mut buf = [0u8; 4];
        for c in line.chars() {
            let one = cc.convert(c.encode_utf8(&mut buf));
            let mut chars = one.chars();
            match (chars.next(), chars.next()) {
                (Some(d), None) => out.push(d),
                _ => out.push(c),
            }
        }
    }
    out
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
        assert_eq!(cc.to_traditional("发展"), "發展");
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
    fn length_changing_conversions_fall_back_per_char() {
        // Whatever OpenCC does to each piece, the copy has exactly as many chars.
        let text = "乾隆皇帝\n著名的頭髮\r\n𠮷野家";
        assert_eq!(
            convert_same_length(Converter::new().t2s.as_ref(), text)
                .chars()
                .count(),
            text.chars().count()
        );
    }
}

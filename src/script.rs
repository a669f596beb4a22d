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

use crate::report::{Script, ScriptKind};

/// A minority script below this share of the script-specific characters is noise (stray
/// glyphs from conversion tools; Project Gutenberg's 紅樓夢 has about 4%), not a mixed text.
const MIXED_SHARE: f64 = 0.15;

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

    /// Classify the script of `text` and return the simplified copy computed for that, so the
    /// caller need not convert twice. The copy has as many chars as `text`.
    pub fn detect(&self, text: &str) -> (Script, String) {
        let simplified = self.to_simplified(text);
        let traditional = self.to_traditional(text);
        let mut traditional_chars = 0u32;
        let mut simplified_chars = 0u32;
        for ((c, s), t) in text
            .chars()
            .zip(simplified.chars())
            .zip(traditional.chars())
        {
            if c != s {
                traditional_chars += 1;
            }
            if c != t {
                simplified_chars += 1;
            }
        }
        let total = f64::from(traditional_chars) + f64::from(simplified_chars);
        let kind = if total == 0.0 {
            ScriptKind::None
        } else if f64::from(simplified_chars.min(traditional_chars)) / total >= MIXED_SHARE {
            ScriptKind::Mixed
        } else if traditional_chars > simplified_chars {
            ScriptKind::Traditional
        } else {
            ScriptKind::Simplified
        };
        // A text with no script-specific character reads the same either way; "none" only
        // when it has no Han characters at all is what a reader expects, so report those
        // neutral Han texts as simplified (jieba's own script).
        let kind = match kind {
            ScriptKind::None if text.chars().any(crate::segment::is_han) => ScriptKind::Simplified,
            k => k,
        };
        let script = Script {
            kind,
            traditional_chars,
            simplified_chars,
            converted: false,
        };
        (script, simplified)
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
            assert_eq!(cc.detect(text).0.kind, want, "{text}");
        }
    }

    #[test]
    fn simplified_copy_keeps_length_and_converts_phrases() {
        let cc = Converter::new();
        let (_, s) = cc.detect("會議強調，要推動長江經濟帶發展。𦡦👪");
        assert_eq!(s, "会议强调，要推动长江经济带发展。𦡦👪");
        assert_eq!(cc.to_traditional("发展"), "發展");
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

//! One direction of OpenCC's conversion as a [`Table`]: its dictionaries' keys in a
//! double-array Aho–Corasick automaton (`daachorse`), matched leftmost-longest.
//!
//! That is OpenCC's own rule as ferrous-opencc (which Wenxi used before) applies it: at each
//! position the longest key of any of the direction's dictionaries that starts there is
//! replaced by its first value, else the character is copied; a key in two dictionaries takes
//! the value of the first (phrases before characters). One automaton pass replaces a prefix
//! search of two finite-state transducers at every character, and no string is allocated per
//! match, which made the conversion of traditional text about four times faster.

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;

/// The dictionaries of one direction, compiled for matching.
pub(crate) struct Table {
    /// `None` only when the automaton could not be built, which the embedded dictionaries
    /// never cause (the tests build every table): conversion then copies the text.
    matcher: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// Every key's replacement, one after another; `spans[value]` is a match's byte range.
    values: String,
    spans: Vec<(u32, u32)>,
    /// The keys of one character with their one-character replacement: what script
    /// detection asks of each distinct character.
    chars: FxHashMap<char, char>,
}

impl Table {
    /// The table of `sources`, OpenCC text dictionaries (`key<TAB>value value…` lines, `#`
    /// comments) in order of precedence. An entry whose first value has another number of
    /// characters than its key is left out, so that a conversion keeps every character's
    /// position (the analysis maps offsets through the converted copy char by char); the
    /// embedded tables have none (a test checks).
    pub(crate) fn new(sources: &[&str]) -> Table {
        let mut index: FxHashMap<&str, u32> = FxHashMap::default();
        let mut keys: Vec<&str> = Vec::new();
        let mut values = String::new();
        let mut spans = Vec::new();
        let mut chars = FxHashMap::default();
        for (key, value) in sources.iter().flat_map(|s| entries(s)) {
            if index.contains_key(key) || key.chars().count() != value.chars().count() {
                continue;
            }
            index.insert(key, keys.len() as u32);
            keys.push(key);
            let start = values.len() as u32;
            values.push_str(value);
            spans.push((start, values.len() as u32));
            let (mut k, mut v) = (key.chars(), value.chars());
            if let (Some(kc), None, Some(vc)) = (k.next(), k.next(), v.next()) {
                chars.insert(kc, vc);
            }
        }
        let matcher = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(keys.iter().enumerate().map(|(i, k)| (k, i as u32)))
            .ok();
        Table {
            matcher,
            values,
            spans,
            chars,
        }
    }

    /// `text` converted: as many characters, each key replaced by its value.
    pub(crate) fn convert(&self, text: &str) -> String {
        let Some(matcher) = &self.matcher else {
            return text.to_string();
        };
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for m in matcher.leftmost_find_iter(text) {
            let (start, end) = self.spans[m.value() as usize];
            out.push_str(&text[copied..m.start()]);
            out.push_str(&self.values[start as usize..end as usize]);
            copied = m.end();
        }
        out.push_str(&text[copied..]);
        out
    }

    /// What the table makes of `c` standing alone, when that is another character.
    pub(crate) fn changes(&self, c: char) -> Option<char> {
        self.chars.get(&c).copied().filter(|&d| d != c)
    }

    /// The number of keys.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }
}

/// The one-character keys of `source` (an OpenCC text dictionary) that stand for another
/// character: all that script detection asks of the simplified→traditional characters, so no
/// automaton is built for them at start-up.
pub(crate) fn char_changes(source: &str) -> FxHashMap<char, char> {
    entries(source)
        .filter_map(|(key, value)| {
            let (mut k, mut v) = (key.chars(), value.chars());
            match (k.next(), k.next(), v.next(), v.next()) {
                (Some(kc), None, Some(vc), None) if kc != vc => Some((kc, vc)),
                _ => None,
            }
        })
        .collect()
}

/// The `(key, first value)` pairs of an OpenCC text dictionary.
fn entries(source: &str) -> impl Iterator<Item = (&str, &str)> {
    source.lines().filter_map(|line| {
        let line = line.trim_end_matches('\r');
        if line.starts_with('#') {
            return None;
        }
        let (key, values) = line.split_once('\t')?;
        let value = values.split(' ').next()?;
        (!key.is_empty() && !value.is_empty()).then_some((key, value))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_key_wins_and_earlier_dictionaries_take_precedence() {
        let phrases = "# comment\r\n头发\t頭髮\r\n发展中\t發展中\r\n";
        let chars = "发\t發 髮\n头\t頭\n展\t展\n中\t中\n发展\t发达\n";
        let t = Table::new(&[phrases, chars]);
        assert_eq!(t.convert("头发发展中发"), "頭髮發展中發");
        // 发展 is only in the second dictionary: its value stands.
        assert_eq!(t.convert("发展"), "发达");
        assert_eq!(t.changes('发'), Some('發'));
        assert_eq!(t.changes('展'), None);
        assert_eq!(t.changes('头'), Some('頭'));
        assert_eq!(t.len(), 7);
    }

    #[test]
    fn entries_that_change_the_length_are_left_out() {
        let t = Table::new(&["乾隆\t乾\n乾\t干\n"]);
        assert_eq!(t.convert("乾隆"), "干隆");
        assert_eq!(t.len(), 1);
    }

    #[test]
    fn char_changes_are_the_one_char_entries_that_change() {
        let map = char_changes("# c\n发\t發 髮\n展\t展\n头发\t頭髮\n后\t後\n");
        assert_eq!(map.len(), 2);
        assert_eq!(map.get(&'发'), Some(&'發'));
        assert_eq!(map.get(&'后'), Some(&'後'));
        let table = Table::new(&["发\t發 髮\n展\t展\n"]);
        assert_eq!(table.changes('发'), Some('發'));
        assert_eq!(table.changes('展'), None);
    }

    #[test]
    fn text_without_keys_is_copied() {
        let t = Table::new(&["發\t发\n"]);
        assert_eq!(t.convert(""), "");
        assert_eq!(t.convert("abc 𦡦👪\r\n"), "abc 𦡦👪\r\n");
        assert_eq!(t.convert("發發a發"), "发发a发");
    }
}

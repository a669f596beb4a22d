//! jieba's IDF table (Python jieba's `idf.txt`, MIT), for TF-IDF weights: the value
//! `extract_tags` would use for a word, or the table's median for a word it does not list.
//!
//! The table is embedded as `data/jieba/idf.txt` in the form `scripts/gen-data.mjs` writes:
//! `#median X` first, then one `word idf` line per word sorted by the words' UTF-8 bytes. A
//! lookup is a binary search over line starts, so starting up costs one scan for newlines
//! (about 1 ms) instead of hashing 270,000 entries, and an analysis reads only the lines of
//! the words it has.

use std::cmp::Ordering;
use std::sync::OnceLock;

static TABLE: &str = include_str!("../data/jieba/idf.txt");

/// The embedded IDF table, indexed on first use.
pub struct Idf {
    text: &'static str,
    /// Byte offset of every word line (the `#median` line excluded), in sorted order.
    lines: OnceLock<Vec<u32>>,
    median: f64,
}

impl Idf {
    /// The embedded table. Cheap: the line index is built on the first lookup.
    pub fn builtin() -> Idf {
        Idf::from_table(TABLE)
    }

    fn from_table(text: &'static str) -> Idf {
        let median = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("#median "))
            .and_then(|m| m.trim().parse().ok())
            .unwrap_or(0.0);
        Idf {
            text,
            lines: OnceLock::new(),
            median,
        }
    }

    /// The table's lower median: the IDF of a word it does not list.
    pub fn median(&self) -> f64 {
        self.median
    }

    /// The IDF of `word` (simplified, as jieba's dictionary writes it), or the median.
    pub fn get(&self, word: &str) -> f64 {
        let lines = self.lines.get_or_init(|| index(self.text));
        let key = word.as_bytes();
        let found = lines.binary_search_by(|&at| {
            let line = &self.text.as_bytes()[at as usize..];
            let end = line.iter().position(|&b| b == b' ').unwrap_or(line.len());
            line[..end].cmp(key)
        });
        match found {
            Ok(i) => self.value_at(lines[i] as usize).unwrap_or(self.median),
            Err(_) => self.median,
        }
    }

    fn value_at(&self, at: usize) -> Option<f64> {
        let line = self.text.get(at..)?.lines().next()?;
        line.split_once(' ')?.1.trim().parse().ok()
    }
}

/// Start offsets of the word lines of `text` (all but the `#median` line).
fn index(text: &str) -> Vec<u32> {
    let mut lines = Vec::with_capacity(text.len() / 20);
    let mut at = 0usize;
    for line in text.split_inclusive('\n') {
        if !line.starts_with('#') && !line.trim().is_empty() {
            lines.push(at as u32);
        }
        at += line.len();
    }
    debug_assert!(lines.windows(2).all(|w| {
        let word = |at: u32| text[at as usize..].split(' ').next().unwrap_or("");
        word(w[0]).as_bytes().cmp(word(w[1]).as_bytes()) == Ordering::Less
    }));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_listed_words_and_gives_the_median_otherwise() {
        let idf = Idf::builtin();
        assert!((idf.get("一") - 3.69538325294).abs() < 1e-12);
        assert!((idf.get("一一") - 7.2439511278).abs() < 1e-12);
        assert_eq!(idf.get("\u{E001}不存在"), idf.median());
        assert_eq!(idf.get(""), idf.median());
        assert!(idf.median() > 10.0 && idf.median() < 13.0);
    }

    #[test]
    fn the_table_is_sorted_by_utf8_bytes() {
        let idf = Idf::builtin();
        let lines = index(idf.text);
        assert!(lines.len() > 250_000);
        let word = |at: u32| idf.text[at as usize..].split(' ').next().unwrap_or("");
        assert!(lines
            .windows(2)
            .all(|w| word(w[0]).as_bytes() < word(w[1]).as_bytes()));
        // First and last words found by the search itself.
        for at in [lines[0], lines[lines.len() / 2], lines[lines.len() - 1]] {
            let value = idf.value_at(at as usize).expect("a value on every line");
            assert_eq!(idf.get(word(at)), value);
        }
    }
}

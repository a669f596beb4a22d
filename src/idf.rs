//! jieba's IDF table, for TF-IDF weights: the value `extract_tags` would use for a word, or
//! the table's median for a word it does not list; and jieba's dictionary frequencies, the
//! reference corpus of keyness.
//!
//! The values come from the merged lexicon ([`crate::lexicon`]), which stores each word's
//! document frequency and one table of the distinct IDF values, exactly as jieba writes them.
//! The word index is built on the first lookup, so an analyzer that never ranks by TF-IDF
//! never pays for it.

use std::sync::OnceLock;

use crate::lexicon::{self, Entries};

/// The embedded IDF table, indexed on first use.
pub struct Idf {
    table: OnceLock<Table>,
    /// IDF per document frequency, ascending by frequency.
    values: Vec<(u32, f64)>,
    median: f64,
}

/// Every word of the lexicon, sorted by UTF-8 bytes.
struct Table {
    /// The words, each followed by `\n`.
    words: String,
    /// Byte offset of each word in `words`.
    starts: Vec<u32>,
    /// Document frequency of each word, 0 where the IDF table lacks it (a listed word's is ≥ 1).
    dfs: Vec<u32>,
    /// Dictionary frequency of each word, 0 where the dictionary lacks it.
    freqs: Vec<u32>,
}

impl Idf {
    /// The embedded table. Cheap: the word index is built on the first lookup.
    pub fn builtin() -> Idf {
        let (values, median) = lexicon::idf_values();
        Idf {
            table: OnceLock::new(),
            values,
            median,
        }
    }

    /// The table's lower median: the IDF of a word it does not list.
    pub fn median(&self) -> f64 {
        self.median
    }

    /// The IDF of `word` (simplified, as jieba's dictionary writes it), or the median.
    pub fn get(&self, word: &str) -> f64 {
        match self.find(word) {
            Some(i) if self.table().dfs[i] > 0 => self.value_of(self.table().dfs[i]),
            _ => self.median,
        }
    }

    /// How often jieba's dictionary counts `word` (simplified form), 0 for a word it does not
    /// list: the reference frequencies for keyness, out of
    /// [`crate::segment::REFERENCE_TOTAL`]. Read from the lexicon, not from jieba-rs (which
    /// keeps frequencies private and gives them back through `exp(ln f)`, one off in either
    /// direction depending on the platform's `exp`), so native and wasm agree exactly.
    pub fn frequency(&self, word: &str) -> u64 {
        self.find(word)
            .map_or(0, |i| u64::from(self.table().freqs[i]))
    }

    fn table(&self) -> &Table {
        self.table.get_or_init(Table::build)
    }

    /// The index of `word` in the table.
    fn find(&self, word: &str) -> Option<usize> {
        let table = self.table();
        let word_at = |i: usize| {
            let start = table.starts[i] as usize;
            let end = table.words[start..]
                .find('\n')
                .map_or(table.words.len(), |e| start + e);
            &table.words.as_bytes()[start..end]
        };
        let (mut lo, mut hi) = (0, table.starts.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match word_at(mid).cmp(word.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    fn value_of(&self, df: u32) -> f64 {
        match self.values.binary_search_by_key(&df, |v| v.0) {
            Ok(i) => self.values[i].1,
            Err(_) => self.median,
        }
    }
}

impl Table {
    fn build() -> Table {
        let mut table = Table {
            words: String::with_capacity(3_600_000),
            starts: Vec::with_capacity(370_700),
            dfs: Vec::with_capacity(370_700),
            freqs: Vec::with_capacity(370_700),
        };
        let mut entries = Entries::new();
        while let Some(e) = entries.next_entry() {
            table.starts.push(table.words.len() as u32);
            table.words.push_str(e.word);
            table.words.push('\n');
            table.dfs.push(e.df.unwrap_or(0));
            let freq = e.dict.and_then(|(f, _)| f.parse().ok()).unwrap_or(0);
            table.freqs.push(freq);
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_listed_words_and_gives_the_median_otherwise() {
        let idf = Idf::builtin();
        assert_eq!(idf.get("一"), 3.69538325294);
        assert_eq!(idf.get("一一"), 7.2439511278);
        assert_eq!(idf.get("\u{E001}不存在"), idf.median());
        assert_eq!(idf.get(""), idf.median());
        assert!(idf.median() > 10.0 && idf.median() < 13.0);
    }

    #[test]
    fn frequencies_are_the_dictionary_counts() {
        let idf = Idf::builtin();
        // From jieba's dict.txt.
        for (word, freq) in [("发展", 68664u64), ("长江", 18930), ("的", 318825)] {
            assert_eq!(idf.frequency(word), freq, "{word}");
        }
        assert_eq!(idf.frequency("文析不是词"), 0);
        assert_eq!(idf.frequency(""), 0);
        // Every frequency adds up to the reference total.
        let total: u64 = idf.table().freqs.iter().map(|&f| u64::from(f)).sum();
        assert_eq!(total, crate::segment::REFERENCE_TOTAL);
    }

    #[test]
    fn every_listed_word_is_found() {
        let idf = Idf::builtin();
        let mut entries = Entries::new();
        let mut n = 0;
        while let Some(e) = entries.next_entry() {
            if let Some(df) = e.df {
                assert_eq!(idf.get(e.word), idf.value_of(df), "{}", e.word);
                n += 1;
            }
        }
        assert_eq!(n, 270_132);
    }
}

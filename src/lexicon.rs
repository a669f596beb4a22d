//! jieba's lexicon: its dictionary (word, frequency, POS tag) and its IDF table (Python
//! jieba's `dict.txt` and `idf.txt`, MIT), merged into one sorted word list.
//!
//! The files are written by `scripts/gen-data.mjs` and embedded in the binary:
//! - `data/jieba/words.txt`: the words sorted by UTF-8 bytes, front-coded, one `K SUFFIX` line
//!   per word (the first K bytes of the previous word, always a char boundary, then SUFFIX);
//! - `data/jieba/entries.txt`: line for line, `FREQ TAG DF`, `-` where a table lacks the word;
//! - `data/jieba/idf-values.txt`: `#median X`, then `DF IDF` per distinct document frequency.
//!
//! Why not jieba-rs's own embedded copies: they are zstd-compressed inside the binary, so the
//! brotli a server applies cannot shrink them, and the two tables repeat 250,000 words. As one
//! front-coded list they weigh 1.7 MB brotli instead of 3.2 MB, the largest part of what a
//! page downloads before it can analyse.

static WORDS: &str = include_str!("../data/jieba/words.txt");
static ENTRIES: &str = include_str!("../data/jieba/entries.txt");
static IDF_VALUES: &str = include_str!("../data/jieba/idf-values.txt");

/// One word of the lexicon, as [`Entries::next_entry`] decodes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry<'a> {
    /// The word, in simplified characters as jieba writes it.
    pub word: &'a str,
    /// Its dictionary frequency and POS tag, if the dictionary lists it.
    pub dict: Option<(&'a str, &'a str)>,
    /// Its document frequency in jieba's IDF corpus, if the IDF table lists it.
    pub df: Option<u32>,
}

/// Decodes the embedded lexicon in order (sorted by the words' UTF-8 bytes). Not an
/// `Iterator`: each word borrows the decoder's buffer until the next call.
pub struct Entries {
    words: Fields,
    entries: Fields,
    word: String,
}

/// A cursor over space- and newline-separated fields of an embedded file. (Decoding runs at
/// every start-up, so it reads bytes rather than going through `str::lines` and `split`:
/// 370,000 lines took 37 ms natively that way.)
struct Fields {
    text: &'static str,
    at: usize,
}

impl Fields {
    /// The field at the cursor, up to the next space or newline, which is skipped.
    fn next(&mut self) -> Option<&'static str> {
        let rest = self.text.get(self.at..).filter(|r| !r.is_empty())?;
        let len = rest
            .bytes()
            .position(|b| b == b' ' || b == b'\n')
            .unwrap_or(rest.len());
        self.at += len + 1;
        rest.get(..len)
    }
}

impl Entries {
    /// A decoder at the first word.
    pub fn new() -> Entries {
        Entries {
            words: Fields { text: WORDS, at: 0 },
            entries: Fields {
                text: ENTRIES,
                at: 0,
            },
            word: String::with_capacity(64),
        }
    }

    /// The next word, or `None` after the last (or at a malformed line, which the tests rule
    /// out for the embedded files).
    pub fn next_entry(&mut self) -> Option<Entry<'_>> {
        let shared = parse_u32(self.words.next()?)? as usize;
        let suffix = self.words.next()?;
        if !self.word.is_char_boundary(shared) {
            return None;
        }
        self.word.truncate(shared);
        self.word.push_str(suffix);

        let (freq, tag, df) = (
            self.entries.next()?,
            self.entries.next()?,
            self.entries.next()?,
        );
        let dict = (freq != "-").then_some((freq, tag));
        let df = if df == "-" {
            None
        } else {
            Some(parse_u32(df)?)
        };
        Some(Entry {
            word: &self.word,
            dict,
            df,
        })
    }
}

/// A decimal number of ASCII digits only.
fn parse_u32(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Default for Entries {
    fn default() -> Self {
        Entries::new()
    }
}

/// The dictionary in jieba's `word freq tag` text format, for `Jieba::with_dict`.
pub fn dictionary_text() -> String {
    // The dictionary text is 5.1 MB; reserving it avoids a dozen regrowth copies.
    let mut out = String::with_capacity(5_100_000);
    let mut entries = Entries::new();
    while let Some(e) = entries.next_entry() {
        if let Some((freq, tag)) = e.dict {
            for part in [e.word, " ", freq, " ", tag, "\n"] {
                out.push_str(part);
            }
        }
    }
    out
}

/// jieba's IDF value for each document frequency, in ascending order of frequency, and the
/// median IDF (what jieba gives a word its table lacks).
pub fn idf_values() -> (Vec<(u32, f64)>, f64) {
    let mut lines = IDF_VALUES.lines();
    let median = lines
        .next()
        .and_then(|l| l.strip_prefix("#median "))
        .and_then(|m| m.trim().parse().ok())
        .unwrap_or(0.0);
    let values = lines
        .filter_map(|l| {
            let (df, idf) = l.split_once(' ')?;
            Some((df.parse().ok()?, idf.trim().parse().ok()?))
        })
        .collect();
    (values, median)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_line_in_sorted_order() {
        let mut entries = Entries::new();
        let (mut n, mut in_dict, mut with_df) = (0, 0, 0);
        let mut previous = String::new();
        while let Some(e) = entries.next_entry() {
            assert!(
                e.word.as_bytes() > previous.as_bytes(),
                "{previous} before {}",
                e.word
            );
            assert!(!e.word.contains(char::is_whitespace));
            if let Some((freq, tag)) = e.dict {
                assert!(freq.parse::<usize>().is_ok(), "{}: {freq}", e.word);
                assert!(!tag.is_empty() && tag != "-");
                in_dict += 1;
            }
            with_df += usize::from(e.df.is_some());
            previous = e.word.to_string();
            n += 1;
        }
        // Every line was read: a malformed one would have stopped the decoder early.
        assert_eq!(n, WORDS.lines().count());
        assert_eq!(n, ENTRIES.lines().count());
        assert_eq!((n, in_dict, with_df), (370_624, 349_045, 270_132));
    }

    #[test]
    fn front_coding_shares_whole_chars() {
        let mut entries = Entries::new();
        let mut seen = Vec::new();
        while let Some(e) = entries.next_entry() {
            if e.word.starts_with("长江") && seen.len() < 200 {
                seen.push(e.word.to_string());
            }
        }
        assert!(seen.iter().any(|w| w == "长江"));
        assert!(seen.iter().any(|w| w == "长江三角洲"));
    }

    #[test]
    fn idf_values_cover_every_document_frequency() {
        let (values, median) = idf_values();
        assert_eq!(values.len(), 3_328);
        assert!(values
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 > w[1].1));
        assert_eq!(values[0], (1, 13.900677652));
        assert!(median > 10.0 && median < 13.0);
        let mut entries = Entries::new();
        while let Some(e) = entries.next_entry() {
            if let Some(df) = e.df {
                assert!(values.binary_search_by_key(&df, |v| v.0).is_ok(), "{df}");
            }
        }
    }
}

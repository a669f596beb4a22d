//! What the caller can change about an analysis.

use serde::{Deserialize, Serialize};

/// Options for [`crate::Analyzer::analyze`]. Every field has a default, so `{}` (or
/// `Options::default()`) is a complete set; unknown fields are an error, so a misspelt
/// option is reported rather than silently ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// Let jieba's HMM find words its dictionary lacks (names, new terms). Default true.
    pub hmm: bool,
    /// Segment traditional text through a simplified copy. Default true; off only to measure
    /// what the conversion is worth.
    pub convert: bool,
    /// Join noun pairs that the text uses as one term (长江 + 经济带 → 长江经济带). Default true.
    pub compounds: bool,
    /// Count the terms found in the text (recurring token sequences that hold together, such
    /// as 高质量发展 or 粤港澳大湾区: see [`crate::query::terms`]) as words, so they reach the
    /// keyword list whole instead of as their parts. Default false, so reports stay as jieba
    /// cuts; the page turns it on. `tokenize` joins them too when it is on, and so do the
    /// queries (concordance by word, collocates, dispersion, …): they count words as the
    /// keyword list does, and the terms query still lists the joined terms.
    pub terms: bool,
    /// How many keywords the report lists. Default 100; 0 lists none.
    pub top_n: usize,
    /// Shortest keyword in characters. Default 2; 1 lets single characters count.
    pub min_length: usize,
    /// Only words with these part-of-speech tags count as keywords (jieba's tags: `n`, `v`,
    /// `ns`, `vn`, `eng`, …). Empty, the default, allows all.
    pub pos: Vec<String>,
    /// Words never counted as keywords, besides the built-in lists. Matched like the built-in
    /// lists: through simplified conversion and case folding.
    pub stopwords: Vec<String>,
    /// Use the built-in Chinese and English stopword lists. Default true.
    pub default_stopwords: bool,
    /// Words of the built-in lists to count after all (the page's editable built-in list),
    /// matched like `stopwords`.
    pub keep_words: Vec<String>,
    /// Words to add to the analyzer's dictionary before segmenting, as with
    /// [`crate::Analyzer::add_words`] (they stay added).
    pub words: Vec<String>,
    /// How many top words each section lists. Default 5.
    pub section_keywords: usize,
    /// Include every token in the report. Default false: a novel has a million of them.
    pub include_tokens: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            hmm: true,
            convert: true,
            compounds: true,
            terms: false,
            top_n: 100,
            min_length: 2,
            pos: Vec::new(),
            stopwords: Vec::new(),
            default_stopwords: true,
            keep_words: Vec::new(),
            words: Vec::new(),
            section_keywords: 5,
            include_tokens: false,
        }
    }
}

impl Options {
    /// Parse options from JSON text (the command line's `--options`).
    ///
    /// # Errors
    /// [`crate::Error::InvalidOptions`] naming the field at fault, for malformed JSON, a wrong
    /// type or an unknown field.
    pub fn from_json(json: &str) -> Result<Options, crate::Error> {
        from_json(json, crate::Error::InvalidOptions)
    }
}

/// A value from JSON text, with an error made by `error` that names the field at fault (for
/// malformed JSON, a wrong type or an unknown field): the one reading of options and of the
/// queries' requests.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    json: &str,
    error: fn(String) -> crate::Error,
) -> Result<T, crate::Error> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        // serde_json ends its messages with "at line 1 column 12", which means nothing to
        // a caller who passed an object rather than text.
        let inner = e.into_inner().to_string();
        let why = inner.split(" at line ").next().unwrap_or(&inner);
        error(if path == "." {
            why.to_string()
        } else {
            format!("{path}: {why}")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_object_is_the_defaults() {
        assert_eq!(Options::from_json("{}").unwrap(), Options::default());
    }

    #[test]
    fn camel_case_fields_and_unknown_ones_rejected() {
        let o = Options::from_json(r#"{"topN": 5, "minLength": 1, "hmm": false}"#).unwrap();
        assert_eq!((o.top_n, o.min_length, o.hmm), (5, 1, false));
        let e = Options::from_json(r#"{"top_n": 5}"#).unwrap_err();
        assert_eq!(e.kind(), "invalid_options");
        assert!(e.to_string().contains("unknown field `top_n`"), "{e}");
        assert!(!e.to_string().contains("line 1"), "{e}");
        let e = Options::from_json(r#"{"topN": "many"}"#).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("invalid options: topN: invalid type"),
            "{e}"
        );
    }
}

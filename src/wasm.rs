//! The JavaScript shell: the only module that touches `wasm_bindgen`, `js_sys` or
//! `serde_wasm_bindgen`. It converts types and errors, nothing more; the analysis lives in the
//! pure-Rust modules and is tested natively.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Error, Options};

// The TypeScript shapes of the options and the report, emitted into the generated `.d.ts`
// beside the functions that take and return them. They mirror `src/options.rs` and
// `src/report.rs`; `tests/browser/types.test.mjs` checks them against a real report.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Options for `Analyzer.analyze`; every field is optional. */
export interface AnalyzeOptions {
  /** Let jieba's HMM find words its dictionary lacks. Default true. */
  hmm?: boolean;
  /** Segment traditional text through a simplified copy. Default true. */
  convert?: boolean;
  /** Join noun pairs the text uses as one term (长江 + 经济带). Default true. */
  compounds?: boolean;
  /** How many keywords to list. Default 100. */
  topN?: number;
  /** Shortest keyword in characters. Default 2; 1 allows single characters. */
  minLength?: number;
  /** Allowed part-of-speech tags (jieba's: "n", "v", "ns", "vn", "eng", …); [] allows all. */
  pos?: string[];
  /** Extra stopwords, matched through simplified conversion and case folding. */
  stopwords?: string[];
  /** Use the built-in Chinese and English stopword lists. Default true. */
  defaultStopwords?: boolean;
  /** Words of the built-in lists to count after all. */
  keepWords?: string[];
  /** Words to add to the dictionary first (they stay added). */
  words?: string[];
  /** Top words listed per section. Default 5. */
  sectionKeywords?: number;
  /** Include every token in the report. Default false. */
  includeTokens?: boolean;
}

/** A content word. Offsets are UTF-16 code units into the analysed text. */
export interface Keyword {
  /** As first written in the text (traditional stays traditional). */
  word: string;
  /** Simplified, lower-cased form used for counting. */
  key: string;
  count: number;
  /** count / all content-word occurrences, 0..1. */
  share: number;
  /** TF-IDF with jieba's IDF. */
  weight: number;
  /** TextRank score, best word = 1. */
  textrank: number;
  /** jieba POS tag of the first occurrence. */
  pos: string;
  /** UTF-16 offset of the first occurrence. */
  first: number;
  /** Occurrences in jieba's dictionary (0 if unlisted), out of `Report.referenceTotal`. */
  reference: number;
  /** Every occurrence as a UTF-16 [start, end) range, in text order. */
  occurrences: [number, number][];
  /** [sectionIndex, count] pairs for the sections that use the word. */
  sections: [number, number][];
}

export interface WordCount {
  word: string;
  count: number;
}

export interface Section {
  title: string;
  /** 0 = before the first heading, 1 = top level. */
  level: number;
  /** Index of the enclosing section, or null. */
  parent: number | null;
  /** Whether the section starts with a heading line. */
  heading: boolean;
  /** UTF-16 range [start, end); sections tile the text. */
  start: number;
  end: number;
  paragraphs: number;
  sentences: number;
  characters: number;
  keywords: WordCount[];
}

export interface Stats {
  characters: number;
  utf16Length: number;
  hanCharacters: number;
  tokens: number;
  words: number;
  distinctWords: number;
  sentences: number;
  paragraphs: number;
  averageSentenceLength: number;
  readingMinutes: number;
}

export interface Cleaning {
  annotations: number;
  tags: number;
  hidden: number;
  entities: number;
  widthFolded: number;
  zeroWidth: number;
  mojibake: number;
}

export interface Script {
  kind: "simplified" | "traditional" | "mixed" | "none";
  traditionalChars: number;
  simplifiedChars: number;
  converted: boolean;
}

export type TokenKind = "han" | "latin" | "number" | "punctuation" | "whitespace" | "other";

export interface Token {
  word: string;
  start: number;
  end: number;
  kind: TokenKind;
  pos: string;
}

export interface Progress {
  stage: "cleaning" | "script" | "sections" | "segmenting" | "keywords" | "done";
  /** The whole analysis done so far, 0 to 1. */
  fraction: number;
}

export interface Report {
  version: string;
  keywords: Keyword[];
  sections: Section[];
  stats: Stats;
  cleaning: Cleaning;
  script: Script;
  /** Size of the reference corpus that `Keyword.reference` counts in. */
  referenceTotal: number;
  /** Only with `includeTokens: true`. */
  tokens?: Token[];
}

/** Merged into the generated `Analyzer` class. */
export interface Analyzer {
  /**
   * Analyse `text`. Offsets in the report are UTF-16 code units into `text`.
   * `onProgress` is called with `{stage, fraction}` as the analysis advances, last with 1.
   * Throws a `WenxiError`.
   */
  analyze(text: string, options?: AnalyzeOptions, onProgress?: (progress: Progress) => void): Report;
  /**
   * Segmentation alone, as `analyze` cuts: every word except whitespace as a UTF-16
   * `[start, end)` pair into `text`, flattened (`[start0, end0, start1, end1, …]`). Only the
   * options that change the cut (hmm, convert, compounds, words) matter. Throws a `WenxiError`.
   */
  tokenize(text: string, options?: AnalyzeOptions): Uint32Array;
}

/** The Error thrown by `analyze` and `addWords`. */
export interface WenxiError extends Error {
  kind: "invalid_options" | "invalid_word" | "input_too_large" | "internal";
}
"#;

/// Analyses texts; build one and reuse it (the constructor loads the dictionary).
#[wasm_bindgen(js_name = Analyzer)]
pub struct JsAnalyzer {
    inner: crate::Analyzer,
}

#[wasm_bindgen(js_class = Analyzer)]
impl JsAnalyzer {
    /// Load jieba's dictionary, the conversion tables and the stopword lists.
    #[wasm_bindgen(constructor)]
    pub fn new() -> JsAnalyzer {
        JsAnalyzer {
            inner: crate::Analyzer::new(),
        }
    }

    /// Analyse `text` with `options` (an object with camelCase fields, or undefined) and return
    /// the report as a plain object. Offsets are UTF-16 code units into `text`.
    ///
    /// Throws an `Error` whose `kind` is `"invalid_options"`, `"invalid_word"` or
    /// `"input_too_large"`.
    ///
    /// `onProgress`, if given, is called with `{stage, fraction}` as the analysis advances
    /// (about every 256 KB of text while segmenting), last with fraction 1; what it throws is
    /// ignored.
    // Typed in TS_TYPES (optional parameters read better there than generated).
    #[wasm_bindgen(skip_typescript)]
    pub fn analyze(
        &mut self,
        text: &str,
        options: JsValue,
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let options = parse_options(options)?;
        let report = self
            .inner
            .analyze_with_progress(text, &options, &mut |p| {
                if let (Some(f), Ok(p)) = (&on_progress, to_js(&p)) {
                    // A throwing callback must not abort the analysis it watches.
                    let _ = f.call1(&JsValue::NULL, &p);
                }
            })
            .map_err(js_error)?;
        to_js(&report)
    }

    /// Segmentation alone: the words of `text` as UTF-16 `[start, end)` pairs, flattened into
    /// one `Uint32Array` so that nothing per word crosses into JS.
    // Typed in TS_TYPES.
    #[wasm_bindgen(skip_typescript)]
    pub fn tokenize(&mut self, text: &str, options: JsValue) -> Result<Vec<u32>, JsValue> {
        let options = parse_options(options)?;
        self.inner.tokenize(text, &options).map_err(js_error)
    }

    /// The built-in Chinese and English stopwords, sorted.
    #[wasm_bindgen(js_name = builtinStopwords)]
    pub fn builtin_stopwords(&self) -> Vec<String> {
        self.inner.builtin_stopwords()
    }

    /// Take words out of the dictionary so segmentation splits them; returns how many entries
    /// were removed. Throws an `Error` of kind `"invalid_word"` like `addWords`.
    #[wasm_bindgen(js_name = removeWords)]
    pub fn remove_words(&mut self, words: Vec<String>) -> Result<u32, JsValue> {
        self.inner
            .remove_words(&words)
            .map(|n| n as u32)
            .map_err(js_error)
    }

    /// `text` converted to `"simplified"` or `"traditional"` characters (OpenCC, phrase level),
    /// for showing words in the script the reader prefers. Throws `"invalid_options"` for any
    /// other target.
    pub fn convert(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "\"simplified\" | \"traditional\"")] to: &str,
    ) -> Result<String, JsValue> {
        match to {
            "simplified" => Ok(self.inner.to_simplified(text)),
            "traditional" => Ok(self.inner.to_traditional(text)),
            _ => Err(js_error(Error::InvalidOptions(format!(
                "convert to \"simplified\" or \"traditional\", not {to:?}"
            )))),
        }
    }

    /// Add words to the dictionary; returns how many entries were new. Throws an `Error` of
    /// kind `"invalid_word"` for an empty word or one with whitespace.
    #[wasm_bindgen(js_name = addWords)]
    pub fn add_words(&mut self, words: Vec<String>) -> Result<u32, JsValue> {
        self.inner
            .add_words(&words)
            .map(|n| n as u32)
            .map_err(js_error)
    }
}

impl Default for JsAnalyzer {
    fn default() -> Self {
        JsAnalyzer::new()
    }
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// The longest text `analyze` and `tokenize` accept, in UTF-16 code units (a JS string's
/// `length`): 16,777,216. A longer text is refused with an error of kind `input_too_large`;
/// checking `text.length` against this first spares copying such a text into wasm memory.
#[wasm_bindgen(js_name = maxInputLength)]
pub fn max_input_length() -> u32 {
    crate::MAX_INPUT_UTF16 as u32
}

/// A plain JS object (no Maps; `null` for `None`) for a serialisable value.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(Error::Internal(e.to_string())))
}

fn parse_options(options: JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    // Through JSON rather than `serde_wasm_bindgen::from_value`, which reads only the fields
    // it knows and so would let a misspelt option (`topn`) pass unnoticed.
    let json = js_sys::JSON::stringify(&options)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| {
            js_error(Error::InvalidOptions(
                "options must be a plain object".into(),
            ))
        })?;
    Options::from_json(&json).map_err(js_error)
}

/// A real JS `Error` with the message and a stable `kind` property.
fn js_error(e: Error) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    // Setting a property on a fresh Error object cannot fail; if it ever did, the message
    // alone still reaches the caller.
    let _ = js_sys::Reflect::set(&error, &"kind".into(), &e.kind().into());
    error.into()
}

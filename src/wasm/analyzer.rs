//! The synchronous `Analyzer` class and the module's free functions, for JS code that
//! already runs off the main thread or may block (the worker loop in [`super::worker`] drives
//! the same `crate::Analyzer`).

use wasm_bindgen::prelude::*;

use super::convert::{
    index_of, indices_of, js_error, name_of, packed_marks, parse_corpus_request, parse_options,
    parse_request, summaries_of, text_of, to_js, words_of,
};
use crate::collection::{compare_groups, CorpusOptions};
use crate::Error;

// The TypeScript shapes of the options and the report: generated from `src/options.rs` and
// `src/report.rs` by ts-rs (`UPDATE_TYPES=1 cargo test --lib typescript`; the same test fails
// when the file is stale), and emitted into the generated `wenxi.d.ts`.
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &str = include_str!("../../js/report.d.ts");

// The methods whose optional parameters read better written than generated, merged into the
// generated `Analyzer` class, and the error every call throws.
#[wasm_bindgen(typescript_custom_section)]
const ANALYZER_TYPES: &str = r#"
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
  /**
   * The segmented text: each line of `text` as its words (as `tokenize` cuts them, as
   * written) separated by single spaces, one output line per input line, each ending in
   * `\n`; what `wenxi --tokens` prints. Throws a `WenxiError`.
   */
  segmentedText(text: string, options?: AnalyzeOptions): string;
  /**
   * Every occurrence of a string, word or regular expression in the last analysed text (or
   * the lines of the given `ranges`, such as a keyword's occurrences), with context. Throws a `WenxiError` (`not_analyzed` before any analysis, `invalid_query` for a
   * request refused, such as a costly pattern).
   */
  concordance(request: ConcordanceRequest): Concordance;
  /** The collocates of a word in the last analysed text, with MI, t-score, G² and logDice. */
  collocates(request: CollocatesRequest): Collocates;
  /** The word (or character) n-grams that repeat in the last analysed text. */
  ngrams(request?: NgramsRequest): Ngrams;
  /** Multi-word terms found in the last analysed text. */
  terms(request?: TermsRequest): Terms;
  /** Where words occur, with Juilland's D and Gries' DP over the sections or equal parts. */
  dispersion(request: DispersionRequest): Dispersion;
  /** The relative frequency of words per section or equal segment. */
  trends(request: TrendsRequest): Trends;
  /**
   * The vocabulary profile of the last analysed text by HSK 3.0 level (running and distinct
   * words per level, coverage, the words a reader does not know, characters by level). Needs
   * the word lists first: `loadLevels(await hskLevels())`. Throws a `WenxiError`
   * (`invalid_request` before they are loaded, `not_analyzed`, `invalid_query`).
   */
  levels(request?: LevelsRequest): LevelsProfile;
  /**
   * Where the last analysed text's graded words are (UTF-16 offsets, with their levels and
   * whether the reader the request describes knows them) and its words in each level band:
   * the profile shown against the text. Needs the word lists, as `levels` does.
   */
  levelMarks(request?: LevelsRequest): LevelMarks;
  /**
   * Analyse `text` as the document `name` of a corpus: its summary (its stats and every
   * content word counted, not its text; a line of `wenxi corpus --jsonl`), which
   * `corpusReport` is built from. The queries' last analysed text is forgotten. Throws a
   * `WenxiError` as `analyze` does (`invalid_request` for a name that is not a string).
   */
  summarize(name: string, text: string, options?: AnalyzeOptions): DocumentSummary;
  /**
   * The corpus report of `summaries`, documents in the order given (what `wenxi corpus`
   * prints): `options` are its flags, a reference text is analysed with
   * `options.analysis`. Throws a `WenxiError`: `invalid_summary` (an element that is not a
   * summary of this version, named by index), `invalid_frequency_list` (with its line),
   * `invalid_options`, `invalid_query` (a `compare` group that is empty, out of range or
   * repeats a document), `invalid_request` (`summaries` not an array). `summaries` null:
   * the kept corpus's (see `keepDocument`; `not_analyzed` when there is none).
   */
  corpusReport(summaries: DocumentSummary[] | null, options?: CorpusReportOptions): CorpusReport;
  /**
   * Keyness of documents `a` against documents `b` (indices into `summaries`), at most
   * `terms` words each way (default 20): the report's `comparison` alone. Throws a
   * `WenxiError` as `corpusReport` does.
   */
  compareGroups(summaries: DocumentSummary[] | null, a: number[], b: number[], terms?: number): Comparison;
  /**
   * Analyse `text` as document `index` of the kept corpus (what `corpusReport(null, …)` and
   * `compareGroups(null, …)` read); with `queries`, its tokens and text are kept too, for
   * `corpusConcordance`, `corpusCollocates` and `corpusNgrams`. Returns its summary.
   */
  keepDocument(index: number, name: string, text: string, options?: AnalyzeOptions, queries?: boolean): DocumentSummary;
  /** Forget the kept corpus. */
  clearDocuments(): void;
  /** Every occurrence of a string, word or pattern in the kept corpus, each line labelled with its document. */
  corpusConcordance(request: ConcordanceRequest): CorpusConcordance;
  /** The collocates of a word over the kept corpus's documents. */
  corpusCollocates(request: CollocatesRequest): Collocates;
  /** The repeated n-grams of the kept corpus, with the documents each occurs in. */
  corpusNgrams(request?: NgramsRequest): CorpusNgrams;
}

/** The Error thrown by the analyzer's methods. */
export interface WenxiError extends Error {
  kind: "invalid_options" | "invalid_word" | "invalid_request" | "input_too_large" | "not_analyzed" | "invalid_query" | "invalid_summary" | "invalid_frequency_list" | "internal";
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
    /// Throws an `Error` whose `kind` is `"invalid_options"`, `"invalid_word"`,
    /// `"invalid_request"` (`text` not a string) or `"input_too_large"` (checked before the
    /// text is copied into wasm memory).
    ///
    /// `onProgress`, if given, is called with `{stage, fraction}` as the analysis advances
    /// (about every 256 KB of text while segmenting), last with fraction 1; what it throws is
    /// ignored.
    // Typed in ANALYZER_TYPES (optional parameters read better there than generated).
    #[wasm_bindgen(skip_typescript)]
    pub fn analyze(
        &mut self,
        text: JsValue,
        options: JsValue,
        on_progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let text = text_of(&text).map_err(js_error)?;
        let options = parse_options(&options).map_err(js_error)?;
        let report = self
            .inner
            .analyze_with_progress(&text, &options, &mut |p| {
                if let (Some(f), Ok(p)) = (&on_progress, to_js(&p)) {
                    // A throwing callback must not abort the analysis it watches.
                    let _ = f.call1(&JsValue::NULL, &p);
                }
            })
            .map_err(js_error)?;
        to_js(&report).map_err(js_error)
    }

    /// Segmentation alone: the words of `text` as UTF-16 `[start, end)` pairs, flattened into
    /// one `Uint32Array` so that nothing per word crosses into JS.
    // Typed in ANALYZER_TYPES.
    #[wasm_bindgen(skip_typescript)]
    pub fn tokenize(&mut self, text: JsValue, options: JsValue) -> Result<Vec<u32>, JsValue> {
        let text = text_of(&text).map_err(js_error)?;
        let options = parse_options(&options).map_err(js_error)?;
        self.inner.tokenize(&text, &options).map_err(js_error)
    }

    /// The segmented text, as `wenxi --tokens` prints it: each line's words separated by
    /// single spaces, one output line per input line.
    // Typed in ANALYZER_TYPES.
    #[wasm_bindgen(js_name = segmentedText, skip_typescript)]
    pub fn segmented_text(&mut self, text: JsValue, options: JsValue) -> Result<String, JsValue> {
        let text = text_of(&text).map_err(js_error)?;
        let options = parse_options(&options).map_err(js_error)?;
        self.inner.segmented_text(&text, &options).map_err(js_error)
    }

    /// Concordance of the last analysed text (see `crate::query::concordance`); `request` is a
    /// `ConcordanceQuery` object. Throws `"not_analyzed"` or `"invalid_query"`.
    // Typed in ANALYZER_TYPES, like the other queries.
    #[wasm_bindgen(skip_typescript)]
    pub fn concordance(&self, request: JsValue) -> Result<JsValue, JsValue> {
        let q = parse_request(&request).map_err(js_error)?;
        to_js(&self.inner.concordance(&q).map_err(js_error)?).map_err(js_error)
    }

    /// Collocates of a word in the last analysed text (see `crate::query::collocates`).
    #[wasm_bindgen(skip_typescript)]
    pub fn collocates(&self, request: JsValue) -> Result<JsValue, JsValue> {
        let q = parse_request(&request).map_err(js_error)?;
        to_js(&self.inner.collocates(&q).map_err(js_error)?).map_err(js_error)
    }

    /// Repeated n-grams of the last analysed text (see `crate::query::ngrams`).
    #[wasm_bindgen(skip_typescript)]
    pub fn ngrams(&self, request: JsValue) -> Result<JsValue, JsValue> {
        let q = parse_request(&request).map_err(js_error)?;
        to_js(&self.inner.ngrams(&q).map_err(js_error)?).map_err(js_error)
    }

    /// Terms found in the last analysed text (see `crate::query::terms`).
    #[wasm_bindgen(skip_typescript)]
    pub fn terms(&self, request: JsValue) -> Result<JsValue, JsValue> {
        let q = parse_request(&request).map_err(js_error)?;
        to_js(&self.inner.terms(&q).map_err(js_error)?).map_err(js_error)
    }

    /// Dispersion of words in the last analysed text (see `crate::query::dispersion`).
    #[wasm_bindgen(skip_typescript)]
    pub fn dispersion(&self, request: JsValue) -> Result<JsValue, JsValue> {
        let q = parse_request(&request).map_err(js_error)?;
        to_js(&self.inner.dispersion(&q).map_err(js_error)?).map_err(js_error)
    }

    /// Trends of words in the last analysed text (see `crate::query::trends`).
    #[wasm_bindgen(skip_typescript)]
    pub fn trends(&self, request: JsValue) -> Result<JsValue, JsValue> {
        let q = parse_request(&request).map_err(js_error)?;
        to_js(&self.inner.trends(&q).map_err(js_error)?).map_err(js_error)
    }

    /// The vocabulary profile by HSK level of the last analysed text (see
    /// `crate::query::levels`).
    #[wasm_bindgen(skip_typescript)]
    pub fn levels(&self, request: JsValue) -> Result<JsValue, JsValue> {
        let q = parse_request(&request).map_err(js_error)?;
        to_js(&self.inner.levels(&q).map_err(js_error)?).map_err(js_error)
    }

    /// Where the graded words of the last analysed text are (see `crate::query::level_marks`),
    /// their places packed in one `Uint32Array`.
    #[wasm_bindgen(js_name = levelMarks, skip_typescript)]
    pub fn level_marks(&self, request: JsValue) -> Result<JsValue, JsValue> {
        let q = parse_request(&request).map_err(js_error)?;
        let marks = self.inner.level_marks(&q).map_err(js_error)?;
        Ok(packed_marks(marks).map_err(js_error)?.0)
    }

    /// Hand over the HSK 3.0 word lists (`data/hsk/hsk3-words.tsv`, the text the package's
    /// `hskLevels()` resolves to), which the wasm does not embed so that a page downloads them
    /// only when a reader asks for the vocabulary profile. Throws `invalid_request` for text
    /// that is not such a list (the lists held before stay).
    #[wasm_bindgen(js_name = loadLevels)]
    pub fn load_levels(&mut self, text: &str) -> Result<(), JsValue> {
        self.inner.load_levels(text).map_err(js_error)
    }

    /// Whether `levels` can grade: the word lists are loaded.
    #[wasm_bindgen(js_name = hasLevels)]
    pub fn has_levels(&self) -> bool {
        self.inner.has_levels()
    }

    /// A corpus document's summary (see `crate::Analyzer::summarize`), as a plain object.
    // Typed in ANALYZER_TYPES, like the corpus methods below.
    #[wasm_bindgen(skip_typescript)]
    pub fn summarize(
        &mut self,
        name: JsValue,
        text: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let name = name_of(&name).map_err(js_error)?;
        let text = text_of(&text).map_err(js_error)?;
        let options = parse_options(&options).map_err(js_error)?;
        let summary = self
            .inner
            .summarize(&name, &text, &options)
            .map_err(js_error)?;
        to_js(&summary).map_err(js_error)
    }

    /// The corpus report of `summaries` (see `crate::Analyzer::corpus_report`); `options` is
    /// a `CorpusRequest` object.
    #[wasm_bindgen(js_name = corpusReport, skip_typescript)]
    pub fn corpus_report(
        &mut self,
        summaries: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let request = parse_corpus_request(&options).map_err(js_error)?;
        let report = if summaries.is_null() || summaries.is_undefined() {
            self.inner.kept_corpus_report(&request)
        } else {
            let docs = summaries_of(&summaries).map_err(js_error)?;
            self.inner.corpus_report(&docs, &request)
        };
        to_js(&report.map_err(js_error)?).map_err(js_error)
    }

    /// A document of the kept corpus (see `crate::Analyzer::keep_document`).
    #[wasm_bindgen(js_name = keepDocument, skip_typescript)]
    pub fn keep_document(
        &mut self,
        index: JsValue,
        name: JsValue,
        text: JsValue,
        options: JsValue,
        queries: Option<bool>,
    ) -> Result<JsValue, JsValue> {
        let index = index_of(&index).map_err(js_error)?;
        let name = name_of(&name).map_err(js_error)?;
        let text = text_of(&text).map_err(js_error)?;
        let options = parse_options(&options).map_err(js_error)?;
        let summary = self
            .inner
            .keep_document(index, &name, &text, &options, queries.unwrap_or(false))
            .map_err(js_error)?;
        to_js(&summary).map_err(js_error)
    }

    /// Forget the kept corpus.
    #[wasm_bindgen(js_name = clearDocuments, skip_typescript)]
    pub fn clear_documents(&mut self) {
        self.inner.clear_documents();
    }

    /// The concordance over the kept corpus (see `crate::Analyzer::corpus_concordance`).
    #[wasm_bindgen(js_name = corpusConcordance, skip_typescript)]
    pub fn corpus_concordance(&self, request: JsValue) -> Result<JsValue, JsValue> {
        let q = parse_request(&request).map_err(js_error)?;
        to_js(&self.inner.corpus_concordance(&q).map_err(js_error)?).map_err(js_error)
    }

    /// The collocates over the kept corpus (see `crate::Analyzer::corpus_collocates`).
    #[wasm_bindgen(js_name = corpusCollocates, skip_typescript)]
    pub fn corpus_collocates(&self, request: JsValue) -> Result<JsValue, JsValue> {
        let q = parse_request(&request).map_err(js_error)?;
        to_js(&self.inner.corpus_collocates(&q).map_err(js_error)?).map_err(js_error)
    }

    /// The n-grams of the kept corpus (see `crate::Analyzer::corpus_ngrams`).
    #[wasm_bindgen(js_name = corpusNgrams, skip_typescript)]
    pub fn corpus_ngrams(&self, request: JsValue) -> Result<JsValue, JsValue> {
        let q = parse_request(&request).map_err(js_error)?;
        to_js(&self.inner.corpus_ngrams(&q).map_err(js_error)?).map_err(js_error)
    }

    /// Keyness of two groups of documents (see `crate::collection::compare_groups`).
    #[wasm_bindgen(js_name = compareGroups, skip_typescript)]
    pub fn compare_groups(
        &self,
        summaries: JsValue,
        a: JsValue,
        b: JsValue,
        terms: Option<u32>,
    ) -> Result<JsValue, JsValue> {
        let a = indices_of(&a).map_err(js_error)?;
        let b = indices_of(&b).map_err(js_error)?;
        let terms = terms.map_or(CorpusOptions::default().terms, |t| t as usize);
        let comparison = if summaries.is_null() || summaries.is_undefined() {
            self.inner.kept_compare(&a, &b, terms)
        } else {
            let docs = summaries_of(&summaries).map_err(js_error)?;
            compare_groups(&docs, &a, &b, terms)
        };
        to_js(&comparison.map_err(js_error)?).map_err(js_error)
    }

    /// Forget the words added or removed so far: the dictionary is jieba's own again.
    #[wasm_bindgen(js_name = resetWords)]
    pub fn reset_words(&mut self) {
        self.inner.reset_words();
    }

    /// The built-in Chinese and English stopwords, sorted.
    #[wasm_bindgen(js_name = builtinStopwords)]
    pub fn builtin_stopwords(&self) -> Vec<String> {
        self.inner.builtin_stopwords()
    }

    /// Take words out of the dictionary so segmentation splits them; returns how many entries
    /// were removed. Throws an `Error` of kind `"invalid_word"` like `addWords`.
    #[wasm_bindgen(js_name = removeWords)]
    pub fn remove_words(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] words: JsValue,
    ) -> Result<u32, JsValue> {
        let words = words_of(&words).map_err(js_error)?;
        self.inner
            .remove_words(&words)
            .map(|n| n as u32)
            .map_err(js_error)
    }

    /// Hand over OpenCC's simplified→traditional phrase table (`STPhrases.txt`, the text
    /// that the package's `traditionalPhrases()` resolves to), which the wasm does not embed
    /// so that pages that never show traditional script do not download it. Needed once per
    /// analyzer before `convert(text, "traditional")`; later calls change nothing.
    #[wasm_bindgen(js_name = loadTraditionalPhrases)]
    pub fn load_traditional_phrases(&self, phrases: &str) {
        self.inner.load_traditional_phrases(phrases);
    }

    /// Whether `convert(text, "traditional")` can run: the phrase table is loaded.
    #[wasm_bindgen(js_name = hasTraditionalPhrases)]
    pub fn has_traditional_phrases(&self) -> bool {
        self.inner.has_traditional_phrases()
    }

    /// `text` converted to `"simplified"` or `"traditional"` characters (OpenCC, phrase level),
    /// for showing words in the script the reader prefers. Throws `"invalid_options"` for any
    /// other target, and `"invalid_request"` for `"traditional"` before
    /// `loadTraditionalPhrases` (the package's `traditionalPhrases()` gives the table).
    pub fn convert(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "\"simplified\" | \"traditional\"")] to: &str,
    ) -> Result<String, JsValue> {
        match to {
            "simplified" => Ok(self.inner.to_simplified(text)),
            "traditional" => self.inner.to_traditional(text).map_err(js_error),
            _ => Err(js_error(Error::InvalidOptions(format!(
                "convert to \"simplified\" or \"traditional\", not {to:?}"
            )))),
        }
    }

    /// Add words to the dictionary; returns how many entries were new. Throws an `Error` of
    /// kind `"invalid_word"` for an empty word or one with whitespace.
    #[wasm_bindgen(js_name = addWords)]
    pub fn add_words(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] words: JsValue,
    ) -> Result<u32, JsValue> {
        let words = words_of(&words).map_err(js_error)?;
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

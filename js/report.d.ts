// GENERATED from src/options.rs, src/report.rs and src/concordance.rs by `UPDATE_TYPES=1 cargo test --lib typescript` (src/typescript.rs); do not edit.

export type Options = {
  /**
   * Let jieba's HMM find words its dictionary lacks (names, new terms). Default true.
   */
  hmm: boolean,
  /**
   * Segment traditional text through a simplified copy. Default true; off only to measure
   * what the conversion is worth.
   */
  convert: boolean,
  /**
   * Join noun pairs that the text uses as one term (长江 + 经济带 → 长江经济带). Default true.
   */
  compounds: boolean,
  /**
   * How many keywords the report lists. Default 100; 0 lists none.
   */
  topN: number,
  /**
   * Shortest keyword in characters. Default 2; 1 lets single characters count.
   */
  minLength: number,
  /**
   * Only words with these part-of-speech tags count as keywords (jieba's tags: `n`, `v`,
   * `ns`, `vn`, `eng`, …). Empty, the default, allows all.
   */
  pos: Array<string>,
  /**
   * Words never counted as keywords, besides the built-in lists. Matched like the built-in
   * lists: through simplified conversion and case folding.
   */
  stopwords: Array<string>,
  /**
   * Use the built-in Chinese and English stopword lists. Default true.
   */
  defaultStopwords: boolean,
  /**
   * Words of the built-in lists to count after all (the page's editable built-in list),
   * matched like `stopwords`.
   */
  keepWords: Array<string>,
  /**
   * Words to add to the analyzer's dictionary before segmenting, as with
   * [`crate::Analyzer::add_words`] (they stay added).
   */
  words: Array<string>,
  /**
   * How many top words each section lists. Default 5.
   */
  sectionKeywords: number,
  /**
   * Include every token in the report. Default false: a novel has a million of them.
   */
  includeTokens: boolean,
};

export type Report = {
  /**
   * The crate version that produced the report.
   */
  version: string,
  /**
   * Content words by count descending, ties by `word` (code point order), at most
   * `options.top_n` of them.
   */
  keywords: Array<Keyword>,
  /**
   * Sections in document order. Their `start..end` ranges tile the text: the first starts
   * at 0, each ends where the next starts, the last ends at the text's UTF-16 length.
   */
  sections: Array<Section>,
  /**
   * Counts over the whole text.
   */
  stats: Stats,
  /**
   * What cleaning removed or changed before analysis.
   */
  cleaning: Cleaning,
  /**
   * Which Chinese script the text is written in.
   */
  script: Script,
  /**
   * Size in words of the reference corpus that `keywords[].reference` counts in: the
   * frequencies of jieba's dictionary.
   */
  referenceTotal: number,
  /**
   * Every token in text order, only when `options.include_tokens` is set.
   */
  tokens?: Array<Token>,
};

export type Keyword = {
  /**
   * The word as first written in the user's text (traditional stays traditional,
   * annotations and markup removed, full-width letters folded).
   */
  word: string,
  /**
   * Simplified, lower-cased form used to count: 發展 and 发展 count as one word.
   */
  key: string,
  /**
   * Occurrences in the text.
   */
  count: number,
  /**
   * `count` divided by the number of content-word occurrences in the text (0..=1).
   */
  share: number,
  /**
   * TF-IDF weight as Python jieba's `extract_tags` computes it: count over all candidate
   * occurrences times jieba's IDF (its median IDF for words it does not list).
   */
  weight: number,
  /**
   * TextRank score over the content-word co-occurrence graph (window 5), scaled so that
   * the best-ranked word of the text scores 1.
   */
  textrank: number,
  /**
   * Part-of-speech tag of the first occurrence (jieba's tag set, e.g. `n`, `v`, `ns`).
   */
  pos: string,
  /**
   * UTF-16 offset of the first occurrence in the user's text.
   */
  first: number,
  /**
   * Every occurrence as a UTF-16 `[start, end)` range in the user's text, in text order
   * (`first` is the first one's start). An annotated occurrence such as `經(jīng)濟`
   * spans its annotations, so highlighting it marks what the user wrote.
   */
  occurrences: Array<[number, number]>,
  /**
   * Occurrences in the reference corpus (jieba's dictionary, [`Report::reference_total`]
   * words in all; 0 when it does not list the word), for keyness measures such as
   * log-likelihood.
   */
  reference: number,
  /**
   * Occurrences per section as `[sectionIndex, count]` pairs, by section index; sections
   * where the word does not occur are left out.
   */
  sections: Array<[number, number]>,
};

export type Section = {
  /**
   * The heading line as written (trimmed, markup such as `#` kept out), or for a section
   * that is not under a heading, its opening clause.
   */
  title: string,
  /**
   * 0 for text before the first heading, 1 for top-level headings, deeper levels after.
   */
  level: number,
  /**
   * Index of the enclosing section in `sections`, if any.
   */
  parent: number | null,
  /**
   * Whether the section begins with a heading line (false for paragraphs and preamble).
   */
  heading: boolean,
  /**
   * UTF-16 offset where the section begins (its heading line included).
   */
  start: number,
  /**
   * UTF-16 offset where the next section begins, or the text's length.
   */
  end: number,
  /**
   * Paragraphs, sentences and characters (Unicode scalar values of the cleaned text,
   * whitespace excluded) in this section alone, not counting its subsections.
   */
  paragraphs: number,
  sentences: number,
  characters: number,
  /**
   * The section's most frequent content words, count descending then word; at most 5.
   */
  keywords: Array<WordCount>,
};

export type WordCount = {
  word: string,
  count: number,
};

export type Stats = {
  /**
   * Unicode scalar values in the user's text, everything included.
   */
  characters: number,
  /**
   * UTF-16 code units in the user's text (its JS `length`).
   */
  utf16Length: number,
  /**
   * Han characters in the cleaned text (annotations and markup excluded).
   */
  hanCharacters: number,
  /**
   * Tokens of every kind, whitespace excluded.
   */
  tokens: number,
  /**
   * Content-word occurrences: the tokens keyword counting considers (before `top_n`).
   */
  words: number,
  /**
   * Distinct content words.
   */
  distinctWords: number,
  sentences: number,
  paragraphs: number,
  /**
   * Non-whitespace characters of the cleaned text per sentence.
   */
  averageSentenceLength: number,
  /**
   * Minutes to read the text: Han characters at 255 per minute plus Latin words at 228 per
   * minute, the silent reading rates the IReST study measured for Chinese and English
   * (Trauzettel-Klosinski & Dietz, 2012).
   */
  readingMinutes: number,
};

export type Cleaning = {
  /**
   * Inline pinyin annotations such as `(jīng)` after Han characters.
   */
  annotations: number,
  /**
   * HTML tags such as `</p>` or `<span class="x">`, the opening and closing tags of the
   * elements counted in `hidden` included.
   */
  tags: number,
  /**
   * Comments, and `<script>`, `<style>`, `<svg>`, `<noscript>` and `<template>` elements,
   * whose content was left out: a reader of the page never sees it.
   */
  hidden: number,
  /**
   * HTML entities such as `&nbsp;` or `&#12289;`, decoded.
   */
  entities: number,
  /**
   * Full-width Latin letters, digits and signs folded to half-width.
   */
  widthFolded: number,
  /**
   * Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) ignored.
   */
  zeroWidth: number,
  /**
   * Mojibake runs (mis-decoded bytes, U+FFFD) kept out of the analysis.
   */
  mojibake: number,
};

export type Script = {
  /**
   * `"simplified"`, `"traditional"`, `"mixed"`, or `"none"` when no character tells.
   */
  kind: ScriptKind,
  /**
   * Han characters that only traditional text uses (they change under t2s conversion).
   */
  traditionalChars: number,
  /**
   * Han characters that only simplified text uses (they change under s2t conversion).
   */
  simplifiedChars: number,
  /**
   * Whether segmentation ran on a simplified copy.
   */
  converted: boolean,
};

export type ScriptKind = "simplified" | "traditional" | "mixed" | "none";

export type Token = {
  /**
   * The token as written in the cleaned text.
   */
  word: string,
  /**
   * UTF-16 range in the user's text.
   */
  start: number,
  end: number,
  kind: TokenKind,
  /**
   * jieba's part-of-speech tag (`x` for punctuation and symbols, `m` for numbers).
   */
  pos: string,
};

export type TokenKind = "han" | "latin" | "number" | "punctuation" | "whitespace" | "other";

export type Progress = {
  /**
   * The stage now running.
   */
  stage: Stage,
  /**
   * The whole analysis done so far, 0 to 1, rising; 1 once the report is ready.
   */
  fraction: number,
};

export type Stage = "cleaning" | "script" | "segmenting" | "sections" | "keywords" | "done";

export type ConcordanceOptions = {
  /**
   * Characters (Unicode code points: 𦡦 is one) of context on each side. Default 20, at
   * most 1000.
   */
  context: number,
  /**
   * Read the context and the occurrence as written in the user's text, annotations and
   * markup included, instead of from the cleaned text. Default false.
   */
  written: boolean,
};

export type ConcordanceLine = {
  /**
   * UTF-16 offset in the user's text where the occurrence starts, as given (clamped to
   * the text).
   */
  start: number,
  /**
   * UTF-16 offset where it ends, as given (clamped to the text, and not before `start`).
   */
  end: number,
  /**
   * Up to `context` characters before the occurrence (fewer at the text's start). Line
   * breaks and other whitespace are kept as they are.
   */
  left: string,
  /**
   * The occurrence itself.
   */
  keyword: string,
  /**
   * Up to `context` characters after the occurrence (fewer at the text's end).
   */
  right: string,
};

/** Options for `analyze`: every field may be left out, for its default. */
export type AnalyzeOptions = Partial<Options>;

// GENERATED from src/options.rs, src/report.rs, src/query/ and src/collection/ by `UPDATE_TYPES=1 cargo test --lib typescript` (src/typescript.rs); do not edit.

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
   * Count the terms found in the text (recurring token sequences that hold together, such
   * as 高质量发展 or 粤港澳大湾区: see [`crate::query::terms`]) as words, so they reach the
   * keyword list whole instead of as their parts. Default false, so reports stay as jieba
   * cuts; the page turns it on. `tokenize` joins them too when it is on, and so do the
   * queries (concordance by word, collocates, dispersion, …): they count words as the
   * keyword list does, and the terms query still lists the joined terms.
   */
  terms: boolean,
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

export type ConcordanceQuery = {
  /**
   * The word, string or pattern to find; not empty.
   */
  query: string,
  /**
   * What `query` is. Default `string`.
   */
  by: By,
  /**
   * Context on each side, in chars (Unicode scalar values, runs of whitespace counted as
   * one; a run of more than 1,000 ends the context). Default 20, at most 500.
   */
  context: number,
  /**
   * Line order. Default `position`.
   */
  sort: Sort,
  /**
   * Show the context as the user wrote it (markup, annotations and all) rather than
   * cleaned. Default false.
   */
  asWritten: boolean,
  /**
   * At most this many lines (after sorting); `null`, the default, lists every line.
   * `total` counts them all either way.
   */
  limit?: number | null,
  /**
   * Instead of matching `query` (then not read), the lines of these UTF-16 `[start, end)`
   * ranges of the user's text, such as a keyword's `occurrences`: each covers the cleaned
   * chars whose spans start inside it, so an occurrence reads as the analysis read it. A
   * range past the text's end is clamped to it. `null`, the default, matches `query`.
   */
  ranges?: Array<[number, number]> | null,
};

export type By = "string" | "word" | "regex";

export type Sort = "position" | "left1" | "left2" | "right1" | "right2" | "match";

export type Concordance = {
  /**
   * Occurrences in the text (every one, whatever `limit`).
   */
  total: number,
  /**
   * The lines, in the order asked for, at most `limit` of them.
   */
  lines: Array<ConcordanceLine>,
};

export type ConcordanceLine = {
  /**
   * UTF-16 range of the match in the user's text: `text.slice(start, end)` is what matched
   * (with anything cleaning removed inside it, such as an annotation).
   */
  start: number,
  end: number,
  /**
   * Up to `context` chars before the match.
   */
  left: string,
  /**
   * The matched text.
   */
  match: string,
  /**
   * Up to `context` chars after the match.
   */
  right: string,
};

export type CollocatesQuery = {
  /**
   * The node word, matched as the analysis counts words (发展 finds 發展).
   */
  word: string,
  /**
   * Words before the node in its window. Default 5, at most 50.
   */
  left: number,
  /**
   * Words after it. Default 5, at most 50.
   */
  right: number,
  /**
   * Let windows run across sentence ends. Default false: each window stays in its
   * sentence.
   */
  acrossSentences: boolean,
  /**
   * Only collocates seen at least this often in the windows. Default 2.
   */
  minCount: number,
  /**
   * Sort by this measure, descending (ties by count, then word). Default `logDice`.
   */
  sort: Measure,
  /**
   * At most this many collocates; `null`, the default, lists all.
   */
  limit?: number | null,
};

export type Measure = "logDice" | "mi" | "tScore" | "logLikelihood" | "count";

export type Collocates = {
  /**
   * The node as first written in the text (the query as given when the text lacks it).
   */
  word: string,
  /**
   * Occurrences of the node (*f*<sub>n</sub>).
   */
  frequency: number,
  /**
   * Word tokens in the text (*N*).
   */
  words: number,
  /**
   * Positions in the node's windows (*W*).
   */
  window: number,
  collocates: Array<Collocate>,
};

export type Collocate = {
  /**
   * As first written in the text.
   */
  word: string,
  /**
   * Occurrences in the node's windows (*O*).
   */
  count: number,
  /**
   * Occurrences in the whole text (*f*<sub>c</sub>).
   */
  frequency: number,
  mi: number,
  tScore: number,
  logLikelihood: number,
  logDice: number,
};

export type NgramsQuery = {
  /**
   * Shortest n-gram, at least 2. Default 2.
   */
  minN: number,
  /**
   * Longest n-gram, at most 6 and not below `minN`. Default 6.
   */
  maxN: number,
  /**
   * Only n-grams that occur at least this often, at least 2. Default 2.
   */
  minCount: number,
  /**
   * Drop an n-gram contained in a longer listed one with the same count (every occurrence
   * of it is inside the longer one). Default false.
   */
  longestOnly: boolean,
  /**
   * Count characters instead of words. Default false.
   */
  characters: boolean,
  /**
   * At most this many n-grams; `null`, the default, lists all.
   */
  limit?: number | null,
};

export type Ngrams = {
  /**
   * By count descending, then longer first, then by words (code point order of their keys).
   */
  ngrams: Array<Ngram>,
};

export type Ngram = {
  /**
   * Its words (or chars), each as first written.
   */
  words: Array<string>,
  /**
   * Occurrences (overlapping ones included: `a a a` holds `a a` twice).
   */
  count: number,
};

export type CorpusConcordance = {
  /**
   * Occurrences in all the documents (every one, whatever `limit`).
   */
  total: number,
  /**
   * Occurrences in each document, in corpus order.
   */
  perDocument: Array<number>,
  /**
   * The lines, in the order asked for (ties, and the `position` order, by document then
   * position), at most `limit` of them over the whole corpus.
   */
  lines: Array<DocumentLine>,
};

export type DocumentLine = {
  /**
   * The document's index in the corpus.
   */
  document: number,
  /**
   * UTF-16 range of the match in the user's text: `text.slice(start, end)` is what matched
   * (with anything cleaning removed inside it, such as an annotation).
   */
  start: number,
  end: number,
  /**
   * Up to `context` chars before the match.
   */
  left: string,
  /**
   * The matched text.
   */
  match: string,
  /**
   * Up to `context` chars after the match.
   */
  right: string,
};

export type CorpusNgrams = {
  /**
   * In the order of [`Ngrams::ngrams`].
   */
  ngrams: Array<CorpusNgram>,
};

export type CorpusNgram = {
  /**
   * Its words (or chars), each as first written in the first document that has it.
   */
  words: Array<string>,
  /**
   * Occurrences in all the documents.
   */
  count: number,
  /**
   * How many documents it occurs in (its range).
   */
  documents: number,
};

export type TermsQuery = {
  /**
   * Least occurrences, at least 2. Default 3.
   */
  minCount: number,
  /**
   * Most tokens in a term, 2 to 6. Default 4.
   */
  maxWords: number,
  /**
   * At most this many terms; `null`, the default, lists all.
   */
  limit?: number | null,
};

export type Terms = {
  /**
   * By count descending, then by term (code point order).
   */
  terms: Array<Term>,
};

export type Term = {
  /**
   * As first written in the text.
   */
  term: string,
  /**
   * The tokens it joins, each as first written.
   */
  words: Array<string>,
  count: number,
  cohesion: number,
  pmi: number,
  leftEntropy: number,
  rightEntropy: number,
  /**
   * The dictionary has it whole (产业链, 人工智能): the analysis already counts it as one
   * word, so joining it changes nothing; `words` are its dictionary parts.
   */
  known: boolean,
};

export type DispersionQuery = {
  /**
   * The words, matched as the analysis counts them (1 to 1000).
   */
  words: Array<string>,
  /**
   * Cut the text into this many equal segments; `null`, the default, uses the sections
   * (10 segments for a text without headings).
   */
  segments?: number | null,
  /**
   * List each occurrence's offsets (for a dispersion plot). Default true.
   */
  positions: boolean,
};

export type Dispersion = {
  /**
   * The parts, in text order.
   */
  parts: Array<Part>,
  /**
   * One per word asked about, in the order asked.
   */
  words: Array<WordDispersion>,
};

export type WordDispersion = {
  /**
   * As first written in the text (as asked, when the text lacks it).
   */
  word: string,
  count: number,
  /**
   * Occurrences in each part.
   */
  counts: Array<number>,
  juillandD: number | null,
  dp: number | null,
  dpNorm: number | null,
  /**
   * Each occurrence as a UTF-16 `[start, end)` range in the user's text, in text order
   * (empty unless `positions`).
   */
  positions: Array<[number, number]>,
};

export type Part = {
  /**
   * The section's title, or `"3/10"` for the third of ten segments.
   */
  title: string,
  /**
   * UTF-16 range in the user's text; the parts tile the text.
   */
  start: number,
  end: number,
  /**
   * Word tokens (Han, Latin, numbers) in the part.
   */
  words: number,
};

export type TrendsQuery = {
  /**
   * The words, matched as the analysis counts them (1 to 1000).
   */
  words: Array<string>,
  /**
   * Cut the text into this many equal segments; `null`, the default, uses the sections
   * (10 segments for a text without headings).
   */
  segments?: number | null,
};

export type Trends = {
  /**
   * The parts, in text order.
   */
  parts: Array<Part>,
  /**
   * One per word asked about, in the order asked.
   */
  series: Array<Series>,
};

export type Series = {
  /**
   * As first written in the text (as asked, when the text lacks it).
   */
  word: string,
  /**
   * Occurrences in each part.
   */
  counts: Array<number>,
  /**
   * Occurrences per word of each part (`counts[i] / parts[i].words`; 0 for a part
   * without words): multiply by 10,000 for the usual per-10,000-words figure.
   */
  relative: Array<number>,
};

export type LevelsQuery = {
  /**
   * Words the reader knows, in either script (a learner's own list). The profile then
   * gives their coverage of the text and ranks the words the reader does not know.
   */
  known: Array<string>,
  /**
   * The reader's HSK level (1–7): every listed word up to it counts as known too.
   * `null`, the default: none.
   */
  level?: number | null,
  /**
   * How many unknown words to list, most frequent first (default 200, at most 10,000).
   */
  limit?: number | null,
};

export type LevelsProfile = {
  /**
   * Levels 1 to 7, then the words beyond the lists (`level: null`).
   */
  levels: Array<LevelCount>,
  /**
   * The graded words: the sum of `levels`.
   */
  graded: Tally,
  apart: Apart,
  coverage: Coverage,
  /**
   * The graded words the reader does not know (not in `known`, above `level`; without
   * either, the words beyond the lists), most frequent first, then by key; at most the
   * request's `limit`.
   */
  unknown: Array<UnknownWord>,
  /**
   * How many distinct words are unknown in all.
   */
  unknownTypes: number,
  characters: Characters,
};

export type LevelCount = {
  /**
   * 1–6, or 7 for the 7–9 band; `null` for the words beyond the lists.
   */
  level: number | null,
  tokens: number,
  types: number,
  /**
   * `tokens` over the graded running words (0 when there are none).
   */
  tokenShare: number,
  /**
   * `types` over the graded distinct words.
   */
  typeShare: number,
};

export type Tally = {
  tokens: number,
  types: number,
};

export type Apart = {
  names: Tally,
  numbers: Tally,
  latin: Tally,
};

export type Coverage = {
  /**
   * For levels 1 to 7: the share of the graded running words at that level or below
   * (what a reader who knows every listed word up to it knows).
   */
  byLevel: Array<number>,
  /**
   * The lowest level whose coverage reaches 95% (reading with help), `null` if none does.
   */
  level95: number | null,
  /**
   * The lowest level whose coverage reaches 98% (reading alone), `null` if none does.
   */
  level98: number | null,
  /**
   * With the request's known words or level: the share of the graded running words the
   * reader knows, and of the distinct ones. `null` without either.
   */
  known: KnownCoverage | null,
};

export type KnownCoverage = {
  tokens: number,
  types: number,
  tokenShare: number,
  typeShare: number,
};

export type UnknownWord = {
  /**
   * As first written in the text.
   */
  word: string,
  /**
   * As counted (simplified, lower-cased).
   */
  key: string,
  count: number,
  /**
   * Its HSK level, `null` beyond the lists.
   */
  level: number | null,
};

export type Characters = {
  /**
   * Levels 1 to 7, then the characters beyond the lists (`level: null`); shares of
   * `total`.
   */
  levels: Array<LevelCount>,
  total: Tally,
};

export type LevelMarks = {
  /**
   * Every graded running word in text order. In JS, one flat `Uint32Array` of triples
   * `start, end, code`, where `code & 15` is the level (1–7, 8 beyond the lists) and
   * `code & 16` is set when the reader knows the word: a novel has a million of them.
   */
  spans: Uint32Array,
  /**
   * Levels 1 to 7, then the words beyond the lists (`level: null`).
   */
  bands: Array<BandWords>,
};

export type BandWords = {
  /**
   * 1–6, or 7 for the 7–9 band; `null` for the words beyond the lists.
   */
  level: number | null,
  /**
   * The words' keys as the report counts them (`Keyword.key`), sorted.
   */
  keys: Array<string>,
};

export type CorpusOptions = {
  /**
   * How many corpus keywords `keywords` lists (by total count). Default 100.
   */
  topN: number,
  /**
   * How many terms each list of distinctive, TF-IDF and keyness terms holds. Default 20.
   */
  terms: number,
  /**
   * Two groups of document indices to compare (`comparison`): `[[0, 1], [2]]`.
   * Default none.
   */
  compare: [Array<number>, Array<number>] | null,
};

export type CorpusReport = {
  /**
   * The crate version that produced the report.
   */
  version: string,
  /**
   * Content-word occurrences in all documents, and distinct content words (by key).
   */
  words: number,
  distinctWords: number,
  /**
   * The documents in corpus order (the order given).
   */
  documents: Array<DocumentRow>,
  /**
   * The corpus's most frequent content words with their count in each document: by
   * `total` descending, then word, then key (code point order), at most `topN`.
   */
  keywords: Array<CorpusKeyword>,
  /**
   * Document similarity and the order to draw it in.
   */
  similarity: Similarity,
  /**
   * Keyness of the two groups of `compare`, when asked for.
   */
  comparison?: Comparison,
  /**
   * Keyness of the whole corpus against a reference, when one was given.
   */
  reference?: ReferenceComparison,
};

export type DocumentRow = {
  /**
   * As given (on the command line, the file's path).
   */
  name: string,
  /**
   * Its report's counts: size (`characters`, `utf16Length`), `words`, `distinctWords`,
   * `sentences`, `averageSentenceLength`, …
   */
  stats: Stats,
  script: ScriptKind,
  /**
   * Sections found, and how many begin with a heading line.
   */
  sections: number,
  headings: number,
  /**
   * Words this document uses relatively more than the rest of the corpus (A = the
   * document, B = every other document), most distinctive first: G² descending, then
   * count, then key; at most `terms`. Empty for a corpus of one document.
   */
  distinctive: Array<KeyTerm>,
  /**
   * The document's words by TF-IDF over the corpus's documents, highest first (then
   * count, then key); words in every document weigh 0 and are left out.
   */
  tfidf: Array<TfidfTerm>,
};

export type KeyTerm = {
  /**
   * As first written (in corpus order).
   */
  word: string,
  /**
   * Simplified, lower-cased form it is counted by.
   */
  key: string,
  /**
   * Occurrences in A, and in B.
   */
  count: number,
  other: number,
  /**
   * Dunning's log-likelihood G² of A against B (Rayson & Garside 2000).
   */
  g2: number,
  /**
   * Hardie's log ratio: log2 of A's relative frequency over B's, a zero count taken as
   * 0.5. +1 is twice as frequent in A; negative for a word B uses more.
   */
  logRatio: number,
  /**
   * The strictest p of 0.05, 0.01, 0.001, 0.0001 that `g2` passes (G² above 3.84, 6.63,
   * 10.83, 15.13: χ² with one degree of freedom); null when p ≥ 0.05.
   */
  significance: number | null,
};

export type TfidfTerm = {
  word: string,
  key: string,
  /**
   * Occurrences in the document, and documents that have the word.
   */
  count: number,
  documents: number,
  tfidf: number,
};

export type CorpusKeyword = {
  /**
   * As first written, in the first document that has it.
   */
  word: string,
  key: string,
  /**
   * POS of that first occurrence.
   */
  pos: string,
  /**
   * Occurrences in the corpus, and documents that have it.
   */
  total: number,
  documents: number,
  /**
   * `counts[i]`: occurrences in document i (corpus order).
   */
  counts: Array<number>,
  /**
   * `relative[i]`: `counts[i]` over document i's content words (0..=1; 0 for a document
   * without content words).
   */
  relative: Array<number>,
};

export type Similarity = {
  /**
   * `matrix[i][j]`: the cosine of documents i and j's content-word count vectors, 0..=1
   * (symmetric; 1 on the diagonal, 0 for a document without content words).
   */
  matrix: Array<Array<number>>,
  /**
   * Every document index once, in the leaf order of an average-linkage clustering on
   * 1 − cosine, ties joined lowest indices first: the order to draw the matrix in.
   */
  order: Array<number>,
};

export type Comparison = {
  /**
   * The groups, as document indices.
   */
  a: Array<number>,
  b: Array<number>,
  /**
   * A's words against B's: `positive` are A's, `negative` B's.
   */
  keyness: Keyness,
};

export type Keyness = {
  /**
   * Content-word occurrences of A and of B: the sizes G² and log ratio compare against.
   */
  words: number,
  otherWords: number,
  /**
   * Words A over-uses (positive keywords), most distinctive first: G² descending, then
   * count, then key.
   */
  positive: Array<KeyTerm>,
  /**
   * Words B over-uses (negative keywords of A), most distinctive first; `count` is still
   * A's, so their `logRatio` is negative.
   */
  negative: Array<KeyTerm>,
};

export type ReferenceComparison = {
  /**
   * The reference's name (on the command line, its path).
   */
  name: string,
  keyness: Keyness,
};

export type DocumentSummary = {
  /**
   * The Wenxi version that analysed the document; summaries of other versions are refused
   * (their words may be cut differently).
   */
  version: string,
  /**
   * The document's name: on the command line, its path.
   */
  name: string,
  /**
   * Its report's counts (`words` is the sum of `terms[].count`).
   */
  stats: Stats,
  /**
   * The script its Han characters are written in.
   */
  script: ScriptKind,
  /**
   * Sections its report found, and how many of them begin with a heading line.
   */
  sections: number,
  headings: number,
  /**
   * Every content word of the document (as the report's keyword tally counts them, not
   * only the `topN` it lists), one per key, in key order (code point order).
   */
  terms: Array<TermCount>,
};

export type TermCount = {
  /**
   * Simplified, lower-cased form the word is counted by.
   */
  key: string,
  /**
   * As first written in the document.
   */
  word: string,
  /**
   * jieba's part-of-speech tag of the first occurrence.
   */
  pos: string,
  count: number,
};

/** Options for `analyze`: every field may be left out, for its default. */
export type AnalyzeOptions = Partial<Options>;

/** The queries' requests as JS passes them: every field may be left out for its default, except what is asked about (a concordance's `query`, or its `ranges`). */
export type ConcordanceRequest = Partial<ConcordanceQuery> &
  (Pick<ConcordanceQuery, "query"> | { ranges: Array<[number, number]> });
export type CollocatesRequest = Partial<CollocatesQuery> & Pick<CollocatesQuery, "word">;
export type NgramsRequest = Partial<NgramsQuery>;
export type TermsRequest = Partial<TermsQuery>;
export type DispersionRequest = Partial<DispersionQuery> & Pick<DispersionQuery, "words">;
export type TrendsRequest = Partial<TrendsQuery> & Pick<TrendsQuery, "words">;
export type LevelsRequest = Partial<LevelsQuery>;

/** What a corpus report is asked for (`corpusReport`, `analyzeCorpus`; the flags of `wenxi corpus`): every field may be left out. `analysis`: the options the documents are analysed with (`--options`), a reference text too. */
export type CorpusReportOptions = Partial<CorpusOptions> & {
  reference?: CorpusReference | null,
  analysis?: AnalyzeOptions | null,
};

/** A reference to measure the corpus against: a text (`--reference`), a word-frequency list, `word<TAB>count` a line (`--reference-list`), or jieba's dictionary frequencies (`--reference-dictionary`); `name` defaults to "reference" ("jieba dictionary"). */
export type CorpusReference = { name?: string, text: string } | { name?: string, list: string } | { name?: string, dictionary: true };

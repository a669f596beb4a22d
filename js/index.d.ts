// Types of Wenxi's main entry (index.js). The options' and the report's types come from the
// generated wenxi.d.ts, which carries report.d.ts (generated from the Rust types).

import type {
  AnalyzeOptions,
  Collocates,
  CollocatesRequest,
  Comparison,
  Concordance,
  ConcordanceRequest,
  CorpusConcordance,
  CorpusNgrams,
  CorpusReport,
  CorpusReportOptions,
  Dispersion,
  DispersionRequest,
  DocumentSummary,
  LevelMarks,
  LevelsProfile,
  LevelsRequest,
  Ngrams,
  NgramsRequest,
  Progress,
  Report,
  Terms,
  TermsRequest,
  Trends,
  TrendsRequest,
} from './wenxi.js';

export type {
  AnalyzeOptions,
  By,
  Cleaning,
  Collocate,
  Collocates,
  CollocatesQuery,
  CollocatesRequest,
  Comparison,
  Concordance,
  ConcordanceLine,
  ConcordanceQuery,
  ConcordanceRequest,
  CorpusConcordance,
  CorpusNgram,
  CorpusNgrams,
  DocumentLine,
  CorpusKeyword,
  CorpusOptions,
  CorpusReference,
  CorpusReport,
  CorpusReportOptions,
  Dispersion,
  DispersionQuery,
  DispersionRequest,
  DocumentRow,
  DocumentSummary,
  KeyTerm,
  Keyness,
  Apart,
  Characters,
  Coverage,
  KnownCoverage,
  BandWords,
  LevelCount,
  LevelMarks,
  LevelsProfile,
  LevelsQuery,
  LevelsRequest,
  Tally,
  UnknownWord,
  Measure,
  Ngram,
  Ngrams,
  NgramsQuery,
  NgramsRequest,
  Part,
  Series,
  Sort,
  Term,
  Terms,
  TermsQuery,
  TermsRequest,
  Trends,
  TrendsQuery,
  TrendsRequest,
  WordDispersion,
  InitInput,
  InitOutput,
  Keyword,
  Progress,
  ReferenceComparison,
  Report,
  Script,
  Section,
  Similarity,
  Stats,
  SyncInitInput,
  TermCount,
  TfidfTerm,
  Token,
  TokenKind,
  WenxiError,
  WordCount,
} from './wenxi.js';
export { Analyzer, initSync, maxInputLength, version } from './wenxi.js';
export { default as init } from './wenxi.js';

/** Options of `createAnalyzer`. */
export interface CreateAnalyzerOptions {
  /** Where worker.js is; default beside index.js. A worker must be same-origin with the page. */
  workerUrl?: string | URL;
  /** Where wenxi_bg.wasm is; default beside index.js. Served as `application/wasm`. */
  wasmUrl?: string | URL;
  /** A worker already started with `webWorker()`, used for the first start only. */
  worker?: WorkerHandle;
  /**
   * How many workers analyse one long text at once (default 1): this analyzer's and
   * `workers − 1` helpers, started once it is ready, each with its own dictionary (about
   * 60 MB). A text of at least `PARALLEL_MIN_PART_LENGTH` code units a part is cut at line
   * breaks and its parts segmented at once; the report is the one a single worker gives.
   */
  workers?: number;
}

/** A long text is analysed in parts only when each has at least this many UTF-16 code units. */
export const PARALLEL_MIN_PART_LENGTH: number;

/** A worker in the shape `WorkerAnalyzer` drives (`webWorker()` makes one). */
export interface WorkerHandle {
  /** `transfer`: buffers to move with the message rather than copy (as `postMessage`'s). */
  post(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onMessage(handler: (data: any) => void): void;
  onError(handler: (message: string) => void): void;
}

/** Progress of a worker analysis: the stage, the fraction done, milliseconds since it began. */
export interface WorkerProgress extends Progress {
  ms: number;
}

/** Milliseconds an analysis took in the worker, in all and per stage. */
export interface Timings {
  ms: number;
  stages: Partial<Record<Progress['stage'], number>>;
  /** An analysis in parts (`ms` is then the whole call's): how many parts, how many of the other workers' were used, and the ms from the call until every part was segmented. */
  parts?: number;
  partsUsed?: number;
  partsMs?: number;
}

/** The third argument of `WorkerAnalyzer.analyze`. */
export interface AnalyzeCallOptions {
  /** Aborting ends the worker's analysis; the call rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Called with `{stage, fraction, ms}` as the analysis advances (at most every 50 ms), last with 1. */
  onProgress?: (progress: WorkerProgress) => void;
}

/** A document of a corpus: its name (as the report lists it) and its text. */
export interface CorpusDocument {
  name: string;
  text: string;
}

/** `analyzeCorpus`'s progress: document `document` (its index) of `of`, named `name`, is summarised; `done` documents are. */
export interface CorpusProgress {
  document: number;
  of: number;
  name: string;
  done: number;
}

/** The third argument of `WorkerAnalyzer.analyzeCorpus`. */
export interface AnalyzeCorpusCallOptions {
  /** Aborting rejects the call with `signal.reason`, between documents or during one. */
  signal?: AbortSignal;
  /** Called after each document is summarised. */
  onProgress?: (progress: CorpusProgress) => void;
  /** Workers to summarise in at once (default 1): this analyzer's and `workers − 1` more for the call. The report is the same for any number. */
  workers?: number;
  /**
   * Keep every document's tokens and text in this analyzer's worker for `corpusConcordance`,
   * `corpusCollocates` and `corpusNgrams` (default false: only the summaries are kept, for
   * `corpusReport(null, …)` and `compareGroups`). Documents other workers analyse are handed
   * over as bytes.
   */
  keep?: boolean;
}

/** Why a `WorkerAnalyzer` call failed: the analyzer's kinds, or the worker's. */
export interface WorkerAnalyzerError extends Error {
  kind: ErrorKind;
}

/** Every kind of failure (an aborted call rejects with its signal's reason instead). */
export type ErrorKind =
  | 'invalid_options'
  | 'invalid_word'
  | 'invalid_request'
  | 'input_too_large'
  | 'not_analyzed'
  | 'invalid_query'
  | 'invalid_summary'
  | 'invalid_frequency_list'
  | 'internal'
  | 'init_failed'
  | 'worker_failed'
  | 'terminated';

/** The kinds, as a list (protocol.js). */
export const ERROR_KINDS: readonly ErrorKind[];

export interface WorkerAnalyzerEventMap {
  progress: CustomEvent<WorkerProgress>;
  timings: CustomEvent<Timings>;
  ready: CustomEvent<string>;
}

/** The analyzer `createAnalyzer` resolves to; every analysis runs in its worker. */
export declare class WorkerAnalyzer extends EventTarget {
  private constructor();
  /**
   * Analyse `text` off the main thread; resolves to the report. Rejects with a
   * `WorkerAnalyzerError` (kind kept from the analyzer), or with `signal.reason` (a
   * `DOMException` named 'AbortError' by default) when `signal` aborts; the next call then
   * runs in a fresh worker that has the words added through this object.
   */
  analyze(text: string, options?: AnalyzeOptions, call?: AnalyzeCallOptions): Promise<Report>;
  /** Start this worker and its helpers (`workers` of `createAnalyzer`); resolves to how many workers are ready to take a part of a long text. */
  workersReady(): Promise<number>;
  /**
   * Analyse a corpus: each document summarised in the worker, one at a time (or in `workers`
   * workers at once), then the corpus report from the summaries in document order, as
   * `wenxi corpus` prints it. Documents are analysed with `options.analysis`. Rejects with a
   * `WorkerAnalyzerError`, or with `signal.reason` when `signal` aborts. Afterwards the
   * queries have no last analysed text (kind 'not_analyzed') until the next `analyze`.
   */
  analyzeCorpus(documents: Iterable<CorpusDocument>, options?: CorpusReportOptions, call?: AnalyzeCorpusCallOptions): Promise<CorpusReport>;
  /** A corpus document's summary (see `Analyzer.summarize`): its stats and word counts, not its text. */
  summarize(name: string, text: string, options?: AnalyzeOptions, call?: { signal?: AbortSignal }): Promise<DocumentSummary>;
  /** The corpus report of `summaries`, in the order given (see `Analyzer.corpusReport`). */
  corpusReport(summaries: DocumentSummary[] | null, options?: CorpusReportOptions, call?: { signal?: AbortSignal }): Promise<CorpusReport>;
  /** Keyness of documents `a` against documents `b` of the last analysed corpus (indices in corpus order), at most `terms` words each way (default 20). */
  compareGroups(a: number[], b: number[], call?: { terms?: number, signal?: AbortSignal }): Promise<Comparison>;
  /** Every occurrence of a query in the last corpus analysed with `keep`, each line labelled with its document; offsets are into that document's text. */
  corpusConcordance(request: ConcordanceRequest, call?: { signal?: AbortSignal }): Promise<CorpusConcordance>;
  /** The collocates of a word over the last corpus analysed with `keep`. */
  corpusCollocates(request: CollocatesRequest, call?: { signal?: AbortSignal }): Promise<Collocates>;
  /** The repeated n-grams of the last corpus analysed with `keep`, each with the number of documents it occurs in. */
  corpusNgrams(request?: NgramsRequest, call?: { signal?: AbortSignal }): Promise<CorpusNgrams>;
  /** Add dictionary words; resolves to how many were new. */
  addWords(words: string[]): Promise<number>;
  /** Remove dictionary words; resolves to how many were removed. */
  removeWords(words: string[]): Promise<number>;
  /** Forget every word added or removed: the dictionary is jieba's own again. */
  resetWords(): Promise<null>;
  /** Segmentation alone: the words as UTF-16 [start, end) pairs, flattened (see `Analyzer.tokenize`). */
  tokenize(text: string, options?: AnalyzeOptions, call?: { signal?: AbortSignal }): Promise<Uint32Array>;
  /**
   * The segmented text: each line's words separated by single spaces, one output line per
   * input line, as `wenxi --tokens` prints it (see `Analyzer.segmentedText`).
   */
  segmentedText(text: string, options?: AnalyzeOptions, call?: { signal?: AbortSignal }): Promise<string>;
  /** OpenCC conversion of `text`. */
  /**
   * One analysis of a built-in 400 KB text whose result is dropped: the engine's one-time work
   * done before the first real analysis, which then runs faster. The last analysis and the
   * dictionary are untouched.
   */
  warmUp(call?: { signal?: AbortSignal }): Promise<null>;
  /** The first conversion to 'traditional' loads the phrase table into the worker. */
  convert(text: string, to: 'simplified' | 'traditional', call?: { signal?: AbortSignal }): Promise<string>;
  /**
   * Every occurrence of a string (default), word or regular expression in the last analysed
   * text, with context. Rejects with kind 'not_analyzed' before any analysis (and after an
   * analysis that failed or was aborted), 'invalid_query' for a refused request. A worker
   * replaced after an abort runs the last analysis again first, so queries still read it.
   */
  concordance(request: ConcordanceRequest, call?: { signal?: AbortSignal }): Promise<Concordance>;
  /** The collocates of a word in the last analysed text, with MI, t-score, G² and logDice. */
  collocates(request: CollocatesRequest, call?: { signal?: AbortSignal }): Promise<Collocates>;
  /** The word (or character) n-grams that repeat in the last analysed text. */
  ngrams(request?: NgramsRequest, call?: { signal?: AbortSignal }): Promise<Ngrams>;
  /** Multi-word terms found in the last analysed text. */
  terms(request?: TermsRequest, call?: { signal?: AbortSignal }): Promise<Terms>;
  /** Where words occur, with Juilland's D and Gries' DP over the sections or equal parts. */
  dispersion(request: DispersionRequest, call?: { signal?: AbortSignal }): Promise<Dispersion>;
  /** The relative frequency of words per section or equal segment. */
  trends(request: TrendsRequest, call?: { signal?: AbortSignal }): Promise<Trends>;
  /**
   * The vocabulary profile of the last analysed text by HSK 3.0 level: running and distinct
   * words per level, coverage, the words a reader with `request.known` words (or
   * `request.level`) does not know, characters by level. The first call loads the word
   * lists (`hskLevels()`) into the worker.
   */
  levels(request?: LevelsRequest, call?: { signal?: AbortSignal }): Promise<LevelsProfile>;
  /**
   * Where the last analysed text's graded words are (`spans`: triples `start, end, code` in
   * one `Uint32Array`, UTF-16 offsets; `code & 15` the level, 8 beyond the lists; `code & 16`
   * set when the reader the request describes knows the word) and the keys of the words in
   * each level band. Loads the word lists as `levels` does.
   */
  levelMarks(request?: LevelsRequest, call?: { signal?: AbortSignal }): Promise<LevelMarks>;
  /** The built-in stopword lists' words. */
  builtinStopwords(): Promise<string[]>;
  /** The crate version (null before the first worker was ready). */
  version(): string | null;
  /** The longest text `analyze` takes, in UTF-16 code units (null before a worker was ready). */
  maxInputLength(): number | null;
  /** End the worker; waiting calls reject with kind 'terminated'. A later call starts a new one. */
  terminate(): void;
  /** Resolves once a worker is running and ready (starting one if needed). */
  start(): Promise<string>;

  addEventListener<K extends keyof WorkerAnalyzerEventMap>(
    type: K,
    listener: (this: WorkerAnalyzer, event: WorkerAnalyzerEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof WorkerAnalyzerEventMap>(
    type: K,
    listener: (this: WorkerAnalyzer, event: WorkerAnalyzerEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/**
 * Start an analyzer in a module Web Worker (a worker thread in Node); resolves once it is
 * ready, rejects with kind 'init_failed' or 'worker_failed' if it cannot start.
 */
export function createAnalyzer(options?: CreateAnalyzerOptions): Promise<WorkerAnalyzer>;

/** The analyzer `createAnalyzer` resolves to, before its worker is ready (call `start()`). */
export function analyzerFor(options?: CreateAnalyzerOptions): WorkerAnalyzer;

/** Start a module Web Worker running worker.js; its messages wait until a handler attaches. */
export function webWorker(url?: string | URL | null): WorkerHandle;

/**
 * OpenCC's simplified→traditional phrase table (`STPhrases.txt`), imported on first use from
 * the module beside the package's entry. The synchronous `Analyzer` needs it handed over
 * (`analyzer.loadTraditionalPhrases(await traditionalPhrases())`) before
 * `convert(text, 'traditional')`; the worker API loads it itself.
 */
export function traditionalPhrases(): Promise<string>;

/**
 * The HSK 3.0 word lists (`word<TAB>level` a line, levels 1-6 and 7 for the 7-9 band),
 * imported on first use from the module beside the package's entry. The synchronous
 * `Analyzer` needs them handed over (`analyzer.loadLevels(await hskLevels())`) before
 * `levels()`; the worker API loads them itself.
 */
export function hskLevels(): Promise<string>;

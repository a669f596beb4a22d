// Wenxi's main entry: the worker API (`createAnalyzer`) for pages, and the synchronous
// `Analyzer` of the raw wasm-bindgen module for code that already runs in a worker.
//
//   import { createAnalyzer } from 'wenxi';
//   const wenxi = await createAnalyzer();           // starts a module worker, loads the wasm there
//   const report = await wenxi.analyze(text, { topN: 20 }, { signal, onProgress });
//
// Importing this file costs a few KB of JS: the wasm (about 10 MB, 3.4 MB brotli) is fetched
// only when a worker starts (or when `init()` is called), by a plain GET that HTTP caches keep.
// The page, `createAnalyzer` and the <wenxi-analyzer> element all use this one client; the
// messages it exchanges with the worker are in protocol.js.
// `new URL('./…', import.meta.url)` is the pattern bundlers (Vite, webpack 5, Parcel, esbuild
// with its plugin) recognise: they emit the worker and the wasm as files of their own.

import init, { Analyzer, initSync, maxInputLength, version } from './wenxi.js';
import { ERROR_KINDS, failure, unpackReport } from './protocol.js';
import { hskLevels, traditionalPhrases, webWorker } from './loading.js';

export { Analyzer, ERROR_KINDS, hskLevels, init, initSync, maxInputLength, traditionalPhrases, version, webWorker };

/**
 * A text is analysed in parts by several workers only when each part has at least this many
 * UTF-16 code units (about 300 KB of Chinese): below that, sending the text to each worker,
 * cleaning it there and joining the parts cost more than the workers save.
 */
export const PARALLEL_MIN_PART_LENGTH = 100_000;

/** Why `signal` aborted, as fetch() reports it: its reason, an 'AbortError' by default. */
function abortReason(signal) {
  return signal.reason ?? new DOMException('The analysis was aborted.', 'AbortError');
}

/**
 * The analyzer object `createAnalyzer` resolves to. `spawn()` gives a fresh worker as
 * `{post(message), terminate(), onMessage(handler), onError(handler)}` (see `webWorker`), so
 * that the same class drives a Web Worker here and a worker thread in node.js.
 *
 * Events: 'progress' (detail `{stage, fraction, ms}`), 'timings' (detail `{ms, stages}` after
 * each analysis: milliseconds in all and per stage, measured in the worker), 'ready' (detail:
 * the version, after every worker start).
 */
export class WorkerAnalyzer extends EventTarget {
  #spawn;
  #wasmUrl;
  #worker = null;
  /** Resolves with the version once the current worker is ready. */
  #ready = null;
  #nextId = 1;
  /** id → {message, resolve, reject, onProgress} of every request the worker has not answered. */
  #pending = new Map();
  /** Word changes that succeeded since the last reset, in order: a fresh worker replays them
   * before anything else, so the dictionary outlives an abort or a crash. */
  #wordLog = [];
  /** The last analysis that succeeded and was not followed by another: a fresh worker runs
   * it again (after the words), so that the queries still read the last analysed text. */
  #lastAnalysis = null;
  #version = null;
  #maxInputLength = null;
  /** Tables the wasm does not embed, sent to the worker when first needed, by name
   * ('phrases': OpenCC's STPhrases.txt, 'levels': the HSK word lists): the message once it
   * succeeded (a fresh worker is sent it again), or the promise of the first one while it is
   * under way. */
  #tables = new Map();
  /** How many workers a long text is analysed by: this one and `#workers - 1` helpers. */
  #workers = 1;
  /** The helpers (WorkerAnalyzers of their own), made once this worker is first ready. */
  #helpers = [];
  /** Whether warmUp was asked for: helpers made later warm up too. */
  #warm = false;
  /** Whether the current worker is started and ready. */
  #isReady = false;

  /**
   * @internal Use `createAnalyzer()`. `workers`: how many workers analyse one long text at
   * once (see `analyze`).
   */
  constructor(spawn, wasmUrl, { workers = 1 } = {}) {
    super();
    this.#spawn = spawn;
    this.#wasmUrl = wasmUrl;
    if (!Number.isInteger(workers) || workers < 1) {
      throw failure('invalid_options', `workers must be a whole number of at least 1, not ${workers}`);
    }
    this.#workers = workers;
  }

  /** Start the worker if there is none; resolves once it is ready, rejects if it cannot start. */
  start() {
    if (this.#worker) return this.#ready;
    const worker = this.#spawn();
    this.#worker = worker;
    let ready;
    this.#ready = new Promise((resolve, reject) => (ready = { resolve, reject }));
    // Unobserved when nobody awaits start(): the failure reaches every pending call anyway.
    this.#ready.catch(() => {});
    worker.onMessage((data) => {
      if (worker !== this.#worker || !data) return; // a message from a terminated worker
      if (data.type === 'ready') {
        this.#version = data.version;
        this.#maxInputLength = data.maxInputLength;
        this.#isReady = true;
        ready.resolve(data.version);
        this.#startHelpers();
        this.dispatchEvent(new CustomEvent('ready', { detail: data.version }));
      } else if (data.type === 'progress') {
        const waiter = this.#pending.get(data.id);
        if (!waiter) return;
        const progress = { stage: data.stage, fraction: data.fraction, ms: data.ms };
        waiter.onProgress?.(progress);
        this.dispatchEvent(new CustomEvent('progress', { detail: progress }));
      } else if (data.type === 'result' || data.type === 'error') {
        if (data.id === null || data.id === undefined) {
          // Start-up failed (wasm missing, CSP without 'wasm-unsafe-eval', …): nothing will work.
          this.#fail(failure(data.kind, data.message), ready.reject);
          return;
        }
        const waiter = this.#pending.get(data.id);
        if (!waiter) return;
        this.#pending.delete(data.id);
        if (data.type === 'result') {
          waiter.onDone?.();
          if (data.timings) {
            const detail = { ms: data.ms, stages: data.timings };
            // In parts: the whole call's time, parts included.
            if (waiter.parts) {
              const { of, started, ms } = waiter.parts;
              Object.assign(detail, { ms: performance.now() - started, parts: of, partsUsed: data.partsUsed, partsMs: ms });
            }
            this.dispatchEvent(new CustomEvent('timings', { detail }));
          }
          waiter.resolve(unpackReport(data.value));
        } else {
          waiter.reject(failure(data.kind, data.message));
          // A wasm trap leaves the module unusable: the next call gets a fresh worker.
          if (data.kind === 'internal') this.#stop();
        }
      }
    });
    worker.onError((message) => {
      if (worker !== this.#worker) return;
      this.#fail(failure('worker_failed', `the Wenxi worker failed: ${message}`), ready.reject);
    });
    worker.post({ type: 'init', wasmUrl: this.#wasmUrl });
    // Replayed words and analysis are answered under id 0, which no call waits on.
    for (const words of this.#wordLog) worker.post({ ...words, id: 0 });
    for (const table of this.#tables.values()) if (table.type) worker.post({ ...table, id: 0 });
    if (this.#lastAnalysis) worker.post({ ...this.#lastAnalysis, id: 0 });
    // Requests that were waiting on a worker that was aborted go to the new one, in order.
    for (const [id, waiter] of this.#pending) worker.post({ ...waiter.message, id });
    return this.#ready;
  }

  /**
   * Start this worker and the helpers (see `createAnalyzer`'s `workers`); resolves to how many
   * workers are ready to take a part of the next long text (1 when helpers could not start).
   */
  async workersReady() {
    await this.start();
    await Promise.allSettled(this.#helpers.map((helper) => helper.start()));
    return 1 + this.#helpers.filter((helper) => helper.#isReady).length;
  }

  #fail(error, rejectReady) {
    rejectReady(error);
    const waiters = [...this.#pending.values()];
    this.#pending.clear();
    this.#stop();
    for (const waiter of waiters) waiter.reject(error);
  }

  /** Terminate the current worker (if any); the next call starts a new one. */
  #stop() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = null;
    this.#isReady = false;
  }

  /**
   * Send `message` and resolve with its answer. `first`: what to post the first time instead,
   * with `transfer` (buffers moved, not copied); `message` itself is what a fresh worker is sent
   * if this one ends before answering.
   */
  #request(message, { signal, onProgress, onDone, parts, first = message, transfer = [] } = {}) {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const waiter = { message, resolve, reject, onProgress, onDone, parts };
      if (signal) {
        const onAbort = () => {
          if (!this.#pending.delete(id)) return;
          // A running wasm call cannot be interrupted: end its worker. Other calls waiting on
          // it are sent again to a fresh one, which replays the words added so far.
          this.#stop();
          reject(abortReason(signal));
          if (this.#pending.size > 0) this.start();
        };
        signal.addEventListener('abort', onAbort, { once: true });
        const settle = (fn) => (value) => {
          signal.removeEventListener('abort', onAbort);
          fn(value);
        };
        waiter.resolve = settle(resolve);
        waiter.reject = settle(reject);
      }
      this.#pending.set(id, waiter);
      if (this.#worker) this.#worker.post({ ...first, id }, transfer);
      else this.start(); // sends every pending request, this one included
    });
  }

  /**
   * Analyse `text` in the worker; resolves to the report (see `Analyzer.analyze`), rejects with
   * the analyzer's Error (its `kind` kept), or with `signal.reason` (an 'AbortError'
   * DOMException by default) when `signal` aborts.
   *
   * With `workers: N` (N > 1, see `createAnalyzer`), a long text is cut into parts at line
   * breaks, each part segmented by another worker at once, and the analysis finished here with
   * their parts: the report is the one a single worker gives, byte for byte. Helpers that are
   * not ready yet, or whose dictionary lags behind, are done without (their parts are
   * segmented here); a short text stays on this worker.
   */
  analyze(text, options = {}, { signal, onProgress } = {}) {
    const words = Array.isArray(options?.words) && options.words.length > 0 ? options.words : null;
    // `options.words` stay in the dictionary (like addWords), so a fresh worker replays them.
    const message = { type: 'analyze', text: String(text ?? ''), options };
    // The queries read this analysis once it is done; until then, none.
    this.#lastAnalysis = null;
    const onDone = () => {
      if (words) this.#wordLog.push({ type: 'addWords', words });
      this.#lastAnalysis = message;
    };
    // A helper ended by an abort starts again, for the next analysis.
    for (const helper of this.#helpers) if (!helper.#worker) helper.start().catch(() => {});
    const helpers = this.#helpers.filter((helper) => helper.#isReady);
    const of = Math.min(1 + helpers.length, Math.floor(message.text.length / PARALLEL_MIN_PART_LENGTH));
    if (of < 2) return this.#request(message, { signal, onProgress, onDone });
    return this.#analyzeInParts(message, helpers.slice(0, of - 1), words, { signal, onProgress, onDone });
  }

  /**
   * `analyze` by `helpers.length + 1` workers: every part segmented at once (part 0 here),
   * then this worker's analysis with all of them. A helper that fails or is aborted leaves its
   * part to this worker; only this worker's failure fails the call.
   */
  async #analyzeInParts(message, helpers, words, { signal, onProgress, onDone }) {
    const of = helpers.length + 1;
    const started = performance.now();
    const { text, options } = message;
    const part = (k) => ({ type: 'segmentPart', text, options, part: k, of });
    let done = 0;
    const segmented = () => {
      done += 1;
      onProgress?.({ stage: 'segmenting', fraction: 0.05 + (0.65 * done) / of, ms: performance.now() - started });
    };
    const stop = new AbortController();
    const forward = () => stop.abort(abortReason(signal));
    signal?.addEventListener('abort', forward, { once: true });
    try {
      const asked = [
        this.#request(part(0), { signal }),
        ...helpers.map((helper, k) => {
          helper.#syncWords(this.#wordLog);
          // Segmenting its part adds `options.words` to the helper's dictionary, as here.
          const onDone = () => words && helper.#wordLog.push({ type: 'addWords', words });
          return helper.#request(part(k + 1), { signal: stop.signal, onDone });
        }),
      ].map((answer) => answer.then((bytes) => (segmented(), bytes)));
      // Settled from the start, so that a helper's failure is never an unhandled rejection.
      const helped = Promise.allSettled(asked.slice(1));
      // Part 0 is this worker's: its failure is the call's.
      const own = await asked[0];
      const worker = this.#worker;
      const others = await helped;
      const parts = [own, ...others.filter((p) => p.status === 'fulfilled').map((p) => p.value)];
      // This worker has the text already (it segmented part 0), and the parts move: the page's
      // thread copies neither again. A fresh worker is sent the text, and the parts, moved
      // away by then, are segmented there.
      const analyzeParts = { type: 'analyzeParts', text, options, of, parts };
      const report = await this.#request(analyzeParts, {
        signal,
        onProgress,
        parts: { of, started, ms: performance.now() - started },
        onDone,
        // (Unless the worker that segmented part 0 has been replaced meanwhile.)
        first: this.#worker === worker ? { ...analyzeParts, text: null } : analyzeParts,
        transfer: parts.map((p) => p.buffer),
      });
      this.#lastAnalysis = message;
      return report;
    } finally {
      signal?.removeEventListener('abort', forward);
    }
  }

  /** Bring a helper's dictionary to `log` (the client's word log): the rest of it, or all of it after a reset. */
  #syncWords(log) {
    const mine = this.#wordLog;
    const prefix = mine.length <= log.length && mine.every((entry, i) => entry === log[i] || sameWords(entry, log[i]));
    if (!prefix) {
      this.resetWords().catch(() => {});
    }
    for (const entry of log.slice(prefix ? mine.length : 0)) {
      if (entry.type === 'addWords') this.addWords(entry.words).catch(() => {});
      else if (entry.type === 'removeWords') this.removeWords(entry.words).catch(() => {});
    }
  }

  /** Make the helpers once (after this worker's first start, so that they never slow it). */
  #startHelpers() {
    if (this.#helpers.length > 0 || this.#workers < 2) return;
    for (let k = 1; k < this.#workers; k++) {
      const helper = new WorkerAnalyzer(this.#spawn, this.#wasmUrl);
      helper.#syncWords(this.#wordLog);
      helper.start().catch(() => {});
      if (this.#warm) helper.warmUp().catch(() => {});
      this.#helpers.push(helper);
    }
  }

  /**
   * A corpus document's summary, made in the worker (see `Analyzer.summarize`): its stats and
   * every content word counted, not its text. The queries' last analysed text is forgotten.
   */
  summarize(name, text, options = {}, { signal } = {}) {
    return this.#summarize({ type: 'summarize', name, text, options }, signal);
  }

  /** `summarize`'s request; words in `options.words` stay in the dictionary, as with `analyze`. */
  #summarize(message, signal) {
    const words = Array.isArray(message.options?.words) && message.options.words.length > 0 ? message.options.words : null;
    // The worker forgets its last analysis when it summarises: a fresh one must not replay it.
    this.#lastAnalysis = null;
    const onDone = () => {
      // Once per options object: a corpus of 500 documents logs its words once.
      if (words && this.#wordLog.at(-1)?.words !== words) this.#wordLog.push({ type: 'addWords', words });
    };
    return this.#request(message, { signal, onDone });
  }

  /**
   * The corpus report of `summaries` (from `summarize`), in the order given, made in the worker
   * (see `Analyzer.corpusReport`); `summaries` null: the last analysed corpus's, kept in the
   * worker (another reference or comparison without sending the summaries again).
   */
  corpusReport(summaries, options = {}, { signal } = {}) {
    return this.#request({ type: 'corpusReport', summaries: summaries ?? null, options }, { signal });
  }

  /** Keyness of documents `a` against documents `b` of the last analysed corpus. */
  compareGroups(a, b, { terms, signal } = {}) {
    return this.#keptQuery({ type: 'compareGroups', a, b, terms: terms ?? null }, signal);
  }

  /** Every occurrence of a query in the last corpus analysed with `keep`, lines labelled by document. */
  corpusConcordance(request, { signal } = {}) {
    return this.#keptQuery({ type: 'corpusConcordance', request: request ?? {} }, signal);
  }

  /** The collocates of a word over the last corpus analysed with `keep`. */
  corpusCollocates(request, { signal } = {}) {
    return this.#keptQuery({ type: 'corpusCollocates', request: request ?? {} }, signal);
  }

  /** The repeated n-grams of the last corpus analysed with `keep`, with their range. */
  corpusNgrams(request = {}, { signal } = {}) {
    return this.#keptQuery({ type: 'corpusNgrams', request: request ?? {} }, signal);
  }

  /**
   * A request on the kept corpus. Aborting it does not end the worker (which would lose the
   * corpus, analysed at length): the call rejects with the signal's reason at once and its
   * answer, when it comes, is dropped.
   */
  #keptQuery(message, signal) {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const answer = this.#request(message);
    if (!signal) return answer;
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /**
   * Analyse a corpus: each of `documents` (`{name, text}`) analysed in the worker, one at a
   * time, so that the worker never holds more than one text; then the corpus report built
   * from the summaries in document order (`options` as for `corpusReport`; the documents are
   * analysed with `options.analysis`). `onProgress({document, of, name, done})` after each
   * document is analysed (`document` its index, `done` how many are). Aborting `signal`
   * rejects with its reason between documents or during one (whose worker is replaced).
   *
   * `workers: N` analyses in N workers at once: this analyzer's and N − 1 more (with the words
   * added through this analyzer): the helpers it keeps for long texts (`createAnalyzer`'s
   * `workers`) first, then workers started for the call and ended after it. The report is the
   * same for any N: it is built from the summaries in document order.
   *
   * This analyzer's worker keeps the corpus: every summary (for `corpusReport(null, …)` and
   * `compareGroups`), and with `keep: true` every document's tokens and text too (for
   * `corpusConcordance`, `corpusCollocates` and `corpusNgrams`): the other workers hand
   * theirs over as bytes. An analysis of one text does not forget the corpus; the next
   * corpus replaces it.
   */
  async analyzeCorpus(documents, options = {}, { signal, onProgress, workers = 1, keep = false } = {}) {
    if (signal?.aborted) throw abortReason(signal);
    if (!Number.isInteger(workers) || workers < 1) {
      throw failure('invalid_options', `workers must be a whole number of at least 1, not ${workers}`);
    }
    const docs = Array.from(documents ?? [], (d) => ({ name: d?.name, text: d?.text }));
    const analysis = options?.analysis ?? {};
    // The helpers kept for long texts (`createAnalyzer({workers})`) first, their words brought
    // up to date: started and warmed up already, and no idle worker's memory beside the call's.
    // Any more are started for the call and ended after it.
    const helpers = [];
    const started = [];
    for (let k = 1; k < Math.min(workers, docs.length); k++) {
      const kept = this.#helpers[k - 1];
      if (kept) {
        kept.#syncWords(this.#wordLog);
        helpers.push(kept);
        continue;
      }
      const helper = new WorkerAnalyzer(this.#spawn, this.#wasmUrl);
      helper.#wordLog = [...this.#wordLog];
      helpers.push(helper);
      started.push(helper);
    }
    // Stops every lane: on the caller's abort (with its reason), or when one lane fails.
    const stop = new AbortController();
    const forward = () => stop.abort(abortReason(signal));
    signal?.addEventListener('abort', forward, { once: true });
    let next = 0;
    let done = 0;
    const queries = Boolean(keep);
    const lane = async (analyzer) => {
      try {
        while (next < docs.length && !stop.signal.aborted) {
          const index = next++;
          const { name, text } = docs[index];
          if (analyzer === this) {
            await this.#summarize({ type: 'keepDocument', index, name, text, options: analysis, queries }, stop.signal);
          } else if (queries) {
            const { summary, kept } = await analyzer.#summarize({ type: 'exportDocument', name, text, options: analysis }, stop.signal);
            await this.#request({ type: 'adoptDocument', index, summary, kept }, { signal: stop.signal });
          } else {
            const summary = await analyzer.#summarize({ type: 'summarize', name, text, options: analysis }, stop.signal);
            await this.#request({ type: 'adoptDocument', index, summary }, { signal: stop.signal });
          }
          done += 1;
          onProgress?.({ document: index, of: docs.length, name, done });
        }
      } catch (error) {
        stop.abort(error);
        throw error;
      }
    };
    try {
      await this.#request({ type: 'clearDocuments' }, { signal: stop.signal });
      await Promise.all([this, ...helpers].map(lane));
      // An empty corpus keeps nothing to read: its report is built from no summaries.
      return await this.corpusReport(docs.length > 0 ? null : [], options, { signal });
    } finally {
      signal?.removeEventListener('abort', forward);
      for (const helper of started) helper.terminate();
    }
  }

  /**
   * Segmentation alone in the worker: resolves to the words of `text` as UTF-16 [start, end)
   * pairs, flattened into a Uint32Array (see `Analyzer.tokenize`).
   */
  tokenize(text, options = {}, { signal } = {}) {
    return this.#request({ type: 'tokenize', text: String(text ?? ''), options }, { signal });
  }

  /**
   * The segmented text in the worker: each line of `text` as its words separated by single
   * spaces, one output line per input line, as `wenxi --tokens` prints it (see
   * `Analyzer.segmentedText`).
   */
  segmentedText(text, options = {}, { signal } = {}) {
    return this.#request({ type: 'segmentedText', text: String(text ?? ''), options }, { signal });
  }

  /** Add dictionary words; resolves to how many were new. They survive an abort. */
  addWords(words) {
    const message = { type: 'addWords', words: [...words] };
    return this.#request(message, { onDone: () => this.#wordLog.push(message) });
  }

  /** Remove dictionary words; resolves to how many were removed. They stay removed after an abort. */
  removeWords(words) {
    const message = { type: 'removeWords', words: [...words] };
    return this.#request(message, { onDone: () => this.#wordLog.push(message) });
  }

  /**
   * Run one analysis of a built-in 400 KB text in the worker and keep nothing of it, so that
   * the first real analysis does not pay for the engine's one-time work (reading the POS model,
   * growing memory) nor run unoptimised code: worth it when an analysis is expected soon after
   * start-up, as in a page. Queued like any request.
   */
  warmUp({ signal } = {}) {
    this.#warm = true;
    for (const helper of this.#helpers) helper.warmUp().catch(() => {});
    return this.#request({ type: 'warmUp' }, { signal });
  }

  /**
   * Forget every word added or removed (through `addWords`, `removeWords` or `options.words`):
   * the dictionary is jieba's own again. To undo one custom word, reset and apply the rest.
   */
  resetWords() {
    return this.#request({ type: 'resetWords' }, { onDone: () => this.#wordLog.splice(0) });
  }

  /**
   * OpenCC conversion of `text` to 'simplified' or 'traditional'. The first conversion to
   * traditional script loads OpenCC's phrase table (`traditionalPhrases()`, 1 MB, 0.31 MB
   * brotli) into the worker, which the wasm leaves out so that a page downloads it only
   * when a reader asks for that script.
   */
  async convert(text, to, { signal } = {}) {
    if (to === 'traditional') {
      await this.#loadTable('phrases', async () => ({ type: 'loadTraditionalPhrases', text: await traditionalPhrases() }), signal);
    }
    return this.#request({ type: 'convert', text: String(text ?? ''), to }, { signal });
  }

  /** Send a table the wasm leaves out to the worker once (again to a fresh worker, see `start`). */
  async #loadTable(name, message, signal) {
    if (this.#tables.get(name)?.type) return;
    if (!this.#tables.has(name)) {
      const loading = (async () => {
        const made = await message();
        await this.#request(made);
        this.#tables.set(name, made);
      })();
      this.#tables.set(name, loading);
      // A failed load is tried again by the next call that needs it.
      loading.catch(() => this.#tables.delete(name));
    }
    const loading = this.#tables.get(name);
    if (loading.type) return;
    if (!signal) return loading;
    if (signal.aborted) throw abortReason(signal);
    await Promise.race([
      loading,
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(abortReason(signal)), { once: true })),
    ]);
  }

  /**
   * Every occurrence of a string (default), word or regular expression in the last analysed
   * text, with context: resolves to `{total, lines: [{start, end, left, match, right}]}`.
   * Rejects with kind 'not_analyzed' before any analysis, 'invalid_query' for a refused request.
   */
  concordance(request, { signal } = {}) {
    return this.#query('concordance', request, signal);
  }

  /** The collocates of `request.word` in the last analysed text, with MI, t-score, G² and logDice. */
  collocates(request, { signal } = {}) {
    return this.#query('collocates', request, signal);
  }

  /** The word (or character) n-grams that repeat in the last analysed text. */
  ngrams(request = {}, { signal } = {}) {
    return this.#query('ngrams', request, signal);
  }

  /** Multi-word terms found in the last analysed text. */
  terms(request = {}, { signal } = {}) {
    return this.#query('terms', request, signal);
  }

  /** Where `request.words` occur, with Juilland's D and Gries' DP over the sections or equal parts. */
  dispersion(request, { signal } = {}) {
    return this.#query('dispersion', request, signal);
  }

  /** The relative frequency of `request.words` per section or equal segment. */
  trends(request, { signal } = {}) {
    return this.#query('trends', request, signal);
  }

  /**
   * The vocabulary profile of the last analysed text by HSK 3.0 level (a `LevelsProfile`):
   * running and distinct words per level, coverage, the words a reader with
   * `request.known` words (or `request.level`) does not know, characters by level. The first
   * call loads the word lists (`hskLevels()`, 0.1 MB, 33 KB brotli) into the worker.
   */
  async levels(request = {}, { signal } = {}) {
    await this.#loadTable('levels', async () => ({ type: 'loadLevels', text: await hskLevels() }), signal);
    return this.#query('levels', request, signal);
  }

  /**
   * Where the last analysed text's graded words are, for showing the profile against the text
   * (a `LevelMarks`): `spans`, one `Uint32Array` of triples `start, end, code` (UTF-16 offsets;
   * `code & 15` the level, 8 beyond the lists; `code & 16` set when the reader the request
   * describes knows the word), and the keys of the words in each level band. Loads the word
   * lists as `levels` does.
   */
  async levelMarks(request = {}, { signal } = {}) {
    await this.#loadTable('levels', async () => ({ type: 'loadLevels', text: await hskLevels() }), signal);
    return this.#query('levelMarks', request, signal);
  }

  /**
   * A query on the worker's last analysed text (a worker replaced after an abort or a crash
   * runs the last analysis again first, so the queries still read it).
   */
  #query(type, request, signal) {
    return this.#request({ type, request: request ?? {} }, { signal });
  }

  /** The built-in stopword lists' words. */
  builtinStopwords() {
    return this.#request({ type: 'builtinStopwords' });
  }

  /** The crate version that makes the reports (known once the first worker was ready). */
  version() {
    return this.#version;
  }

  /** The longest text `analyze` takes, in UTF-16 code units (known once a worker was ready). */
  maxInputLength() {
    return this.#maxInputLength;
  }

  /**
   * End the worker and free its memory; calls still waiting reject with kind 'terminated'.
   * The object stays usable: a later call starts a new worker (with the words added so far).
   */
  terminate() {
    const waiters = [...this.#pending.values()];
    this.#pending.clear();
    this.#stop();
    for (const helper of this.#helpers.splice(0)) helper.terminate();
    for (const waiter of waiters) waiter.reject(failure('terminated', 'the analyzer was terminated'));
  }
}

/** Whether two word-log entries change the dictionary alike. */
function sameWords(a, b) {
  return a.type === b.type && a.words.length === b.words.length && a.words.every((w, i) => w === b.words[i]);
}

/**
 * Start an analyzer in a module Web Worker; resolves once it is ready (the wasm fetched and
 * compiled, the dictionary built), rejects with an Error of kind 'init_failed' or
 * 'worker_failed' if it cannot start.
 *
 * options.workerUrl  where worker.js is (default: beside this file); a worker must be
 *                    same-origin, so set it when this file is served from elsewhere
 * options.wasmUrl    where wenxi_bg.wasm is (default: beside this file)
 * options.worker     a worker already started with `webWorker()` (a page that starts the
 *                    engine early); used for the first start, later starts make their own
 * options.workers    how many workers analyse one long text at once (default 1): this
 *                    analyzer's and `workers - 1` more, started once it is ready, each with
 *                    its own dictionary (about 60 MB). The page uses one a core, at most 4.
 */
export async function createAnalyzer(options = {}) {
  const analyzer = analyzerFor(options);
  await analyzer.start();
  return analyzer;
}

/**
 * The analyzer `createAnalyzer(options)` resolves to, before its worker is ready: for a host
 * that shows its own loading state (listen for 'ready', or await `start()`).
 */
export function analyzerFor(options = {}) {
  const workerUrl = options.workerUrl ?? null; // null: worker.js beside this file
  const wasmUrl = String(options.wasmUrl ?? new URL('./wenxi_bg.wasm', import.meta.url));
  let first = options.worker ?? null;
  const spawn = () => {
    const worker = first ?? webWorker(workerUrl);
    first = null;
    return worker;
  };
  return new WorkerAnalyzer(spawn, wasmUrl, { workers: options.workers ?? 1 });
}

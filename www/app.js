// The shell of the page: the state store, the analysis worker, the input (typing, pasting,
// files, samples), progress and Cancel, the language switch, and mounting every view and the
// corpus mode's input (corpus-input.js).
//
// Views (views/index.js) draw the results; they read the store and call `actions`. Every string
// from the user's text is put in with textContent (lib/dom.js), never as HTML: pasted web text
// is full of tags, and none of them may become markup here. The strict CSP backs this up.

import { createStore, staggered } from './lib/store.js';
import { takeWorker } from './boot.js';
import { analyzerFor } from './pkg/index.js';
import { el } from './lib/dom.js';
import { t, setLang, browserLang, formatNumber } from './lib/i18n.js';
import { decodeBytes, fileKind } from './lib/decode.js';
import { SAMPLES } from './lib/samples.js';
import { VIEWS } from './views/index.js';
import { noKeywordsNote } from './lib/widgets.js';
import { LONG_TEXT, keywordPool } from './pkg/model.js';
import { PAGE_DEFAULTS, engineOptions, pageOptions } from './lib/page-options.js';
import { MAX_CORPUS_CHARS, emptyCorpus } from './lib/corpus.js';
import { mountCorpusInput } from './corpus-input.js';
import { load, loadWords, save } from './lib/saved.js';
import { fillConverted } from './lib/converted.js';
import { loadReader } from './lib/levels.js';
import { revealInTextarea } from './lib/textarea-reveal.js';

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------
// State.

const savedLang = load('lang', null);
const lang = savedLang === 'zh' || savedLang === 'en' ? savedLang : browserLang();
setLang(lang);
const savedDisplay = load('display', 'written');

const store = createStore({
  text: '',
  analyzedText: null,
  report: null,
  selected: null,
  band: null,
  reader: loadReader(),
  ranking: 'count',
  display: ['written', 'simplified', 'traditional'].includes(savedDisplay) ? savedDisplay : 'written',
  lang,
  options: pageOptions(load('options', PAGE_DEFAULTS)),
  busy: false,
  progress: null,
  reveal: null,
  converted: new Map(),
  words: loadWords(),
  engine: 'loading',
  error: null,
  source: null,
  ms: null,
  mode: 'text',
  corpus: emptyCorpus(),
  corpusReport: null,
});

// ---------------------------------------------------------------------------------------------
// The analysis worker.

// The engine is the package's own client (pkg/index.js), the one `createAnalyzer` gives
// embedders; its worker was started by boot.js while this module loaded.
const engine = analyzerFor({ worker: takeWorker(), workers: engineWorkers() });
engine.addEventListener('ready', (event) => {
  $('version').textContent = `v${event.detail}`;
  store.set({ engine: 'ready' });
  if (!store.get().busy) setStatus('status.ready');
});
/** Milliseconds the last analysis took in the worker (its 'timings' event comes with each result). */
let lastMs = null;
engine.addEventListener('timings', (event) => (lastMs = event.detail.ms));

function engineFailed(error) {
  store.set({ engine: 'failed', busy: false, progress: null, error: { key: `error.${error.kind}`, detail: error.message } });
  setStatus('status.unavailable');
}

/** Start the engine's worker (again, after a cancel), with the user's joined and split words:
 * the client keeps them and gives them to every new worker. */
function startEngine() {
  engine.start().catch((error) => {
    if (error?.kind === 'init_failed' || error?.kind === 'worker_failed') engineFailed(error);
  });
  // While the reader pastes: the engine's one-time work, so that the first analysis is quick.
  engine.warmUp().catch(() => {});
  // How many workers a long text's analysis can use now (the helpers start after the engine).
  engine
    .workersReady()
    .then((n) => (document.documentElement.dataset.engineWorkers = String(n)))
    .catch(() => {});
}
{
  const { added, removed } = store.get().words;
  if (added.length) engine.addWords(added).catch(() => {});
  if (removed.length) engine.removeWords(removed).catch(() => {});
  startEngine();
}

/** Aborts the running analysis (Cancel, Escape). */
let running = null;

let rerun = false;
/** The reader asked for an analysis while another ran: show the results after the rerun. */
let showNext = false;
let analyses = 0;

/**
 * Analyse the textarea's text. `show`: the reader asked for it (Analyze, Ctrl+Enter, a sample,
 * a file), so the results, which start below the input, are brought into view and get the
 * focus when they arrive; a re-analysis after an option or a word changed leaves both alone.
 */
async function analyze({ show = false } = {}) {
  const state = store.get();
  if (state.engine === 'failed') return;
  if (state.busy) {
    rerun = true; // options changed mid-analysis: analyse again when this one is done
    showNext ||= show;
    return;
  }
  const text = textarea.value;
  if (text !== state.text) store.set({ text });
  if (text.trim() === '') {
    store.set({ error: { key: 'error.empty' } });
    textarea.focus();
    return;
  }
  store.set({ busy: true, error: null, progress: { stage: 'sending', fraction: 0 } });
  setStatus('status.analyzing');
  running = new AbortController();
  try {
    const report = await engine.analyze(text, analysisOptions(store.get().options, text), {
      signal: running.signal,
      onProgress: (progress) => store.set({ progress }),
    });
    const ms = lastMs;
    const selected = store.get().selected;
    const keep = selected !== null && report.keywords.some((k) => k.key === selected);
    store.set({
      report,
      analyzedText: text,
      ms,
      selected: keep ? selected : null,
      band: null,
      converted: new Map(),
      busy: false,
      progress: null,
    });
    // Which analysis the results show: tests and assistive tooling can tell a new result from
    // an identical old one.
    $('results').dataset.analysis = String(++analyses);
    setStatus('status.done', {
      // As many as the keyword table shows: the report lists a wider pool (KEYWORD_POOL).
      keywords: formatNumber(Math.min(report.keywords.length, store.get().options.topN)),
      sections: formatNumber(report.sections.length),
      ms: formatNumber(Math.round(ms)),
    });
    if (show || showNext) showResults();
    showNext = false;
  } catch (error) {
    store.set({ busy: false, progress: null });
    if (error?.name === 'AbortError') {
      rerun = false;
      setStatus('status.cancelled');
    } else {
      // The user's text stays in the textarea as it was; only the message area changes. The
      // limit comes from the engine (the one check is in Rust), formatted for the reader.
      const vars = { max: formatNumber(engine.maxInputLength() ?? 0) };
      store.set({ error: { key: `error.${error?.kind ?? 'other'}`, vars, detail: error?.message ?? String(error) } });
      if (store.get().engine !== 'failed') setStatus('status.failed');
    }
  }
  running = null;
  if (rerun) {
    rerun = false;
    analyze({ show: showNext });
  }
}

/**
 * Take the reader to the results: scroll them to the top of the window and move the focus
 * there (the section is focusable and named "Results"), so that keyboard and screen reader
 * users land on what the analysis made, not on the button they pressed.
 */
function showResults() {
  const results = $('results');
  results.focus({ preventScroll: true });
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  results.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
}

/**
 * Texts up to the model's LONG_TEXT (UTF-16 units) get every token in the report (the text view
 * joins and splits words with them). A novel has over a million tokens: copying them out of
 * the worker would freeze the page for seconds, so long texts go without.
 */
export const TOKENS_UP_TO = LONG_TEXT;

/** The options the analyzer takes, from the options state (which may hold UI-only fields). */
function analysisOptions(options, text) {
  const short = text.length <= TOKENS_UP_TO;
  const pool = keywordPool(options.topN, text.length);
  return { ...engineOptions(options), topN: pool, includeTokens: short };
}

function cancel() {
  if (!store.get().busy) return;
  rerun = false;
  showNext = false;
  store.set({ engine: 'loading' });
  // The analysis runs in synchronous wasm: aborting ends its worker, and the analyze() waiting
  // on it rejects with an AbortError. A new worker starts at once, so the next one is ready.
  running?.abort();
  startEngine();
}

/** Words as the user typed them: trimmed, non-empty, without inner whitespace, unique. */
function cleanWords(words) {
  return [...new Set(words.map((w) => String(w).trim()).filter((w) => w !== '' && !/\s/.test(w)))];
}

async function changeWords(op, words) {
  words = cleanWords(words);
  if (words.length === 0) return;
  const { added, removed } = store.get().words;
  const [into, from] = op === 'addWords' ? [added, removed] : [removed, added];
  const next = {
    [op === 'addWords' ? 'added' : 'removed']: [...new Set([...into, ...words])],
    [op === 'addWords' ? 'removed' : 'added']: from.filter((w) => !words.includes(w)),
  };
  store.set({ words: next });
  save('words', next);
  try {
    await (op === 'addWords' ? engine.addWords(words) : engine.removeWords(words));
  } catch (error) {
    store.set({ error: { key: `error.${error?.kind ?? 'other'}`, detail: error?.message } });
    return;
  }
  if (store.get().analyzedText !== null) analyze();
}

/**
 * Forget custom words (joined or split): the dictionary cannot give back a word's original
 * entry, so it is reset to jieba's own and the remaining custom words are applied again.
 */
function forgetWords(words) {
  const { added, removed } = store.get().words;
  return replaceWords({ added: added.filter((w) => !words.includes(w)), removed: removed.filter((w) => !words.includes(w)) });
}

/**
 * Replace the custom words with `next` ({added, removed}; forgetWords, a corpus session): the
 * dictionary is reset to jieba's own and `next` applied.
 */
async function replaceWords(next) {
  next = { added: cleanWords(next.added), removed: cleanWords(next.removed) };
  store.set({ words: next });
  save('words', next);
  try {
    await engine.resetWords();
    if (next.added.length) await engine.addWords(next.added);
    if (next.removed.length) await engine.removeWords(next.removed);
  } catch (error) {
    store.set({ error: { key: `error.${error?.kind ?? 'other'}`, detail: error?.message } });
    return;
  }
  if (store.get().analyzedText !== null) analyze();
}

let revealSeq = 0;

const actions = {
  analyze: () => analyze(),
  cancel,
  addWords: (words) => changeWords('addWords', words),
  removeWords: (words) => changeWords('removeWords', words),
  forgetWords,
  convert: (text, to) => engine.convert(text, to),
  /** The analyzer's built-in stopword list (sorted). */
  builtinStopwords: () => engine.builtinStopwords(),
  reveal(start, end) {
    store.set({ reveal: { start, end, seq: ++revealSeq } });
  },
  /**
   * A concordance of the analysed text (engine.concordance, a ConcordanceRequest: a query,
   * or `ranges` such as a keyword's occurrences). The engine keeps the last analysed text,
   * which is the page's: every analysis the page asks for is of `state.analyzedText`.
   */
  concordance(request) {
    return engine.concordance(request);
  },
  /** The terms found in the analysed text (engine.terms, a TermsRequest). */
  terms(request) {
    return engine.terms(request);
  },
  /** The collocates of a node word in the analysed text (engine.collocates, a CollocatesRequest). */
  collocates(request) {
    return engine.collocates(request);
  },
  /** The repeated word or character n-grams of the analysed text (engine.ngrams, an NgramsRequest). */
  ngrams(request) {
    return engine.ngrams(request);
  },
  /** Where words occur and how evenly (engine.dispersion, a DispersionRequest). */
  dispersion(request) {
    return engine.dispersion(request);
  },
  /** Words' relative frequencies part by part (engine.trends, a TrendsRequest). */
  trends(request) {
    return engine.trends(request);
  },
  /** The vocabulary profile by HSK level (engine.levels, a LevelsRequest; loads the lists once). */
  levels(request) {
    return engine.levels(request);
  },
  /** Where the graded words are in the analysed text (engine.levelMarks, a LevelsRequest). */
  levelMarks(request) {
    return engine.levelMarks(request);
  },
  /** The analysed text's words line by line, cut as the analysis cut them (`wenxi --tokens`). */
  segmentedText() {
    const { analyzedText, options } = store.get();
    return engine.segmentedText(analyzedText ?? '', analysisOptions(options, analyzedText ?? ''));
  },
  allKeywords,
  /**
   * The corpus report of `documents` ([{name, text}], corpus order) with the page's analysis
   * options (engine.analyzeCorpus; views/index.js has the contract). `call`: {signal,
   * onProgress}.
   */
  analyzeCorpus(documents, call = {}) {
    const docs = documents.map(({ name, text }) => ({ name, text }));
    // keep: the engine keeps the documents' words and texts, for the corpus queries below.
    const options = { ...CORPUS_OPTIONS, analysis: engineOptions(store.get().options) };
    return engine.analyzeCorpus(docs, options, { ...call, workers: engineWorkers(), keep: true });
  },
  /**
   * The report of the corpus the engine keeps (the last analyzeCorpus), with `options` such as
   * `{reference}` (engine.corpusReport(null, …); the corpus's own options as analyzeCorpus had them).
   */
  corpusReport(options = {}) {
    return engine.corpusReport(null, { ...CORPUS_OPTIONS, ...options });
  },
  /** Keyness of two groups of the kept corpus's documents (engine.compareGroups: a Comparison). */
  compareGroups: (a, b, options = {}) => engine.compareGroups(a, b, options),
  /** Concordance, collocates and n-grams over the kept corpus's documents (engine.corpus*). */
  corpusConcordance: (request) => engine.corpusConcordance(request),
  corpusCollocates: (request) => engine.corpusCollocates(request),
  corpusNgrams: (request) => engine.corpusNgrams(request),
};

/** The corpus report's own options (CorpusOptions): the engine's defaults, for every corpus call. */
const CORPUS_OPTIONS = Object.freeze({});

/**
 * How many workers analyse a long text's parts, or a corpus's documents, at once: one a core,
 * at most 4 (each holds its own dictionary, about 60 MB), 2 where the browser does not say.
 * A function declaration: the engine, made above, asks before this line runs.
 */
function engineWorkers() {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
}

/**
 * Every word the analysis counted, in the report's order (count descending, then word), for
 * the full word list's export. The report lists a pool (keywordPool): for most texts that is
 * already every word, and it is taken as it is; for the rest the same text is analysed once
 * more, for this export only, with a `topN` of every distinct word. A report is the one
 * definition of a word's figures, so the export has the columns the table's export has, and the
 * cost falls only on long texts, only when the reader asks.
 */
async function allKeywords() {
  const { report, analyzedText, options } = store.get();
  if (!report || report.keywords.length >= report.stats.distinctWords) return report?.keywords ?? [];
  const every = { ...analysisOptions(options, analyzedText), topN: report.stats.distinctWords, includeTokens: false };
  return (await engine.analyze(analyzedText, every)).keywords;
}

// ---------------------------------------------------------------------------------------------
// The input: typing, pasting, files, samples.

const textarea = $('text');

let inputFrame = 0;
textarea.addEventListener('input', () => {
  if (inputFrame) return;
  inputFrame = requestAnimationFrame(() => {
    inputFrame = 0;
    store.set({ text: textarea.value, source: null });
  });
});

function setText(text, source) {
  textarea.value = text;
  store.set({ text, source, error: null });
}

$('analyze-form').addEventListener('submit', (event) => {
  event.preventDefault();
  analyze({ show: true });
});

textarea.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    analyze({ show: true });
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && store.get().busy) cancel();
});

$('cancel').addEventListener('click', cancel);

$('clear').addEventListener('click', () => {
  setText('', null);
  textarea.focus();
});

for (const button of document.querySelectorAll('[data-sample]')) {
  button.addEventListener('click', () => {
    setText(SAMPLES[button.dataset.sample], { sample: true });
    analyze({ show: true });
  });
}

$('file').addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  if (file) openFile(file);
  event.target.value = ''; // the same file can be opened again
});

// Dropping a file anywhere opens it (in corpus mode, every dropped file goes to the corpus);
// the browser must not navigate to the file instead. Dropped text (not a file) keeps the
// textarea's own behaviour.
const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
const dropZone = () => $(store.get().mode === 'corpus' ? 'corpus-drop-zone' : 'drop-zone');
document.addEventListener('dragover', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  dropZone()?.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) dropZone()?.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  dropZone()?.classList.remove('dragging');
  if (!hasFiles(event)) return;
  event.preventDefault();
  if (store.get().mode === 'corpus') {
    corpusInput?.addFiles([...event.dataTransfer.files]);
    return;
  }
  const file = event.dataTransfer.files[0];
  if (file) openFile(file);
});

async function openFile(file) {
  const kind = fileKind(file.name, file.type);
  if (!kind) {
    store.set({ error: { key: 'input.unsupported', vars: { name: file.name } } });
    return;
  }
  let decoded;
  try {
    decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    store.set({ error: { key: 'input.readFailed', vars: { name: file.name }, detail: error?.message } });
    return;
  }
  // An HTML file's source goes in as a paste would: the engine's cleaner reads past its markup.
  setText(decoded.text, { name: file.name, encoding: decoded.encoding, html: kind === 'html' });
  analyze({ show: true });
}

// ---------------------------------------------------------------------------------------------
// Drawing the shell from the state.

let statusMessage = { key: 'status.loading' };

function setStatus(key, vars) {
  statusMessage = { key, vars };
  drawStatus();
}

/** The status line; after an analysis that found no keyword, with the reason why. */
function drawStatus() {
  const { key, vars } = statusMessage;
  const note = key === 'status.done' ? noKeywordsNote(store.get()) : null;
  $('engine-status').textContent = note ? `${t(key, vars)} ${note}` : t(key, vars);
}

function drawStrings() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  document.title = t('app.title');
  textarea.placeholder = t('input.placeholder');
  const toggle = $('lang-toggle');
  toggle.textContent = t('app.lang');
  toggle.lang = t.lang === 'zh' ? 'en' : 'zh-Hans';
  toggle.setAttribute('aria-label', t('app.langLabel'));
  drawStatus();
}

function drawCount(text) {
  let n = 0;
  // Code points, not UTF-16 units: 𦡦 is one character.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  $('text-count').textContent = t('input.count', { n: formatNumber(n) });
}

function drawError({ error }) {
  const box = $('error');
  if (!error) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.replaceChildren(t(error.key, error.vars));
  if (error.detail) box.append(el('span', { className: 'error-detail', text: error.detail }));
  box.hidden = false;
}

function drawSource({ source }) {
  const line = $('source');
  if (!source) {
    line.hidden = true;
    return;
  }
  line.textContent = source.sample
    ? t('input.sampleLoaded')
    : t(source.html ? 'input.loadedHtml' : 'input.loaded', { name: source.name, encoding: t(`decode.${source.encoding}`) });
  line.hidden = false;
}

function drawBusy({ busy, engine: engineState, progress }) {
  const button = $('analyze');
  // Disabled until the analyzer first loads; after Cancel the new worker queues requests.
  button.disabled = engineState === 'failed' || !engineEverReady;
  // While busy the button stays focusable (aria-disabled) so keyboard focus is not lost.
  button.setAttribute('aria-disabled', String(engineState !== 'ready' || busy));
  button.classList.toggle('busy', busy);
  $('cancel').hidden = !busy;
  $('results').setAttribute('aria-busy', String(busy));
  const bar = $('progress');
  bar.hidden = !busy;
  if (busy && progress) {
    const percent = Math.round(Math.max(0, Math.min(1, progress.fraction)) * 100);
    bar.setAttribute('aria-valuenow', String(percent));
    const stage = t.has(`progress.${progress.stage}`) ? t(`progress.${progress.stage}`) : t(`stage.${progress.stage}`);
    $('progress-label').textContent = t('progress.stage', { stage, percent });
    $('progress-bar').style.width = `${percent}%`;
  }
}

let engineEverReady = false;

function drawResults({ report, text, analyzedText }) {
  $('results').hidden = report === null;
  $('stale-note').hidden = analyzedText === null || text === analyzedText;
}

/** Links to the views that have drawn something (placeholder views draw nothing). */
function drawNav() {
  // In the order the views appear on the page.
  const items = [...document.querySelectorAll('.results-grid > .view')]
    .filter((root) => root.childElementCount > 0)
    .map((root) => el('li', {}, el('a', { attrs: { href: `#${root.id}` }, text: t(`view.${root.dataset.view}`) })));
  $('results-nav-list').replaceChildren(...items);
}

let optionsTimer = 0;
/** Options take effect after the user pauses (typing a stopword list should not re-run per key). */
const OPTIONS_DELAY = 400;

store.subscribe((state, changed) => {
  if (changed.has('engine') && state.engine === 'ready') engineEverReady = true;
  if (changed.has('lang')) {
    setLang(state.lang);
    save('lang', state.lang);
    drawStrings();
  }
  if (changed.has('text') || changed.has('lang')) drawCount(state.text);
  if (changed.has('error') || changed.has('lang')) drawError(state);
  if (changed.has('source') || changed.has('lang')) drawSource(state);
  if (['busy', 'engine', 'progress', 'lang'].some((k) => changed.has(k))) drawBusy(state);
  if (['report', 'text', 'analyzedText'].some((k) => changed.has(k))) drawResults(state);
  if (changed.has('report') || changed.has('lang')) drawNav();
  if (changed.has('reveal')) revealInTextarea(textarea, $('view-text'), state);
  if (changed.has('options')) {
    save('options', state.options);
    clearTimeout(optionsTimer);
    if (state.analyzedText !== null || state.busy) optionsTimer = setTimeout(analyze, OPTIONS_DELAY);
  }
  if (changed.has('display')) save('display', state.display);
  if (changed.has('reader')) save('vocabulary', state.reader);
  // One selection at a time: a word chosen anywhere ends a level band's selection.
  if (changed.has('selected') && state.selected !== null && state.band) store.set({ band: null });
  // Words shown in another script: converted once per report and direction.
  if (changed.has('report') || changed.has('display')) fillConverted(store, actions.convert);
});

$('lang-toggle').addEventListener('click', () => {
  store.set({ lang: store.get().lang === 'zh' ? 'en' : 'zh' });
});

// ---------------------------------------------------------------------------------------------
// Mount the views, draw the shell, and make the page work offline.

for (const [name, view] of Object.entries(VIEWS)) {
  const root = $(`view-${name}`);
  if (!root) continue;
  try {
    view.mount(root, { store: staggered(store), actions, t });
  } catch (error) {
    // One broken view must not take the page down with it.
    console.warn(`view ${name} failed to mount`, error);
  }
}

/** The corpus mode's tabs and panel; null if it failed to mount (the text mode still works). */
let corpusInput = null;
try {
  corpusInput = mountCorpusInput($('corpus-panel'), $('mode-tabs'), {
    store,
    shell: {
      // Before the engine is ready its limit is not known; the corpus's own bounds a document.
      maxChars: () => engine.maxInputLength() ?? MAX_CORPUS_CHARS,
      analyzeCorpus: actions.analyzeCorpus,
      // A cancelled corpus analysis ended its worker; the next one is started at once.
      cancelled: startEngine,
      async restoreSettings({ options, words }) {
        store.set({ options });
        await replaceWords(words);
      },
    },
  });
} catch (error) {
  console.warn('the corpus mode failed to mount', error);
}

drawStrings();
drawCount('');
drawBusy(store.get());

// The service worker caches the page and the analyzer, so the page works offline once loaded.
// It serves only this origin's files (sw.js).
if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    .register(new URL('./sw.js', import.meta.url), { scope: './' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // Files loaded before the service worker took over (lazily loaded ones included) are
      // kept too, so an offline visit finds everything this one used.
      const urls = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => url.startsWith(location.origin));
      registration.active?.postMessage({ type: 'cache', urls });
      $('offline-note').hidden = false;
    })
    .catch(() => {
      // No offline copy (e.g. a private window that forbids service workers); the page works.
    });
}

// The page `scripts/bench.mjs` drives in headless Chromium (served from the repository root by
// scripts/serve.mjs, under the same CSP as the app). Everything here is a function on `window`
// the driver calls with page.evaluate, so that each measurement runs in this page's main thread
// with nothing else going on. Times are performance.now() differences in ms.

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const texts = new Map();

/** Fetch a benchmark text once (written by the driver under target/bench/). */
async function text(name) {
  if (!texts.has(name)) texts.set(name, await (await fetch(`/target/bench/${name}`)).text());
  return texts.get(name);
}

let wenxi = null;
let jieba = null;

/** Minimal cold start of Wenxi as an embedder gets it: import, instantiate, build, first word. */
window.loadWenxi = async () => {
  const mod = await import('/www/pkg/wenxi.js');
  const exports = await mod.default();
  const analyzer = new mod.Analyzer();
  analyzer.tokenize('开始');
  wenxi = { mod, exports, analyzer };
  return performance.now();
};

/** Minimal cold start of jieba-wasm: import, instantiate, first cut (which builds its dictionary). */
window.loadJieba = async () => {
  const mod = await import('/node_modules/jieba-wasm/pkg/web/jieba_rs_wasm.js');
  await mod.default();
  mod.cut('开始', true);
  jieba = mod;
  return performance.now();
};

function time(runs, f) {
  const ms = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = f();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), out };
}

/** Throughput of each segmenter on one text: medians of `runs`. */
window.throughput = async (name, runs) => {
  const t = await text(name);
  const analyze = time(runs, () => wenxi.analyzer.analyze(t, {}).stats.words);
  const tokenize = time(runs, () => wenxi.analyzer.tokenize(t, {}).length / 2);
  const cut = time(runs, () => jieba.cut(t, true).length);
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  // By line, as a page would feed it (one 2 MB string works too in Chromium, but is not faster).
  const intl = time(runs, () => {
    let n = 0;
    for (const line of t.split('\n')) for (const s of seg.segment(line)) if (s.isWordLike) n++;
    return n;
  });
  return {
    chars: t.length,
    analyzeMs: analyze.ms,
    tokenizeMs: tokenize.ms,
    jiebaCutMs: cut.ms,
    intlMs: intl.ms,
    words: { analyze: analyze.out, tokenize: tokenize.out, jieba: cut.out, intl: intl.out },
  };
};

/** Wenxi's full analysis alone on one text: median ms of `runs`. */
window.analyzeOnly = async (name, runs) => {
  const t = await text(name);
  return time(runs, () => wenxi.analyzer.analyze(t, {}).stats.words).ms;
};

/**
 * Memory of one full analysis in a page that has done nothing else: wasm linear memory (it
 * never shrinks, so its size afterwards is its peak) and the JS heap before and after, with the
 * report held (Chromium's precise memory info).
 */
window.memory = async (name) => {
  const t = await text(name);
  const heapBefore = performance.memory.usedJSHeapSize;
  const wasmBefore = wenxi.exports.memory.buffer.byteLength;
  const report = wenxi.analyzer.analyze(t, {});
  const heapAfter = performance.memory.usedJSHeapSize;
  const wasmAfter = wenxi.exports.memory.buffer.byteLength;
  return { wasmBefore, wasmAfter, heapBefore, heapAfter, words: report.stats.words };
};

/**
 * Each query of issue 14 on one text (analysed once first): median ms of `runs` calls of the
 * synchronous analyzer, which is what the worker runs for a query request.
 */
window.queries = async (name, runs) => {
  const t = await text(name);
  const report = wenxi.analyzer.analyze(t, {});
  const top = report.keywords.map((k) => k.word);
  const requests = {
    'concordance string': ['concordance', { query: top[0], limit: 1000 }],
    'concordance word 的': ['concordance', { query: '的', by: 'word', limit: 1000 }],
    'concordance regex': ['concordance', { query: '\\p{Han}{2}之', by: 'regex', limit: 1000 }],
    collocates: ['collocates', { word: top[0] }],
    'ngrams 2–6': ['ngrams', { limit: 1000 }],
    'character ngrams 2–6': ['ngrams', { characters: true, limit: 1000 }],
    terms: ['terms', {}],
    'dispersion, top 100': ['dispersion', { words: top, positions: false }],
    'trends, top 10': ['trends', { words: top.slice(0, 10), segments: 20 }],
  };
  const out = {};
  for (const [label, [method, request]] of Object.entries(requests)) {
    out[label] = time(runs, () => wenxi.analyzer[method](request)).ms;
  }
  return out;
};


/** workers → the analyzer `createAnalyzer({workers})` gave. */
const workerApis = new Map();

/**
 * The worker API as an embedder uses it (`createAnalyzer({workers})` from the package,
 * `analyze` resolving with the report, in module workers): median ms of `runs` analyses of
 * one text, from the call to the report in this page, text sent and report received included.
 * With `workers` > 1 the text is analysed in parts (`parts`: how many the last run used).
 */
window.workerAnalyze = async (name, runs, workers = 1) => {
  const t = await text(name);
  if (!workerApis.has(workers)) {
    const mod = await import('/www/pkg/index.js');
    const api = await mod.createAnalyzer({ workers });
    await api.workersReady();
    await api.warmUp();
    workerApis.set(workers, api);
  }
  const api = workerApis.get(workers);
  let parts = 1;
  const onTimings = (event) => (parts = event.detail.partsUsed ?? 0);
  api.addEventListener('timings', onTimings);
  const ms = [];
  let words = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const report = await api.analyze(t, {});
    ms.push(performance.now() - t0);
    words = report.stats.words;
  }
  api.removeEventListener('timings', onTimings);
  return { ms: median(ms), words, parts };
};

// The analysis runs here, off the page's main thread, so typing and scrolling stay smooth
// while jieba builds its dictionary (~0.3–1 s) and while a long text is analysed.
//
// Protocol (every message is a plain object; lib/worker-client.js is the page's side):
//   page → worker  {type: 'analyze', id, text, options}
//                  {type: 'addWords' | 'removeWords', id, words}
//                  {type: 'convert', id, text, to}
//                  {type: 'builtinStopwords', id}
//   worker → page  {type: 'ready', version}
//                  {type: 'progress', id, stage, fraction}     while 'analyze' runs
//                  {type: 'result', id, value, ms}             value: the report, count or string
//                  {type: 'error', id, kind, message}          id is null when start-up failed
//
// Messages are handled one at a time in order (the wasm calls are synchronous), so words added
// before an analysis are in the dictionary when it runs. Cancelling an analysis is the page's
// business: it terminates this worker and starts a new one.
//
// The worker never throws out of a handler: every failure becomes an 'error' message, so one
// bad input cannot leave the page waiting for an answer that never comes.

/** Start-up: load the module, instantiate the wasm, build the dictionary once. */
const ready = (async () => {
  // A dynamic import, so that a missing build (www/pkg/ not there yet) is reported to the page
  // as a message instead of killing the worker before it can say anything.
  const { default: init, Analyzer, maxInputLength: max, version } = await import('./pkg/wenxi.js');
  const wasm = await init();
  maxLength = max();
  // For tests and for anyone chasing memory: the wasm memory's size now, in bytes (it grows
  // and never shrinks; the page's tests check that repeated analyses do not grow it).
  self.wenxiMemoryBytes = () => wasm.memory.buffer.byteLength;
  return { analyzer: new Analyzer(), version: version() };
})();

/** The analyzer's input limit in UTF-16 units, set once the module has loaded (before any
 * message is handled). */
let maxLength = Infinity;

ready.then(
  ({ version }) => self.postMessage({ type: 'ready', version }),
  (error) => self.postMessage({ type: 'error', id: null, ...describe(error, 'init_failed') }),
);

/** A JS Error from the wasm carries a stable `kind`; anything else gets `fallbackKind`. */
function describe(error, fallbackKind) {
  const kind = typeof error?.kind === 'string' ? error.kind : fallbackKind;
  const message = error instanceof Error ? error.message : String(error);
  return { kind, message };
}

/**
 * `data.text` as a string, refused before it is copied into wasm memory when it is longer than
 * the analyzer takes: a 50 MB paste would otherwise grow the wasm memory by 150 MB (UTF-8)
 * just to be turned down, and wasm memory never shrinks.
 */
function textOf(data) {
  const text = String(data.text ?? '');
  if (text.length > maxLength) {
    throw Object.assign(new Error(`The text is ${text.length} UTF-16 code units long; the limit is ${maxLength}.`), {
      kind: 'input_too_large',
    });
  }
  return text;
}

/** Progress messages at most this often (ms): each one wakes the page's main thread. */
const PROGRESS_INTERVAL = 50;

function run(analyzer, data) {
  switch (data.type) {
    case 'analyze': {
      let last = 0;
      const onProgress = ({ stage, fraction }) => {
        const now = performance.now();
        if (now - last < PROGRESS_INTERVAL && fraction < 1) return;
        last = now;
        self.postMessage({ type: 'progress', id: data.id, stage, fraction });
      };
      return packOccurrences(analyzer.analyze(textOf(data), data.options ?? {}, onProgress));
    }
    case 'addWords':
      return analyzer.addWords(data.words ?? []);
    case 'removeWords':
      return analyzer.removeWords(data.words ?? []);
    case 'convert':
      return analyzer.convert(String(data.text ?? ''), data.to);
    case 'builtinStopwords':
      return analyzer.builtinStopwords();
    default:
      throw Object.assign(new Error(`unknown message type: ${data.type}`), { kind: 'invalid_options' });
  }
}

/**
 * Each keyword's occurrences ([[start, end], …], hundreds of thousands of pairs for a novel)
 * as one flat Uint32Array in `occurrencesPacked`, moved to the page rather than copied: cloning
 * that many small arrays would cost the page's main thread one long task when the report
 * arrives. lib/worker-client.js unpacks a keyword's pairs when a view first asks for them.
 */
function packOccurrences(report) {
  for (const keyword of report.keywords) {
    const pairs = keyword.occurrences;
    const flat = new Uint32Array(pairs.length * 2);
    for (let i = 0; i < pairs.length; i++) {
      flat[2 * i] = pairs[i][0];
      flat[2 * i + 1] = pairs[i][1];
    }
    delete keyword.occurrences;
    keyword.occurrencesPacked = flat;
  }
  return report;
}

/** The buffers of a result that can be moved to the page instead of copied. */
function transferables(value) {
  return Array.isArray(value?.keywords)
    ? value.keywords.map((k) => k.occurrencesPacked?.buffer).filter(Boolean)
    : [];
}

// Handle messages strictly in order, even the ones that arrive before start-up is done.
let queue = Promise.resolve();

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data.type !== 'string') return;
  const id = data.id ?? null;
  queue = queue.then(async () => {
    let analyzer;
    try {
      ({ analyzer } = await ready);
    } catch (error) {
      self.postMessage({ type: 'error', id, ...describe(error, 'init_failed') });
      return;
    }
    try {
      const t0 = performance.now();
      const value = run(analyzer, data);
      self.postMessage({ type: 'result', id, value, ms: performance.now() - t0 }, transferables(value));
    } catch (error) {
      self.postMessage({ type: 'error', id, ...describe(error, 'internal') });
    }
  });
});

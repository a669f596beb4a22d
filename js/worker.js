// The worker behind `createAnalyzer()` (index.js starts it; node.js runs it in a worker thread).
// The analysis is synchronous wasm, so it runs here, off the host page's main thread.
//
// Protocol (plain objects; index.js is the other side; the same as the page's www/worker.js
// plus an 'init' message that says where the wasm is):
//   host → worker  {type: 'init', wasmUrl}                       first, exactly once
//                  {type: 'analyze', id, text, options}
//                  {type: 'tokenize', id, text, options}
//                  {type: 'addWords' | 'removeWords', id, words}
//                  {type: 'convert', id, text, to}
//                  {type: 'builtinStopwords', id}
//   worker → host  {type: 'ready', version}
//                  {type: 'progress', id, stage, fraction}       while 'analyze' runs, ≤ 1 per 50 ms
//                  {type: 'result', id, value}
//                  {type: 'error', id, kind, message}            id null: start-up failed
//
// Messages are handled strictly in order (words added before an analysis are in the dictionary
// when it runs). Cancelling is the host's business: it terminates this worker.

// A static import: bundlers (Vite's default worker format among them) can then build the worker
// as one file. A module that fails to load fails the worker itself, which the host sees as an
// `error` event and reports as kind 'worker_failed'.
import init, { Analyzer, maxInputLength, version } from './wenxi.js';

/**
 * `data.text` as a string, refused before it is copied into wasm memory when it is longer than
 * the analyzer takes: a 50 MB paste would otherwise grow the wasm memory by 150 MB (UTF-8)
 * just to be turned down, and wasm memory never shrinks.
 */
function textOf(data) {
  const text = String(data.text ?? '');
  const max = maxInputLength();
  if (text.length > max) {
    throw Object.assign(new Error(`The text is ${text.length} UTF-16 code units long; the limit is ${max}.`), {
      kind: 'input_too_large',
    });
  }
  return text;
}

/** Progress messages at most this often (ms): each one wakes the host's main thread. */
const PROGRESS_INTERVAL = 50;

let ready = null;

/**
 * Instantiate the wasm (a plain GET of `wasmUrl`, compiled while it streams, cacheable like any
 * file) and build the dictionary once.
 */
async function start(wasmUrl) {
  await init(wasmUrl ? { module_or_path: wasmUrl } : undefined);
  return { analyzer: new Analyzer(), version: version() };
}

/** A JS Error from the wasm carries a stable `kind`; anything else gets `fallbackKind`. */
function describe(error, fallbackKind) {
  const kind = typeof error?.kind === 'string' ? error.kind : fallbackKind;
  const message = error instanceof Error ? error.message : String(error);
  return { kind, message };
}

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
      return analyzer.analyze(textOf(data), data.options ?? {}, onProgress);
    }
    case 'tokenize':
      return analyzer.tokenize(textOf(data), data.options ?? {});
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

let queue = Promise.resolve();

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data.type !== 'string') return;
  if (data.type === 'init') {
    if (ready) return;
    ready = start(data.wasmUrl);
    ready.then(
      ({ version }) => self.postMessage({ type: 'ready', version }),
      (error) => self.postMessage({ type: 'error', id: null, ...describe(error, 'init_failed') }),
    );
    return;
  }
  const id = data.id ?? null;
  queue = queue.then(async () => {
    let analyzer;
    try {
      if (!ready) throw Object.assign(new Error('no init message before the first request'), { kind: 'init_failed' });
      ({ analyzer } = await ready);
    } catch (error) {
      self.postMessage({ type: 'error', id, ...describe(error, 'init_failed') });
      return;
    }
    try {
      self.postMessage({ type: 'result', id, value: run(analyzer, data) });
    } catch (error) {
      self.postMessage({ type: 'error', id, ...describe(error, 'internal') });
    }
  });
});

// What the package loads besides its own code, each only when first needed: the analyzer's
// module Web Worker (worker.js) and the data tables the wasm leaves out so that a page
// downloads them only for the features that use them (OpenCC's phrase table for conversion to
// traditional script, the HSK word lists for the vocabulary profile). index.js re-exports
// them; they are here so that the client (WorkerAnalyzer) stays a module of its own size.

/**
 * OpenCC's simplified→traditional phrase table (`STPhrases.txt`, Apache-2.0), from the module
 * beside this file, imported on first use: what the synchronous `Analyzer` needs handed over
 * (`analyzer.loadTraditionalPhrases(await traditionalPhrases())`) before it converts to
 * traditional script. The worker API loads it itself.
 */
export async function traditionalPhrases() {
  return (await import('./st-phrases.js')).default;
}

/**
 * The HSK 3.0 word lists (`word<TAB>level` a line; from complete-hsk-vocabulary, MIT, see
 * LICENSE-HSK), from the module beside this file, imported on first use: what the
 * synchronous `Analyzer` needs handed over (`analyzer.loadLevels(await hskLevels())`) before
 * its `levels` profile. The worker API loads them itself.
 */
export async function hskLevels() {
  return (await import('./hsk-levels.js')).default;
}

/**
 * A module Web Worker running worker.js, in the `{post, terminate, onMessage, onError}` shape
 * WorkerAnalyzer drives. Events that come before a handler is attached are kept and handed to
 * it, so a page may start the worker early (while its own modules load) and attach later.
 * `url`: where worker.js is (default beside this file; it must be same-origin).
 */
export function webWorker(url = null) {
  // Written out literally, so that bundlers (Vite, webpack 5) see the worker and bundle it with
  // its imports; a URL held in a variable would be copied alone, without wenxi.js.
  const worker = url
    ? new Worker(url, { type: 'module', name: 'wenxi' })
    : new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'wenxi' });
  const early = { message: [], error: [] };
  const handlers = { message: null, error: null };
  const deliver = (type, value) => (handlers[type] ? handlers[type](value) : early[type].push(value));
  worker.addEventListener('message', (event) => deliver('message', event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    deliver('error', event.message || 'the worker script did not load');
  });
  const attach = (type) => (handler) => {
    handlers[type] = handler;
    for (const value of early[type].splice(0)) handler(value);
  };
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    terminate: () => worker.terminate(),
    onMessage: attach('message'),
    onError: attach('error'),
  };
}

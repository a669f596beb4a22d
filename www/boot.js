// Starts the analysis worker as the page begins to load, before app.js and its views have
// been fetched: building the analyzer (fetching and compiling the wasm, loading the
// dictionary) is most of the wait before the page can analyse, and it runs in parallel with
// everything else this way. index.html loads this file as an async module, first.
//
// The worker is the package's own (pkg/worker.js, through pkg/index.js's `webWorker`, which
// keeps the worker's messages until app.js's client attaches to it).

import { webWorker } from './pkg/index.js';

let worker = webWorker();
// Start loading the wasm now; the client's own 'init' later is answered with 'ready' as well.
worker.post({ type: 'init' });

/** The worker started at load, once; null after the first call (a restart makes its own). */
export function takeWorker() {
  const taken = worker;
  worker = null;
  return taken;
}

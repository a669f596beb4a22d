// Starts the analysis worker as the page begins to load, before app.js and its views have
// been fetched: building the analyzer (fetching and compiling the wasm, loading the
// dictionary) is most of the wait before the page can analyse, and it runs in parallel with
// everything else this way. index.html loads this file as an async module, first.
//
// Messages the worker sends before app.js takes it over are kept and handed over with it.

let worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'wenxi' });
const early = [];
const keep = (event) => early.push(event);
worker.addEventListener('message', keep);
worker.addEventListener('error', keep);

/**
 * The worker started at load and the events it sent so far (message and error events, in
 * order), once; null after the first call, so a restarted engine makes its own worker.
 */
export function takeWorker() {
  if (!worker) return null;
  worker.removeEventListener('message', keep);
  worker.removeEventListener('error', keep);
  const taken = { worker, early: early.splice(0) };
  worker = null;
  return taken;
}

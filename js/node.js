// Wenxi's Node entry (package.json `exports["."].node`): the same API as index.js, with the
// wasm read from disk instead of fetched, and `createAnalyzer` in a worker thread.
//
//   import { Analyzer } from 'wenxi';
//   const report = new Analyzer().analyze(text, { topN: 10 });   // loads the wasm on first use
//
//   import { createAnalyzer } from 'wenxi';                       // off the main thread
//   const wenxi = await createAnalyzer();
//   const report = await wenxi.analyze(text, { topN: 10 }, { signal, onProgress });
//   wenxi.terminate();                                            // or the process stays alive
//
// When this file runs as that worker thread (workerData.wenxiWorker), it becomes the worker:
// the same Rust loop as in the browser's worker.js (`serve`, src/wasm/worker.rs) answers on
// the thread's parentPort, so the package needs no Node-only worker script.

import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Analyzer as RawAnalyzer, initSync, maxInputLength, serve, version as rawVersion } from './wenxi.js';
import { ERROR_KINDS, hskLevels, PARALLEL_MIN_PART_LENGTH, traditionalPhrases, WorkerAnalyzer } from './index.js';

export { ERROR_KINDS, hskLevels, initSync, maxInputLength, PARALLEL_MIN_PART_LENGTH, traditionalPhrases, WorkerAnalyzer };

const WASM = new URL('./wenxi_bg.wasm', import.meta.url);

/**
 * Instantiate the wasm from disk, once (about 0.1–0.3 s); later calls do nothing.
 * `new Analyzer()` and `version()` call it themselves.
 */
export function load() {
  initSync({ module: readFileSync(WASM) });
}

/** The browser's `await init()`, for code written for both: here it reads the wasm from disk. */
export async function init() {
  load();
}

/** The synchronous analyzer (see wenxi.d.ts); constructing one loads the wasm if needed. */
export class Analyzer extends RawAnalyzer {
  constructor() {
    load();
    super();
  }
}

/** The crate version; loads the wasm if needed. */
export function version() {
  load();
  return rawVersion();
}

/** A worker thread running this file, in the shape WorkerAnalyzer drives. */
function threadWorker(url) {
  // An idle analyzer does not keep the process alive (unref once ready); start-up and a call in
  // flight do (ref).
  const worker = new Worker(url, { workerData: { wenxiWorker: true } });
  let busy = 0;
  return {
    post: (message, transfer = []) => {
      if (message.id && busy++ === 0) worker.ref();
      worker.postMessage(message, transfer);
    },
    terminate: () => void worker.terminate(),
    onMessage: (handler) =>
      worker.on('message', (data) => {
        if (data?.type === 'ready' && busy === 0) worker.unref();
        if ((data?.type === 'result' || data?.type === 'error') && data.id && --busy === 0) worker.unref();
        handler(data);
      }),
    onError: (handler) => worker.on('error', (error) => handler(error?.message ?? String(error))),
  };
}

/**
 * Start an analyzer in a worker thread; resolves once it is ready. Options as in the browser:
 * `workerUrl` (a module that runs the worker, default this file) and `wasmUrl` are accepted
 * for symmetry; the wasm is always read from the package's own folder. `workers`: how many
 * worker threads analyse one long text at once (default 1).
 */
export async function createAnalyzer(options = {}) {
  const workerUrl = options.workerUrl ?? new URL(import.meta.url);
  const analyzer = new WorkerAnalyzer(() => threadWorker(workerUrl), null, { workers: options.workers ?? 1 });
  await analyzer.start();
  return analyzer;
}

if (!isMainThread && workerData?.wenxiWorker) {
  // parentPort is a MessagePort (an EventTarget with postMessage and a transfer list), the
  // shape the loop takes; messages the client sent before now wait in the port.
  try {
    load();
    serve(parentPort, []);
  } catch (error) {
    parentPort.postMessage({ type: 'error', id: null, kind: 'init_failed', message: error?.message ?? String(error) });
  }
}

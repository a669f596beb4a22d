// The engine's worker: loads the wasm when the first 'init' message says where it is, then
// hands every request to the Rust loop (`serve`, src/wasm/worker.rs), which answers them. The
// protocol is in protocol.js. The page, `createAnalyzer` and the component all run this file;
// in Node, node.js runs the same loop in a worker thread.
//
// A static import: bundlers (Vite's default worker format among them) then build the worker as
// one file. A module that fails to load fails the worker itself, which the client sees as an
// `error` event and reports as kind 'worker_failed'.
import init, { serve } from './wenxi.js';

/** Requests that arrive while the wasm loads; the Rust loop answers them first, in order. */
const early = [];
/** The start-up's failure, told again to every later 'init' (a client may attach late). */
let failed = null;
let starting = false;

function onMessage(event) {
  const data = event.data;
  if (data?.type !== 'init') {
    if (failed && data?.id != null) self.postMessage({ type: 'error', id: data.id, ...failed });
    else if (!failed) early.push(data);
    return;
  }
  if (failed) self.postMessage({ type: 'error', id: null, ...failed });
  else if (!starting) start(data.wasmUrl);
  // An 'init' that arrives while the wasm loads is answered by the loop's 'ready'.
}

async function start(wasmUrl) {
  starting = true;
  try {
    // A plain GET of the wasm, compiled while it streams and cached like any file.
    const wasm = await init(wasmUrl ? { module_or_path: wasmUrl } : undefined);
    // For tests and for anyone chasing memory: the wasm memory's size now, in bytes (it grows
    // and never shrinks; the page's tests check that repeated analyses do not grow it).
    self.wenxiMemoryBytes = () => wasm.memory.buffer.byteLength;
    self.removeEventListener('message', onMessage);
    serve(undefined, early.splice(0));
  } catch (error) {
    // Without the module nothing can answer: every request gets this error.
    failed = { kind: 'init_failed', message: error instanceof Error ? error.message : String(error) };
    self.postMessage({ type: 'error', id: null, ...failed });
    for (const data of early.splice(0)) {
      if (data?.id != null) self.postMessage({ type: 'error', id: data.id, ...failed });
    }
  }
}

self.addEventListener('message', onMessage);

// The page's side of worker.js: one analysis worker, requests as promises, and Cancel.
//
//   const engine = new Engine({ onReady, onFailed, onRestart });
//   const { value: report, ms } = await engine.request('analyze', { text, options }, onProgress);
//   engine.cancel();   // terminates the worker (and every request waiting on it), starts anew
//
// Cancelling a synchronous wasm call is only possible by terminating its worker. A new worker
// has a fresh dictionary, so `setup` (given by app.js) runs first in it: it re-applies the
// user's custom words before any other request reaches the new worker.

export class Engine {
  /**
   * @param {object} hooks
   *   onReady(version)       the worker is ready (after every start)
   *   onFailed({kind, message})  start-up failed; nothing will work until a reload
   *   setup(engine)          called on every start, before queued requests; may send requests
   *   takeWorker()           a worker already started ({worker, early events}) or null
   */
  constructor(hooks = {}) {
    this.hooks = hooks;
    this.nextId = 1;
    /** id → {resolve, reject, onProgress} of every request the worker has not answered. */
    this.pending = new Map();
    this.ready = false;
    this.start();
  }

  start() {
    this.ready = false;
    // The first worker may have been started at load (boot.js), with events already sent.
    const taken = this.hooks.takeWorker?.() ?? null;
    const worker = taken?.worker ?? new Worker(new URL('../worker.js', import.meta.url), { type: 'module', name: 'wenxi' });
    this.worker = worker;
    const onMessage = (event) => this.onMessage(worker, event.data ?? {});
    const onError = (event) => {
      // The worker script itself failed to load or threw at top level.
      event.preventDefault?.();
      if (worker !== this.worker) return;
      const error = { kind: 'worker_failed', message: event.message || 'worker error' };
      this.failAll(error);
      this.hooks.onFailed?.(error);
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    this.hooks.setup?.(this);
    for (const event of taken?.early ?? []) (event.type === 'error' ? onError : onMessage)(event);
  }

  onMessage(worker, data) {
    if (worker !== this.worker) return; // a message from a terminated worker
    switch (data.type) {
      case 'ready':
        this.ready = true;
        this.hooks.onReady?.(data.version);
        break;
      case 'progress':
        this.pending.get(data.id)?.onProgress?.({ stage: data.stage, fraction: data.fraction });
        break;
      case 'result': {
        const waiter = this.pending.get(data.id);
        this.pending.delete(data.id);
        waiter?.resolve({ value: unpackOccurrences(data.value), ms: data.ms });
        break;
      }
      case 'error': {
        if (data.id === null || data.id === undefined) {
          this.failAll(data);
          this.hooks.onFailed?.(data);
          break;
        }
        const waiter = this.pending.get(data.id);
        this.pending.delete(data.id);
        waiter?.reject(data);
        // A wasm trap leaves the module unusable; a fresh worker gets a fresh instance.
        if (data.kind === 'internal') this.restart(data);
        break;
      }
    }
  }

  /** Send `{type, ...payload}`; resolves to {value, ms}, rejects with {kind, message}. */
  request(type, payload = {}, onProgress = null) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage({ type, id, ...payload });
    });
  }

  failAll(error) {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  /** Terminate the worker: every waiting request rejects with kind 'cancelled'. Starts anew. */
  cancel() {
    this.restart({ kind: 'cancelled', message: 'cancelled' });
  }

  /** A new worker; requests still waiting on the old one reject with `reason`. */
  restart(reason) {
    this.worker.terminate();
    this.failAll(reason);
    this.start();
  }
}

/**
 * The report as the analyzer gives it again: worker.js sends each keyword's occurrences as a
 * flat Uint32Array (`occurrencesPacked`); `keyword.occurrences` turns it back into
 * [[start, end], …] the first time it is read (views read the selected keyword's only), and is
 * an ordinary enumerable property after that, so JSON exports see the usual shape.
 */
export function unpackOccurrences(report) {
  if (!Array.isArray(report?.keywords)) return report;
  for (const keyword of report.keywords) {
    const flat = keyword.occurrencesPacked;
    if (!(flat instanceof Uint32Array)) continue;
    delete keyword.occurrencesPacked;
    Object.defineProperty(keyword, 'occurrences', {
      configurable: true,
      enumerable: true,
      get() {
        const pairs = [];
        for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
        Object.defineProperty(keyword, 'occurrences', { value: pairs, enumerable: true, writable: true, configurable: true });
        return pairs;
      },
    });
  }
  return report;
}

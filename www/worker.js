// The analysis runs here, off the page's main thread, so typing and scrolling stay smooth
// while jieba builds its dictionary (~0.3–1 s) and while a long text is analysed.
//
// Protocol (every message is a plain object):
//   worker → page  {type: 'ready', version}
//                  {type: 'result', id, report, ms}
//                  {type: 'error', id, kind, message}     id is null when start-up failed
//   page → worker  {type: 'analyze', id, text, options}
//
// The worker never throws out of a handler: every failure becomes an 'error' message, so one
// bad input cannot leave the page waiting for an answer that never comes.

/** Start-up: load the module, instantiate the wasm, build the dictionary once. */
const ready = (async () => {
  // A dynamic import, so that a missing build (www/pkg/ not there yet) is reported to the page
  // as a message instead of killing the worker before it can say anything.
  const { default: init, Analyzer, version } = await import('./pkg/wenxi.js');
  await init();
  return { analyzer: new Analyzer(), version: version() };
})();

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

self.addEventListener('message', async (event) => {
  const data = event.data;
  if (!data || data.type !== 'analyze') return;
  const id = data.id ?? null;
  let analyzer;
  try {
    ({ analyzer } = await ready);
  } catch (error) {
    self.postMessage({ type: 'error', id, ...describe(error, 'init_failed') });
    return;
  }
  try {
    const t0 = performance.now();
    const report = analyzer.analyze(String(data.text ?? ''), data.options ?? {});
    const ms = performance.now() - t0;
    self.postMessage({ type: 'result', id, report, ms });
  } catch (error) {
    self.postMessage({ type: 'error', id, ...describe(error, 'internal') });
  }
});

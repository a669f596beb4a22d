// What a person waits for (issue 16): in the real page (www/), from the Analyze click to the
// first keyword row in the table, and to the last view drawn; and the worker API an embedder
// uses (`new Wenxi()` from js/index.js, `analyze` resolving with the report), beside the
// synchronous Analyzer that scripts/bench/page.js times. Used by scripts/bench.mjs.
//
// "Last view drawn" is the last change to the results' DOM before it has been still for
// QUIET_MS: every view draws in its own task after the report arrives, and the views of the
// queries (dispersion, collocates, …) draw again once the worker answers them, so no single
// element's state says the page is done; a page that is still drawing keeps changing its DOM.

const QUIET_MS = 1500;

/**
 * The real page in `page`, once its engine is ready, with `text` in its text box as if pasted
 * (and a moment for the page to take it in): the state in which a reader clicks Analyze.
 */
export async function openWithText(page, origin, text) {
  await page.goto(`${origin}/www/`);
  await page.waitForFunction(() => !document.querySelector('[data-testid="analyze-button"]').disabled, null, {
    timeout: 60_000,
  });
  // The helper workers that take a long text's parts start after the engine; a reader pasting
  // a long text gives them the time they take.
  await page.waitForFunction(() => document.documentElement.dataset.engineWorkers, null, { timeout: 60_000 });
  await page.evaluate((text) => {
    const area = document.querySelector('[data-testid="text-input"]');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.waitForTimeout(500);
}

/**
 * Median times of `runs` analyses of each text in the real page, each in a fresh page whose
 * engine is ready before the click: `{ [name]: { firstRowMs, lastViewMs, runs } }`.
 */
export async function pageEndToEnd({ freshPage, origin, texts, runs, median }) {
  const out = {};
  for (const [name, text] of Object.entries(texts)) {
    const first = [];
    const last = [];
    for (let i = 0; i < runs; i++) {
      const { context, page, errors } = await freshPage();
      await openWithText(page, origin, text);
      const r = await page.evaluate(
        ({ quietMs }) =>
          new Promise((resolve, reject) => {
            const results = document.querySelector('[data-testid="results"]');
            const before = Number(results.dataset.analysis ?? 0);
            let firstRow = null;
            let lastChange = null;
            const observer = new MutationObserver(() => {
              const now = performance.now();
              lastChange = now;
              if (
                firstRow === null &&
                Number(results.dataset.analysis ?? 0) > before &&
                document.querySelector('[data-testid="keywords-table"] tbody tr[data-key]')
              ) {
                firstRow = now;
              }
            });
            observer.observe(results, { subtree: true, childList: true, attributes: true, characterData: true });
            const t0 = performance.now();
            document.querySelector('[data-testid="analyze-button"]').click();
            const deadline = t0 + 300_000;
            const check = () => {
              const now = performance.now();
              const textReady = document.querySelector('#view-text')?.dataset.state === 'ready';
              if (firstRow !== null && textReady && now - lastChange >= quietMs) {
                observer.disconnect();
                resolve({ firstRowMs: firstRow - t0, lastViewMs: lastChange - t0 });
              } else if (now > deadline) {
                observer.disconnect();
                reject(new Error('the page did not finish drawing in 300 s'));
              } else {
                setTimeout(check, 50);
              }
            };
            setTimeout(check, 50);
          }),
        { quietMs: QUIET_MS },
      );
      if (errors.length > 0) throw new Error(`the page logged errors: ${errors.join('; ')}`);
      first.push(r.firstRowMs);
      last.push(r.lastViewMs);
      await context.close();
    }
    out[name] = { firstRowMs: median(first), lastViewMs: median(last), runs: first.map((f, i) => [f, last[i]]) };
  }
  return out;
}

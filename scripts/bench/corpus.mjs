// The corpus section of the benchmark (issue 15): 500 generated documents, 50 MB in all,
// opened as files in the real page's corpus mode and analysed with Analyse corpus, as a
// person would. Run alone with `node scripts/bench.mjs --corpus`, or as part of the full
// benchmark. Measured from the click to the last part of the corpus report drawn:
//   - the time, documents/s and MB/s;
//   - the page's main-thread long tasks (PerformanceObserver 'longtask'): count over 50 ms, longest;
//   - the page's peak JS heap (CDP Performance.getMetrics, polled) and each engine worker's
//     wasm memory (`self.wenxiMemoryBytes()`, which the package's worker defines, polled in
//     every worker; wasm memory never shrinks, so the last reading is the worker's peak);
//   - how many engine workers ran at once.
// And before the click, the long tasks while the page reads and lists the 500 files (same budget;
// the browser's own setting of the files on the input, before its change event, apart).
//
// The documents come from the shared corpus's eight novels (../shared/corpus/running-text/,
// public domain; not part of the project): each is a run of whole paragraphs from one novel,
// from a seeded start, 60–140 KB, with three invented words of its own recurring every few
// paragraphs, so that documents differ in their distinctive terms as real documents do.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_BUDGET = {
  longTaskMs: 50, // main thread, from the click to the report drawn
  workerBytes: 200e6, // wasm memory of each engine worker
};

const DOCUMENTS = 500;
const TOTAL_BYTES = 50e6;
const SEED = 15;

/** mulberry32: a small seeded generator, so the documents are the same on every machine. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Write the documents to `dir` (deterministic: the same files for the same novels); returns
 * their paths and total bytes. Exits through `fail` when the shared corpus is missing.
 */
export function generateCorpus(corpusDir, dir, fail) {
  const novels = [];
  for (const script of ['simplified', 'traditional']) {
    const path = join(corpusDir, script);
    if (!existsSync(path)) fail(`the shared corpus is missing at ${path} (../shared/corpus/ beside the project; see its README): the corpus benchmark needs its novels`);
    for (const f of readdirSync(path).filter((f) => f.endsWith('.txt') && !/LICENSE/i.test(f)).sort()) {
      const paragraphs = readFileSync(join(path, f), 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => /\p{Script=Han}/u.test(l));
      novels.push(paragraphs);
    }
  }
  const rand = random(SEED);
  // Sizes 60–140 KB, scaled so that they add up to TOTAL_BYTES.
  const raw = Array.from({ length: DOCUMENTS }, () => 60 + rand() * 80);
  const scale = TOTAL_BYTES / raw.reduce((a, b) => a + b, 0);
  const han = (n) => Array.from({ length: n }, () => String.fromCodePoint(0x4e00 + Math.floor(rand() * 0x5000))).join('');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths = [];
  let bytes = 0;
  for (let d = 0; d < DOCUMENTS; d++) {
    const novel = novels[Math.floor(rand() * novels.length)];
    const own = [han(2), han(3), han(2)];
    const target = raw[d] * scale;
    const out = [];
    let size = 0;
    let p = Math.floor(rand() * novel.length);
    for (let k = 0; size < target; k++, p = (p + 1) % novel.length) {
      const line = k % 4 === 0 ? `${own[k % 3]}${novel[p]}${own[(k + 1) % 3]}。` : novel[p];
      out.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    const text = out.join('\n') + '\n';
    const path = join(dir, `doc-${String(d + 1).padStart(3, '0')}.txt`);
    writeFileSync(path, text);
    paths.push(path);
    bytes += Buffer.byteLength(text);
  }
  return { paths, bytes };
}

/**
 * Open the page at `origin`/www/ in a fresh context of `browser`, add the documents as files,
 * press Analyse corpus and measure. Returns the figures (see the file's opening comment).
 */
export async function corpusBench({ browser, origin, paths, bytes, fail }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.goto(`${origin}/www/`);
    await page.waitForFunction(() => !document.querySelector('[data-testid="analyze-button"]').disabled, null, { timeout: 60_000 });
    await page.getByTestId('mode-corpus').click();
    // Long tasks while the files are read and listed, too (the list is drawn before the click).
    // The browser's own setting of 500 files on the input (Playwright's setInputFiles) is one
    // long task on the page's thread before the input's change event, even on a blank page
    // with no script: the page's share starts at that event.
    await page.evaluate(() => {
      window.__addTasks = [];
      window.__addObserver = new PerformanceObserver((list) => window.__addTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration])));
      window.__addObserver.observe({ type: 'longtask' });
      const input = document.querySelector('[data-testid="corpus-file-input"]');
      input.addEventListener('change', () => (window.__changeAt ??= performance.now()), { capture: true });
    });
    const readStart = Date.now();
    const addT0 = await page.evaluate(() => performance.now());
    await page.getByTestId('corpus-file-input').setInputFiles(paths);
    // The list draws only its rows in view; each row tells the list's size (aria-setsize).
    await page.waitForFunction((n) => document.querySelector('[data-testid="corpus-doc"]')?.getAttribute('aria-setsize') === String(n), paths.length, { timeout: 180_000 });
    const readMs = Date.now() - readStart;
    await page.waitForTimeout(1000);
    const { addTasks, changeAt } = await page.evaluate((t0) => {
      window.__addObserver.disconnect();
      return { addTasks: window.__addTasks.map(([start, d]) => [start - t0, d]), changeAt: window.__changeAt - t0 };
    }, addT0);
    // [start, duration] of the page's work: from the change event on (a task that holds the
    // event counts from it); the tasks that ended before it were the browser's.
    const pageAddTasks = addTasks.filter(([start, d]) => start + d > changeAt).map(([start, d]) => (start < changeAt ? [changeAt, start + d - changeAt] : [start, d]));
    const inputTasks = addTasks.filter(([start]) => start < changeAt).map(([start, d]) => [start, Math.min(d, changeAt - start)]);

    // The page's heap through CDP (no work on the page's thread), the workers' wasm memory
    // through Playwright's worker handles, both polled until the report is drawn.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapNow = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    const heapBefore = await heapNow();
    let heapPeak = heapBefore;
    const workers = new Map(); // Worker → {bytes, busy}
    let concurrent = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        heapPeak = Math.max(heapPeak, await heapNow().catch(() => 0));
        const live = page.workers();
        let engines = 0;
        for (const w of live) {
          const seen = workers.get(w) ?? { bytes: 0, busy: false, engine: false };
          workers.set(w, seen);
          if (seen.engine) engines++;
          if (seen.busy) continue;
          seen.busy = true;
          // Resolves when the worker is between messages (a document's analysis is one task).
          w.evaluate(() => (typeof self.wenxiMemoryBytes === 'function' ? self.wenxiMemoryBytes() : null))
            .then((b) => {
              if (b !== null) {
                seen.engine = true;
                seen.bytes = Math.max(seen.bytes, b);
              }
            })
            .catch(() => {})
            .finally(() => (seen.busy = false));
        }
        concurrent = Math.max(concurrent, engines);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask' });
      const view = document.querySelector('#view-corpus');
      new MutationObserver(() => {
        if (view.dataset.state === 'drawing') window.__reportAt = performance.now();
        if (view.dataset.state === 'ready' && window.__drawnAt === undefined) {
          // The canvas paints in the next frame: count the report drawn after it.
          requestAnimationFrame(() => requestAnimationFrame(() => (window.__drawnAt = performance.now())));
        }
      }).observe(view, { attributes: true, attributeFilter: ['data-state'] });
    });
    const t0 = await page.evaluate(() => (window.__t0 = performance.now()));
    await page.getByTestId('corpus-analyse').click();
    await page.waitForFunction(
      () => window.__drawnAt !== undefined || document.querySelector('[data-testid="corpus-message"]')?.textContent.includes('失败'),
      null,
      { timeout: 900_000, polling: 250 },
    );
    const drawnAt = await page.evaluate(() => window.__drawnAt);
    if (drawnAt === undefined) fail(`the corpus analysis failed: ${await page.getByTestId('corpus-message').textContent()}`);
    await page.waitForTimeout(300);
    polling = false;
    await poll;
    heapPeak = Math.max(heapPeak, await heapNow());
    const { tasks, reportAt } = await page.evaluate(() => ({ tasks: window.__longTasks.map(([start, d]) => [start - window.__t0, d]), reportAt: window.__reportAt - window.__t0 }));
    // Each part of the report's drawing (views/corpus.js measures it), ms.
    const parts = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('wenxi:corpus:')).map((m) => [m.name.slice(13), m.duration])),
    );
    const documents = await page.getByTestId('creport-docs-table').getAttribute('aria-rowcount');
    if (Number(documents) - 1 !== paths.length) fail(`the report has ${Number(documents) - 1} documents, not ${paths.length}`);
    if (errors.length > 0) fail(`the page logged errors: ${errors.join('; ')}`);
    const ms = drawnAt - t0;
    const engines = [...workers.values()].filter((w) => w.engine);
    return {
      documents: paths.length,
      bytes,
      readMs,
      ms,
      docsPerSecond: paths.length / (ms / 1000),
      mbPerSecond: bytes / 1e6 / (ms / 1000),
      partsMs: parts,
      reportMs: reportAt, // the report arrived (and its drawing began)
      // [start after the click, duration], ms
      longTasks: longTasks(tasks),
      // the same while the page read and listed the 500 files (before the click), and the
      // browser's setting of them on the file input before its change event
      addLongTasks: longTasks(pageAddTasks),
      fileInputTasks: longTasks(inputTasks),
      heap: { beforeBytes: heapBefore, peakBytes: heapPeak },
      workers: { concurrent, seen: engines.length, wasmBytes: engines.map((w) => w.bytes).sort((a, b) => b - a) },
    };
  } finally {
    await context.close();
  }
}

/** Long tasks ([start, duration] ms): how many over 50 ms, the longest, each rounded. */
function longTasks(tasks) {
  return { over50: tasks.filter(([, d]) => d > 50).length, count: tasks.length, maxMs: Math.max(0, ...tasks.map(([, d]) => d)), tasks: tasks.map((x) => x.map(Math.round)) };
}

/** The section's markdown table and budget lines. */
export function corpusReport(r, { date, chromium }) {
  const MB = 1e6;
  const f = (x, d = 1) => x.toFixed(d);
  const lines = [
    `Corpus (issue 15) — ${date}, Chromium ${chromium}: ${r.documents} documents, ${f(r.bytes / MB)} MB, opened as files and analysed with Analyse corpus`,
    '',
    '| measure | value |',
    '|---|---:|',
    `| click → report drawn | ${f(r.ms / 1000, 1)} s (the report arrived at ${f(r.reportMs / 1000, 1)} s) |`,
    `| documents/s | ${f(r.docsPerSecond)} |`,
    `| MB/s | ${f(r.mbPerSecond, 2)} |`,
    `| main-thread tasks > 50 ms | ${r.longTasks.over50} |`,
    `| longest main-thread task | ${f(r.longTasks.maxMs, 0)} ms${r.longTasks.tasks.length ? ` (at ${r.longTasks.tasks.map(([t]) => f(t / 1000, 2)).join(', ')} s)` : ''} |`,
    `| peak JS heap of the page | ${f(r.heap.peakBytes / MB)} MB (${f(r.heap.beforeBytes / MB)} MB before the click) |`,
    `| engine workers at once | ${r.workers.concurrent} (${r.workers.seen} seen) |`,
    `| wasm memory per engine worker | ${r.workers.wasmBytes.map((b) => f(b / MB)).join(', ') || 'not reachable'} MB |`,
    `| drawing each part of the report | ${Object.entries(r.partsMs).map(([k, ms]) => `${k} ${f(ms, 0)}`).join(', ')} ms |`,
    `| reading the 500 files (before the click) | ${f(r.readMs / 1000, 1)} s |`,
    `| main-thread tasks > 50 ms while the page reads and lists them | ${r.addLongTasks.over50} (longest ${f(r.addLongTasks.maxMs, 0)} ms; before that, the browser setting the files on the input: longest ${f(r.fileInputTasks.maxMs, 0)} ms) |`,
    '',
  ];
  const checks = [
    { ok: r.longTasks.maxMs <= CORPUS_BUDGET.longTaskMs, text: `corpus of ${r.documents} documents (${f(r.bytes / MB)} MB): longest main-thread task ${f(r.longTasks.maxMs, 0)} ms, ${r.longTasks.over50} over 50 ms (budget ≤ ${CORPUS_BUDGET.longTaskMs} ms)` },
    { ok: r.addLongTasks.maxMs <= CORPUS_BUDGET.longTaskMs, text: `corpus: adding ${r.documents} files, longest main-thread task ${f(r.addLongTasks.maxMs, 0)} ms, ${r.addLongTasks.over50} over 50 ms (budget ≤ ${CORPUS_BUDGET.longTaskMs} ms)` },
    {
      ok: r.workers.wasmBytes.length > 0 && r.workers.wasmBytes.every((b) => b <= CORPUS_BUDGET.workerBytes),
      text: `corpus: wasm memory of the largest engine worker ${r.workers.wasmBytes.length ? f(r.workers.wasmBytes[0] / MB) : '?'} MB (budget ≤ ${CORPUS_BUDGET.workerBytes / MB} MB per worker)`,
    },
  ];
  return { lines, checks };
}

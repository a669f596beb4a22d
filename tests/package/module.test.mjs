// The package imported without a bundler, in Chromium: examples/module.html (served with the
// page's CSP from the repository root, so /pkg/ and /examples/ are both reachable) analyses
// text with createAnalyzer, reports progress, cancels, and never blocks the main thread.
//
//   bash scripts/build.sh && node --test tests/package/
//
// Uses the system Chromium (/usr/bin/chromium, or $CHROMIUM) through playwright-core.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';
import { CSP, serve } from '../../scripts/serve.mjs';
import { REPO, assertPackaged } from './helpers.mjs';

const NOVEL = '/work/shared/corpus/running-text/simplified/红楼梦.txt';
const TWO_MB = 2 * 1024 * 1024;

let server;
let browser;

before(async () => {
  assertPackaged();
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  server = await serve({ root: REPO, port: 0 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Open the example; record console errors and every request (the workers' too). */
async function openExample() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(`console: ${msg.text()}`));
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  context.on('request', (req) => requests.push(req.url()));
  const response = await page.goto(`${server.url}examples/module.html`);
  await page.waitForFunction(() => !document.getElementById('analyze').disabled, null, { timeout: 30_000 });
  return { context, page, errors, requests, response };
}

function assertSameOrigin(requests) {
  const origin = new URL(server.url).origin;
  assert.deepEqual(requests.filter((url) => !url.startsWith(`${origin}/`)), [], 'every request goes to the page’s own origin');
}

const keywords = (page) => page.getByTestId('keywords').locator('li').allTextContents();

test('module.html analyses with createAnalyzer, cancels, and analyses again', { timeout: 120_000 }, async () => {
  const { context, page, errors, requests, response } = await openExample();
  try {
    assert.equal(response.headers()['content-security-policy'], CSP);
    assert.match(await page.getByTestId('status').textContent(), /^Ready \(Wenxi \d+\.\d+\.\d+\)$/);

    // The example's own text: 发展 3, 推动 2, 绿色 2 (ties by code point: 推 before 绿).
    await page.getByTestId('analyze').click();
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Done'));
    assert.deepEqual((await keywords(page)).slice(0, 3), ['发展 3', '推动 2', '绿色 2']);

    // A long text, cancelled once progress shows: the call rejects with AbortError.
    await page.evaluate(() => {
      document.getElementById('text').value = '推动长江经济带发展，坚持生态优先、绿色发展。\n'.repeat(60_000);
    });
    await page.getByTestId('analyze').click();
    await page.waitForFunction(() => document.getElementById('progress').value > 0, null, { timeout: 30_000 });
    await page.getByTestId('cancel').click();
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Cancelled');

    // The next analysis runs in a fresh worker.
    await page.getByTestId('text').fill('会议强调，要推动改革。推动改革，推动发展。');
    await page.getByTestId('analyze').click();
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Done'));
    assert.equal((await keywords(page))[0], '推动 3');

    assert.ok(requests.some((url) => url.endsWith('/pkg/wenxi_bg.wasm')), 'the wasm comes from the package');
    assertSameOrigin(requests);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('createAnalyzer API: progress events and callback, AbortError, kinds, then it works again', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openExample();
  try {
    const result = await page.evaluate(async () => {
      const { createAnalyzer } = await import('/pkg/index.js');
      const wenxi = await createAnalyzer();
      const events = [];
      const callbacks = [];
      const first = [];
      wenxi.addEventListener('progress', (e) => events.push(e.detail));
      const text = '推动长江经济带发展，推动绿色发展，推动改革。\n'.repeat(40_000);
      await wenxi.analyze(text, { topN: 5 }, { onProgress: (p) => callbacks.push(p) });
      events.splice(0, Infinity).forEach((e) => first.push(e));

      // Added before the abort: the fresh worker must replay it.
      await wenxi.addWords(['长江经济带发展']);
      const controller = new AbortController();
      const running = wenxi.analyze(text, {}, { signal: controller.signal });
      setTimeout(() => controller.abort(), 30);
      const aborted = await running.then(
        () => 'resolved',
        (e) => `${e instanceof DOMException} ${e.name}`,
      );
      const early = await wenxi.analyze('x', {}, { signal: AbortSignal.abort() }).catch((e) => e.name);
      const kind = await wenxi.analyze('文本', { nope: 1 }).catch((e) => `${e instanceof Error} ${e.kind}`);
      const again = await wenxi.analyze('推动长江经济带发展，推动改革。', { topN: 3 });
      wenxi.terminate();
      return {
        events: first.length,
        sameAsCallbacks: JSON.stringify(first) === JSON.stringify(callbacks),
        last: first.at(-1),
        increasing: first.every((e, i) => i === 0 || e.fraction >= first[i - 1].fraction),
        aborted,
        early,
        kind,
        again: again.keywords.map((k) => k.word),
      };
    });
    assert.ok(result.events >= 2, `progress events arrive (${result.events})`);
    assert.ok(result.sameAsCallbacks, 'the onProgress callback sees the same progress as the events');
    assert.deepEqual({ ...result.last, ms: typeof result.last.ms }, { stage: 'done', fraction: 1, ms: 'number' });
    assert.ok(result.increasing, 'fractions never go back');
    assert.equal(result.aborted, 'true AbortError');
    assert.equal(result.early, 'AbortError', 'an already-aborted signal rejects at once');
    assert.equal(result.kind, 'true invalid_options', 'the analyzer’s error kind is kept');
    assert.deepEqual(result.again, ['推动', '改革', '长江经济带发展'], 'words added before an abort are in the fresh worker');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('no long task over 50 ms on the main thread while a 2 MB novel is analysed', { timeout: 180_000 }, async () => {
  assert.ok(existsSync(NOVEL), `${NOVEL} is missing: the 2 MB test text comes from the shared corpus`);
  const text = readFileSync(NOVEL).subarray(0, TWO_MB).toString('utf8').replace(/\uFFFD+$/, '');
  const { context, page, errors, requests } = await openExample();
  try {
    await page.evaluate((t) => (window.wenxiText = t), text);
    const result = await page.evaluate(async () => {
      const { createAnalyzer } = await import('/pkg/index.js');
      const wenxi = await createAnalyzer();
      const longTasks = [];
      new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask' });
      const t0 = performance.now();
      // Start in a task of its own, so the tasks counted are the analysis's alone.
      await new Promise((resolve) => setTimeout(resolve, 0));
      let progress = 0;
      // A small report (no tokens, top 50), so the transfer back stays small.
      const report = await wenxi.analyze(window.wenxiText, { topN: 50 }, { onProgress: () => progress++ });
      const ms = performance.now() - t0;
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the observer deliver
      wenxi.terminate();
      return {
        ms,
        progress,
        top: report.keywords[0].word,
        keywords: report.keywords.length,
        utf16: report.stats.utf16Length,
        longTasks: longTasks.filter((e) => e.startTime >= t0).map((e) => Math.round(e.duration)),
      };
    });
    console.log(`2 MB analysis: ${Math.round(result.ms)} ms, ${result.progress} progress calls, long tasks ${JSON.stringify(result.longTasks)}`);
    assert.equal(result.utf16, text.length);
    assert.equal(result.keywords, 50);
    assert.equal(result.top, '宝玉');
    assert.ok(result.progress >= 2, 'progress arrives during the analysis');
    assert.deepEqual(result.longTasks, [], 'no main-thread task over 50 ms during the analysis');
    assertSameOrigin(requests);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

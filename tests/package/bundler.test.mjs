// The package through a bundler: Vite builds tests/package/bundler/ (a tiny app that does
// `import { createAnalyzer } from 'wenxi'`) with `wenxi` resolved the way a user gets it, from
// node_modules through the package's `exports` (node_modules/wenxi is a link to pkg/). The build
// must emit the worker as a chunk of its own (bundled with its imports) and the wasm once, as a
// file; the built app, served with the page's strict CSP, must analyse in Chromium.
//
//   bash scripts/build.sh && node --test tests/package/bundler.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';
import { CSP, serve } from '../../scripts/serve.mjs';
import { PKG, REPO, assertPackaged } from './helpers.mjs';

const APP = join(REPO, 'tests/package/bundler');

let browser;
const temps = [];

before(async () => {
  assertPackaged();
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/**
 * Copy the app to a temporary folder with node_modules/wenxi → pkg/, build it with Vite
 * (no config file; `config` is what a user's vite.config would add) and list what came out.
 */
async function buildApp(config = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wenxi-vite-'));
  temps.push(dir);
  const root = join(dir, 'app');
  cpSync(APP, root, { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(PKG, join(root, 'node_modules/wenxi'), 'dir');
  const outDir = join(dir, 'dist');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    ...config,
  });
  const assets = readdirSync(join(outDir, 'assets'));
  return { outDir, assets, read: (name) => readFileSync(join(outDir, 'assets', name), 'utf8') };
}

/** The build's shape: an entry chunk, a worker chunk it starts, the wasm once as a file. */
function assertOutput({ assets, read, outDir }) {
  const wasm = assets.filter((name) => name.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `exactly one .wasm asset (${assets.join(', ')})`);
  assert.equal(statSync(join(outDir, 'assets', wasm[0])).size, statSync(`${PKG}wenxi_bg.wasm`).size, 'the wasm is copied as it is');

  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const entry = html.match(/src="\/assets\/([^"]+\.js)"/)?.[1];
  assert.ok(entry, 'index.html loads an entry chunk');
  const main = read(entry);
  const workers = [...main.matchAll(/new Worker\(new URL\("\/assets\/([^"]+\.js)",import\.meta\.url\)/g)].map((m) => m[1]);
  assert.equal(workers.length, 1, 'the entry starts one bundled worker (not a data: URL, not a bare copy)');
  const [worker] = workers;
  assert.notEqual(worker, entry, 'the worker is a chunk of its own');
  assert.ok(assets.includes(worker), `${worker} is emitted`);
  assert.ok(!main.includes('data:text/javascript'), 'the worker is not inlined as a data: URL (CSP worker-src forbids it)');
  // Bundled with its imports: no import of the package's own file names is left in it.
  assert.doesNotMatch(read(worker), /["']\.\/wenxi\.js["']/, 'the worker’s import of wenxi.js was bundled');
  assert.ok(main.includes(`/assets/${wasm[0]}`), 'the entry passes the emitted wasm’s URL to the worker');
  return { wasm: wasm[0], worker };
}

/** Serve the build with the page's CSP, open it, wait for the top keyword. */
async function runApp({ outDir }, { wasm, worker }) {
  const server = await serve({ root: outDir, port: 0 });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    const requests = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(`console: ${msg.text()}`));
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    context.on('request', (req) => requests.push(req.url()));
    context.on('response', (res) => res.status() >= 400 && errors.push(`HTTP ${res.status()}: ${res.url()}`));
    const response = await page.goto(server.url);
    assert.equal(response.headers()['content-security-policy'], CSP);
    await page.waitForFunction(() => document.getElementById('status').textContent !== 'Loading…', null, { timeout: 30_000 });
    assert.match(await page.getByTestId('status').textContent(), /^Done \(Wenxi \d+\.\d+\.\d+\)$/);
    // 发展 3, 推动 2, 绿色 2 (the example text of examples/module.html).
    assert.equal(await page.getByTestId('top').textContent(), '发展');

    const origin = new URL(server.url).origin;
    assert.deepEqual(requests.filter((url) => !url.startsWith(`${origin}/`)), [], 'every request goes to the page’s own origin');
    assert.ok(requests.includes(`${origin}/assets/${worker}`), 'the worker chunk is loaded');
    assert.ok(requests.includes(`${origin}/assets/${wasm}`), 'the wasm asset is fetched');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
    await server.close();
  }
}

// What Vite users get with no configuration (`worker.format` 'iife'): it works because
// js/worker.js imports wenxi.js statically, so the worker builds as one file.
test('Vite, default config: the app builds and analyses under the strict CSP', {
  timeout: 120_000,
}, async () => {
  const built = await buildApp();
  await runApp(built, assertOutput(built));
});

test('Vite with worker.format "es": the app builds and analyses under the strict CSP', { timeout: 120_000 }, async () => {
  const built = await buildApp({ worker: { format: 'es' } });
  await runApp(built, assertOutput(built));
});

test('without a bundler, the workerUrl override still starts that worker', { timeout: 60_000 }, async () => {
  const server = await serve({ root: REPO, port: 0 });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const requests = [];
    context.on('request', (req) => requests.push(req.url()));
    await page.goto(`${server.url}examples/module.html`);
    const top = await page.evaluate(async () => {
      const { createAnalyzer } = await import('/pkg/index.js');
      const wenxi = await createAnalyzer({ workerUrl: '/pkg/worker.js?override' });
      const report = await wenxi.analyze('推动改革，推动发展。', { topN: 1 });
      wenxi.terminate();
      return report.keywords[0].word;
    });
    assert.equal(top, '推动');
    assert.ok(requests.includes(`${server.url}pkg/worker.js?override`), 'the worker came from workerUrl');
  } finally {
    await context.close();
    await server.close();
  }
});

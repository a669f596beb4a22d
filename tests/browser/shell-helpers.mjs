// What the shell's browser tests share: the server, the browser, a page that records console
// errors and requests, and the steps a person takes (paste, analyze, wait for the result).
// Not a test file itself (node --test runs *.test.mjs).

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const OUTPUT = `${REPO}test-output/`;
// The folder to serve: www/ unless WENXI_WWW names another (a copy with a different build).
export const ROOT = process.env.WENXI_WWW ?? `${REPO}www/`;

/** Start the server and the browser; returns {server, browser, close}. */
export async function start() {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  assert.ok(existsSync(`${ROOT}/pkg/wenxi.js`), `${ROOT}/pkg/wenxi.js is missing: run \`bash scripts/build.sh\` first`);
  await mkdir(OUTPUT, { recursive: true });
  const server = await serve({ root: ROOT, port: 0 });
  const browser = await launchChromium();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Open the page in a new context (or `context`) and record console errors, uncaught
 * exceptions, dialogs (an injected alert() would open one) and every request, the workers'
 * included. Waits until the analyzer is ready.
 */
/**
 * The shared server and browser for the tests of one file: started before them and closed
 * after them. The returned object gets `server` and `browser` (and `close`) once started.
 */
export function useShell() {
  const env = {};
  before(async () => Object.assign(env, await start()));
  after(() => env.close?.());
  return env;
}

export async function openPage(env, { viewport = { width: 1280, height: 900 }, locale = 'zh-CN', context } = {}) {
  context ??= await env.browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  context.on('request', (req) => requests.push(req.url()));
  const response = await page.goto(env.server.url);
  await waitReady(page);
  return { context, page, errors, requests, response };
}

/** The analyzer has loaded when the Analyze button comes alive. */
export function waitReady(page) {
  return page.waitForFunction(() => !document.querySelector('[data-testid="analyze-button"]').disabled, null, {
    timeout: 30_000,
  });
}

/** How many analyses the page has shown (the results' data-analysis counter). */
export function analysisCount(page) {
  return page.evaluate(() => Number(document.querySelector('[data-testid="results"]').dataset.analysis ?? 0));
}

/**
 * Wait until an analysis after the `previous`th has finished (results shown, not busy), or an
 * error is shown; fails on an error.
 */
export async function waitAnalyzed(page, previous) {
  await page.waitForFunction(
    (previous) => {
      const results = document.querySelector('[data-testid="results"]');
      const error = document.querySelector('[data-testid="error"]');
      const idle = results.getAttribute('aria-busy') === 'false' && document.querySelector('[data-testid="progress"]').hidden;
      return (Number(results.dataset.analysis ?? 0) > previous && idle) || !error.hidden;
    },
    previous,
    { timeout: 60_000 },
  );
  const error = page.getByTestId('error');
  if (await error.isVisible()) assert.fail(`the page shows an error: ${await error.textContent()}`);
}

/** Paste `text` into the textarea (one input event, as a paste gives) and press Analyze. */
export async function pasteAndAnalyze(page, text) {
  const box = page.getByTestId('text-input');
  await box.click();
  await box.press('Control+A');
  await box.press('Delete');
  await page.keyboard.insertText(text);
  const before = await analysisCount(page);
  await page.getByTestId('analyze-button').click();
  await waitAnalyzed(page, before);
}

/** A number shown in the element with `testId` (digits and the decimal point only). */
export async function shownNumber(page, testId) {
  return Number((await page.getByTestId(testId).textContent()).replace(/[^\d.]/g, ''));
}

/** Every request went to the page's own origin (data: URLs are not requests that leave). */
export function assertSameOrigin(env, requests) {
  const origin = new URL(env.server.url).origin;
  const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'every request goes to the page’s own origin');
}

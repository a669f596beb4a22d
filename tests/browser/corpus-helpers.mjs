// What the corpus-mode page tests share (corpus-search, corpus-report, corpus-scale,
// corpus-list): opening the page in corpus mode, adding documents as .txt files, waiting for
// the corpus report, saving an export, and a harness page (the page's CSP and stylesheets, a
// given body) for mounting views alone with a stand-in store and actions.

import { readFileSync } from 'node:fs';
import { openPage } from './shell-helpers.mjs';

/** The page (openPage) switched to corpus mode. */
export async function openCorpusMode(env, options) {
  const opened = await openPage(env, options);
  await opened.page.getByTestId('mode-corpus').click();
  return opened;
}

/** `docs` ({name, text}) as the files setInputFiles takes: plain text, UTF-8. */
export const textFiles = (docs) => docs.map(({ name, text }) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) }));

/** Add `docs` to the corpus panel as opened files (not waiting for them to be listed). */
export const openFiles = (page, docs) => page.getByTestId('corpus-file-input').setInputFiles(textFiles(docs));

/** Add `docs` as opened files and wait until the list has them all. */
export async function addFiles(page, docs) {
  const before = await page.getByTestId('corpus-doc').count();
  await openFiles(page, docs);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="corpus-doc"]').length === n, before + docs.length);
}

/** Press Analyse corpus and wait for the report of the documents now in the list. */
export async function analyse(page) {
  const n = await page.getByTestId('corpus-doc').count();
  await page.getByTestId('corpus-analyse').click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="creport-doc-row"]').length === n && !document.querySelector('[data-testid="view-corpus-search"]').hidden,
    n,
    { timeout: 60_000 },
  );
}

/** Click the export button `testid` and read what it saves: {name, text}. */
export async function downloaded(page, testid) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** A harness page: the page's CSP, style.css and `stylesheets` (paths under www/), and `body`. */
export const harnessHtml = (stylesheets, body) => `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="style.css">
${stylesheets.map((href) => `<link rel="stylesheet" href="${href}">\n`).join('')}<title>harness</title></head>
<body><main class="harness">
${body}
</main></body></html>`;

/**
 * A new context's page at `path` on the test server, answered with `html`; console errors and
 * page errors collected in `errors`. Returns {context, page, errors}.
 */
export async function openHarnessPage(env, path, html, { viewport = { width: 1280, height: 900 }, acceptDownloads } = {}) {
  const context = await env.browser.newContext({ viewport, locale: 'zh-CN', ...(acceptDownloads === undefined ? {} : { acceptDownloads }) });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(`console: ${msg.text()}`));
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.route(env.server.url + path, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(env.server.url + path);
  return { context, page, errors };
}

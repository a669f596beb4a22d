// The README's ES-module example, run as written in headless Chromium against the built
// package, so the documentation cannot go stale. Only its static import is rewritten into a
// dynamic one (an evaluated snippet cannot hold a static import).
//
//   bash scripts/build.sh && node --test tests/browser/readme.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useShell } from './shell-helpers.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(`${REPO}README.md`, 'utf8');

/** The first ```js block after the heading `heading`. */
function example(heading) {
  const at = README.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `README has no "${heading}" section`);
  const m = README.slice(at).match(/```js\n([\s\S]*?)```/);
  assert.ok(m, `no js example under ${heading}`);
  return m[1];
}

// The server and the browser, shared with the other page tests (shell-helpers.mjs).
const env = useShell();

test('the README ES module example prints what its comments say', { timeout: 60_000 }, async () => {
  const code = example('### ES import: the synchronous analyzer');
  const importLine = /^import init, \{ Analyzer, version \} from '\.\/pkg\/wenxi\.js';$/m;
  assert.match(code, importLine, 'the example imports the package as documented');
  const body = code.replace(importLine,
    "const { default: init, Analyzer, version } = await import('/pkg/wenxi.js');");
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  // Runtime evaluation, not eval() inside the page: the page's CSP stays as it is.
  const out = await page.evaluate(`(async () => {
    const lines = [];
    const console = { log: (...a) => lines.push(a.map(String).join(' ')) };
    ${body}
    return lines;
  })()`);
  const version = readFileSync(`${REPO}Cargo.toml`, 'utf8').match(/^version = "(.+)"$/m)[1];
  assert.deepEqual(out, ['推動 3', '推動', `2 ${version}`]);
});

// The README's embedding examples, run as written against the assembled package, so the
// documentation cannot go stale: the worker API in Chromium (its corpus example in Node), the
// Node and corpus queries examples in Node, and the
// web component's two lines checked against examples/embed.html (which component.test.mjs
// drives). Only the package's import is pointed at pkg/; each `console.log(...) // expected`
// line must print what its comment says.
//
//   bash scripts/build.sh && node --test tests/package/readme.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';
import { PKG, REPO, assertPackaged } from './helpers.mjs';

const README = readFileSync(`${REPO}README.md`, 'utf8');

/** The first ```lang block after the heading line `heading`. */
function example(heading, lang) {
  const at = README.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `README has no "${heading}" section`);
  const m = README.slice(at).match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'));
  assert.ok(m, `no ${lang} example under ${heading}`);
  return m[1];
}

/** The ```lang block of the section `heading` that mentions `word`. */
function exampleWith(heading, lang, word) {
  const at = README.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `README has no "${heading}" section`);
  const end = README.indexOf('\n### ', at + heading.length + 1);
  const section = README.slice(at, end < 0 ? undefined : end);
  const block = [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].find((m) => m[1].includes(word));
  assert.ok(block, `no ${lang} example with ${word} under ${heading}`);
  return block[1];
}

/** What the example says it prints: the comments after its console.log calls. */
function expected(code) {
  return [...code.matchAll(/console\.log\(.*\);\s*\/\/\s*(.+)$/gm)].map((m) => m[1].trim());
}

/**
 * The lines `code` prints when Node runs it in a project with the package installed, as
 * `npm install wenxi` would leave it.
 */
function runInProject(code) {
  const dir = mkdtempSync(join(tmpdir(), 'wenxi-readme-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(PKG, join(dir, 'node_modules', 'wenxi'), 'dir');
    writeFileSync(join(dir, 'example.mjs'), code);
    const out = execFileSync(process.execPath, [join(dir, 'example.mjs')], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    return out.trim().split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let server;
let browser;

before(async () => {
  assertPackaged();
  server = await serve({ root: REPO, port: 0 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the worker API example prints what its comments say, in the browser', { timeout: 60_000 }, async () => {
  const code = example('### ES import: the worker API', 'js');
  const importLine = /^import \{ createAnalyzer \} from 'wenxi';$/m;
  assert.match(code, importLine);
  const body = code.replace(importLine, "const { createAnalyzer } = await import('/pkg/index.js');");
  const page = await browser.newPage();
  await page.goto(new URL('/examples/module.html', server.url).href);
  const out = await page.evaluate(`(async () => {
    const lines = [];
    const console = { log: (...a) => lines.push(a.map(String).join(' ')) };
    ${body}
    return lines;
  })()`);
  assert.deepEqual(out, expected(code));
  assert.equal(out.length, 2);
});

test('the Node example prints what its comments say', { timeout: 60_000 }, () => {
  const code = example('### Node', 'js');
  assert.match(code, /from 'wenxi';/);
  assert.deepEqual(runInProject(code), expected(code));
});

test('the worker API’s corpus example prints what its comments say, in Node', { timeout: 60_000 }, () => {
  const code = exampleWith('### ES import: the worker API', 'js', 'analyzeCorpus');
  assert.match(code, /from 'wenxi';/);
  assert.deepEqual(runInProject(code), expected(code));
  assert.equal(expected(code).length, 2);
});

test('the corpus queries example prints what its comments say, in Node', { timeout: 60_000 }, () => {
  const code = example('### Corpus queries', 'js');
  assert.match(code, /from 'wenxi';/);
  assert.deepEqual(runInProject(code), expected(code));
  assert.equal(expected(code).length, 3);
});

test('the vocabulary profile example prints what its comments say, in Node', { timeout: 60_000 }, () => {
  const code = example('### Vocabulary by HSK level', 'js');
  assert.match(code, /from 'wenxi';/);
  assert.deepEqual(runInProject(code), expected(code));
  assert.equal(expected(code).length, 3);
});

test('the web component example is the one examples/embed.html uses', () => {
  const html = example('### Script tag: the web component', 'html');
  const embed = readFileSync(`${REPO}examples/embed.html`, 'utf8');
  const [script, element] = html.trim().split('\n');
  assert.match(script, /^<script type="module" src="[^"]*\/define\.js"><\/script>$/);
  assert.ok(embed.includes('<script type="module" src="../pkg/define.js"></script>'), 'embed.html loads define.js the same way');
  assert.ok(embed.includes(element), `embed.html has ${element}`);
});

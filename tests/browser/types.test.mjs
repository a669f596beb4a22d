// The TypeScript types that the build emits into www/pkg/wenxi.d.ts (generated from the Rust
// types into js/report.d.ts by src/typescript.rs, and carried by src/wasm/analyzer.rs) against
// a real report: every declared field is present (optional ones aside) and every field
// of the report is declared, for each interface. A field added to src/report.rs without its
// type, or a type left behind by a rename, fails here.
//
//   bash scripts/build.sh && node --test tests/browser/types.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useShell } from './shell-helpers.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DTS = readFileSync(`${REPO}www/pkg/wenxi.d.ts`, 'utf8');

/** Fields of `type name = { … }` (or `interface name { … }`) in the .d.ts: name → optional? */
function fields(name) {
  const m = DTS.match(new RegExp(`export (?:type ${name} =|interface ${name}(?: extends \\w+)?) \\{([\\s\\S]*?)\\n\\}`));
  assert.ok(m, `wenxi.d.ts declares no type ${name}`);
  const out = new Map();
  for (const line of m[1].split('\n')) {
    const f = line.match(/^\s+(\w+)(\?)?:/);
    if (f) out.set(f[1], Boolean(f[2]));
  }
  return out;
}

function assertShape(name, value) {
  const declared = fields(name);
  for (const key of Object.keys(value)) {
    assert.ok(declared.has(key), `${name}.${key} is in the report but not in wenxi.d.ts`);
  }
  for (const [key, optional] of declared) {
    assert.ok(optional || key in value, `${name}.${key} is declared but missing from the report`);
  }
}

// The server and the browser, shared with the other page tests (shell-helpers.mjs).
const env = useShell();

test('wenxi.d.ts describes the report the analyzer returns', { timeout: 60_000 }, async () => {
  const text = readFileSync(`${REPO}tests/fixtures/report-headings-simp.txt`, 'utf8');
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  const report = await page.evaluate(async (text) => {
    const mod = await import('/pkg/wenxi.js');
    await mod.default();
    return new mod.Analyzer().analyze(text, { includeTokens: true });
  }, text);
  assertShape('Report', report);
  assertShape('Stats', report.stats);
  assertShape('Cleaning', report.cleaning);
  assertShape('Script', report.script);
  assert.ok(report.keywords.length > 0 && report.sections.length > 1 && report.tokens.length > 0);
  for (const k of report.keywords) assertShape('Keyword', k);
  for (const s of report.sections) {
    assertShape('Section', s);
    for (const w of s.keywords) assertShape('WordCount', w);
  }
  for (const t of report.tokens) assertShape('Token', t);
  // The analyze signature names the types.
  assert.match(DTS, /analyze\(text: string, options\?: AnalyzeOptions, onProgress\?: \(progress: Progress\) => void\): Report;/);
  // AnalyzeOptions is every option, each optional; every option the Rust side accepts is
  // declared: an unknown one is rejected, a declared one is not.
  assert.match(DTS, /export type AnalyzeOptions = Partial<Options>;/);
  const declared = [...fields('Options').keys()];
  assert.equal(declared.length, 13);
  const rejected = await page.evaluate(async (names) => {
    const mod = await import('/pkg/wenxi.js');
    const a = new mod.Analyzer();
    const defaults = { hmm: true, convert: true, compounds: true, topN: 5, minLength: 2, pos: [],
      stopwords: [], defaultStopwords: true, keepWords: [], words: [], sectionKeywords: 5, includeTokens: false, terms: false };
    const bad = [];
    for (const n of names) {
      try { a.analyze('文本', { [n]: defaults[n] }); } catch (e) { bad.push(`${n}: ${e.message}`); }
    }
    return bad;
  }, declared);
  assert.deepEqual(rejected, []);
});

// The worker API with `workers: 3`, in Node's worker threads: a long text is analysed in parts
// by three workers and the report is the one a single worker gives, byte for byte, through
// added and removed words, `options.words`, a reset and an abort; the result says how many
// parts the helpers made were used, so a silent fallback to one worker would fail here.
//
//   bash scripts/build.sh && node --test tests/package/parallel.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PKG, REPO, assertPackaged } from './helpers.mjs';

let wenxi;
let single;
let parallel;
/** The detail of `parallel`'s last 'timings' event. */
let timings = null;

before(async () => {
  assertPackaged();
  wenxi = await import(`${PKG}node.js`);
  single = await wenxi.createAnalyzer();
  parallel = await wenxi.createAnalyzer({ workers: 3 });
  parallel.addEventListener('timings', (event) => (timings = event.detail));
});

after(() => {
  single?.terminate();
  parallel?.terminate();
});

/** About 330,000 UTF-16 units: both scripts, headings, numbers, links, blank lines, CRLF. */
function longText() {
  const pieces = ['report-headings-simp.txt', 'news-trad-annotated.txt', 'novel-wrapped-trad.txt', 'markdown-mixed.md'].map((f) =>
    readFileSync(`${REPO}tests/fixtures/${f}`, 'utf8'),
  );
  let text = '';
  for (let i = 0; text.length < 330_000; i++) text += pieces[i % pieces.length] + (i % 3 === 0 ? '\r\n' : '\n\n');
  return text;
}

async function same(text, options) {
  timings = null;
  const expected = JSON.stringify(await single.analyze(text, options));
  const got = JSON.stringify(await parallel.analyze(text, options));
  assert.ok(got === expected, 'the report in parts differs from the one-worker report');
  return timings;
}

test('three workers give the one-worker report and use every part', async () => {
  assert.equal(await parallel.workersReady(), 3);
  const text = longText();
  assert.ok(text.length >= 3 * wenxi.PARALLEL_MIN_PART_LENGTH);
  for (const options of [{}, { terms: true, includeTokens: true }, { convert: false, hmm: false }]) {
    const t = await same(text, options);
    assert.equal(t.parts, 3, JSON.stringify(options));
    assert.equal(t.partsUsed, 3, JSON.stringify(options));
  }
  // A short text stays on one worker.
  await same('推动长江经济带发展。', {});
  assert.equal(timings.parts, undefined);
});

test('words added, removed, given in the options and reset reach the helpers', async () => {
  const text = longText().replaceAll('数字', '文析工具数字');
  assert.ok(text.includes('文析工具'));
  for (const analyzer of [single, parallel]) await analyzer.addWords(['文析工具']);
  let t = await same(text, {});
  assert.equal(t.partsUsed, 3);
  for (const analyzer of [single, parallel]) await analyzer.removeWords(['数字化']);
  t = await same(text, { words: ['平台升级'] });
  assert.equal(t.partsUsed, 3);
  t = await same(text, { words: ['平台升级'] });
  assert.equal(t.partsUsed, 3, 'the same options.words twice');
  for (const analyzer of [single, parallel]) await analyzer.resetWords();
  t = await same(text, {});
  assert.equal(t.partsUsed, 3);
});

test('an aborted analysis in parts leaves the analyzer working, in parts again', async () => {
  const text = longText();
  const controller = new AbortController();
  const aborted = parallel.analyze(text, {}, { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await assert.rejects(aborted, { name: 'AbortError' });
  assert.equal(await parallel.workersReady(), 3);
  const t = await same(text, { terms: true });
  assert.equal(t.partsUsed, 3);
  // The queries read the analysis done in parts.
  const a = await single.concordance({ query: '数字化' });
  const b = await parallel.concordance({ query: '数字化' });
  assert.ok(a.total > 0);
  assert.deepEqual(b, a);
});

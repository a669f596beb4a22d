// The vocabulary view (HSK levels) used as a teacher would: paste a text, read the levels and
// the coverage, set a level and known words (typed, then imported from a file), export the
// words to learn. The figures are checked against the same wasm run here in Node with the
// same lists, and the known words against the page after a reload (they stay in the browser).
//
//   bash scripts/build.sh                        # www/pkg/ (the wasm and hsk-levels.js)
//   node --test tests/browser/vocabulary.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, useShell, openPage, pasteAndAnalyze } from './shell-helpers.mjs';

const TEXT = '我們學習漢語。李明今天買了3個蘋果，他覺得漢語很有意思。我们的老师非常认真，同学们都喜欢她。';

const env = useShell();

/** The engine's own profile of TEXT under `request`, from the wasm in Node with the shipped lists. */
async function engine(request, options) {
  const wasm = await import(new URL('pkg/wenxi.js', `file://${ROOT}/`).href);
  await wasm.default({ module_or_path: readFileSync(`${ROOT}/pkg/wenxi_bg.wasm`) });
  const { default: lists } = await import(new URL('pkg/hsk-levels.js', `file://${ROOT}/`).href);
  const analyzer = new wasm.Analyzer();
  analyzer.loadLevels(lists);
  analyzer.analyze(TEXT, options);
  return analyzer.levels(request);
}

/** The level rows as the page shows them: [level, tokens, types]. */
const rowsOf = (page, table) =>
  page.locator(`[data-testid="${table}"] [data-testid="vocab-level-row"]`).evaluateAll((rows) => rows.map((r) => [r.dataset.level, Number(r.dataset.tokens), Number(r.dataset.types)]));

const ready = (page, before) =>
  page.waitForFunction((n) => {
    const root = document.querySelector('#view-vocabulary');
    return root.dataset.state === 'ready' && Number(root.dataset.drawn ?? 0) > n;
  }, before);

test('vocabulary: levels and coverage are the engine’s; level and known words (typed, imported, kept) give the words to learn; CSV export', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPage(env, { context: await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' }) });
  try {
    await pasteAndAnalyze(page, TEXT);
    await ready(page, 0);
    const view = page.locator('#view-vocabulary');
    // The page's options join terms; the Node engine is asked with the same.
    const want = await engine({ known: [], level: null, limit: 200 }, { terms: true });
    const levels = await rowsOf(page, 'vocab-levels');
    assert.deepEqual(levels, want.levels.map((r) => [String(r.level ?? 'beyond'), r.tokens, r.types]), 'the level rows are the engine’s');
    assert.equal(levels.reduce((n, r) => n + r[1], 0), want.graded.tokens, 'and add up to the graded words');
    const chars = await rowsOf(page, 'vocab-chars');
    assert.deepEqual(chars.map((r) => r[1]), want.characters.levels.map((r) => r.tokens));
    const summary = view.getByTestId('vocab-summary');
    assert.equal(await summary.getAttribute('data-level95'), String(want.coverage.level95 ?? ''));
    assert.match(await view.getByTestId('vocab-apart').textContent(), /人名地名 1，数字 1/);

    // Level 1 and two known words, one in the other script: the words to learn are the rest.
    const drawn = () => page.evaluate(() => Number(document.querySelector('#view-vocabulary').dataset.drawn));
    let n = await drawn();
    await view.getByTestId('vocab-level').selectOption('1');
    await ready(page, n);
    n = await drawn();
    await view.getByTestId('vocab-known').fill('认真\n喜歡');
    await ready(page, n);
    const known = await engine({ known: ['认真', '喜歡'], level: 1, limit: 200 }, { terms: true });
    const unknown = await view.getByTestId('vocab-unknown-row').evaluateAll((rows) => rows.map((r) => [r.dataset.key, Number(r.dataset.count)]));
    assert.deepEqual(unknown, known.unknown.map((u) => [u.key, u.count]), 'the words to learn are the engine’s, in its order');
    assert.ok(!unknown.some(([k]) => ['认真', '喜欢'].includes(k)), 'known words are not listed');
    assert.ok(known.coverage.known.tokens > 0);

    // Imported from a file (a column of words with counts), added to the typed ones.
    const dir = mkdtempSync(join(tmpdir(), 'wenxi-vocab-'));
    const file = join(dir, 'known.tsv');
    writeFileSync(file, `${unknown[0][0]}\t12\n`);
    n = await drawn();
    await view.getByTestId('vocab-import').setInputFiles(file);
    await ready(page, n);
    const after = await view.getByTestId('vocab-unknown-row').evaluateAll((rows) => rows.map((r) => r.dataset.key));
    assert.ok(!after.includes(unknown[0][0]), 'the imported word is known now');
    assert.equal(await view.getByTestId('vocab-known-count').textContent(), '3 个词');

    // The CSV: a header, then a row per word to learn with its level.
    const [download] = await Promise.all([page.waitForEvent('download'), view.getByTestId('vocab-export-unknown').click()]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(csv[0], 'word,key,level,count');
    assert.equal(csv.length - 1, after.length);

    // The known words and the level stay in this browser: a reload has them.
    await page.reload();
    await page.waitForFunction(() => !document.querySelector('[data-testid="analyze-button"]').disabled);
    assert.equal(await page.getByTestId('vocab-level').inputValue(), '1');
    assert.deepEqual((await page.getByTestId('vocab-known').inputValue()).split('\n').sort(), ['喜歡', '认真', unknown[0][0]].sort());
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

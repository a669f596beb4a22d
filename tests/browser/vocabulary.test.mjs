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

/** The engine's level marks of TEXT under `request` (the page joins terms too). */
async function engineMarks(request) {
  const wasm = await import(new URL('pkg/wenxi.js', `file://${ROOT}/`).href);
  await wasm.default({ module_or_path: readFileSync(`${ROOT}/pkg/wenxi_bg.wasm`) });
  const { default: lists } = await import(new URL('pkg/hsk-levels.js', `file://${ROOT}/`).href);
  const analyzer = new wasm.Analyzer();
  analyzer.loadLevels(lists);
  analyzer.analyze(TEXT, { terms: true });
  return analyzer.levelMarks(request);
}

/** Per highlight name: the text of its ranges, in text order. */
const highlighted = (page) =>
  page.evaluate(() => {
    const textOf = (r) => {
      if (r.startContainer === r.endContainer) return r.startContainer.data.slice(r.startOffset, r.endOffset);
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    };
    const out = {};
    for (const [name, h] of CSS.highlights) if (name.startsWith('wenxi-level-') || name === 'wenxi-unknown') out[name] = [...h].map(textOf);
    return out;
  });

test('vocabulary against the text: words coloured by level and the unknown ones marked as the engine places them; a level band selects its words in the other views', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPage(env);
  try {
    await page.evaluate(() => localStorage.clear());
    await pasteAndAnalyze(page, TEXT);
    await ready(page, 0);
    const view = page.locator('#view-vocabulary');
    const text = page.locator('#view-text');
    const levelsDrawn = () => text.evaluate((r) => Number(r.dataset.levelsDrawn ?? 0));
    const drawnAfter = (n) => page.waitForFunction((n) => Number(document.querySelector('#view-text').dataset.levelsDrawn ?? 0) > n && document.querySelector('#view-text').dataset.levels === 'ready', n);

    // Colour by level: each level's highlight holds that level's words where the engine puts them.
    const plain = await engineMarks({});
    const spans = [...plain.spans];
    const wordsAt = (keep) => {
      const out = [];
      for (let i = 0; i < spans.length; i += 3) if (keep(spans[i + 2])) out.push(TEXT.slice(spans[i], spans[i + 1]));
      return out;
    };
    let n = await levelsDrawn();
    await text.getByTestId('text-colour-levels').check();
    await drawnAfter(n);
    // Shaded is the text on screen and a few screens around it: all of this short text.
    await text.getByTestId('text-body').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => CSS.highlights.has('wenxi-level-1'));
    const colours = await highlighted(page);
    for (const level of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const want = wordsAt((code) => (code & 15) === level);
      assert.deepEqual(colours[`wenxi-level-${level}`] ?? [], want, `level ${level}`);
    }
    assert.ok(wordsAt(() => true).length > 10 && colours['wenxi-level-1'].length > 5, 'a real share of the text is coloured');
    assert.ok(!colours['wenxi-level-1'].includes('李明'), 'names are not graded');
    assert.equal(await text.getByTestId('text-level-legend').isVisible(), true);

    // The words this reader (level 1, one known word) does not know: marked, as the engine says.
    n = await levelsDrawn();
    await view.getByTestId('vocab-level').selectOption('1');
    await view.getByTestId('vocab-known').fill('老师');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('wenxi.vocabulary') ?? '{}').known?.includes('老师'));
    await text.getByTestId('text-mark-unknown').check();
    await drawnAfter(n);
    await text.getByTestId('text-body').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => CSS.highlights.has('wenxi-unknown'));
    const reader = [...(await engineMarks({ level: 1, known: ['老师'] })).spans];
    const unknownWant = [];
    for (let i = 0; i < reader.length; i += 3) if (!(reader[i + 2] & 16)) unknownWant.push(TEXT.slice(reader[i], reader[i + 1]));
    assert.ok(unknownWant.length > 0 && !unknownWant.includes('老师') && !unknownWant.includes('我們'));
    assert.deepEqual((await highlighted(page))['wenxi-unknown'], unknownWant, 'the unknown words, and only they');
    // Both stay chosen after a reload.
    await text.getByTestId('text-colour-levels').uncheck();
    await page.waitForFunction(() => !CSS.highlights.has('wenxi-level-1'));
    assert.ok((await highlighted(page))['wenxi-unknown'].length > 0, 'the unknown words stay marked alone');

    // A level band: its words alone in the keyword table, its places marked in the text.
    const level = 2;
    const bandWant = plain.bands.find((b) => b.level === level).keys;
    assert.ok(bandWant.length > 0);
    await view.locator(`[data-testid="vocab-band"][data-level="${level}"]`).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="keywords-band"]').hidden);
    assert.equal(await view.locator(`[data-testid="vocab-band"][data-level="${level}"]`).getAttribute('aria-pressed'), 'true');
    const rows = await page.getByTestId('keyword-row').evaluateAll((rs) => rs.map((r) => r.dataset.key));
    assert.ok(rows.length > 0 && rows.every((k) => bandWant.includes(k)), `only the band's words: ${rows}`);
    const places = wordsAt((code) => (code & 15) === level);
    await page.waitForFunction((n) => document.querySelectorAll('#view-text mark.textview-mark').length === n, places.length);
    assert.deepEqual(await text.locator('mark.textview-mark').allTextContents(), places, 'every place of the band marked');
    assert.match(await text.getByTestId('text-counter').textContent(), new RegExp(`共 ${places.length} 处`));
    assert.match(await text.getByTestId('text-selected').textContent(), /HSK 2 级词语/);
    await text.getByTestId('text-next').click();
    assert.equal(await text.locator('mark.is-current').textContent(), places[0]);

    // Choosing a word ends the band's selection.
    await page.getByTestId('keyword-row').first().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="keywords-band"]').hidden);
    assert.equal(await view.locator(`[data-testid="vocab-band"][data-level="${level}"]`).getAttribute('aria-pressed'), 'false');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

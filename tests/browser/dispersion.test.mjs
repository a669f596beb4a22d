// The dispersion plot, the keyword table's D and DP columns and the trends chart, used on the
// page the way a person would: paste a text with two chapters, select a word, read the plot,
// click a tick, switch to equal segments, export. The figures are checked against the same
// wasm run here in Node, and for a tiny case against D and DP worked out by hand.
//
//   bash scripts/build.sh                        # www/pkg/ (the wasm)
//   node --test tests/browser/dispersion.test.mjs
//
// Screenshots go to test-output/dispersion-*.png (git-ignored).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT, OUTPUT, useShell, openPage, pasteAndAnalyze } from './shell-helpers.mjs';

// Two chapters of the same length in words: 经济 and 发展 in both, three times each; 城市 only
// in the first, 乡村 only in the second.
const S1 = '经济发展稳中有进。城市建设加快推进。';
const S2 = '经济发展稳中有进。乡村振兴全面推进。';
const TEXT = `第一章 总论\n${S1.repeat(3)}\n第二章 分论\n${S2.repeat(3)}\n`;

const env = useShell();

/** The engine's own answers for TEXT, from the wasm in Node: the independent check. */
async function engine() {
  const wasm = await import(new URL('pkg/wenxi.js', `file://${ROOT}/`).href);
  await wasm.default({ module_or_path: readFileSync(`${ROOT}/pkg/wenxi_bg.wasm`) });
  const analyzer = new wasm.Analyzer();
  const report = analyzer.analyze(TEXT, { topN: 100 });
  return { analyzer, report };
}

/** Every occurrence of `word` in `text` as UTF-16 offsets (a naive count). */
function naive(text, word) {
  const out = [];
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) out.push(i);
  return out;
}

/**
 * Turn the page's terms option off (Options → Keywords): these tests check the engine's plain
 * segmentation, as the Node analyzer here runs it; with terms on, the repeated sentences would
 * join into terms such as 城市建设加快推进.
 */
async function termsOff(page) {
  const panel = page.locator('#view-options details.options-details');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('> summary').click();
  await page.getByTestId('opt-terms').uncheck();
}

const close = (a, b) => Math.abs(a - b) < 1e-12;

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('dispersion plot: a tick per occurrence in text order, the parts, D and DP, ticks reveal the text', { timeout: 120_000 }, async () => {
  const { analyzer, report } = await engine();
  const { context, page, errors } = await openPage(env);
  try {
    await termsOff(page);
    await pasteAndAnalyze(page, TEXT);
    assert.equal(report.sections.length, 2, 'two chapters');
    // Select 城市 in the keyword table: the plot's field takes it.
    const city = report.keywords.find((k) => k.word === '城市');
    await page.locator(`[data-testid="keyword-row"][data-key="${city.key}"]`).click();
    const view = page.locator('#view-dispersion');
    await page.waitForFunction(() => document.querySelector('#view-dispersion').dataset.state === 'ready' && document.querySelectorAll('[data-testid="disp-row"]').length === 1);
    assert.equal(await page.getByTestId('disp-words').inputValue(), '城市');

    // Several words, one strip each.
    await page.getByTestId('disp-words').fill('城市 经济 乡村');
    await page.getByTestId('disp-plot').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="disp-row"]').length === 3 && document.querySelector('#view-dispersion').dataset.state === 'ready');
    const rows = view.getByTestId('disp-row');
    for (const [i, word] of ['城市', '经济', '乡村'].entries()) {
      const row = rows.nth(i);
      assert.equal(await row.getAttribute('data-word'), word);
      const marks = view.locator(`.disp-marks[data-row="${i}"] [data-testid="disp-mark"]`);
      const count = report.keywords.find((k) => k.word === word).count;
      assert.equal(await marks.count(), count, `${word}: a tick per occurrence in the report`);
      assert.equal(Number(await row.getByTestId('disp-count').getAttribute('data-value')), count);
      const starts = await marks.evaluateAll((ms) => ms.map((m) => Number(m.dataset.start)));
      assert.deepEqual(starts, naive(TEXT, word), `${word}: the ticks are the occurrences, in text order`);
      const xs = await marks.evaluateAll((ms) => ms.map((m) => Number(m.getAttribute('x'))));
      for (let k = 1; k < xs.length; k++) assert.ok(xs[k] > xs[k - 1], `${word}: ticks left to right as the offsets`);
      // x is the offset's share of the text's length (UTF-16 units) along the strip.
      const strip = await row.locator('.disp-strip').evaluate((r) => ({ x: Number(r.getAttribute('x')), width: Number(r.getAttribute('width')) }));
      assert.ok(Math.abs(xs[0] + 0.75 - (strip.x + (strip.width * starts[0]) / TEXT.length)) < 0.01, 'scaled by the text length');
    }
    // One dashed line between the two chapters, at the second chapter's start.
    const boundaries = view.getByTestId('disp-boundary');
    assert.equal(await boundaries.count(), report.sections.length - 1);

    // D and DP by hand: both chapters hold 23 words (s = ½, ½). 经济 3 + 3: relative
    // frequencies equal, so V = 0, D = 1 − 0/√1 = 1, DP = ½(|½ − ½| + |½ − ½|) = 0. 城市 3 + 0:
    // frequencies (3/23, 0), mean 3/46, standard deviation 3/46, V = 1, D = 1 − 1 = 0,
    // DP = ½(|1 − ½| + |0 − ½|) = ½.
    const hand = { 城市: [0, 0.5], 经济: [1, 0], 乡村: [0, 0.5] };
    const answer = analyzer.dispersion({ words: ['城市', '经济', '乡村'] });
    assert.deepEqual(answer.parts.map((p) => p.words), [23, 23], 'equal parts, as the hand figures assume');
    for (const [i, word] of ['城市', '经济', '乡村'].entries()) {
      const row = rows.nth(i);
      const d = Number(await row.getByTestId('disp-d').getAttribute('data-value'));
      const dp = Number(await row.getByTestId('disp-dp').getAttribute('data-value'));
      assert.ok(close(d, hand[word][0]) && close(dp, hand[word][1]), `${word}: D ${d}, DP ${dp}`);
      assert.equal(d, answer.words[i].juillandD, 'the engine’s D');
      assert.equal(dp, answer.words[i].dp, 'the engine’s DP');
      assert.equal(await row.getByTestId('disp-d').textContent(), `D ${hand[word][0].toFixed(2)}`);
      assert.equal(await row.getByTestId('disp-dp').textContent(), `DP ${hand[word][1].toFixed(2)}`);
    }

    // Clicking a tick shows that occurrence in the text view.
    const second = view.locator('.disp-marks[data-row="2"] [data-testid="disp-mark"]').nth(1);
    const [start, end] = [Number(await second.getAttribute('data-start')), Number(await second.getAttribute('data-end'))];
    assert.equal(TEXT.slice(start, end), '乡村');
    await second.click();
    await page.waitForFunction((r) => document.querySelector('#view-text').dataset.revealed === r, `${start}-${end}`);

    // By keyboard: the strip's ticks are one Tab stop, arrows move, Enter shows.
    const first = view.locator('.disp-marks[data-row="1"] [data-testid="disp-mark"]').first();
    await first.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const last = naive(TEXT, '经济').at(-1);
    await page.waitForFunction((r) => document.querySelector('#view-text').dataset.revealed === r, `${last}-${last + 2}`);

    // Exports: the positions as CSV, the plot as SVG.
    const csv = await download(page, 'disp-export-csv');
    assert.equal(csv.name, 'wenxi-dispersion.csv');
    const lines = csv.text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.equal(lines[0], 'word,n,start,end,part');
    assert.equal(lines.length - 1, 3 + 6 + 3, 'a line per occurrence');
    assert.equal(lines[1], `城市,1,${naive(TEXT, '城市')[0]},${naive(TEXT, '城市')[0] + 2},第一章 总论`);
    const svgFile = await download(page, 'disp-export-svg');
    assert.match(svgFile.text, /^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svgFile.text.includes('>城市</tspan>'));
    assert.doesNotMatch(svgFile.text, /var\(--|tabindex/);
    await view.screenshot({ path: `${OUTPUT}dispersion-plot.png` });
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('the keyword table fills in D and DP from the engine, sorts by them and exports them', { timeout: 120_000 }, async () => {
  const { analyzer, report } = await engine();
  const { context, page, errors } = await openPage(env);
  try {
    await termsOff(page);
    await pasteAndAnalyze(page, TEXT);
    const rows = page.getByTestId('keyword-row');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="keyword-dp"]')].every((c) => c.hasAttribute('data-value')));
    const answer = analyzer.dispersion({ words: report.keywords.map((k) => k.word), positions: false });
    const n = await rows.count();
    assert.equal(n, report.keywords.length);
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const key = await row.getAttribute('data-key');
      const want = answer.words[report.keywords.findIndex((k) => k.key === key)];
      const d = row.getByTestId('keyword-juillandD');
      const dp = row.getByTestId('keyword-dp');
      assert.equal(Number(await d.getAttribute('data-value')), want.juillandD, `D of ${key}`);
      assert.equal(Number(await dp.getAttribute('data-value')), want.dp, `DP of ${key}`);
      assert.equal(await d.textContent(), want.juillandD.toFixed(2));
      assert.equal(await dp.textContent(), want.dp.toFixed(2));
    }
    assert.match(await page.getByTestId('sort-dp').locator('xpath=..').getAttribute('title'), /Gries/);
    // Sorted by DP, ascending: the evenly spread words first.
    await page.getByTestId('sort-dp').click();
    await page.getByTestId('sort-dp').click();
    assert.equal(await page.getByTestId('sort-dp').locator('xpath=..').getAttribute('aria-sort'), 'ascending');
    const dps = await page.getByTestId('keyword-dp').evaluateAll((cs) => cs.map((c) => Number(c.dataset.value)));
    assert.deepEqual(dps, [...dps].sort((a, b) => a - b));
    const csv = await download(page, 'keywords-export-csv');
    const lines = csv.text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.equal(lines[0], 'rank,word,key,count,share,tfidf,textrank,pos,first,reference,sections,juillandD,dp');
    const city = lines.find((l) => l.split(',')[1] === '城市').split(',');
    assert.deepEqual(city.slice(-2).map(Number), [0, 0.5]);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('trends: a line per word with a point per part, the table holds the engine’s figures', { timeout: 120_000 }, async () => {
  const { analyzer, report } = await engine();
  const { context, page, errors } = await openPage(env);
  try {
    await termsOff(page);
    await pasteAndAnalyze(page, TEXT);
    const view = page.locator('#view-trends');
    await page.waitForFunction(() => document.querySelector('#view-trends').dataset.state === 'ready');
    // The top 5 keywords by frequency, as the report ranks them.
    const top = report.keywords.slice(0, 5).map((k) => k.word);
    assert.equal(await page.getByTestId('trends-words').inputValue(), top.join(' '));
    const check = async (segments) => {
      const want = analyzer.trends({ words: top, segments });
      const series = view.getByTestId('trends-series');
      assert.equal(await series.count(), top.length, 'a line per word');
      assert.equal(await view.getByTestId('trends-legend-item').count(), top.length);
      for (let i = 0; i < top.length; i++) {
        assert.equal(await series.nth(i).getAttribute('data-word'), top[i]);
        assert.equal(await series.nth(i).getByTestId('trends-point').count(), want.parts.length, 'a point per part');
        const cells = view.locator(`[data-testid="trends-cell"][data-word="${top[i]}"]`);
        const values = await cells.evaluateAll((cs) => cs.map((c) => Number(c.dataset.value)));
        assert.deepEqual(values, want.series[i].relative, `${top[i]}: the engine's relative`);
        const shown = await cells.evaluateAll((cs) => cs.map((c) => Number(c.textContent.replace(/,/g, ''))));
        assert.deepEqual(shown, want.series[i].relative.map((r) => Number((r * 10_000).toFixed(2))), 'per 10,000 words');
      }
      assert.equal(await view.getByTestId('trends-row').count(), want.parts.length);
    };
    await check(null);
    assert.equal(await view.getByTestId('trends-row').first().locator('th').textContent(), '第一章 总论');

    // Four equal segments instead of the chapters.
    await page.getByTestId('trends-parts').selectOption('segments');
    await page.getByTestId('trends-segments').fill('4');
    await page.getByTestId('trends-segments').dispatchEvent('change');
    await page.waitForFunction(() => document.querySelector('#view-trends').dataset.state === 'ready' && document.querySelectorAll('[data-testid="trends-row"]').length === 4);
    await check(4);

    // Fewer words: the field changes the lines.
    await page.getByTestId('trends-words').fill('城市 乡村');
    await page.getByTestId('trends-plot').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="trends-series"]').length === 2);
    const csv = await download(page, 'trends-export-csv');
    const lines = csv.text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.equal(lines[0], 'part,start,end,words,城市 count,城市 per 10000,乡村 count,乡村 per 10000');
    assert.equal(lines.length, 1 + 4);
    await view.screenshot({ path: `${OUTPUT}dispersion-trends.png` });
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('the plot and the chart fit a phone screen', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPage(env, { viewport: { width: 390, height: 844 } });
  try {
    await pasteAndAnalyze(page, TEXT);
    await page.getByTestId('keyword-row').first().click();
    await page.waitForFunction(() => document.querySelector('#view-dispersion').dataset.state === 'ready' && document.querySelector('#view-trends').dataset.state === 'ready');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390px (overflow ${overflow}px)`);
    for (const testid of ['disp-svg', 'trends-svg']) {
      const width = await page.getByTestId(testid).evaluate((s) => s.getBoundingClientRect().width);
      assert.ok(width <= 390, `${testid} fits: ${width}px`);
    }
    await page.locator('#view-dispersion').screenshot({ path: `${OUTPUT}dispersion-phone.png` });
    await page.locator('#view-trends').screenshot({ path: `${OUTPUT}dispersion-trends-phone.png` });
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

// The concordance's search and the terms view on the real page (issue 14, items 1 and 5),
// checked against the user's text: a search's total equals a naive count in the cleaned text,
// each line's offsets slice the user's text back to its match, the sort orders order, a
// refused pattern is shown as an alert, a line reveals itself in the text, the exports hold
// the lines; the terms view lists 高质量发展 and joins it into a keyword; the page counts terms
// as words by default, and the option turns that off.
//
//   bash scripts/build.sh && node --test tests/browser/concordance.test.mjs
//
// Screenshots go to test-output/concordance-*.png (git-ignored).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { OUTPUT, analysisCount, openPage, pasteAndAnalyze, useShell, waitAnalyzed } from './shell-helpers.mjs';

const env = useShell();

// A government-report paragraph of our own: 高质量发展 five times (once in a traditional
// line), 的 only as the particle, and learners' pinyin after 經濟 (cleaning removes it).
const TEXT = [
  '高质量发展是全面建设社会主义现代化国家的首要任务。',
  '今年，我们坚持以推动高质量发展为主题，經(jīng)濟(jì)運行總體平穩。',
  '各地區各部門扎實推進高质量发展，經(jīng)濟(jì)結構持續優化。',
  '要加快建设现代化产业体系，推动数字经济和实体经济深度融合。',
  '数字经济规模持续扩大，数字经济核心产业增加值增长较快。',
  '必须坚持创新驱动，推动科技创新和产业创新深度融合。',
  '粤港澳大湾区建设取得新进展，粤港澳大湾区国际科技创新中心加快建设。',
  '我们要以高质量发展的实际成效，回应人民群众的期待。',
  '推动粤港澳大湾区高质量发展，走出一条新路。',
  '人才是第一资源，创新是第一动力。',
].join('\n');

/** The text as the analysis reads it, by a naive cleaner: the pinyin annotations dropped. */
const clean = (s) => s.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '');
const CLEAN = clean(TEXT);

/** Non-overlapping occurrences of `needle` in `haystack`, left to right. */
function naiveCount(haystack, needle) {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

async function open(viewport = { width: 1280, height: 900 }) {
  const context = await env.browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  return openPage(env, { context });
}

/** Click `locator` and read what it downloads. */
async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Search the concordance; resolves when its answer is drawn (lines, none, or an alert). */
async function search(page, query, { mode = 'word', sort, context } = {}) {
  const kwic = page.locator('#view-kwic');
  await kwic.getByTestId('kwic-mode').selectOption(mode);
  if (sort) await kwic.getByTestId('kwic-sort').selectOption(sort);
  if (context !== undefined) {
    await kwic.getByTestId('kwic-context').fill(String(context));
    await kwic.getByTestId('kwic-context').dispatchEvent('change');
  }
  await kwic.getByTestId('kwic-query').fill(query);
  // Mark the drawn state so the wait sees this search's answer, not the last one's.
  await page.evaluate(() => { document.querySelector('#view-kwic').dataset.state = 'asked'; });
  await kwic.getByTestId('kwic-search').click();
  await page.waitForFunction(() => ['ready', 'refused', 'failed'].includes(document.querySelector('#view-kwic').dataset.state));
  return kwic;
}

/** The lines drawn: offsets and parts. */
const lines = (page) =>
  page.locator('#view-kwic [data-testid="kwic-line"]').evaluateAll((rows) =>
    rows.map((r) => ({
      start: Number(r.dataset.start),
      end: Number(r.dataset.end),
      left: r.querySelector('[data-testid="kwic-left"]').textContent,
      match: r.querySelector('[data-testid="kwic-keyword"]').textContent,
      right: r.querySelector('[data-testid="kwic-right"]').textContent,
    })));

const summary = (page) => page.getByTestId('kwic-summary').textContent();

/** The total the summary states (its first number). */
async function total(page) {
  const m = (await summary(page)).match(/共 ([\d,]+) 处|([\d,]+) occurrences/);
  return Number((m[1] ?? m[2]).replace(/,/g, ''));
}

test('free searches: totals equal a naive count, offsets slice back, sorts order, bad patterns alert', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await open();
  try {
    await pasteAndAnalyze(page, TEXT);
    // No keyword is selected: the search works on its own.
    assert.equal(await page.locator('[data-testid="keyword-row"][aria-current="true"]').count(), 0);

    // String mode: a phrase, counted in the cleaned text; offsets give back the match.
    for (const phrase of ['高质量发展', '經濟', '数字经济', '创新']) {
      await search(page, phrase, { mode: 'string' });
      const got = await lines(page);
      assert.equal(await total(page), naiveCount(CLEAN, phrase), `${phrase}: total`);
      assert.equal(got.length, naiveCount(CLEAN, phrase));
      for (const l of got) {
        assert.equal(l.match, phrase);
        assert.equal(clean(TEXT.slice(l.start, l.end)), phrase, `${phrase} at ${l.start}`);
      }
      assert.deepEqual(got.map((l) => l.start), [...got.map((l) => l.start)].sort((a, b) => a - b), 'text order by default');
    }
    // The annotated 經濟: the user's text holds the pinyin, the line does not.
    await search(page, '經濟', { mode: 'string' });
    const [jingji] = await lines(page);
    assert.ok(TEXT.slice(jingji.start, jingji.end).startsWith('經(jīng)濟'));
    assert.doesNotMatch(jingji.left + jingji.right, /\(/);

    // Word mode: 的 (a stopword, one character) and a single character; 的 stands alone here.
    await search(page, '的', { mode: 'word' });
    assert.equal(await total(page), naiveCount(CLEAN, '的'));
    for (const l of await lines(page)) assert.equal(TEXT.slice(l.start, l.end), '的');
    await search(page, '是', { mode: 'word' });
    assert.equal(await total(page), naiveCount(CLEAN, '是'));

    // Regular expressions, counted by the same pattern in JS.
    const pattern = '数字经济|粤港澳大湾区';
    await search(page, pattern, { mode: 'regex' });
    assert.equal(await total(page), CLEAN.match(new RegExp(pattern, 'g')).length);

    // Context width: 5 characters a side (code points), as the reader chose.
    await search(page, '高质量发展', { mode: 'string', context: 5 });
    for (const l of await lines(page)) {
      assert.ok([...l.left].length <= 5 && [...l.right].length <= 5, `${l.left}|${l.right}`);
    }
    assert.equal((await lines(page))[1].left, '坚持以推动');
    await page.getByTestId('kwic-context').fill('20');
    await page.getByTestId('kwic-context').dispatchEvent('change');

    // Sorts, on 数字经济 (推动〔数字经济〕和 / 融合。〔数字经济〕规模 / 扩大，〔数字经济〕核心):
    // by the first word right: 和 < 核心 < 规模; left: 扩大 < 推动 < 融合; by position.
    await search(page, '数字经济', { mode: 'string', sort: 'position' });
    const byPosition = (await lines(page)).map((l) => l.start);
    assert.equal(byPosition.length, 3);
    await search(page, '数字经济', { mode: 'string', sort: 'right1' });
    assert.deepEqual((await lines(page)).map((l) => l.start), [byPosition[0], byPosition[2], byPosition[1]], 'right1');
    await search(page, '数字经济', { mode: 'string', sort: 'left1' });
    assert.deepEqual((await lines(page)).map((l) => l.start), [byPosition[2], byPosition[0], byPosition[1]], 'left1');
    for (const sort of ['left2', 'right2']) {
      await search(page, '数字经济', { mode: 'string', sort });
      assert.deepEqual((await lines(page)).map((l) => l.start).sort((a, b) => a - b), byPosition, `${sort} lists the same lines`);
    }
    // By the match: code point order of the matched text, then position.
    await search(page, '数字经济|粤港澳大湾区|高质量发展', { mode: 'regex', sort: 'match' });
    const byMatch = await lines(page);
    const expected = [...byMatch].sort((a, b) => (a.match < b.match ? -1 : a.match > b.match ? 1 : a.start - b.start));
    assert.deepEqual(byMatch, expected);
    assert.notDeepEqual(byMatch.map((l) => l.start), [...byMatch].map((l) => l.start).sort((a, b) => a - b), 'not text order');
    // The column header does the same as the menu.
    await page.evaluate(() => { document.querySelector('#view-kwic').dataset.state = 'asked'; });
    await page.getByTestId('kwic-sort-position').click();
    await page.waitForFunction(() => document.querySelector('#view-kwic').dataset.state === 'ready');
    assert.equal(await page.getByTestId('kwic-sort').inputValue(), 'position');
    const positions = (await lines(page)).map((l) => l.start);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b));

    // Refused patterns: shown as an alert in the view, no lines, no console error.
    for (const bad of ['(', '(\\w{50}){50}']) {
      const kwic = await search(page, bad, { mode: 'regex' });
      const alert = kwic.getByTestId('kwic-error');
      assert.equal(await alert.isVisible(), true, bad);
      assert.equal(await alert.getAttribute('role'), 'alert');
      assert.match(await alert.textContent(), /无法搜索：.+/);
      assert.equal(await kwic.getByTestId('kwic-line').count(), 0);
    }
    // A search that finds nothing says so.
    await search(page, '不存在的词语', { mode: 'string' });
    assert.match(await page.getByTestId('kwic-empty').textContent(), /没有「不存在的词语」/);
    assert.equal(await page.getByTestId('kwic-error').isVisible(), false);

    // A click on a line reveals it in the text view.
    await search(page, '高质量发展', { mode: 'string', sort: 'position' });
    const third = (await lines(page))[2];
    await page.locator('#view-kwic [data-testid="kwic-line"]').nth(2).locator('.kwic-left').click();
    await page.waitForFunction((want) => document.querySelector('#view-text').dataset.revealed === want, `${third.start}-${third.end}`);

    // The exports hold the lines shown, with the query, mode and total.
    const shown = await lines(page);
    const json = JSON.parse((await download(page, page.getByTestId('kwic-export-json'))).text);
    assert.equal(json.query, '高质量发展');
    assert.equal(json.mode, 'string');
    assert.equal(json.total, naiveCount(CLEAN, '高质量发展'));
    assert.deepEqual(json.lines.map(({ start, end, left, match, right }) => ({ start, end, left, match, right })), shown);
    const csv = (await download(page, page.getByTestId('kwic-export'))).text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(csv[0], 'n,start,end,left,match,right,query,mode,total');
    assert.deepEqual(csv.slice(1), shown.map((l, i) => [i + 1, l.start, l.end, l.left, l.match, l.right, '高质量发展', 'string', shown.length].join(',')));

    // Full width: the panel spans more than the page's column, and says it is pressed.
    const width = () => page.locator('#view-kwic').evaluate((n) => n.getBoundingClientRect().width);
    const narrow = await width();
    await page.getByTestId('kwic-full').click();
    assert.equal(await page.getByTestId('kwic-full').getAttribute('aria-pressed'), 'true');
    assert.ok((await width()) > narrow, 'wider');
    assert.ok((await width()) <= 1280, 'within the window');
    await page.locator('#view-kwic').screenshot({ path: `${OUTPUT}concordance-full-1280.png` });
    await page.getByTestId('kwic-full').click();

    // Selecting a keyword shows its occurrences (and ends the search).
    await page.locator('[data-testid="keyword-row"][data-key="创新"]').click();
    await page.waitForFunction(() => /「创新」的/.test(document.querySelector('[data-testid="kwic-summary"]').textContent));
    assert.equal((await lines(page)).length, await page.locator('[data-testid="keyword-row"][data-key="创新"] [data-testid="keyword-count"]').evaluate((n) => Number(n.textContent.replace(/\D/g, ''))));
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('a search past the limit says how many are listed, runs again on a new analysis; a phone lays the form out', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await open({ width: 390, height: 844 });
  try {
    const long = Array(4).fill(TEXT).join('\n');
    await pasteAndAnalyze(page, long);
    await search(page, '.', { mode: 'regex' });
    const every = clean(long).match(/./gu).length;
    assert.ok(every > 1000);
    assert.equal(await total(page), every);
    assert.match(await summary(page), /显示前 1,000 处/);
    const json = JSON.parse((await download(page, page.getByTestId('kwic-export-json'))).text);
    assert.equal(json.total, every);
    assert.equal(json.lines.length, 1000);
    assert.equal(json.limit, 1000);
    // A new analysis runs the search again, on the new text.
    await pasteAndAnalyze(page, TEXT);
    await page.waitForFunction(() => document.querySelector('#view-kwic').dataset.state === 'ready' && !/1,000/.test(document.querySelector('[data-testid="kwic-summary"]').textContent));
    assert.equal(await total(page), CLEAN.match(/./gu).length);
    // The form fits a phone: nothing wider than the view.
    const overflow = await page.locator('#view-kwic').evaluate((v) => v.scrollWidth - v.clientWidth);
    assert.ok(overflow <= 1, `no sideways scroll (${overflow})`);
    await page.locator('#view-kwic').screenshot({ path: `${OUTPUT}concordance-390.png` });
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

/** The keywords listed. */
const keywords = (page) => page.getByTestId('keyword-row').evaluateAll((rows) => rows.map((r) => r.dataset.key));

test('terms: counted as words by default, the option turns that off, and a term joins into a keyword', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await open();
  try {
    await pasteAndAnalyze(page, TEXT);
    // On by default in the page: 高质量发展 is one keyword.
    assert.equal(await page.getByTestId('opt-terms').isChecked(), true);
    assert.match(await page.getByTestId('opt-terms-hint').textContent(), /高质量发展/);
    const withTerms = await keywords(page);
    assert.ok(withTerms.includes('高质量发展'), withTerms.join(' '));

    // The terms view lists it, with its count and scores, marked as a keyword already.
    const terms = page.locator('#view-terms');
    await page.locator('#view-terms[data-state="ready"]').waitFor();
    const row = terms.locator('[data-testid="terms-row"][data-term="高质量发展"]');
    assert.equal(await row.count(), 1);
    assert.equal(Number(await row.getByTestId('terms-count').getAttribute('data-value')), naiveCount(CLEAN, '高质量发展'));
    assert.equal(await row.getByTestId('terms-is-keyword').count(), 1);
    // Sorted by a score on request.
    await terms.getByTestId('terms-sort-pmi').click();
    const pmis = await terms.getByTestId('terms-pmi').evaluateAll((cells) => cells.map((c) => Number(c.dataset.value)));
    assert.deepEqual(pmis, [...pmis].sort((a, b) => b - a));
    // Exports.
    const json = JSON.parse((await download(page, terms.getByTestId('terms-export-json'))).text);
    const listed = json.terms.find((x) => x.term === '高质量发展');
    assert.equal(listed.count, naiveCount(CLEAN, '高质量发展'));
    assert.deepEqual(listed.words, ['高质量', '发展']);
    const csv = (await download(page, terms.getByTestId('terms-export-csv'))).text.replace(/^\ufeff/, '');
    assert.match(csv, /^term,words,count,cohesion,pmi,left_entropy,right_entropy,known\r\n/);
    assert.match(csv, /\r\n高质量发展,高质量 发展,5,/);

    // The option off: the keyword list changes (高质量 and 发展 apart).
    const panel = page.locator('#view-options details.options-details');
    if (!(await panel.evaluate((d) => d.open))) await panel.locator('> summary').click();
    let count = await analysisCount(page);
    await page.getByTestId('opt-terms').uncheck();
    await waitAnalyzed(page, count);
    const without = await keywords(page);
    assert.notDeepEqual(without, withTerms);
    assert.ok(!without.includes('高质量发展'));
    assert.ok(without.includes('高质量'));
    await page.locator('#view-terms[data-state="ready"]').waitFor();
    assert.equal(await row.getByTestId('terms-is-keyword').count(), 0, 'not a keyword now');

    // One click joins it: the page analyses again and it is a keyword, the option still off.
    count = await analysisCount(page);
    await row.getByTestId('terms-join').click();
    await waitAnalyzed(page, count);
    assert.ok((await keywords(page)).includes('高质量发展'));
    assert.equal(await page.getByTestId('opt-terms').isChecked(), false);
    // A dictionary word now, it is no longer a sequence of words to discover.
    await page.locator('#view-terms[data-state="ready"]').waitFor();
    assert.equal(await row.count(), 0);
    assert.deepEqual(await page.getByTestId('opt-joined').locator('.opt-word').allTextContents(), ['高质量发展']);
    await terms.screenshot({ path: `${OUTPUT}concordance-terms-1280.png` });

    // A short text has no terms, and says why.
    await pasteAndAnalyze(page, '今天天气很好。');
    await page.locator('#view-terms[data-state="ready"]').waitFor();
    assert.match(await terms.getByTestId('terms-empty').textContent(), /至少出现 3 次/);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

// The rough edges a new user hit on the page (issue 13, part 2), each used the way they hit
// it, at 1280–1400 px and on a 390 × 844 phone: where the results appear, the concordance's
// contexts, a text with nothing to count, filtering in the other script, chart exports with a
// word selected, clipped columns, the phone's navigation, and the exports of the segmented
// text, every word and the custom word lists.
//
//   bash scripts/build.sh && cargo build && node --test tests/browser/first-use.test.mjs
//
// Screenshots go to test-output/first-use-*.png (git-ignored).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { OUTPUT, REPO, analysisCount, openPage, pasteAndAnalyze, start, waitAnalyzed } from './shell-helpers.mjs';
import { SAMPLES } from '../../www/lib/samples.js';

const NOVEL = `${REPO}../shared/corpus/running-text/traditional/pg24264_紅樓夢.txt`;

// Pasted from a learners' news page: pinyin after the characters, a stray tag.
const ANNOTATED =
  '長江經(jīng)濟(jì)帶發(fā)展(zhǎn)是國家戰略。推動長江經(jīng)濟(jì)帶發(fā)展(zhǎn)，要堅持生態優先、綠色發展。\n\n' +
  '長江經濟帶發展的關鍵在於協調，<b>長江經濟帶</b>沿線城市共同推動綠色發展。長江經濟帶發展惠及沿江百姓。\n';
const SIMPLIFIED = '会议强调，要推动长江经济带发展，坚持生态优先、绿色发展。会议指出，要加强协调，推动上中下游协同发展。';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** A page in a context that keeps downloads; `errors` collects console errors. */
async function open(viewport = { width: 1280, height: 900 }, locale = 'zh-CN') {
  const context = await env.browser.newContext({ viewport, locale, acceptDownloads: true });
  return openPage(env, { context });
}

/** Click `locator` and read what it downloads: its suggested name and its text. */
async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Put a long `text` in the box at once (typing it would take minutes) and analyse it. */
async function putAndAnalyze(page, text) {
  await page.evaluate((text) => {
    const box = document.querySelector('[data-testid="text-input"]');
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  const count = await analysisCount(page);
  await page.getByTestId('analyze-button').click();
  await waitAnalyzed(page, count);
}

/** Select a keyword in the table and wait for the concordance to show its lines. */
async function select(page, key) {
  await page.locator(`[data-testid="keyword-row"][data-key="${key}"]`).click();
  await page.waitForFunction(
    (key) => document.querySelector('#view-kwic').dataset.state === 'ready' && document.querySelector('[data-testid="kwic-summary"]').textContent !== '' && document.querySelector(`[data-testid="keyword-row"][data-key="${key}"][aria-current="true"]`),
    key,
  );
}

test('after Analyze the results come into view and take the focus; re-analysing for an option does not', { timeout: 90_000 }, async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 1400, height: 900 }, { width: 390, height: 844 }]) {
    const { context, page, errors } = await open(viewport);
    try {
      await pasteAndAnalyze(page, SIMPLIFIED);
      // The smooth scroll ends with the results at the top of the window.
      await page.waitForFunction(() => Math.abs(document.getElementById('results').getBoundingClientRect().top) < 2, null, { timeout: 5_000 });
      assert.equal(await page.evaluate(() => document.activeElement.id), 'results', `${viewport.width}px: the results have the focus`);
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-labelledby')), 'results-heading', 'and a name to announce');
      // Tab goes on into the results' navigation.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.closest('nav')?.id), 'results-nav');
      if (viewport.width === 1280) await page.screenshot({ path: `${OUTPUT}first-use-analyzed-1280.png` });
      if (viewport.width === 390) await page.screenshot({ path: `${OUTPUT}first-use-analyzed-390.png` });

      // An option changed in the panel re-analyses and leaves the reader where they are.
      await page.evaluate(() => window.scrollTo(0, 0));
      // On a phone the options panel starts closed.
      const panel = page.locator('#view-options details.options-details');
      if (!(await panel.evaluate((d) => d.open))) await panel.locator('> summary').click();
      const single = page.getByTestId('opt-single');
      await single.scrollIntoViewIfNeeded();
      const before = await page.evaluate(() => scrollY);
      const count = await analysisCount(page);
      await single.check();
      await waitAnalyzed(page, count);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'opt-single', 'the focus stays on the option');
      assert.equal(await page.evaluate(() => scrollY), before, 'the page did not move');
      await single.uncheck();
      assert.deepEqual(errors, [], 'no console errors');
    } finally {
      await context.close();
    }
  }
});

test('the concordance reads the cleaned text by default, as written on request, and never cuts the keyword', { timeout: 90_000 }, async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const { context, page, errors } = await open(viewport);
    try {
      await pasteAndAnalyze(page, ANNOTATED);
      // The page counts the terms found in the text as words: 長江經濟帶發展, four times, two
      // of them annotated, is one keyword.
      await select(page, '长江经济带发展');
      const kwic = page.locator('#view-kwic');
      const read = () =>
        kwic.getByTestId('kwic-line').evaluateAll((rows) =>
          rows.map((r) => ['kwic-left', 'kwic-keyword', 'kwic-right'].map((id) => r.querySelector(`[data-testid="${id}"]`).textContent)));
      const cleaned = await read();
      assert.equal(cleaned.length, 4);
      for (const [left, keyword, right] of cleaned) {
        assert.equal(keyword, '長江經濟帶發展');
        assert.doesNotMatch(left + right, /\(|<|[a-zāáǎàīíǐìūúǔùēéěèōóǒò]/, `no pinyin or markup: ${left}【${keyword}】${right}`);
      }
      // The first occurrence, cleaned: 20 characters of what the analysis read after it.
      assert.deepEqual(cleaned[0], ['', '長江經濟帶發展', '是國家戰略。推動長江經濟帶發展，要堅持生']);
      // The offsets are still the text's own: a click shows the occurrence, pinyin and all.
      const [start, end] = await kwic.getByTestId('kwic-line').first().evaluate((r) => [Number(r.dataset.start), Number(r.dataset.end)]);
      assert.equal(ANNOTATED.slice(start, end), '長江經(jīng)濟(jì)帶發(fā)展');

      // No keyword button is narrower than its text, in the table as laid out.
      const cut = async () => kwic.getByTestId('kwic-keyword').evaluateAll((bs) => bs.filter((b) => b.scrollWidth > b.clientWidth + 1).length);
      assert.equal(await cut(), 0, 'the keyword is shown whole');

      // As written: the pinyin is back, in the keyword and around it.
      await kwic.getByTestId('kwic-written').check();
      await page.waitForFunction(() => document.querySelector('[data-testid="kwic-keyword"]').textContent === '長江經(jīng)濟(jì)帶發(fā)展');
      const written = await read();
      assert.deepEqual(written[0], ['', '長江經(jīng)濟(jì)帶發(fā)展', '(zhǎn)是國家戰略。推動長江經(jī']);
      assert.equal(await cut(), 0, 'the annotated keyword is shown whole too');
      const json = JSON.parse((await download(page, kwic.getByTestId('kwic-export-json'))).text);
      assert.equal(json.contextFrom, 'written');
      assert.equal(json.lines[0].match, '長江經(jīng)濟(jì)帶發(fā)展');

      // A shorter keyword (5 characters, where it stands alone) in a phone's narrow table is
      // not cut either.
      await kwic.getByTestId('kwic-written').uncheck();
      await select(page, '长江经济带');
      assert.equal(await kwic.getByTestId('kwic-keyword').first().textContent(), '長江經濟帶');
      assert.equal(await cut(), 0, '長江經濟帶 is shown whole');
      const csv = (await download(page, kwic.getByTestId('kwic-export'))).text;
      assert.match(csv, /,長江經濟帶,/);
      await kwic.screenshot({ path: `${OUTPUT}first-use-kwic-${viewport.width}.png` });
      assert.deepEqual(errors, [], 'no console errors');
    } finally {
      await context.close();
    }
  }
});

test('a text with nothing to count says why, in the status and in every view, with the one click that helps', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await open();
  try {
    // One character: single characters are off by default.
    await pasteAndAnalyze(page, '猫');
    assert.match(await page.getByTestId('status').textContent(), /0 个关键词.*单字词默认不计入/);
    assert.match(await page.getByTestId('keywords-empty').textContent(), /都不到 2 个字.*包括单字词/);
    const count = await analysisCount(page);
    await page.getByTestId('keywords-include-single').click();
    await waitAnalyzed(page, count);
    assert.deepEqual(await page.getByTestId('keyword-word').allTextContents(), ['猫']);
    assert.equal(await page.getByTestId('opt-single').isChecked(), true, 'the option says so too');
    assert.equal(await page.getByTestId('keywords-include-single').isVisible(), false);
    await page.getByTestId('opt-single').uncheck();

    // Emoji only: no view asks for a text to analyse; each says there is no word to count.
    await pasteAndAnalyze(page, '😀🎉👍 😀😀');
    const noWords = /数字、标点、符号和表情符号不算作词/;
    for (const testid of ['keywords-empty', 'charts-empty', 'keyness-empty', 'kwic-empty', 'status']) {
      assert.match(await page.getByTestId(testid).textContent(), noWords, testid);
    }
    assert.match(await page.locator('#view-heatmap .heatmap-empty').textContent(), noWords);
    assert.equal(await page.getByTestId('keywords-include-single').isVisible(), false, 'single characters would not help');
    // Statistics: no coverage row of 0 words at 0.0%, twice.
    assert.equal(await page.locator('[data-testid^="stat-top"]').count(), 0);
    assert.match(await page.getByTestId('stat-coverage-none').textContent(), noWords);
    await page.locator('#view-stats').screenshot({ path: `${OUTPUT}first-use-stats-empty.png` });

    // Three words: one coverage row (the top 10 and the top 100 would be the same three).
    await pasteAndAnalyze(page, '长江经济带发展，绿色。');
    assert.equal(await page.locator('[data-testid^="stat-top"]').count(), 1);
    assert.match(await page.getByTestId('stat-top10').textContent(), /100\.0%/);

    // Stopwords only: the hint names them.
    await pasteAndAnalyze(page, '我们的，他们的。');
    assert.match(await page.getByTestId('keywords-empty').textContent(), /停用词或词性筛选/);

    // In English too.
    await page.getByTestId('lang-toggle').click();
    assert.match(await page.getByTestId('keywords-empty').textContent(), /stopwords or the part-of-speech filter/);
    assert.match(await page.getByTestId('status').textContent(), /stopwords or the part-of-speech filter/);
    await page.getByTestId('lang-toggle').click();
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('the keyword filter finds a word typed in the other script, through the key the analysis counts with', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await open();
  try {
    const rows = () => page.getByTestId('keyword-word').allTextContents();
    await pasteAndAnalyze(page, SIMPLIFIED);
    await page.getByTestId('keyword-filter').fill('發展');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="keyword-word"]')].map((n) => n.textContent).join() === '发展');
    await page.getByTestId('keyword-filter').fill('協調');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="keyword-word"]')].map((n) => n.textContent).join() === '协调');
    // And the other way round: a simplified filter in a traditional text.
    await pasteAndAnalyze(page, ANNOTATED);
    await page.getByTestId('keyword-filter').fill('绿色');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="keyword-word"]')].map((n) => n.textContent).join() === '綠色');
    // Nothing in either script: the table says so.
    await page.getByTestId('keyword-filter').fill('熊猫');
    await page.waitForFunction(() => !document.querySelector('[data-testid="keywords-empty"]').hidden);
    assert.deepEqual(await rows(), []);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('chart exports draw the whole chart, whatever is selected on screen', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await open();
  try {
    await pasteAndAnalyze(page, SAMPLES.report);
    await page.locator('[data-testid="word-cloud"][data-state="ready"]').waitFor();
    const second = await page.getByTestId('bar').nth(1).getAttribute('data-key');
    await page.getByTestId('bar').nth(1).click();
    // On screen, the other bars and words fade.
    const faded = await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="bar"] .ch-fill')).opacity);
    assert.equal(faded, '0.45');

    const bars = (await download(page, page.getByTestId('bars-export-svg'))).text;
    const opacities = [...bars.matchAll(/ opacity="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(opacities.length > 20 && opacities.every((o) => o === '1'), `every element opaque: ${[...new Set(opacities)]}`);
    const fills = [...bars.matchAll(/<rect [^>]*rx="2"[^>]*>/g)].map((m) => m[0].match(/ fill="([^"]+)"/)[1]);
    assert.equal(fills.length, 20);
    assert.equal(new Set(fills).size, 1, `every bar one colour, the selected one too: ${[...new Set(fills)]}`);
    const cloud = (await download(page, page.getByTestId('cloud-export-svg'))).text;
    assert.ok([...cloud.matchAll(/ opacity="([^"]+)"/g)].every((m) => m[1] === '1'));
    assert.doesNotMatch(cloud, /text-decoration="underline/, 'no word underlined as selected');

    // The PNG: the selected bar and another are drawn in the same colour.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bars-export-png').click()]);
    const png = (await readFile(await file.path())).toString('base64');
    const [a, b] = await page.evaluate(async (png) => {
      const svg = document.querySelector('[data-testid="bar-chart"] svg');
      const box = svg.getBoundingClientRect();
      const centre = (i) => {
        const r = svg.querySelectorAll('.ch-fill')[i].getBoundingClientRect();
        return [Math.round((r.left - box.left + 10) * 2), Math.round((r.top - box.top + r.height / 2) * 2)];
      };
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const g = canvas.getContext('2d');
      g.drawImage(image, 0, 0);
      return [0, 1].map((i) => [...g.getImageData(...centre(i), 1, 1).data]);
    }, png);
    assert.deepEqual(a, b, 'the first bar and the selected second bar have one colour');

    // The screen still shows the selection.
    assert.equal(await page.locator(`[data-testid="bar"][data-key="${second}"]`).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid="bar-chart"] svg').classList.contains('has-selection')), true);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('no column is clipped at 1280 px and wider, in either language, with a long text’s large numbers', { timeout: 180_000 }, async () => {
  // The sample report 150 times over: counts in the thousands, G² in the tens of thousands.
  const long = Array.from({ length: 150 }, () => SAMPLES.report).join('\n\n');
  for (const width of [1280, 1400, 1920]) {
    const { context, page, errors } = await open({ width, height: 900 });
    try {
      await putAndAnalyze(page, long);
      await select(page, await page.getByTestId('keyword-row').first().getAttribute('data-key'));
      for (const lang of ['zh', 'en']) {
        const clipped = await page.evaluate(() =>
          [...document.querySelectorAll('#results table')]
            .filter((table) => table.offsetParent !== null)
            .map((table) => ({ name: table.dataset.testid ?? table.className, over: table.scrollWidth - table.parentElement.clientWidth }))
            .filter((t) => t.over > 1));
        assert.deepEqual(clipped, [], `${width}px, ${lang}: every table fits its box`);
        if (width === 1400) await page.locator('#view-keyness').screenshot({ path: `${OUTPUT}first-use-keyness-1400-${lang}.png` });
        await page.getByTestId('lang-toggle').click();
        await page.waitForTimeout(300);
      }
      assert.deepEqual(errors, [], 'no console errors');
    } finally {
      await context.close();
    }
  }
});

test('on a phone the results navigation is one row that scrolls sideways', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await open({ width: 390, height: 844 });
  try {
    await pasteAndAnalyze(page, SAMPLES.news);
    const nav = page.getByTestId('results-nav');
    const { height, tops, links } = await nav.evaluate((n) => ({
      height: n.getBoundingClientRect().height,
      tops: new Set([...n.querySelectorAll('a')].map((a) => Math.round(a.getBoundingClientRect().top))).size,
      links: n.querySelectorAll('a').length,
    }));
    assert.equal(links, 14, 'a link per view, Vocabulary included');
    assert.equal(tops, 1, 'every link on one row');
    assert.ok(height <= 50, `the navigation takes ${height}px of 844`);
    // The last link is reached by scrolling the row, and takes the reader to its view.
    await nav.locator('a').last().click();
    await page.waitForFunction(() => location.hash === '#view-trends');
    const top = await page.evaluate(() => document.getElementById('view-trends').getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 844, `the trends chart is in view (top ${top}px)`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling of the page (${overflow}px)`);
    await page.screenshot({ path: `${OUTPUT}first-use-nav-390.png` });
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('the segmented text exports as `wenxi --tokens` prints it, and every word as CSV', { timeout: 120_000 }, async () => {
  const cli = `${REPO}target/debug/wenxi`;
  assert.ok(existsSync(cli), `${cli} is missing: run \`cargo build\``);
  const { Analyzer } = await import(`${REPO}pkg/node.js`);
  const { context, page, errors } = await open();
  try {
    // Headings, blank lines, CRLF, pinyin, markup and a last line without a line break.
    const text = '第一章　總則\r\n\r\n' + ANNOTATED + '最後一行 AI 與 ＡＩ';
    await pasteAndAnalyze(page, text);
    const segmented = await download(page, page.getByTestId('text-export-segmented'));
    assert.equal(segmented.name, 'wenxi-segmented.txt');
    // The text as the page has it (a textarea turns CRLF into LF), for the command line.
    const file = `${OUTPUT}first-use-segmented-input.txt`;
    writeFileSync(file, await page.getByTestId('text-input').inputValue());
    // The page counts the terms found in the text as words (its default, not the package's).
    assert.equal(segmented.text, execFileSync(cli, ['--tokens', '--options', '{"terms":true}', file], { encoding: 'utf8' }), 'byte for byte what the command line prints');
    assert.equal(segmented.text.split('\n').length - 1, text.split('\n').length, 'one line per input line');

    // Every word of a short text: the report's pool already holds them all.
    const all = await download(page, page.getByTestId('keywords-export-all'));
    assert.equal(all.name, 'wenxi-words.csv');
    const expected = new Analyzer().analyze(text, { topN: 100_000, terms: true });
    const rows = all.text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.equal(rows[0], 'rank,word,key,count,share,tfidf,textrank,pos,first,reference,sections');
    assert.deepEqual(rows.slice(1).map((r) => r.split(',')[1]), expected.keywords.map((k) => k.word));

    // A long text lists a pool of 300 words; the export analyses once more for every word.
    assert.ok(existsSync(NOVEL), `${NOVEL} is missing: the shared corpus must be beside the repository`);
    // As a textarea holds it: line breaks as \n.
    const novel = readFileSync(NOVEL, 'utf8').replace(/\r\n?/g, '\n').slice(0, 250_000);
    await putAndAnalyze(page, novel);
    const listed = await page.evaluate(() => document.querySelectorAll('[data-testid="keyness-row"]').length);
    const every = new Analyzer().analyze(novel, { topN: 1_000_000, terms: true });
    assert.ok(every.keywords.length > 3000, `${every.keywords.length} distinct words`);
    const csv = (await download(page, page.getByTestId('keywords-export-all'))).text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.equal(csv.length - 1, every.stats.distinctWords, `every word, not the ${listed} of the pool`);
    assert.deepEqual(csv.slice(1, 50).map((r) => r.split(',')[3]).map(Number), every.keywords.slice(0, 49).map((k) => k.count));
    assert.equal(csv.at(-1).split(',')[1], every.keywords.at(-1).word);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('the custom word lists export and import as plain text, one word a line', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await open();
  try {
    await pasteAndAnalyze(page, SIMPLIFIED);
    // Two joined words, added by hand.
    for (const word of ['长江经济带发展', '生态优先']) {
      const count = await analysisCount(page);
      await page.getByTestId('opt-add-word').fill(word);
      await page.getByTestId('opt-add-word').press('Enter');
      await waitAnalyzed(page, count);
    }
    const joined = await download(page, page.getByTestId('opt-joined-export'));
    assert.equal(joined.name, 'wenxi-joined-words.txt');
    assert.equal(joined.text, '长江经济带发展\n生态优先\n');
    assert.equal(await page.getByTestId('opt-split-export').isDisabled(), true, 'nothing to export yet');

    // Split words from a file: CRLF, a BOM, a blank line and a line that is not one word.
    const splitFile = { name: 'split.txt', mimeType: 'text/plain', buffer: Buffer.from('\ufeff协同发展\r\n有 空格\r\n\r\n上中下游\r\n') };
    let count = await analysisCount(page);
    await page.getByTestId('opt-split-import').setInputFiles(splitFile);
    await waitAnalyzed(page, count);
    assert.deepEqual(await page.getByTestId('opt-split').locator('.opt-word').allTextContents(), ['协同发展', '上中下游']);
    assert.match(await page.getByTestId('opt-split-notice').textContent(), /已从 split\.txt 导入 2 个词。跳过 1 行/);
    assert.equal((await download(page, page.getByTestId('opt-split-export'))).text, '协同发展\n上中下游\n');

    // Joined words from a file: added to those there, once each.
    count = await analysisCount(page);
    await page.getByTestId('opt-joined-import').setInputFiles({ name: 'joined.txt', mimeType: 'text/plain', buffer: Buffer.from('生态优先\n加强协调\n') });
    await waitAnalyzed(page, count);
    assert.deepEqual(await page.getByTestId('opt-joined').locator('.opt-word').allTextContents(), ['长江经济带发展', '生态优先', '加强协调']);
    assert.ok((await page.getByTestId('keyword-word').allTextContents()).includes('加强协调'), 'the analysis counts the imported word');

    // Stopwords from a file, then exported.
    count = await analysisCount(page);
    await page.getByTestId('opt-stopwords-import').setInputFiles({ name: 'stop.txt', mimeType: 'text/plain', buffer: Buffer.from('会议\n') });
    await waitAnalyzed(page, count);
    assert.equal(await page.getByTestId('opt-stopwords').inputValue(), '会议');
    assert.ok(!(await page.getByTestId('keyword-word').allTextContents()).includes('会议'));
    assert.equal((await download(page, page.getByTestId('opt-stopwords-export'))).text, '会议\n');
    await page.getByTestId('view-options').screenshot({ path: `${OUTPUT}first-use-options.png` });

    // Kept, like every custom word, across a reload.
    await page.reload();
    await page.waitForFunction(() => !document.querySelector('[data-testid="analyze-button"]').disabled);
    assert.deepEqual(await page.getByTestId('opt-split').locator('.opt-word').allTextContents(), ['协同发展', '上中下游']);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

// The keyword views (table, bar chart, word cloud, keyness) and their exports, used on the page
// the way a person would: paste, analyze, sort, filter, switch the ranking, click words, export.
//
//   bash scripts/build.sh                       # www/pkg/ (the wasm) and www/vendor/ (d3-cloud)
//   node --test tests/browser/keywords.test.mjs
//
// Screenshots go to test-output/keywords-*.png (git-ignored).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';
import { PAGE_DEFAULTS } from '../../www/lib/page-options.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = `${REPO}test-output/`;
const ROOT = process.env.WENXI_WWW ?? `${REPO}www/`;

// A traditional-Chinese policy report as pasted from a web page: numbered headings, pinyin
// annotations after some characters. Each section restates its paragraphs (as long reports do)
// so that the text is long enough for everyday words used once (工作, 問題, 時間) to be *less*
// frequent than in general Chinese: negative keywords.
const A = '會議強(qiáng)調(diào)，要推動長江經(jīng)濟(jì)帶發展，堅持生態優先、綠色發展，共抓大保護。';
const B = '沿江各省市要加強協(xié)調(diào)，完善生態補償機制，推動上中下游協同發展。';
const C = '專家表示，長江經濟帶發展要以科技創新為引領，推動產業轉型升級，讓綠色成為發展的底色。';
const D = '流域水質持續改善，沿江城市建設綠色港口和生態廊道，長江生態保護取得成效。';
const E = '記者問：這項工作的時間安排有什麼問題？';
const SECTIONS = [
  ['一、總體要求', [A, B, A, C]],
  ['二、生態保護', [D, B, D, A]],
  ['三、綠色發展', [C, A, C, D]],
  ['四、科技創新', [C, C, B, A]],
  ['五、答記者問', [A, D]],
];
const REPORT_TEXT =
  SECTIONS.map(([h, ps]) => `${h}\n\n${Array.from({ length: 20 }, () => ps.join('')).join('\n\n')}`).join('\n\n') +
  `\n\n${E}\n`;

let browser;
let server;
/** The report of REPORT_TEXT computed here in Node by the same wasm: the independent check. */
let expected;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  assert.ok(existsSync(`${ROOT}/pkg/wenxi.js`), 'www/pkg is missing: run `bash scripts/build.sh` first');
  assert.ok(
    existsSync(`${ROOT}/vendor/d3-cloud/d3.layout.cloud.js`) && existsSync(`${ROOT}/vendor/d3-cloud/LICENSE`),
    'www/vendor/d3-cloud is missing: run `bash scripts/build.sh` first',
  );
  await mkdir(OUTPUT, { recursive: true });
  const wasm = await import(new URL('pkg/wenxi.js', `file://${ROOT}/`).href);
  await wasm.default({ module_or_path: readFileSync(`${ROOT}/pkg/wenxi_bg.wasm`) });
  // With the page's one different default: it counts the terms found in the text as words.
  expected = new wasm.Analyzer().analyze(REPORT_TEXT, { topN: 100, terms: PAGE_DEFAULTS.terms });
  server = await serve({ root: ROOT, port: 0 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  context.on('request', (req) => requests.push(req.url()));
  await page.goto(server.url);
  await page.waitForFunction(() => !document.querySelector('[data-testid="analyze-button"]').disabled, null, { timeout: 30_000 });
  return { context, page, errors, requests };
}

/** Paste `text` and analyze; resolves when the keyword table and the cloud are drawn. */
async function pasteAndAnalyze(page, text) {
  const box = page.getByTestId('text-input');
  await box.click();
  await box.press('Control+A');
  await box.press('Delete');
  await page.keyboard.insertText(text);
  await page.getByTestId('analyze-button').click();
  await page.getByTestId('keyword-row').first().waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="word-cloud"][data-state="ready"]').waitFor({ timeout: 30_000 });
  // Chromium has OffscreenCanvas: the cloud is laid out in the layout worker, never on the page.
  assert.equal(await page.evaluate(() => typeof window.d3?.layout?.cloud), 'undefined', 'd3-cloud did not run on the page');
  assert.equal(await page.evaluate(() => typeof window.wenxiCloudLayout), 'undefined', 'nor its layout');
}

const texts = (locator) => locator.evaluateAll((nodes) => nodes.map((n) => n.textContent));
/** A number as the page formats it (thousands separators, %, significance marks). */
const num = (s) => Number(s.replace(/[^\d.\-]/g, ''));

function assertOrdered(values, dir, what) {
  for (let i = 1; i < values.length; i++) {
    const ok = dir === 'desc' ? values[i - 1] >= values[i] : values[i - 1] <= values[i];
    assert.ok(ok, `${what} is ${dir}ending at row ${i}: ${values.join(', ')}`);
  }
}

function assertSameOrigin(requests) {
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'every request goes to the page’s own origin');
  assert.ok(requests.some((url) => url.endsWith('/vendor/d3-cloud/d3.layout.cloud.js')), 'the cloud library comes from this origin');
  assert.ok(requests.some((url) => url.endsWith('/layout-worker.js')), 'the cloud is laid out in the layout worker');
}

/** Click `testid` and return the download it starts: its suggested name and its bytes. */
async function downloadOf(page, testid) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** Each keyword view as it sits on the whole page (a full-page shot keeps sticky bars in place). */
async function screenshotViews(page, device) {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const name of ['keywords', 'charts', 'keyness']) {
    const clip = await page.locator(`#view-${name}`).evaluate((node) => {
      const r = node.getBoundingClientRect();
      return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
    });
    await page.screenshot({ path: `${OUTPUT}keywords-${device}-${name}.png`, fullPage: true, clip });
  }
}

// Log-likelihood written out from Rayson & Garside (2000), apart from js/model.js.
function g2(a, b, c, d) {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  return 2 * ((a ? a * Math.log(a / e1) : 0) + (b ? b * Math.log(b / e2) : 0));
}

test('keyword table, charts and keyness: sort, filter, rank, select, export', { timeout: 180_000 }, async () => {
  const { context, page, errors, requests } = await openPage();
  try {
    await pasteAndAnalyze(page, REPORT_TEXT);
    const rows = page.getByTestId('keyword-row');
    assert.equal(await rows.count(), expected.keywords.length, 'every keyword has a row (fewer than a page of them)');
    assert.deepEqual(
      (await texts(page.getByTestId('keyword-word'))).slice(0, 5),
      expected.keywords.slice(0, 5).map((k) => k.word),
      'frequency order, words as written (traditional)',
    );
    assert.equal(num(await page.getByTestId('keyword-count').first().textContent()), expected.keywords[0].count);
    // The sparkline of the top word covers every section; a word of the last paragraph only one.
    assert.match(await rows.first().locator('svg.kw-spark').getAttribute('aria-label'), /5 \/ 5|5 of 5/);
    const lone = page.locator('tr[data-key="工作"] svg.kw-spark');
    assert.equal(await lone.locator('rect').count(), 1, '工作 is used in one section');

    // Sort each column both ways, as a person clicks the header buttons.
    for (const [field, testid] of [['count', 'keyword-count'], ['share', 'keyword-share'], ['weight', 'keyword-weight'], ['textrank', 'keyword-textrank']]) {
      const header = page.getByTestId(`sort-${field}`);
      for (const dir of ['desc', 'asc']) {
        if ((await header.locator('xpath=..').getAttribute('aria-sort')) !== `${dir}ending`) await header.click();
        assert.equal(await header.locator('xpath=..').getAttribute('aria-sort'), `${dir}ending`);
        assertOrdered((await texts(page.getByTestId(testid))).map(num), dir, field);
      }
    }
    const tfidfTop = [...expected.keywords].sort((a, b) => b.weight - a.weight)[0].word;
    await page.getByTestId('sort-weight').click(); // descending again
    assert.equal(await page.getByTestId('keyword-word').first().textContent(), tfidfTop);

    // Filter.
    await page.getByTestId('keyword-filter').fill('生態');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="keyword-word"]')].every((n) => n.textContent.includes('生態')));
    assert.ok((await rows.count()) >= 1);
    await page.getByTestId('keyword-filter').fill('');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="keyword-row"]').length === n, expected.keywords.length);

    // Keyboard: the table is one Tab stop; arrows move, Enter selects.
    await page.getByTestId('sort-count').click(); // back to count, descending
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const second = expected.keywords[1];
    assert.equal(await page.locator('tr[aria-current="true"]').first().getAttribute('data-key'), second.key);
    assert.equal(await page.locator(`[data-testid="bar"][data-key="${second.key}"]`).getAttribute('aria-pressed'), 'true', 'the bar chart follows');
    assert.equal(await page.locator(`[data-testid="cloud-word"][data-key="${second.key}"]`).getAttribute('aria-pressed'), 'true', 'the cloud follows');

    // Switch the ranking: the table's rank, the bar chart and the cloud follow it.
    await page.getByTestId('ranking-textrank').check();
    await page.locator('[data-testid="word-cloud"][data-ranking="textrank"][data-state="ready"]').waitFor();
    const byTextrank = [...expected.keywords].sort((a, b) => b.textrank - a.textrank || b.count - a.count);
    assert.equal(await page.getByTestId('keyword-word').first().textContent(), byTextrank[0].word, 'table sorted by TextRank');
    assert.equal(await page.getByTestId('sort-textrank').locator('xpath=..').getAttribute('aria-sort'), 'descending');
    const bars = await page.getByTestId('bar').evaluateAll((gs) => gs.map((g) => g.dataset.key));
    assert.deepEqual(bars, byTextrank.slice(0, 20).map((k) => k.key), 'bars in TextRank order');
    const biggest = await page.getByTestId('cloud-word').evaluateAll((ts) =>
      ts.sort((a, b) => b.getAttribute('font-size') - a.getAttribute('font-size'))[0].dataset.key);
    assert.equal(biggest, byTextrank[0].key, 'the largest cloud word is the best by TextRank');
    await page.getByTestId('ranking-weight').check();
    await page.locator('[data-testid="word-cloud"][data-ranking="weight"][data-state="ready"]').waitFor();
    assert.equal(await page.getByTestId('bar').first().getAttribute('data-key'), [...expected.keywords].sort((a, b) => b.weight - a.weight)[0].key);

    // Click a word in the cloud: the table, the bar chart and keyness select it.
    const target = expected.keywords.find((k) => k.word === '綠色');
    await page.locator(`[data-testid="cloud-word"][data-key="${target.key}"]`).click();
    assert.equal(await page.locator('[data-testid="keyword-row"][aria-current="true"]').getAttribute('data-key'), target.key);
    assert.equal(await page.locator(`[data-testid="bar"][data-key="${target.key}"]`).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('[data-testid="keyness-row"].is-selected').getAttribute('data-key'), target.key);

    // Keyness: positive and negative keywords with G² computed here independently.
    const c = expected.stats.words;
    const d = expected.referenceTotal;
    const positive = page.getByTestId('keyness-positive');
    const negative = page.getByTestId('keyness-negative');
    assert.ok((await positive.getByTestId('keyness-row').count()) > 10);
    const negativeWords = await texts(negative.getByTestId('keyness-word'));
    assert.ok(negativeWords.includes('工作') && negativeWords.includes('問題'), `negative keywords: ${negativeWords.join(' ')}`);
    // 長江經濟帶發展: a term the page joins (長江經濟帶 alone with the option off).
    for (const word of ['工作', '長江經濟帶發展', '發展']) {
      const k = expected.keywords.find((x) => x.word === word);
      const row = page.locator(`[data-testid="keyness-row"][data-key="${k.key}"]`);
      const shown = Number(await row.getByTestId('keyness-g2').getAttribute('data-value'));
      const want = g2(k.count, k.reference, c, d);
      assert.ok(Math.abs(shown - want) < 1e-9 * Math.max(1, want), `G² of ${word}: ${shown} vs ${want}`);
      assert.equal(num(await row.getByTestId('keyness-count').textContent()), k.count);
      const marks = want > 10.83 ? '***' : want > 6.63 ? '**' : want > 3.84 ? '*' : '';
      assert.equal((await row.getByTestId('keyness-mark').textContent()).trim(), marks, `significance of ${word}`);
    }
    // 工作: once in c words against 66k in 60M: p < 0.05, and used less (negative log ratio).
    assert.ok(num(await page.locator('[data-testid="keyness-row"][data-key="工作"]').getByTestId('keyness-lr').textContent()) < 0);
    await positive.getByTestId('keyness-sort-logRatio').click();
    assertOrdered((await positive.getByTestId('keyness-lr').evaluateAll((n) => n.map((x) => Number(x.dataset.value)))), 'desc', 'log ratio');
    assert.match(await page.getByTestId('keyness-about').textContent(), /jieba/);

    // Exports.
    await page.getByTestId('ranking-count').check();
    const csv = await downloadOf(page, 'keywords-export-csv');
    assert.equal(csv.name, 'wenxi-keywords.csv');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const csvLines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    assert.equal(csvLines[0], 'rank,word,key,count,share,tfidf,textrank,pos,first,reference,sections,juillandD,dp');
    assert.equal(csvLines.length, expected.keywords.length + 1);
    assert.ok(csvLines[1].startsWith(`1,${expected.keywords[0].word},${expected.keywords[0].key},${expected.keywords[0].count},`), csvLines[1]);

    const json = await downloadOf(page, 'keywords-export-json');
    assert.equal(json.name, 'wenxi-keywords.json');
    const doc = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(doc.keywords.length, expected.keywords.length);
    assert.equal(doc.keywords[0].word, expected.keywords[0].word);

    const keynessCsv = (await downloadOf(page, 'keyness-export-csv')).bytes.toString('utf8');
    assert.match(keynessCsv, /\r\nnegative,工作,工作,1,/);

    const svgFile = await downloadOf(page, 'bars-export-svg');
    assert.equal(svgFile.name, 'wenxi-bar-chart.svg');
    const svgText = svgFile.bytes.toString('utf8');
    assert.match(svgText, /^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svgText.includes(`>${expected.keywords[0].word}</text>`), 'the words are in the SVG');
    assert.doesNotMatch(svgText, /var\(--|tabindex|<script/i, 'standalone: computed colours, no interaction');

    for (const testid of ['cloud-export-png', 'bars-export-png']) {
      const png = await downloadOf(page, testid);
      assert.match(png.name, /^wenxi-(word-cloud|bar-chart)\.png$/);
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      assert.ok(png.bytes.length > 2000, `a real picture: ${png.bytes.length} bytes`);
    }

    await page.getByTestId('keywords-copy').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="keywords-status"]').textContent !== '');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    const clipLines = clip.trimEnd().split('\n');
    assert.equal(clipLines[0], 'rank\tword\tkey\tcount\tshare\ttfidf\ttextrank\tpos\tfirst\treference\tsections\tjuillandD\tdp');
    assert.equal(clipLines.length, expected.keywords.length + 1);

    await screenshotViews(page, 'desktop');
    assertSameOrigin(requests);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('the keyword views fit a phone screen and work by touch', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPage({ width: 390, height: 844 });
  try {
    await pasteAndAnalyze(page, REPORT_TEXT);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390px (overflow ${overflow}px)`);
    for (const testid of ['bar-chart', 'word-cloud']) {
      const width = await page.getByTestId(testid).locator('svg').evaluate((s) => s.getBoundingClientRect().width);
      assert.ok(width <= 390, `${testid} fits: ${width}px`);
    }
    const word = page.getByTestId('cloud-word').first();
    const key = await word.getAttribute('data-key');
    await word.click();
    assert.equal(await page.locator('[data-testid="keyword-row"][aria-current="true"]').getAttribute('data-key'), key);
    await screenshotViews(page, 'phone');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('markup in the text is shown as text in the keyword views', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openPage();
  try {
    // Entity-encoded markup decodes to the characters < and >: its words (img, onerror, alert)
    // become keywords, and must stay text in the table, the charts and keyness.
    const hostile = [
      '<img src=x onerror=alert(1)>標題裏的圖片，應當作為文字顯示。',
      '&lt;img src=x onerror=alert(1)&gt; onerror onerror 經過實體編碼的標籤，解碼後仍然只是文字。',
      '<svg onload=alert(1)>引號和尖括號，也只是普通字符。',
    ].join('\n\n');
    await page.evaluate(() => {
      window.alert = () => {
        window.__alerted = true;
      };
    });
    await pasteAndAnalyze(page, hostile);
    const words = await texts(page.getByTestId('keyword-word'));
    assert.ok(words.includes('onerror'), `the decoded markup's words are keywords, as text: ${words.join(' ')}`);
    const state = await page.evaluate(() => {
      const views = ['keywords', 'charts', 'keyness'].map((n) => document.getElementById(`view-${n}`));
      return {
        alerted: window.__alerted,
        images: views.reduce((n, v) => n + v.querySelectorAll('img, iframe, object, embed, script, foreignObject').length, 0),
        handlers: views.reduce((n, v) => n + [...v.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length, 0),
        cloudText: [...document.querySelectorAll('[data-testid="cloud-word"]')].map((t) => t.textContent),
      };
    });
    assert.equal(state.alerted, undefined, 'no injected handler ran');
    assert.equal(state.images, 0, 'no element was created from the text');
    assert.equal(state.handlers, 0, 'no element has an event-handler attribute');
    assert.ok(state.cloudText.includes('onerror'), `the cloud shows the word as text: ${state.cloudText.join(' ')}`);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

// The page, used like a person would: paste a text, press Analyze, read and click the results.
//
//   bash scripts/build.sh            # makes www/pkg/ (the wasm)
//   node --test tests/browser/       # or: npm run test:browser
//
// Uses the system Chromium (/usr/bin/chromium, or $CHROMIUM) through playwright-core; it never
// downloads a browser. Screenshots go to test-output/ (git-ignored).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';
import { CSP, serve } from '../../scripts/serve.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = `${REPO}test-output/`;
// The folder to serve: www/ unless WENXI_WWW names another (a copy with a different build).
const ROOT = process.env.WENXI_WWW ?? `${REPO}www/`;

// A traditional-Chinese news text as pasted from a web page: pinyin annotations after
// characters, as textbooks and some news sites print them, and a stray closing tag at the end.
const PARAGRAPHS = [
  '會議強(qiáng)調(diào)，要推動長江經(jīng)濟(jì)帶發(fā)展，堅持生態(tài)優先、綠色發(fā)展，共抓大保護、不搞大開發。',
  '會議指出，沿江各省市要加強協(xié)調(diào)，完善生態補償機制，推動上中下游協(xié)同發(fā)展。今年以來，流域水質持續改善。',
  '專家表示，長江經(jīng)濟(jì)帶發展要以科技創新為引領，推動產業轉型升級，讓綠色成為高質量發展的底色。',
  '記者了解到，下一步有關部門將出臺配套政策，支持沿江城市建設綠色港口和生態廊道。</p>',
];
const NEWS = PARAGRAPHS.join('\n\n') + '\n';

/** A paragraph as the analysis reads it: annotations and tags removed. */
const clean = (s) => s.replace(/\([a-zü\u0300-\u036f\u00c0-\u024f]+\)/gi, '').replace(/<\/?[a-z][^>]*>/gi, '');
/** The opening clause of a paragraph: up to the first clause or sentence mark. */
const openingClause = (s) => clean(s).split(/[，。；：！？、,;:!?]/)[0];
const stripTrailingMarks = (s) => s.trim().replace(/[\s，。；：！？、,;:!?…．.]+$/u, '');


let browser;
let server;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  assert.ok(
    existsSync(`${ROOT}/pkg/wenxi.js`),
    `${ROOT}/pkg/wenxi.js is missing: run \`bash scripts/build.sh\` first`,
  );
  await mkdir(OUTPUT, { recursive: true });
  server = await serve({ root: ROOT, port: 0 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Open the page in a fresh context and record what a test must check afterwards: console
 * errors, uncaught exceptions, and every request (the worker's included).
 */
async function openPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  context.on('request', (req) => requests.push(req.url()));
  const response = await page.goto(server.url);
  // The worker has loaded the wasm and built the dictionary when the button comes alive.
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="analyze-button"]').disabled,
    null,
    { timeout: 30_000 },
  );
  return { context, page, errors, requests, response };
}

/** Paste `text` into the textarea (one input event, as a paste gives) and press Analyze. */
async function pasteAndAnalyze(page, text) {
  const box = page.getByTestId('text-input');
  await box.click();
  await box.press('Control+A');
  await box.press('Delete');
  await page.keyboard.insertText(text);
  const before = await page.getByTestId('status').textContent();
  await page.getByTestId('analyze-button').click();
  await page.waitForFunction(
    (previous) => {
      const results = document.querySelector('[data-testid="results"]');
      const status = document.querySelector('[data-testid="status"]').textContent;
      const error = document.querySelector('[data-testid="error"]');
      return (!results.hidden && results.getAttribute('aria-busy') === 'false' && status !== previous) || !error.hidden;
    },
    before,
    { timeout: 30_000 },
  );
  const error = page.getByTestId('error');
  if (await error.isVisible()) assert.fail(`the page shows an error: ${await error.textContent()}`);
}

const texts = (locator) => locator.evaluateAll((nodes) => nodes.map((n) => n.textContent));

function assertSameOrigin(requests) {
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'every request goes to the page’s own origin');
  assert.ok(
    requests.some((url) => url.endsWith('/pkg/wenxi_bg.wasm')),
    `the wasm fetch is among the recorded requests: ${requests.join(', ')}`,
  );
}

test('a pasted traditional news text gives keywords, outline, stats and cleaning', { timeout: 90_000 }, async () => {
  const { context, page, errors, requests, response } = await openPage();
  try {
    assert.equal(response.headers()['content-security-policy'], CSP);
    assert.equal(response.headers()['x-content-type-options'], 'nosniff');
    await assert.doesNotReject(page.getByTestId('privacy-note').waitFor());
    assert.match(await page.getByTestId('privacy-note').textContent(), /never leaves/);

    await pasteAndAnalyze(page, NEWS);

    // Keywords: as written (traditional), with no pinyin, tag remnants or punctuation.
    const words = await texts(page.getByTestId('keyword-word'));
    assert.ok(words.length > 0, 'the keyword table has rows');
    assert.ok(words.includes('發展'), `發展 is a keyword: ${words.join(' ')}`);
    assert.equal(words[0], '發展', `發展 is the most frequent word: ${words.join(' ')}`);
    for (const word of words) {
      assert.doesNotMatch(word, /[a-zA-Z\u00c0-\u024f\u0300-\u036f]/, `no pinyin or tag letters in “${word}”`);
      assert.doesNotMatch(word, /^[\p{P}\p{S}\s]+$/u, `no punctuation-only word: “${word}”`);
      assert.ok(word === word.trim() && word.length > 0, `a keyword is a bare word: “${word}”`);
    }
    assert.ok(!words.includes('发展'), 'keywords stay in the script they were written in');
    const firstRow = page.getByTestId('keyword-row').first();
    const cells = await texts(firstRow.locator('td'));
    assert.equal(cells[0], '1');
    assert.match(cells[2], /^\d+$/, 'count');
    assert.match(cells[3], /^\d+(\.\d)?%$/, 'share as a percentage');
    assert.match(cells[4], /^\d+\.\d{3}$/, 'TF-IDF weight');

    // Outline: one entry per paragraph, titled by its opening clause.
    const titles = await texts(page.getByTestId('outline-title'));
    assert.deepEqual(
      titles.map(stripTrailingMarks),
      PARAGRAPHS.map(openingClause),
      'one outline entry per paragraph, titled by its opening clause',
    );

    // Stats and cleaning.
    const number = async (testId) => Number((await page.getByTestId(testId).textContent()).replace(/[^\d.]/g, ''));
    assert.ok((await number('stat-characters')) >= [...clean(NEWS)].length, 'characters');
    assert.ok((await number('stat-han')) > 100, 'Han characters');
    assert.equal(await number('stat-paragraphs'), PARAGRAPHS.length, 'paragraphs');
    assert.ok((await number('stat-sentences')) >= PARAGRAPHS.length, 'sentences');
    const annotations = (NEWS.match(/\([a-z\u00c0-\u024f]+\)/g) ?? []).length;
    assert.equal(await number('cleaning-annotations'), annotations, 'every pinyin annotation counted');
    assert.equal(await number('cleaning-tags'), 1, 'the stray </p> counted');
    assert.match(await page.getByTestId('script-kind').textContent(), /繁体|Traditional/);

    // The user's text is untouched.
    assert.equal(await page.getByTestId('text-input').inputValue(), NEWS);

    // Choosing an outline entry selects that paragraph in the textarea, as written.
    for (const index of [2, 0, 3]) {
      await page.getByTestId('outline-entry').nth(index).click();
      const selection = await page.evaluate(() => {
        const box = document.querySelector('[data-testid="text-input"]');
        return {
          focused: document.activeElement === box,
          start: box.selectionStart,
          end: box.selectionEnd,
          text: box.value.slice(box.selectionStart, box.selectionEnd),
        };
      });
      assert.ok(selection.focused, 'the textarea has focus');
      assert.equal(selection.text.trim(), PARAGRAPHS[index], `entry ${index} selects its paragraph`);
      assert.equal(selection.start, NEWS.indexOf(PARAGRAPHS[index]), `entry ${index} start offset`);
    }

    await page.screenshot({ path: `${OUTPUT}desktop.png`, fullPage: true });
    assertSameOrigin(requests);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('markup in the text is shown as text and never runs', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await openPage();
  try {
    const hostile = [
      '<img src=x onerror=window.__xss=1>標題裏的圖片，應當作為文字顯示。',
      '&lt;img src=x onerror=window.__xss=1&gt;經過實體編碼的標籤，解碼後仍然只是文字。',
      '<script>window.__xss=1</script>腳本標籤不能執行，頁面只用 textContent 顯示結果。',
      '"><svg onload=window.__xss=1>引號和尖括號，也只是普通字符。',
    ].join('\n\n');
    const scriptsBefore = await page.evaluate(() => document.scripts.length);
    await pasteAndAnalyze(page, hostile);
    const state = await page.evaluate(() => ({
      xss: window.__xss,
      scripts: document.scripts.length,
      images: document.querySelectorAll('img, svg, iframe, object, embed').length,
      outline: document.querySelector('[data-testid="outline"]').textContent,
    }));
    assert.equal(state.xss, undefined, 'no injected handler ran');
    assert.equal(state.scripts, scriptsBefore, 'no script element was added');
    assert.equal(state.images, 0, 'no element was created from the text');
    assert.ok(state.outline.length > 0, 'the outline shows the text');
    assert.equal(await page.getByTestId('text-input').inputValue(), hostile, 'the text is untouched');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('Analyze on an empty text asks for text in the alert area', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openPage();
  try {
    await page.getByTestId('analyze-button').click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible', timeout: 5_000 });
    assert.match(await alert.textContent(), /请先输入|Type or paste/);
    assert.equal(await page.getByTestId('results').isVisible(), false);
    // Ctrl+Enter in the textarea analyses, and a result clears the message.
    await page.getByTestId('text-input').click();
    await page.keyboard.insertText('長江經濟帶發展。');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('keyword-row').first().waitFor({ timeout: 30_000 });
    assert.equal(await alert.isVisible(), false);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('the page fits a phone screen', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await openPage({ width: 390, height: 844 });
  try {
    await pasteAndAnalyze(page, NEWS);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390px (overflow ${overflow}px)`);
    await page.screenshot({ path: `${OUTPUT}phone.png`, fullPage: true });
    // Keyboard only: Tab reaches the button, and the focus is visible.
    await page.getByTestId('text-input').focus();
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => ({
      testid: document.activeElement?.dataset?.testid,
      outline: getComputedStyle(document.activeElement).outlineStyle,
    }));
    assert.equal(focus.testid, 'analyze-button');
    assert.notEqual(focus.outline, 'none', 'the focused button shows a focus ring');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('choosing a late section of a long text scrolls the textarea to it', { timeout: 90_000 }, async () => {
  const { context, page, errors } = await openPage();
  try {
    const paragraphs = Array.from(
      { length: 120 },
      (_, i) => `第${i + 1}條消息，沿江城市推進生態修復，長江經濟帶綠色發展持續向好。`,
    );
    const text = paragraphs.join('\n\n');
    await pasteAndAnalyze(page, text);
    const entries = page.getByTestId('outline-entry');
    assert.equal(await entries.count(), paragraphs.length);
    await entries.nth(100).click();
    const state = await page.evaluate(() => {
      const box = document.querySelector('[data-testid="text-input"]');
      return {
        selected: box.value.slice(box.selectionStart, box.selectionEnd),
        scrollTop: box.scrollTop,
        scrollHeight: box.scrollHeight,
        clientHeight: box.clientHeight,
      };
    });
    assert.equal(state.selected.trim(), paragraphs[100]);
    // Paragraph 101 of 120 lies about 100/120 of the way down the scrolled text.
    const expected = (100 / 120) * state.scrollHeight;
    assert.ok(
      state.scrollTop <= expected && expected <= state.scrollTop + state.clientHeight,
      `the selection is in view: scrollTop ${state.scrollTop}, expected near ${expected}`,
    );
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

// The page as a whole, used like a person would: paste a text, press Analyze, read the results;
// the empty-text message, keyboard use and the phone layout (screenshots desktop.png, phone.png).
//
//   bash scripts/build.sh            # makes www/pkg/ (the wasm)
//   node --test tests/browser/       # or: npm run test:browser
//
// Uses the system Chromium (/usr/bin/chromium, or $CHROMIUM) through playwright-core; it never
// downloads a browser. Screenshots go to test-output/ (git-ignored).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CSP } from '../../scripts/serve.mjs';
import { assertSameOrigin, OUTPUT, openPage as open, pasteAndAnalyze, ROOT, start, waitAnalyzed } from './shell-helpers.mjs';

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


let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const openPage = (viewport) => open(env, { viewport });
const texts = (locator) => locator.evaluateAll((nodes) => nodes.map((n) => n.textContent));

test('a pasted traditional news text gives keywords, outline, stats and cleaning', { timeout: 90_000 }, async () => {
  const { context, page, errors, requests, response } = await openPage();
  try {
    assert.equal(response.headers()['content-security-policy'], CSP);
    assert.equal(response.headers()['x-content-type-options'], 'nosniff');
    await assert.doesNotReject(page.getByTestId('privacy-note').waitFor());
    assert.match(await page.getByTestId('privacy-note').textContent(), /不会发送到任何地方/);

    await pasteAndAnalyze(page, NEWS);

    // Keywords (drawn by views/keywords.js): as written, with no pinyin or tag remnants.
    const keywords = await page.getByTestId('view-keywords').textContent();
    assert.ok(keywords.includes('發展'), '發展 is among the keywords');
    assert.ok(!keywords.includes('发展'), 'keywords stay in the script they were written in');
    assert.doesNotMatch(keywords, /qiáng|jīng|<\/p>/, 'no pinyin or tag remnants');

    // Stats and cleaning.
    const number = async (testId) => Number((await page.getByTestId(testId).textContent()).replace(/[^\d.]/g, ''));
    assert.match(await page.getByTestId('status').textContent(), /分析完成/);
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

    await page.screenshot({ path: `${OUTPUT}desktop.png`, fullPage: true });
    assertSameOrigin(env, requests);
    assert.ok(requests.some((url) => url.endsWith('/pkg/wenxi_bg.wasm')), 'the wasm fetch is among the recorded requests');
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
    await waitAnalyzed(page, 0);
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
    // Keyboard only: Tab goes from the text to "open file" (its label shows the focus ring),
    // the sample buttons, Clear, and Analyze, each with a visible focus ring.
    await page.getByTestId('text-input').focus();
    const order = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const node = document.activeElement;
          const shown = node.type === 'file' ? node.labels[0] : node;
          return { testid: node.dataset.testid, outline: getComputedStyle(shown).outlineStyle };
        }),
      );
    }
    assert.deepEqual(order.map((o) => o.testid), ['file-input', 'sample-news', 'sample-report', 'clear', 'analyze-button']);
    for (const o of order) assert.notEqual(o.outline, 'none', `${o.testid} shows a focus ring`);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('the views of views/index.js, and only they, have a container, a stylesheet, a title and an offline copy', { timeout: 60_000 }, async () => {
  // views/index.js is the list; index.html (containers, stylesheets) and sw.js (what it caches
  // on install) still name the views too, so they are held to it here.
  const { context, page, errors } = await openPage();
  try {
    // The corpus mode's views load when that mode is first chosen, not with the page.
    const corpusViews = ['corpus', 'corpus-search', 'corpus-keyness'];
    const loaded = () =>
      page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    assert.deepEqual((await loaded()).filter((path) => path.startsWith('/views/corpus')), [], 'not part of the page load');
    await page.getByTestId('mode-corpus').click();
    await page.waitForFunction(
      (names) => names.every((n) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/views/${n}.css`))),
      corpusViews,
    );
    await page.waitForTimeout(300);
    for (const name of corpusViews) assert.ok((await loaded()).includes(`/views/${name}.js`), `${name} loaded in corpus mode`);
    const found = await page.evaluate(async () => {
      const { VIEWS } = await import('/views/index.js');
      const { t } = await import('/lib/i18n.js');
      const names = Object.keys(VIEWS);
      return {
        names,
        containers: [...document.querySelectorAll('[data-view]')].map((n) => [n.dataset.view, n.id]),
        stylesheets: [...document.querySelectorAll('link[rel="stylesheet"]')]
          .map((l) => new URL(l.href).pathname)
          .filter((path) => path.startsWith('/views/')),
        untitled: names.filter((name) => !t.has(`view.${name}`)),
        mountable: names.filter((name) => typeof VIEWS[name].mount === 'function'),
      };
    });
    assert.ok(found.names.length >= 9, found.names.join(' '));
    assert.deepEqual(found.containers.map(([name]) => name).sort(), [...found.names].sort(), 'one container per view');
    for (const [name, id] of found.containers) assert.equal(id, `view-${name}`);
    assert.deepEqual([...found.stylesheets].sort(), found.names.map((name) => `/views/${name}.css`).sort(), 'one stylesheet per view');
    assert.deepEqual(found.untitled, [], 'every view registers its title, view.NAME');
    assert.deepEqual(found.mountable, found.names);
    const sw = readFileSync(`${ROOT}/sw.js`, 'utf8');
    for (const name of found.names) assert.ok(sw.includes(`'${name}'`), `sw.js caches the ${name} view on install`);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

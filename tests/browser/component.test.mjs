// The <wenxi-analyzer> element on examples/embed.html, as a page that embeds it would use it:
// both elements render, the event fires, typing re-analyses, attributes and theming apply,
// define.js loads twice, a new analysis aborts the previous one, text stays text, no CSS leaks
// out, the strict CSP holds and nothing leaves the origin. Screenshot: test-output/component.png.
//
//   bash scripts/build.sh          # makes pkg/ (the npm package the example loads)
//   node --test tests/browser/component.test.mjs
//
// The repository root is served (so /examples/ and /pkg/ both are), with the page's CSP header.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';
import { CSP, serve } from '../../scripts/serve.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = `${REPO}test-output/`;

let server;
let browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  for (const file of ['define.js', 'component.js', 'index.js', 'worker.js', 'wenxi.js', 'wenxi_bg.wasm']) {
    assert.ok(existsSync(`${REPO}pkg/${file}`), `pkg/${file} is missing: run \`bash scripts/build.sh\` first`);
  }
  await mkdir(OUTPUT, { recursive: true });
  server = await serve({ root: REPO, port: 0 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Open examples/embed.html, recording console errors, uncaught exceptions, dialogs (an injected
 * alert() would open one), CSP violations, every request (workers' included) and every
 * wenxi-analyzed / wenxi-error event that reaches `document` (so: it bubbled out of the shadow
 * tree's host) with its phase flags. Waits until both elements have rendered.
 */
async function openExample({ colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN', colorScheme });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  context.on('request', (req) => requests.push(req.url()));
  // Init scripts run through the DevTools protocol, outside the page's CSP.
  await page.addInitScript(() => {
    window.__violations = [];
    window.__events = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    for (const type of ['wenxi-analyzed', 'wenxi-error']) {
      document.addEventListener(type, (e) => {
        const host = e.composedPath()[0];
        window.__events.push({
          type,
          bubbles: e.bubbles,
          composed: e.composed,
          element: [...document.querySelectorAll('wenxi-analyzer')].indexOf(host),
          keywords: e.detail?.report?.keywords?.map((k) => k.word) ?? null,
          characters: e.detail?.report?.stats?.characters ?? null,
          kind: e.detail?.kind ?? null,
        });
      });
    }
  });
  const response = await page.goto(`${server.url}examples/embed.html`);
  await waitDone(page, 0);
  await waitDone(page, 1);
  const check = async () => {
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violations');
    assert.deepEqual(errors, [], 'no console errors, exceptions or dialogs');
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'every request goes to the page’s own origin');
  };
  return { context, page, errors, requests, response, check };
}

/** The `index`th element on the page (a locator; Playwright pierces its open shadow root). */
const element = (page, index) => page.locator('wenxi-analyzer').nth(index);

/** Wait until element `index` is idle with a report (fails if it shows an error). */
async function waitDone(page, index) {
  await page.waitForFunction(
    (i) => {
      const el = document.querySelectorAll('wenxi-analyzer')[i];
      return el && (el.state === 'error' || (el.state === 'done' && el.report));
    },
    index,
    { timeout: 60_000 },
  );
  const state = await page.evaluate((i) => document.querySelectorAll('wenxi-analyzer')[i].state, index);
  if (state === 'error') {
    assert.fail(`element ${index}: ${await element(page, index).locator('[part~="status"]').textContent()}`);
  }
}

const words = (page, index) => element(page, index).locator('[part~="word"]').allTextContents();
const eventCount = (page) => page.evaluate(() => window.__events.filter((e) => e.type === 'wenxi-analyzed').length);
const waitEvents = (page, n) =>
  page.waitForFunction((n) => window.__events.filter((e) => e.type === 'wenxi-analyzed').length >= n, n, {
    timeout: 60_000,
  });

test('the example page renders keywords and sections in both elements, and the event bubbles out', { timeout: 90_000 }, async () => {
  const { context, page, requests, response, check } = await openExample();
  try {
    assert.equal(response.headers()['content-security-policy'], CSP);

    // The textarea's element: top="10", count ranking, the outline nested by heading level.
    const first = await words(page, 0);
    assert.equal(first.length, 10, 'top="10" lists ten words');
    assert.ok(first.includes('菜园'), `菜园 is among the keywords: ${first}`);
    const titles = await element(page, 0).locator('[part~="section-title"]').allTextContents();
    assert.ok(titles.includes('社区菜园记') && titles.includes('一、缘起') && titles.includes('三、收获'), `titles: ${titles}`);
    const nested = await element(page, 0).locator('[part~="subsections"] [part~="section-title"]').allTextContents();
    assert.ok(nested.includes('二、分工'), 'level-2 headings are nested under the title');
    assert.match(await element(page, 0).locator('[part~="status"]').textContent(), /分析完成/);
    assert.ok(await element(page, 0).locator('[part~="progress"]').isHidden(), 'no progress bar when idle');

    // The element with its own text content: top="5", ranked by TF-IDF.
    const second = await words(page, 1);
    assert.equal(second.length, 5);
    assert.equal(second[0], '茶叶');
    assert.equal(await element(page, 1).locator('th').nth(3).textContent(), 'TF-IDF');
    assert.ok((await element(page, 1).locator('[part~="section"]').count()) >= 1, 'an outline entry');
    // Its content is the input, not shown as raw text (no slot).
    assert.equal(await page.evaluate(() => document.querySelectorAll('wenxi-analyzer')[1].shadowRoot.querySelector('slot')), null);

    // One wenxi-analyzed per element reached document: bubbling, composed, with the report.
    const events = await page.evaluate(() => window.__events);
    assert.deepEqual(events.map((e) => [e.type, e.element, e.bubbles, e.composed]).sort(), [
      ['wenxi-analyzed', 0, true, true],
      ['wenxi-analyzed', 1, true, true],
    ]);
    assert.ok(events.every((e) => e.keywords.length > 0 && e.characters > 0), 'detail.report is the report');

    // The shadow stylesheet applied under style-src 'self' (adoptedStyleSheets).
    const styled = await page.evaluate(() => {
      const root = document.querySelector('wenxi-analyzer').shadowRoot;
      return { sheets: root.adoptedStyleSheets.length, th: getComputedStyle(root.querySelector('th')).fontWeight };
    });
    assert.deepEqual(styled, { sheets: 1, th: '600' });

    // One worker for both elements, one wasm fetch.
    assert.equal(requests.filter((u) => u.endsWith('/pkg/worker.js')).length, 1, 'one shared worker');
    assert.equal(requests.filter((u) => u.endsWith('/pkg/wenxi_bg.wasm')).length, 1, 'one wasm fetch');

    await page.screenshot({ path: `${OUTPUT}component.png`, fullPage: true });
    await check();
  } finally {
    await context.close();
  }
});

test('typing in the textarea re-analyses (debounced: one analysis for a burst of keys)', { timeout: 90_000 }, async () => {
  const { context, page, check } = await openExample();
  try {
    const before = await eventCount(page);
    await page.locator('#text').fill('');
    await page.locator('#text').pressSequentially('图书馆的图书很多，图书馆也很安静。', { delay: 20 });
    await waitEvents(page, before + 1);
    await waitDone(page, 0);
    await page.waitForTimeout(600);
    assert.equal(await eventCount(page), before + 1, 'one analysis after the typing stopped');
    const first = await words(page, 0);
    assert.equal(first[0], '图书馆', `keywords now: ${first}`);
    assert.ok(!first.includes('菜园'));
    assert.equal(await page.evaluate(() => window.__events.at(-1).element), 0, 'the textarea’s element analysed');
    await check();
  } finally {
    await context.close();
  }
});

test('the top, ranking and lang attributes change the rendering', { timeout: 90_000 }, async () => {
  const { context, page, check } = await openExample();
  try {
    const el = element(page, 0);
    const before = await eventCount(page);
    const byCount = await words(page, 0);

    await el.evaluate((node) => node.setAttribute('top', '3'));
    assert.deepEqual(await words(page, 0), byCount.slice(0, 3), 'top="3" keeps the first three');

    await el.evaluate((node) => node.setAttribute('ranking', 'textrank'));
    assert.equal(await el.locator('th').nth(3).textContent(), 'TextRank');
    assert.equal(await el.locator('[part~="value"]').first().textContent(), '1.000', 'the best TextRank word is 1');
    const values = (await el.locator('[part~="value"]').allTextContents()).map(Number);
    assert.deepEqual(values, [...values].sort((a, b) => b - a), 'ordered by TextRank');

    await el.evaluate((node) => node.setAttribute('ranking', 'weight'));
    assert.equal(await el.locator('th').nth(3).textContent(), 'TF-IDF');

    assert.equal(await el.locator('h2').first().textContent(), '关键词', 'Chinese from <html lang="zh-CN">');
    await el.evaluate((node) => node.setAttribute('lang', 'en'));
    assert.equal(await el.locator('h2').first().textContent(), 'Keywords');
    assert.equal(await el.locator('h2').nth(1).textContent(), 'Outline');
    assert.match(await el.locator('[part~="status"]').textContent(), /^Done:/);

    // None of these needed a new analysis: the report holds a wider pool of words.
    assert.equal(await eventCount(page), before);
    // A top beyond that pool (keywordPool: 1,000 words for a short text) asks the worker again.
    await el.evaluate((node) => node.setAttribute('top', '1500'));
    await waitEvents(page, before + 1);
    await check();
  } finally {
    await context.close();
  }
});

test('::part() and custom properties style the element from the page', { timeout: 90_000 }, async () => {
  const { context, page, check } = await openExample();
  try {
    const themed = await page.evaluate(() => {
      const host = document.querySelector('wenxi-analyzer.themed');
      const root = host.shadowRoot;
      const css = (node) => getComputedStyle(node);
      return {
        word: css(root.querySelector('[part~="word"]')).color, // ::part(word)
        status: css(root.querySelector('[part~="status"]')).fontStyle, // ::part(status)
        heading: css(root.querySelector('h2')).color, // var(--wenxi-accent)
        background: css(host).backgroundColor, // var(--wenxi-bg)
        font: css(host).fontFamily, // var(--wenxi-font)
        plainHeading: css(document.querySelector('wenxi-analyzer').shadowRoot.querySelector('h2')).color,
      };
    });
    assert.equal(themed.word, 'rgb(46, 125, 50)');
    assert.equal(themed.status, 'italic');
    assert.equal(themed.heading, 'rgb(46, 125, 50)');
    assert.equal(themed.background, 'rgb(243, 248, 241)');
    assert.match(themed.font, /^Georgia/);
    assert.equal(themed.plainHeading, 'rgb(26, 95, 180)', 'the other element has the page-wide accent');
    await check();
  } finally {
    await context.close();
  }
});

test('no CSS leaks out of the element', { timeout: 90_000 }, async () => {
  const { context, page, check } = await openExample();
  try {
    const leak = await page.evaluate(() => {
      // Elements of the kinds the shadow stylesheet styles (h2, table cells, ol, p), outside it.
      const probe = document.createElement('div');
      probe.innerHTML = '<p>段落</p><h2>标题</h2><table><tr><th>表头</th><td>单元格</td></tr></table><ol><li>一</li></ol>';
      document.querySelector('main').append(probe);
      const css = (sel) => getComputedStyle(probe.querySelector(sel));
      const body = getComputedStyle(document.body);
      return {
        documentSheets: [...document.styleSheets].map((s) => new URL(s.href).pathname),
        adopted: document.adoptedStyleSheets.length,
        styleElements: document.querySelectorAll('style').length,
        p: [css('p').color === body.color, css('p').fontSize, css('p').marginTop],
        h2: [css('h2').color === body.color, css('h2').fontSize],
        th: [css('th').fontWeight, css('th').borderBottomStyle, css('th').textAlign],
        ol: css('ol').paddingInlineStart,
      };
    });
    assert.deepEqual(leak, {
      documentSheets: ['/examples/embed.css'],
      adopted: 0,
      styleElements: 0,
      p: [true, '16px', '16px'],
      h2: [true, '24px'],
      th: ['700', 'none', 'center'],
      ol: '40px',
    });
    await check();
  } finally {
    await context.close();
  }
});

test('define.js loads twice without error; a second copy of the class does not re-register', { timeout: 90_000 }, async () => {
  const { context, page, check } = await openExample();
  try {
    const result = await page.evaluate(async () => {
      const first = customElements.get('wenxi-analyzer');
      const again = await import('/pkg/define.js?x'); // another URL: the module runs again
      const copy = await import('/pkg/component.js?y'); // a second copy of the class itself
      copy.WenxiAnalyzerElement.define();
      copy.WenxiAnalyzerElement.define('wenxi-analyzer', customElements);
      return {
        same: customElements.get('wenxi-analyzer') === first,
        exported: again.WenxiAnalyzerElement === first,
        copyDiffers: copy.WenxiAnalyzerElement !== first,
      };
    });
    assert.deepEqual(result, { same: true, exported: true, copyDiffers: true });
    // A second script tag for it, too.
    await page.evaluate(async () => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = '../pkg/define.js';
      const loaded = new Promise((ok, fail) => {
        script.onload = ok;
        script.onerror = fail;
      });
      document.head.append(script);
      await loaded;
    });
    await page.waitForTimeout(200);
    await check();
  } finally {
    await context.close();
  }
});

test('a new analysis aborts the one running: only the last result renders', { timeout: 120_000 }, async () => {
  const { context, page, check } = await openExample();
  try {
    // A long text (about 1.3 M characters) keeps the worker busy long enough to interrupt.
    const started = await page.evaluate(() => {
      const el = document.createElement('wenxi-analyzer');
      el.id = 'race';
      el.top = 5;
      el.text = '长江经济带的生态保护和绿色发展是一项长期任务，需要沿江各地共同努力。\n'.repeat(40_000);
      document.querySelector('main').append(el);
      return el.text.length;
    });
    assert.ok(started > 1_000_000);
    await page.waitForFunction(() => document.getElementById('race').state === 'analysing');
    await page.waitForFunction(
      () => Number(document.getElementById('race').shadowRoot.querySelector('[part~="progress"]').getAttribute('aria-valuenow')) > 0,
      null,
      { timeout: 60_000 },
    );
    assert.ok(await page.locator('#race').locator('[part~="progress"]').isVisible(), 'the progress bar shows');
    const before = await eventCount(page);
    await page.evaluate(() => {
      document.getElementById('race').text = '短文本里只有月亮和星星，月亮很亮。';
    });
    await page.waitForFunction(() => document.getElementById('race').state === 'done');
    await page.waitForTimeout(500);
    const events = await page.evaluate(() => window.__events.filter((e) => e.element === 2));
    assert.equal(events.length, 1, 'one wenxi-analyzed event, for the last text');
    assert.ok(events[0].characters < 100);
    assert.equal(await eventCount(page), before + 1);
    assert.equal((await words(page, 2))[0], '月亮');

    // The shared worker was restarted by the abort: the other elements still analyse.
    await page.locator('#text').fill('花园很美。我们在花园散步，花园的花开了。');
    await waitEvents(page, before + 2);
    await waitDone(page, 0);
    assert.equal((await words(page, 0))[0], '花园', `keywords now: ${await words(page, 0)}`);
    await check();
  } finally {
    await context.close();
  }
});

test('markup in the text is shown as text, never as elements', { timeout: 90_000 }, async () => {
  const { context, page, check } = await openExample();
  try {
    const evil = '<img src=x onerror=alert(1)>图片说明：这张图片很清楚。<script>alert(2)</script>';
    const before = await eventCount(page);
    // As the element's text content (a text node, not markup) and as the text property.
    await page.evaluate((evil) => {
      const el = document.querySelectorAll('wenxi-analyzer')[1];
      el.textContent = evil;
      const other = document.createElement('wenxi-analyzer');
      other.text = `# ${evil}\n\n${evil}`;
      document.querySelector('main').append(other);
    }, evil);
    await waitEvents(page, before + 2);
    await waitDone(page, 1);
    await waitDone(page, 2);
    const found = await page.evaluate(() =>
      [...document.querySelectorAll('wenxi-analyzer')].map((el) => el.shadowRoot.querySelectorAll('img, script, [onerror]').length),
    );
    assert.deepEqual(found, [0, 0, 0], 'no img or script in any shadow root');
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0, 'nor in the page');
    assert.ok((await words(page, 1)).includes('图片'));
    await page.waitForTimeout(300); // an onerror handler would have run by now
    await check(); // includes: no dialog opened
  } finally {
    await context.close();
  }
});

test('levels(): each element’s vocabulary profile is of its own text, though the two share one worker', { timeout: 90_000 }, async () => {
  const { context, page, check } = await openExample();
  try {
    const profiles = await page.evaluate(async () => {
      const [a, b] = document.querySelectorAll('wenxi-analyzer');
      // b's, then a's, then b's again: the worker's last text changes between the calls.
      const pb = await b.levels({});
      const pa = await a.levels({ level: 1 });
      const pb2 = await b.levels({});
      const marks = await a.levelMarks({ level: 1 });
      return { pa, pb, pb2, places: marks.spans.length / 3, bandsOfA: marks.bands.map((band) => band.keys.length) };
    });
    assert.deepEqual(profiles.pb2, profiles.pb, 'the same profile for the same element');
    assert.notDeepEqual(profiles.pa.levels, profiles.pb.levels, 'the two texts differ');
    for (const p of [profiles.pa, profiles.pb]) {
      assert.equal(p.levels.reduce((n, r) => n + r.tokens, 0), p.graded.tokens, 'the levels add up');
    }
    // Level 1 known: only words above it (or beyond) are left to learn.
    assert.ok(profiles.pa.coverage.known !== null && profiles.pa.unknown.every((u) => u.level === null || u.level > 1));
    // levelMarks() of a, after b's text was analysed last: a place per graded word of a's text.
    assert.equal(profiles.places, profiles.pa.graded.tokens);
    assert.deepEqual(profiles.bandsOfA.map((n) => n > 0), profiles.pa.levels.map((r) => r.types > 0), 'a band has words where its level has');
    await check();
  } finally {
    await context.close();
  }
});

// Getting a text into the page: opening files in every encoding the page detects, dropping a
// file, HTML files (opened and pasted alike), the sample buttons.   Run: node --test tests/browser/ (after scripts/build.sh)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { analysisCount, assertSameOrigin, openPage, pasteAndAnalyze, shownNumber, start, waitAnalyzed } from './shell-helpers.mjs';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixture = (name) => readFile(new URL(name, FIXTURES));

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Open a file through the "Open file…" control, as a person choosing it would. */
async function openFile(page, name, buffer, mimeType = 'text/plain') {
  const before = await analysisCount(page);
  await page.getByTestId('file-input').setInputFiles({ name, mimeType, buffer });
  await waitAnalyzed(page, before);
}

test('GB18030, Big5 and UTF-16 files are decoded, and the page says which encoding it used', { timeout: 60_000 }, async () => {
  const { context, page, errors, requests } = await openPage(env);
  try {
    const cases = [
      ['notice.gb18030.txt', await fixture('notice.gb18030.txt'), (await fixture('notice.gb18030.utf8.txt')).toString(), /GB18030/],
      ['notice.big5.txt', await fixture('notice.big5.txt'), (await fixture('notice.big5.utf8.txt')).toString(), /Big5/],
    ];
    // UTF-16 with a byte order mark, little- and big-endian, made here from a UTF-8 text.
    const text = '長江經濟帶發展，綠色發展。𦡦字在基本多文種平面之外。\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    cases.push(['utf16le.txt', le, text, /UTF-16 LE/], ['utf16be.md', be, text, /UTF-16 BE/]);
    cases.push(['utf8.txt', Buffer.from(text), text, /UTF-8/]);

    for (const [name, bytes, expected, encoding] of cases) {
      await openFile(page, name, bytes);
      assert.equal(await page.getByTestId('text-input').inputValue(), expected, `${name} decoded to its text`);
      const source = await page.getByTestId('source').textContent();
      assert.match(source, encoding, `${name}: the page names the encoding (${source})`);
      assert.ok(source.includes(name), `${name}: the page names the file`);
      assert.ok((await page.getByTestId('stat-han').textContent()) !== '0', `${name} was analysed`);
    }
    assertSameOrigin(env, requests);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('a dropped file is opened; an HTML file goes in as its source, and its markup is not analysed', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openPage(env);
  try {
    // Drop a Markdown file on the textarea, as dragging it from the desktop does.
    const markdown = '# 第一章 图书馆\n\n市图书馆延长开放时间，读者可以在晚上借书。\n';
    const before = await analysisCount(page);
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'notes.md', { type: 'text/markdown' }));
      const target = document.querySelector('[data-testid="text-input"]');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    }, markdown);
    await waitAnalyzed(page, before);
    assert.equal(await page.getByTestId('text-input').inputValue(), markdown);
    assert.match(await page.getByTestId('source').textContent(), /notes\.md/);
    assert.equal(page.url(), env.server.url, 'the browser did not navigate to the dropped file');

    // An HTML page: its source goes into the text box as a paste would, and the engine's
    // cleaner leaves out its markup, scripts and styles; nothing in it runs.
    const html = [
      '<!doctype html><html><head><title>港口新聞</title><style>p{color:red}</style></head><body>',
      '<h1>港口推動綠色航運</h1>',
      '<p>碼頭岸電覆蓋率<b>明年</b>達到九成。<img src=x onerror="window.__xss=1"></p>',
      '<script>window.__xss = 2 // 腳本註釋</script>',
      '<ul><li>第一期工程</li><li>第二期工程</li></ul>',
      '</body></html>',
    ].join('\n');
    await openFile(page, 'page.html', Buffer.from(html), 'text/html');
    const value = await page.getByTestId('text-input').inputValue();
    assert.equal(value, html, 'the text box holds the page source, as pasting it would');
    assert.match(await page.getByTestId('source').textContent(), /page\.html.*(源码|source)/s);
    const words = await page.getByTestId('keyword-word').evaluateAll((nodes) => nodes.map((n) => n.textContent));
    assert.ok(words.includes('碼頭'), `the page's text is analysed: ${words}`);
    for (const markup of ['window', '__xss', 'color', 'red', 'img', 'onerror', '腳本', '註釋']) {
      assert.ok(!words.some((w) => w.includes(markup)), `${markup} is markup, not a keyword: ${words}`);
    }
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'nothing in the HTML file ran');
    assert.equal(await page.locator('main img').count(), 0, 'no image from the file entered the page');

    // A file the page does not read is refused with a message; the text stays.
    await page.getByTestId('file-input').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await page.getByRole('alert').waitFor({ state: 'visible' });
    assert.match(await page.getByRole('alert').textContent(), /report\.pdf/);
    assert.equal(await page.getByTestId('text-input').inputValue(), value, 'the text is unchanged');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('a saved web page gives the same report opened as a .html file and pasted as source', { timeout: 90_000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const { page, errors } = await openPage(env, { context });
  try {
    const bytes = await readFile(new URL('../fixtures/pages/news-library.html', import.meta.url));
    const source = bytes.toString('utf8');
    /** The report as the page exports it: keywords, and the outline's sections. */
    const report = async () => {
      const exported = {};
      for (const view of ['keywords', 'outline']) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`${view}-export-json`).click()]);
        exported[view] = JSON.parse(await readFile(await download.path(), 'utf8'));
      }
      return exported;
    };

    await openFile(page, 'news-library.html', bytes, 'text/html');
    assert.equal(await page.getByTestId('text-input').inputValue(), source, 'the file is decoded to its source');
    const opened = await report();

    await pasteAndAnalyze(page, source);
    const pasted = await report();
    assert.deepEqual(pasted, opened, 'pasting the source gives the report opening the file gave');

    const words = opened.keywords.keywords.map((k) => k.word);
    assert.ok(words.includes('图书馆'), `the article is read: ${words.slice(0, 20)}`);
    // Scripts, styles, SVG drawings and comments of the page are left out (tests/pages.rs
    // checks this word by word; here the page shows the same).
    for (const hidden of ['svg', 'path', 'var', 'function', '48s21.5', '160z', '注释', '广告位', 'showQrLayer']) {
      assert.ok(!words.includes(hidden), `${hidden} comes from hidden markup: ${words.slice(0, 20)}`);
    }
    assert.ok((await shownNumber(page, 'cleaning-tags')) > 0, 'the tags are counted');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('the sample buttons load and analyse the two samples', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openPage(env);
  try {
    let before = await analysisCount(page);
    await page.getByTestId('sample-news').click();
    await waitAnalyzed(page, before);
    const news = await page.getByTestId('text-input').inputValue();
    assert.match(news, /經\(jīng\)營\(yíng\)/, 'the news sample has inline pinyin');
    assert.ok(Number(await page.getByTestId('cleaning-annotations').textContent()) >= 4, 'the annotations are counted');
    assert.equal(await page.getByTestId('script-kind').getAttribute('data-kind'), 'traditional');

    before = await analysisCount(page);
    await page.getByTestId('sample-report').click();
    await waitAnalyzed(page, before);
    const report = await page.getByTestId('text-input').inputValue();
    assert.match(report, /^一、基本情况$/m);
    assert.match(report, /^（一）设施和藏书$/m);
    assert.equal(await page.getByTestId('script-kind').getAttribute('data-kind'), 'simplified');
    assert.match(await page.getByTestId('status').textContent(), /8 节/, 'the report sample has its headings as sections');
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('decode.js: byte order marks, valid UTF-8, and GB18030 against Big5', { timeout: 30_000 }, async () => {
  const { context, page } = await openPage(env);
  try {
    const results = await page.evaluate(async () => {
      const { decodeBytes, fileKind } = await import('./lib/decode.js');
      const bytes = (...b) => new Uint8Array(b);
      return {
        utf8bom: decodeBytes(bytes(0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad)),
        ascii: decodeBytes(bytes(0x61, 0x62)),
        // 中文 in GB18030 (D6 D0 CE C4) and in Big5 (A4 A4 A4 E5).
        gb: decodeBytes(bytes(0xd6, 0xd0, 0xce, 0xc4)),
        big5: decodeBytes(bytes(0xa4, 0xa4, 0xa4, 0xe5)),
        kinds: ['a.txt', 'b.MD', 'c.htm', 'd.html', 'e.pdf', 'f'].map((n) => fileKind(n)),
      };
    });
    assert.deepEqual(results.utf8bom, { encoding: 'utf-8', text: '中' });
    assert.deepEqual(results.ascii, { encoding: 'utf-8', text: 'ab' });
    assert.deepEqual(results.gb, { encoding: 'gb18030', text: '中文' });
    assert.deepEqual(results.big5, { encoding: 'big5', text: '中文' });
    assert.deepEqual(results.kinds, ['text', 'text', 'html', 'html', null, null]);
  } finally {
    await context.close();
  }
});

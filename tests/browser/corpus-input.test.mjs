// The corpus mode's input: many files at once, a zip (made here with fflate), a text split at
// its 第X回 headings or at separator lines, the documents list used with the keyboard, sessions
// saved as a file and reopened in a fresh page, the corpus kept in IndexedDB and deleted, and
// the one-text mode still analysing as before.
//   Run: node --test tests/browser/corpus-input.test.mjs (after scripts/build.sh)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { assertSameOrigin, openPage, pasteAndAnalyze, useShell } from './shell-helpers.mjs';

const env = useShell();
const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixture = (name) => readFile(new URL(name, FIXTURES));
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** Characters as the page counts them (code points). */
const chars = (text) => [...text].length;

/** The documents list as shown: names (the inputs' values) and sizes. */
async function shownDocs(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="corpus-doc"]')].map((row) => ({
      name: row.querySelector('[data-testid="corpus-doc-name"]').value,
      size: Number(row.querySelector('[data-testid="corpus-doc-size"]').textContent.replace(/[^\d]/g, '')),
    })),
  );
}

async function corpusMode(page) {
  await page.getByTestId('mode-corpus').click();
  await page.getByTestId('corpus-panel').waitFor({ state: 'visible' });
}

/** Wait for the status line to say something that matches `pattern`. */
async function waitMessage(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[data-testid="corpus-message"]').textContent), pattern.source);
  return page.getByTestId('corpus-message').textContent();
}

const NOVEL = [
  '西游记选段\n',
  '第一回　灵根育孕源流出　心性修持大道生\n',
  '东胜神洲海外有一国土，名曰傲来国。国近大海，海中有一座名山，唤为花果山。\n\n',
  '第二回　悟彻菩提真妙理　断魔归本合元神\n',
  '美猴王得了姓名，怡然踊跃，对菩提前作礼启谢。\n\n',
  '第三回　四海千山皆拱伏　九幽十类尽除名\n',
  '美猴王荣归故里，自斩了混世魔王，夺了一口大刀。\n',
].join('');

test('the one-text mode is the default and still analyses; the tabs switch with the keyboard', { timeout: 90_000 }, async () => {
  const { context, page, errors, requests } = await openPage(env);
  try {
    assert.equal(await page.getByTestId('mode-text').getAttribute('aria-selected'), 'true');
    assert.equal(await page.getByTestId('corpus-panel').isHidden(), true, 'the corpus panel starts hidden');
    const text = '会议强调，要推动长江经济带发展。长江经济带发展要坚持生态优先、绿色发展。';
    const keywords = () => page.getByTestId('keywords-table').locator('tbody tr').allTextContents();
    await pasteAndAnalyze(page, text);
    assert.ok((await keywords()).some((row) => row.includes('长江')), 'the text was analysed');

    // Arrow keys move between the tabs (WAI-ARIA tabs): the corpus panel, then back.
    await page.getByTestId('mode-text').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getByTestId('mode-corpus').getAttribute('aria-selected'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'mode-corpus');
    assert.equal(await page.getByTestId('analyze-form').isHidden(), true);
    assert.equal(await page.getByTestId('corpus-panel').isVisible(), true);
    // The panel speaks the interface's language.
    await page.getByTestId('lang-toggle').click();
    assert.equal(await page.getByTestId('mode-corpus').textContent(), 'Many documents (corpus)');
    assert.match(await page.getByTestId('corpus-summary').textContent(), /No documents yet/);
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('mode-corpus').focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getByTestId('analyze-form').isVisible(), true);

    // The text and its results are as they were; analysing again works.
    assert.equal(await page.getByTestId('text-input').inputValue(), text);
    const other = '市图书馆延长开放时间，读者可以在晚上借书。图书馆还增加了自习座位。';
    await pasteAndAnalyze(page, other);
    assert.ok((await keywords()).some((row) => row.includes('图书馆')), 'the new text was analysed');
    assertSameOrigin(env, requests);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('three files opened at once and a zip (two texts and a binary entry, which is skipped and named)', { timeout: 90_000 }, async () => {
  const { context, page, errors, requests } = await openPage(env);
  try {
    await corpusMode(page);
    const gb = await fixture('notice.gb18030.txt');
    const gbText = (await fixture('notice.gb18030.utf8.txt')).toString();
    const md = '# 上海\n\n上海市政府工作报告：推进城市更新，发展现代服务业。\n';
    const html = '<!doctype html><html><body><h1>广东</h1><p>广东省政府工作报告。</p></body></html>\n';
    await page.getByTestId('corpus-file-input').setInputFiles([
      { name: 'notice.txt', mimeType: 'text/plain', buffer: gb },
      { name: '上海.md', mimeType: 'text/markdown', buffer: Buffer.from(md) },
      { name: '广东.html', mimeType: 'text/html', buffer: Buffer.from(html) },
    ]);
    assert.match(await waitMessage(page, /已加入 3 篇/), /已加入 3 篇文档/);
    assert.deepEqual(await shownDocs(page), [
      { name: 'notice.txt', size: chars(gbText) },
      { name: '上海.md', size: chars(md) },
      { name: '广东.html', size: chars(html) },
    ], 'named by file, sized in characters of the decoded text (GB18030 decoded)');

    // A zip made here: two texts, an image, and a folder entry.
    const beijing = '北京市政府工作报告：建设国际科技创新中心。';
    const zip = zipSync({
      'reports/': new Uint8Array(0),
      'reports/北京.txt': strToU8(beijing),
      'reports/天津.md': strToU8('天津市政府工作报告：港口与制造业。\n'),
      'reports/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    });
    await page.getByTestId('corpus-file-input').setInputFiles({ name: 'reports.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    const said = await waitMessage(page, /已加入 2 篇/);
    assert.match(said, /未加入 1 项/);
    assert.match(await page.getByTestId('corpus-skipped').textContent(), /reports\.zip\/reports\/logo\.png：不是文本文件/);
    const docs = await shownDocs(page);
    assert.deepEqual(docs.slice(3).map((d) => d.name), ['reports/北京.txt', 'reports/天津.md']);
    assert.equal(docs[3].size, chars(beijing));
    assert.match(await page.getByTestId('corpus-summary').textContent(), /5 篇文档/);

    // A zip bomb: two 33 MB entries of one letter, a few hundred KB packed. Refused whole.
    const big = new Uint8Array(33 * 1024 * 1024).fill(0x41);
    const bomb = zipSync({ 'a.txt': big, 'b.txt': big }, { level: 9 });
    await page.getByTestId('corpus-file-input').setInputFiles({ name: 'bomb.zip', mimeType: 'application/zip', buffer: Buffer.from(bomb) });
    await waitMessage(page, /已加入 0 篇/);
    assert.match(await page.getByTestId('corpus-skipped').textContent(), /bomb\.zip：解压后共 66\.0 MB，超过上限 64\.0 MB/);
    assert.equal((await shownDocs(page)).length, 5, 'nothing was added from the bomb');

    // A file dropped on the page in corpus mode joins the corpus; the text box is left alone.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['重庆市政府工作报告。'], '重庆.txt', { type: 'text/plain' }));
      const target = document.querySelector('[data-testid="corpus-drop-zone"]');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    });
    await waitMessage(page, /已加入 1 篇/);
    assert.deepEqual((await shownDocs(page)).at(-1), { name: '重庆.txt', size: chars('重庆市政府工作报告。') });
    assert.equal(await page.getByTestId('text-input').inputValue(), '', 'the one-text box is unchanged');

    // fflate came from the page's own origin, loaded when the first zip was opened.
    assert.ok(requests.some((url) => url.endsWith('/vendor/fflate/browser.js')), 'fflate loaded from vendor/');
    assertSameOrigin(env, requests);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('a pasted text split at its 第X回 headings, or at separator lines; renamed, reordered and removed with the keyboard', { timeout: 90_000 }, async () => {
  // bypassCSP: axe is injected as an inline script at the end (as in a11y.test.mjs).
  const { context, page, errors } = await openPage(env, { context: await env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' }) });
  try {
    await corpusMode(page);
    await page.getByTestId('corpus-split-text').fill(NOVEL);
    await page.getByTestId('corpus-split').click();
    await waitMessage(page, /已加入 4 篇/);
    // The text before the first heading is a document of its own, named by its position.
    const pieces = NOVEL.split(/(?=^第.回)/m);
    assert.deepEqual(await shownDocs(page), [
      { name: '文档 1', size: chars(pieces[0]) },
      { name: '第一回　灵根育孕源流出　心性修持大道生', size: chars(pieces[1]) },
      { name: '第二回　悟彻菩提真妙理　断魔归本合元神', size: chars(pieces[2]) },
      { name: '第三回　四海千山皆拱伏　九幽十类尽除名', size: chars(pieces[3]) },
    ]);

    // At separator lines.
    await page.getByTestId('corpus-by-separator').check();
    await page.getByTestId('corpus-separator').fill('***');
    await page.getByTestId('corpus-split-text').fill('甲篇。\n***\n乙篇。\n  ***  \n丙篇。\n');
    await page.getByTestId('corpus-split').click();
    await waitMessage(page, /已加入 3 篇/);
    assert.deepEqual((await shownDocs(page)).slice(4), [
      { name: '文档 5', size: chars('甲篇。\n') },
      { name: '文档 6', size: chars('乙篇。\n') },
      { name: '文档 7', size: chars('丙篇。\n') },
    ]);
    // A separator no line equals: an alert, nothing added.
    await page.getByTestId('corpus-separator').fill('===');
    await page.getByTestId('corpus-split').click();
    assert.match(await page.getByTestId('corpus-error').textContent(), /没有一行等于“===”/);
    assert.equal((await shownDocs(page)).length, 7);

    // Rename with the keyboard; a name another document has gets a suffix.
    const names = page.getByTestId('corpus-doc-name');
    await names.nth(0).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('序');
    await page.keyboard.press('Enter');
    await names.nth(5).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('序');
    await page.keyboard.press('Tab');
    let docs = await shownDocs(page);
    assert.equal(docs[0].name, '序');
    assert.equal(docs[5].name, '序 (2)');

    // Move the first document down twice with Enter and Space; the focus stays on its button.
    await page.getByTestId('corpus-doc-down').nth(0).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    docs = await shownDocs(page);
    assert.deepEqual(docs.slice(0, 3).map((d) => d.name), ['第一回　灵根育孕源流出　心性修持大道生', '第二回　悟彻菩提真妙理　断魔归本合元神', '序']);
    assert.equal(await page.evaluate(() => document.activeElement.closest('li').querySelector('input').value), '序');
    assert.match(await page.getByTestId('corpus-message').textContent(), /“序”现在是第 3 篇/);
    // Up, and the first one's Up does nothing.
    await page.keyboard.press('Shift+Tab'); // from Down to Up
    await page.keyboard.press('Enter');
    assert.equal((await shownDocs(page))[1].name, '序');
    await page.getByTestId('corpus-doc-up').nth(0).focus();
    await page.keyboard.press('Enter');
    assert.equal((await shownDocs(page))[0].name, '第一回　灵根育孕源流出　心性修持大道生');

    // Remove the last with the keyboard; the focus stays in the list.
    await page.getByTestId('corpus-doc-remove').nth(6).focus();
    await page.keyboard.press('Enter');
    docs = await shownDocs(page);
    assert.equal(docs.length, 6);
    assert.ok(!docs.some((d) => d.name === '文档 7'));
    assert.ok(await page.evaluate(() => document.querySelector('[data-testid="corpus-docs"]').contains(document.activeElement)));
    assert.match(await page.getByTestId('corpus-summary').textContent(), /6 篇文档/);

    // The panel with documents passes axe's WCAG 2.1 AA rules, on a phone too.
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() => window.axe.run({ include: [['#corpus-panel'], ['#mode-tabs']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`), [], `axe at ${width} px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px)`);
    }
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

/** Save the session through the button; its JSON. */
async function saveSession(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('corpus-save').click()]);
  assert.match(download.suggestedFilename(), /^wenxi-corpus.*\.json$/);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

test('a session saved as a file reopens in a fresh page with the same documents, options and words; a bad file changes nothing', { timeout: 90_000 }, async () => {
  const first = await openPage(env);
  let saved;
  try {
    const { page } = first;
    // Options and a custom word, set as a reader does.
    await page.getByTestId('opt-topN').fill('17');
    await page.getByTestId('opt-topN').press('Enter');
    await page.getByTestId('opt-hmm').uncheck();
    await page.getByTestId('opt-add-word').fill('花果山');
    await page.getByTestId('opt-add-word').press('Enter');
    await page.getByTestId('opt-joined').locator('.opt-word').first().waitFor();

    await corpusMode(page);
    await page.getByTestId('corpus-split-text').fill(NOVEL);
    await page.getByTestId('corpus-split').click();
    await waitMessage(page, /已加入 4 篇/);
    await page.getByTestId('corpus-doc-name').nth(0).fill('前言');
    await page.getByTestId('corpus-doc-name').nth(0).press('Enter');
    saved = await saveSession(page);
    assert.equal(saved.format, 'wenxi-corpus');
    assert.equal(saved.version, 1);
    assert.deepEqual(saved.documents.map((d) => d.name), ['前言', ...NOVEL.split('\n').filter((l) => l.startsWith('第'))]);
    assert.equal(saved.documents.map((d) => d.text).join(''), NOVEL, 'the documents hold the whole text');
    assert.equal(saved.options.topN, 17);
    assert.equal(saved.options.hmm, false);
    assert.deepEqual(saved.words, { added: ['花果山'], removed: [] });
    assert.deepEqual(first.errors, [], 'no console errors');
  } finally {
    await first.context.close();
  }

  const second = await openPage(env);
  try {
    const { page } = second;
    assert.equal(await page.getByTestId('opt-topN').inputValue(), '100', 'a fresh page has the default options');
    await corpusMode(page);
    await page.getByTestId('corpus-split-text').fill('甲篇。\n---\n乙篇。');
    await page.getByTestId('corpus-by-separator').check();
    await page.getByTestId('corpus-split').click();
    await waitMessage(page, /已加入 2 篇/);
    const before = await shownDocs(page);

    // Wrong files: an alert that says why; the corpus stays as it was.
    const wrong = [
      ['notes.json', 'not json {', /不是 JSON 文件/],
      ['other.json', '{"documents": []}', /不是文析的会话文件/],
      ['newer.json', JSON.stringify({ ...saved, version: 99 }), /更新版本/],
      ['broken.json', JSON.stringify({ ...saved, documents: [{ name: 'x' }] }), /不完整或已损坏/],
    ];
    for (const [name, content, why] of wrong) {
      await page.getByTestId('corpus-session-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await page.getByTestId('corpus-error').waitFor({ state: 'visible' });
      const alert = await page.getByTestId('corpus-error').textContent();
      assert.match(alert, why, name);
      assert.match(alert, /当前语料库未改变/);
      assert.deepEqual(await shownDocs(page), before, `${name} left the corpus alone`);
      // Hidden here so that the next file's alert is waited for afresh.
      await page.evaluate(() => (document.querySelector('[data-testid="corpus-error"]').hidden = true));
    }

    // The saved session: the same documents, options and words.
    await page.getByTestId('corpus-session-input').setInputFiles({ name: 'session.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
    await waitMessage(page, /已打开 session\.json：4 篇文档/);
    assert.deepEqual((await shownDocs(page)).map((d) => d.name), saved.documents.map((d) => d.name));
    assert.equal(await page.getByTestId('opt-topN').inputValue(), '17');
    assert.equal(await page.getByTestId('opt-hmm').isChecked(), false);
    assert.deepEqual(await page.getByTestId('opt-joined').locator('.opt-word').allTextContents(), ['花果山']);
    const again = await saveSession(page);
    assert.deepEqual({ ...again, saved: null }, { ...saved, saved: null }, 'saved again, the session is the same');
    assert.deepEqual(second.errors, [], 'no console errors');
  } finally {
    await second.context.close();
  }
});

test('the corpus kept in this browser (IndexedDB) reopens after a reload and is deleted on request', { timeout: 90_000 }, async () => {
  const { context, page, errors, requests } = await openPage(env);
  try {
    await corpusMode(page);
    await page.getByTestId('corpus-split-text').fill(NOVEL);
    await page.getByTestId('corpus-split').click();
    await waitMessage(page, /已加入 4 篇/);
    assert.match(await page.getByTestId('corpus-kept-status').textContent(), /没有保存的语料库/);
    assert.equal(await page.getByTestId('corpus-forget').isHidden(), true);
    await page.getByTestId('corpus-keep').click();
    await waitMessage(page, /已保存在此浏览器中/);
    await page.waitForFunction(() => /保存了 4 篇文档/.test(document.querySelector('[data-testid="corpus-kept-status"]').textContent));

    await page.reload();
    await page.waitForFunction(() => !document.querySelector('[data-testid="analyze-button"]').disabled);
    await corpusMode(page);
    assert.equal((await shownDocs(page)).length, 0, 'a reload starts with no documents');
    await page.waitForFunction(() => /保存了 4 篇文档/.test(document.querySelector('[data-testid="corpus-kept-status"]').textContent));
    await page.getByTestId('corpus-open-kept').click();
    await waitMessage(page, /4 篇文档/);
    const docs = await shownDocs(page);
    assert.deepEqual(docs.map((d) => d.name), ['文档 1', ...NOVEL.split('\n').filter((l) => l.startsWith('第'))]);
    assert.equal(docs.reduce((n, d) => n + d.size, 0), chars(NOVEL));

    await page.getByTestId('corpus-forget').click();
    await waitMessage(page, /已删除/);
    await page.waitForFunction(() => /没有保存的语料库/.test(document.querySelector('[data-testid="corpus-kept-status"]').textContent));
    assert.equal(await page.getByTestId('corpus-open-kept').isHidden(), true);
    const left = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open('wenxi');
          request.onsuccess = () => {
            const get = request.result.transaction('corpus').objectStore('corpus').count();
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    assert.equal(left, 0, 'nothing is left in IndexedDB');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    assert.ok(!stored.includes('花果山'), 'no document text in localStorage');
    assertSameOrigin(env, requests);
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

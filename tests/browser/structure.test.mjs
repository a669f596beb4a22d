// The structure views (outline, heatmap), the text view and the KWIC concordance, used the
// way a person would: keyboard on the outline, clicks on sections, cells, lines and words.
//
//   bash scripts/build.sh && node --test tests/browser/structure.test.mjs
//
// Most tests mount the four views alone on a harness page (served from the test, same CSP as
// the page) with a report made on the main thread by /pkg/wenxi.js, so they check the views
// and not the shell; the last ones use the real page (index.html + app.js). Screenshots go to
// test-output/ (git-ignored).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = `${REPO}test-output/`;
const ROOT = process.env.WENXI_WWW ?? `${REPO}www/`;
const NOVEL = `${REPO}../shared/corpus/running-text/simplified/红楼梦.txt`;

// A simplified work report with 一、 and （一） headings (written for this test).
const REPORT = `关于推进城市绿色发展的工作报告

一、总体情况
今年以来，全市坚持绿色发展理念，推进生态环境治理。城市空气质量持续改善，绿色出行比例明显提高。

（一）生态治理
全市完成河道治理三十公里，新增湿地公园五处。河道治理带动了沿岸生态修复，湿地公园成为市民休闲的新去处。

（二）绿色出行
公共交通线路增加十二条，共享单车投放量稳步增长。绿色出行已经成为市民的日常选择。

二、存在问题
部分区域污水处理能力不足，垃圾分类推进不平衡。污水处理设施建设滞后于城市发展。

三、下一步工作
继续推进河道治理和污水处理，扩大湿地公园覆盖范围，提高垃圾分类质量，推动城市绿色发展。
`;

// A traditional text with pinyin annotations as textbooks print them, and markup pasted with it.
const XSS = '<img src=x onerror=alert(1)>';
const TRAD = `第一章　經(jīng)濟轉型

近年來，本市經(jīng)濟保持穩定增長，產業結構持續優化。經濟發展離不開科技創新，科技創新推動產業升級。

第二章　科技創新

市政府加大科技投入，支持企業建立研發中心。科技創新已成為經(jīng)濟增長的重要動力。${XSS}

第三章　民生保障

政府把經(jīng)濟發展成果用於改善民生，擴大就業，提高收入。
`;

const HARNESS_PATH = 'structure-harness.html';
const HARNESS = `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="style.css">
${['outline', 'heatmap', 'text', 'kwic'].map((v) => `<link rel="stylesheet" href="views/${v}.css">`).join('\n')}
<title>harness</title></head>
<body><main class="harness">
<section id="view-outline" class="view panel"></section>
<section id="view-heatmap" class="view panel"></section>
<section id="view-text" class="view panel"></section>
<section id="view-kwic" class="view panel"></section>
</main></body></html>`;

let browser;
let server;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  assert.ok(existsSync(`${ROOT}/pkg/wenxi.js`), `${ROOT}/pkg/wenxi.js is missing: run \`bash scripts/build.sh\` first`);
  await mkdir(OUTPUT, { recursive: true });
  server = await serve({ root: ROOT, port: 0 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context that records console errors, page errors, dialogs and every request. */
async function newPage(viewport) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(`console: ${msg.text()}`));
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  context.on('request', (req) => requests.push(req.url()));
  return { context, page, errors, requests };
}

/** The four views mounted on the harness page, with an in-page analyzer behind the actions. */
async function openHarness(viewport = { width: 1280, height: 900 }) {
  const opened = await newPage(viewport);
  const { page } = opened;
  await page.route(server.url + HARNESS_PATH, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: HARNESS }));
  await page.goto(server.url + HARNESS_PATH);
  await page.evaluate(async () => {
    const { createStore } = await import('/lib/store.js');
    const { t } = await import('/lib/i18n.js');
    const wasm = await import('/pkg/wenxi.js');
    await wasm.default();
    const analyzer = new wasm.Analyzer();
    const store = createStore({
      text: '', analyzedText: null, report: null, selected: null, ranking: 'count', display: 'written',
      lang: 'zh', options: {}, busy: false, progress: null, reveal: null, converted: new Map(),
      words: { added: [], removed: [] },
    });
    let seq = 0;
    const analyze = () => {
      const text = store.get().text;
      store.set({ analyzedText: text, report: analyzer.analyze(text, { includeTokens: true }) });
    };
    const actions = {
      analyze,
      reveal: (start, end) => store.set({ reveal: { start, end, seq: ++seq } }),
      addWords: (words) => { analyzer.addWords(words); analyze(); },
      removeWords: (words) => { analyzer.removeWords(words); analyze(); },
      convert: async (text, to) => analyzer.convert(text, to),
      concordance: async (request) => analyzer.concordance(request),
      segmentedText: async () => analyzer.segmentedText(store.get().analyzedText),
      cancel() {},
    };
    window.harness = { store, actions };
    for (const name of ['outline', 'heatmap', 'text', 'kwic']) {
      const view = await import(`/views/${name}.js`);
      view.mount(document.getElementById(`view-${name}`), { store, actions, t });
    }
  });
  return opened;
}

/** Analyse `text` in the harness; returns the report. */
async function analyze(page, text) {
  return page.evaluate((text) => {
    window.harness.store.set({ text });
    window.harness.actions.analyze();
    return window.harness.store.get().report;
  }, text);
}

const select = (page, key) => page.evaluate((key) => window.harness.store.set({ selected: key }), key);

/** What every test ends with: no errors, no request outside the origin. */
function assertClean({ errors, requests }) {
  assert.deepEqual(errors, []);
  const origin = server.url.replace(/\/$/, '');
  const outside = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith(`blob:${origin}/`) && !u.startsWith('data:'));
  assert.deepEqual(outside, [], 'requests outside the origin');
}

/** Whether the UTF-16 offset `at` of the analysed text is inside the text view's visible box. */
async function offsetVisible(page, at) {
  return page.evaluate((at) => {
    const body = document.querySelector('[data-testid="text-body"]');
    const chunk = [...body.children].find((c) => Number(c.dataset.start) <= at && at < Number(c.dataset.end));
    const walker = document.createTreeWalker(chunk, NodeFilter.SHOW_TEXT);
    let base = Number(chunk.dataset.start);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (at < base + node.data.length) {
        const range = document.createRange();
        range.setStart(node, at - base);
        range.setEnd(node, at - base + 1);
        const r = range.getBoundingClientRect();
        const box = body.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      }
      base += node.data.length;
    }
    return false;
  }, at);
}

// ---------------------------------------------------------------------------------------------
// Independent references.

/** G² (Rayson & Garside 2000), written out again here. */
function g2(a, b, c, d) {
  const n = c + d;
  const e1 = (c * (a + b)) / n;
  const e2 = (d * (a + b)) / n;
  return 2 * ((a ? a * Math.log(a / e1) : 0) + (b ? b * Math.log(b / e2) : 0));
}

/** `text` as CSV rows (RFC 4180: quoted cells, doubled quotes, CRLF), the BOM dropped. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && body[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  assert.equal(cell + row.join(''), '', 'the file ends with CRLF');
  return rows;
}

/** Click `button` and read what it downloads: [suggested name, text]. */
async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return [download.suggestedFilename(), readFileSync(await download.path(), 'utf8')];
}

/** Subtree of section i: i and every later section whose ancestor chain reaches i. */
function subtree(sections, i) {
  const out = [i];
  for (let j = i + 1; j < sections.length; j++) {
    let p = sections[j].parent;
    while (p !== null && p > i) p = sections[p].parent;
    if (p === i) out.push(j);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

test('outline: a tree by parent, collapsed and expanded with the keyboard, a click scrolls the text', async () => {
  const opened = await openHarness({ width: 1280, height: 700 });
  const { page } = opened;
  // Long enough that the text view must scroll to reach the last sections.
  const text = REPORT.replace('（二）绿色出行', '（二）绿色出行\n' + '市民参与绿色出行宣传活动。\n'.repeat(40));
  const report = await analyze(page, text);
  const outline = page.locator('#view-outline');
  assert.equal(await outline.getByTestId('outline-item').count(), report.sections.length);
  // 一、 has its two （一）（二） children nested under it.
  const first = report.sections.findIndex((s) => s.title === '一、总体情况');
  const item = outline.locator(`[data-testid="outline-item"][data-index="${first}"]`);
  assert.equal(await item.locator('.outline-children > [data-testid="outline-item"]').count(), 2);
  // Its statistics are the subtree's.
  const ids = subtree(report.sections, first);
  const stats = item.locator(':scope > .outline-row [data-testid="outline-stats"]');
  for (const field of ['paragraphs', 'sentences', 'characters']) {
    assert.equal(Number(await stats.getAttribute(`data-${field}`)), ids.reduce((n, i) => n + report.sections[i][field], 0));
  }

  // Keyboard: Tab to the toggle, ArrowLeft collapses, Enter expands, ArrowRight on the title too.
  const toggle = item.locator(':scope > .outline-row [data-testid="outline-toggle"]');
  await toggle.focus();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await item.locator('.outline-children').count(), 0);
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await item.locator('.outline-children > [data-testid="outline-item"]').count(), 2);
  await page.keyboard.press('Space');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('Tab'); // to the title
  await page.keyboard.press('ArrowRight');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '（一）生态治理');

  // Choosing the last section scrolls the text view to it.
  const last = report.sections.length - 1;
  assert.equal(await offsetVisible(page, report.sections[last].start + 1), false, 'the last section starts out of view');
  await outline.getByRole('button', { name: '三、下一步工作' }).click();
  await page.waitForFunction(() => document.querySelector('#view-text').dataset.revealed);
  await page.waitForTimeout(100);
  assert.equal(await page.locator('#view-text').getAttribute('data-revealed'), `${report.sections[last].start}-${report.sections[last].end}`);
  assert.ok(await offsetVisible(page, report.sections[last].start + 1), 'the section is in view');
  // Collapse all / expand all.
  await outline.getByTestId('outline-collapse-all').click();
  assert.equal(await outline.getByTestId('outline-item').count(), report.sections.filter((s) => s.parent === null).length);
  await outline.getByTestId('outline-expand-all').click();
  assert.equal(await outline.getByTestId('outline-item').count(), report.sections.length);
  await page.screenshot({ path: `${OUTPUT}structure-outline-desktop.png`, fullPage: true });
  assertClean(opened);
  await opened.context.close();
});

test('outline: distinctive terms are the top 5 by G² with a positive difference, computed independently', async () => {
  const opened = await openHarness();
  const { page } = opened;
  const report = await analyze(page, REPORT);
  const grand = report.keywords.reduce((n, k) => n + k.count, 0);
  const perSection = report.sections.map(() => new Map());
  for (const k of report.keywords) for (const [s, n] of k.sections) perSection[s].set(k.key, n);
  let checked = 0;
  for (let i = 0; i < report.sections.length; i++) {
    const ids = subtree(report.sections, i);
    const a = new Map();
    for (const s of ids) for (const [key, n] of perSection[s]) a.set(key, (a.get(key) ?? 0) + n);
    const c = [...a.values()].reduce((x, y) => x + y, 0);
    const d = grand - c;
    const expected = report.keywords
      .filter((k) => a.has(k.key))
      .map((k) => ({ key: k.key, a: a.get(k.key), b: k.count - a.get(k.key) }))
      .filter(({ a: x, b: y }) => d === 0 || x / c > y / d)
      .map((w) => ({ ...w, g: g2(w.a, w.b, c, d) }))
      // Ties: the count in the part, then the report's order (a stable sort of a list in that order).
      .sort((x, y) => y.g - x.g || y.a - x.a)
      .slice(0, 5)
      .map((w) => w.key);
    const shown = await page
      .locator(`#view-outline [data-testid="outline-item"][data-index="${i}"] > .outline-row [data-testid="outline-term"]`)
      .evaluateAll((nodes) => nodes.map((n) => n.dataset.key));
    assert.deepEqual(shown, expected, `section ${i} ${report.sections[i].title}`);
    checked += expected.length;
  }
  assert.ok(checked > 10);
  // The crafted case: 治理 is the theme of （一）, 出行 of （二）, 污水处理 of 二、, each used
  // elsewhere too but most there.
  const terms = async (title) => {
    const i = report.sections.findIndex((s) => s.title === title);
    return page.locator(`#view-outline [data-testid="outline-item"][data-index="${i}"] > .outline-row [data-testid="outline-term"]`).evaluateAll((n) => n.map((x) => x.dataset.key));
  };
  assert.equal((await terms('（一）生态治理'))[0], '治理');
  assert.equal((await terms('（二）绿色出行'))[0], '出行');
  assert.deepEqual((await terms('二、存在问题')).slice(0, 1), ['污水处理']);
  // A term chip selects the keyword.
  await page.locator('#view-outline [data-key="治理"]').first().click();
  assert.equal(await page.evaluate(() => window.harness.store.get().selected), '治理');
  assert.equal(await page.locator('#view-outline [data-key="治理"][aria-pressed="true"]').count(), await page.locator('#view-outline [data-key="治理"]').count());
  assertClean(opened);
  await opened.context.close();
});

test('outline: the sections exported as CSV and JSON, one row each, offsets and terms as shown', async () => {
  const opened = await openHarness();
  const { page } = opened;
  // The opening line becomes the preamble section's title: a formula, to a spreadsheet.
  const FORMULA = "=cmd|' /C calc'!A0";
  const text = `${FORMULA}\n\n${REPORT}`;
  const report = await analyze(page, text);
  assert.equal(report.sections[0].title, FORMULA);
  const outline = page.locator('#view-outline');
  // What the view shows for each entry: its distinctive terms as key and ×count.
  const shown = await outline.getByTestId('outline-item').evaluateAll((items) =>
    items.map((li) => [Number(li.dataset.index), [...li.querySelectorAll(':scope > .outline-row [data-testid="outline-term"]')].map((b) => [b.dataset.key, b.querySelector('.outline-term-count').textContent])]),
  );
  assert.equal(shown.length, report.sections.length);
  const terms = new Map(shown);

  // CSV.
  const [csvName, csvText] = await downloaded(page, outline.getByTestId('outline-export-csv'));
  assert.equal(csvName, 'wenxi-sections.csv');
  assert.ok(csvText.startsWith('\ufeff'), 'a BOM for Excel');
  const csv = parseCsv(csvText);
  assert.deepEqual(csv[0], ['index', 'level', 'parent', 'heading', 'title', 'start', 'end', 'paragraphs', 'sentences', 'characters', 'topWords', 'distinctive']);
  assert.equal(csv.length - 1, report.sections.length, 'one row per section');
  assert.equal(csv[1][4], `'${FORMULA}`, 'the formula title is neutralised');
  report.sections.forEach((s, i) => {
    const [index, level, parent, heading, title, start, end, paragraphs, sentences, characters, topWords, distinctive] = csv[i + 1];
    assert.deepEqual(
      [index, level, parent, heading, start, end, paragraphs, sentences, characters].map(String),
      [i, s.level, s.parent ?? '', s.heading ? 'yes' : 'no', s.start, s.end, s.paragraphs, s.sentences, s.characters].map(String),
      `section ${i}`,
    );
    if (i > 0) assert.equal(title, s.title);
    // Offsets are UTF-16 offsets into the analysed text: a heading section starts with its title.
    if (s.heading) assert.ok(text.slice(s.start, s.end).startsWith(s.title), s.title);
    assert.equal(topWords, s.keywords.map((w) => `${w.word}×${w.count}`).join(' '));
    // The terms are those shown, each as written (display: 'written').
    const wordOf = (key) => report.keywords.find((k) => k.key === key).word;
    assert.equal(distinctive, terms.get(i).map(([key, count]) => `${wordOf(key)}${count}`).join(' '));
  });
  assert.ok(csv.slice(1).some((row) => row[11] !== ''), 'some section has distinctive terms');

  // JSON: the same sections, text as it is (neutralising is for spreadsheets).
  const [jsonName, jsonText] = await downloaded(page, outline.getByTestId('outline-export-json'));
  assert.equal(jsonName, 'wenxi-sections.json');
  const doc = JSON.parse(jsonText);
  assert.equal(doc.generator, `Wenxi ${report.version}`);
  assert.equal(doc.sections.length, report.sections.length);
  assert.equal(doc.sections[0].title, FORMULA);
  doc.sections.forEach((d, i) => {
    const s = report.sections[i];
    assert.deepEqual(
      [d.index, d.level, d.parent, d.heading, d.title, d.start, d.end, d.paragraphs, d.sentences, d.characters, d.topWords],
      [i, s.level, s.parent, s.heading, s.title, s.start, s.end, s.paragraphs, s.sentences, s.characters, s.keywords],
    );
    assert.deepEqual(d.distinctive.map((x) => [x.key, `×${x.count}`]), terms.get(i));
    for (const x of d.distinctive) assert.ok(x.g2 > 0);
  });
  // The buttons are labelled in the interface language.
  assert.equal(await outline.getByTestId('outline-export-csv').textContent(), '导出 CSV');
  await page.evaluate(async () => {
    (await import('/lib/i18n.js')).setLang('en');
    window.harness.store.set({ lang: 'en' });
  });
  assert.equal(await outline.getByTestId('outline-export-json').textContent(), 'Export JSON');
  assertClean(opened);
  await opened.context.close();
});

test('heatmap: cells are the per-section counts; a click selects and reveals; CSV and JSON export', async () => {
  const opened = await openHarness();
  const { page } = opened;
  const report = await analyze(page, REPORT);
  // The top 20 by count, ties in the report's order (a stable sort of a list in that order).
  const top = [...report.keywords].sort((a, b) => b.count - a.count).slice(0, 20);
  const roots = report.sections.map((s, i) => [s, i]).filter(([s]) => s.parent === null).map(([, i]) => i);
  const expected = roots.map((r) => {
    const ids = new Set(subtree(report.sections, r));
    return top.map((k) => k.sections.filter(([s]) => ids.has(s)).reduce((n, [, c]) => n + c, 0));
  });
  const heat = page.locator('#view-heatmap');
  const cells = await heat.getByTestId('heatmap-cell').evaluateAll((n) => n.map((c) => [Number(c.dataset.row), Number(c.dataset.col), Number(c.dataset.count), c.dataset.key, c.getAttribute('aria-label')]));
  assert.equal(cells.length, roots.length * top.length);
  for (const [r, c, n, key, label] of cells) {
    assert.equal(n, expected[r][c], `row ${r} column ${c}`);
    assert.equal(key, top[c].key);
    assert.match(label, new RegExp(`${n} 次`));
  }
  // Header cells with scope for rows and columns.
  assert.equal(await heat.locator('th[scope="col"]').count(), top.length + 1);
  assert.equal(await heat.locator('th[scope="row"]').count(), roots.length);
  // Every section: the report's own counts.
  await heat.getByTestId('heatmap-rows').selectOption('all');
  const all = await heat.getByTestId('heatmap-cell').evaluateAll((n) => n.map((c) => [Number(c.dataset.row), Number(c.dataset.col), Number(c.dataset.count)]));
  assert.equal(all.length, report.sections.length * top.length);
  for (const [r, c, n] of all) assert.equal(n, top[c].sections.find(([s]) => s === r)?.[1] ?? 0);

  // Keyboard: arrow to a cell, Enter selects its word and reveals its section.
  await heat.locator('td[tabindex="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  let state = await page.evaluate(() => ({ selected: window.harness.store.get().selected, reveal: window.harness.store.get().reveal }));
  assert.equal(state.selected, top[0].key);
  assert.deepEqual([state.reveal.start, state.reveal.end], [report.sections[2].start, report.sections[2].end]);
  // A click on a cell.
  const cell = heat.locator(`td[data-row="4"][data-col="${top.findIndex((k) => k.key === '污水处理')}"]`);
  await cell.click();
  state = await page.evaluate(() => ({ selected: window.harness.store.get().selected, reveal: window.harness.store.get().reveal }));
  assert.equal(state.selected, '污水处理');
  assert.deepEqual([state.reveal.start, state.reveal.end], [report.sections[4].start, report.sections[4].end]);
  assert.equal(await heat.locator('th.heatmap-word.is-selected').count(), 1);

  // Export: the matrix as CSV, one line per row, the same counts.
  const [download] = await Promise.all([page.waitForEvent('download'), heat.getByTestId('heatmap-export').click()]);
  assert.match(download.suggestedFilename(), /^wenxi-heatmap-all\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(','));
  assert.deepEqual(csv[0].slice(0, 6), ['section', 'title', 'level', 'start', 'end', 'characters']);
  assert.deepEqual(csv[0].slice(6), top.map((k) => k.word));
  assert.equal(csv.length, report.sections.length + 1);
  for (let r = 0; r < report.sections.length; r++) {
    assert.equal(csv[r + 1][1], report.sections[r].title);
    assert.deepEqual(csv[r + 1].slice(6).map(Number), top.map((k) => k.sections.find(([s]) => s === r)?.[1] ?? 0));
  }
  // And as JSON: titles, keywords and the same counts.
  const [jsonName, jsonText] = await downloaded(page, heat.getByTestId('heatmap-export-json'));
  assert.equal(jsonName, 'wenxi-heatmap-all.json');
  const matrix = JSON.parse(jsonText);
  assert.equal(matrix.mode, 'all');
  assert.deepEqual(matrix.rows, report.sections.map((s) => s.title));
  assert.deepEqual(matrix.ranges, report.sections.map((s) => [s.start, s.end]));
  assert.deepEqual(matrix.columns, top.map((k) => k.word));
  assert.deepEqual(matrix.keys, top.map((k) => k.key));
  assert.deepEqual(matrix.counts, report.sections.map((_, r) => top.map((k) => k.sections.find(([s]) => s === r)?.[1] ?? 0)));
  // Top-level rows: the subtrees' sums, as in the table.
  await heat.getByTestId('heatmap-rows').selectOption('top');
  const topMatrix = JSON.parse((await downloaded(page, heat.getByTestId('heatmap-export-json')))[1]);
  assert.equal(topMatrix.mode, 'top');
  assert.deepEqual(topMatrix.rows, roots.map((r) => report.sections[r].title));
  assert.deepEqual(topMatrix.counts, expected);
  await page.screenshot({ path: `${OUTPUT}structure-heatmap-desktop.png`, fullPage: true });
  assertClean(opened);
  await opened.context.close();
});

test('text view: every occurrence marked (annotations included), next/previous cycle with a counter, headings', async () => {
  const opened = await openHarness();
  const { page } = opened;
  const report = await analyze(page, TRAD);
  const economy = report.keywords.find((k) => k.key === '经济');
  assert.ok(economy && economy.count === 5);
  await select(page, '经济');
  const view = page.locator('#view-text');
  await page.waitForFunction(() => document.querySelector('#view-text').dataset.state === 'ready');
  const marks = await view.locator('mark').allTextContents();
  assert.equal(marks.length, economy.count);
  assert.deepEqual(marks, economy.occurrences.map(([s, e]) => TRAD.slice(s, e)));
  assert.ok(marks.includes('經(jīng)濟'), 'an annotated occurrence is marked with its annotation');
  // The whole text is there, character for character.
  assert.equal(await view.getByTestId('text-body').evaluate((b) => b.textContent), TRAD);
  // Headings are marked in place.
  const headings = await view.locator('[role="heading"]').allTextContents();
  // Each heading as written (annotations and all): the section's first line.
  assert.deepEqual(headings, report.sections.filter((s) => s.heading).map((s) => TRAD.slice(s.start, TRAD.indexOf('\n', s.start))));

  const counter = view.getByTestId('text-counter');
  assert.equal(await counter.textContent(), '共 5 处');
  const next = view.getByTestId('text-next');
  const prev = view.getByTestId('text-prev');
  for (let i = 1; i <= 5; i++) {
    await next.click();
    assert.equal(await counter.textContent(), `第 ${i} / 5 处`);
    assert.equal(await page.evaluate(() => Number(document.activeElement.dataset.occ)), i - 1);
  }
  await next.click();
  assert.equal(await counter.textContent(), '第 1 / 5 处', 'next cycles to the first');
  await prev.click();
  assert.equal(await counter.textContent(), '第 5 / 5 处', 'previous cycles to the last');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), TRAD.slice(...economy.occurrences[4]));

  // Another keyword: the old marks go, the new ones come.
  await select(page, '创新');
  assert.equal(await view.locator('mark').count(), report.keywords.find((k) => k.key === '创新').count);
  await next.click();
  // The text view alone, scrolled into the viewport: its chunks are laid out only near it
  // (content-visibility), so a full-page screenshot leaves them blank below the fold.
  await view.screenshot({ path: `${OUTPUT}structure-text-desktop.png` });
  await view.getByTestId('text-clear').click();
  assert.equal(await view.locator('mark').count(), 0);
  assertClean(opened);
  await opened.context.close();
});

test('KWIC: one line per occurrence, sorts by the nearest word left or right, a click reveals, CSV and JSON export', async () => {
  const opened = await openHarness();
  const { page } = opened;
  const report = await analyze(page, REPORT);
  const word = report.keywords.find((k) => k.key === '绿色');
  await select(page, '绿色');
  const kwic = page.locator('#view-kwic');
  await page.locator('#view-kwic[data-state="ready"]').waitFor();
  const lines = kwic.getByTestId('kwic-line');
  assert.equal(await lines.count(), word.count);

  // Independent contexts: 20 code points each side of the cleaned text, a run of whitespace
  // (line breaks too) read as one space (ConcordanceQuery.context).
  const flat = (s) => s.replace(/\s+/g, ' ');
  // The sorts' keys, from the report's tokens: the nearest word (Han, Latin, number) wholly
  // before or after the occurrence; none sorts first.
  const words = report.tokens.filter((tk) => ['han', 'latin', 'number'].includes(tk.kind));
  const expected = word.occurrences.map(([s, e], i) => ({
    i,
    s,
    e,
    left: [...flat(REPORT.slice(0, s))].slice(-20).join(''),
    key: REPORT.slice(s, e),
    right: [...flat(REPORT.slice(e))].slice(0, 20).join(''),
    left1: words.filter((tk) => tk.end <= s).at(-1)?.word ?? '',
    right1: words.find((tk) => tk.start >= e)?.word ?? '',
  }));
  const read = () =>
    lines.evaluateAll((rows) =>
      rows.map((r) => ({
        s: Number(r.dataset.start),
        left: r.querySelector('[data-testid="kwic-left"]').textContent,
        key: r.querySelector('[data-testid="kwic-keyword"]').textContent,
        right: r.querySelector('[data-testid="kwic-right"]').textContent,
      })),
    );
  assert.deepEqual(await read(), expected.map(({ s, left, key, right }) => ({ s, left, key, right })));
  assert.ok((await read()).some((l) => l.left.includes(' ')), 'line breaks read as a space');

  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const order = async () => (await read()).map((l) => expected.findIndex((x) => x.s === l.s));
  const sorted = async (testid) => {
    await kwic.getByTestId(testid).click();
    await page.waitForFunction(() => document.querySelector('#view-kwic').dataset.state === 'ready');
  };
  await sorted('kwic-sort-left');
  const byLeft = [...expected].sort((a, b) => cmp(a.left1, b.left1) || a.i - b.i).map((l) => l.i);
  await page.waitForFunction(() => document.querySelector('#view-kwic th[aria-sort="ascending"]')?.textContent === '左文 ▲');
  assert.deepEqual(await order(), byLeft);
  await sorted('kwic-sort-right');
  const byRight = [...expected].sort((a, b) => cmp(a.right1, b.right1) || a.i - b.i).map((l) => l.i);
  await page.waitForFunction(() => document.querySelector('#view-kwic th[aria-sort="ascending"]')?.textContent === '右文 ▲');
  assert.deepEqual(await order(), byRight);
  assert.notDeepEqual(byLeft, byRight);

  // A click on a line reveals that occurrence; Enter on its keyword button too.
  await lines.nth(2).locator('.kwic-right').click();
  const target = expected[byRight[2]];
  assert.deepEqual(await page.evaluate(() => { const r = window.harness.store.get().reveal; return [r.start, r.end]; }), [target.s, target.e]);
  await lines.nth(0).getByTestId('kwic-keyword').focus();
  await page.keyboard.press('Enter');
  const first = expected[byRight[0]];
  assert.deepEqual(await page.evaluate(() => { const r = window.harness.store.get().reveal; return [r.start, r.end]; }), [first.s, first.e]);

  const [download] = await Promise.all([page.waitForEvent('download'), kwic.getByTestId('kwic-export').click()]);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
  assert.equal(csv[0], 'n,start,end,left,match,right,query,mode,total');
  assert.deepEqual(
    csv.slice(1),
    byRight.map((i, n) => { const l = expected[i]; return [n + 1, l.s, l.e, l.left, l.key, l.right, word.word, 'keyword', word.count].join(','); }),
  );
  // And as JSON, in the same (current) order.
  const [jsonName, jsonText] = await downloaded(page, kwic.getByTestId('kwic-export-json'));
  assert.equal(jsonName, 'wenxi-kwic.json');
  const concordance = JSON.parse(jsonText);
  assert.deepEqual(concordance.keyword, { word: word.word, key: '绿色' });
  assert.equal(concordance.sort, 'right1');
  assert.equal(concordance.total, word.count);
  assert.deepEqual(
    concordance.lines,
    byRight.map((i, n) => { const l = expected[i]; return { n: n + 1, start: l.s, end: l.e, left: l.left, match: l.key, right: l.right }; }),
  );
  for (const l of concordance.lines) assert.equal(REPORT.slice(l.start, l.end), l.match);
  await page.screenshot({ path: `${OUTPUT}structure-kwic-desktop.png`, fullPage: true });
  assertClean(opened);
  await opened.context.close();
});

/** Click the middle of text[start, end) in the text view. */
async function clickText(page, start, end, modifiers = []) {
  const box = await page.evaluate(([start, end]) => {
    const body = document.querySelector('[data-testid="text-body"]');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let base = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (start < base + node.data.length) {
        const range = document.createRange();
        range.setStart(node, start - base);
        range.setEnd(node, Math.min(end - base, node.data.length));
        node.parentElement.scrollIntoView({ block: 'center' });
        const r = range.getClientRects()[0];
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      base += node.data.length;
    }
    return null;
  }, [start, end]);
  await page.mouse.move(box.x, box.y);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.down();
  await page.mouse.up();
  for (const m of modifiers) await page.keyboard.up(m);
}

test('text view: click two adjacent words to join them, a word to split it; the analysis follows', async () => {
  const opened = await openHarness();
  const { page } = opened;
  let report = await analyze(page, TRAD);
  assert.ok(!report.keywords.some((k) => k.word === '科技創新'));
  const i = report.tokens.findIndex((tk, n) => tk.word === '科技' && report.tokens[n + 1]?.word === '創新');
  const [a, b] = [report.tokens[i], report.tokens[i + 1]];
  const view = page.locator('#view-text');
  await clickText(page, a.start, a.end);
  assert.equal(await view.getByTestId('text-picked').textContent(), '已选：科技');
  assert.ok(await view.getByTestId('text-join').isHidden());
  await clickText(page, b.start, b.end);
  assert.equal(await view.getByTestId('text-picked').textContent(), '已选：科技 + 創新');
  await view.getByTestId('text-join').click();
  report = await page.evaluate(() => window.harness.store.get().report);
  assert.ok(report.keywords.some((k) => k.word === '科技創新'), 'the joined word is a keyword now');

  // Split: 污水处理 is one word in the report; choose it, split it, and it is gone.
  report = await analyze(page, REPORT);
  const w = report.tokens.find((tk) => tk.word === '污水处理');
  await clickText(page, w.start, w.end);
  await view.getByTestId('text-split').click();
  report = await page.evaluate(() => window.harness.store.get().report);
  assert.ok(!report.keywords.some((k) => k.word === '污水处理'), 'the split word is no keyword any more');
  assert.ok(report.keywords.some((k) => k.word === '污水'));
  // Shift-click spans several tokens; Escape cancels.
  const t0 = report.tokens.findIndex((tk) => tk.word === '湿地');
  await clickText(page, report.tokens[t0].start, report.tokens[t0].end);
  await clickText(page, report.tokens[t0 + 1].start, report.tokens[t0 + 1].end, ['Shift']);
  assert.match(await view.getByTestId('text-picked').textContent(), /湿地 \+ 公园/);
  await page.keyboard.press('Escape');
  assert.ok(await view.getByTestId('text-pickbar').isHidden());
  assertClean(opened);
  await opened.context.close();
});

test('a long text (90 headed sections): outline and heatmap draw their first page in slices, then "show more"', async () => {
  const opened = await openHarness();
  const { page } = opened;
  const places = ['北京', '上海', '广州', '深圳', '杭州', '南京'];
  const text = Array.from({ length: 90 }, (_, i) => `# 第${i + 1}节 ${places[i % 6]}\n${places[i % 6]}推动经济发展，保护生态环境。${'改革开放。'.repeat((i % 5) + 1)}\n`).join('\n');
  const report = await analyze(page, text);
  assert.equal(report.sections.filter((s) => s.parent === null && s.title !== '').length, 90);
  const roots = report.sections.map((s, i) => [s, i]).filter(([s]) => s.parent === null).map(([, i]) => i);
  const outline = page.locator('#view-outline');
  // The first 50 entries, then a button for the rest.
  await page.waitForFunction(() => document.querySelectorAll('#view-outline [data-testid="outline-item"]').length === 50);
  await outline.getByTestId('outline-more').waitFor();
  const drawn = await outline.getByTestId('outline-item').evaluateAll((items) => items.map((li) => Number(li.dataset.index)));
  assert.deepEqual(drawn, roots.slice(0, 50), 'the first 50 sections, in order');
  await outline.getByTestId('outline-more').click();
  assert.equal(await outline.getByTestId('outline-item').count(), roots.length, 'then the other 40 (and no button)');
  assert.equal(await outline.getByTestId('outline-more').count(), 0);

  // The heatmap: 40 rows of the top 20 words, each cell the section's count, then "more".
  const heat = page.locator('#view-heatmap');
  await page.waitForFunction(() => document.querySelectorAll('#view-heatmap tbody tr').length === 40);
  const top = [...report.keywords].sort((a, b) => b.count - a.count).slice(0, 20);
  const cells = await heat.getByTestId('heatmap-cell').evaluateAll((n) => n.map((c) => [Number(c.dataset.row), Number(c.dataset.col), Number(c.dataset.count)]));
  assert.equal(cells.length, 40 * top.length);
  for (const [r, c, n] of cells) {
    const expected = top[c].sections.filter(([si]) => si === roots[r]).reduce((sum, [, k]) => sum + k, 0);
    assert.equal(n, expected, `row ${r} column ${c}`);
  }
  await heat.getByTestId('heatmap-more').click();
  await page.waitForFunction(() => document.querySelectorAll('#view-heatmap tbody tr').length === 80);
  // A selection marks its column once the rows are drawn.
  await select(page, top[0].key);
  assert.equal(await heat.locator(`td.is-selected[data-key="${top[0].key}"]`).count(), 80);
  assertClean(opened);
  await opened.context.close();
});

test('markup in the text is shown as text in the outline, heatmap, text view and KWIC', async () => {
  const opened = await openHarness({ width: 390, height: 844 });
  const { page } = opened;
  // Markup in a heading, so it reaches the outline and heatmap titles, and beside a keyword.
  const text = TRAD.replace('第三章　民生保障', `第三章　民生${XSS}保障`) + `\n科技${XSS}創新\n`;
  const report = await analyze(page, text);
  await select(page, '创新');
  await page.waitForFunction(() => document.querySelector('#view-text').dataset.state === 'ready');
  await page.locator('#view-kwic[data-state="ready"]').waitFor();
  assert.equal(await page.locator('img').count(), 0, 'no img element anywhere');
  // The text view shows it whole; KWIC the 20 characters beside 創新, cleaned (the tag left
  // out, as the analysis left it out), then as written: the markup as text.
  assert.equal((await page.locator('#view-text [data-testid="text-body"]').textContent()).split(XSS).length, 4);
  assert.ok(!(await page.locator('#view-kwic').textContent()).includes('onerror'));
  await page.locator('#view-kwic [data-testid="kwic-written"]').check();
  await page.waitForFunction(() => document.querySelector('#view-kwic').textContent.includes('onerror=alert(1)>'));
  assert.equal(await page.locator('img').count(), 0, 'no img element anywhere');
  // Section titles are the cleaned heading line; whatever of the markup they keep is text.
  for (const view of ['outline', 'heatmap']) {
    const shown = await page.locator(`#view-${view}`).textContent();
    for (const s of report.sections) assert.ok(shown.includes(s.title), `${view} shows the title ${s.title}`);
  }
  await page.screenshot({ path: `${OUTPUT}structure-phone.png`, fullPage: true });
  assertClean(opened);
  await opened.context.close();
});

// ---------------------------------------------------------------------------------------------
// The real page (index.html + app.js).

async function openRealPage(viewport = { width: 1280, height: 900 }) {
  const opened = await newPage(viewport);
  await opened.page.goto(server.url);
  await opened.page.waitForFunction(() => !document.querySelector('[data-testid="analyze-button"]')?.disabled, null, { timeout: 30_000 });
  return opened;
}

test('real page: outline, heatmap, text and KWIC work together', async () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const opened = await openRealPage(viewport);
    const { page } = opened;
    await page.getByTestId('text-input').fill(REPORT);
    await page.getByTestId('analyze-button').click();
    await page.locator('#view-outline [data-testid="outline-title"]').first().waitFor();
    // Top-level rows: the title, 一、, 二、, 三、.
    await page.locator('#view-heatmap td[data-key="污水处理"][data-row="2"]').click();
    await page.locator('#view-kwic [data-testid="kwic-line"]').first().waitFor();
    assert.equal(await page.locator('#view-text mark').count(), 3);
    await page.locator('#view-outline').getByRole('button', { name: '二、存在问题' }).click();
    await page.waitForFunction(() => document.querySelector('#view-text').dataset.revealed);
    await page.screenshot({ path: `${OUTPUT}structure-page-${name}.png`, fullPage: true });
    await page.locator('#view-text').screenshot({ path: `${OUTPUT}structure-page-text-${name}.png` });
    await page.locator('#view-kwic').screenshot({ path: `${OUTPUT}structure-page-kwic-${name}.png` });
    await page.locator('#view-heatmap').screenshot({ path: `${OUTPUT}structure-page-heatmap-${name}.png` });
    assertClean(opened);
    await opened.context.close();
  }
});

test('real page: a 2.5 MB novel renders in the text view without a long task over 200 ms, and a selection in it does not freeze the page', async () => {
  assert.ok(existsSync(NOVEL), `the novel ${NOVEL} is missing: the shared corpus must be beside the repository`);
  const novel = readFileSync(NOVEL, 'utf8');
  assert.ok(novel.length > 800_000);
  const opened = await openRealPage();
  const { page } = opened;
  await page.evaluate((text) => {
    const area = document.querySelector('[data-testid="text-input"]');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, novel);
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  await page.getByTestId('analyze-button').click();
  await page.waitForFunction(() => document.querySelector('#view-text')?.dataset.state === 'ready', null, { timeout: 120_000 });
  const chunks = await page.locator('#view-text .textview-chunk').count();
  assert.ok(chunks > 100, `${chunks} chunks`);
  await page.waitForTimeout(500);
  const rendering = await page.evaluate(() => window.longTasks.splice(0));
  console.log(`novel: ${chunks} chunks; long tasks while analysing and drawing (ms): ${JSON.stringify(rendering)}`);
  assert.ok(Math.max(0, ...rendering) <= 200, `long tasks while analysing and drawing: ${JSON.stringify(rendering)}`);
  // Select the most frequent keyword: thousands of marks, drawn without freezing.
  await page.locator('#view-heatmap td[data-row="0"][data-col="0"]').click();
  await page.waitForFunction(() => document.querySelector('#view-text')?.dataset.state === 'ready');
  await page.locator('#view-text [data-testid="text-next"]').click();
  await page.locator('#view-text [data-testid="text-prev"]').click();
  const counter = await page.locator('#view-text [data-testid="text-counter"]').textContent();
  assert.match(counter, /^第 [\d,]+ \/ [\d,]+ 处$/);
  await page.locator('#view-outline [data-testid="outline-title"]').nth(40).click();
  await page.waitForTimeout(500);
  const longTasks = await page.evaluate(() => window.longTasks);
  console.log(`novel: long tasks of the selection and the jumps (ms): ${JSON.stringify(longTasks)}`);
  // A selection changes marks in every view, and Chromium lays the whole page out again
  // (27,000-35,000 layout objects, 7,000-9,000 of them dirty, 50-75 ms a layout on this 2-core
  // machine): frames of 150-440 ms that are style and layout, no script (issue 16's long-task
  // line tracks them). The script's own part stays small: the bound is on freezing, not on them.
  assert.ok(Math.max(0, ...longTasks) <= 600, `long tasks of the selection: ${JSON.stringify(longTasks)}`);
  await page.screenshot({ path: `${OUTPUT}structure-novel-desktop.png` });
  assertClean(opened);
  await opened.context.close();
});

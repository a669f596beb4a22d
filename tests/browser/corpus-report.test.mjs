// The corpus report's views (views/corpus.js) and the Analyse corpus button (corpus-input.js).
//
//   node --test tests/browser/corpus-report.test.mjs
//
// The views are mounted on a harness page (served from the test, the page's CSP) with the
// corpus report `wenxi corpus` made of 16 government work reports
// (tests/browser/fixtures/corpus-report.json) in the store, and checked against that report:
// the documents, each document's distinctive terms (its province among them), the heatmap's
// relative frequencies, the similarity matrix in clustering order, the exports. The corpus
// panel is mounted there too with a stand-in for actions.analyzeCorpus, to check progress,
// Cancel and the stored report; on the real page, the Analyse button with the page's engine.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useShell } from './shell-helpers.mjs';
import { downloaded, harnessHtml, openCorpusMode, openHarnessPage } from './corpus-helpers.mjs';

const env = useShell();
const REPORT = JSON.parse(readFileSync(new URL('./fixtures/corpus-report.json', import.meta.url), 'utf8'));
const base = (name) => name.split('/').at(-1);
/** The province of a report file name 2026_上海市_政府工作报告.txt: 上海. */
const province = (name) => base(name).split('_')[1].replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/u, '');

const HARNESS_PATH = 'corpus-report-harness.html';
const HARNESS = harnessHtml(
  ['corpus-input.css', 'views/corpus.css'],
  `<div id="mode-tabs" role="tablist">
<button type="button" role="tab" data-mode="text" aria-controls="panel-text">text</button>
<button type="button" role="tab" data-mode="corpus" aria-controls="corpus-panel">corpus</button>
</div>
<div id="panel-text"></div>
<div id="corpus-panel" class="input-panel corpus-panel"></div>
<section id="view-corpus" class="view panel" data-view="corpus" data-testid="view-corpus"></section>`,
);

/**
 * The harness with the store holding `report` (or none). analyzeCorpus is a stand-in the test
 * drives: window.corpusCalls records each call's documents, progress and signal;
 * window.finishCorpus(report) resolves the last one.
 */
async function openHarness({ report = REPORT, viewport = { width: 1280, height: 900 } } = {}) {
  const { context, page, errors } = await openHarnessPage(env, HARNESS_PATH, HARNESS, { viewport, acceptDownloads: true });
  await page.evaluate(async (report) => {
    const { createStore } = await import('/lib/store.js');
    const { t } = await import('/lib/i18n.js');
    const { emptyCorpus, addDocuments } = await import('/lib/corpus.js');
    const { mountCorpusInput } = await import('/corpus-input.js');
    const view = await import('/views/corpus.js');
    // The documents the report was made from (names as the report has them).
    const docs = report ? report.documents.map((d, i) => ({ name: d.name, text: `文档${i}的文本。` })) : [];
    const { corpus } = addDocuments(emptyCorpus(), docs, { maxChars: 1e7, fallbackName: (n) => `文档 ${n}` });
    const store = createStore({
      lang: 'zh', mode: 'corpus', corpus, options: {}, words: { added: [], removed: [] },
      corpusReport: report ? { report, documents: corpus.documents.map(({ id, name }) => ({ id, name })) } : null,
    });
    window.corpusCalls = [];
    const shell = {
      maxChars: () => 1e7,
      restoreSettings: async () => {},
      analyzeCorpus: (documents, { signal, onProgress }) =>
        new Promise((resolve, reject) => {
          const call = { documents, onProgress, resolve, aborted: false };
          window.corpusCalls.push(call);
          signal.addEventListener('abort', () => {
            call.aborted = true;
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
      cancelled: () => (window.restarted = (window.restarted ?? 0) + 1),
    };
    mountCorpusInput(document.getElementById('corpus-panel'), document.getElementById('mode-tabs'), { store, shell });
    view.mount(document.getElementById('view-corpus'), { store, actions: {}, t });
    window.store = store;
  }, report);
  return { context, page, errors };
}

/** The rows of a table: each row's cells' text. */
const rowsOf = (page, testid) =>
  page.getByTestId(testid).evaluate((table) => [...table.tBodies[0].rows].map((tr) => [...tr.cells].map((c) => c.textContent)));

test('the documents table lists the report’s documents, sorts, and exports its rows', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openHarness();
  try {
    const view = page.getByTestId('view-corpus');
    assert.equal(await view.isVisible(), true);
    assert.doesNotMatch(await view.evaluate((root) => [...root.childNodes].map((n) => n.nodeType === 3 ? n.textContent : '').join('') + [...root.querySelectorAll('.creport-part')].map((p) => [...p.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')).join('')), /null|undefined/, 'no stray text');
    const rows = await rowsOf(page, 'creport-docs-table');
    assert.equal(rows.length, REPORT.documents.length);
    const cols = await page.getByTestId('creport-docs-table').evaluate((table) => [...table.tHead.rows[0].cells].map((c) => c.querySelector('button').dataset.key));
    const at = (key) => cols.indexOf(key);
    REPORT.documents.forEach((d, i) => {
      assert.equal(rows[i][at('name')], d.name);
      assert.equal(Number(rows[i][at('words')].replace(/,/g, '')), d.stats.words);
      assert.equal(Number(rows[i][at('distinctWords')].replace(/,/g, '')), d.stats.distinctWords);
      assert.equal(Number(rows[i][at('sentences')].replace(/,/g, '')), d.stats.sentences);
      assert.equal(Number(rows[i][at('sections')]), d.sections);
    });

    // Sorting by words: descending first, then ascending.
    await page.getByTestId('creport-sort-words').click();
    let sorted = (await rowsOf(page, 'creport-docs-table')).map((r) => r[at('name')]);
    const byWords = [...REPORT.documents].sort((a, b) => b.stats.words - a.stats.words).map((d) => d.name);
    assert.deepEqual(sorted, byWords);
    assert.equal(await page.getByTestId('creport-sort-words').evaluate((b) => b.closest('th').getAttribute('aria-sort')), 'descending');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'creport-sort-words', 'the focus stays on the heading');
    await page.getByTestId('creport-sort-words').click();
    sorted = (await rowsOf(page, 'creport-docs-table')).map((r) => r[at('name')]);
    assert.deepEqual(sorted, [...byWords].reverse());

    const csv = await downloaded(page, 'creport-docs-export-csv');
    assert.match(csv.name, /\.csv$/);
    const lines = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines.length, REPORT.documents.length + 1);
    for (const d of REPORT.documents) assert.ok(lines.some((l) => l.includes(d.name) && l.includes(`,${d.stats.words},`)), `the CSV has ${base(d.name)}`);
    const json = JSON.parse((await downloaded(page, 'creport-docs-export-json')).text);
    assert.deepEqual(json.map((d) => d.name).sort(), REPORT.documents.map((d) => d.name).sort());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a chosen document’s distinctive terms are the report’s list, and name its province', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openHarness();
  try {
    for (const i of [0, 5, REPORT.documents.length - 1]) {
      await page.getByTestId('creport-doc-select').selectOption(String(i));
      const doc = REPORT.documents[i];
      const rows = await rowsOf(page, 'creport-terms-table');
      const words = rows.map((r) => r[1]);
      // Every term of the list (the table draws the rows in view: here, all of them).
      assert.equal(await page.getByTestId('creport-terms-table').getAttribute('aria-rowcount'), String(doc.distinctive.length + 1));
      assert.deepEqual(words, doc.distinctive.map((k) => k.word));
      assert.ok(words.some((w) => w.includes(province(doc.name)) || province(doc.name).includes(w)), `${base(doc.name)}: ${words.join(' ')}`);
      const first = doc.distinctive[0];
      assert.equal(rows[0][4], first.g2.toFixed(2));
      assert.equal(rows[0][5], { 0.05: '*', 0.01: '**', 0.001: '***', 0.0001: '****' }[first.significance] ?? '');
      assert.equal(rows[0][6], first.logRatio.toFixed(2));
    }
    // The TF-IDF ranking of the last chosen document.
    await page.getByTestId('creport-ranking').selectOption('tfidf');
    const last = REPORT.documents.at(-1);
    assert.deepEqual((await rowsOf(page, 'creport-terms-table')).map((r) => r[1]), last.tfidf.map((k) => k.word));

    // The export holds every document's list (of the chosen ranking).
    const csv = (await downloaded(page, 'creport-terms-export-csv')).text;
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines.length - 1, REPORT.documents.reduce((n, d) => n + d.tfidf.length, 0));
    await page.getByTestId('creport-ranking').selectOption('g2');
    const json = JSON.parse((await downloaded(page, 'creport-terms-export-json')).text);
    assert.deepEqual(json.map((d) => d.distinctive[0].word), REPORT.documents.map((d) => d.distinctive[0].word));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the heatmap is the top 30 keywords × the documents, per 10,000 words', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openHarness();
  try {
    const cells = await page.getByTestId('creport-heatmap-table').evaluate((table) => ({
      words: [...table.tHead.rows[0].cells].slice(1).map((c) => c.textContent),
      rows: [...table.tBodies[0].rows].map((tr) => ({ name: tr.cells[0].textContent, values: [...tr.cells].slice(1).map((c) => Number(c.dataset.value)), text: [...tr.cells].slice(1).map((c) => c.textContent) })),
    }));
    const top = REPORT.keywords.slice(0, 30);
    assert.deepEqual(cells.words, top.map((k) => k.word));
    assert.deepEqual(cells.rows.map((r) => r.name), REPORT.documents.map((d) => d.name), 'documents in corpus order');
    cells.rows.forEach((row, i) => {
      assert.equal(row.values.length, 30);
      top.forEach((k, c) => {
        assert.ok(Math.abs(row.values[c] - k.relative[i] * 10000) < 1e-9);
        assert.equal(row.text[c], (k.relative[i] * 10000).toFixed(1));
      });
    });
    // The counts as a table, behind a <details>.
    await page.getByTestId('creport-heatmap').locator('summary').click();
    const counts = await rowsOf(page, 'creport-counts-table');
    assert.deepEqual(counts.map((r) => r.slice(1).map(Number)), REPORT.documents.map((_, i) => top.map((k) => k.counts[i])));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the trends chart draws the top five keywords across the documents, and chosen words', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openHarness();
  try {
    const series = () =>
      page.getByTestId('creport-trend-chart').evaluate((chart) => [...chart.querySelectorAll('.creport-series')].map((g) => ({ word: g.dataset.word, values: [...g.querySelectorAll('circle')].map((c) => Number(c.dataset.value)) })));
    let drawn = await series();
    assert.deepEqual(drawn.map((s) => s.word), REPORT.keywords.slice(0, 5).map((k) => k.word));
    drawn.forEach((s, w) => assert.deepEqual(s.values.map((v) => v.toFixed(6)), REPORT.keywords[w].relative.map((r) => (r * 10000).toFixed(6))));
    const k = REPORT.keywords[12];
    await page.getByTestId('creport-trend-words').fill(`${k.word}，不存在的词`);
    await page.getByTestId('creport-trend-show').click();
    drawn = await series();
    assert.deepEqual(drawn.map((s) => s.word), [k.word]);
    assert.match(await page.getByTestId('creport-trend-missing').textContent(), /不存在的词/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the similarity matrix is n × n in the clustering order, 1.00 on the diagonal, and exports', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openHarness();
  try {
    const { order, matrix } = REPORT.similarity;
    // The table alternative is drawn when its disclosure is opened.
    await page.getByTestId('creport-similarity').locator('summary').click();
    const table = await page.getByTestId('creport-similarity-table').evaluate((table) => ({
      cols: [...table.tHead.rows[0].cells].slice(1).map((c) => Number(c.dataset.index)),
      rows: [...table.tBodies[0].rows].map((tr) => ({ index: Number(tr.dataset.index), values: [...tr.cells].slice(1).map((c) => Number(c.dataset.value)), text: [...tr.cells].slice(1).map((c) => c.textContent), labels: [...tr.cells].slice(1).map((c) => c.getAttribute('aria-label')) })),
    }));
    const n = REPORT.documents.length;
    assert.deepEqual(table.cols, order);
    assert.deepEqual(table.rows.map((r) => r.index), order);
    table.rows.forEach((row, r) => {
      assert.equal(row.values.length, n);
      assert.equal(row.text[r], '1.00', 'the diagonal');
      order.forEach((j, c) => assert.equal(row.values[c], matrix[row.index][j]));
      assert.ok(row.labels[(r + 1) % n].includes(REPORT.documents[row.index].name));
    });
    const csv = (await downloaded(page, 'creport-similarity-export-csv')).text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(csv.length, n + 1);
    assert.ok(csv[1].startsWith(`${REPORT.documents[order[0]].name},1,`));
    const json = JSON.parse((await downloaded(page, 'creport-similarity-export-json')).text);
    assert.deepEqual(json.order, order);
    assert.deepEqual(json.matrix, matrix);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the view is empty without a report, and names go in as text', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openHarness({ report: null });
  try {
    assert.equal(await page.getByTestId('view-corpus').evaluate((root) => root.hidden && root.childElementCount === 0), true);
    const XSS = '<img src=x onerror=alert(1)>';
    const hostile = { ...REPORT, documents: REPORT.documents.map((d, i) => (i === 0 ? { ...d, name: XSS } : d)) };
    await page.evaluate((report) => window.store.set({ corpusReport: { report, documents: [{ id: 999, name: 'gone' }] } }), hostile);
    assert.equal(await page.getByTestId('view-corpus').isVisible(), true);
    assert.equal(await page.locator('#view-corpus img').count(), 0);
    assert.equal(await page.getByTestId('creport-docs-table').locator('tbody tr').first().locator('th').textContent(), XSS);
    assert.equal(await page.getByTestId('creport-stale').isVisible(), true, 'the documents differ from those analysed');
    // In the one-text mode the corpus report is not shown.
    await page.evaluate(() => window.store.set({ mode: 'text' }));
    assert.equal(await page.getByTestId('view-corpus').isHidden(), true);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('Analyse corpus: progress per document, Cancel, and the report stored and drawn', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openHarness({ report: null });
  try {
    await page.evaluate((report) => window.store.set({ corpus: { documents: report.documents.map((d, i) => ({ id: i + 1, name: d.name, text: '文本' })), nextId: 100 } }), REPORT);
    const n = REPORT.documents.length;
    await page.getByTestId('corpus-analyse').click();
    assert.equal(await page.evaluate(() => window.corpusCalls.length), 1);
    assert.deepEqual(await page.evaluate(() => window.corpusCalls[0].documents.map((d) => d.name)), REPORT.documents.map((d) => d.name));
    assert.equal(await page.getByTestId('corpus-cancel').isVisible(), true);
    await page.evaluate(() => window.corpusCalls[0].onProgress({ document: 2, of: 16, name: '第三篇' }));
    assert.equal(await page.getByTestId('corpus-progress').textContent(), `3 / ${n}：第三篇`);
    await page.getByTestId('corpus-cancel').click();
    assert.equal(await page.evaluate(() => window.corpusCalls[0].aborted), true);
    assert.equal(await page.evaluate(() => window.restarted), 1, 'the engine is started again');
    assert.match(await page.getByTestId('corpus-message').textContent(), /取消/);
    assert.equal(await page.getByTestId('corpus-cancel').isHidden(), true);
    assert.equal(await page.getByTestId('view-corpus').isHidden(), true);

    await page.getByTestId('corpus-analyse').click();
    await page.evaluate((report) => window.corpusCalls[1].resolve(report), REPORT);
    await page.getByTestId('creport-docs-table').waitFor();
    const stored = await page.evaluate(() => window.store.get().corpusReport.documents.map((d) => d.name));
    assert.deepEqual(stored, REPORT.documents.map((d) => d.name));
    assert.equal(await page.getByTestId('creport-stale').count(), 0);
    // Renaming a document afterwards marks the report as made from other documents.
    await page.getByTestId('corpus-doc-name').first().fill('新名字');
    await page.getByTestId('corpus-doc-name').first().press('Tab');
    assert.equal(await page.getByTestId('creport-stale').isVisible(), true);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the page: Analyse corpus with the page’s engine: progress, then the report of the documents as split', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openCorpusMode(env, { viewport: { width: 390, height: 844 } });
  try {
    const chapter = (place, topic) => `${place}推进${topic}。${place}持续推进${topic}，${place}全面推进${topic}。\n`;
    await page.getByTestId('corpus-split-text').fill(
      `第一回 甲\n${chapter('上海', '城市更新')}第二回 乙\n${chapter('浙江', '数字经济')}第三回 丙\n${chapter('四川', '乡村振兴')}`,
    );
    await page.getByTestId('corpus-split').click();
    await page.getByTestId('corpus-doc').nth(2).waitFor();
    await page.getByTestId('corpus-analyse').click();
    await page.getByTestId('creport-docs-table').waitFor({ timeout: 60_000 });
    const rows = await rowsOf(page, 'creport-docs-table');
    assert.deepEqual(rows.map((r) => r[1]), ['第一回 甲', '第二回 乙', '第三回 丙']);
    // Each document's distinctive terms name its own place, as the engine ranks them.
    for (const [i, place] of ['上海', '浙江', '四川'].entries()) {
      await page.getByTestId('creport-doc-select').selectOption(String(i));
      const words = (await rowsOf(page, 'creport-terms-table')).map((r) => r[1]);
      assert.ok(words.includes(place), `${place}: ${words.join(' ')}`);
    }
    assert.equal(await page.getByTestId('corpus-doc').count(), 3, 'the documents are unchanged');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the corpus report fits a phone screen (390 px): wide tables scroll inside their parts', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openHarness({ viewport: { width: 390, height: 844 } });
  try {
    await page.getByTestId('creport-similarity-matrix').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.getByTestId('view-corpus').screenshot({ path: new URL('../../test-output/corpus-report-390.png', import.meta.url).pathname });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

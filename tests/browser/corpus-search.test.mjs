// Searching, comparing and reference keyness in corpus mode (views/corpus-search.js,
// views/corpus-keyness.js), on the page with its real engine.
//
//   node --test tests/browser/corpus-search.test.mjs
//
// A small corpus of four .txt files (one with no hit) is opened in corpus mode and analysed
// with the Analyse corpus button; then each part is used as a reader would, and checked
// against the documents' own texts (a naive substring count, offsets sliced back) or against
// the engine's answer to the same request, asked of a second analyzer of the same package
// (pkg/index.js createAnalyzer) that analysed the same documents with the page's options.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useShell } from './shell-helpers.mjs';
import { addFiles, analyse, downloaded, harnessHtml, openCorpusMode, openHarnessPage } from './corpus-helpers.mjs';

const env = useShell();

const DOCS = [
  { name: '上海.txt', text: '上海推进城市更新。上海持续推进城市更新，全面推进数字化转型。\n城市更新让上海更宜居，上海推进数字经济。\n' },
  { name: '浙江.txt', text: '浙江推进数字经济。浙江持续推进数字经济，数字经济带动城市发展。\n浙江推进城市更新。\n' },
  { name: '北京.txt', text: '北京建设国际科技创新中心。北京发展数字经济，建设数字经济标杆城市。\n' },
  { name: '四川.txt', text: '四川推进乡村振兴。乡村振兴要持续推进，四川全面推进乡村振兴。\n乡村振兴带动四川发展。\n' },
];
const MORE = { name: '广东.txt', text: '广东推进制造业升级。广东持续推进数字经济，推进城市更新。\n' };

/** Occurrences of `needle` in `text`, found one after another (the engine's string search). */
function naiveCount(text, needle) {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** The page in corpus mode with `docs` opened as files and analysed (the report drawn). */
async function openCorpus(docs = DOCS, { viewport } = {}) {
  const opened = await openCorpusMode(env, viewport ? { viewport } : {});
  await addFiles(opened.page, docs);
  await analyse(opened.page);
  return opened;
}

/** The engine's answers to `calls` ([name, method, args]) on `docs`, from a second analyzer. */
function engineAnswers(page, docs, calls) {
  return page.evaluate(
    async ({ docs, calls }) => {
      const { createAnalyzer } = await import('/pkg/index.js');
      const { PAGE_DEFAULTS, engineOptions } = await import('/lib/page-options.js');
      const wenxi = await createAnalyzer();
      try {
        await wenxi.analyzeCorpus(docs, { analysis: engineOptions(PAGE_DEFAULTS) }, { keep: true });
        const out = {};
        for (const [name, method, args] of calls) {
          try {
            out[name] = { answer: await wenxi[method](...args) };
          } catch (error) {
            out[name] = { error: { kind: error.kind, message: error.message } };
          }
        }
        return out;
      } finally {
        wenxi.terminate();
      }
    },
    { docs, calls },
  );
}

/** How many answers a part has drawn (its data-answered), and waiting for the next. */
const answered = (page, testid) => page.getByTestId(testid).evaluate((node) => Number(node.dataset.answered));
const nextAnswer = (page, testid, after) =>
  page.waitForFunction(({ testid, after }) => Number(document.querySelector(`[data-testid="${testid}"]`).dataset.answered) > after, { testid, after }, { timeout: 30_000 });

const cells = (page, testid) =>
  page.getByTestId(testid).evaluate((table) => [...table.tBodies[0].rows].map((tr) => [...tr.cells].map((c) => ({ text: c.textContent, field: c.dataset.field, value: c.dataset.value }))));

/**
 * Search the concordance for `query` (by string) and wait for the answer to this search. Not
 * just the next answer: choosing the match (a change) re-asks the search already shown, whose
 * answer may be drawn first; the panel's data-query and data-by name the request drawn.
 */
async function search(page, query, by = 'string') {
  const before = await answered(page, 'csearch-panel-kwic');
  await page.getByTestId('csearch-kwic-query').fill(query);
  await page.getByTestId('csearch-kwic-by').selectOption(by);
  await page.getByTestId('csearch-kwic-search').click();
  await page.waitForFunction(
    ({ before, query, by }) => {
      const panel = document.querySelector('[data-testid="csearch-panel-kwic"]');
      return Number(panel.dataset.answered) > before && panel.dataset.state !== 'loading' && panel.dataset.query === query && panel.dataset.by === by;
    },
    { before, query, by },
    { timeout: 30_000 },
  );
}

/** The concordance as drawn: the summary's two numbers, the per-document list, the lines. */
async function concordanceShown(page) {
  return page.evaluate(() => {
    const q = (s) => document.querySelector(`[data-testid="${s}"]`);
    return {
      summary: q('csearch-kwic-summary').textContent,
      perDoc: [...document.querySelectorAll('[data-testid="csearch-kwic-doc"]')].map((li) => ({ index: Number(li.dataset.index), count: Number(li.dataset.count), name: li.firstChild.textContent })),
      lines: [...document.querySelectorAll('[data-testid="csearch-kwic-line"]')].map((tr) => ({
        document: Number(tr.dataset.document),
        start: Number(tr.dataset.start),
        end: Number(tr.dataset.end),
        name: tr.querySelector('[data-testid="csearch-kwic-docname"]').textContent,
        match: tr.querySelector('[data-testid="csearch-kwic-match"]').textContent,
      })),
    };
  });
}

test('the corpus concordance: the total and each document’s hits are naive counts, each line names its document and slices back', { timeout: 180_000 }, async () => {
  const { context, page, errors } = await openCorpus();
  try {
    await search(page, '推进');
    const shown = await concordanceShown(page);
    const perDocument = DOCS.map((d) => naiveCount(d.text, '推进'));
    const total = perDocument.reduce((a, b) => a + b, 0);
    const withHits = perDocument.filter((n) => n > 0).length;
    assert.match(shown.summary, new RegExp(`共 ${total} 处`), shown.summary);
    assert.match(shown.summary, new RegExp(`在 ${withHits} 篇文档中`), shown.summary);
    assert.deepEqual(
      shown.perDoc,
      perDocument.flatMap((count, index) => (count > 0 ? [{ index, count, name: DOCS[index].name }] : [])),
    );
    assert.equal(shown.lines.length, total);
    for (const line of shown.lines) {
      assert.equal(line.name, DOCS[line.document].name);
      assert.equal(DOCS[line.document].text.slice(line.start, line.end), '推进');
      assert.equal(line.match, '推进');
    }
    // Document order, then position within it.
    const order = shown.lines.map((l) => [l.document, l.start]);
    assert.deepEqual(order, [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    assert.match(await page.getByTestId('csearch-panel-kwic').textContent(), /最多列出 1,000 行/);

    // The exports carry each line's document name.
    const csv = await downloaded(page, 'csearch-kwic-csv');
    assert.match(csv.name, /\.csv$/);
    const rows = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(rows.length, total + 1);
    assert.match(rows[0], /^rank,document,documentIndex,start,end,left,match,right$/);
    shown.lines.forEach((l, i) => assert.ok(rows[i + 1].startsWith(`${i + 1},${l.name},${l.document},${l.start},${l.end},`), rows[i + 1]));
    const json = JSON.parse((await downloaded(page, 'csearch-kwic-json')).text);
    assert.equal(json.total, total);
    assert.deepEqual(json.perDocument.map((d) => [d.name, d.count]), DOCS.map((d, i) => [d.name, perDocument[i]]));
    assert.deepEqual(json.lines.map((l) => l.name), shown.lines.map((l) => l.name));

    // A search with no hit, then a pattern the engine refuses: an alert, no lines.
    await search(page, '深圳');
    assert.match(await page.getByTestId('csearch-kwic-message').textContent(), /语料库中没有「深圳」/);
    await search(page, '推进(', 'regex');
    const alert = page.getByTestId('csearch-kwic-error');
    assert.equal(await alert.isVisible(), true);
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.equal(await page.locator('[data-testid="csearch-kwic-line"]').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('collocates and n-grams over the corpus are the engine’s answers to the same requests', { timeout: 180_000 }, async () => {
  const { context, page, errors } = await openCorpus();
  try {
    await page.getByTestId('csearch-tab-colloc').click();
    let before = await answered(page, 'csearch-panel-colloc');
    await page.getByTestId('csearch-colloc-word').fill('推进');
    await page.getByTestId('csearch-colloc-min').fill('1');
    await page.getByTestId('csearch-colloc-run').click();
    await nextAnswer(page, 'csearch-panel-colloc', before);
    before = await answered(page, 'csearch-panel-ngrams');
    await page.getByTestId('csearch-tab-ngrams').click();
    await nextAnswer(page, 'csearch-panel-ngrams', before);
    before = await answered(page, 'csearch-panel-ngrams');
    await page.getByTestId('csearch-ngrams-min-count').fill('2');
    await page.getByTestId('csearch-ngrams-min-count').press('Enter');
    await nextAnswer(page, 'csearch-panel-ngrams', before);

    const colloc = { word: '推进', left: 5, right: 5, acrossSentences: false, minCount: 1, sort: 'logDice', limit: 1001 };
    const ngrams = { minN: 2, maxN: 4, minCount: 2, longestOnly: false, characters: false, limit: 1001 };
    const expected = await engineAnswers(page, DOCS, [
      ['colloc', 'corpusCollocates', [colloc]],
      ['ngrams', 'corpusNgrams', [ngrams]],
    ]);
    const c = expected.colloc.answer;
    assert.ok(c.collocates.length > 0);
    const rows = await cells(page, 'csearch-colloc-table');
    assert.equal(rows.length, c.collocates.length);
    c.collocates.forEach((x, i) => {
      const row = Object.fromEntries(rows[i].map((cell) => [cell.field, cell]));
      assert.equal(row.word.text, x.word);
      for (const f of ['count', 'frequency']) assert.equal(Number(row[f].value), x[f], `${x.word} ${f}`);
      for (const f of ['mi', 'tScore', 'logLikelihood', 'logDice']) assert.equal(Number(row[f].value), x[f], `${x.word} ${f}`);
      assert.equal(row.logDice.text, x.logDice.toFixed(2));
    });
    assert.match(await page.getByTestId('csearch-colloc-summary').textContent(), new RegExp(`出现 ${c.frequency} 次`));

    const g = expected.ngrams.answer.ngrams;
    assert.ok(g.length > 0);
    const shown = await page.getByTestId('csearch-ngrams-table').evaluate((table) =>
      [...table.tBodies[0].rows].map((tr) => ({ words: JSON.parse(tr.dataset.words), count: Number(tr.dataset.count), documents: Number(tr.dataset.documents), cells: [...tr.cells].map((td) => td.textContent) })),
    );
    assert.deepEqual(shown.map(({ words, count, documents }) => ({ words, count, documents })), g.map(({ words, count, documents }) => ({ words, count, documents })));
    shown.forEach((row) => {
      assert.equal(row.cells[3], String(row.count));
      assert.equal(row.cells[4], String(row.documents));
    });
    // 数字经济 (as one word or two) occurs in three documents.
    assert.ok(g.some((x) => x.documents >= 2), 'an n-gram of several documents');

    const csv = (await downloaded(page, 'csearch-ngrams-csv')).text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(csv[0], 'rank,ngram,words,n,count,documents');
    assert.equal(csv.length, g.length + 1);
    // The collocates' export is in their tab (hidden while the n-grams are shown): back to it.
    await page.getByTestId('csearch-tab-colloc').click();
    assert.equal(await page.getByTestId('csearch-colloc-table').isVisible(), true);
    const ccsv = (await downloaded(page, 'csearch-colloc-csv')).text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(ccsv.length, c.collocates.length + 1);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('two groups compared: the tables are the engine’s comparison, and a document is in one group only', { timeout: 180_000 }, async () => {
  const { context, page, errors } = await openCorpus();
  try {
    const box = (g, i) => page.getByTestId(`ckey-${g}-doc`).nth(i);
    // Without both groups: a message, no call.
    await page.getByTestId('ckey-compare-run').click();
    assert.match(await page.getByTestId('ckey-compare-error').textContent(), /每组至少选一篇文档/);

    await box('a', 0).check();
    assert.equal(await box('b', 0).isDisabled(), true, '上海 in A cannot be put in B');
    await box('a', 1).check();
    await box('b', 3).check();
    assert.equal(await box('a', 3).isDisabled(), true);
    // Keyboard: Space toggles the box that has the focus; the focus stays on it after the redraw.
    await box('b', 2).focus();
    await page.keyboard.press('Space');
    assert.equal(await box('b', 2).isChecked(), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'ckey-b-2');
    await page.keyboard.press('Space');
    assert.equal(await box('b', 2).isChecked(), false);

    const before = await answered(page, 'ckey-compare');
    await page.getByTestId('ckey-compare-run').click();
    await nextAnswer(page, 'ckey-compare', before);
    const { cmp } = await engineAnswers(page, DOCS, [['cmp', 'compareGroups', [[0, 1], [3], { terms: 50 }]]]);
    const k = cmp.answer.keyness;
    const read = async (testid) =>
      (await page.locator(`[data-testid="${testid}"]`).count()) === 0
        ? []
        : (await cells(page, testid)).map((row) => Object.fromEntries(row.map((c) => [c.field, c.field === 'word' ? c.text : c.value])));
    const aRows = await read('ckey-compare-a');
    const bRows = await read('ckey-compare-b');
    assert.ok(k.positive.length > 0 && k.negative.length > 0, 'both directions have words');
    assert.deepEqual(aRows.map((r) => r.word), k.positive.map((x) => x.word));
    assert.deepEqual(bRows.map((r) => r.word), k.negative.map((x) => x.word));
    k.positive.forEach((x, i) => {
      assert.equal(Number(aRows[i].countA), x.count);
      assert.equal(Number(aRows[i].countB), x.other);
      assert.equal(Number(aRows[i].g2), x.g2);
      assert.equal(Number(aRows[i].logRatio), x.logRatio);
      assert.equal(aRows[i].significance === '' ? null : Number(aRows[i].significance), x.significance);
    });
    // B's table: B's words, its log ratio B over A.
    k.negative.forEach((x, i) => {
      assert.equal(Number(bRows[i].countA), x.count);
      assert.equal(Number(bRows[i].countB), x.other);
      assert.equal(Number(bRows[i].logRatio), -x.logRatio);
    });
    assert.ok(aRows.some((r) => ['上海', '浙江', '数字经济', '城市更新'].includes(r.word)), aRows.map((r) => r.word).join(' '));
    assert.ok(bRows.some((r) => ['四川', '乡村振兴'].includes(r.word)), bRows.map((r) => r.word).join(' '));
    assert.match(await page.getByTestId('ckey-compare-summary').textContent(), new RegExp(`A 组 2 篇文档，${k.words} 个实词；B 组 1 篇文档，${k.otherWords} 个实词`));
    const csv = (await downloaded(page, 'ckey-compare-csv')).text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(csv.length, 1 + k.positive.length + k.negative.length);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the corpus against a reference: a frequency list, a malformed list’s alert, jieba’s dictionary', { timeout: 180_000 }, async () => {
  const { context, page, errors } = await openCorpus();
  try {
    const list = '城市\t900\n发展\t2000\n经济\t1500\n数字\t300\n乡村\t100\n建设\t1800\n推进\t1200\n';
    await page.getByTestId('ckey-file').setInputFiles({ name: 'freq.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(list) });
    assert.equal(await page.getByTestId('ckey-source').inputValue(), 'list', 'a .tsv file is taken as a frequency list');
    let before = await answered(page, 'ckey-reference');
    await page.getByTestId('ckey-reference-run').click();
    await nextAnswer(page, 'ckey-reference', before);
    const expected = await engineAnswers(page, DOCS, [
      ['list', 'corpusReport', [null, { reference: { name: 'freq.tsv', list } }]],
      ['bad', 'corpusReport', [null, { reference: { name: 'bad.tsv', list: '城市\t900\n发展\tmany\n' } }]],
      ['dict', 'corpusReport', [null, { reference: { dictionary: true } }]],
    ]);
    const ref = expected.list.answer.reference;
    assert.equal(ref.name, 'freq.tsv');
    assert.match(await page.getByTestId('ckey-reference-name').textContent(), /参照语料：freq\.tsv/);
    const words = async (testid) =>
      (await page.locator(`[data-testid="${testid}"]`).count()) === 0 ? [] : (await cells(page, testid)).map((row) => row.find((c) => c.field === 'word').text);
    assert.deepEqual(await words('ckey-reference-corpus'), ref.keyness.positive.map((x) => x.word));
    assert.deepEqual(await words('ckey-reference-ref'), ref.keyness.negative.map((x) => x.word));
    const g2 = (await cells(page, 'ckey-reference-corpus')).map((row) => Number(row.find((c) => c.field === 'g2').value));
    assert.deepEqual(g2, ref.keyness.positive.map((x) => x.g2));

    // A malformed list: the engine's refusal as an alert, naming the line.
    assert.equal(expected.bad.error?.kind, 'invalid_frequency_list');
    await page.getByTestId('ckey-file').setInputFiles({ name: 'bad.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from('城市\t900\n发展\tmany\n') });
    before = await answered(page, 'ckey-reference');
    await page.getByTestId('ckey-reference-run').click();
    await nextAnswer(page, 'ckey-reference', before);
    const alert = page.getByTestId('ckey-reference-error');
    assert.equal(await alert.isVisible(), true);
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.textContent(), /词频表有误/);
    assert.match(await alert.textContent(), /2/, 'the line is named');
    assert.equal(await page.locator('[data-testid="ckey-reference-corpus"]').count(), 0, 'no table for a refused list');

    // jieba's dictionary frequencies.
    await page.getByTestId('ckey-source').selectOption('dictionary');
    assert.equal(await page.getByTestId('ckey-file').isVisible(), false);
    before = await answered(page, 'ckey-reference');
    await page.getByTestId('ckey-reference-run').click();
    await nextAnswer(page, 'ckey-reference', before);
    const dict = expected.dict.answer.reference;
    assert.equal(await alert.isVisible(), false);
    assert.match(await page.getByTestId('ckey-reference-name').textContent(), new RegExp(dict.name));
    assert.deepEqual(await words('ckey-reference-corpus'), dict.keyness.positive.map((x) => x.word));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a new corpus report asks again: the concordance shows the new corpus’s counts; 390 px wide works', { timeout: 180_000 }, async () => {
  const { context, page, errors } = await openCorpus(DOCS, { viewport: { width: 390, height: 844 } });
  try {
    await search(page, '推进');
    const before = await answered(page, 'csearch-panel-kwic');
    await addFiles(page, [MORE]);
    await analyse(page);
    await nextAnswer(page, 'csearch-panel-kwic', before);
    const docs = [...DOCS, MORE];
    const shown = await concordanceShown(page);
    const total = docs.reduce((n, d) => n + naiveCount(d.text, '推进'), 0);
    assert.match(shown.summary, new RegExp(`共 ${total} 处`));
    assert.deepEqual(shown.perDoc.at(-1), { index: 4, count: naiveCount(MORE.text, '推进'), name: MORE.name });
    for (const line of shown.lines) assert.equal(docs[line.document].text.slice(line.start, line.end), '推进');

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    // The tabs work from the keyboard: arrows move, Enter opens.
    await page.getByTestId('csearch-tab-kwic').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    assert.equal(await page.getByTestId('csearch-tab-colloc').getAttribute('aria-selected'), 'true');
    assert.equal(await page.getByTestId('csearch-panel-colloc').isVisible(), true);
    await page.getByTestId('view-corpus-search').screenshot({ path: new URL('../../test-output/corpus-search-390.png', import.meta.url).pathname });

    // Back to one text: the corpus parts are hidden.
    await page.getByTestId('mode-text').click();
    assert.equal(await page.getByTestId('view-corpus-search').isVisible(), false);
    assert.equal(await page.getByTestId('view-corpus-keyness').isVisible(), false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// The views alone, on a harness page with a stand-in for the engine's corpus queries (a naive
// search of the documents, written here): what the views do with answers, refusals, and an
// answer that comes after a newer corpus report (dropped).

const HARNESS_PATH = 'corpus-search-harness.html';
const HARNESS = harnessHtml(
  ['views/keywords.css', 'views/corpus-search.css', 'views/corpus-keyness.css'],
  `<section id="view-corpus-search" class="view panel" data-testid="view-corpus-search"></section>
<section id="view-corpus-keyness" class="view panel" data-testid="view-corpus-keyness"></section>`,
);

async function openHarness(docs = DOCS) {
  const { context, page, errors } = await openHarnessPage(env, HARNESS_PATH, HARNESS);
  await page.evaluate(async (docs) => {
    const { createStore } = await import('/lib/store.js');
    const { t } = await import('/lib/i18n.js');
    const search = await import('/views/corpus-search.js');
    const keyness = await import('/views/corpus-keyness.js');
    const reportOf = (docs) => ({ version: 'test', documents: docs.map((d) => ({ name: d.name })), keywords: [{ word: '推进' }] });
    window.docs = docs;
    window.held = []; // concordance answers held back: [resolve, answer]
    window.hold = false;
    const refuse = (kind, message, extra = {}) => Promise.reject(Object.assign(new Error(message), { kind, ...extra }));
    const actions = {
      corpusConcordance({ query, by }) {
        if (by === 'regex') return refuse('invalid_query', 'the pattern does not parse');
        const perDocument = window.docs.map(() => 0);
        const lines = [];
        window.docs.forEach((d, document) => {
          for (let at = d.text.indexOf(query); at !== -1; at = d.text.indexOf(query, at + query.length)) {
            perDocument[document]++;
            lines.push({ document, start: at, end: at + query.length, left: d.text.slice(Math.max(0, at - 5), at), match: query, right: d.text.slice(at + query.length, at + query.length + 5) });
          }
        });
        const answer = { total: lines.length, perDocument, lines };
        return window.hold ? new Promise((resolve) => window.held.push(() => resolve(answer))) : Promise.resolve(answer);
      },
      corpusCollocates: ({ word }) => Promise.resolve({ word, frequency: 3, words: 40, window: 30, collocates: [{ word: '城市', count: 2, frequency: 4, mi: 1.5, tScore: 1.1, logLikelihood: 3.2, logDice: 12.5 }] }),
      corpusNgrams: () => Promise.resolve({ ngrams: [{ words: ['数字', '经济'], count: 5, documents: 3 }] }),
      compareGroups: (a, b) => Promise.resolve({ a, b, keyness: { words: 20, otherWords: 10, positive: [{ word: '上海', key: '上海', count: 4, other: 0, g2: 7.5, logRatio: 3.2, significance: 0.01 }], negative: [{ word: '四川', key: '四川', count: 0, other: 3, g2: 9.1, logRatio: -3.6, significance: 0.01 }] } }),
      corpusReport: ({ reference }) =>
        reference.list?.includes('many')
          ? refuse('invalid_frequency_list', 'line 2: “many” is not a count', { line: 2 })
          : Promise.resolve({ reference: { name: reference.name ?? 'jieba dictionary', keyness: { words: 30, otherWords: 1000, positive: [{ word: '推进', key: '推进', count: 9, other: 12, g2: 40.2, logRatio: 4.6, significance: 0.0001 }], negative: [] } } }),
    };
    const store = createStore({ lang: 'zh', mode: 'corpus', corpusReport: { report: reportOf(docs), documents: [] } });
    window.newReport = (docs) => {
      window.docs = docs;
      store.set({ corpusReport: { report: reportOf(docs), documents: [] } });
    };
    window.store = store;
    search.mount(document.getElementById('view-corpus-search'), { store, actions, t });
    keyness.mount(document.getElementById('view-corpus-keyness'), { store, actions, t });
  }, docs);
  return { context, page, errors };
}

test('stand-in engine: lines name their documents, a refusal is an alert, an answer to an older corpus is dropped', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openHarness();
  try {
    await search(page, '推进');
    const shown = await concordanceShown(page);
    assert.equal(shown.lines.length, DOCS.reduce((n, d) => n + naiveCount(d.text, '推进'), 0));
    for (const l of shown.lines) assert.equal(l.name, DOCS[l.document].name);
    assert.equal(shown.perDoc.some((d) => d.name === '北京.txt'), false, 'a document without hits is not listed');
    // A phone (390 px): the lines scroll inside their region, not the page.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: new URL('../../test-output/corpus-search-harness-390.png', import.meta.url).pathname, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await search(page, '(', 'regex');
    assert.equal(await page.getByTestId('csearch-kwic-error').isVisible(), true);
    assert.match(await page.getByTestId('csearch-kwic-error').textContent(), /无法查询：the pattern does not parse/);

    // Held: an answer asked under the first corpus, released after a second report arrived.
    await page.getByTestId('csearch-kwic-query').fill('推进');
    await page.getByTestId('csearch-kwic-by').selectOption('string');
    await page.evaluate(() => (window.hold = true));
    await page.getByTestId('csearch-kwic-search').click();
    await page.waitForFunction(() => window.held.length === 1);
    await page.evaluate((more) => window.newReport([more]), MORE);
    await page.waitForFunction(() => window.held.length === 2, null, { timeout: 5000 });
    const before = await answered(page, 'csearch-panel-kwic');
    await page.evaluate(() => window.held[0]()); // the old corpus's answer: dropped
    await page.evaluate(() => window.held[1]());
    await nextAnswer(page, 'csearch-panel-kwic', before);
    assert.equal(await answered(page, 'csearch-panel-kwic'), before + 1, 'one answer drawn, the newer');
    const now = await concordanceShown(page);
    assert.deepEqual(now.perDoc, [{ index: 0, count: naiveCount(MORE.text, '推进'), name: MORE.name }]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('stand-in engine: groups exclude each other, the comparison’s two tables, a malformed list’s alert names its line', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openHarness();
  try {
    await page.getByTestId('ckey-a-doc').nth(0).check();
    assert.equal(await page.getByTestId('ckey-b-doc').nth(0).isDisabled(), true);
    await page.getByTestId('ckey-b-doc').nth(3).check();
    let before = await answered(page, 'ckey-compare');
    await page.getByTestId('ckey-compare-run').click();
    await nextAnswer(page, 'ckey-compare', before);
    const a = (await cells(page, 'ckey-compare-a'))[0];
    const b = (await cells(page, 'ckey-compare-b'))[0];
    assert.deepEqual(a.map((c) => c.text), ['上海', '4', '0', '7.50', '**', '3.20']);
    assert.deepEqual(b.map((c) => c.text), ['四川', '0', '3', '9.10', '**', '3.60']);

    await page.getByTestId('ckey-file').setInputFiles({ name: 'bad.txt', mimeType: 'text/plain', buffer: Buffer.from('城市\t900\n发展\tmany\n') });
    await page.getByTestId('ckey-source').selectOption('list');
    before = await answered(page, 'ckey-reference');
    await page.getByTestId('ckey-reference-run').click();
    await nextAnswer(page, 'ckey-reference', before);
    assert.match(await page.getByTestId('ckey-reference-error').textContent(), /词频表有误（第 2 行）/);

    await page.getByTestId('ckey-source').selectOption('dictionary');
    before = await answered(page, 'ckey-reference');
    await page.getByTestId('ckey-reference-run').click();
    await nextAnswer(page, 'ckey-reference', before);
    assert.match(await page.getByTestId('ckey-reference-name').textContent(), /参照语料：jieba dictionary/);
    assert.equal(await page.getByTestId('ckey-reference-ref-none').isVisible(), true);

    // A new corpus: the groups are cleared, the reference asked again.
    before = await answered(page, 'ckey-reference');
    await page.evaluate((more) => window.newReport([more]), MORE);
    await nextAnswer(page, 'ckey-reference', before);
    assert.equal(await page.getByTestId('ckey-a-doc').count(), 1);
    assert.equal(await page.getByTestId('ckey-a-doc').isChecked(), false);
    assert.equal(await page.locator('[data-testid="ckey-compare-a"]').count(), 0);

    // English strings.
    await page.evaluate(async () => {
      (await import('/lib/i18n.js')).setLang('en');
      window.store.set({ lang: 'en' });
    });
    assert.equal(await page.getByTestId('csearch-tab-ngrams').textContent(), 'N-grams');
    assert.match(await page.getByTestId('ckey-reference-name').textContent(), /^Reference: jieba dictionary/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

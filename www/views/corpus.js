// The corpus report's views: the documents of a corpus compared (README, "The page", corpus
// mode). Shown only in corpus mode once a corpus report exists (`state.corpusReport`:
// { report: CorpusReport, documents: [{id, name}] }, the documents it was made from, set by
// corpus-input.js's Analyse corpus button); otherwise the container is empty and hidden.
//
// Five parts, each drawn from the report alone (no engine call):
//   documents     one row per document: size, words, distinct words, sentences, average
//                 sentence length, script, sections; sortable by any column
//   distinctive   a chosen document's distinctive terms (G², significance, log ratio), or its
//                 TF-IDF ranking
//   heatmap       the top corpus keywords × the documents, per 10,000 words
//   trends        chosen words' relative frequency across the documents, in corpus order
//   similarity    the cosine matrix, in the report's clustering order
// Large corpora (issue 15: 500 documents): every part shows all the documents, but draws only
// what is in view: the tables through lib/virtual-rows.js (a fixed row height, rows re-used as
// their box scrolls), the similarity matrix on a canvas (lib/matrix-canvas.js) with a readout
// and a table alternative whose rows and columns are drawn the same way. The five parts are
// drawn one task each, so a large report never holds the main thread for long; the view's
// data-state is 'ready' once all are drawn. Exports always hold every row.
// Document names are the user's: they go in with textContent only (lib/dom.js).

import { el, svg } from '../lib/dom.js';
import { t, formatNumber } from '../lib/i18n.js';
import { toCsv, download, downloadJson, fileName, round } from '../lib/export.js';
import { parseWords } from '../lib/widgets.js';
import { virtualRows, spacerCell } from '../lib/virtual-rows.js';
import { matrixCanvas } from '../lib/matrix-canvas.js';

t.register({
  'view.corpus': { zh: '语料库报告', en: 'Corpus report' },
  'creport.stale': {
    zh: '文档在分析后有改动；以下是分析时的 {n} 篇文档。再次点击“分析语料库”可更新。',
    en: 'The documents changed after the analysis; below are the {n} documents it was made from. Analyse the corpus again to update.',
  },
  'creport.summary': { zh: '{n} 篇文档，共 {words} 个实词，{distinct} 个不同的词', en: '{n} documents, {words} content words, {distinct} distinct words' },
  'creport.exportCsv': { zh: '导出 CSV', en: 'Export CSV' },
  'creport.exportJson': { zh: '导出 JSON', en: 'Export JSON' },

  'creport.docs': { zh: '文档一览', en: 'Documents' },
  'creport.docsHint': { zh: '点击列标题排序，再点一次反向。', en: 'Choose a column heading to sort by it; again to reverse.' },
  'creport.col.index': { zh: '序号', en: '#' },
  'creport.col.name': { zh: '文档', en: 'Document' },
  'creport.col.characters': { zh: '字符', en: 'Characters' },
  'creport.col.words': { zh: '词数', en: 'Words' },
  'creport.col.distinctWords': { zh: '不同词', en: 'Distinct words' },
  'creport.col.sentences': { zh: '句数', en: 'Sentences' },
  'creport.col.averageSentenceLength': { zh: '平均句长', en: 'Avg. sentence length' },
  'creport.col.script': { zh: '字体', en: 'Script' },
  'creport.col.sections': { zh: '节数', en: 'Sections' },
  'creport.script.simplified': { zh: '简体', en: 'Simplified' },
  'creport.script.traditional': { zh: '繁体', en: 'Traditional' },
  'creport.script.mixed': { zh: '简繁混合', en: 'Mixed' },
  'creport.script.unknown': { zh: '无法判断', en: 'Unknown' },
  'creport.script.none': { zh: '无汉字', en: 'No Han' },

  'creport.distinctive': { zh: '各文档的特征词', en: 'Distinctive terms per document' },
  'creport.distinctiveHint': {
    zh: 'G²：该文档相对其余所有文档的对数似然比（* p<0.05，** p<0.01，*** p<0.001，**** p<0.0001）；对数比：相对频率之比的 log₂，+1 即多用一倍。TF-IDF：按文档计算的另一种排序。',
    en: 'G²: the document’s log-likelihood against all the other documents (* p<0.05, ** p<0.01, *** p<0.001, **** p<0.0001); log ratio: log₂ of the ratio of relative frequencies, +1 is twice as often. TF-IDF: a second ranking over the documents.',
  },
  'creport.document': { zh: '文档', en: 'Document' },
  'creport.ranking': { zh: '排序', en: 'Ranking' },
  'creport.rankG2': { zh: 'G²（对比其余文档）', en: 'G² (against the other documents)' },
  'creport.rankTfidf': { zh: 'TF-IDF', en: 'TF-IDF' },
  'creport.col.rank': { zh: '名次', en: 'Rank' },
  'creport.col.word': { zh: '词', en: 'Word' },
  'creport.col.count': { zh: '本文档次数', en: 'Count here' },
  'creport.col.other': { zh: '其余文档次数', en: 'Count elsewhere' },
  'creport.col.g2': { zh: 'G²', en: 'G²' },
  'creport.col.sig': { zh: '显著性', en: 'Significance' },
  'creport.col.logRatio': { zh: '对数比', en: 'Log ratio' },
  'creport.col.docsWith': { zh: '含该词的文档', en: 'Documents with it' },
  'creport.col.tfidf': { zh: 'TF-IDF', en: 'TF-IDF' },
  'creport.noTerms': { zh: '这篇文档没有特征词（语料库只有一篇文档，或没有实词）。', en: 'This document has no distinctive terms (a corpus of one document, or no content words).' },

  'creport.heatmap': { zh: '关键词 × 文档', en: 'Keywords × documents' },
  'creport.heatmapHint': {
    zh: '语料库前 {n} 个关键词在各文档中每万词出现的次数；颜色越深越多（按列比较）。',
    en: 'The corpus’s top {n} keywords, occurrences per 10,000 words in each document; darker is more (within each column).',
  },
  'creport.heatCell': { zh: '{doc}：{word} 每万词 {rate}（{n} 次）', en: '{doc}: {word}, {rate} per 10,000 words ({n} times)' },
  'creport.countsTable': { zh: '次数表（原始次数）', en: 'Counts as a table (raw counts)' },

  'creport.trends': { zh: '词语在各文档中的走势', en: 'Trends across documents' },
  'creport.trendsHint': {
    zh: '所选词语在各文档中每万词的出现次数，文档按语料库顺序排列。可输入语料库关键词（空格或逗号分隔，最多 {max} 个）。',
    en: 'The chosen words per 10,000 words in each document, documents in corpus order. Type corpus keywords (separated by spaces or commas, at most {max}).',
  },
  'creport.trendWords': { zh: '词语', en: 'Words' },
  'creport.trendShow': { zh: '显示', en: 'Show' },
  'creport.trendMissing': { zh: '不在语料库关键词中：{words}', en: 'Not among the corpus keywords: {words}' },
  'creport.trendNone': { zh: '请输入至少一个语料库关键词。', en: 'Type at least one corpus keyword.' },
  'creport.trendChart': { zh: '{words} 在各文档中每万词的出现次数', en: '{words} per 10,000 words, document by document' },
  'creport.trendPoint': { zh: '{doc}：{word} 每万词 {rate}', en: '{doc}: {word}, {rate} per 10,000 words' },
  'creport.axisDocs': { zh: '文档（语料库顺序）', en: 'Documents (corpus order)' },

  'creport.similarity': { zh: '文档相似度', en: 'Document similarity' },
  'creport.similarityHint': {
    zh: '两篇文档实词频次向量的余弦（1 为完全相同），按聚类顺序排列，相近的文档相邻；颜色越深越相似。列标题是文档序号。',
    en: 'The cosine of two documents’ content-word count vectors (1 is identical), in clustering order, so similar documents sit together; darker is more similar. Column headings are document numbers.',
  },
  'creport.simCell': { zh: '{a} 与 {b}：{value}', en: '{a} and {b}: {value}' },
  'creport.simCanvas': {
    zh: '相似度矩阵，{n} × {n}。用方向键移动，下方读出所在格的两篇文档和相似度。',
    en: 'Similarity matrix, {n} × {n}. Move with the arrow keys; the line below reads out the two documents and their similarity.',
  },
  'creport.simPoint': { zh: '指向或用方向键选择一格，这里显示两篇文档和它们的相似度。', en: 'Point at a cell, or choose one with the arrow keys, to read its two documents and their similarity here.' },
  'creport.simTable': { zh: '矩阵表格', en: 'The matrix as a table' },
});

/** The height of a table row, in CSS pixels (corpus.css sets the cells to it). */
const ROW = 28;
/** The width of a similarity table's value column, and of its name column (corpus.css). */
const SIM_COL = 48;
const SIM_NAME = 192;
/** Keywords (heatmap columns). */
const HEAT_COLUMNS = 30;
/** Words of the trends chart (its colour classes). */
const MAX_TREND_WORDS = 6;
const DEFAULT_TREND_WORDS = 5;
const SHADES = 5;

const per10k = (relative) => relative * 10000;
const sigMark = (p) => (p === null || p === undefined ? '' : { 0.05: '*', 0.01: '**', 0.001: '***', 0.0001: '****' }[p] ?? '');

/** The documents table's columns: key, value of a row, numeric. */
const DOC_COLUMNS = [
  { key: 'index', value: (d) => d.index + 1, num: true },
  { key: 'name', value: (d) => d.name, num: false },
  { key: 'characters', value: (d) => d.stats.characters, num: true },
  { key: 'words', value: (d) => d.stats.words, num: true },
  { key: 'distinctWords', value: (d) => d.stats.distinctWords, num: true },
  { key: 'sentences', value: (d) => d.stats.sentences, num: true },
  { key: 'averageSentenceLength', value: (d) => d.stats.averageSentenceLength, num: true, digits: 1 },
  { key: 'script', value: (d) => d.script, num: false },
  { key: 'sections', value: (d) => d.sections, num: true },
];

export function mount(root, { store }) {
  root.classList.add('corpus-view');
  let report = null; // the CorpusReport drawn
  let sort = { key: 'index', dir: 1 };
  let chosenDoc = 0;
  let ranking = 'g2';
  let trendWords = null; // null: the default (top corpus keywords)
  let generation = 0; // of drawAll: a newer drawing stops an older one's remaining parts
  const virtual = new Map(); // box element → its virtual tables' handles (destroyed on redraw)

  const part = (id, key) => {
    const heading = el('h3', { attrs: { id: `creport-${id}-heading` }, text: t(key) });
    const box = el('div', { className: `creport-part creport-${id}`, attrs: { 'data-testid': `creport-${id}` } });
    return { heading, box, section: el('section', { className: 'creport-section', attrs: { 'aria-labelledby': heading.id } }, heading, box) };
  };

  function drawAll() {
    const state = store.get();
    const made = state.corpusReport;
    const show = Boolean(made?.report) && state.mode === 'corpus';
    root.hidden = !show;
    const gen = ++generation;
    for (const box of virtual.keys()) release(box);
    if (!show) {
      fill(root);
      delete root.dataset.state;
      report = null;
      return;
    }
    if (made.report !== report) {
      report = made.report;
      sort = { key: 'index', dir: 1 };
      if (chosenDoc >= report.documents.length) chosenDoc = 0;
      trendWords = null;
    }
    const docs = report.documents;
    const stale = isStale(state.corpus?.documents ?? [], made.documents ?? []);
    const parts = [
      ['docs', 'creport.docs', drawDocs],
      ['distinctive', 'creport.distinctive', drawDistinctive],
      ['heatmap', 'creport.heatmap', drawHeatmap],
      ['trends', 'creport.trends', drawTrends],
      ['similarity', 'creport.similarity', drawSimilarity],
    ].map(([id, key, draw]) => ({ ...part(id, key), id, draw }));
    fill(root,
      el('h2', { attrs: { id: 'corpus-view-heading' }, text: t('view.corpus') }),
      el('p', {
        className: 'creport-summary',
        attrs: { 'data-testid': 'creport-summary' },
        text: t('creport.summary', { n: formatNumber(docs.length), words: formatNumber(report.words), distinct: formatNumber(report.distinctWords) }),
      }),
      stale ? el('p', { className: 'stale-note', attrs: { 'data-testid': 'creport-stale' }, text: t('creport.stale', { n: formatNumber(docs.length) }) }) : null,
      ...parts.map((p) => p.section),
    );
    // One part a task (the first one too: the report often arrives in a task that has already
    // read a large message), so that no task holds the main thread for long.
    root.dataset.state = 'drawing';
    let k = 0;
    const step = () => {
      if (gen !== generation) return;
      // Each part's drawing time as a user-timing measure (the benchmark reads them).
      const start = performance.now();
      parts[k].draw(parts[k].box);
      performance.measure?.(`wenxi:corpus:${parts[k].id}`, { start });
      k += 1;
      if (k < parts.length) setTimeout(step, 0);
      else root.dataset.state = 'ready';
    };
    setTimeout(step, 0);
  }

  /** Forget the virtual tables drawn in `box` (it is about to be redrawn or removed). */
  function release(box) {
    for (const handle of virtual.get(box) ?? []) handle.destroy();
    virtual.delete(box);
  }
  /** A virtual table in `box` (lib/virtual-rows.js), released when the box is redrawn. */
  function virtualIn(box, wrap, table, options) {
    const handle = virtualRows(wrap, table, { rowHeight: ROW, ...options });
    virtual.set(box, [...(virtual.get(box) ?? []), handle]);
    return handle;
  }

  /** Redraw one part in place (keeps the rest, and the page's scroll position). */
  function redraw(id, draw, focusTestId) {
    const box = root.querySelector(`.creport-${id}`);
    if (!box) return;
    release(box);
    draw(box);
    if (focusTestId) box.querySelector(`[data-testid="${focusTestId}"]`)?.focus();
  }

  const exportButtons = (testid, csv, json) =>
    el(
      'div',
      { className: 'creport-tools' },
      el('button', { className: 'creport-button', text: t('creport.exportCsv'), attrs: { type: 'button', 'data-testid': `${testid}-csv` }, on: { click: csv } }),
      el('button', { className: 'creport-button', text: t('creport.exportJson'), attrs: { type: 'button', 'data-testid': `${testid}-json` }, on: { click: json } }),
    );

  const scroller = (labelId, ...children) => el('div', { className: 'creport-wrap', attrs: { role: 'region', tabindex: '0', 'aria-labelledby': labelId } }, ...children);

  // ---- (a) The documents table.
  const docRows = () => report.documents.map((d, index) => ({ ...d, index }));
  function sortedDocs() {
    const col = DOC_COLUMNS.find((c) => c.key === sort.key) ?? DOC_COLUMNS[0];
    const collator = new Intl.Collator(t.lang === 'zh' ? 'zh-CN' : 'en');
    return docRows().sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      const cmp = col.num ? x - y : collator.compare(String(x), String(y));
      return cmp * sort.dir || a.index - b.index;
    });
  }
  const scriptName = (s) => (t.has(`creport.script.${s}`) ? t(`creport.script.${s}`) : String(s));
  const cellOf = (col, d) => {
    const v = col.value(d);
    if (col.key === 'script') return scriptName(v);
    return col.num ? formatNumber(v, col.digits) : v;
  };

  function drawDocs(box) {
    const rows = sortedDocs();
    const head = el(
      'tr',
      {},
      ...DOC_COLUMNS.map((col) => {
        const on = sort.key === col.key;
        return el(
          'th',
          { attrs: { scope: 'col', 'aria-sort': on ? (sort.dir > 0 ? 'ascending' : 'descending') : null, class: col.num ? 'num' : null } },
          el('button', {
            className: 'creport-sort',
            text: t(`creport.col.${col.key}`) + (on ? (sort.dir > 0 ? ' ▲' : ' ▼') : ''),
            attrs: { type: 'button', 'data-testid': `creport-sort-${col.key}`, 'data-key': col.key },
            on: {
              click: () => {
                sort = { key: col.key, dir: on ? -sort.dir : col.num && col.key !== 'index' ? -1 : 1 };
                redraw('docs', drawDocs, `creport-sort-${col.key}`);
              },
            },
          }),
        );
      }),
    );
    head.setAttribute('aria-rowindex', '1');
    const table = el('table', { className: 'creport-table creport-vtable', attrs: { 'data-testid': 'creport-docs-table' } }, el('thead', {}, head), el('tbody'));
    const wrap = scroller('creport-docs-heading', table);
    fill(box, el('p', { className: 'hint', text: t('creport.docsHint') }), exportButtons('creport-docs-export', exportDocsCsv, exportDocsJson), wrap);
    virtualIn(box, wrap, table, {
      count: rows.length,
      fillRow: (tr, i) => {
        const d = rows[i];
        if (!tr.cells.length) {
          tr.dataset.testid = 'creport-doc-row';
          tr.append(
            ...DOC_COLUMNS.map((col) =>
              col.key === 'name'
                ? el('th', { className: 'creport-name', attrs: { scope: 'row', 'data-col': col.key } })
                : el('td', { className: col.num ? 'num' : null, attrs: { 'data-col': col.key } }),
            ),
          );
        }
        tr.dataset.index = d.index;
        DOC_COLUMNS.forEach((col, c) => {
          tr.cells[c].textContent = col.key === 'name' ? d.name : cellOf(col, d);
          if (col.key === 'name') tr.cells[c].title = d.name;
        });
      },
    });
  }

  const docExportColumns = () => DOC_COLUMNS.map((col) => ({ header: col.key, value: (d) => (col.key === 'averageSentenceLength' ? round(col.value(d), 2) : col.value(d)) }));
  function exportDocsCsv() {
    download(toCsv(sortedDocs(), docExportColumns()), fileName('wenxi-corpus-documents', 'csv'), 'text/csv;charset=utf-8');
  }
  function exportDocsJson() {
    downloadJson(
      sortedDocs().map((d) => ({ index: d.index, name: d.name, stats: d.stats, script: d.script, sections: d.sections, headings: d.headings })),
      'wenxi-corpus-documents',
    );
  }

  // ---- (b) Distinctive terms of one document.
  function drawDistinctive(box) {
    const select = el('select', {
      attrs: { id: 'creport-doc-select', 'data-testid': 'creport-doc-select' },
      on: {
        change: () => {
          chosenDoc = Number(select.value);
          redraw('distinctive', drawDistinctive, 'creport-doc-select');
        },
      },
    });
    report.documents.forEach((d, i) => select.append(el('option', { attrs: { value: i, selected: i === chosenDoc }, text: `${i + 1}. ${d.name}` })));
    const rankSelect = el(
      'select',
      {
        attrs: { id: 'creport-rank-select', 'data-testid': 'creport-ranking' },
        on: {
          change: () => {
            ranking = rankSelect.value;
            redraw('distinctive', drawDistinctive, 'creport-ranking');
          },
        },
      },
      el('option', { attrs: { value: 'g2', selected: ranking === 'g2' }, text: t('creport.rankG2') }),
      el('option', { attrs: { value: 'tfidf', selected: ranking === 'tfidf' }, text: t('creport.rankTfidf') }),
    );
    const doc = report.documents[chosenDoc];
    const list = ranking === 'g2' ? doc.distinctive : doc.tfidf;
    const columns =
      ranking === 'g2'
        ? [
            ['word', (k) => k.word],
            ['count', (k) => formatNumber(k.count)],
            ['other', (k) => formatNumber(k.other)],
            ['g2', (k) => formatNumber(k.g2, 2)],
            ['sig', (k) => sigMark(k.significance)],
            ['logRatio', (k) => formatNumber(k.logRatio, 2)],
          ]
        : [
            ['word', (k) => k.word],
            ['count', (k) => formatNumber(k.count)],
            ['docsWith', (k) => formatNumber(k.documents)],
            ['tfidf', (k) => formatNumber(k.tfidf, 5)],
          ];
    const table = list.length
      ? el(
          'table',
          { className: 'creport-table creport-vtable', attrs: { 'data-testid': 'creport-terms-table', 'data-ranking': ranking } },
          el('thead', {}, el('tr', { attrs: { 'aria-rowindex': '1' } }, el('th', { className: 'num', attrs: { scope: 'col' }, text: t('creport.col.rank') }), ...columns.map(([key]) => el('th', { attrs: { scope: 'col', class: key === 'word' ? null : 'num' }, text: t(`creport.col.${key}`) })))),
          el('tbody'),
        )
      : null;
    const wrap = table ? scroller('creport-distinctive-heading', table) : el('p', { className: 'hint', text: t('creport.noTerms') });
    fill(box,
      el('p', { className: 'hint', text: t('creport.distinctiveHint') }),
      el(
        'div',
        { className: 'creport-controls' },
        el('label', { attrs: { for: 'creport-doc-select' }, text: t('creport.document') }),
        select,
        el('label', { attrs: { for: 'creport-rank-select' }, text: t('creport.ranking') }),
        rankSelect,
      ),
      exportButtons('creport-terms-export', exportTermsCsv, exportTermsJson),
      wrap,
    );
    if (!table) return;
    virtualIn(box, wrap, table, {
      count: list.length,
      fillRow: (tr, i) => {
        if (!tr.cells.length) {
          tr.dataset.testid = 'creport-term-row';
          tr.append(el('td', { className: 'num' }), ...columns.map(([key]) => (key === 'word' ? el('th', { attrs: { scope: 'row', 'data-col': key } }) : el('td', { className: 'num', attrs: { 'data-col': key } }))));
        }
        tr.cells[0].textContent = formatNumber(i + 1);
        columns.forEach(([, value], c) => {
          tr.cells[c + 1].textContent = value(list[i]);
        });
      },
    });
  }

  /** Every document's list of the current ranking, one row per (document, term). */
  function termRows() {
    return report.documents.flatMap((d, index) => (ranking === 'g2' ? d.distinctive : d.tfidf).map((k, i) => ({ index, document: d.name, rank: i + 1, ...k })));
  }
  const termColumns = () => [
    { header: 'document_index', value: (r) => r.index + 1 },
    { header: 'document', value: (r) => r.document },
    { header: 'rank', value: (r) => r.rank },
    { header: 'word', value: (r) => r.word },
    { header: 'count', value: (r) => r.count },
    ...(ranking === 'g2'
      ? [
          { header: 'other', value: (r) => r.other },
          { header: 'g2', value: (r) => round(r.g2) },
          { header: 'significance', value: (r) => r.significance ?? '' },
          { header: 'log_ratio', value: (r) => round(r.logRatio) },
        ]
      : [
          { header: 'documents', value: (r) => r.documents },
          { header: 'tfidf', value: (r) => round(r.tfidf, 8) },
        ]),
  ];
  function exportTermsCsv() {
    download(toCsv(termRows(), termColumns()), fileName(`wenxi-corpus-${ranking === 'g2' ? 'distinctive' : 'tfidf'}`, 'csv'), 'text/csv;charset=utf-8');
  }
  function exportTermsJson() {
    downloadJson(
      report.documents.map((d) => ({ name: d.name, [ranking === 'g2' ? 'distinctive' : 'tfidf']: ranking === 'g2' ? d.distinctive : d.tfidf })),
      `wenxi-corpus-${ranking === 'g2' ? 'distinctive' : 'tfidf'}`,
    );
  }

  // ---- (c) Keywords × documents.
  /** A table of the documents (rows, corpus order) × `columns` (keywords), its rows virtual. */
  function heatTable(box, columns, value, label, shade, testid) {
    const n = report.documents.length;
    const max = columns.map((k) => {
      let m = 0;
      for (let i = 0; i < n; i++) m = Math.max(m, value(k, i));
      return m;
    });
    const table = el(
      'table',
      { className: 'creport-table creport-heat creport-vtable', attrs: { 'data-testid': testid } },
      el(
        'thead',
        {},
        el('tr', { attrs: { 'aria-rowindex': '1' } }, el('th', { attrs: { scope: 'col' }, text: t('creport.col.name') }), ...columns.map((k) => el('th', { className: 'creport-vword', attrs: { scope: 'col' } }, el('span', { text: k.word })))),
      ),
      el('tbody'),
    );
    const wrap = scroller('creport-heatmap-heading', table);
    const fillRow = (tr, i) => {
      if (!tr.cells.length) tr.append(el('th', { className: 'creport-name', attrs: { scope: 'row' } }), ...columns.map((k) => el('td', { attrs: { 'data-word': k.word } })));
      tr.dataset.index = i;
      const name = report.documents[i].name;
      tr.cells[0].textContent = name;
      tr.cells[0].title = name;
      columns.forEach((k, c) => {
        const v = value(k, i);
        const level = !shade || max[c] === 0 || v === 0 ? 0 : Math.max(1, Math.ceil((v / max[c]) * SHADES));
        const td = tr.cells[c + 1];
        const text = label(k, i, v);
        td.className = `num creport-heat-${level}`;
        td.textContent = shade ? formatNumber(v, 1) : formatNumber(v);
        td.dataset.value = v;
        td.setAttribute('aria-label', text);
        td.title = text;
      });
    };
    return { wrap, start: () => virtualIn(box, wrap, table, { count: n, fillRow }) };
  }

  function drawHeatmap(box) {
    const columns = report.keywords.slice(0, HEAT_COLUMNS);
    const rate = (k, i) => per10k(k.relative[i] ?? 0);
    const label = (k, i, v) => t('creport.heatCell', { doc: report.documents[i].name, word: k.word, rate: formatNumber(v, 1), n: formatNumber(k.counts[i] ?? 0) });
    const rates = heatTable(box, columns, rate, label, true, 'creport-heatmap-table');
    const counts = heatTable(box, columns, (k, i) => k.counts[i] ?? 0, label, false, 'creport-counts-table');
    fill(box,
      el('p', { className: 'hint', text: t('creport.heatmapHint', { n: formatNumber(columns.length) }) }),
      rates.wrap,
      lazyDetails('creport.countsTable', counts),
    );
    rates.start();
  }

  /** A closed <details> whose virtual table is drawn when it is first opened. */
  function lazyDetails(key, { wrap, start }) {
    const details = el('details', { className: 'creport-details' }, el('summary', { text: t(key) }), wrap);
    let started = false;
    details.addEventListener('toggle', () => {
      if (details.open && !started) {
        started = true;
        start();
      }
    });
    return details;
  }

  // ---- (d) Trends across documents.
  function drawTrends(box) {
    const byWord = new Map();
    for (const k of report.keywords) {
      if (!byWord.has(k.word)) byWord.set(k.word, k);
      if (!byWord.has(k.key)) byWord.set(k.key, k);
    }
    const asked = trendWords ?? report.keywords.slice(0, DEFAULT_TREND_WORDS).map((k) => k.word);
    const found = [];
    const missing = [];
    for (const w of asked) {
      const k = byWord.get(w) ?? byWord.get(w.toLowerCase());
      if (k && !found.includes(k)) found.push(k);
      else if (!k) missing.push(w);
    }
    const chosen = found.slice(0, MAX_TREND_WORDS);
    const input = el('input', { attrs: { type: 'text', id: 'creport-trend-words', value: asked.join(' '), 'data-testid': 'creport-trend-words' } });
    const form = el(
      'form',
      {
        className: 'creport-controls',
        on: {
          submit: (event) => {
            event.preventDefault();
            trendWords = parseWords(input.value, 20);
            redraw('trends', drawTrends, 'creport-trend-words');
          },
        },
      },
      el('label', { attrs: { for: 'creport-trend-words' }, text: t('creport.trendWords') }),
      input,
      el('button', { className: 'creport-button', text: t('creport.trendShow'), attrs: { type: 'submit', 'data-testid': 'creport-trend-show' } }),
    );
    const notes = [];
    if (missing.length) notes.push(el('p', { className: 'hint', attrs: { 'data-testid': 'creport-trend-missing' }, text: t('creport.trendMissing', { words: missing.join('、') }) }));
    if (!chosen.length) notes.push(el('p', { className: 'hint', text: t('creport.trendNone') }));
    fill(box,
      el('p', { className: 'hint', text: t('creport.trendsHint', { max: formatNumber(MAX_TREND_WORDS) }) }),
      form,
      ...notes,
      chosen.length ? trendChart(chosen) : null,
    );
  }

  function trendChart(words) {
    const n = report.documents.length;
    const W = 720;
    const H = 300;
    const M = { left: 48, right: 12, top: 12, bottom: 36 };
    const values = words.map((k) => report.documents.map((_, i) => per10k(k.relative[i] ?? 0)));
    const top = Math.max(1e-9, ...values.flat());
    const x = (i) => M.left + (n === 1 ? (W - M.left - M.right) / 2 : (i * (W - M.left - M.right)) / (n - 1));
    const y = (v) => H - M.bottom - (v / top) * (H - M.top - M.bottom);
    const ticks = [0, top / 2, top];
    const names = words.map((k) => k.word).join('、');
    const chart = svg(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, class: 'creport-trend-chart', role: 'img', 'data-testid': 'creport-trend-chart', 'aria-label': t('creport.trendChart', { words: names }) },
      ...ticks.flatMap((v) => [
        svg('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: 'creport-grid' }),
        svg('text', { x: M.left - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'creport-axis' }, formatNumber(v, 1)),
      ]),
      ...report.documents.map((_, i) =>
        n <= 30 || i % Math.ceil(n / 20) === 0 ? svg('text', { x: x(i), y: H - M.bottom + 14, 'text-anchor': 'middle', class: 'creport-axis' }, String(i + 1)) : null,
      ),
      svg('text', { x: (W + M.left) / 2, y: H - 4, 'text-anchor': 'middle', class: 'creport-axis' }, t('creport.axisDocs')),
      ...words.map((k, w) =>
        svg(
          'g',
          { class: `creport-series creport-c${w}`, 'data-word': k.word },
          svg('polyline', { points: values[w].map((v, i) => `${x(i)},${y(v)}`).join(' '), fill: 'none' }),
          ...(n <= 100
            ? values[w].map((v, i) =>
                svg('circle', { cx: x(i), cy: y(v), r: 3, 'data-value': v }, svg('title', {}, t('creport.trendPoint', { doc: report.documents[i].name, word: k.word, rate: formatNumber(v, 1) }))),
              )
            : []),
        ),
      ),
    );
    const legend = el('ul', { className: 'creport-legend' }, ...words.map((k, w) => el('li', {}, el('span', { className: `creport-swatch creport-bg${w}`, attrs: { 'aria-hidden': 'true' } }), el('span', { text: k.word }))));
    return el('figure', { className: 'creport-figure' }, chart, legend);
  }

  // ---- (e) Similarity.
  function drawSimilarity(box) {
    const { matrix, order } = report.similarity;
    const n = order.length;
    // The lightest shade is the least similar pair (a loop: 250,000 values do not fit a spread).
    let low = Infinity;
    for (const i of order) for (const j of order) if (i !== j && matrix[i][j] < low) low = matrix[i][j];
    if (low === Infinity) low = 0;
    const level = (v) => (v >= 1 - 1e-12 ? SHADES : v <= low ? 0 : Math.max(1, Math.ceil(((v - low) / (1 - low)) * SHADES)));
    const name = (i) => report.documents[i].name;
    const cellLabel = (i, j) => t('creport.simCell', { a: `${i + 1}. ${name(i)}`, b: `${j + 1}. ${name(j)}`, value: formatNumber(matrix[i][j], 2) });

    // The canvas: display position (r, c) is the documents order[r] and order[c].
    const cell = n <= 30 ? 24 : n <= 100 ? 12 : 8;
    const canvas = matrixCanvas({
      size: n,
      cell,
      value: (r, c) => matrix[order[r]][order[c]],
      level,
      label: (r, c) => cellLabel(order[r], order[c]),
      testid: 'creport-similarity-matrix',
      name: t('creport.simCanvas', { n: formatNumber(n) }),
    });
    const readout = canvas.element.querySelector('.matrix-readout');
    readout.textContent = t('creport.simPoint');

    // The table alternative: rows and columns drawn only where in view.
    const headRow = el('tr', { attrs: { 'aria-rowindex': '1' } });
    const table = el(
      'table',
      { className: 'creport-table creport-matrix creport-vtable', attrs: { 'data-testid': 'creport-similarity-table' } },
      el('thead', {}, headRow),
      el('tbody'),
    );
    const wrap = scroller('creport-similarity-heading', table);
    const corner = el('th', { className: 'creport-name', attrs: { scope: 'col', 'aria-colindex': '1' }, text: t('creport.col.name') });
    const withGaps = (cells, [first, end]) => [first > 0 ? spacerCell(first * SIM_COL) : null, ...cells, end < n ? spacerCell((n - end) * SIM_COL) : null].filter(Boolean);
    const fillHead = (cols) => {
      const cells = [];
      for (let c = cols[0]; c < cols[1]; c++) {
        const j = order[c];
        cells.push(el('th', { className: 'num', attrs: { scope: 'col', title: name(j), 'data-index': j, 'aria-colindex': c + 2 }, text: String(j + 1) }));
      }
      headRow.replaceChildren(corner, ...withGaps(cells, cols));
    };
    const fillRow = (tr, r, cols) => {
      const i = order[r];
      tr.dataset.index = i;
      const cells = [];
      for (let c = cols[0]; c < cols[1]; c++) {
        const j = order[c];
        const v = matrix[i][j];
        const label = cellLabel(i, j);
        cells.push(el('td', { className: `num creport-heat-${level(v)}`, text: formatNumber(v, 2), attrs: { 'data-value': v, 'aria-label': label, title: label, 'aria-colindex': c + 2 } }));
      }
      const head = el('th', { className: 'creport-name', attrs: { scope: 'row', title: name(i), 'aria-colindex': '1' } }, el('span', { className: 'creport-num', text: `${i + 1}. ` }), el('span', { text: name(i) }));
      tr.replaceChildren(head, ...withGaps(cells, cols));
    };
    fill(box,
      el('p', { className: 'hint', text: t('creport.similarityHint') }),
      exportButtons('creport-similarity-export', exportSimilarityCsv, exportSimilarityJson),
      canvas.element,
      lazyDetails('creport.simTable', { wrap, start: () => virtualIn(box, wrap, table, { count: n, fillRow, fillHead, columns: { count: n, width: SIM_COL, before: SIM_NAME } }) }),
    );
  }

  function exportSimilarityCsv() {
    const { matrix, order } = report.similarity;
    const columns = [
      { header: 'document', value: (i) => report.documents[i].name },
      ...order.map((j) => ({ header: report.documents[j].name, value: (i) => round(matrix[i][j]) })),
    ];
    download(toCsv(order, columns), fileName('wenxi-corpus-similarity', 'csv'), 'text/csv;charset=utf-8');
  }
  function exportSimilarityJson() {
    const { matrix, order } = report.similarity;
    downloadJson({ documents: report.documents.map((d) => d.name), order, matrix }, 'wenxi-corpus-similarity');
  }

  store.subscribe((state, changed) => {
    if (['corpusReport', 'mode', 'lang', 'corpus'].some((k) => changed.has(k))) drawAll();
  });
  drawAll();
}

/** Replace `node`'s children, leaving out the absent ones (null: a part with nothing to add). */
function fill(node, ...children) {
  node.replaceChildren(...children.filter((c) => c !== null && c !== undefined && c !== false));
}

/** Whether the corpus's documents are no longer those (ids, names, order) a report was made from. */
function isStale(now, made) {
  return now.length !== made.length || now.some((d, i) => d.id !== made[i].id || d.name !== made[i].name);
}

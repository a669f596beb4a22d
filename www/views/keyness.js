// Keyness: which of the text's words it uses more (positive keywords) or less (negative) than
// general Chinese, measured against jieba's dictionary frequencies (`keyword.reference` out of
// `report.referenceTotal`), as two sortable tables with G², its significance and the log ratio.
// The statistics are the report model's (keyness, logLikelihood, logRatio in js/model.js);
// the string below states them for the reader. See views/index.js for the view contract.

import { el } from '../lib/dom.js';
import { t, formatNumber, displayWord } from '../lib/i18n.js';
import { round, toCsv } from '../lib/export.js';
import { button, noKeywordsNote, roving, save, statusLine, tabStop } from '../lib/widgets.js';
import { keyness, rankBy } from '../pkg/model.js';

t.register({
  'view.keyness': { zh: '关键性', en: 'Keyness' },
  'keyness.about': {
    zh: '参照语料是 jieba 分词词典的词频（共 {total} 词次），大致代表一般现代汉语的用词。正关键词在本文中比参照语料常用，负关键词比参照语料少用。G² 为对数似然值（Rayson & Garside 2000）：* p < 0.05（G² > 3.84），** p < 0.01（> 6.63），*** p < 0.001（> 10.83）。对数比（Hardie 2014）是两边相对频率之比的以 2 为底的对数：+1 表示常用一倍。词典未收的词参照频次为 0（按 0.5 计算对数比）。只比较本次分析列出的 {n} 个词。',
    en: 'The reference is the word frequencies of jieba’s dictionary ({total} words in all), roughly general modern Chinese. Positive keywords are used more in this text than in the reference; negative keywords less. G² is the log-likelihood (Rayson & Garside 2000): * p < 0.05 (G² > 3.84), ** p < 0.01 (> 6.63), *** p < 0.001 (> 10.83). Log ratio (Hardie 2014) is the binary log of the ratio of the relative frequencies: +1 means twice as frequent. Words the dictionary lacks count 0 in the reference (0.5 for the log ratio). Only the {n} words listed by this analysis are compared.',
  },
  'keyness.positive': { zh: '正关键词（多用）', en: 'Positive keywords (used more)' },
  'keyness.negative': { zh: '负关键词（少用）', en: 'Negative keywords (used less)' },
  'keyness.significant': { zh: '只显示显著的词（p < 0.05）', en: 'Only significant words (p < 0.05)' },
  'keyness.col.word': { zh: '词', en: 'Word' },
  // The zero-width spaces are where a header may wrap (views/keyness.css keeps words whole).
  'keyness.col.count': { zh: '本文\u200b次数', en: 'Count' },
  'keyness.col.textPm': { zh: '本文\u200b每百万词', en: 'Text per million' },
  'keyness.col.refPm': { zh: '参照\u200b每百万词', en: 'Reference per million' },
  'keyness.col.g2': { zh: 'G²', en: 'G²' },
  'keyness.col.logRatio': { zh: '对数比', en: 'Log ratio' },
  'keyness.none': { zh: '没有这样的词。', en: 'No such words.' },
  'keyness.empty': { zh: '分析文本后，这里比较本文与参照语料的用词。', en: 'Analyze a text to compare its words with the reference.' },
  'keyness.more': { zh: '再显示 {n} 个', en: 'Show {n} more' },
  'keyness.caption.positive': { zh: '正关键词：本文比参照语料常用的词。', en: 'Positive keywords: words this text uses more than the reference.' },
  'keyness.caption.negative': { zh: '负关键词：本文比参照语料少用的词。', en: 'Negative keywords: words this text uses less than the reference.' },
});

const PAGE = 30;

const COLUMNS = [
  // [field, string key, sortable]
  ['word', 'keyness.col.word', false],
  ['count', 'keyness.col.count', true],
  ['textPm', 'keyness.col.textPm', false],
  ['reference', 'keyness.col.refPm', true],
  ['g2', 'keyness.col.g2', true],
  ['logRatio', 'keyness.col.logRatio', true],
];

const CSV_COLUMNS = [
  { header: 'direction', value: (r) => (r.positive ? 'positive' : 'negative') },
  { header: 'word', value: (r) => r.keyword.word },
  { header: 'key', value: (r) => r.keyword.key },
  { header: 'count', value: (r) => r.count },
  { header: 'reference', value: (r) => r.reference },
  { header: 'g2', value: (r) => round(r.g2, 4) },
  { header: 'significance', value: (r) => r.mark },
  { header: 'log_ratio', value: (r) => round(r.logRatio, 4) },
];

export function mount(root, ctx) {
  const { store } = ctx;
  root.classList.add('kn-view');

  const heading = el('h2', { className: 'kw-heading' });
  const about = el('p', { className: 'kn-about', attrs: { 'data-testid': 'keyness-about' } });
  const onlyBox = el('input', { attrs: { type: 'checkbox', id: 'kn-only', 'data-testid': 'keyness-significant' }, on: { change: () => drawTables() } });
  const onlyLabel = el('label', { attrs: { for: 'kn-only' } });
  const status = statusLine('keyness-status');
  const csvButton = button('', () => save(status, toCsv(allRows(), CSV_COLUMNS), 'wenxi-keyness', 'csv', 'text/csv;charset=utf-8'), { 'data-testid': 'keyness-export-csv' });
  const toolbar = el('div', { className: 'kw-toolbar' }, el('span', { className: 'kn-only' }, onlyBox, onlyLabel), el('div', { className: 'kw-exports' }, csvButton));
  const empty = el('p', { className: 'kw-empty', attrs: { 'data-testid': 'keyness-empty' } });

  const panes = ['positive', 'negative'].map((side) => makePane(side));
  const panesBox = el('div', { className: 'kn-panes' }, ...panes.map((p) => p.node));
  root.replaceChildren(heading, about, toolbar, status, empty, panesBox);

  /** The rows of both tables, in their current order, for the CSV. */
  const allRows = () => panes.flatMap((p) => p.rows);

  function makePane(side) {
    const pane = { side, sort: { key: 'g2', dir: 'desc' }, cap: PAGE, rows: [] };
    const title = el('h3', { className: 'ch-heading', attrs: { id: `kn-${side}-heading` } });
    const caption = el('caption', { className: 'visually-hidden' });
    const headers = COLUMNS.map(([field, , sortable]) => {
      const th = el('th', { className: field === 'word' ? '' : `num kn-col-${field}`, attrs: { scope: 'col' } });
      if (sortable) {
        th.append(el('button', {
          className: 'kw-sort',
          attrs: { type: 'button', 'data-testid': `keyness-sort-${field}` },
          on: {
            click: () => {
              pane.sort = { key: field, dir: pane.sort.key === field && pane.sort.dir === 'desc' ? 'asc' : 'desc' };
              drawPane(pane);
            },
          },
        }));
      }
      return th;
    });
    const tbody = el('tbody', {});
    const table = el('table', { className: 'kw-table kn-table', attrs: { 'data-testid': `keyness-${side}` } }, caption, el('thead', {}, el('tr', {}, ...headers)), tbody);
    const wrap = el('div', { className: 'kw-wrap' }, table);
    const none = el('p', { className: 'kw-empty' });
    const more = el('button', {
      className: 'kw-button kw-more',
      attrs: { type: 'button', 'data-testid': `keyness-${side}-more` },
      on: { click: () => { pane.cap += PAGE; drawPane(pane); } },
    });
    tbody.addEventListener('click', (event) => {
      const row = event.target.closest('tr[data-key]');
      if (row) select(row);
    });
    const select = (row) => {
      tabStop([...tbody.children], row);
      row.focus();
      store.set({ selected: row.dataset.key });
    };
    roving(tbody, 'tr[data-key]', select);
    Object.assign(pane, { title, caption, headers, tbody, wrap, none, more });
    pane.node = el('section', { className: 'kn-pane', attrs: { 'aria-labelledby': `kn-${side}-heading` } }, title, wrap, none, more);
    return pane;
  }

  function drawChrome() {
    const report = store.get().report;
    heading.textContent = t('view.keyness');
    about.textContent = t('keyness.about', {
      total: formatNumber(report?.referenceTotal ?? 60101964),
      n: formatNumber(report?.keywords.length ?? 0),
    });
    onlyLabel.textContent = t('keyness.significant');
    csvButton.textContent = t('export.csv');
    for (const pane of panes) {
      pane.title.textContent = t(`keyness.${pane.side}`);
      pane.caption.textContent = t(`keyness.caption.${pane.side}`);
      COLUMNS.forEach(([field, key, sortable], i) => {
        const th = pane.headers[i];
        const target = sortable ? th.firstChild : th;
        target.textContent = t(key);
        if (sortable) {
          const on = pane.sort.key === field;
          target.append(el('span', { className: 'kw-arrow', attrs: { 'aria-hidden': 'true' }, text: on ? (pane.sort.dir === 'desc' ? ' ▼' : ' ▲') : '' }));
          th.setAttribute('aria-sort', on ? (pane.sort.dir === 'desc' ? 'descending' : 'ascending') : 'none');
        }
      });
    }
  }

  let scored = [];

  function drawTables() {
    const state = store.get();
    const report = state.report;
    scored = report ? rankBy(keyness(report), (r) => r.g2, (r) => r.count) : [];
    // No report yet, or one without a single keyword (and why).
    empty.textContent = noKeywordsNote(state) ?? t('keyness.empty');
    empty.hidden = scored.length > 0;
    panesBox.hidden = about.hidden = toolbar.hidden = !empty.hidden;
    for (const pane of panes) drawPane(pane);
  }

  function drawPane(pane) {
    drawChrome();
    const state = store.get();
    const report = state.report;
    const only = onlyBox.checked;
    const dir = pane.sort.dir === 'desc' ? -1 : 1;
    pane.rows = scored
      // `scored` is in rank order (G², then count, then the report's order): the stable sort
      // leaves ties in the chosen column in that order.
      .filter((r) => r.positive === (pane.side === 'positive') && (!only || r.mark !== ''))
      .sort((x, y) => dir * (x[pane.sort.key] - y[pane.sort.key]));
    const selectedAt = pane.rows.findIndex((r) => r.keyword.key === state.selected);
    if (selectedAt >= pane.cap) pane.cap = Math.ceil((selectedAt + 1) / PAGE) * PAGE;
    const shown = pane.rows.slice(0, pane.cap);
    const c = report?.stats.words || 1;
    const d = report?.referenceTotal || 1;
    pane.tbody.replaceChildren(...shown.map((r) => {
      const selected = r.keyword.key === state.selected;
      return el('tr', {
        className: selected ? 'is-selected' : '',
        attrs: { 'data-key': r.keyword.key, 'data-testid': 'keyness-row', tabindex: -1, 'aria-current': selected ? 'true' : null },
      },
      el('td', { className: 'kw-word', attrs: { 'data-testid': 'keyness-word' }, text: displayWord(state, r.keyword) }),
      el('td', { className: 'num', attrs: { 'data-testid': 'keyness-count' }, text: formatNumber(r.count) }),
      el('td', { className: 'num kn-col-textPm', text: formatNumber((r.count / c) * 1e6, 0) }),
      el('td', { className: 'num kn-col-reference', attrs: { 'data-testid': 'keyness-reference', 'data-value': r.reference }, text: formatNumber((r.reference / d) * 1e6, 1) }),
      el('td', { className: 'num', attrs: { 'data-testid': 'keyness-g2', 'data-value': r.g2 } },
        formatNumber(r.g2, 2), el('span', { className: 'kn-mark', attrs: { 'data-testid': 'keyness-mark' }, text: r.mark ? ` ${r.mark}` : '' })),
      el('td', { className: 'num', attrs: { 'data-testid': 'keyness-lr', 'data-value': r.logRatio } }, formatNumber(r.logRatio, 2)));
    }));
    tabStop([...pane.tbody.children], pane.tbody.querySelector('tr.is-selected') ?? undefined);
    pane.wrap.hidden = pane.rows.length === 0;
    pane.none.hidden = pane.rows.length > 0;
    pane.none.textContent = t('keyness.none');
    pane.more.hidden = pane.rows.length <= shown.length;
    pane.more.textContent = t('keyness.more', { n: Math.min(PAGE, pane.rows.length - shown.length) });
  }

  function drawSelection() {
    const { selected } = store.get();
    for (const pane of panes) {
      if (selected && pane.rows.slice(pane.cap).some((r) => r.keyword.key === selected)) {
        drawPane(pane);
        continue;
      }
      for (const row of pane.tbody.children) {
        const on = row.dataset.key === selected;
        row.classList.toggle('is-selected', on);
        if (on) row.setAttribute('aria-current', 'true');
        else row.removeAttribute('aria-current');
      }
    }
  }

  store.subscribe((state, changed) => {
    if (changed.has('report')) {
      for (const pane of panes) pane.cap = PAGE;
      drawTables();
    } else if (changed.has('display') || changed.has('converted') || changed.has('lang')) {
      drawTables();
    } else if (changed.has('selected')) {
      drawSelection();
    }
  });
  drawTables();
}

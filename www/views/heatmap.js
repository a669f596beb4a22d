// The heatmap view: where each top keyword is used, as a table of sections × keywords whose
// cells are shaded by the count (or the count per 1,000 characters). It is a real table, with
// header cells and a label on every cell, so it reads without colour. Choosing a cell selects
// the keyword and shows the section in the text. See views/index.js for the view contract.
//
// Shading is per column (each keyword's busiest section is darkest): the view answers "where
// is this word used", which a shared scale would hide for every word but the most frequent.
// The columns (rankKeywords) and the matrix (heatmapMatrix) are the report model's.

import { el } from '../lib/dom.js';
import { t, displayWord, formatNumber } from '../lib/i18n.js';
import { toCsv, download, downloadJson, fileName } from '../lib/export.js';
import { fillInSlices, noKeywordsNote } from '../lib/widgets.js';
import { inBand } from '../lib/levels.js';
import { heatmapMatrix, parseRanking, rankKeywords } from '../pkg/model.js';

t.register({
  'view.heatmap': { zh: '分布', en: 'Heatmap' },
  'heatmap.hint': {
    zh: '每格是该词在该节出现的次数，颜色越深越多（按列比较）。点击一格，选中该词并在原文中显示该节。',
    en: 'Each cell is how often the word occurs in the section; darker is more (within each column). Choose a cell to select the word and show the section in the text.',
  },
  'heatmap.empty': { zh: '分析后在这里显示关键词的分布。', en: 'Where the keywords are used appears here after an analysis.' },
  'heatmap.rows': { zh: '行', en: 'Rows' },
  'heatmap.rowsTop': { zh: '顶层各节（含小节）', en: 'Top-level sections (with their subsections)' },
  'heatmap.rowsAll': { zh: '所有小节', en: 'Every section' },
  'heatmap.measure': { zh: '数值', en: 'Values' },
  'heatmap.count': { zh: '次数', en: 'Count' },
  'heatmap.perMille': { zh: '每千字', en: 'Per 1,000 characters' },
  'heatmap.section': { zh: '节', en: 'Section' },
  'heatmap.caption': {
    zh: '前 {n} 个关键词（按{ranking}排序）在各节的分布',
    en: 'Where the top {n} keywords (by {ranking}) are used, section by section',
  },
  'heatmap.ranking.count': { zh: '词频', en: 'frequency' },
  'heatmap.ranking.weight': { zh: 'TF-IDF', en: 'TF-IDF' },
  'heatmap.ranking.textrank': { zh: 'TextRank', en: 'TextRank' },
  'heatmap.cell': { zh: '{section}：{word} {n} 次', en: '{section}: {word}, {n} times' },
  'heatmap.cellPerMille': { zh: '{section}：{word} {n} 次，每千字 {rate}', en: '{section}: {word}, {n} times, {rate} per 1,000 characters' },
  'heatmap.more': { zh: '再显示 {n} 行（还有 {rest} 行）', en: 'Show {n} more rows ({rest} left)' },
  'heatmap.export': { zh: '导出 CSV', en: 'Export CSV' },
  'heatmap.exportJson': { zh: '导出 JSON', en: 'Export JSON' },
  'heatmap.untitled': { zh: '（无标题）', en: '(untitled)' },
});

/** Keywords (columns) shown. */
const COLUMNS = 20;
/** Rows drawn before a "show more" button. */
const PAGE = 40;
/** A report with more sections than this is drawn in a task of its own (see outline.js). */
const DEFER_OVER = 60;
/** Shades of the scale (CSS classes heat-0 … heat-5). */
const SHADES = 5;

// ---------------------------------------------------------------------------------------------
// The view.

export function mount(root, ctx) {
  const { store, actions } = ctx;
  let rowsMode = 'top';
  let measure = 'count';
  let shown = PAGE;
  /** The cell that takes Tab focus (roving tabindex): [row, column]. */
  let focusCell = [0, 0];
  let model = null;

  const heading = el('h3', { attrs: { id: 'heatmap-view-heading' } });
  const hint = el('p', { className: 'hint' });
  const empty = el('p', { className: 'heatmap-empty' });
  const rowsLabel = el('span');
  const rowsSelect = el('select', { attrs: { 'data-testid': 'heatmap-rows' }, on: { change: () => { rowsMode = rowsSelect.value; shown = PAGE; build(); } } });
  const measureLabel = el('span');
  const measureSelect = el('select', { attrs: { 'data-testid': 'heatmap-measure' }, on: { change: () => { measure = measureSelect.value; build(); } } });
  const exportButton = el('button', { className: 'heatmap-export', attrs: { type: 'button', 'data-testid': 'heatmap-export' }, on: { click: exportCsv } });
  const jsonButton = el('button', { className: 'heatmap-export', attrs: { type: 'button', 'data-testid': 'heatmap-export-json' }, on: { click: exportJson } });
  const controls = el(
    'div',
    { className: 'heatmap-controls' },
    el('label', {}, rowsLabel, rowsSelect),
    el('label', {}, measureLabel, measureSelect),
    exportButton,
    jsonButton,
  );
  const wrap = el('div', { className: 'heatmap-wrap', attrs: { role: 'region', tabindex: '0', 'aria-labelledby': 'heatmap-view-heading' } });
  root.classList.add('heatmap-view');
  root.replaceChildren(heading, hint, controls, wrap, empty);

  function drawStrings() {
    heading.textContent = t('view.heatmap');
    hint.textContent = t('heatmap.hint');
    rowsLabel.textContent = t('heatmap.rows');
    measureLabel.textContent = t('heatmap.measure');
    exportButton.textContent = t('heatmap.export');
    jsonButton.textContent = t('heatmap.exportJson');
    rowsSelect.replaceChildren(
      el('option', { attrs: { value: 'top', selected: rowsMode === 'top' }, text: t('heatmap.rowsTop') }),
      el('option', { attrs: { value: 'all', selected: rowsMode === 'all' }, text: t('heatmap.rowsAll') }),
    );
    measureSelect.replaceChildren(
      el('option', { attrs: { value: 'count', selected: measure === 'count' }, text: t('heatmap.count') }),
      el('option', { attrs: { value: 'perMille', selected: measure === 'perMille' }, text: t('heatmap.perMille') }),
    );
  }

  const titleOf = (section) => (section.title.trim() === '' ? t('heatmap.untitled') : section.title);
  const rate = (row, n) => (row.characters > 0 ? (n * 1000) / row.characters : 0);

  function build() {
    const state = store.get();
    const report = state.report;
    const has = Boolean(report && report.sections.length && report.keywords.length);
    // No report yet, or one without a single keyword (and why).
    empty.textContent = noKeywordsNote(state) ?? t('heatmap.empty');
    empty.hidden = has;
    controls.hidden = !has;
    wrap.hidden = !has;
    if (!has) {
      model = null;
      wrap.replaceChildren();
      return;
    }
    const ranking = parseRanking(state.ranking);
    const columns = rankKeywords(report.keywords, ranking, COLUMNS);
    const rows = heatmapMatrix(report, columns, rowsMode);
    const value = (row, c) => (measure === 'perMille' ? rate(row, row.counts[c]) : row.counts[c]);
    const max = columns.map((_, c) => rows.reduce((m, row) => Math.max(m, value(row, c)), 0));
    model = { report, columns, rows };

    const rankingName = t(`heatmap.ranking.${ranking}`);
    // Each column's word and each row's title once, not once a cell.
    const words = columns.map((k) => displayWord(state, k));
    const head = el(
      'tr',
      {},
      el('th', { className: 'heatmap-corner', attrs: { scope: 'col' }, text: t('heatmap.section') }),
      ...columns.map((k, c) =>
        el(
          'th',
          { className: 'heatmap-word', attrs: { scope: 'col', 'data-key': k.key, 'aria-selected': null } },
          el('span', { text: words[c] }),
        ),
      ),
    );
    const makeRow = (row, r) => {
      const title = titleOf(row.section);
      return el(
        'tr',
        { attrs: { 'data-row': r } },
        el('th', { className: `heatmap-section level-${Math.min(row.section.level, 6)}`, attrs: { scope: 'row', title } }, title),
        ...columns.map((k, c) => {
          const n = row.counts[c];
          const v = value(row, c);
          const shade = v > 0 && max[c] > 0 ? Math.max(1, Math.ceil((v / max[c]) * SHADES)) : 0;
          const label =
            measure === 'perMille'
              ? t('heatmap.cellPerMille', { section: title, word: words[c], n, rate: formatNumber(rate(row, n), 2) })
              : t('heatmap.cell', { section: title, word: words[c], n });
          return el('td', {
            className: `heat-${shade}`,
            attrs: {
              'data-row': r,
              'data-col': c,
              'data-count': n,
              'data-key': k.key,
              'data-testid': 'heatmap-cell',
              title: label,
              'aria-label': label,
              tabindex: r === focusCell[0] && c === focusCell[1] ? '0' : '-1',
            },
            text: n === 0 ? '' : measure === 'perMille' ? formatNumber(v, 1) : formatNumber(n),
          });
        }),
      );
    };
    const tbody = el('tbody', {});
    const table = el(
      'table',
      { className: 'heatmap-table', attrs: { 'data-testid': 'heatmap-table' } },
      el('caption', { className: 'visually-hidden', text: t('heatmap.caption', { n: columns.length, ranking: rankingName }) }),
      el('thead', {}, head),
      tbody,
    );
    const bodyRows = rows.slice(0, shown);
    const parts = [table];
    if (rows.length > shown) {
      const rest = rows.length - shown;
      parts.push(
        el('button', {
          className: 'heatmap-more',
          attrs: { type: 'button', 'data-testid': 'heatmap-more' },
          on: { click: () => { shown += PAGE; build(); } },
          text: t('heatmap.more', { n: formatNumber(Math.min(PAGE, rest)), rest: formatNumber(rest) }),
        }),
      );
    }
    wrap.replaceChildren(...parts);
    if (report.sections.length <= DEFER_OVER) {
      tbody.append(...bodyRows.map(makeRow));
      markSelected();
      return;
    }
    // A long text's table (40 rows of 20 cells, each with its label) is drawn in slices of a
    // few rows, so that no task holds the page for long after an analysis.
    const drawn = model;
    fillInSlices(tbody, bodyRows, makeRow, () => model === drawn).then((made) => made && markSelected());
  }

  /** The selected word's column marked, and the selected level band's words. */
  function markSelected() {
    const state = store.get();
    for (const node of wrap.querySelectorAll('[data-key]')) {
      node.classList.toggle('is-selected', node.dataset.key === state.selected);
      node.classList.toggle('in-band', inBand(state, node.dataset.key));
    }
  }

  function cellAt(r, c) {
    return wrap.querySelector(`td[data-row="${r}"][data-col="${c}"]`);
  }

  function choose(cell) {
    const r = Number(cell.dataset.row);
    const row = model?.rows[r];
    if (!row) return;
    store.set({ selected: cell.dataset.key });
    actions.reveal(row.start, row.end);
  }

  wrap.addEventListener('click', (event) => {
    const cell = event.target.closest('td[data-key]');
    if (!cell) return;
    moveFocus(cell, false);
    choose(cell);
  });

  // Arrow keys move between cells, Home/End along the row; Enter or Space chooses a cell.
  wrap.addEventListener('keydown', (event) => {
    const cell = event.target.closest?.('td[data-key]');
    if (!cell || !model) return;
    let r = Number(cell.dataset.row);
    let c = Number(cell.dataset.col);
    const rows = Math.min(shown, model.rows.length);
    switch (event.key) {
      case 'ArrowRight': c = Math.min(c + 1, model.columns.length - 1); break;
      case 'ArrowLeft': c = Math.max(c - 1, 0); break;
      case 'ArrowDown': r = Math.min(r + 1, rows - 1); break;
      case 'ArrowUp': r = Math.max(r - 1, 0); break;
      case 'Home': c = 0; break;
      case 'End': c = model.columns.length - 1; break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        choose(cell);
        return;
      default:
        return;
    }
    event.preventDefault();
    const next = cellAt(r, c);
    if (next) moveFocus(next, true);
  });

  function moveFocus(cell, focus) {
    for (const old of wrap.querySelectorAll('td[tabindex="0"]')) old.setAttribute('tabindex', '-1');
    cell.setAttribute('tabindex', '0');
    focusCell = [Number(cell.dataset.row), Number(cell.dataset.col)];
    if (focus) cell.focus();
  }

  function exportCsv() {
    if (!model) return;
    const state = store.get();
    const columns = [
      { header: 'section', value: (row) => row.index },
      { header: 'title', value: (row) => row.section.title },
      { header: 'level', value: (row) => row.section.level },
      { header: 'start', value: (row) => row.start },
      { header: 'end', value: (row) => row.end },
      { header: 'characters', value: (row) => row.characters },
      ...model.columns.map((k, c) => ({ header: displayWord(state, k), value: (row) => row.counts[c] })),
    ];
    download(toCsv(model.rows, columns), fileName(`wenxi-heatmap-${rowsMode}`, 'csv'), 'text/csv;charset=utf-8');
  }

  /**
   * The matrix as JSON: row titles (as in the report; '' when untitled), each row's first
   * section index and UTF-16 range, the column words and keys, counts[row][column].
   */
  function exportJson() {
    if (!model) return;
    const state = store.get();
    downloadJson(
      {
        generator: `Wenxi ${model.report.version}`,
        mode: rowsMode,
        ranking: state.ranking,
        rows: model.rows.map((row) => row.section.title),
        sections: model.rows.map((row) => row.index),
        ranges: model.rows.map((row) => [row.start, row.end]),
        columns: model.columns.map((k) => displayWord(state, k)),
        keys: model.columns.map((k) => k.key),
        counts: model.rows.map((row) => row.counts),
      },
      `wenxi-heatmap-${rowsMode}`,
    );
  }

  let pending = 0;
  store.subscribe((state, changed) => {
    if (changed.has('lang')) drawStrings();
    if (changed.has('report')) {
      shown = PAGE;
      focusCell = [0, 0];
    }
    if (['report', 'ranking', 'lang', 'display', 'converted'].some((k) => changed.has(k))) {
      clearTimeout(pending);
      if ((state.report?.sections.length ?? 0) <= DEFER_OVER) build();
      else pending = setTimeout(build, 0);
    }
    else if (changed.has('selected') || changed.has('band')) markSelected();
  });
  drawStrings();
  build();
}

// The KWIC concordance: every occurrence of the selected keyword with its left and right
// context, aligned on the keyword; sortable by the left context (read backwards from the
// keyword, nearest character first) or the right context; choosing a line shows it in the
// text. See views/index.js for the view contract.
//
// Contexts are cut from the user's own text by the occurrence ranges, CONTEXT characters
// (code points, so 𦡦 is one) on each side; a line break is shown as ⏎ so each line stays one.

import { el } from '../lib/dom.js';
import { t, displayWord, formatNumber } from '../lib/i18n.js';
import { toCsv, download, downloadJson, fileName } from '../lib/export.js';
import { findKeyword } from '../pkg/model.js';

t.register({
  'view.kwic': { zh: '语境', en: 'Concordance' },
  'kwic.hint': {
    zh: '所选词的每一处及其前后文。点击列标题排序；点击一行，在原文中显示它。',
    en: 'Every occurrence of the selected keyword with its context. Choose a column header to sort; choose a line to show it in the text.',
  },
  'kwic.empty': { zh: '选一个关键词，在这里查看它的每一处语境。', en: 'Select a keyword to see every occurrence in context here.' },
  'kwic.caption': { zh: '「{word}」的 {n} 处语境', en: '{n} occurrences of “{word}” in context' },
  'kwic.position': { zh: '#', en: '#' },
  'kwic.left': { zh: '左文', en: 'Left context' },
  'kwic.keyword': { zh: '关键词', en: 'Keyword' },
  'kwic.right': { zh: '右文', en: 'Right context' },
  'kwic.sortBy': { zh: '按{column}排序', en: 'Sort by {column}' },
  'kwic.export': { zh: '导出 CSV', en: 'Export CSV' },
  'kwic.exportJson': { zh: '导出 JSON', en: 'Export JSON' },
  'kwic.more': { zh: '再显示 {n} 行（还有 {rest} 行）', en: 'Show {n} more lines ({rest} left)' },
  'kwic.line': { zh: '第 {i} 处：{left}【{keyword}】{right}', en: 'Occurrence {i}: {left} [{keyword}] {right}' },
});

/** Characters of context on each side. */
export const CONTEXT = 20;
/** Lines drawn before a "show more" button. */
const PAGE = 100;
const LINE_BREAK = '⏎';

// ---------------------------------------------------------------------------------------------
// Pure helpers.

/** `s` with each line break (CRLF, LF, CR, U+2028/2029) as one ⏎ and tabs as spaces. */
export function oneLine(s) {
  return s.replace(/\r\n|[\n\r\u2028\u2029]/g, LINE_BREAK).replace(/\t/g, ' ');
}

/** The last `n` code points of `s`. */
function lastCodePoints(s, n) {
  const chars = Array.from(s);
  return chars.slice(Math.max(0, chars.length - n)).join('');
}

/** The first `n` code points of `s`. */
function firstCodePoints(s, n) {
  return Array.from(s).slice(0, n).join('');
}

/**
 * The concordance lines of `occurrences` in `text`: {index, start, end, left, keyword, right},
 * left and right CONTEXT code points long (less at the text's ends), line breaks as ⏎.
 */
export function kwicLines(text, occurrences, context = CONTEXT) {
  return occurrences.map(([start, end], index) => ({
    index,
    start,
    end,
    // 2 units per code point at most: enough text to count `context` code points from.
    left: oneLine(lastCodePoints(text.slice(Math.max(0, start - 2 * context), start), context)),
    keyword: oneLine(text.slice(start, end)),
    right: oneLine(firstCodePoints(text.slice(end, end + 2 * context), context)),
  }));
}

/** Code point order of two strings (not UTF-16 unit order, which misplaces astral characters). */
function compareCodePoints(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d) return d;
  }
  return x.length - y.length;
}

const reversed = (s) => Array.from(s).reverse().join('');

/**
 * `lines` sorted: 'position' (text order), 'left' (by the left context read from the keyword
 * outwards, nearest character first), 'right' (by the right context); ties in text order.
 */
export function sortLines(lines, by) {
  if (by === 'left') {
    const keys = new Map(lines.map((l) => [l, reversed(l.left)]));
    return [...lines].sort((a, b) => compareCodePoints(keys.get(a), keys.get(b)) || a.index - b.index);
  }
  if (by === 'right') return [...lines].sort((a, b) => compareCodePoints(a.right, b.right) || a.index - b.index);
  return [...lines].sort((a, b) => a.index - b.index);
}

// ---------------------------------------------------------------------------------------------
// The view.

export function mount(root, ctx) {
  const { store, actions } = ctx;
  let sortBy = 'position';
  let shown = PAGE;
  let lines = [];
  let keyword = null;

  const heading = el('h3', { attrs: { id: 'kwic-view-heading' } });
  const hint = el('p', { className: 'hint' });
  const empty = el('p', { className: 'kwic-empty', attrs: { 'data-testid': 'kwic-empty' } });
  const exportButton = el('button', { className: 'kwic-button', attrs: { type: 'button', 'data-testid': 'kwic-export' }, on: { click: exportCsv } });
  const jsonButton = el('button', { className: 'kwic-button', attrs: { type: 'button', 'data-testid': 'kwic-export-json' }, on: { click: exportJson } });
  const summary = el('span', { className: 'kwic-summary', attrs: { 'data-testid': 'kwic-summary' } });
  // The page's generic button row (style.css .tools) keeps the two exports together.
  const tools = el('div', { className: 'kwic-tools' }, summary, el('div', { className: 'kwic-exports' }, exportButton, jsonButton));
  const wrap = el('div', { className: 'kwic-wrap', attrs: { role: 'region', tabindex: '0', 'aria-labelledby': 'kwic-view-heading' } });
  root.classList.add('kwic-view');
  root.replaceChildren(heading, hint, tools, wrap, empty);

  function drawStrings() {
    heading.textContent = t('view.kwic');
    hint.textContent = t('kwic.hint');
    empty.textContent = t('kwic.empty');
    exportButton.textContent = t('kwic.export');
    jsonButton.textContent = t('kwic.exportJson');
  }

  function build() {
    const state = store.get();
    const text = typeof state.analyzedText === 'string' ? state.analyzedText : '';
    keyword = findKeyword(state.report, state.selected);
    lines = keyword && text ? kwicLines(text, keyword.occurrences) : [];
    shown = PAGE;
    draw();
  }

  function sortHeader(column, className) {
    const active = sortBy === column;
    return el(
      'th',
      { className, attrs: { scope: 'col', 'aria-sort': active ? 'ascending' : null } },
      el(
        'button',
        {
          className: 'kwic-sort',
          attrs: { type: 'button', 'data-sort': column, 'data-testid': `kwic-sort-${column}`, 'aria-label': t('kwic.sortBy', { column: t(`kwic.${column}`) }) },
          on: {
            click: () => {
              sortBy = column;
              draw();
              wrap.querySelector(`[data-sort="${column}"]`)?.focus();
            },
          },
        },
        t(`kwic.${column}`),
        el('span', { className: 'kwic-arrow', attrs: { 'aria-hidden': 'true' }, text: active ? ' ▲' : '' }),
      ),
    );
  }

  function draw() {
    const has = lines.length > 0;
    empty.hidden = has;
    tools.hidden = !has;
    wrap.hidden = !has;
    if (!has) {
      wrap.replaceChildren();
      summary.textContent = '';
      return;
    }
    const word = displayWord(store.get(), keyword);
    summary.textContent = t('kwic.caption', { word, n: formatNumber(lines.length) });
    const sorted = sortLines(lines, sortBy);
    const rows = sorted.slice(0, shown).map((line) =>
      el(
        'tr',
        { className: 'kwic-line', attrs: { 'data-testid': 'kwic-line', 'data-index': line.index, 'data-start': line.start, 'data-end': line.end } },
        el('td', { className: 'kwic-pos', text: formatNumber(line.index + 1) }),
        el('td', { className: 'kwic-left' }, el('span', { attrs: { 'data-testid': 'kwic-left' }, text: line.left })),
        el(
          'td',
          { className: 'kwic-key' },
          el('button', {
            className: 'kwic-keyword',
            attrs: {
              type: 'button',
              'data-testid': 'kwic-keyword',
              'aria-label': t('kwic.line', { i: line.index + 1, left: line.left, keyword: line.keyword, right: line.right }),
            },
            text: line.keyword,
          }),
        ),
        el('td', { className: 'kwic-right' }, el('span', { attrs: { 'data-testid': 'kwic-right' }, text: line.right })),
      ),
    );
    const table = el(
      'table',
      { className: 'kwic-table', attrs: { 'data-testid': 'kwic-table' } },
      el('caption', { className: 'visually-hidden', text: t('kwic.caption', { word, n: lines.length }) }),
      el(
        'colgroup',
        {},
        el('col', { className: 'kwic-col-pos' }),
        el('col', { className: 'kwic-col-left' }),
        el('col', { className: 'kwic-col-key' }),
        el('col', { className: 'kwic-col-right' }),
      ),
      el('thead', {}, el('tr', {}, sortHeader('position', 'kwic-pos'), sortHeader('left', 'kwic-left'), el('th', { className: 'kwic-key', attrs: { scope: 'col' }, text: t('kwic.keyword') }), sortHeader('right', 'kwic-right'))),
      el('tbody', {}, ...rows),
    );
    const parts = [table];
    if (sorted.length > shown) {
      const rest = sorted.length - shown;
      parts.push(
        el('button', {
          className: 'kwic-button kwic-more',
          attrs: { type: 'button', 'data-testid': 'kwic-more' },
          on: { click: () => { shown += PAGE; draw(); } },
          text: t('kwic.more', { n: formatNumber(Math.min(PAGE, rest)), rest: formatNumber(rest) }),
        }),
      );
    }
    wrap.replaceChildren(...parts);
  }

  // A click anywhere on a line shows it; the keyword button makes it reachable by keyboard.
  wrap.addEventListener('click', (event) => {
    const row = event.target.closest('tr.kwic-line');
    if (!row) return;
    actions.reveal(Number(row.dataset.start), Number(row.dataset.end));
  });

  function exportCsv() {
    if (!lines.length) return;
    const columns = [
      { header: 'n', value: (l) => l.index + 1 },
      { header: 'start', value: (l) => l.start },
      { header: 'end', value: (l) => l.end },
      { header: 'left', value: (l) => l.left },
      { header: 'keyword', value: (l) => l.keyword },
      { header: 'right', value: (l) => l.right },
    ];
    download(toCsv(sortLines(lines, sortBy), columns), fileName('wenxi-kwic', 'csv'), 'text/csv;charset=utf-8');
  }

  /** The lines as JSON, in the current sort order: what the CSV has, with the keyword. */
  function exportJson() {
    if (!lines.length) return;
    const { report } = store.get();
    downloadJson(
      {
        generator: `Wenxi ${report.version}`,
        keyword: { word: keyword.word, key: keyword.key },
        sort: sortBy,
        context: CONTEXT,
        lines: sortLines(lines, sortBy).map((l) => ({ n: l.index + 1, start: l.start, end: l.end, left: l.left, keyword: l.keyword, right: l.right })),
      },
      'wenxi-kwic',
    );
  }

  store.subscribe((state, changed) => {
    if (changed.has('lang')) drawStrings();
    if (changed.has('report') || changed.has('analyzedText') || changed.has('selected')) build();
    else if (changed.has('lang') || changed.has('display') || changed.has('converted')) draw();
  });
  drawStrings();
  build();
}

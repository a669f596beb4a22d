// The KWIC concordance: every occurrence of the selected keyword with its left and right
// context, aligned on the keyword; sortable by the left context (read backwards from the
// keyword, nearest character first) or the right context; choosing a line shows it in the
// text. See views/index.js for the view contract.
//
// The lines come from the engine (actions.concordance: src/concordance.rs), CONTEXT
// characters (code points, so 𦡦 is one) on each side, read from the cleaned text the analysis
// read, so that inline pinyin and markup do not fill them (長江經(jīng)濟(jì)帶 reads 長江經濟帶); a
// switch shows them as written instead. Their offsets are always the user's text's. A line
// break is shown as ⏎ so each line stays one.

import { el } from '../lib/dom.js';
import { t, displayWord, formatNumber } from '../lib/i18n.js';
import { toCsv, download, downloadJson, fileName } from '../lib/export.js';
import { noKeywordsNote } from '../lib/widgets.js';
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
  'kwic.written': { zh: '按原文显示（含拼音注音、网页标记）', en: 'Show as written (pinyin annotations, markup)' },
  'kwic.failed': { zh: '无法读取语境。', en: 'The contexts could not be read.' },
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

/**
 * The engine's concordance lines (ConcordanceLine: start, end, left, match, right) as the view
 * shows them: numbered in text order (`index`), each part on one line (oneLine).
 */
export function viewLines(lines) {
  return lines.map((line, index) => ({
    index,
    start: line.start,
    end: line.end,
    left: oneLine(line.left),
    keyword: oneLine(line.match),
    right: oneLine(line.right),
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
  /** The lines shown, the keyword they are of, and whether they are as written (these three
   * change together, when lines arrive). */
  let lines = [];
  let keyword = null;
  let linesWritten = false;
  /** Contexts as written rather than cleaned (the switch). */
  let written = false;
  /** The latest request for lines: an answer to an older one is dropped. */
  let asked = 0;

  const heading = el('h3', { attrs: { id: 'kwic-view-heading' } });
  const hint = el('p', { className: 'hint' });
  const empty = el('p', { className: 'kwic-empty', attrs: { 'data-testid': 'kwic-empty' } });
  const exportButton = el('button', { className: 'kwic-button', attrs: { type: 'button', 'data-testid': 'kwic-export' }, on: { click: exportCsv } });
  const jsonButton = el('button', { className: 'kwic-button', attrs: { type: 'button', 'data-testid': 'kwic-export-json' }, on: { click: exportJson } });
  const summary = el('span', { className: 'kwic-summary', attrs: { 'data-testid': 'kwic-summary' } });
  const writtenBox = el('input', {
    attrs: { type: 'checkbox', id: 'kwic-written', 'data-testid': 'kwic-written' },
    on: { change: () => { written = writtenBox.checked; build(); } },
  });
  const writtenLabel = el('label', { className: 'kwic-written', attrs: { for: 'kwic-written' } });
  const tools = el(
    'div',
    { className: 'kwic-tools' },
    summary,
    el('span', { className: 'kwic-switch' }, writtenBox, writtenLabel),
    el('div', { className: 'kwic-exports' }, exportButton, jsonButton),
  );
  const wrap = el('div', { className: 'kwic-wrap', attrs: { role: 'region', tabindex: '0', 'aria-labelledby': 'kwic-view-heading' } });
  root.classList.add('kwic-view');
  root.dataset.state = 'empty';
  root.replaceChildren(heading, hint, tools, wrap, empty);

  function drawStrings() {
    heading.textContent = t('view.kwic');
    hint.textContent = t('kwic.hint');
    writtenLabel.textContent = t('kwic.written');
    exportButton.textContent = t('kwic.export');
    jsonButton.textContent = t('kwic.exportJson');
  }

  /** Ask the engine for the selected keyword's lines; draw them when they come. */
  async function build() {
    const state = store.get();
    const text = typeof state.analyzedText === 'string' ? state.analyzedText : '';
    const wanted = findKeyword(state.report, state.selected);
    const request = ++asked;
    if (!wanted || !text) {
      [keyword, lines] = [null, []];
      root.dataset.state = 'empty';
      draw();
      return;
    }
    // The lines shown stay until their successors arrive (a few milliseconds for an article).
    root.dataset.state = 'loading';
    wrap.setAttribute('aria-busy', 'true');
    let got;
    try {
      got = (await actions.concordance({ ranges: wanted.occurrences, context: CONTEXT, asWritten: written })).lines;
    } catch {
      if (request !== asked) return;
      [keyword, lines] = [null, []];
      root.dataset.state = 'failed';
      draw();
      return;
    }
    if (request !== asked) return;
    [keyword, lines, linesWritten] = [wanted, viewLines(got), written];
    shown = PAGE;
    root.dataset.state = 'ready';
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
    wrap.removeAttribute('aria-busy');
    empty.hidden = has;
    tools.hidden = !has;
    wrap.hidden = !has;
    if (!has) {
      // No keyword selected, none to select (and why), or the engine failed.
      if (root.dataset.state === 'failed') empty.textContent = t('kwic.failed');
      else empty.textContent = noKeywordsNote(store.get()) ?? t('kwic.empty');
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
      el('colgroup', {}, el('col', { className: 'kwic-col-pos' }), el('col', { className: 'kwic-col-left' }), keyColumn(), el('col', { className: 'kwic-col-right' })),
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

  /**
   * The keyword's column. views/kwic.css sizes it from the longest keyword shown, which it is
   * told here (--kwic-key-chars, in characters), so the keyword is not cut off.
   */
  function keyColumn() {
    const widest = Math.max(1, ...lines.map((l) => Array.from(l.keyword).length));
    const col = el('col', { className: 'kwic-col-key' });
    col.style.setProperty('--kwic-key-chars', String(widest));
    return col;
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
        contextFrom: linesWritten ? 'written' : 'cleaned',
        lines: sortLines(lines, sortBy).map((l) => ({ n: l.index + 1, start: l.start, end: l.end, left: l.left, keyword: l.keyword, right: l.right })),
      },
      'wenxi-kwic',
    );
  }

  store.subscribe((state, changed) => {
    if (changed.has('lang')) drawStrings();
    if (changed.has('report') || changed.has('analyzedText') || changed.has('selected')) build();
    else if (changed.has('lang') || changed.has('display') || changed.has('converted')) {
      if (root.dataset.state !== 'loading') draw();
    }
  });
  drawStrings();
  build();
}

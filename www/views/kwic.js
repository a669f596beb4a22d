// The concordance (KWIC): every occurrence of a word, a string or a regular expression the
// reader searches for, or of the keyword selected elsewhere, with its left and right context,
// aligned on the match. The engine finds, sorts and cuts the lines (actions.concordance:
// src/query/concordance.rs); this view asks and draws. See views/index.js for the contract.
//
// Contexts are CONTEXT characters (code points, so 𦡦 is one) on each side, read from the
// cleaned text the analysis read, so that inline pinyin and markup do not fill them
// (長江經(jīng)濟(jì)帶 reads 長江經濟帶); a switch shows them as written instead. Offsets are always
// the user's text's. A line break is shown as ⏎ so each line stays one.
//
// What is shown: a search when the reader ran one; otherwise the selected keyword's
// occurrences (its `occurrences`, as the analysis counted them). Selecting a keyword ends the
// search; clearing the search goes back to the keyword.

import { el } from '../lib/dom.js';
import { t, displayWord, formatNumber } from '../lib/i18n.js';
import { toCsv, download, downloadJson, fileName } from '../lib/export.js';
import { latestAnswer, noKeywordsNote } from '../lib/widgets.js';
import { findKeyword } from '../pkg/model.js';
import { CONTEXT, CONTEXT_RANGE, clampContext, oneLine } from '../lib/query-text.js';

export { CONTEXT, CONTEXT_RANGE, clampContext, oneLine };

t.register({
  'view.kwic': { zh: '语境', en: 'Concordance' },
  'kwic.hint': {
    zh: '搜索一个词、一串字或正则表达式，或在关键词表中选一个词，查看它的每一处及其前后文。点击一行，在原文中显示它。',
    en: 'Search for a word, a string or a regular expression, or select a keyword, to see every occurrence with its context. Choose a line to show it in the text.',
  },
  'kwic.empty': { zh: '在上面搜索，或选一个关键词，在这里查看它的每一处语境。', en: 'Search above, or select a keyword, to see every occurrence in context here.' },
  'kwic.noText': { zh: '分析文本后，可以在这里搜索它。', en: 'Analyze a text to search it here.' },
  'kwic.caption': { zh: '「{word}」的 {n} 处语境', en: '{n} occurrences of “{word}” in context' },
  'kwic.found': { zh: '「{query}」（{mode}）共 {n} 处', en: '{n} occurrences of “{query}” ({mode})' },
  'kwic.limited': { zh: '，按当前排序显示前 {shown} 处', en: '; the first {shown} in this order are listed' },
  'kwic.none': { zh: '文中没有「{query}」（{mode}）。', en: 'No occurrence of “{query}” ({mode}) in the text.' },
  'kwic.query': { zh: '搜索', en: 'Search for' },
  'kwic.search': { zh: '搜索', en: 'Search' },
  'kwic.clear': { zh: '清除搜索', en: 'Clear the search' },
  'kwic.mode': { zh: '匹配', en: 'Match' },
  'kwic.mode.word': { zh: '词', en: 'word' },
  'kwic.mode.string': { zh: '字串', en: 'string' },
  'kwic.mode.regex': { zh: '正则表达式', en: 'regular expression' },
  'kwic.mode.keyword': { zh: '关键词', en: 'keyword' },
  'kwic.context': { zh: '前后文字数', en: 'Context (characters)' },
  'kwic.sort': { zh: '排序', en: 'Sort' },
  'kwic.sort.position': { zh: '原文顺序', en: 'Position in the text' },
  'kwic.sort.left1': { zh: '左边第 1 个词', en: '1st word to the left' },
  'kwic.sort.left2': { zh: '左边第 2 个词', en: '2nd word to the left' },
  'kwic.sort.right1': { zh: '右边第 1 个词', en: '1st word to the right' },
  'kwic.sort.right2': { zh: '右边第 2 个词', en: '2nd word to the right' },
  'kwic.sort.match': { zh: '匹配的文字', en: 'The match' },
  'kwic.full': { zh: '全宽显示', en: 'Full width' },
  'kwic.position': { zh: '#', en: '#' },
  'kwic.left': { zh: '左文', en: 'Left context' },
  'kwic.keyword': { zh: '匹配', en: 'Match' },
  'kwic.right': { zh: '右文', en: 'Right context' },
  'kwic.sortBy': { zh: '{column}（按{order}排序）', en: '{column} (sort by {order})' },
  'kwic.export': { zh: '导出 CSV', en: 'Export CSV' },
  'kwic.exportJson': { zh: '导出 JSON', en: 'Export JSON' },
  'kwic.more': { zh: '再显示 {n} 行（还有 {rest} 行）', en: 'Show {n} more lines ({rest} left)' },
  'kwic.line': { zh: '第 {i} 行：{left}【{keyword}】{right}', en: 'Line {i}: {left} [{keyword}] {right}' },
  'kwic.written': { zh: '按原文显示（含拼音注音、网页标记）', en: 'Show as written (pinyin annotations, markup)' },
  'kwic.failed': { zh: '无法读取语境。', en: 'The contexts could not be read.' },
  'kwic.invalid': { zh: '无法搜索：{detail}', en: 'Cannot search: {detail}' },
});

/** The most lines asked of the engine; `total` still counts every occurrence. */
export const LIMIT = 1000;
/** Lines drawn before a "show more" button. */
const PAGE = 100;
const MODES = ['word', 'string', 'regex'];
/** The engine's line orders (ConcordanceQuery.sort). */
const SORTS = ['position', 'left1', 'left2', 'right1', 'right2', 'match'];
/** The table's sortable columns and the engine's order each stands for. */
const COLUMN_SORTS = { position: 'position', left: 'left1', keyword: 'match', right: 'right1' };

// ---------------------------------------------------------------------------------------------
// Pure helpers.

/**
 * The engine's concordance lines (ConcordanceLine: start, end, left, match, right) as the view
 * shows them: numbered in the order given (`index`), each part on one line (oneLine).
 */
export function viewLines(lines) {
  return lines.map((line, index) => ({
    index,
    start: line.start,
    end: line.end,
    left: oneLine(line.left),
    match: oneLine(line.match),
    right: oneLine(line.right),
  }));
}

/** Wide (East Asian) characters: Han, kana, Hangul, fullwidth forms, CJK punctuation. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** `s`'s width in ems, roughly: a wide character 1, any other 0.6 (Latin letters, pinyin). */
export function textWidth(s) {
  let width = 0;
  for (const c of s) width += WIDE.test(c) ? 1 : 0.6;
  return width;
}

// ---------------------------------------------------------------------------------------------
// The view.

export function mount(root, ctx) {
  const { store, actions } = ctx;
  let shown = PAGE;
  /** The search being shown ({query, by}), or null for the selected keyword. */
  let search = null;
  /** What the lines are of ({query, mode, keyword?}), the lines, the engine's total and the
   * settings they were read with: these change together, when lines arrive. */
  let source = null;
  let lines = [];
  let total = 0;
  let read = { sort: 'position', context: CONTEXT, written: false };
  /** The error the engine gave for the search (kind invalid_query), shown as an alert. */
  let refused = null;
  /** The requests for lines: an answer to an older one, or of an older report, is dropped. */
  const engine = latestAnswer(store);

  const heading = el('h3', { attrs: { id: 'kwic-view-heading' } });
  const hint = el('p', { className: 'hint' });

  // The search form.
  const queryLabel = el('label', { attrs: { for: 'kwic-query' } });
  const queryInput = el('input', {
    attrs: { type: 'search', id: 'kwic-query', 'data-testid': 'kwic-query', autocomplete: 'off', spellcheck: 'false', maxlength: 1000 },
  });
  const searchButton = el('button', { className: 'kwic-button kwic-primary', attrs: { type: 'submit', 'data-testid': 'kwic-search' } });
  const clearButton = el('button', {
    className: 'kwic-button',
    attrs: { type: 'button', 'data-testid': 'kwic-clear' },
    on: { click: () => { queryInput.value = ''; search = null; build(); queryInput.focus(); } },
  });
  const modeLabel = el('label', { attrs: { for: 'kwic-mode' } });
  const modeSelect = el('select', { attrs: { id: 'kwic-mode', 'data-testid': 'kwic-mode' }, on: { change: () => search && startSearch() } });
  modeSelect.value = 'word';
  const contextLabel = el('label', { attrs: { for: 'kwic-context' } });
  const contextInput = el('input', {
    attrs: { type: 'number', id: 'kwic-context', 'data-testid': 'kwic-context', inputmode: 'numeric', min: CONTEXT_RANGE[0], max: CONTEXT_RANGE[1], step: 1, value: CONTEXT },
    on: { change: () => { contextInput.value = String(clampContext(contextInput.value)); build(); } },
  });
  const sortLabel = el('label', { attrs: { for: 'kwic-sort' } });
  const sortSelect = el('select', { attrs: { id: 'kwic-sort', 'data-testid': 'kwic-sort' }, on: { change: () => build() } });
  const writtenBox = el('input', {
    attrs: { type: 'checkbox', id: 'kwic-written', 'data-testid': 'kwic-written' },
    on: { change: () => build() },
  });
  const writtenLabel = el('label', { className: 'kwic-written', attrs: { for: 'kwic-written' } });
  const fullButton = el('button', {
    className: 'kwic-button',
    attrs: { type: 'button', 'data-testid': 'kwic-full', 'aria-pressed': 'false' },
    on: {
      click: () => {
        const on = !root.classList.contains('kwic-full');
        root.classList.toggle('kwic-full', on);
        fullButton.setAttribute('aria-pressed', String(on));
      },
    },
  });
  const form = el(
    'form',
    { className: 'kwic-form', attrs: { role: 'search', 'data-testid': 'kwic-form', 'aria-labelledby': 'kwic-view-heading' }, on: { submit: (event) => { event.preventDefault(); startSearch(); } } },
    el('div', { className: 'kwic-field kwic-field-query' }, queryLabel, el('div', { className: 'kwic-query-row' }, queryInput, searchButton, clearButton)),
    el('div', { className: 'kwic-field' }, modeLabel, modeSelect),
    el('div', { className: 'kwic-field' }, contextLabel, contextInput),
    el('div', { className: 'kwic-field' }, sortLabel, sortSelect),
    el('div', { className: 'kwic-field kwic-switches' }, el('span', { className: 'kwic-switch' }, writtenBox, writtenLabel), fullButton),
  );

  const alert = el('p', { className: 'kwic-alert', attrs: { role: 'alert', 'data-testid': 'kwic-error' } });
  const empty = el('p', { className: 'kwic-empty', attrs: { 'data-testid': 'kwic-empty' } });
  const exportButton = el('button', { className: 'kwic-button', attrs: { type: 'button', 'data-testid': 'kwic-export' }, on: { click: exportCsv } });
  const jsonButton = el('button', { className: 'kwic-button', attrs: { type: 'button', 'data-testid': 'kwic-export-json' }, on: { click: exportJson } });
  const summary = el('span', { className: 'kwic-summary', attrs: { 'data-testid': 'kwic-summary', 'aria-live': 'polite' } });
  const tools = el('div', { className: 'kwic-tools' }, summary, el('div', { className: 'kwic-exports' }, exportButton, jsonButton));
  const wrap = el('div', { className: 'kwic-wrap', attrs: { role: 'region', tabindex: '0', 'aria-labelledby': 'kwic-view-heading' } });
  root.classList.add('kwic-view');
  root.dataset.state = 'empty';
  root.replaceChildren(heading, hint, form, alert, tools, wrap, empty);

  function drawStrings() {
    heading.textContent = t('view.kwic');
    hint.textContent = t('kwic.hint');
    queryLabel.textContent = t('kwic.query');
    searchButton.textContent = t('kwic.search');
    clearButton.textContent = t('kwic.clear');
    modeLabel.textContent = t('kwic.mode');
    contextLabel.textContent = t('kwic.context');
    sortLabel.textContent = t('kwic.sort');
    writtenLabel.textContent = t('kwic.written');
    fullButton.textContent = t('kwic.full');
    exportButton.textContent = t('kwic.export');
    jsonButton.textContent = t('kwic.exportJson');
    fillSelect(modeSelect, MODES, (m) => t(`kwic.mode.${m}`));
    fillSelect(sortSelect, SORTS, (s) => t(`kwic.sort.${s}`));
  }

  /** (Re)write a select's options in the current language, keeping its value. */
  function fillSelect(select, values, label) {
    const value = select.value || values[0];
    select.replaceChildren(...values.map((v) => el('option', { attrs: { value: v }, text: label(v) })));
    select.value = value;
  }

  /** Run the search in the form (an empty query ends the search). */
  function startSearch() {
    const query = queryInput.value;
    search = query.trim() === '' ? null : { query, by: modeSelect.value };
    build();
  }

  /** Ask the engine for the lines of the search or the selected keyword; draw them when they come. */
  async function build() {
    const state = store.get();
    const text = typeof state.analyzedText === 'string' ? state.analyzedText : '';
    const keyword = search ? null : findKeyword(state.report, state.selected);
    refused = null;
    form.hidden = !state.report || !text;
    if (!text || (!search && !keyword)) {
      engine.cancel();
      [source, lines, total] = [null, [], 0];
      root.dataset.state = 'empty';
      draw();
      return;
    }
    const settings = { sort: sortSelect.value || 'position', context: clampContext(contextInput.value), written: writtenBox.checked };
    const what = search
      ? { query: search.query, by: search.by }
      : { ranges: keyword.occurrences };
    const wanted = search ? { query: search.query, mode: search.by } : { query: keyword.word, mode: 'keyword', keyword };
    // The lines shown stay until their successors arrive (a few milliseconds for an article).
    root.dataset.state = 'loading';
    wrap.setAttribute('aria-busy', 'true');
    const asked = await engine.ask(() =>
      actions.concordance({ ...what, context: settings.context, sort: settings.sort, asWritten: settings.written, limit: LIMIT }));
    if (!asked) return;
    const { answer: got, error } = asked;
    if (error) {
      [source, lines, total] = [null, [], 0];
      if (error.kind === 'invalid_query') {
        refused = error.message ?? String(error);
        root.dataset.state = 'refused';
      } else {
        root.dataset.state = 'failed';
      }
      draw();
      return;
    }
    [source, lines, total, read] = [wanted, viewLines(got.lines), got.total, settings];
    shown = PAGE;
    root.dataset.state = 'ready';
    draw();
  }

  function sortHeader(column, className) {
    const sort = COLUMN_SORTS[column];
    const active = read.sort === sort;
    return el(
      'th',
      { className, attrs: { scope: 'col', 'aria-sort': active ? 'ascending' : null } },
      el(
        'button',
        {
          className: 'kwic-sort',
          attrs: { type: 'button', 'data-sort': column, 'data-testid': `kwic-sort-${column}`, 'aria-label': t('kwic.sortBy', { column: t(`kwic.${column}`), order: t(`kwic.sort.${sort}`) }) },
          on: {
            click: async () => {
              sortSelect.value = sort;
              await build();
              wrap.querySelector(`[data-sort="${column}"]`)?.focus();
            },
          },
        },
        t(`kwic.${column}`),
        el('span', { className: 'kwic-arrow', attrs: { 'aria-hidden': 'true' }, text: active ? ' ▲' : '' }),
      ),
    );
  }

  /** What the lines are of, for the reader: the keyword as displayed, or the query. */
  const sourceName = () => (source.keyword ? displayWord(store.get(), source.keyword) : source.query);

  function draw() {
    const has = lines.length > 0;
    wrap.removeAttribute('aria-busy');
    alert.hidden = refused === null;
    alert.textContent = refused === null ? '' : t('kwic.invalid', { detail: refused });
    empty.hidden = has || refused !== null;
    tools.hidden = !has;
    wrap.hidden = !has;
    if (!has) {
      const state = store.get();
      if (root.dataset.state === 'failed') empty.textContent = t('kwic.failed');
      else if (source) empty.textContent = t('kwic.none', { query: sourceName(), mode: t(`kwic.mode.${source.mode}`) });
      else if (!state.report) empty.textContent = t('kwic.noText');
      // No keyword selected, or none to select (and why).
      else empty.textContent = noKeywordsNote(state) ?? t('kwic.empty');
      wrap.replaceChildren();
      summary.textContent = '';
      return;
    }
    const name = sourceName();
    const n = formatNumber(total);
    summary.textContent =
      (source.keyword ? t('kwic.caption', { word: name, n }) : t('kwic.found', { query: name, mode: t(`kwic.mode.${source.mode}`), n })) +
      (total > lines.length ? t('kwic.limited', { shown: formatNumber(lines.length) }) : '');
    const rows = lines.slice(0, shown).map((line) =>
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
              'aria-label': t('kwic.line', { i: line.index + 1, left: line.left, keyword: line.match, right: line.right }),
            },
            text: line.match,
          }),
        ),
        el('td', { className: 'kwic-right' }, el('span', { attrs: { 'data-testid': 'kwic-right' }, text: line.right })),
      ),
    );
    const table = el(
      'table',
      { className: 'kwic-table', attrs: { 'data-testid': 'kwic-table' } },
      el('caption', { className: 'visually-hidden', text: summary.textContent }),
      el('colgroup', {}, el('col', { className: 'kwic-col-pos' }), el('col', { className: 'kwic-col-left' }), keyColumn(), el('col', { className: 'kwic-col-right' })),
      el('thead', {}, el('tr', {}, sortHeader('position', 'kwic-pos'), sortHeader('left', 'kwic-left'), sortHeader('keyword', 'kwic-key'), sortHeader('right', 'kwic-right'))),
      el('tbody', {}, ...rows),
    );
    const parts = [table];
    if (lines.length > shown) {
      const rest = lines.length - shown;
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
   * The match's column. views/kwic.css sizes it from the widest match shown, which it is told
   * here (--kwic-key-chars, in ems), so the match is not cut off; a match wider than the
   * column can be wraps in it instead.
   */
  function keyColumn() {
    const widest = Math.max(1, ...lines.slice(0, shown).map((l) => textWidth(l.match)));
    const col = el('col', { className: 'kwic-col-key' });
    col.style.setProperty('--kwic-key-chars', widest.toFixed(1));
    return col;
  }

  // A click anywhere on a line shows it; the match button makes it reachable by keyboard.
  wrap.addEventListener('click', (event) => {
    const row = event.target.closest('tr.kwic-line');
    if (!row) return;
    actions.reveal(Number(row.dataset.start), Number(row.dataset.end));
  });

  /** What an export says the lines are of. */
  const about = () => ({ query: source.query, mode: source.mode, total, shown: lines.length, limit: LIMIT, sort: read.sort, context: read.context });

  /** The lines listed (all of them, not only the drawn page), in their order, as CSV. */
  function exportCsv() {
    if (!lines.length) return;
    const { query, mode } = about();
    const columns = [
      { header: 'n', value: (l) => l.index + 1 },
      { header: 'start', value: (l) => l.start },
      { header: 'end', value: (l) => l.end },
      { header: 'left', value: (l) => l.left },
      { header: 'match', value: (l) => l.match },
      { header: 'right', value: (l) => l.right },
      { header: 'query', value: () => query },
      { header: 'mode', value: () => mode },
      { header: 'total', value: () => total },
    ];
    download(toCsv(lines, columns), fileName('wenxi-kwic', 'csv'), 'text/csv;charset=utf-8');
  }

  /** The lines as JSON, in their order, with what they are of and how they were read. */
  function exportJson() {
    if (!lines.length) return;
    const { report } = store.get();
    downloadJson(
      {
        generator: `Wenxi ${report.version}`,
        ...about(),
        ...(source.keyword ? { keyword: { word: source.keyword.word, key: source.keyword.key } } : {}),
        contextFrom: read.written ? 'written' : 'cleaned',
        lines: lines.map((l) => ({ n: l.index + 1, start: l.start, end: l.end, left: l.left, match: l.match, right: l.right })),
      },
      'wenxi-kwic',
    );
  }

  store.subscribe((state, changed) => {
    if (changed.has('lang')) drawStrings();
    // Selecting a keyword shows it, ending a search.
    if (changed.has('selected') && state.selected !== null) search = null;
    if (changed.has('report') || changed.has('analyzedText') || changed.has('selected')) build();
    else if (changed.has('lang') || changed.has('display') || changed.has('converted')) {
      if (root.dataset.state !== 'loading') draw();
    }
  });
  drawStrings();
  build();
}

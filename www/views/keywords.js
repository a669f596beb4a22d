// The keyword table: rank, word, count, share, TF-IDF, TextRank, how evenly the word is spread
// (Juilland's D and Gries' DP) and where in the text it is used (a sparkline over the sections).
// Sortable, filterable in either script, capped with
// "show more"; choosing a row selects the word in every view (`state.selected`); a level band
// chosen in the Vocabulary view (`state.band`) shows only its words, until cleared; and the
// ranking switch here sets `state.ranking`, which the charts follow. Exports the rows shown,
// or every word the analysis counted. See views/index.js for the view contract.

import { el, svg } from '../lib/dom.js';
import { t, formatNumber, displayWord } from '../lib/i18n.js';
import { copyText, dispersionColumns, keywordsToCsv, keywordsToJson, KEYWORD_COLUMNS, toTsv } from '../lib/export.js';
import { button, focusItem, formatMeasure, latestAnswer, noKeywordsNote, roving, save, statusLine, tabStop } from '../lib/widgets.js';
import { RANKINGS, rankKeywords, whyNoKeywords } from '../pkg/model.js';
import { bandLabel, inBand } from '../lib/levels.js';

t.register({
  'view.keywords': { zh: '关键词', en: 'Keywords' },
  'keywords.ranking': { zh: '排序依据', en: 'Rank by' },
  'keywords.ranking.count': { zh: '频次', en: 'Frequency' },
  'keywords.ranking.weight': { zh: 'TF-IDF', en: 'TF-IDF' },
  'keywords.ranking.textrank': { zh: 'TextRank', en: 'TextRank' },
  'keywords.filter': { zh: '筛选', en: 'Filter' },
  'keywords.filter.placeholder': { zh: '输入词语…', en: 'Type a word…' },
  'keywords.col.rank': { zh: '名次', en: 'Rank' },
  'keywords.col.word': { zh: '词', en: 'Word' },
  'keywords.col.count': { zh: '次数', en: 'Count' },
  'keywords.col.share': { zh: '占比', en: 'Share' },
  'keywords.col.weight': { zh: 'TF-IDF', en: 'TF-IDF' },
  'keywords.col.textrank': { zh: 'TextRank', en: 'TextRank' },
  'keywords.col.spread': { zh: '分布', en: 'Spread' },
  'keywords.caption': {
    zh: '关键词表。选择一行，在所有视图中选中该词；按列标题排序。',
    en: 'Keywords. Choose a row to select the word in every view; sort by a column header.',
  },
  'keywords.spread': { zh: '出现在 {n} / {total} 节', en: 'Used in {n} of {total} sections' },
  'keywords.more': { zh: '再显示 {n} 个', en: 'Show {n} more' },
  'keywords.shown': { zh: '显示 {shown} / {total} 个词', en: 'Showing {shown} of {total} words' },
  'keywords.none': { zh: '没有找到关键词。', en: 'No keywords found.' },
  'keywords.noMatch': { zh: '没有与筛选匹配的词。', en: 'No word matches the filter.' },
  'keywords.band': { zh: '只列出{band}和含有这些词的词（在“HSK 词汇”中选定）。', en: 'Only the {band} and the words made with them are listed (chosen in Vocabulary).' },
  'keywords.bandClear': { zh: '列出全部词语', en: 'List every word' },
  'keywords.empty': { zh: '分析文本后，这里列出关键词。', en: 'Analyze a text to list its keywords.' },
  'keywords.includeSingle': { zh: '计入单字词', en: 'Count single characters' },
  'keywords.exportAll': { zh: '导出全部词（CSV）', en: 'Export every word (CSV)' },
  'keywords.exportingAll': { zh: '正在整理全部词…', en: 'Gathering every word…' },
});

/** Pause after typing in the filter before it is read through the engine's conversion (ms). */
const FILTER_DELAY = 150;

/** Rows drawn at first, and added by each "show more". */
const PAGE = 50;

/** Words one dispersion request may ask about: src/query/dispersion.rs MAX_WORDS. */
const DISPERSION_BATCH = 1000;

/** The columns whose figures come from the engine's dispersion query, not from the report. */
const MEASURES = ['juillandD', 'dp'];

/** The sparkline of a word's use over the sections: one bar per section (or group of them). */
function sparkline(keyword, sectionCount) {
  const width = 60;
  const height = 18;
  const bins = Math.max(1, Math.min(sectionCount, 36));
  const counts = new Array(bins).fill(0);
  for (const [section, count] of keyword.sections) {
    counts[Math.min(bins - 1, Math.floor((section * bins) / Math.max(1, sectionCount)))] += count;
  }
  const max = Math.max(1, ...counts);
  const barWidth = width / bins;
  const bars = [];
  counts.forEach((count, i) => {
    if (count === 0) return;
    const h = Math.max(2, (count / max) * (height - 2));
    bars.push(svg('rect', {
      x: (i * barWidth + 0.5).toFixed(1),
      y: (height - h).toFixed(1),
      width: Math.max(1, barWidth - 1).toFixed(1),
      height: h.toFixed(1),
    }));
  });
  const label = t('keywords.spread', { n: keyword.sections.length, total: sectionCount });
  return svg(
    'svg',
    { class: 'kw-spark', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label },
    svg('title', {}, label),
    svg('line', { x1: 0, y1: height - 0.5, x2: width, y2: height - 0.5, class: 'kw-spark-base' }),
    ...bars,
  );
}

const COLUMNS = [
  // [field, string key, sortable, numeric]
  ['rank', 'keywords.col.rank', false, true],
  ['word', 'keywords.col.word', false, false],
  ['count', 'keywords.col.count', true, true],
  ['share', 'keywords.col.share', true, true],
  ['weight', 'keywords.col.weight', true, true],
  ['textrank', 'keywords.col.textrank', true, true],
  ['juillandD', 'measure.d', true, true],
  ['dp', 'measure.dp', true, true],
  ['spread', 'keywords.col.spread', false, false],
];

export function mount(root, ctx) {
  const { store } = ctx;
  root.classList.add('kw-view');

  /** Sort column and direction; a ranking change resets them to that ranking, descending. */
  let sort = { key: store.get().ranking === 'count' ? 'count' : store.get().ranking, dir: 'desc' };
  let cap = PAGE;
  /** The keywords in table order (sorted and filtered), all of them, not only those drawn. */
  let rows = [];
  /** Each listed keyword's D and DP (key → the engine's WordDispersion), filled in when the
   * dispersion query answers, a moment after the table is drawn. */
  let measures = new Map();
  /** The dispersion questions: an answer for an older report is dropped. */
  const measuresEngine = latestAnswer(store);

  const heading = el('h2', { className: 'kw-heading', attrs: { id: 'kw-heading' } });
  const rankingLegend = el('legend', {});
  const rankingInputs = RANKINGS.map((r) =>
    el('input', {
      attrs: { type: 'radio', name: 'kw-ranking', value: r, 'data-testid': `ranking-${r}` },
      on: { change: () => store.set({ ranking: r }) },
    }),
  );
  const rankingLabels = RANKINGS.map((r, i) => el('label', { className: 'kw-radio' }, rankingInputs[i], el('span', {})));
  const rankingBox = el('fieldset', { className: 'kw-ranking' }, rankingLegend, ...rankingLabels);

  const filterLabel = el('label', { attrs: { for: 'kw-filter' } });
  const filter = el('input', {
    attrs: { id: 'kw-filter', type: 'search', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'keyword-filter' },
  });
  // The filter matches a word as written, as shown, or by its key: the simplified, lower-cased
  // form the analysis counts with. Typed in the other script (發展 in a simplified text), it
  // finds the word through the key once the engine has converted it, a moment after typing.
  let filterFrame = 0;
  let filterTimer = 0;
  /** The typed filter's key form, once converted: { typed, key }. */
  let filterKey = { typed: '', key: '' };
  filter.addEventListener('input', () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(convertFilter, FILTER_DELAY);
    if (filterFrame) return;
    filterFrame = requestAnimationFrame(() => {
      filterFrame = 0;
      cap = PAGE;
      drawRows();
    });
  });
  async function convertFilter() {
    const typed = filter.value.trim();
    if (typed === '' || typed === filterKey.typed) return;
    let key;
    try {
      key = (await ctx.actions.convert(typed, 'simplified')).toLowerCase();
    } catch {
      return; // matched as typed only
    }
    if (filter.value.trim() !== typed) return;
    filterKey = { typed, key };
    cap = PAGE;
    drawRows();
  }
  const filterBox = el('div', { className: 'kw-filter' }, filterLabel, filter);

  const status = statusLine('keywords-status');
  const csvButton = button('', () => save(status, keywordsToCsv(rows, measures), 'wenxi-keywords', 'csv', 'text/csv;charset=utf-8'), { 'data-testid': 'keywords-export-csv' });
  const jsonButton = button('', () => {
    const { report, ranking } = store.get();
    const withMeasures = rows.map((k) => ({ ...k, juillandD: measures.get(k.key)?.juillandD ?? null, dp: measures.get(k.key)?.dp ?? null }));
    save(status, keywordsToJson(report, withMeasures, { ranking, filter: filter.value || undefined }), 'wenxi-keywords', 'json', 'application/json');
  }, { 'data-testid': 'keywords-export-json' });
  const copyButton = button('', async () => {
    const ok = await copyText(toTsv(rows, [...KEYWORD_COLUMNS, ...dispersionColumns(measures)]));
    status.textContent = ok ? t('export.copied', { n: rows.length }) : t('export.copyFailed');
  }, { 'data-testid': 'keywords-copy' });
  const allButton = button('', exportAll, { 'data-testid': 'keywords-export-all' });
  const exportBox = el('div', { className: 'kw-exports' }, csvButton, jsonButton, copyButton, allButton);

  /** Every word the analysis counted, not only the rows shown, as CSV in the report's order. */
  async function exportAll() {
    const report = store.get().report;
    allButton.disabled = true;
    status.textContent = t('keywords.exportingAll');
    try {
      const every = await ctx.actions.allKeywords();
      if (store.get().report === report) save(status, keywordsToCsv(every), 'wenxi-words', 'csv', 'text/csv;charset=utf-8');
      else status.textContent = '';
    } catch {
      status.textContent = t('export.failed');
    } finally {
      allButton.disabled = !store.get().report?.keywords.length;
    }
  }

  const toolbar = el('div', { className: 'kw-toolbar' }, rankingBox, filterBox, exportBox);

  const caption = el('caption', { className: 'visually-hidden' });
  const headerCells = COLUMNS.map(([field, , sortable, numeric]) => {
    const th = el('th', { className: `kw-col-${field}${numeric ? ' num' : ''}`, attrs: { scope: 'col' } });
    if (sortable) {
      const b = el('button', {
        className: 'kw-sort',
        attrs: { type: 'button', 'data-testid': `sort-${field}` },
        on: {
          click: () => {
            sort = { key: field, dir: sort.key === field && sort.dir === 'desc' ? 'asc' : 'desc' };
            drawRows();
          },
        },
      });
      th.append(b);
    }
    return th;
  });
  const tbody = el('tbody', {});
  const table = el('table', { className: 'kw-table', attrs: { 'data-testid': 'keywords-table' } }, caption, el('thead', {}, el('tr', {}, ...headerCells)), tbody);
  const wrap = el('div', { className: 'kw-wrap' }, table);
  const count = el('p', { className: 'kw-count', attrs: { 'data-testid': 'keywords-shown' } });
  const more = el('button', {
    className: 'kw-button kw-more',
    attrs: { type: 'button', 'data-testid': 'keywords-more' },
    on: {
      click: () => {
        const focusAt = cap;
        cap += PAGE * 2;
        drawRows();
        // Keep the keyboard where the reader was going: on the first new row.
        const items = [...tbody.querySelectorAll('tr')];
        focusItem(items, items[focusAt]);
      },
    },
  });
  const empty = el('p', { className: 'kw-empty', attrs: { 'data-testid': 'keywords-empty' } });
  // Shown when single characters would have counted: the one click that makes them count.
  const includeSingle = button('', () => store.set({ options: { ...store.get().options, minLength: 1 } }), { 'data-testid': 'keywords-include-single' });

  const bandText = el('span', {});
  const bandClear = button('', () => store.set({ band: null }), { 'data-testid': 'keywords-band-clear' });
  const bandNote = el('p', { className: 'kw-band', attrs: { 'data-testid': 'keywords-band' } }, bandText, ' ', bandClear);
  root.replaceChildren(heading, toolbar, status, bandNote, wrap, count, more, empty, includeSingle);

  tbody.addEventListener('click', (event) => {
    const row = event.target.closest('tr[data-key]');
    if (row) select(row);
  });
  roving(tbody, 'tr[data-key]', select);

  function select(row) {
    const items = [...tbody.querySelectorAll('tr[data-key]')];
    tabStop(items, row);
    row.focus();
    store.set({ selected: row.dataset.key });
  }

  function drawChrome() {
    const state = store.get();
    heading.textContent = t('view.keywords');
    rankingLegend.textContent = t('keywords.ranking');
    RANKINGS.forEach((r, i) => {
      rankingLabels[i].lastChild.textContent = t(`keywords.ranking.${r}`);
      rankingInputs[i].checked = state.ranking === r;
    });
    filterLabel.textContent = t('keywords.filter');
    filter.placeholder = t('keywords.filter.placeholder');
    csvButton.textContent = t('export.csv');
    jsonButton.textContent = t('export.json');
    copyButton.textContent = t('export.copy');
    allButton.textContent = t('keywords.exportAll');
    includeSingle.textContent = t('keywords.includeSingle');
    caption.textContent = t('keywords.caption');
    COLUMNS.forEach(([field, key, sortable], i) => {
      const target = sortable ? headerCells[i].firstChild : headerCells[i];
      target.textContent = t(key);
      if (MEASURES.includes(field)) headerCells[i].title = t(`${key}.about`);
      if (sortable) {
        const arrow = sort.key === field ? (sort.dir === 'desc' ? ' ▼' : ' ▲') : '';
        target.append(el('span', { className: 'kw-arrow', attrs: { 'aria-hidden': 'true' }, text: arrow }));
        headerCells[i].setAttribute('aria-sort', sort.key === field ? (sort.dir === 'desc' ? 'descending' : 'ascending') : 'none');
      }
    });
  }

  function drawRows() {
    drawChrome();
    const state = store.get();
    const report = state.report;
    const all = report?.keywords ?? [];
    // The report lists more words than the table shows (keyness needs them); the table shows
    // the "keywords to list" option's number, best first by the current ranking.
    // A band lists its words from the whole pool.
    const order = rankKeywords(all, state.ranking, state.band ? all.length : (state.options?.topN ?? all.length));
    const rank = new Map(order.map((k, i) => [k.key, i + 1]));
    const typed = filter.value.trim();
    const query = typed.toLowerCase();
    const key = filterKey.typed === typed ? filterKey.key : query;
    const matches = (k) =>
      !query ||
      k.word.toLowerCase().includes(query) ||
      k.key.includes(key) ||
      displayWord(state, k).toLowerCase().includes(query);
    const dir = sort.dir === 'desc' ? -1 : 1;
    // D and DP come from the dispersion answer; a word without them sorts last either way.
    const value = MEASURES.includes(sort.key) ? (k) => measures.get(k.key)?.[sort.key] ?? null : (k) => k[sort.key];
    const compare = (a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x === null || y === null) return (x === null) - (y === null);
      return dir * (x - y);
    };
    const listed = (k) => !state.band || inBand(state, k.key);
    rows = order.filter((k) => listed(k) && matches(k)).sort((a, b) => compare(a, b) || rank.get(a.key) - rank.get(b.key));
    // A word selected elsewhere is drawn even when it lies beyond the cap.
    const selectedAt = rows.findIndex((k) => k.key === state.selected);
    if (selectedAt >= cap) cap = Math.ceil((selectedAt + 1) / PAGE) * PAGE;
    const shown = rows.slice(0, cap);
    const sectionCount = report?.sections.length ?? 0;
    const fragment = document.createDocumentFragment();
    for (const k of shown) {
      const selected = k.key === state.selected;
      fragment.append(
        el(
          'tr',
          {
            className: selected ? 'is-selected' : '',
            attrs: { 'data-key': k.key, 'data-testid': 'keyword-row', tabindex: -1, 'aria-current': selected ? 'true' : null },
          },
          el('td', { className: 'num kw-rank', text: rank.get(k.key) }),
          el('td', { className: 'kw-word', attrs: { 'data-testid': 'keyword-word', title: `POS: ${k.pos}` }, text: displayWord(state, k) }),
          el('td', { className: 'num', attrs: { 'data-testid': 'keyword-count' }, text: formatNumber(k.count) }),
          el('td', { className: 'num kw-share', attrs: { 'data-testid': 'keyword-share' }, text: `${formatNumber(k.share * 100, 2)}%` }),
          el('td', { className: 'num', attrs: { 'data-testid': 'keyword-weight' }, text: formatNumber(k.weight, 4) }),
          el('td', { className: 'num', attrs: { 'data-testid': 'keyword-textrank' }, text: formatNumber(k.textrank, 3) }),
          ...MEASURES.map((field) => measureCell(k, field)),
          el('td', { className: 'kw-spread' }, sparkline(k, sectionCount)),
        ),
      );
    }
    tbody.replaceChildren(fragment);
    tabStop([...tbody.children], tbody.querySelector('tr.is-selected') ?? undefined);
    count.textContent = all.length ? t('keywords.shown', { shown: shown.length, total: rows.length }) : '';
    more.hidden = rows.length <= shown.length;
    more.textContent = t('keywords.more', { n: Math.min(PAGE * 2, rows.length - shown.length) });
    empty.hidden = rows.length > 0;
    empty.textContent = !report ? t('keywords.empty') : all.length === 0 ? (noKeywordsNote(state) ?? t('keywords.none')) : t('keywords.noMatch');
    includeSingle.hidden = !(report && whyNoKeywords(report, state.options?.minLength) === 'minLength');
    wrap.hidden = rows.length === 0;
    for (const b of [csvButton, jsonButton, copyButton]) b.disabled = rows.length === 0;
    allButton.disabled = all.length === 0;
    bandNote.hidden = !state.band;
    if (state.band) {
      bandText.textContent = t('keywords.band', { band: bandLabel(state.band) });
      bandClear.textContent = t('keywords.bandClear');
    }
    scrollSelectedIntoWrap();
  }

  /** The D or DP cell of keyword `k`: empty until the dispersion query answers. */
  function measureCell(k, field) {
    const m = measures.get(k.key);
    return el('td', {
      className: 'num kw-measure',
      attrs: { 'data-testid': `keyword-${field}`, 'data-value': m ? (m[field] ?? '') : null },
      text: m ? formatMeasure(m[field]) : '',
    });
  }

  /**
   * Ask the engine for every listed keyword's D and DP (the report's pool, so that any ranking,
   * filter or "show more" finds them), in batches the engine accepts, without positions; the
   * table is drawn already and the two columns fill in when the answer comes. An answer for an
   * older report is dropped.
   */
  async function fetchMeasures() {
    const report = store.get().report;
    measures = new Map();
    const keywords = report?.keywords ?? [];
    if (!keywords.length || !ctx.actions.dispersion) {
      measuresEngine.cancel();
      return;
    }
    const got = await measuresEngine.ask(async () => {
      const found = new Map();
      for (let i = 0; i < keywords.length; i += DISPERSION_BATCH) {
        const batch = keywords.slice(i, i + DISPERSION_BATCH);
        const answer = await ctx.actions.dispersion({ words: batch.map((k) => k.word), positions: false });
        answer.words.forEach((w, j) => found.set(batch[j].key, { juillandD: w.juillandD, dp: w.dp }));
      }
      return found;
    });
    // Stale, or failed: the columns stay empty.
    if (!got || got.error) return;
    measures = got.answer;
    if (MEASURES.includes(sort.key)) {
      drawRows();
      return;
    }
    // Fill the cells in place: the rows, their order and the keyboard focus stay as they are.
    const byKey = new Map(rows.map((k) => [k.key, k]));
    for (const row of tbody.children) {
      const k = byKey.get(row.dataset.key);
      if (!k) continue;
      for (const field of MEASURES) row.querySelector(`[data-testid="keyword-${field}"]`)?.replaceWith(measureCell(k, field));
    }
  }

  /** Only the selection marks change: no redraw of the rows. */
  function drawSelection() {
    const { selected } = store.get();
    if (selected && !tbody.querySelector(`tr[data-key="${CSS.escape(selected)}"]`) && rows.some((k) => k.key === selected)) {
      drawRows();
      return;
    }
    for (const row of tbody.children) {
      const on = row.dataset.key === selected;
      row.classList.toggle('is-selected', on);
      if (on) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    }
    if (!tbody.contains(document.activeElement)) tabStop([...tbody.children], tbody.querySelector('tr.is-selected') ?? undefined);
    scrollSelectedIntoWrap();
  }

  /** Scroll the table's own box (never the page) so the selected row is visible. */
  function scrollSelectedIntoWrap() {
    const row = tbody.querySelector('tr.is-selected');
    if (!row || wrap.scrollHeight <= wrap.clientHeight) return;
    const head = table.tHead.offsetHeight;
    const top = row.offsetTop;
    if (top - head < wrap.scrollTop) wrap.scrollTop = top - head;
    else if (top + row.offsetHeight > wrap.scrollTop + wrap.clientHeight) wrap.scrollTop = top + row.offsetHeight - wrap.clientHeight;
  }

  store.subscribe((state, changed) => {
    if (changed.has('report')) {
      cap = PAGE;
      measures = new Map();
      drawRows();
      fetchMeasures();
    } else if (changed.has('ranking')) {
      sort = { key: state.ranking, dir: 'desc' };
      drawRows();
    } else if (changed.has('display') || changed.has('converted') || changed.has('lang') || changed.has('band')) {
      drawRows();
    } else if (changed.has('selected')) {
      drawSelection();
    }
  });
  drawRows();
  fetchMeasures();
}

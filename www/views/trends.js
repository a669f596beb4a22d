// The trends chart (Voyant's Trends): how often each chosen word is used, part by part (the
// sections, or N equal segments), as lines of its relative frequency per 10,000 words, with the
// numbers in a table beneath for readers who do not read charts. See views/index.js for the
// view contract.
//
// The figures come from the engine (actions.trends, src/query/trends.rs): the parts and, for
// each word, its counts and `relative` (count / words of the part), shown × 10,000. The words
// start as the top 5 keywords by the current ranking; the field changes them.

import { el, svg } from '../lib/dom.js';
import { t, displayWord, formatNumber } from '../lib/i18n.js';
import { serializeSvg, svgToPng, toCsv, round } from '../lib/export.js';
import { button, fillInSlices, latestAnswer, nextTask, noKeywordsNote, parseWords, save, statusLine } from '../lib/widgets.js';
import { rankKeywords } from '../pkg/model.js';

t.register({
  'view.trends': { zh: '趋势', en: 'Trends' },
  'trends.hint': {
    zh: '所选词在各节（或等分段）中的相对频率（每万词出现次数）。',
    en: 'How often the chosen words are used in each section (or equal segment), per 10,000 words.',
  },
  'trends.words': { zh: '词语（用空格分隔）', en: 'Words (separated by spaces)' },
  'trends.apply': { zh: '绘制', en: 'Plot' },
  'trends.parts': { zh: '划分', en: 'Parts' },
  'trends.parts.sections': { zh: '各节', en: 'Sections' },
  'trends.parts.segments': { zh: '等分段', en: 'Equal segments' },
  'trends.segments': { zh: '段数', en: 'Segments' },
  'trends.empty': { zh: '分析文本后，这里显示关键词在全文中的走势。', en: 'Analyze a text to see how its keywords rise and fall along it.' },
  'trends.noWords': { zh: '在上面输入词语。', en: 'Type some words above.' },
  'trends.failed': { zh: '无法计算趋势。', en: 'The trends could not be computed.' },
  'trends.axis': { zh: '每万词', en: 'per 10,000 words' },
  'trends.point': { zh: '{word}，{part}：每万词 {value}（{n} 次）', en: '{word}, {part}: {value} per 10,000 words ({n}×)' },
  'trends.chart': { zh: '{words} 在 {n} 个部分中的相对频率', en: 'Relative frequency of {words} over {n} parts' },
  'trends.table': { zh: '图中的数字（每万词）', en: 'The numbers in the chart (per 10,000 words)' },
  'trends.part': { zh: '部分', en: 'Part' },
  'trends.partWords': { zh: '词数', en: 'Words' },
});

/** Words the chart starts with (the top keywords), and the most it draws. */
const DEFAULT_WORDS = 5;
const MAX_WORDS = 12;
const DEFAULT_SEGMENTS = 10;
/** As src/query/parts.rs MAX_SEGMENTS; the engine refuses more. */
const MAX_SEGMENTS = 1000;
/** Line colours (classes trend-c0 …, in views/trends.css). */
const COLOURS = 8;
/** Chart geometry (CSS pixels). */
const HEIGHT = 240;
const MARGIN = { left: 52, right: 14, top: 10, bottom: 40 };
const LEGEND_ROW = 20;
const PER = 10_000;

/** Ticks for 0 … max: steps of 1, 2 or 5 × a power of ten, about five of them. */
function ticks(max) {
  if (!(max > 0)) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
  const out = [];
  for (let v = 0; v < max + step / 2; v += step) out.push(Number(v.toFixed(10)));
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

/** `title` cut to `room` characters (code points), with an ellipsis when cut. */
function truncate(title, room) {
  const chars = Array.from(title);
  return chars.length > room ? `${chars.slice(0, Math.max(1, room - 1)).join('')}…` : title;
}

export function mount(root, ctx) {
  const { store, actions } = ctx;
  /** The latest answer, { result, report }, or null. */
  let shown = null;
  let failed = false;
  const engine = latestAnswer(store);
  /** The field's value as last filled with the top keywords: it follows the report and the
   * ranking until the reader edits it. */
  let defaults = '';

  const heading = el('h3', { attrs: { id: 'trends-view-heading' } });
  const hint = el('p', { className: 'hint' });
  const fieldLabel = el('label', { attrs: { for: 'trends-words' } });
  const field = el('input', { attrs: { id: 'trends-words', type: 'text', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'trends-words' } });
  const applyButton = el('button', { className: 'kw-button', attrs: { type: 'submit', 'data-testid': 'trends-plot' } });
  const partsLabel = el('span');
  const partsSelect = el('select', { attrs: { 'data-testid': 'trends-parts' }, on: { change: () => { drawControls(); build(); } } });
  const segmentsLabel = el('span');
  const segmentsInput = el('input', {
    attrs: { type: 'number', min: 1, max: MAX_SEGMENTS, step: 1, value: DEFAULT_SEGMENTS, inputmode: 'numeric', 'data-testid': 'trends-segments' },
    on: { change: build },
  });
  const segmentsBox = el('label', { className: 'trends-segments' }, segmentsLabel, segmentsInput);
  const form = el(
    'form',
    { className: 'trends-form', on: { submit: (event) => { event.preventDefault(); build(); } } },
    fieldLabel,
    el('span', { className: 'trends-field' }, field, applyButton),
    el('span', { className: 'trends-choice' }, el('label', {}, partsLabel, partsSelect), segmentsBox),
  );
  const status = statusLine('trends-status');
  const EXPORT = {};
  const svgButton = button('', () => save(status, serializeSvg(chartSvg(), EXPORT), 'wenxi-trends', 'svg', 'image/svg+xml'), { 'data-testid': 'trends-export-svg' });
  const pngButton = button('', async () => {
    try {
      save(status, await svgToPng(chartSvg(), 2, EXPORT), 'wenxi-trends', 'png', 'image/png');
    } catch {
      status.textContent = t('export.failed');
    }
  }, { 'data-testid': 'trends-export-png' });
  const csvButton = button('', exportCsv, { 'data-testid': 'trends-export-csv' });
  const tools = el('div', { className: 'kw-exports trends-exports' }, svgButton, pngButton, csvButton);
  const wrap = el('div', { className: 'trends-wrap', attrs: { 'data-testid': 'trends-chart-box' } });
  const summary = el('summary', {});
  const tableBox = el('div', { className: 'trends-table-wrap' });
  const details = el('details', { className: 'trends-details', attrs: { 'data-testid': 'trends-details' } }, summary, tableBox);
  const empty = el('p', { className: 'trends-empty', attrs: { 'data-testid': 'trends-empty' } });
  root.classList.add('trends-view');
  root.dataset.state = 'empty';
  root.replaceChildren(heading, hint, form, tools, status, wrap, details, empty);

  const chartSvg = () => wrap.querySelector('svg');

  function drawControls() {
    segmentsBox.hidden = partsSelect.value !== 'segments';
  }

  function drawStrings() {
    heading.textContent = t('view.trends');
    hint.textContent = t('trends.hint');
    fieldLabel.textContent = t('trends.words');
    applyButton.textContent = t('trends.apply');
    partsLabel.textContent = t('trends.parts');
    segmentsLabel.textContent = t('trends.segments');
    const mode = partsSelect.value || 'sections';
    partsSelect.replaceChildren(
      el('option', { attrs: { value: 'sections', selected: mode === 'sections' }, text: t('trends.parts.sections') }),
      el('option', { attrs: { value: 'segments', selected: mode === 'segments' }, text: t('trends.parts.segments') }),
    );
    partsSelect.value = mode;
    svgButton.textContent = t('export.svg');
    pngButton.textContent = t('export.png');
    csvButton.textContent = t('export.csv');
    summary.textContent = t('trends.table');
    drawControls();
  }

  /** The top keywords in the field, while the reader has not edited it. */
  function fillDefaults() {
    const { report, ranking } = store.get();
    if (!report || (field.value.trim() !== '' && field.value !== defaults)) return;
    field.value = rankKeywords(report.keywords, ranking, DEFAULT_WORDS).map((k) => k.word).join(' ');
    defaults = field.value;
  }

  function segments() {
    if (partsSelect.value !== 'segments') return null;
    const n = Math.round(Number(segmentsInput.value));
    const clamped = Number.isFinite(n) ? Math.min(MAX_SEGMENTS, Math.max(1, n)) : DEFAULT_SEGMENTS;
    segmentsInput.value = String(clamped);
    return clamped;
  }

  async function build() {
    const state = store.get();
    const words = parseWords(field.value, MAX_WORDS);
    failed = false;
    if (!state.report || typeof state.analyzedText !== 'string' || words.length === 0) {
      engine.cancel();
      shown = null;
      root.dataset.state = 'empty';
      draw();
      return;
    }
    root.dataset.state = 'loading';
    wrap.setAttribute('aria-busy', 'true');
    const got = await engine.ask(() => actions.trends({ words, segments: segments() }));
    if (!got) return;
    if (got.error) {
      [shown, failed] = [null, true];
      root.dataset.state = 'failed';
      draw();
      return;
    }
    shown = { result: got.answer, report: state.report };
    // A novel's chapters make a chart of thousands of points and a table of hundreds of rows:
    // the view is ready once both are drawn, each in tasks of their own.
    if ((await draw()) === null) return;
    root.dataset.state = 'ready';
  }

  /** Draws so far: an older one stops when a newer one starts. */
  let drawing = 0;

  /**
   * The chart, then its table in later tasks; resolves once the last row is in, or to null
   * when a newer draw took over.
   */
  async function draw() {
    const id = ++drawing;
    wrap.removeAttribute('aria-busy');
    const has = shown !== null;
    for (const node of [tools, wrap, details]) node.hidden = !has;
    empty.hidden = has;
    if (!has) {
      wrap.replaceChildren();
      tableBox.replaceChildren();
      const state = store.get();
      empty.textContent = failed ? t('trends.failed') : state.report ? (noKeywordsNote(state) ?? t('trends.noWords')) : t('trends.empty');
      return;
    }
    wrap.replaceChildren(chart(Math.max(300, Math.floor(wrap.clientWidth || root.clientWidth || 600))));
    if ((await addPoints(() => id === drawing)) === null) return null;
    await nextTask();
    if (id !== drawing) return null;
    const { table, body, parts, row } = tableParts();
    tableBox.replaceChildren(table);
    return fillInSlices(body, parts, row, () => id === drawing);
  }

  /** The points of the chart drawn last, a function a series (see `chart`). */
  let points = [];

  /**
   * The chart's points, a series a task (a novel's chapters are hundreds of points a word, each
   * with its tooltip); resolves to null when `current()` turned false meanwhile.
   */
  async function addPoints(current) {
    for (const add of points) {
      await nextTask();
      if (!current()) return null;
      add();
    }
    return true;
  }

  /** The line chart, `width` CSS pixels wide, its points to come (`addPoints`). */
  function chart(width) {
    const state = store.get();
    const { parts, series } = shown.result;
    const words = series.map((s) => displayWord(state, s.word));
    // The legend above the plot: as many entries a line as fit (a Han character ≈ 13 px).
    const entries = [];
    let [lx, ly] = [MARGIN.left, 0];
    words.forEach((word, i) => {
      const w = 28 + 13 * Array.from(word).length;
      if (lx + w > width - MARGIN.right && lx > MARGIN.left) [lx, ly] = [MARGIN.left, ly + LEGEND_ROW];
      entries.push(
        svg(
          'g',
          { class: `trends-legend-item trend-c${i % COLOURS}`, 'data-testid': 'trends-legend-item', transform: `translate(${lx},${ly})` },
          svg('line', { class: 'trend-swatch', x1: 0, x2: 18, y1: 10, y2: 10 }),
          svg('text', { class: 'trends-legend-text', x: 23, y: 14 }, word),
        ),
      );
      lx += w;
    });
    // Under the legend, the y axis's unit, then the plot.
    const top = ly + LEGEND_ROW + 14 + MARGIN.top;
    const height = top + HEIGHT + MARGIN.bottom;
    const plotWidth = width - MARGIN.left - MARGIN.right;
    const values = series.map((s) => s.relative.map((r) => r * PER));
    const yTicks = ticks(Math.max(0, ...values.flat()));
    const yMax = yTicks[yTicks.length - 1];
    const xOf = (i) => MARGIN.left + ((i + 0.5) * plotWidth) / parts.length;
    const yOf = (v) => top + HEIGHT - (HEIGHT * v) / yMax;

    const grid = yTicks.map((v) =>
      svg(
        'g',
        { class: 'trends-tick' },
        svg('line', { class: 'trends-grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: yOf(v).toFixed(2), y2: yOf(v).toFixed(2) }),
        svg('text', { class: 'trends-tick-text', x: MARGIN.left - 6, y: (yOf(v) + 4).toFixed(2), 'text-anchor': 'end' }, formatNumber(v)),
      ),
    );
    // Part labels: every k-th, so that they do not overlap; each cut to its room.
    const every = Math.max(1, Math.ceil(parts.length / Math.max(1, Math.floor(plotWidth / 56))));
    const room = Math.max(2, Math.floor(((plotWidth / parts.length) * every - 6) / 12));
    const xLabels = parts.flatMap((p, i) =>
      i % every
        ? []
        : [svg('text', { class: 'trends-tick-text', 'data-testid': 'trends-x-label', x: xOf(i).toFixed(2), y: top + HEIGHT + 18, 'text-anchor': 'middle' }, truncate(p.title, room), svg('title', {}, p.title))],
    );
    // Each series' line now, its points (a circle and a tooltip a part) by `addPoints`.
    points = [];
    const lines = series.map((s, i) => {
      const line = values[i].map((v, k) => `${xOf(k).toFixed(2)},${yOf(v).toFixed(2)}`).join(' ');
      const group = svg(
        'g',
        { class: `trends-series trend-c${i % COLOURS}`, 'data-testid': 'trends-series', 'data-word': s.word },
        svg('polyline', { class: 'trend-line', 'data-testid': 'trends-line', points: line }),
      );
      points.push(() =>
        group.append(
          ...values[i].map((v, k) =>
            svg(
              'circle',
              { class: 'trend-point', 'data-testid': 'trends-point', 'data-value': s.relative[k], cx: xOf(k).toFixed(2), cy: yOf(v).toFixed(2), r: 3 },
              svg('title', {}, t('trends.point', { word: words[i], part: parts[k].title, value: formatNumber(v, 2), n: formatNumber(s.counts[k]) })),
            ),
          ),
        ),
      );
      return group;
    });
    return svg(
      'svg',
      {
        class: 'trends-svg',
        'data-testid': 'trends-svg',
        viewBox: `0 0 ${width} ${height}`,
        width,
        height,
        role: 'img',
        'aria-label': t('trends.chart', { words: words.join('、'), n: formatNumber(parts.length) }),
      },
      svg('g', { class: 'trends-legend' }, ...entries),
      ...grid,
      svg('line', { class: 'trends-axis', x1: MARGIN.left, x2: MARGIN.left, y1: top, y2: top + HEIGHT }),
      svg('line', { class: 'trends-axis', x1: MARGIN.left, x2: width - MARGIN.right, y1: top + HEIGHT, y2: top + HEIGHT }),
      svg('text', { class: 'trends-tick-text', x: 4, y: top - 10 }, t('trends.axis')),
      ...xLabels,
      ...lines,
    );
  }

  /**
   * The chart's numbers: a row per part, a column per word (per 10,000 words). The table with
   * its head, its empty body, and `row(part, k)` to fill the body with.
   */
  function tableParts() {
    const state = store.get();
    const { parts, series } = shown.result;
    const body = el('tbody', {});
    const table = el(
      'table',
      { className: 'trends-table', attrs: { 'data-testid': 'trends-table' } },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { attrs: { scope: 'col' }, text: t('trends.part') }),
          el('th', { className: 'num', attrs: { scope: 'col' }, text: t('trends.partWords') }),
          ...series.map((s) => el('th', { className: 'num', attrs: { scope: 'col' }, text: displayWord(state, s.word) })),
        ),
      ),
      body,
    );
    const row = (p, k) =>
      el(
        'tr',
        { attrs: { 'data-testid': 'trends-row' } },
        el('th', { attrs: { scope: 'row' }, text: p.title }),
        el('td', { className: 'num', text: formatNumber(p.words) }),
        ...series.map((s) =>
          el('td', { className: 'num', attrs: { 'data-testid': 'trends-cell', 'data-word': s.word, 'data-value': s.relative[k] }, text: formatNumber(s.relative[k] * PER, 2) }),
        ),
      );
    return { table, body, parts, row };
  }

  /** The numbers as CSV: a line per part, each word's count and rate per 10,000 words. */
  function exportCsv() {
    if (!shown) return;
    const { parts, series } = shown.result;
    const columns = [
      { header: 'part', value: (p) => p.title },
      { header: 'start', value: (p) => p.start },
      { header: 'end', value: (p) => p.end },
      { header: 'words', value: (p) => p.words },
      ...series.flatMap((s) => [
        { header: `${s.word} count`, value: (_, k) => s.counts[k] },
        { header: `${s.word} per 10000`, value: (_, k) => round(s.relative[k] * PER) },
      ]),
    ];
    save(status, toCsv(parts, columns), 'wenxi-trends', 'csv', 'text/csv;charset=utf-8');
  }

  let drawnWidth = 0;
  new ResizeObserver(() => {
    const width = wrap.clientWidth;
    if (shown && root.dataset.state === 'ready' && width && width !== drawnWidth) {
      drawnWidth = width;
      const id = ++drawing;
      wrap.replaceChildren(chart(Math.max(300, width)));
      addPoints(() => id === drawing);
    }
  }).observe(wrap);

  store.subscribe((state, changed) => {
    if (changed.has('lang')) drawStrings();
    if (changed.has('report') || changed.has('ranking')) fillDefaults();
    if (changed.has('report') || changed.has('analyzedText') || (changed.has('ranking') && field.value === defaults)) build();
    else if ((changed.has('lang') || changed.has('display') || changed.has('converted')) && root.dataset.state !== 'loading') draw();
  });
  drawStrings();
  fillDefaults();
  build();
}

// The keyword charts: a bar chart of the top words and a word cloud, both ordered and sized by
// `state.ranking`, both selecting a word on click (or Enter) and marking `state.selected`
// (and the words of a level band chosen in the Vocabulary view, `state.band`).
//
// The cloud's layout is d3-cloud (Jason Davies, BSD-3-Clause), copied by scripts/build.sh from
// node_modules into www/vendor/d3-cloud/ with its licence, driven by lib/cloud-layout.js. Both
// are classic scripts: they run in the page's layout worker (lib/off-thread.js, with an
// OffscreenCanvas to measure glyphs) so that placing a hundred words never blocks the page, or,
// in a browser without OffscreenCanvas, on the page. The layout only places words; the words
// are drawn here as SVG <text> with textContent.

import { el, svg } from '../lib/dom.js';
import { layOutCloud } from '../lib/off-thread.js';
import { t, formatNumber, displayWord } from '../lib/i18n.js';
import { serializeSvg, svgToPng } from '../lib/export.js';
import { button, noKeywordsNote, roving, save, statusLine, tabStop } from '../lib/widgets.js';
import { inBand } from '../lib/levels.js';
import { rankKeywords, rankValue } from '../pkg/model.js';

t.register({
  'view.charts': { zh: '图表', en: 'Charts' },
  'charts.bars': { zh: '前 {n} 个关键词', en: 'Top {n} keywords' },
  'charts.bars.desc': {
    zh: '条形图，按{ranking}排列。选择一个词，在所有视图中选中它。',
    en: 'Bar chart by {ranking}. Choose a word to select it in every view.',
  },
  'charts.topN': { zh: '显示个数', en: 'Words shown' },
  'charts.cloud': { zh: '词云', en: 'Word cloud' },
  'charts.cloud.desc': {
    zh: '词云，字号表示{ranking}。最大的词：{words}。',
    en: 'Word cloud; the size shows {ranking}. Largest words: {words}.',
  },
  'charts.cloud.count': { zh: '词云显示 {shown} / {total} 个词', en: 'The cloud shows {shown} of {total} words' },
  'charts.cloud.loading': { zh: '正在排布词云…', en: 'Laying out the cloud…' },
  'charts.cloud.failed': { zh: '词云组件没有加载（请运行 scripts/build.sh）。', en: 'The word cloud library did not load (run scripts/build.sh).' },
  'charts.empty': { zh: '分析文本后，这里显示图表。', en: 'Analyze a text to see the charts.' },
  'charts.ranking.count': { zh: '频次', en: 'frequency' },
  'charts.ranking.weight': { zh: 'TF-IDF', en: 'TF-IDF' },
  'charts.ranking.textrank': { zh: 'TextRank', en: 'TextRank' },
});

/** The page's font stack: the cloud measures with it and draws with it (they must agree). */
const FONT = 'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';
/** Longest slice of word-cloud layout between frames (ms): d3-cloud's default is all at once. */
const CLOUD_SLICE_MS = 12;

/**
 * The classes that show the selection on screen (every other bar and word fades): exports draw
 * the whole chart without them, whatever is selected.
 */
const EXPORT = Object.freeze({ without: ['has-selection', 'is-selected'] });

/** Words offered to the cloud; the layout drops those that do not fit. */
const CLOUD_WORDS = 80;

const formatValue = (v, ranking) => (ranking === 'count' ? formatNumber(v) : formatNumber(v, 3));

export function mount(root, ctx) {
  const { store } = ctx;
  root.classList.add('ch-view');

  const heading = el('h2', { className: 'kw-heading' });
  const status = statusLine('charts-status');
  const empty = el('p', { className: 'kw-empty', attrs: { 'data-testid': 'charts-empty' } });

  // Bar chart.
  let topN = 20;
  const barsHeading = el('h3', { className: 'ch-heading', attrs: { id: 'ch-bars-heading' } });
  const topLabel = el('label', { attrs: { for: 'ch-topn' } });
  const topSelect = el('select', { attrs: { id: 'ch-topn', 'data-testid': 'bars-topn' }, on: { change: () => { topN = Number(topSelect.value); drawBars(); } } },
    ...[10, 20, 30, 50].map((n) => el('option', { text: n, attrs: { value: n, selected: n === topN } })));
  const barsSvgButton = button('', () => save(status, serializeSvg(barsBox.querySelector('svg'), EXPORT), 'wenxi-bar-chart', 'svg', 'image/svg+xml'), { 'data-testid': 'bars-export-svg' });
  const barsPngButton = button('', () => savePng(barsBox.querySelector('svg'), 'wenxi-bar-chart'), { 'data-testid': 'bars-export-png' });
  const barsBox = el('div', { className: 'ch-box', attrs: { 'data-testid': 'bar-chart' } });
  const barsFigure = el('figure', { className: 'ch-figure' },
    el('div', { className: 'ch-figure-head' }, barsHeading,
      el('div', { className: 'ch-controls' }, el('span', { className: 'ch-topn' }, topLabel, topSelect), barsSvgButton, barsPngButton)),
    barsBox);

  // Word cloud.
  const cloudHeading = el('h3', { className: 'ch-heading', attrs: { id: 'ch-cloud-heading' } });
  const cloudSvgButton = button('', () => save(status, serializeSvg(cloudBox.querySelector('svg'), EXPORT), 'wenxi-word-cloud', 'svg', 'image/svg+xml'), { 'data-testid': 'cloud-export-svg' });
  const cloudPngButton = button('', () => savePng(cloudBox.querySelector('svg'), 'wenxi-word-cloud'), { 'data-testid': 'cloud-export-png' });
  const cloudBox = el('div', { className: 'ch-box ch-cloud-box', attrs: { 'data-testid': 'word-cloud', 'data-state': 'empty' } });
  const cloudNote = el('p', { className: 'kw-count', attrs: { 'data-testid': 'cloud-count' } });
  const cloudFigure = el('figure', { className: 'ch-figure' },
    el('div', { className: 'ch-figure-head' }, cloudHeading, el('div', { className: 'ch-controls' }, cloudSvgButton, cloudPngButton)),
    cloudBox, cloudNote);

  root.replaceChildren(heading, status, empty, barsFigure, cloudFigure);

  async function savePng(svgElement, base) {
    try {
      save(status, await svgToPng(svgElement, 2, EXPORT), base, 'png', 'image/png');
    } catch {
      status.textContent = t('export.failed');
    }
  }

  const selectItem = (item) => {
    tabStop([...item.ownerSVGElement.querySelectorAll('[data-key]')], item);
    item.focus();
    store.set({ selected: item.dataset.key });
  };
  for (const box of [barsBox, cloudBox]) {
    box.addEventListener('click', (event) => {
      const item = event.target.closest('[data-key]');
      if (item) selectItem(item);
    });
    roving(box, '[data-key]', selectItem);
  }

  // The charts' width: the view's content width as the ResizeObserver below last reported it
  // (the boxes fill it), never read from the layout here. Reading clientWidth instead forces a
  // synchronous layout whenever another view has just changed the page: 31 ms when the text
  // view had just laid out an 8.9 MB text, inside one long task. A view not shown yet (width
  // 0) draws at a guess, and again at its width when the observer reports it.
  let contentWidth = 0;
  const width = () => Math.max(280, Math.floor(contentWidth || 600));

  function drawChrome() {
    heading.textContent = t('view.charts');
    topLabel.textContent = t('charts.topN');
    cloudHeading.textContent = t('charts.cloud');
    for (const b of [barsSvgButton, cloudSvgButton]) b.textContent = t('export.svg');
    for (const b of [barsPngButton, cloudPngButton]) b.textContent = t('export.png');
    const state = store.get();
    const report = state.report;
    // No report yet, or one without a single keyword (and why).
    empty.textContent = noKeywordsNote(state) ?? t('charts.empty');
    empty.hidden = Boolean(report?.keywords.length);
    barsFigure.hidden = cloudFigure.hidden = !empty.hidden;
  }

  function drawBars() {
    drawChrome();
    const state = store.get();
    const { ranking } = state;
    const words = rankKeywords(state.report?.keywords ?? [], ranking, topN);
    barsHeading.textContent = t('charts.bars', { n: words.length });
    if (words.length === 0) {
      barsBox.replaceChildren();
      return;
    }
    const W = width();
    const rowH = 26;
    const fontSize = 14;
    // Han characters are about 1em wide, Latin letters about 0.6em.
    const textWidth = (s) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? fontSize : fontSize * 0.62), 0);
    const labels = words.map((k) => displayWord(state, k));
    const labelW = Math.min(W * 0.4, Math.max(...labels.map(textWidth)) + 12);
    const valueW = ranking === 'count' ? 48 : 56;
    const barMax = Math.max(20, W - labelW - valueW - 8);
    const max = Math.max(...words.map((k) => rankValue(k, ranking))) || 1;
    const H = words.length * rowH + 4;
    const rankingName = t(`charts.ranking.${ranking}`);
    const items = words.map((k, i) => {
      const v = rankValue(k, ranking);
      const y = i * rowH + 2;
      const len = Math.max(1, (v / max) * barMax);
      const selected = k.key === state.selected;
      return svg('g', {
        class: `ch-bar${selected ? ' is-selected' : ''}`,
        'data-key': k.key,
        'data-testid': 'bar',
        role: 'button',
        tabindex: -1,
        'aria-pressed': String(selected),
        'aria-label': `${labels[i]}: ${formatValue(v, ranking)}`,
      },
      svg('rect', { class: 'ch-hit', x: 0, y, width: W, height: rowH }),
      svg('text', { class: 'ch-label', x: labelW - 6, y: y + rowH / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': fontSize }, labels[i]),
      svg('rect', { class: 'ch-fill', x: labelW, y: y + 4, width: len.toFixed(1), height: rowH - 8, rx: 2 }),
      svg('text', { class: 'ch-value', x: labelW + len + 4, y: y + rowH / 2, 'dominant-baseline': 'central', 'font-size': 12 }, formatValue(v, ranking)));
    });
    const chart = svg('svg', {
      class: `ch-svg ch-bars${state.selected ? ' has-selection' : ''}`,
      viewBox: `0 0 ${W} ${H}`, width: W, height: H,
      role: 'group', 'aria-labelledby': 'ch-bars-title', 'aria-describedby': 'ch-bars-desc',
      'font-family': FONT,
    },
    svg('title', { id: 'ch-bars-title' }, t('charts.bars', { n: words.length })),
    svg('desc', { id: 'ch-bars-desc' }, t('charts.bars.desc', { ranking: rankingName })),
    ...items);
    barsBox.replaceChildren(chart);
    tabStop(items, items.find((g) => g.classList.contains('is-selected')));
    if (state.band) drawSelection();
  }

  let cloudRun = 0;

  async function drawCloud() {
    const run = ++cloudRun;
    const state = store.get();
    const { ranking } = state;
    const words = rankKeywords(state.report?.keywords ?? [], ranking, CLOUD_WORDS);
    cloudNote.textContent = '';
    if (words.length === 0) {
      cloudBox.replaceChildren();
      cloudBox.dataset.state = 'empty';
      return;
    }
    cloudBox.dataset.state = 'loading';
    // A cloud already shown stays until its successor is laid out (no flash of a message when
    // the words are only shown in another script, say).
    if (!cloudBox.querySelector('svg')) {
      cloudBox.replaceChildren(el('p', { className: 'kw-count', text: t('charts.cloud.loading') }));
    }
    const W = width();
    const H = Math.round(Math.min(440, Math.max(260, W * 0.62)));
    const values = words.map((k) => rankValue(k, ranking));
    const max = Math.max(...values);
    const min = Math.min(...values);
    // Square root: area, not height, is what the eye compares.
    const relative = values.map((v) => (max === min ? 0.5 : Math.sqrt((v - min) / (max - min))));
    // Scale the sizes so the words cover about a third of the cloud (a few words are drawn
    // large, many words smaller), the largest no taller than a third of the cloud; shrink and
    // lay out again while more than a tenth of the words do not fit.
    const glyphs = words.map((k) => [...displayWord(state, k)].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 1 : 0.6), 0));
    const area = (scale) => relative.reduce((sum, r, i) => sum + glyphs[i] * (12 + r * scale) ** 2 * 1.2, 0);
    let scale = Math.min(H / 3, 120);
    while (scale > 8 && area(scale) > W * H * 0.34) scale *= 0.92;
    let placed = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const input = words.map((k, i) => ({ text: displayWord(state, k), key: k.key, value: values[i], size: 12 + relative[i] * scale, index: i }));
      const request = { size: [W, H], words: input, seed: words.length * 7919 + attempt, font: FONT, sliceMs: CLOUD_SLICE_MS };
      try {
        placed = await layOutCloud(request);
      } catch {
        if (run !== cloudRun) return;
        cloudBox.replaceChildren(el('p', { className: 'kw-empty', text: t('charts.cloud.failed') }));
        cloudBox.dataset.state = 'failed';
        return;
      }
      if (run !== cloudRun || placed === null) return;
      if (placed.length >= words.length * 0.9) break;
      scale *= 0.8;
    }
    if (run !== cloudRun) return;
    const fresh = store.get();
    const rankingName = t(`charts.ranking.${ranking}`);
    const items = placed.map((d) => {
      const selected = d.key === fresh.selected;
      return svg('text', {
        class: `ch-word ch-c${d.index % 5}${selected ? ' is-selected' : ''}`,
        'data-key': d.key,
        'data-testid': 'cloud-word',
        role: 'button',
        tabindex: -1,
        'aria-pressed': String(selected),
        'aria-label': `${d.text}: ${formatValue(d.value, ranking)}`,
        'text-anchor': 'middle',
        transform: `translate(${d.x},${d.y})`,
        'font-size': Math.round(d.size),
        'font-weight': d.weight,
      }, d.text);
    });
    const largest = placed.slice(0, 5).map((d) => d.text).join('、');
    const chart = svg('svg', {
      class: `ch-svg ch-cloud${fresh.selected ? ' has-selection' : ''}`,
      viewBox: `0 0 ${W} ${H}`, width: W, height: H,
      role: 'group', 'aria-labelledby': 'ch-cloud-title', 'aria-describedby': 'ch-cloud-desc',
      'font-family': FONT,
    },
    svg('title', { id: 'ch-cloud-title' }, t('charts.cloud')),
    svg('desc', { id: 'ch-cloud-desc' }, t('charts.cloud.desc', { ranking: rankingName, words: largest })),
    svg('g', { transform: `translate(${W / 2},${H / 2})` }, ...items));
    cloudBox.replaceChildren(chart);
    tabStop(items, items.find((x) => x.classList.contains('is-selected')));
    if (store.get().band) drawSelection();
    cloudNote.textContent = t('charts.cloud.count', { shown: placed.length, total: words.length });
    cloudBox.dataset.state = 'ready';
    cloudBox.dataset.ranking = ranking;
  }

  /** Only the selection marks change: the selected word, or the words of the selected band. */
  function drawSelection() {
    const state = store.get();
    const { selected, band } = state;
    for (const chart of root.querySelectorAll('svg.ch-svg')) {
      chart.classList.toggle('has-selection', Boolean(selected || band));
      const items = [...chart.querySelectorAll('[data-key]')];
      for (const item of items) {
        const on = item.dataset.key === selected;
        item.classList.toggle('is-selected', on);
        item.classList.toggle('in-band', inBand(state, item.dataset.key));
        item.setAttribute('aria-pressed', String(on));
      }
      if (!chart.contains(document.activeElement)) tabStop(items, items.find((x) => x.classList.contains('is-selected')));
    }
  }

  function drawAll() {
    drawBars();
    drawCloud();
  }

  // Redraw at the new width when the view is resized (a phone turned, a sidebar opened).
  let lastWidth = 0;
  let resizeTimer = 0;
  new ResizeObserver((entries) => {
    contentWidth = entries[entries.length - 1].contentRect.width;
    const w = root.clientWidth;
    if (Math.abs(w - lastWidth) < 24) return;
    lastWidth = w;
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => store.get().report && drawAll(), 150);
  }).observe(root);

  store.subscribe((state, changed) => {
    if (changed.has('report') || changed.has('ranking') || changed.has('display') || changed.has('converted')) drawAll();
    else if (changed.has('lang')) drawAll();
    else if (changed.has('selected') || changed.has('band')) drawSelection();
  });
  lastWidth = root.clientWidth;
  drawAll();
}

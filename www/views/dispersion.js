// The dispersion plot (AntConc's Plot): for each chosen word, a strip standing for the whole
// text with a thin mark at every occurrence, the parts (sections, or equal segments) marked by
// vertical lines across the strips, and the word's count, Juilland's D and Gries' DP beside it.
// Choosing a mark shows that occurrence in the text. See views/index.js for the view contract.
//
// The figures come from the engine (actions.dispersion, src/query/dispersion.rs): the parts,
// each word's occurrences as UTF-16 ranges of the user's text, and the measures. A strip's
// scale is the analysed text's length in UTF-16 units, the unit of those ranges. The field
// starts with the word selected anywhere on the page (state.selected); several words, one
// strip each.

import { el, svg } from '../lib/dom.js';
import { t, displayWord, formatNumber } from '../lib/i18n.js';
import { serializeSvg, svgToPng, toCsv } from '../lib/export.js';
import { button, focusItem, formatMeasure, latestAnswer, nextTask, noKeywordsNote, parseWords, roving, save, statusLine } from '../lib/widgets.js';
import { findKeyword } from '../pkg/model.js';

t.register({
  'view.dispersion': { zh: '离散图', en: 'Dispersion' },
  'disp.hint': {
    zh: '每一条代表全文，每一道竖线是词的一处出现，虚线是各节（或等分段）的分界。点击竖线，或用方向键在各处之间移动、按回车，在原文中显示它。',
    en: 'Each strip stands for the whole text, each tick is one occurrence of the word, dashed lines divide the sections (or equal segments). Choose a tick, or move between them with the arrow keys and press Enter, to show it in the text.',
  },
  'disp.words': { zh: '词语（可填多个，用空格分隔）', en: 'Words (several, separated by spaces)' },
  'disp.plot': { zh: '绘制', en: 'Plot' },
  'disp.empty': { zh: '选一个关键词，或在上面输入词语，在这里查看它在全文中的位置。', en: 'Select a keyword, or type words above, to see where they occur in the text.' },
  'disp.failed': { zh: '无法计算分布。', en: 'The dispersion could not be computed.' },
  'disp.count': { zh: '{n} 次', en: '{n}×' },
  'disp.missing': { zh: '文中没有', en: 'not in the text' },
  'disp.strip': { zh: '「{word}」在全文中的 {n} 处', en: '{n} occurrences of “{word}” along the text' },
  'disp.mark': { zh: '「{word}」第 {i} / {n} 处，{part}', en: '“{word}”, occurrence {i} of {n}, {part}' },
  'disp.parts': { zh: '分界：{n} 个部分（{kind}）', en: 'Divided into {n} parts ({kind})' },
  'disp.parts.sections': { zh: '按节', en: 'sections' },
  'disp.parts.segments': { zh: '等分段，文中没有标题', en: 'equal segments: the text has no headings' },
  'disp.exportCsv': { zh: '导出位置 CSV', en: 'Export positions CSV' },
});

/** Words (strips) one plot shows at most. */
const MAX_WORDS = 20;
/** Occurrence marks drawn in one task (each is an SVG rect with its accessible name). */
const MARKS_AT_ONCE = 500;
/** Strip geometry (CSS pixels): the label line above it, the strip, the gap below. */
const LABEL = 22;
const STRIP = 30;
const GAP = 14;
const PAD = 8;
/** Room under the strips for the parts' titles. */
const AXIS = 22;
/** The classes that mark a passing state on screen; exports are drawn without them. */
const EXPORT = Object.freeze({ without: ['is-current'] });

export function mount(root, ctx) {
  const { store, actions } = ctx;
  /** The latest answer: { result, length, report }, or null. */
  let shown = null;
  let failed = false;
  const engine = latestAnswer(store);
  /** The field's value as last filled from the selection: a field still holding it follows the
   * selection; one the reader has edited gets a newly selected word added instead. */
  let prefilled = '';

  const heading = el('h3', { attrs: { id: 'disp-view-heading' } });
  const hint = el('p', { className: 'hint' });
  const about = el('p', { className: 'hint disp-about', attrs: { 'data-testid': 'disp-about' } });
  const fieldLabel = el('label', { attrs: { for: 'disp-words' } });
  const field = el('input', { attrs: { id: 'disp-words', type: 'text', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'disp-words' } });
  const plotButton = el('button', { className: 'kw-button', attrs: { type: 'submit', 'data-testid': 'disp-plot' } });
  const form = el('form', { className: 'disp-form', on: { submit: (event) => { event.preventDefault(); build(); } } }, fieldLabel, el('span', { className: 'disp-field' }, field, plotButton));
  const status = statusLine('disp-status');
  const svgButton = button('', () => save(status, serializeSvg(plot(), EXPORT), 'wenxi-dispersion', 'svg', 'image/svg+xml'), { 'data-testid': 'disp-export-svg' });
  const pngButton = button('', async () => {
    try {
      save(status, await svgToPng(plot(), 2, EXPORT), 'wenxi-dispersion', 'png', 'image/png');
    } catch {
      status.textContent = t('export.failed');
    }
  }, { 'data-testid': 'disp-export-png' });
  const csvButton = button('', exportCsv, { 'data-testid': 'disp-export-csv' });
  const partsNote = el('p', { className: 'disp-parts', attrs: { 'data-testid': 'disp-parts' } });
  const tools = el('div', { className: 'disp-tools' }, partsNote, el('div', { className: 'kw-exports' }, svgButton, pngButton, csvButton));
  const wrap = el('div', { className: 'disp-wrap', attrs: { 'data-testid': 'disp-plot-box' } });
  const empty = el('p', { className: 'disp-empty', attrs: { 'data-testid': 'disp-empty' } });
  root.classList.add('disp-view');
  root.dataset.state = 'empty';
  root.replaceChildren(heading, hint, form, about, tools, status, wrap, empty);

  const plot = () => wrap.querySelector('svg');

  function drawStrings() {
    heading.textContent = t('view.dispersion');
    hint.textContent = t('disp.hint');
    about.textContent = `${t('measure.d.about')} ${t('measure.dp.about')}`;
    fieldLabel.textContent = t('disp.words');
    plotButton.textContent = t('disp.plot');
    svgButton.textContent = t('export.svg');
    pngButton.textContent = t('export.png');
    csvButton.textContent = t('disp.exportCsv');
  }

  /** Put the selected keyword in the field: as its content while the reader has not edited
   * it, else added to what they typed. */
  function followSelection() {
    const keyword = findKeyword(store.get().report, store.get().selected);
    if (!keyword) return;
    if (field.value.trim() === '' || field.value === prefilled) {
      field.value = keyword.word;
      prefilled = field.value;
    } else if (!parseWords(field.value).includes(keyword.word)) {
      field.value = `${field.value.trim()} ${keyword.word}`;
    }
  }

  /** Ask the engine about the field's words; draw the answer when it comes. */
  async function build() {
    const state = store.get();
    const text = typeof state.analyzedText === 'string' ? state.analyzedText : '';
    const words = parseWords(field.value, MAX_WORDS);
    failed = false;
    if (!state.report || !text || words.length === 0) {
      engine.cancel();
      shown = null;
      root.dataset.state = 'empty';
      draw();
      return;
    }
    root.dataset.state = 'loading';
    wrap.setAttribute('aria-busy', 'true');
    // Dropped when stale: a newer request, or a newer analysis (whose text the positions are
    // not of).
    const got = await engine.ask(() => actions.dispersion({ words, positions: true }));
    if (!got) return;
    if (got.error) {
      [shown, failed] = [null, true];
      root.dataset.state = 'failed';
      draw();
      return;
    }
    shown = { result: got.answer, length: text.length, report: state.report };
    // Ready once every mark is in (they come in slices).
    if ((await draw()) === null) return;
    root.dataset.state = 'ready';
  }

  /** The plot, or the note; resolves once its marks are in (null if a newer draw took over). */
  function draw() {
    const id = ++drawing;
    wrap.removeAttribute('aria-busy');
    const has = shown !== null;
    empty.hidden = has;
    tools.hidden = !has;
    about.hidden = !has;
    wrap.hidden = !has;
    if (!has) {
      wrap.replaceChildren();
      empty.textContent = failed ? t('disp.failed') : (noKeywordsNote(store.get()) ?? t('disp.empty'));
      return;
    }
    const { result } = shown;
    // The parts are the sections when they are the report's sections, else equal segments.
    const { sections } = shown.report;
    const headed = sections.length === result.parts.length && sections.every((s, i) => s.start === result.parts[i].start);
    partsNote.textContent = t('disp.parts', { n: formatNumber(result.parts.length), kind: t(headed ? 'disp.parts.sections' : 'disp.parts.segments') });
    wrap.replaceChildren(chart(Math.max(280, Math.floor(wrap.clientWidth || root.clientWidth || 600))));
    return addMarks(id);
  }

  /** The marks of the plot drawn last, still to add (functions, in order; see `addMarks`). */
  let pendingMarks = [];
  /** Draws so far: an older one stops adding its marks when a newer one starts. */
  let drawing = 0;

  /**
   * The plot's marks, MARKS_AT_ONCE a task, so that thousands of occurrences never make one
   * long task; resolves to null when a newer draw took over.
   */
  async function addMarks(id) {
    for (const add of pendingMarks) {
      await nextTask();
      if (id !== drawing) return null;
      add();
    }
    return true;
  }

  /** The plot, `width` CSS pixels wide, without its marks (`addMarks` adds them). */
  function chart(width) {
    const state = store.get();
    const { result, length } = shown;
    const inner = width - 2 * PAD;
    const xOf = (offset) => PAD + (inner * offset) / Math.max(1, length);
    const rowTop = (i) => i * (LABEL + STRIP + GAP);
    const height = rowTop(result.words.length) - GAP + AXIS;
    // The part an offset is in: the last that starts at or before it (parts are in text order).
    const partOf = (offset) => {
      let [lo, hi] = [0, result.parts.length - 1];
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (result.parts[mid].start <= offset) lo = mid;
        else hi = mid - 1;
      }
      return result.parts[lo];
    };
    const rows = [];
    const marks = [];
    pendingMarks = [];
    result.words.forEach((w, i) => {
      const top = rowTop(i);
      const word = displayWord(state, w.word);
      const label = svg(
        'text',
        { class: 'disp-label', x: PAD, y: top + LABEL - 7 },
        svg('tspan', { class: 'disp-word', 'data-testid': 'disp-word' }, word),
        svg('tspan', { dx: 10, 'data-testid': 'disp-count', 'data-value': w.count }, w.count ? t('disp.count', { n: formatNumber(w.count) }) : t('disp.missing')),
        svg('tspan', { dx: 10, class: 'disp-measure', 'data-testid': 'disp-d', 'data-value': w.juillandD ?? '' }, `D ${formatMeasure(w.juillandD)}`),
        svg('tspan', { dx: 10, class: 'disp-measure', 'data-testid': 'disp-dp', 'data-value': w.dp ?? '' }, `DP ${formatMeasure(w.dp)}`),
        svg('title', {}, `${t('measure.d.about')} ${t('measure.dp.about')}`),
      );
      rows.push(
        svg(
          'g',
          { class: 'disp-row', 'data-testid': 'disp-row', 'data-word': w.word },
          label,
          svg('rect', { class: 'disp-strip', 'data-row': i, x: PAD, y: top + LABEL, width: inner, height: STRIP }),
        ),
      );
      const n = w.positions.length;
      const tick = ([start, end], k) =>
        svg('rect', {
          class: 'disp-mark',
          'data-testid': 'disp-mark',
          'data-start': start,
          'data-end': end,
          x: (xOf(start) - 0.75).toFixed(2),
          y: top + LABEL + 3,
          width: 1.5,
          height: STRIP - 6,
          tabindex: -1,
          role: 'button',
          'aria-label': t('disp.mark', { word, i: formatNumber(k + 1), n: formatNumber(n), part: partOf(start).title }),
        });
      const group = svg('g', { class: 'disp-marks', 'data-row': i, role: 'group', 'aria-label': t('disp.strip', { word, n: formatNumber(n) }) });
      roving(group, '.disp-mark', reveal);
      // A word of a novel occurs thousands of times: its marks come MARKS_AT_ONCE a task.
      for (let from = 0; from < n; from += MARKS_AT_ONCE) {
        const slice = w.positions.slice(from, from + MARKS_AT_ONCE);
        pendingMarks.push(() => {
          const ticks = slice.map((p, k) => tick(p, from + k));
          if (from === 0) ticks[0].tabIndex = 0;
          group.append(...ticks);
        });
      }
      marks.push(group);
    });
    const bottom = rowTop(result.words.length) - GAP;
    const boundaries = result.parts.slice(1).map((p) =>
      svg(
        'line',
        { class: 'disp-boundary', 'data-testid': 'disp-boundary', x1: xOf(p.start).toFixed(2), x2: xOf(p.start).toFixed(2), y1: LABEL - 4, y2: bottom + 4 },
        svg('title', {}, p.title),
      ),
    );
    // The parts' titles under the strips, where a part is wide enough for a few characters.
    const titles = [];
    for (const p of result.parts) {
      const room = Math.floor((xOf(p.end) - xOf(p.start) - 4) / 12);
      if (room < 2) continue;
      const chars = Array.from(p.title);
      const title = chars.length > room ? `${chars.slice(0, room - 1).join('')}…` : p.title;
      titles.push(svg('text', { class: 'disp-part', x: (xOf(p.start) + 2).toFixed(2), y: bottom + AXIS - 6 }, title));
    }
    return svg(
      'svg',
      {
        class: 'disp-svg',
        'data-testid': 'disp-svg',
        viewBox: `0 0 ${width} ${height}`,
        width,
        height,
        role: 'group',
        'aria-labelledby': 'disp-view-heading',
      },
      ...rows,
      svg('g', { class: 'disp-boundaries', 'aria-hidden': 'true' }, ...boundaries),
      svg('g', { class: 'disp-parts-axis', 'aria-hidden': 'true' }, ...titles),
      ...marks,
    );
  }

  /** Show an occurrence (a mark) in the text, and keep the keyboard on it. */
  function reveal(mark) {
    const group = mark.parentNode;
    for (const other of plot()?.querySelectorAll('.disp-mark.is-current') ?? []) other.classList.remove('is-current');
    mark.classList.add('is-current');
    focusItem([...group.querySelectorAll('.disp-mark')], mark);
    actions.reveal(Number(mark.dataset.start), Number(mark.dataset.end));
  }

  // A click on a strip shows the occurrence nearest to it: a tick is a pixel or two wide.
  wrap.addEventListener('click', (event) => {
    const svgElement = plot();
    if (!svgElement) return;
    const mark = event.target.closest?.('.disp-mark');
    if (mark) return reveal(mark);
    const strip = event.target.closest?.('.disp-strip');
    if (!strip) return;
    const ticks = [...svgElement.querySelectorAll(`.disp-marks[data-row="${strip.dataset.row}"] .disp-mark`)];
    if (!ticks.length) return;
    const x = event.clientX - svgElement.getBoundingClientRect().left;
    const nearest = ticks.reduce((best, tick) => (Math.abs(Number(tick.getAttribute('x')) - x) < Math.abs(Number(best.getAttribute('x')) - x) ? tick : best));
    reveal(nearest);
  });

  /** Every occurrence shown, one line each: the word, its number, its offsets, its part. */
  function exportCsv() {
    if (!shown) return;
    const { result } = shown;
    const partOf = (start) => result.parts.findLast((p) => p.start <= start) ?? result.parts[0];
    const rows = result.words.flatMap((w) => w.positions.map(([start, end], i) => ({ word: w.word, i, start, end, part: partOf(start).title })));
    const columns = [
      { header: 'word', value: (r) => r.word },
      { header: 'n', value: (r) => r.i + 1 },
      { header: 'start', value: (r) => r.start },
      { header: 'end', value: (r) => r.end },
      { header: 'part', value: (r) => r.part },
    ];
    save(status, toCsv(rows, columns), 'wenxi-dispersion', 'csv', 'text/csv;charset=utf-8');
  }

  // The strips are as wide as the view: drawn again when its width changes.
  let drawnWidth = 0;
  new ResizeObserver(() => {
    const width = wrap.clientWidth;
    if (shown && root.dataset.state === 'ready' && width && width !== drawnWidth) {
      drawnWidth = width;
      draw();
    }
  }).observe(wrap);

  store.subscribe((state, changed) => {
    if (changed.has('lang')) drawStrings();
    if (changed.has('selected') || changed.has('report')) followSelection();
    if (changed.has('report') || changed.has('analyzedText') || changed.has('selected')) build();
    else if ((changed.has('lang') || changed.has('display') || changed.has('converted')) && root.dataset.state !== 'loading') draw();
  });
  drawStrings();
  followSelection();
  build();
}

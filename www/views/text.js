// The text view: the analysed text as the user wrote it, with the selected keyword marked at
// every occurrence (previous / next), headings shown as headings, and the range other views
// ask for (state.reveal) scrolled into view. With tokens in the report, choosing words joins
// or splits them in the dictionary. The segmented text (each line's words separated by spaces,
// as `wenxi --tokens` prints it) can be exported from here. See views/index.js for the view
// contract.
//
// A novel is 2–3 MB, so the text is cut into chunks (the sections, long ones cut again at a
// line break) that are filled a few at a time between frames, and laid out only when near the
// viewport (CSS content-visibility), so neither drawing nor a new selection freezes the page.
// Every piece of the text goes in as a text node; the offsets of the report (UTF-16) index
// state.analyzedText, and each text node remembers where in it it starts.
//
// HSK levels (lib/levels.js): the reader may colour the words by level and mark the words
// they do not know (by state.reader, the Vocabulary view's known words and level). Both are
// CSS custom highlights over the engine's level marks, set for the chunks near the viewport
// only (a novel has a million graded words), so the text's nodes stay as they are. A level
// band selected in the Vocabulary view (state.band) is shown like a selected word: its places
// marked, previous / next stepping through them.

import { caretAt, el } from '../lib/dom.js';
import { t, displayWord, formatNumber } from '../lib/i18n.js';
import { findKeyword } from '../pkg/model.js';
import { button, save, statusLine } from '../lib/widgets.js';
import { bandLabel, bandPlaces } from '../lib/levels.js';
import { levelShading } from './text-levels.js';

t.register({
  'view.text': { zh: '原文', en: 'Text' },
  'text.empty': { zh: '分析后在这里显示原文。', en: 'The text appears here after an analysis.' },
  'text.region': { zh: '原文', en: 'The text' },
  'text.previous': { zh: '上一处', en: 'Previous' },
  'text.next': { zh: '下一处', en: 'Next' },
  'text.counter': { zh: '第 {i} / {n} 处', en: '{i} of {n}' },
  'text.counterNone': { zh: '共 {n} 处', en: '{n} occurrences' },
  'text.noSelection': { zh: '在关键词表、分布图或语境中选一个词，它在原文中的每一处都会标出。', en: 'Select a keyword (in the table, the heatmap or the outline) to mark every occurrence.' },
  'text.selected': { zh: '「{word}」', en: '“{word}”' },
  'text.clear': { zh: '取消选择', en: 'Clear' },
  'text.tokensHint': {
    zh: '点击一个词可把它拆开；再点击相邻的词（或按住 Shift 点击）可把几个词合并为一个。',
    en: 'Click a word to split it; click an adjacent word too (or Shift-click) to join them into one.',
  },
  'text.picked': { zh: '已选：{words}', en: 'Chosen: {words}' },
  'text.split': { zh: '拆分「{word}」', en: 'Split “{word}”' },
  'text.join': { zh: '合并为「{word}」', en: 'Join into “{word}”' },
  'text.cancelPick': { zh: '取消', en: 'Cancel' },
  'text.joining': { zh: '已把「{word}」加入词典，正在重新分析……', en: 'Added “{word}” to the dictionary; analysing again…' },
  'text.splitting': { zh: '已把「{word}」从词典中拆开，正在重新分析……', en: 'Split “{word}” in the dictionary; analysing again…' },
  'text.exportSegmented': { zh: '导出分词文本', en: 'Export the segmented text' },
  'text.exportSegmentedHint': {
    zh: '每行原文一行，词与词之间用空格隔开（与命令行 --tokens 相同）。',
    en: 'One line per line of the text, its words separated by spaces (as the command line’s --tokens writes it).',
  },
});

/** Chunk length in UTF-16 units: filling one takes a millisecond or two. */
const CHUNK = 12_000;
/** Time a filling slice may take before yielding to the browser (ms). */
const SLICE_MS = 8;
/** Texts up to this length are filled at once (no visible filling-in for articles). */
const EAGER = 120_000;
/** Tokens a join may span. */
const MAX_JOIN = 6;
/** Token kinds that are words (that can be joined or split). */
const WORD_KINDS = new Set(['han', 'latin', 'number']);

// ---------------------------------------------------------------------------------------------
// Pure helpers.

/** The first index in sorted `items` whose `key(item)` is > `value` (upper bound). */
function upperBound(items, value, key) {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Chunks that tile `text`: one per section, a section longer than CHUNK cut at line breaks
 * (or, in a text without any, anywhere outside a surrogate pair).
 */
export function makeChunks(text, sections) {
  const ranges = sections.length ? sections.map((s, i) => [s.start, s.end, i]) : [[0, text.length, -1]];
  const chunks = [];
  for (const [start, end, section] of ranges) {
    let a = start;
    while (a < end) {
      let b = Math.min(end, a + CHUNK);
      if (b < end) {
        const nl = text.indexOf('\n', b);
        if (nl !== -1 && nl + 1 < end && nl - a < 2 * CHUNK) b = nl + 1;
        else if (nl === -1 || nl + 1 >= end) b = end - a < 2 * CHUNK ? end : b;
        const code = text.charCodeAt(b - 1);
        if (b < end && code >= 0xd800 && code <= 0xdbff) b++;
      }
      chunks.push({ start: a, end: b, section, filled: false, node: null });
      a = b;
    }
  }
  return chunks;
}

// ---------------------------------------------------------------------------------------------
// The view.

export function mount(root, ctx) {
  const { store, actions } = ctx;
  const highlights = typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function' ? CSS.highlights : null;

  const heading = el('h3', { attrs: { id: 'text-view-heading' } });
  const selectedLabel = el('span', { className: 'textview-selected', attrs: { 'data-testid': 'text-selected' } });
  const clearButton = el('button', { className: 'textview-button', attrs: { type: 'button', 'data-testid': 'text-clear' }, on: { click: () => store.set({ selected: null, band: null }) } });
  const prevButton = el('button', { className: 'textview-button', attrs: { type: 'button', 'data-testid': 'text-prev' }, on: { click: () => step(-1) } });
  const nextButton = el('button', { className: 'textview-button', attrs: { type: 'button', 'data-testid': 'text-next' }, on: { click: () => step(1) } });
  const counter = el('span', { className: 'textview-counter', attrs: { 'data-testid': 'text-counter', 'aria-live': 'polite' } });
  const noSelection = el('p', { className: 'hint textview-noselection' });
  const nav = el('div', { className: 'textview-nav' }, selectedLabel, prevButton, counter, nextButton, clearButton);

  const tokensHint = el('p', { className: 'hint textview-tokens-hint' });
  const pickText = el('span', { className: 'textview-picked', attrs: { 'data-testid': 'text-picked' } });
  const splitButton = el('button', { className: 'textview-button', attrs: { type: 'button', 'data-testid': 'text-split' }, on: { click: doSplit } });
  const joinButton = el('button', { className: 'textview-button primary-ish', attrs: { type: 'button', 'data-testid': 'text-join' }, on: { click: doJoin } });
  const cancelPick = el('button', { className: 'textview-button', attrs: { type: 'button', 'data-testid': 'text-pick-cancel' }, on: { click: () => setPick(null) } });
  const pickBar = el('div', { className: 'textview-pickbar', attrs: { role: 'group', 'data-testid': 'text-pickbar' } }, pickText, joinButton, splitButton, cancelPick);
  const note = el('p', { className: 'textview-note', attrs: { role: 'status', 'data-testid': 'text-note' } });

  const exportStatus = statusLine('text-export-status');
  const exportButton = button('', exportSegmented, { 'data-testid': 'text-export-segmented' });
  const tools = el('div', { className: 'textview-tools' }, exportButton, exportStatus);

  const body = el('div', {
    className: 'textview-body',
    attrs: { role: 'region', tabindex: '0', 'aria-labelledby': 'text-view-heading', 'data-testid': 'text-body' },
  });
  const empty = el('p', { className: 'textview-empty' });
  root.classList.add('text-view');
  root.replaceChildren(heading, tools, nav, noSelection, tokensHint, pickBar, note, body, empty);

  /** The analysed text's words line by line, from the engine, saved as a .txt file. */
  async function exportSegmented() {
    exportButton.disabled = true;
    try {
      save(exportStatus, await actions.segmentedText(), 'wenxi-segmented', 'txt', 'text/plain;charset=utf-8');
    } catch {
      exportStatus.textContent = t('export.failed');
    } finally {
      exportButton.disabled = false;
    }
  }

  // Per analysis.
  let text = '';
  let report = null;
  let chunks = [];
  let starts = [];
  /** text node → its UTF-16 offset in `text` */
  let bases = new WeakMap();
  let queue = [];
  let pumping = 0;
  // The HSK level highlights and the marks a selected band's places come from.
  const levels = levelShading({
    store,
    actions,
    root,
    body,
    highlights,
    chunks: () => chunks,
    length: () => text.length,
    baseOf: (node) => bases.get(node),
    analysed: () => report,
    onMarks: () => {
      if (store.get().band) onSelected();
    },
  });
  tools.append(...levels.controls);
  // Per selection.
  let keyword = null;
  let current = -1;
  // Join / split.
  let pick = null;
  let lastReveal = store.get().reveal?.seq ?? 0;

  function drawStrings() {
    heading.textContent = t('view.text');
    prevButton.textContent = t('text.previous');
    nextButton.textContent = t('text.next');
    clearButton.textContent = t('text.clear');
    noSelection.textContent = t('text.noSelection');
    tokensHint.textContent = t('text.tokensHint');
    cancelPick.textContent = t('text.cancelPick');
    empty.textContent = t('text.empty');
    exportButton.textContent = t('text.exportSegmented');
    exportButton.title = t('text.exportSegmentedHint');
    levels.drawStrings();
    body.setAttribute('aria-label', t('text.region'));
    drawSelection();
    drawPick();
  }

  // -- Building and filling chunks -------------------------------------------------------------

  function build() {
    const state = store.get();
    const keepScroll = report && state.analyzedText === text ? body.scrollTop : 0;
    clearTimeout(pumping);
    pumping = 0;
    report = state.report;
    text = report && typeof state.analyzedText === 'string' ? state.analyzedText : '';
    keyword = selectedKeyword();
    current = -1;
    pick = null;
    bases = new WeakMap();
    highlights?.delete('wenxi-reveal');
    highlights?.delete('wenxi-pick');
    levels.reset();
    const has = Boolean(report) && text.length > 0;
    empty.hidden = has;
    body.hidden = !has;
    nav.hidden = !has;
    tools.hidden = !has;
    tokensHint.hidden = !(has && report.tokens);
    if (!has) {
      chunks = [];
      starts = [];
      body.replaceChildren();
      drawSelection();
      drawPick();
      root.dataset.state = 'empty';
      return;
    }
    chunks = makeChunks(text, report.sections);
    starts = chunks.map((c) => c.start);
    const estimate = lineEstimator();
    const fragment = document.createDocumentFragment();
    for (const chunk of chunks) {
      chunk.node = el('div', { className: 'textview-chunk', attrs: { 'data-start': chunk.start, 'data-end': chunk.end } });
      // The laid-out size of a chunk not yet drawn; 'auto' remembers the real one once drawn.
      chunk.node.style.containIntrinsicSize = `auto ${estimate(chunk)}px`;
      chunk.ranges = null;
      fragment.append(chunk.node);
    }
    body.replaceChildren(fragment);
    queue = chunks.map((_, i) => i);
    if (text.length <= EAGER) drain(Infinity);
    else {
      // The first screenful at once, the rest between frames.
      drain(SLICE_MS);
      schedule();
    }
    body.scrollTop = keepScroll;
    drawSelection();
    drawPick();
    levels.fetch();
  }

  // The body's width and font metrics as last laid out, kept by a ResizeObserver: reading them
  // in build() would force a synchronous layout of whatever the other views have just changed
  // (35 ms after an 8.9 MB analysis, inside one long task).
  let metrics = null;
  const readMetrics = () => {
    const style = getComputedStyle(body);
    const fontSize = parseFloat(style.fontSize) || 16;
    return { fontSize, lineHeight: parseFloat(style.lineHeight) || fontSize * 1.8, width: body.clientWidth };
  };
  new ResizeObserver(() => {
    if (!body.hidden) metrics = readMetrics();
  }).observe(body);

  /** Height in px a chunk will roughly take: its lines at the body's width and line height. */
  function lineEstimator() {
    // Before the body was first laid out (the first report), a guess from the window is good
    // enough for an estimate that is replaced by the real height as each chunk is drawn.
    const { fontSize, lineHeight, width } = metrics?.width ? metrics : { fontSize: 16, lineHeight: 28.8, width: Math.min(window.innerWidth, 1100) * 0.6 };
    const perLine = Math.max(8, Math.floor((width || 600) / fontSize));
    return (chunk) => {
      let lines = 0;
      let from = chunk.start;
      while (from < chunk.end) {
        let nl = text.indexOf('\n', from);
        if (nl === -1 || nl >= chunk.end) nl = chunk.end;
        lines += Math.max(1, Math.ceil((nl - from) / perLine));
        from = nl + 1;
      }
      return Math.max(lineHeight, Math.round(lines * lineHeight));
    };
  }

  /** Fill queued chunks for up to `budget` ms. */
  function drain(budget) {
    const until = performance.now() + budget;
    while (queue.length && performance.now() < until) {
      const i = queue.shift();
      if (!chunks[i].filled) fill(i);
    }
    root.dataset.state = queue.length ? 'filling' : 'ready';
  }

  function schedule() {
    if (pumping || !queue.length) return;
    pumping = setTimeout(() => {
      pumping = 0;
      drain(SLICE_MS);
      schedule();
    }, 0);
  }

  /** Draw chunk i: text nodes, headings, and the selected keyword's occurrences as <mark>s. */
  function fill(i) {
    const chunk = chunks[i];
    const section = report.sections[chunk.section];
    const fragment = document.createDocumentFragment();
    let at = chunk.start;
    if (section?.heading && chunk.start === section.start) {
      // The heading is the section's first non-blank line.
      let hs = chunk.start;
      while (hs < chunk.end && /\s/.test(text[hs])) hs++;
      let he = text.indexOf('\n', hs);
      if (he === -1 || he > chunk.end) he = chunk.end;
      // An occurrence that starts in the heading ends in it too.
      const occ = keyword?.occurrences ?? [];
      for (let k = upperBound(occ, hs - 1, (o) => o[0]); k < occ.length && occ[k][0] < he; k++) he = Math.max(he, Math.min(occ[k][1], chunk.end));
      if (he > hs) {
        appendText(fragment, at, hs);
        const level = Math.min(6, 3 + Math.max(1, section.level));
        const h = el('span', { className: `textview-heading level-${Math.min(section.level, 6)}`, attrs: { role: 'heading', 'aria-level': level } });
        appendText(h, hs, he);
        fragment.append(h);
        at = he;
      }
    }
    appendText(fragment, at, chunk.end);
    chunk.node.replaceChildren(fragment);
    chunk.filled = true;
    // The old ranges pointed into the nodes just replaced.
    levels.refilled(i);
  }

  /** Append text[a, b) to `parent`, with the selected keyword's occurrences in it as <mark>s. */
  function appendText(parent, a, b) {
    const occ = keyword?.occurrences ?? [];
    let k = upperBound(occ, a - 1, (o) => o[0]);
    let at = a;
    for (; k < occ.length && occ[k][0] < b; k++) {
      const [s, e] = occ[k];
      if (s > at) parent.append(textNode(at, s));
      const mark = el('mark', { className: k === current ? 'textview-mark is-current' : 'textview-mark', attrs: { 'data-occ': k } });
      mark.append(textNode(s, Math.min(e, b)));
      parent.append(mark);
      at = Math.min(e, b);
    }
    if (at < b) parent.append(textNode(at, b));
  }

  function textNode(a, b) {
    const node = document.createTextNode(text.slice(a, b));
    bases.set(node, a);
    return node;
  }

  /** The index of the chunk that holds offset `at`. */
  function chunkAt(at) {
    return Math.max(0, upperBound(starts, at, (s) => s) - 1);
  }

  function ensureFilled(i) {
    if (chunks[i] && !chunks[i].filled) fill(i);
  }

  /** A DOM Range over text[a, b) (the chunks it touches are drawn first). */
  function rangeFor(a, b) {
    const first = chunkAt(a);
    const last = chunkAt(Math.max(a, b - 1));
    for (let i = first; i <= last; i++) ensureFilled(i);
    const startPoint = pointAt(first, a, false);
    const endPoint = pointAt(last, b, true);
    if (!startPoint || !endPoint) return null;
    const range = document.createRange();
    range.setStart(startPoint[0], startPoint[1]);
    range.setEnd(endPoint[0], endPoint[1]);
    return range;
  }

  /** [textNode, offset] for offset `at` in chunk i; `atEnd` prefers the node that ends there. */
  function pointAt(i, at, atEnd) {
    const walker = document.createTreeWalker(chunks[i].node, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const base = bases.get(node);
      const end = base + node.data.length;
      if (at >= base && (atEnd ? at <= end : at < end)) return [node, at - base];
      last = [node, node.data.length];
    }
    return last;
  }

  // -- Scrolling -------------------------------------------------------------------------------

  /** Scroll the body so that `range` sits near the top (or the centre); corrected as chunks above lay out. */
  function scrollToRange(range, where = 'top') {
    if (!range) return;
    const place = () => {
      const rect = range.getBoundingClientRect();
      const box = body.getBoundingClientRect();
      const offset = where === 'center' ? (body.clientHeight - rect.height) / 2 : body.clientHeight * 0.1;
      body.scrollTop += rect.top - box.top - offset;
    };
    root.scrollIntoView?.({ block: 'nearest' });
    place();
    // Chunks drawn above as they come into view change their height from the estimate.
    requestAnimationFrame(() => {
      place();
      requestAnimationFrame(place);
    });
  }

  function onReveal() {
    const reveal = store.get().reveal;
    if (!reveal || reveal.seq === lastReveal) return;
    lastReveal = reveal.seq;
    if (!chunks.length) return;
    let { start, end } = reveal;
    start = Math.max(0, Math.min(start, text.length));
    end = Math.max(start, Math.min(end, text.length));
    // Show where the text begins, not the blank lines before it.
    while (start < end && /\s/.test(text[start])) start++;
    const range = rangeFor(start, Math.max(start, end));
    if (!range) return;
    if (highlights) highlights.set('wenxi-reveal', new Highlight(range.cloneRange()));
    scrollToRange(range, 'top');
    root.dataset.revealed = `${reveal.start}-${reveal.end}`;
  }

  // -- The selected keyword --------------------------------------------------------------------

  /** The selected keyword, or the selected band's places as one (once the marks are here). */
  function selectedKeyword() {
    const { selected, report, band } = store.get();
    const marks = levels.marks();
    if (band) return marks ? { band, word: bandLabel(band), occurrences: bandPlaces(marks, band.level) } : null;
    return findKeyword(report, selected);
  }

  function onSelected() {
    if (store.get().band && !levels.marks()) levels.fetch();
    const old = keyword;
    keyword = selectedKeyword();
    current = -1;
    if (!chunks.length) return drawSelection();
    // Redraw only the chunks that hold an old or a new mark.
    const touched = new Set();
    for (const k of [old, keyword]) for (const [s] of k?.occurrences ?? []) touched.add(chunkAt(s));
    const list = [...touched].sort((a, b) => a - b);
    for (const i of list) chunks[i].filled = false;
    let size = 0;
    for (const i of list) size += chunks[i].end - chunks[i].start;
    if (size <= EAGER) list.forEach((i) => fill(i));
    else {
      queue = [...list, ...queue.filter((i) => !touched.has(i))];
      drain(SLICE_MS);
      schedule();
    }
    if (!queue.length) root.dataset.state = 'ready';
    drawSelection();
  }

  function drawSelection() {
    const state = store.get();
    const n = keyword?.occurrences.length ?? 0;
    noSelection.hidden = Boolean(keyword) || !chunks.length;
    selectedLabel.textContent = !keyword ? '' : keyword.band ? keyword.word : t('text.selected', { word: displayWord(state, keyword) });
    for (const node of [selectedLabel, prevButton, nextButton, counter, clearButton]) node.hidden = !keyword;
    prevButton.disabled = n === 0;
    nextButton.disabled = n === 0;
    counter.textContent = !keyword ? '' : current < 0 ? t('text.counterNone', { n: formatNumber(n) }) : t('text.counter', { i: formatNumber(current + 1), n: formatNumber(n) });
  }

  /** Go to the next (+1) or previous (-1) occurrence, cycling; scroll to it and focus it. */
  function step(direction) {
    const n = keyword?.occurrences.length ?? 0;
    if (!n) return;
    current = current < 0 ? (direction > 0 ? 0 : n - 1) : (current + direction + n) % n;
    const [s] = keyword.occurrences[current];
    const i = chunkAt(s);
    ensureFilled(i);
    for (const old of body.querySelectorAll('mark.is-current')) {
      old.classList.remove('is-current');
      old.removeAttribute('tabindex');
    }
    const mark = chunks[i].node.querySelector(`mark[data-occ="${current}"]`);
    if (mark) {
      mark.classList.add('is-current');
      mark.setAttribute('tabindex', '-1');
      const range = document.createRange();
      range.selectNodeContents(mark);
      scrollToRange(range, 'center');
      mark.focus({ preventScroll: true });
    }
    drawSelection();
  }

  // -- Joining and splitting words -------------------------------------------------------------

  /** The index of the token at offset `at`, or -1 (whitespace and annotations are no token). */
  function tokenAt(at) {
    const tokens = report?.tokens;
    if (!tokens) return -1;
    const i = upperBound(tokens, at, (tk) => tk.start) - 1;
    return i >= 0 && at < tokens[i].end ? i : -1;
  }

  /** The text offset under the pointer, or -1: the character whose box holds the point. */
  function offsetAtPoint(x, y) {
    const { node, offset } = caretAt(x, y);
    if (!node || !bases.has(node)) return -1;
    const at = bases.get(node) + offset;
    // The caret falls between characters: take the one (before or after) whose box holds the point.
    for (const candidate of [at, at - 1]) {
      const local = candidate - bases.get(node);
      if (local < 0 || local >= node.data.length) continue;
      const range = document.createRange();
      range.setStart(node, local);
      range.setEnd(node, local + 1);
      const rect = range.getBoundingClientRect();
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return candidate;
    }
    return -1;
  }

  body.addEventListener('click', (event) => {
    if (!report?.tokens) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const at = offsetAtPoint(event.clientX, event.clientY);
    const i = at < 0 ? -1 : tokenAt(at);
    if (i < 0 || !WORD_KINDS.has(report.tokens[i].kind)) return setPick(null);
    if (!pick) return setPick([i, i]);
    const single = pick[0] === pick[1];
    if (single && i === pick[0]) return setPick(null);
    const adjacent = single && (i === pick[0] - 1 || i === pick[1] + 1);
    if (event.shiftKey || adjacent) {
      const first = Math.min(pick[0], i);
      const last = Math.max(pick[1], i);
      const tokens = report.tokens.slice(first, last + 1);
      // Only words directly next to each other: no space, punctuation or line break between.
      const joinable = last - first < MAX_JOIN && tokens.every((tk, n) => WORD_KINDS.has(tk.kind) && (n === 0 || tokens[n - 1].end === tk.start || gapIsAnnotation(tokens[n - 1].end, tk.start)));
      if (joinable) return setPick([first, last]);
    }
    setPick([i, i]);
  });

  // Shift-click extends the choice of words, not the browser's text selection.
  body.addEventListener('mousedown', (event) => {
    if (event.shiftKey && report?.tokens) event.preventDefault();
  });

  /** Whether text[a, b) between two tokens is only an inline annotation (no token covers it). */
  function gapIsAnnotation(a, b) {
    return b - a <= 32 && /^(?:[(（][^()（）\s]{1,8}[)）])+$/.test(text.slice(a, b));
  }

  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && pick) {
      event.preventDefault();
      setPick(null);
    }
  });

  function setPick(value) {
    pick = value;
    if (highlights) {
      if (pick) {
        const tokens = report.tokens;
        const range = rangeFor(tokens[pick[0]].start, tokens[pick[1]].end);
        if (range) highlights.set('wenxi-pick', new Highlight(range));
      } else highlights.delete('wenxi-pick');
    }
    drawPick();
  }

  const pickedWords = () => (pick ? report.tokens.slice(pick[0], pick[1] + 1).map((tk) => tk.word) : []);

  function drawPick() {
    pickBar.hidden = !pick;
    if (!pick) return;
    const words = pickedWords();
    pickText.textContent = t('text.picked', { words: words.join(' + ') });
    const single = words.length === 1;
    joinButton.hidden = single;
    joinButton.textContent = t('text.join', { word: words.join('') });
    // A one-character word cannot be split further.
    splitButton.hidden = !single || [...words[0]].length < 2;
    splitButton.textContent = t('text.split', { word: words[0] });
  }

  function doJoin() {
    const word = pickedWords().join('');
    if (!word) return;
    setPick(null);
    note.textContent = t('text.joining', { word });
    actions.addWords([word]);
  }

  function doSplit() {
    const [word] = pickedWords();
    if (!word) return;
    setPick(null);
    note.textContent = t('text.splitting', { word });
    actions.removeWords([word]);
  }

  // -- Wiring ----------------------------------------------------------------------------------

  store.subscribe((state, changed) => {
    if (changed.has('lang')) drawStrings();
    if (changed.has('report') || changed.has('analyzedText')) {
      if (changed.has('report')) note.textContent = '';
      build();
    } else {
      if (changed.has('selected') || changed.has('band')) onSelected();
      if (changed.has('reader')) levels.readerChanged();
      if (changed.has('display') || changed.has('converted')) drawSelection();
    }
    if (changed.has('reveal')) onReveal();
  });
  drawStrings();
  build();
}

// The text view's HSK levels (views/text.js): the words coloured by level and the words the
// reader does not know marked, each a CSS custom highlight over the engine's level marks
// (lib/levels.js), so the text's nodes stay as the text view drew them. A novel has a million
// graded words, so ranges are made only for the chunks near the viewport (an
// IntersectionObserver on the text view's chunks), once per filling of a chunk; a chunk drawn
// again (a new selection's marks) has its old ranges taken out first. The marks also give a
// selected level band's places (state.band), which the text view shows as a selection.

import { el } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { load, save } from '../lib/saved.js';
import { BEYOND, KNOWN, levelMarksOf, levelName } from '../lib/levels.js';

t.register({
  'text.colourLevels': { zh: '按 HSK 等级给词上色', en: 'Colour words by HSK level' },
  'text.markUnknown': { zh: '标出生词', en: 'Mark the words I don’t know' },
  'text.markUnknownHint': {
    zh: '生词：不在“我认识的词”中、且高于“我的水平”的词（在“HSK 词汇”视图中设定）；未设定时为超纲词。',
    en: 'Words not in your known words and above your level (set in the Vocabulary view); without either, the words beyond the HSK lists.',
  },
  'text.levelsFailed': { zh: '无法取得 HSK 等级。', en: 'The HSK levels could not be had.' },
});

/** The highlight of each level's words, by the mark's level code (1–7, and 8 beyond). */
const LEVEL_HIGHLIGHTS = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, BEYOND].map((l) => [l, `wenxi-level-${l}`]));
const UNKNOWN_HIGHLIGHT = 'wenxi-unknown';

/**
 * The level highlights of one text view. `view` gives what the text view owns: `store`,
 * `actions`, its `root` and scrolling `body`, `highlights` (CSS.highlights, or null where the
 * browser has none), and as functions its current `chunks`, the offset `baseOf(textNode)` of
 * a text node it drew, the report it `analysed`, and `onMarks()` to call when new marks came.
 */
export function levelShading(view) {
  const { store, actions, root, body, highlights } = view;
  // The reader's choices, kept in this browser.
  const shown = { colour: false, unknown: false, ...load('textLevels', {}) };
  const toggle = (name, testid) => {
    const input = el('input', { attrs: { type: 'checkbox', 'data-testid': testid }, on: { change: () => set({ [name]: input.checked }) } });
    const label = el('label', { className: 'textview-toggle' }, input, el('span', {}));
    return { input, label };
  };
  const colour = toggle('colour', 'text-colour-levels');
  const unknown = toggle('unknown', 'text-mark-unknown');
  const legend = el('span', { className: 'textview-legend', attrs: { 'data-testid': 'text-level-legend', 'aria-hidden': 'true' } });
  const status = el('span', { className: 'hint', attrs: { role: 'status', 'data-testid': 'text-levels-status' } });

  /** The marks (LevelMarks with the reader they are for), or null. */
  let marks = null;
  /** The chunks near the viewport, by index. */
  const near = new Set();
  const observer = new IntersectionObserver(onNear, { root: body, rootMargin: '50% 0px' });

  /** Whether the marks are needed: a highlight is on, or a band is selected. */
  const wanted = () => shown.colour || shown.unknown || Boolean(store.get().band);
  const shading = () => Boolean(highlights) && (shown.colour || shown.unknown);

  function set(patch) {
    Object.assign(shown, patch);
    save('textLevels', { colour: shown.colour, unknown: shown.unknown });
    redraw();
  }

  /** Ask for the marks of this report and reader when they are wanted and not at hand. */
  async function fetch() {
    drawChrome();
    const { report, reader } = store.get();
    if (!wanted() || !view.chunks().length || marks?.reader === reader) return;
    root.dataset.levels = 'loading';
    try {
      const got = await levelMarksOf(store, actions);
      const now = store.get();
      if (now.report !== report || now.reader !== reader || view.analysed() !== report) return;
      marks = { ...got, reader };
      status.textContent = '';
      redraw();
      view.onMarks();
      root.dataset.levels = 'ready';
    } catch {
      if (store.get().report !== report) return;
      status.textContent = t('text.levelsFailed');
      root.dataset.levels = 'failed';
    }
  }

  /** The highlights again from the marks, for the chunks near the viewport. */
  function redraw() {
    clear();
    for (const chunk of view.chunks()) chunk.ranges = null;
    drawChrome();
    if (marks?.reader !== store.get().reader) {
      fetch();
      return;
    }
    for (const i of near) shade(i);
    // How many times the highlights were set: tests can tell a new state from the last.
    root.dataset.levelsDrawn = String(Number(root.dataset.levelsDrawn ?? 0) + 1);
  }

  function drawChrome() {
    colour.input.checked = shown.colour;
    unknown.input.checked = shown.unknown;
    legend.hidden = !shown.colour;
    // Without the Highlight API (older browsers) the text cannot be coloured.
    for (const node of [colour.label, unknown.label]) node.hidden = !highlights;
  }

  function clear() {
    if (!highlights) return;
    for (const name of Object.values(LEVEL_HIGHLIGHTS)) highlights.delete(name);
    highlights.delete(UNKNOWN_HIGHLIGHT);
  }

  /** The highlight named `name`, made and registered when first needed. */
  function highlight(name) {
    let h = highlights.get(name);
    if (!h) {
      h = new Highlight();
      highlights.set(name, h);
    }
    return h;
  }

  function onNear(entries) {
    for (const entry of entries) {
      const i = Number(entry.target.dataset.chunk);
      if (entry.isIntersecting) {
        near.add(i);
        shade(i);
      } else near.delete(i);
    }
  }

  /** Add chunk i's graded words to the level and unknown highlights (once per filling). */
  function shade(i) {
    const chunk = view.chunks()[i];
    if (!chunk?.filled || chunk.ranges || !marks || !shading()) return;
    const spans = marks.spans;
    // The first span that ends after the chunk starts (spans are in text order).
    let lo = 0;
    let hi = spans.length / 3;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid * 3 + 1] <= chunk.start) lo = mid + 1;
      else hi = mid;
    }
    const ranges = [];
    const walker = document.createTreeWalker(chunk.node, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    // [text node, offset] of UTF-16 offset `at`, walking forward only (spans rise); `atEnd`
    // takes the node that ends at `at`.
    const point = (at, atEnd) => {
      while (node) {
        const base = view.baseOf(node);
        const end = base + node.data.length;
        if (atEnd ? at <= end : at < end) return [node, Math.max(0, at - base)];
        node = walker.nextNode();
      }
      return null;
    };
    for (let k = lo * 3; k < spans.length && spans[k] < chunk.end; k += 3) {
      const isUnknown = !(spans[k + 2] & KNOWN);
      if (!shown.colour && !(shown.unknown && isUnknown)) continue;
      const a = point(Math.max(spans[k], chunk.start), false);
      // The end may lie in a later node (a word across a keyword mark's edge).
      const b = a && point(Math.min(spans[k + 1], chunk.end), true);
      if (!b) break;
      const range = new StaticRange({ startContainer: a[0], startOffset: a[1], endContainer: b[0], endOffset: b[1] });
      const names = [];
      if (shown.colour) names.push(LEVEL_HIGHLIGHTS[spans[k + 2] & 15]);
      if (shown.unknown && isUnknown) names.push(UNKNOWN_HIGHLIGHT);
      for (const name of names) {
        highlight(name).add(range);
        ranges.push([name, range]);
      }
    }
    chunk.ranges = ranges;
  }

  drawChrome();
  return {
    /** The toggles, the legend and the status line, for the text view's toolbar. */
    controls: [colour.label, unknown.label, legend, status],
    drawStrings() {
      colour.label.lastChild.textContent = t('text.colourLevels');
      unknown.label.lastChild.textContent = t('text.markUnknown');
      unknown.label.title = t('text.markUnknownHint');
      legend.replaceChildren(...[1, 2, 3, 4, 5, 6, 7, null].map((l) => el('span', { className: `textview-lv lv-${l ?? BEYOND}`, text: levelName(l) })));
    },
    /** A new analysis: no marks, no highlights, no chunks observed. */
    reset() {
      marks = null;
      clear();
      observer.disconnect();
      near.clear();
    },
    /** Watch a new chunk's node (its `data-chunk` is its index). */
    observe(node) {
      observer.observe(node);
    },
    /** Chunk i was drawn (again): its old ranges pointed into the nodes it replaced. */
    refilled(i) {
      const chunk = view.chunks()[i];
      if (chunk.ranges && highlights) for (const [name, range] of chunk.ranges) highlights.get(name)?.delete(range);
      chunk.ranges = null;
      if (near.has(i)) shade(i);
    },
    fetch,
    /** The reader's known words or level changed: the marks' known flags did too. */
    readerChanged() {
      if (wanted()) redraw();
    },
    /** The marks at hand (LevelMarks), or null. */
    marks: () => marks,
  };
}

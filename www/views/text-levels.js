// The text view's HSK levels (views/text.js): the words coloured by level and the words the
// reader does not know marked, each a CSS custom highlight over the engine's level marks
// (lib/levels.js), so the text's nodes stay as the text view drew them. A novel has a million
// graded words, so ranges are held only for the text on screen and a few screens around it,
// shaded afresh as the reader scrolls near the window's edge: Chromium checks every range of
// every highlight again whenever one changes, and styles each (with a whole chunk's words
// shaded, scrolling a novel made frames of 100–150 ms of style, against 50–60 without). A chunk
// drawn again (a new selection's marks) is shaded afresh too. The marks also give a
// selected level band's places (state.band), which the text view shows as a selection.

import { caretAt, el } from '../lib/dom.js';
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
/** Text shaded beyond what is on screen, each side (UTF-16 units: a few screens of Chinese). */
const MARGIN = 2_000;
/** How near the shaded window's edge the screen may come before it is shaded again. */
const SLACK = 800;

/**
 * The level highlights of one text view. `view` gives what the text view owns: `store`,
 * `actions`, its `root` and scrolling `body`, `highlights` (CSS.highlights, or null where the
 * browser has none), and as functions its current `chunks`, the text's `length()`, the offset
 * `baseOf(textNode)` of a text node it drew (undefined for any other node), the report it
 * `analysed`, and `onMarks()` to call when new marks came.
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
  /** The shaded window of the text, [from, to) in UTF-16 units, or null. */
  let shaded = null;
  /** Whether the words are being shaded (marks at hand, a highlight on). */
  let active = false;
  let frame = 0;
  const later = () => {
    if (active && !frame) frame = requestAnimationFrame(follow);
  };
  // The text scrolls in its own box, and the box with the page.
  body.addEventListener('scroll', later, { passive: true });
  new IntersectionObserver(later).observe(body);

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

  /** The highlights again from the marks, for the text on screen. */
  function redraw() {
    clear();
    drawChrome();
    active = false;
    if (marks?.reader !== store.get().reader) {
      fetch();
      return;
    }
    active = shading();
    if (active) shadeAround(visible());
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
    shaded = null;
    if (!highlights) return;
    for (const name of Object.values(LEVEL_HIGHLIGHTS)) highlights.delete(name);
    highlights.delete(UNKNOWN_HIGHLIGHT);
  }

  /** After a scroll: shade again when the text on screen nears the shaded window's edge. */
  function follow() {
    frame = 0;
    if (!active) return;
    const seen = visible();
    if (!seen) {
      clear();
      return;
    }
    const [a, b] = seen;
    const total = view.length();
    const nearStart = shaded && shaded[0] > 0 && a - shaded[0] < SLACK;
    const nearEnd = shaded && shaded[1] < total && shaded[1] - b < SLACK;
    if (!shaded || nearStart || nearEnd) shadeAround(seen);
  }

  /**
   * The offsets [from, to) of the text on screen: the first and last characters in the part
   * of the body's box inside the window; null when none of it is.
   */
  function visible() {
    const box = body.getBoundingClientRect();
    const top = Math.max(box.top, 0) + 4;
    const bottom = Math.min(box.bottom, window.innerHeight) - 4;
    if (bottom <= top || box.width === 0) return null;
    const from = offsetAt(box.left + 12, top);
    const to = offsetAt(box.right - 12, bottom);
    // A point between lines or in a margin may find no text: a screenful of it stands in.
    const a = from ?? Math.max(0, (to ?? 0) - MARGIN);
    return [a, Math.max(a, to ?? a + MARGIN)];
  }

  /** The text offset of the caret nearest (x, y), or null. */
  function offsetAt(x, y) {
    const { node, offset } = caretAt(x, y);
    const base = node ? view.baseOf(node) : undefined;
    if (base !== undefined) return base + offset;
    // An element (a chunk, a mark): the chunk's start.
    const chunk = node?.nodeType === 1 ? node.closest?.('[data-start]') : null;
    return chunk ? Number(chunk.dataset.start) : null;
  }

  /** Shade the graded words of the text within MARGIN of `seen`, [a, b): the text on screen. */
  function shadeAround(seen) {
    clear();
    if (!seen || !marks || !shading()) return;
    const [a, b] = seen;
    const from = Math.max(0, a - MARGIN);
    const to = Math.min(view.length(), b + MARGIN);
    shaded = [from, to];
    for (const chunk of view.chunks()) {
      if (chunk.end <= from || chunk.start >= to || !chunk.filled) continue;
      shadeChunk(chunk, Math.max(from, chunk.start), Math.min(to, chunk.end));
    }
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

  /** Add the graded words of `chunk` within [from, to) to the level and unknown highlights. */
  function shadeChunk(chunk, from, to) {
    const spans = marks.spans;
    // The first span that ends after `from` (spans are in text order).
    let lo = 0;
    let hi = spans.length / 3;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid * 3 + 1] <= from) lo = mid + 1;
      else hi = mid;
    }
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
    for (let k = lo * 3; k < spans.length && spans[k] < to; k += 3) {
      const isUnknown = !(spans[k + 2] & KNOWN);
      if (!shown.colour && !(shown.unknown && isUnknown)) continue;
      const a = point(Math.max(spans[k], chunk.start), false);
      // The end may lie in a later node (a word across a keyword mark's edge).
      const b = a && point(Math.min(spans[k + 1], chunk.end), true);
      if (!b) break;
      const range = new StaticRange({ startContainer: a[0], startOffset: a[1], endContainer: b[0], endOffset: b[1] });
      if (shown.colour) highlight(LEVEL_HIGHLIGHTS[spans[k + 2] & 15]).add(range);
      if (shown.unknown && isUnknown) highlight(UNKNOWN_HIGHLIGHT).add(range);
    }
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
    /** A new analysis: no marks, no highlights. */
    reset() {
      marks = null;
      active = false;
      clear();
    },
    /** Chunk i was drawn (again): ranges into the nodes it replaced are shaded afresh. */
    refilled(i) {
      const chunk = view.chunks()[i];
      if (active && shaded && chunk.end > shaded[0] && chunk.start < shaded[1]) shadeAround(visible());
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

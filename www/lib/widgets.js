// The small interface pieces several views share: buttons, a status line, saving a file,
// keyboard movement among items (a roving tabindex), the export buttons' strings, what a view
// says when an analysis found no keyword, the words of a word field, and the dispersion
// measures' names and hints, and the latest-wins rule for the engine's answers (latestAnswer).
// Views import them from here, never from each other. They are
// styled by the kw-* classes of views/keywords.css, which index.html links on the page.

import { el } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { download, fileName } from './export.js';
import { whyNoKeywords } from '../pkg/model.js';

t.register({
  'export.csv': { zh: '导出 CSV', en: 'Export CSV' },
  'export.json': { zh: '导出 JSON', en: 'Export JSON' },
  'export.copy': { zh: '复制表格', en: 'Copy table' },
  'export.svg': { zh: '导出 SVG', en: 'Export SVG' },
  'export.png': { zh: '导出 PNG', en: 'Export PNG' },
  'export.copied': { zh: '已复制 {n} 行到剪贴板。', en: 'Copied {n} rows to the clipboard.' },
  'export.copyFailed': { zh: '浏览器不允许写入剪贴板。', en: 'The browser did not allow writing to the clipboard.' },
  'export.saved': { zh: '已导出 {name}。', en: 'Exported {name}.' },
  'export.failed': { zh: '导出失败。', en: 'The export failed.' },
  'measure.d': { zh: 'D', en: 'D' },
  'measure.dp': { zh: 'DP', en: 'DP' },
  'measure.d.about': {
    zh: 'Juilland 的 D：词在各部分（各节，或等分段）分布得多均匀，1 为完全均匀，0 为集中在一处。',
    en: 'Juilland’s D: how evenly the word is spread over the parts (the sections, or equal segments); 1 is perfectly even, 0 all in one part.',
  },
  'measure.dp.about': {
    zh: 'Gries 的 DP：词的分布与各部分篇幅的差距，0 为完全均匀，越接近 1 越集中。',
    en: 'Gries’ DP: how far the word’s spread is from the parts’ sizes; 0 is perfectly even, nearer 1 is more concentrated.',
  },
  'nokeywords.noWords': {
    zh: '没有可计数的词：数字、标点、符号和表情符号不算作词。',
    en: 'No word to count: numbers, punctuation, symbols and emoji are not words.',
  },
  'nokeywords.minLength': {
    zh: '没有可计数的词：这段文本里的词都不到 {n} 个字，而单字词默认不计入。在“选项”中勾选“包括单字词”即可计入。',
    en: 'No word to count: every word here is shorter than {n} characters, and single characters are not counted by default. Check “Include single characters” in the options to count them.',
  },
  'nokeywords.filtered': {
    zh: '没有可计数的词：停用词或词性筛选排除了所有的词。可在“选项”中调整。',
    en: 'No word to count: the stopwords or the part-of-speech filter left out every word. Change them in the options.',
  },
  'nokeywords.unknown': {
    zh: '没有可计数的词：词可能都是单字、数字或符号，或被停用词、词性筛选排除了。',
    en: 'No word to count: the words may all be single characters, numbers or symbols, or left out by the stopwords or the part-of-speech filter.',
  },
});

/**
 * What to tell the reader when the analysis in `state` found no keyword: why, in a sentence
 * (see whyNoKeywords in the report model), or null when there is no report or it has keywords.
 */
export function noKeywordsNote(state) {
  const report = state.report;
  const why = report ? whyNoKeywords(report, state.options?.minLength) : null;
  return why ? t(`nokeywords.${why}`, { n: state.options?.minLength ?? 2 }) : null;
}

/**
 * Keyboard movement among `items` of `container` (a roving tabindex: one item is in the Tab
 * order, the arrow keys, Home and End move between them), Enter or Space activates one.
 */
export function roving(container, itemSelector, activate) {
  container.addEventListener('keydown', (event) => {
    const item = event.target.closest(itemSelector);
    if (!item || !container.contains(item)) return;
    const items = [...container.querySelectorAll(itemSelector)];
    const at = items.indexOf(item);
    let next = null;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        next = items[Math.min(at + 1, items.length - 1)];
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        next = items[Math.max(at - 1, 0)];
        break;
      case 'Home':
        next = items[0];
        break;
      case 'End':
        next = items[items.length - 1];
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        activate(item);
        return;
      default:
        return;
    }
    event.preventDefault();
    focusItem(items, next);
  });
}

/** Make `item` the one of `items` in the Tab order, and focus it. */
export function focusItem(items, item) {
  if (!item) return;
  for (const other of items) other.tabIndex = other === item ? 0 : -1;
  item.focus();
}

/** Put the one item among `items` that should be in the Tab order there: `preferred` or the first. */
export function tabStop(items, preferred) {
  const stop = preferred ?? items[0];
  for (const item of items) item.tabIndex = item === stop ? 0 : -1;
}

/** The words typed in a field: split at spaces, commas and 、；, each once, at most `max`. */
export function parseWords(value, max = Infinity) {
  const words = String(value).split(/[\s,，、;；]+/u).filter((w) => w !== '');
  return [...new Set(words)].slice(0, max);
}

/** D or DP (Juilland's, Gries') to 2 decimals; a dash where it is undefined (null). */
export function formatMeasure(x) {
  return x === null || x === undefined ? '—' : formatNumber(x, 2);
}

/** A small button. */
export function button(text, onClick, attrs = {}) {
  return el('button', { className: 'kw-button', text, attrs: { type: 'button', ...attrs }, on: { click: onClick } });
}

/** A polite live region for export and copy messages. */
export function statusLine(testid) {
  return el('p', { className: 'kw-status', attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': testid } });
}

/** Save text or a Blob as `base.ext` and say so in `status`. */
export function save(status, data, base, ext, type) {
  const name = fileName(base, ext);
  download(data, name, type);
  status.textContent = t('export.saved', { name });
}

/** A whole number typed in a number field, or `fallback` when it holds none. */
export function whole(input, fallback) {
  const n = Number.parseInt(input.value, 10);
  return Number.isFinite(n) ? n : fallback;
}

/** A promise that resolves in a new task (after the browser has had a chance to render). */
export function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Longest slice of a long list's drawing in one task (ms). */
const SLICE_MS = 12;

/**
 * Put the elements `make(item, i)` makes of `items` into `parent`, replacing what it held: as
 * many as SLICE_MS allows now, the rest in later tasks of their own, so that a table of a
 * thousand rows never makes one long task on the page's thread (the first rows show at once).
 * Resolves to the elements made, or to null when `current()` turned false between two slices
 * (a newer drawing took `parent` over; this one stops).
 */
export async function fillInSlices(parent, items, make, current = () => true) {
  const made = [];
  do {
    const started = performance.now();
    const slice = [];
    while (made.length + slice.length < items.length && (slice.length === 0 || performance.now() - started < SLICE_MS)) {
      slice.push(make(items[made.length + slice.length], made.length + slice.length));
    }
    if (made.length === 0) parent.replaceChildren(...slice);
    else parent.append(...slice);
    made.push(...slice);
    if (made.length < items.length) {
      await nextTask();
      if (!current()) return null;
    }
  } while (made.length < items.length);
  return made;
}

/**
 * A view's questions to the engine, the latest one winning. The engine keeps the last analysed
 * text, so an answer is the view's to show only if no newer question was asked meanwhile and
 * the report it was asked under is still the page's (a new analysis means another text, whose
 * offsets the old answer's are not). Every query view asks through one of these. `key`: the
 * store's key of the report the answers belong to: `report` (the text's), or `corpusReport`
 * for the corpus's queries.
 */
export function latestAnswer(store, key = 'report') {
  let asked = 0;
  return {
    /** Drop the answer to any question in flight (the view has nothing to ask now). */
    cancel() {
      asked += 1;
    },
    /**
     * Ask `query()` (a promise of the engine's answer). Resolves to `{answer, current}` or
     * `{error, current}`, `current()` saying whether it is still the latest (for work done
     * after the answer, such as a layout), or to null when the answer is already stale.
     */
    async ask(query) {
      const id = ++asked;
      const report = store.get()[key];
      const current = () => id === asked && store.get()[key] === report;
      let got;
      try {
        got = { answer: await query() };
      } catch (error) {
        got = { error: error ?? new Error('failed') };
      }
      // The worker's answers to a new report's queries come together: each view draws its
      // own in a task of its own, never several views in the one task that delivered them.
      await nextTask();
      return current() ? { ...got, current } : null;
    },
  };
}

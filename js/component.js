// <wenxi-analyzer>: Wenxi's keyword and outline views as one element, for any page.
//
//   <script type="module" src="wenxi/define.js"></script>
//   <wenxi-analyzer for="my-textarea" top="10" ranking="weight"></wenxi-analyzer>
//
// The text comes from (first that applies) the `text` property, the textarea named by the `for`
// attribute (re-analysed as the user types, debounced), or the element's own text content.
// The analysis runs in the package's Web Worker (`createAnalyzer` from ./index.js), one worker
// shared by every element of the page and started on first use; a new analysis aborts the
// element's previous one. Everything is rendered in an open shadow root with `textContent` only,
// styled by one constructable stylesheet (allowed under `style-src 'self'`, unlike an inline
// <style>), and themed from outside through custom properties and ::part().
//
// Layout as in GitHub's clipboard-copy-element: pure helpers, then the element class; the
// registration lives in ./define.js.

import { createAnalyzer } from './index.js';
import { keywordPool, parseRanking, rankKeywords, rankValue, sectionTree } from './model.js';

// ---------------------------------------------------------------------------------------------
// Pure helpers (exported for tests). What the element computes from a report (the ranking,
// the outline's tree, how many words to ask for) is the report model's: ./model.js.

/** Default number of keywords listed (`top` attribute). */
export const DEFAULT_TOP = 20;

/** Milliseconds of quiet after typing in the `for` textarea before re-analysing. */
export const INPUT_DEBOUNCE = 300;

/** At most this many outline entries are drawn; the rest are counted in one line. */
export const MAX_SECTIONS = 200;

const STRINGS = {
  zh: {
    keywords: '关键词',
    sections: '结构',
    rank: '#',
    word: '词语',
    count: '次数',
    count_value: '占比',
    weight_value: 'TF-IDF',
    textrank_value: 'TextRank',
    idle: '等待文本',
    empty: '没有可分析的文本',
    loading: '正在加载分析器…',
    analysing: '正在分析…',
    done: (r, shown) => `分析完成：${r.stats.characters} 字，列出 ${shown} 个关键词，${r.sections.length} 个段落或章节`,
    missing: (id) => `找不到文本框 #${id}`,
    failed: (message) => `分析失败：${message}`,
    more: (n) => `还有 ${n} 项未列出`,
    noKeywords: '没有关键词',
    progress: '分析进度',
  },
  en: {
    keywords: 'Keywords',
    sections: 'Outline',
    rank: '#',
    word: 'Word',
    count: 'Count',
    count_value: 'Share',
    weight_value: 'TF-IDF',
    textrank_value: 'TextRank',
    idle: 'Waiting for text',
    empty: 'No text to analyse',
    loading: 'Loading the analyser…',
    analysing: 'Analysing…',
    done: (r, shown) =>
      `Done: ${r.stats.characters} characters, ${shown} keywords listed, ${r.sections.length} sections`,
    missing: (id) => `No textarea #${id}`,
    failed: (message) => `Analysis failed: ${message}`,
    more: (n) => `${n} more not listed`,
    noKeywords: 'No keywords',
    progress: 'Analysis progress',
  },
};

/** 'zh' or 'en' from a BCP 47 tag; anything else gives `fallback`. */
export function normalizeLang(tag, fallback = 'zh') {
  const value = String(tag ?? '').trim().toLowerCase();
  if (value.startsWith('zh')) return 'zh';
  if (value.startsWith('en')) return 'en';
  return fallback;
}

/** The `top` attribute as a whole number ≥ 1, or DEFAULT_TOP when absent or not a number. */
export function parseTop(value) {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 10_000) : DEFAULT_TOP;
}

/** The value shown beside the count for `ranking`: the share as a percentage, else the score. */
export function formatValue(keyword, ranking, locale) {
  if (ranking === 'count') {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(keyword.share);
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3, minimumFractionDigits: 3 }).format(
    rankValue(keyword, ranking),
  );
}

/** `{kind, message}` of a failure; errors from the wasm carry a stable `kind`. */
export function describeError(error) {
  const kind = typeof error?.kind === 'string' ? error.kind : 'internal';
  const message = error instanceof Error ? error.message : String(error);
  return { kind, message };
}

function isAbort(error, signal) {
  return signal.aborted || error?.name === 'AbortError';
}

/** An element with optional `part`, class and text; never parses markup. */
function el(tag, { part, className, text } = {}) {
  const node = document.createElement(tag);
  if (part) node.setAttribute('part', part);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  return node;
}

// ---------------------------------------------------------------------------------------------
// One worker analyzer for the whole page, started by the first element that needs it.

let sharedAnalyzer = null;
/** The element whose text the shared worker analysed last, and that analysis's report: the
 * worker's queries read the last analysed text, whichever element's it was. */
let lastAnalysed = { element: null, report: null };

function getAnalyzer() {
  sharedAnalyzer ??= createAnalyzer().catch((error) => {
    sharedAnalyzer = null; // let a later analysis try again
    throw error;
  });
  return sharedAnalyzer;
}

// ---------------------------------------------------------------------------------------------
// Styles: every rule lives in the shadow root. Theme through the custom properties below or
// through ::part(); the defaults inherit the page's font and colour.

const CSS = `
:host {
  display: block;
  font-family: var(--wenxi-font, inherit);
  color: var(--wenxi-text, inherit);
  background: var(--wenxi-bg, transparent);
  border: var(--wenxi-border, 1px solid color-mix(in srgb, currentColor 20%, transparent));
  border-radius: var(--wenxi-radius, 8px);
  padding: var(--wenxi-padding, 0.75rem 1rem);
  line-height: 1.5;
  contain: content;
}
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
.views {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
  gap: 0.5rem 1.5rem;
}
h2 {
  font-size: 1rem;
  margin: 0.5rem 0 0.25rem;
  color: var(--wenxi-accent, #9b2c2c);
}
[part~="status"] {
  margin: 0;
  font-size: 0.875rem;
  color: var(--wenxi-muted, color-mix(in srgb, currentColor 65%, transparent));
}
[part~="status"][data-state="error"] { color: var(--wenxi-error, #c0392b); }
[part~="progress"] {
  height: 4px;
  margin: 0.375rem 0;
  background: color-mix(in srgb, var(--wenxi-accent, #9b2c2c) 18%, transparent);
  border-radius: 2px;
  overflow: hidden;
}
[part~="progress-bar"] {
  height: 100%;
  width: 0;
  background: var(--wenxi-accent, #9b2c2c);
  transition: width 0.15s linear;
}
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 0.125rem 0.5rem 0.125rem 0; text-align: start; vertical-align: baseline; }
th {
  font-weight: 600;
  font-size: 0.8125rem;
  color: var(--wenxi-muted, color-mix(in srgb, currentColor 65%, transparent));
  border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent);
}
td.num, th.num { text-align: end; }
[part~="word"] { font-weight: 600; }
[part~="rank"] { color: var(--wenxi-muted, color-mix(in srgb, currentColor 65%, transparent)); }
ol { margin: 0; padding-inline-start: 1.25rem; }
[part~="sections"] { padding-inline-start: 1.25rem; }
[part~="section-title"][data-heading="true"] { font-weight: 600; }
[part~="note"] { color: var(--wenxi-muted, color-mix(in srgb, currentColor 65%, transparent)); font-size: 0.875rem; }
`;

let sheet = null;

/** Adopt the one shared stylesheet; without constructable sheets, fall back to a <style>. */
function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    // Older browsers (Safari < 16.4): a strict style-src CSP blocks this, the layout stays plain.
    root.append(el('style', { text: CSS }));
  }
}

// ---------------------------------------------------------------------------------------------
// The element.

export class WenxiAnalyzerElement extends HTMLElement {
  static observedAttributes = ['lang', 'top', 'ranking', 'for'];

  /** The `text` property; null means: read the `for` textarea or the element's content. */
  #text = null;
  /** The last report and how many keywords it was asked for. */
  #report = null;
  /** The text the last report is of (what `levels` has the worker analyse again if needed). */
  #analysedText = '';
  #pool = 0;
  /** The running analysis' controller; replaced (and the old one aborted) by each new one. */
  #controller = null;
  #timer = 0;
  #observer = null;
  #inputRoot = null;
  #state = 'idle';
  /** The status message of a failure, kept so that a re-render (e.g. `lang`) keeps it. */
  #failure = '';
  #parts;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);
    const container = el('div', { part: 'container' });
    const status = el('p', { part: 'status' });
    status.setAttribute('role', 'status');
    const progress = el('div', { part: 'progress' });
    progress.setAttribute('role', 'progressbar');
    progress.setAttribute('aria-valuemin', '0');
    progress.setAttribute('aria-valuemax', '100');
    progress.hidden = true;
    const bar = el('div', { part: 'progress-bar' });
    progress.append(bar);

    const views = el('div', { className: 'views' });
    const keywordsView = el('section', { part: 'keywords-view' });
    const keywordsHeading = el('h2', { part: 'heading' });
    const table = el('table', { part: 'keywords' });
    const head = el('thead');
    const body = el('tbody');
    table.append(head, body);
    const keywordsNote = el('p', { part: 'note' });
    keywordsNote.hidden = true;
    keywordsView.append(keywordsHeading, table, keywordsNote);

    const sectionsView = el('section', { part: 'sections-view' });
    const sectionsHeading = el('h2', { part: 'heading' });
    const outline = el('ol', { part: 'sections' });
    const sectionsNote = el('p', { part: 'note' });
    sectionsNote.hidden = true;
    sectionsView.append(sectionsHeading, outline, sectionsNote);
    views.append(keywordsView, sectionsView);
    views.hidden = true;

    container.append(status, progress, views);
    root.append(container);
    this.#parts = {
      container, status, progress, bar, views, keywordsHeading, head, body, keywordsNote,
      sectionsHeading, outline, sectionsNote,
    };
  }

  connectedCallback() {
    // A `text` set on the element before it was upgraded is an own property that shadows the
    // accessor: take it over.
    if (Object.hasOwn(this, 'text')) {
      const value = this.text;
      delete this.text;
      this.text = value;
    }
    this.#observer ??= new MutationObserver(() => {
      if (this.#text == null && !this.hasAttribute('for')) this.#schedule(0);
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#listen();
    this.#render();
    this.#schedule(0);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#unlisten();
    clearTimeout(this.#timer);
    this.#controller?.abort();
    this.#controller = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'for') {
      this.#listen();
      this.#schedule(0);
    } else if (name === 'top' && this.#report && this.top > this.#pool) {
      this.#schedule(0); // the last report lists too few words
    } else {
      this.#render();
    }
  }

  /** The text analysed: the property when set, else the `for` textarea's value or the content. */
  get text() {
    if (this.#text != null) return this.#text;
    const target = this.#target();
    if (this.hasAttribute('for')) return target ? String(target.value ?? '') : '';
    return this.textContent ?? '';
  }

  /** Set the text to analyse (re-analyses); `null` goes back to the `for` textarea or content. */
  set text(value) {
    this.#text = value == null ? null : String(value);
    if (this.isConnected) this.#schedule(0);
  }

  /** The last report, or null before the first analysis (and for empty text). */
  get report() {
    return this.#report;
  }

  /**
   * The vocabulary profile by HSK 3.0 level of the text of the last report (a `LevelsProfile`;
   * `request` as the package's `levels` takes it: `known` words, the reader's `level`). The
   * shared worker analyses this element's text again first when another element's text was
   * analysed there since. Rejects with kind 'not_analyzed' before a report.
   */
  async levels(request = {}) {
    return (await this.#ownText()).levels(request);
  }

  /**
   * Where the graded words of the text of the last report are (a `LevelMarks`, as the
   * package's `levelMarks` gives it), for showing the profile against this element's text.
   */
  async levelMarks(request = {}) {
    return (await this.#ownText()).levelMarks(request);
  }

  /**
   * The shared worker with this element's last report's text as its last analysed text (it is
   * analysed there again when another element's text was since). Rejects with kind
   * 'not_analyzed' before a report.
   */
  async #ownText() {
    const report = this.#report;
    if (!report) throw Object.assign(new Error('no text has been analysed yet'), { kind: 'not_analyzed' });
    const analyzer = await getAnalyzer();
    if (lastAnalysed.element !== this || lastAnalysed.report !== report) {
      await analyzer.analyze(this.#analysedText, { topN: this.#pool });
      lastAnalysed = { element: this, report };
    }
    return analyzer;
  }

  /** 'idle', 'analysing', 'done', 'empty' or 'error'. */
  get state() {
    return this.#state;
  }

  /** The interface language: the `lang` attribute, else the nearest one up the tree. */
  get language() {
    const own = this.getAttribute('lang');
    const inherited = this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    return normalizeLang(own || inherited, normalizeLang(navigator.language, 'en'));
  }

  get top() {
    return parseTop(this.getAttribute('top'));
  }

  set top(value) {
    this.setAttribute('top', String(value));
  }

  get ranking() {
    return parseRanking(this.getAttribute('ranking'));
  }

  set ranking(value) {
    this.setAttribute('ranking', String(value));
  }

  get for() {
    return this.getAttribute('for') ?? '';
  }

  set for(value) {
    this.setAttribute('for', String(value));
  }

  /**
   * Analyse now (aborting this element's previous analysis). Resolves to the report, or null
   * when there is no text or this analysis was superseded; rejects on failure (the element also
   * shows the failure and fires `wenxi-error`).
   */
  async analyze() {
    clearTimeout(this.#timer);
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const { signal } = controller;

    if (this.hasAttribute('for') && this.#text == null && !this.#target()) {
      this.#report = null;
      this.#finish('error', STRINGS[this.language].missing(this.for));
      this.#fail(controller, { kind: 'invalid_options', message: `no textarea #${this.for}` });
      return null;
    }
    const text = this.text;
    if (!text.trim()) {
      this.#report = null;
      this.#state = 'empty';
      this.#render();
      return null;
    }

    const pool = keywordPool(this.top, text.length);
    this.#state = 'analysing';
    this.#showProgress(0);
    this.#render();
    try {
      const analyzer = await getAnalyzer();
      if (signal.aborted) return null;
      const report = await analyzer.analyze(
        text,
        { topN: pool },
        {
          signal,
          onProgress: ({ fraction }) => {
            if (this.#controller === controller) this.#showProgress(fraction);
          },
        },
      );
      if (signal.aborted || this.#controller !== controller) return null;
      this.#controller = null;
      this.#report = report;
      this.#analysedText = text;
      this.#pool = pool;
      lastAnalysed = { element: this, report };
      this.#state = 'done';
      this.#render();
      this.dispatchEvent(new CustomEvent('wenxi-analyzed', { bubbles: true, composed: true, detail: { report } }));
      return report;
    } catch (error) {
      if (isAbort(error, signal) || this.#controller !== controller) return null;
      const detail = describeError(error);
      this.#finish('error', STRINGS[this.language].failed(detail.message));
      this.#fail(controller, detail);
      throw Object.assign(error instanceof Error ? error : new Error(detail.message), { kind: detail.kind });
    }
  }

  // --- private -------------------------------------------------------------------------------

  #target() {
    const id = this.getAttribute('for');
    if (!id) return null;
    const root = this.getRootNode();
    return (root.getElementById ? root.getElementById(id) : null) ?? document.getElementById(id);
  }

  /** One `input` listener on the root node: it finds the textarea even if it comes later. */
  #listen() {
    this.#unlisten();
    if (!this.hasAttribute('for')) return;
    this.#inputRoot = this.getRootNode();
    this.#inputRoot.addEventListener('input', this.#onInput);
  }

  #unlisten() {
    this.#inputRoot?.removeEventListener('input', this.#onInput);
    this.#inputRoot = null;
  }

  #onInput = (event) => {
    if (this.#text == null && event.target === this.#target()) this.#schedule(INPUT_DEBOUNCE);
  };

  #schedule(delay) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.analyze().catch(() => {}); // shown and fired as wenxi-error already
    }, delay);
  }

  #fail(controller, detail) {
    if (this.#controller === controller) this.#controller = null;
    this.dispatchEvent(new CustomEvent('wenxi-error', { bubbles: true, composed: true, detail }));
  }

  #finish(state, message) {
    this.#state = state;
    this.#failure = message;
    this.#render();
  }

  #showProgress(fraction) {
    const { progress, bar } = this.#parts;
    const percent = Math.round(Math.min(Math.max(Number(fraction) || 0, 0), 1) * 100);
    progress.setAttribute('aria-valuenow', String(percent));
    bar.style.width = `${percent}%`; // CSSOM, not a style attribute in markup: allowed by CSP
  }

  #render() {
    const p = this.#parts;
    const lang = this.language;
    const s = STRINGS[lang];
    const locale = lang === 'zh' ? 'zh-CN' : 'en';
    const busy = this.#state === 'analysing';
    p.container.setAttribute('aria-busy', String(busy));
    p.progress.hidden = !busy;
    p.progress.setAttribute('aria-label', s.progress);
    p.status.dataset.state = this.#state;
    p.keywordsHeading.textContent = s.keywords;
    p.sectionsHeading.textContent = s.sections;

    const report = this.#report;
    p.views.hidden = !report;
    if (!report) {
      p.status.textContent =
        { idle: s.idle, empty: s.empty, error: this.#failure, analysing: sharedAnalyzer ? s.analysing : s.loading }[this.#state] ?? '';
      return;
    }

    const ranking = this.ranking;
    const keywords = rankKeywords(report.keywords, ranking, this.top);
    p.status.textContent = busy ? s.analysing : this.#state === 'error' ? this.#failure : s.done(report, keywords.length);

    const headRow = el('tr');
    headRow.append(
      el('th', { text: s.rank, className: 'num' }),
      el('th', { text: s.word }),
      el('th', { text: s.count, className: 'num' }),
      el('th', { text: s[`${ranking}_value`], className: 'num' }),
    );
    p.head.replaceChildren(headRow);
    const count = new Intl.NumberFormat(locale);
    p.body.replaceChildren(
      ...keywords.map((keyword, i) => {
        const row = el('tr', { part: 'keyword' });
        row.append(
          el('td', { part: 'rank', className: 'num', text: i + 1 }),
          el('td', { part: 'word', text: keyword.word }),
          el('td', { part: 'count', className: 'num', text: count.format(keyword.count) }),
          el('td', { part: 'value', className: 'num', text: formatValue(keyword, ranking, locale) }),
        );
        return row;
      }),
    );
    p.keywordsNote.hidden = keywords.length > 0;
    p.keywordsNote.textContent = s.noKeywords;

    let drawn = 0;
    const tree = sectionTree(report.sections);
    const draw = (indices) =>
      indices.flatMap((index) => {
        if (drawn >= MAX_SECTIONS) return [];
        drawn += 1;
        const section = report.sections[index];
        const item = el('li', { part: 'section' });
        item.dataset.level = String(section.level);
        const title = el('span', { part: 'section-title', text: section.title });
        title.dataset.heading = String(section.heading);
        item.append(title);
        const children = draw(tree.children[index]);
        if (children.length) {
          const list = el('ol', { part: 'subsections' });
          list.append(...children);
          item.append(list);
        }
        return [item];
      });
    p.outline.replaceChildren(...draw(tree.roots));
    const hiddenCount = report.sections.length - drawn;
    p.sectionsNote.hidden = hiddenCount <= 0;
    p.sectionsNote.textContent = s.more(hiddenCount);
  }

  /**
   * Register the element as `tag` in `registry`. Safe to call again (a second copy of this
   * module, or define.js loaded twice): an already registered tag is left as it is.
   */
  static define(tag = 'wenxi-analyzer', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }
}

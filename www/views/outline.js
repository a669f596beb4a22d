// The outline view: the report's sections as a collapsible tree. Each entry shows its title,
// its statistics and its distinctive terms; choosing the title asks the text view to show it
// (actions.reveal). See views/index.js for the view contract.
//
// A parent entry stands for its whole subtree (its own range plus its subsections'), since
// that is what a reader means by "chapter 3": its statistics, its range and its distinctive
// terms are the subtree's. A novel has 120+ chapters and a law 500+ articles, so children are
// drawn only when their parent is expanded and each list draws PAGE entries at a time.
//
// The exports (CSV, JSON) have one row per section in document order with the report's own
// fields (each section alone, as report.rs defines them), plus the distinctive terms the view
// shows for its entry (the subtree's). The tree, the subtree sums and the distinctive terms
// are the report model's (pkg/model.js).

import { el } from '../lib/dom.js';
import { fillInSlices } from '../lib/widgets.js';
import { t, displayWord, formatNumber } from '../lib/i18n.js';
import { download, downloadJson, fileName, round, toCsv } from '../lib/export.js';
import { DISTINCTIVE_TERMS, distinctiveTerms, findKeyword, sectionCounts, sectionTree, sumSections } from '../pkg/model.js';

t.register({
  'view.outline': { zh: '结构', en: 'Outline' },
  'outline.hint': {
    zh: '点击标题，在原文中显示该节。特色词：该节比其余部分更常用的词（对数似然比 G²）。',
    en: 'Choose a title to show the section in the text. Distinctive terms: words the section uses more than the rest of the text (log-likelihood G²).',
  },
  'outline.empty': { zh: '分析后在这里显示段落结构。', en: 'The outline appears here after an analysis.' },
  'outline.expandAll': { zh: '全部展开', en: 'Expand all' },
  'outline.collapseAll': { zh: '全部折叠', en: 'Collapse all' },
  'outline.toggle': { zh: '展开或折叠：{title}', en: 'Expand or collapse: {title}' },
  'outline.untitled': { zh: '（无标题）', en: '(untitled)' },
  'outline.stats': { zh: '{p} 段 · {s} 句 · {c} 字', en: '{p} paragraphs · {s} sentences · {c} characters' },
  'outline.terms': { zh: '特色词', en: 'Distinctive terms' },
  'outline.termTitle': { zh: '{word}：本节 {n} 次 · G² {g2}', en: '{word}: {n} times here · G² {g2}' },
  'outline.more': { zh: '再显示 {n} 节（还有 {rest} 节）', en: 'Show {n} more ({rest} left)' },
  'outline.exportCsv': { zh: '导出 CSV', en: 'Export CSV' },
  'outline.exportJson': { zh: '导出 JSON', en: 'Export JSON' },
});

/** Entries drawn per list before a "show more" button. */
const PAGE = 50;
/** A report with more sections than this is drawn in a task of its own, after the others. */
const DEFER_OVER = 60;
/** Trees with at most this many sections start fully expanded. */
const EXPAND_ALL_UP_TO = 60;

// ---------------------------------------------------------------------------------------------
// The exports' records (exported for tests).

/**
 * The sections as export records, in document order: index, level, parent (null for a top
 * section), heading, title, start and end (UTF-16 offsets into the analysed text), paragraphs,
 * sentences and characters (this section alone), its top words ({word, count}, the report's
 * `keywords`) and its distinctive terms ({word, key, count, g2}, from `termsOf(i)`, by default
 * distinctiveTerms of its subtree, as the view shows them).
 */
export function sectionRecords(report, termsOf = defaultTerms(report)) {
  return report.sections.map((s, i) => ({
    index: i,
    level: s.level,
    parent: s.parent ?? null,
    heading: s.heading,
    title: s.title,
    start: s.start,
    end: s.end,
    paragraphs: s.paragraphs,
    sentences: s.sentences,
    characters: s.characters,
    topWords: (s.keywords ?? []).map(({ word, count }) => ({ word, count })),
    distinctive: termsOf(i).map(({ keyword, count, g2 }) => ({ word: keyword.word, key: keyword.key, count, g2: round(g2) })),
  }));
}

function defaultTerms(report) {
  const { last } = sectionTree(report.sections);
  const cache = sectionCounts(report);
  return (i) => distinctiveTerms(report, i, last[i], DISTINCTIVE_TERMS, cache);
}

/**
 * CSV columns of sectionRecords: word lists as `word×count` separated by spaces, each word
 * through `wordOf` (the view passes the reader's chosen script).
 */
export function sectionColumns(wordOf = (word) => word) {
  const words = (list) => list.map((w) => `${wordOf(w.word)}×${w.count}`).join(' ');
  return [
    { header: 'index', value: (r) => r.index },
    { header: 'level', value: (r) => r.level },
    { header: 'parent', value: (r) => r.parent },
    { header: 'heading', value: (r) => (r.heading ? 'yes' : 'no') },
    { header: 'title', value: (r) => r.title },
    { header: 'start', value: (r) => r.start },
    { header: 'end', value: (r) => r.end },
    { header: 'paragraphs', value: (r) => r.paragraphs },
    { header: 'sentences', value: (r) => r.sentences },
    { header: 'characters', value: (r) => r.characters },
    { header: 'topWords', value: (r) => words(r.topWords) },
    { header: 'distinctive', value: (r) => words(r.distinctive) },
  ];
}

// ---------------------------------------------------------------------------------------------
// The view.

export function mount(root, ctx) {
  const { store, actions } = ctx;
  const headingId = 'outline-view-heading';
  const list = el('ul', { className: 'outline-tree', attrs: { 'data-testid': 'outline', 'aria-labelledby': headingId } });
  const heading = el('h3', { attrs: { id: headingId } });
  const hint = el('p', { className: 'hint' });
  const empty = el('p', { className: 'outline-empty' });
  const expandAll = el('button', { attrs: { type: 'button', 'data-testid': 'outline-expand-all' }, on: { click: () => setAll(true) } });
  const collapseAll = el('button', { attrs: { type: 'button', 'data-testid': 'outline-collapse-all' }, on: { click: () => setAll(false) } });
  const csvButton = el('button', { attrs: { type: 'button', 'data-testid': 'outline-export-csv' }, on: { click: exportCsv } });
  const jsonButton = el('button', { attrs: { type: 'button', 'data-testid': 'outline-export-json' }, on: { click: exportJson } });
  const tools = el('div', { className: 'outline-tools' }, expandAll, collapseAll, el('div', { className: 'outline-exports' }, csvButton, jsonButton));
  root.classList.add('outline-view');
  root.replaceChildren(heading, hint, tools, el('nav', { attrs: { 'aria-labelledby': headingId } }, list), empty);

  function drawStrings() {
    heading.textContent = t('view.outline');
    hint.textContent = t('outline.hint');
    empty.textContent = t('outline.empty');
    expandAll.textContent = t('outline.expandAll');
    collapseAll.textContent = t('outline.collapseAll');
    csvButton.textContent = t('outline.exportCsv');
    jsonButton.textContent = t('outline.exportJson');
  }

  /** Per analysis: the tree, the count cache, which entries are expanded. */
  let model = null;
  /** The timer of a long text's outline, drawn in tasks after the other views' (buildSoon). */
  let pending = 0;

  function build() {
    const { report } = store.get();
    const sections = report?.sections ?? [];
    empty.hidden = sections.length > 0;
    tools.hidden = sections.length === 0;
    if (!report || sections.length === 0) {
      model = null;
      list.replaceChildren();
      return;
    }
    const tree = sectionTree(sections);
    // A redraw of the same report (the language changed) keeps what the reader had open.
    const keep = model?.report === report;
    const expanded = keep ? model.expanded : new Set();
    if (!keep && sections.length <= EXPAND_ALL_UP_TO) sections.forEach((_, i) => tree.children[i].length && expanded.add(i));
    model = { report, sections, tree, expanded, cache: sectionCounts(report), terms: new Map() };
    if (sections.length <= DEFER_OVER) {
      list.replaceChildren();
      drawList(list, tree.roots, 0);
      return;
    }
    // Counting a long text's sections (every listed keyword's per-section counts) and drawing
    // its first entries (each with its distinctive terms) are each tens of ms: the entries come
    // after, in slices of a few.
    const drawn = model;
    pending = setTimeout(async () => {
      if (model !== drawn) return;
      const roots = tree.roots.slice(0, PAGE);
      if (await fillInSlices(list, roots, entry, () => model === drawn) && roots.length < tree.roots.length) {
        list.append(moreButton(list, tree.roots, roots.length));
      }
    }, 0);
  }

  /** Append entries indices[from…] to `ul`, PAGE at a time (with a "more" button after). */
  function drawList(ul, indices, from) {
    const fragment = document.createDocumentFragment();
    const to = Math.min(indices.length, from + PAGE);
    for (let n = from; n < to; n++) fragment.append(entry(indices[n]));
    if (to < indices.length) fragment.append(moreButton(ul, indices, to));
    ul.append(fragment);
  }

  /** The "show more" entry after indices[…to) in `ul`: it draws the next PAGE. */
  function moreButton(ul, indices, to) {
    const rest = indices.length - to;
    const more = el('li', { className: 'outline-more' });
    more.append(
      el(
        'button',
        {
          attrs: { type: 'button', 'data-testid': 'outline-more' },
          on: {
            click: () => {
              more.remove();
              drawList(ul, indices, to);
              ul.children[to]?.querySelector('.outline-title')?.focus();
            },
          },
        },
        t('outline.more', { n: formatNumber(Math.min(rest, PAGE)), rest: formatNumber(rest) }),
      ),
    );
    return more;
  }

  function entry(i) {
    const { sections, tree } = model;
    const s = sections[i];
    const last = tree.last[i];
    const hasChildren = tree.children[i].length > 0;
    const isOpen = model.expanded.has(i);
    const title = s.title.trim() === '' ? t('outline.untitled') : s.title;
    const end = sections[last].end;
    const li = el('li', {
      className: `outline-item level-${Math.min(s.level, 6)}`,
      attrs: { 'data-testid': 'outline-item', 'data-index': i },
    });

    const toggle = hasChildren
      ? el(
          'button',
          {
            className: 'outline-toggle',
            attrs: {
              type: 'button',
              'aria-expanded': String(isOpen),
              'aria-label': t('outline.toggle', { title }),
              'data-testid': 'outline-toggle',
            },
            on: { click: () => setOpen(li, i, !model.expanded.has(i)), keydown: (e) => onToggleKey(e, li, i) },
          },
          el('span', { className: 'outline-caret', attrs: { 'aria-hidden': 'true' } }),
        )
      : el('span', { className: 'outline-toggle-space', attrs: { 'aria-hidden': 'true' } });

    const titleButton = el(
      'button',
      {
        className: `outline-title${s.heading ? ' is-heading' : ''}`,
        attrs: { type: 'button', 'data-testid': 'outline-title', 'data-start': s.start, 'data-end': end },
        on: { click: () => actions.reveal(s.start, end), keydown: (e) => onTitleKey(e, li, i) },
      },
      title,
    );

    const paragraphs = sumSections(sections, i, last, 'paragraphs');
    const sentences = sumSections(sections, i, last, 'sentences');
    const characters = sumSections(sections, i, last, 'characters');
    const meta = el('span', {
      className: 'outline-meta',
      attrs: { 'data-testid': 'outline-stats', 'data-paragraphs': paragraphs, 'data-sentences': sentences, 'data-characters': characters },
      text: t('outline.stats', { p: formatNumber(paragraphs), s: formatNumber(sentences), c: formatNumber(characters) }),
    });

    const terms = termsOf(i);
    const chips = terms.length
      ? el(
          'ul',
          { className: 'outline-terms', attrs: { 'aria-label': t('outline.terms'), 'data-testid': 'outline-terms' } },
          ...terms.map((term) =>
            el(
              'li',
              {},
              el(
                'button',
                {
                  className: 'outline-term',
                  attrs: {
                    type: 'button',
                    'data-key': term.keyword.key,
                    'data-testid': 'outline-term',
                    'aria-pressed': String(store.get().selected === term.keyword.key),
                    title: t('outline.termTitle', { word: term.keyword.word, n: term.count, g2: term.g2.toFixed(1) }),
                  },
                  on: { click: () => store.set({ selected: store.get().selected === term.keyword.key ? null : term.keyword.key }) },
                },
                el('span', { className: 'outline-term-word', text: displayWord(store.get(), term.keyword) }),
                el('span', { className: 'outline-term-count', text: `×${term.count}` }),
              ),
            ),
          ),
        )
      : null;

    li.append(el('div', { className: 'outline-row' }, toggle, el('div', { className: 'outline-body' }, titleButton, meta, chips)));
    if (hasChildren && isOpen) {
      const sub = el('ul', { className: 'outline-children' });
      drawList(sub, tree.children[i], 0);
      li.append(sub);
    }
    return li;
  }

  function termsOf(i) {
    if (!model.terms.has(i)) model.terms.set(i, distinctiveTerms(model.report, i, model.tree.last[i], DISTINCTIVE_TERMS, model.cache));
    return model.terms.get(i);
  }

  function setOpen(li, i, open) {
    if (!model || !model.tree.children[i].length) return;
    const toggle = li.querySelector(':scope > .outline-row .outline-toggle');
    const sub = li.querySelector(':scope > .outline-children');
    if (open) {
      model.expanded.add(i);
      if (!sub) {
        const ul = el('ul', { className: 'outline-children' });
        drawList(ul, model.tree.children[i], 0);
        li.append(ul);
      }
    } else {
      model.expanded.delete(i);
      sub?.remove();
    }
    toggle?.setAttribute('aria-expanded', String(open));
  }

  function setAll(open) {
    if (!model) return;
    model.expanded.clear();
    if (open) model.sections.forEach((_, i) => model.tree.children[i].length && model.expanded.add(i));
    list.replaceChildren();
    drawList(list, model.tree.roots, 0);
  }

  // Keyboard: ArrowRight expands, ArrowLeft collapses (or moves to the parent), as in a tree;
  // Enter and Space work on both buttons as buttons do.
  function onToggleKey(e, li, i) {
    if (e.key === 'ArrowRight') {
      e.preventDefault();
      setOpen(li, i, true);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      if (model.expanded.has(i)) setOpen(li, i, false);
      else focusParent(li);
    }
  }

  function onTitleKey(e, li, i) {
    if (e.key === 'ArrowRight' && model.tree.children[i].length) {
      e.preventDefault();
      if (!model.expanded.has(i)) setOpen(li, i, true);
      else li.querySelector(':scope > .outline-children .outline-title')?.focus();
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      if (model.expanded.has(i)) setOpen(li, i, false);
      else focusParent(li);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const titles = [...list.querySelectorAll('.outline-title')];
      const at = titles.indexOf(e.currentTarget);
      titles[at + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  }

  function focusParent(li) {
    li.parentElement?.closest('.outline-item')?.querySelector(':scope > .outline-row .outline-title')?.focus();
  }

  // The exports use the view's own term cache, so they list exactly what the entries show.
  function exportCsv() {
    if (!model) return;
    const state = store.get();
    const columns = sectionColumns((word) => displayWord(state, word));
    download(toCsv(sectionRecords(model.report, termsOf), columns), fileName('wenxi-sections', 'csv'), 'text/csv;charset=utf-8');
  }

  function exportJson() {
    if (!model) return;
    const { report } = model;
    downloadJson({ generator: `Wenxi ${report.version}`, sections: sectionRecords(report, termsOf) }, 'wenxi-sections');
  }

  function updateSelection() {
    const { selected } = store.get();
    for (const b of list.querySelectorAll('.outline-term')) b.setAttribute('aria-pressed', String(b.dataset.key === selected));
  }

  function redrawWords() {
    const state = store.get();
    if (!model) return;
    for (const b of list.querySelectorAll('.outline-term')) {
      const k = findKeyword(model.report, b.dataset.key);
      if (k) b.querySelector('.outline-term-word').textContent = displayWord(state, k);
    }
  }

  // A long text's outline is drawn in its own task, so the views drawing one report do not add
  // up to one long task that freezes the page.
  function buildSoon() {
    clearTimeout(pending);
    const sections = store.get().report?.sections.length ?? 0;
    if (sections <= DEFER_OVER) return build();
    pending = setTimeout(build, 0);
  }

  store.subscribe((state, changed) => {
    if (changed.has('lang')) drawStrings();
    if (changed.has('report') || changed.has('lang')) buildSoon();
    else {
      if (changed.has('selected')) updateSelection();
      if (changed.has('display') || changed.has('converted')) redrawWords();
    }
  });
  drawStrings();
  build();
}

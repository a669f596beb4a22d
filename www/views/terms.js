// Terms found in the text: recurring word sequences that hold together and stand free
// (高质量发展, which jieba cuts into 高质量 / 发展), as the engine finds them
// (actions.terms: src/query/terms.rs), with their counts and the scores that made them terms,
// in a sortable table. Each row's button joins the term into one word of the custom dictionary
// (actions.addWords, as the text view joins words), after which the page analyses again and
// the term counts as a keyword. See views/index.js for the view contract.

import { el } from '../lib/dom.js';
import { t, formatNumber } from '../lib/i18n.js';
import { round, toCsv, toJson } from '../lib/export.js';
import { button, latestAnswer, save, statusLine } from '../lib/widgets.js';

t.register({
  'view.terms': { zh: '术语', en: 'Terms' },
  'terms.about': {
    zh: '文中反复出现、结合紧密的词串，如“高质量发展”（词典把它切成“高质量”和“发展”）。凝固度：较少见的组成部分有多大比例出现在术语之内；PMI：最弱切分处的点互信息（比特）；左右熵：术语前后相邻词的多样性（比特）。点“合并”把术语加入自定义词典，重新分析后它作为一个关键词计入。',
    en: 'Word sequences that recur and hold together, such as 高质量发展 (the dictionary cuts it into 高质量 and 发展). Cohesion: the share of the rarer part’s occurrences inside the term; PMI: pointwise mutual information at the weakest cut (bits); left and right entropy: how varied the words before and after it are (bits). “Join” adds a term to the custom dictionary; after the new analysis it counts as one keyword.',
  },
  'terms.empty': { zh: '分析文本后，这里列出文中发现的术语。', en: 'Analyze a text to list the terms found in it.' },
  'terms.none': {
    zh: '没有发现术语：术语是至少出现 3 次、结合紧密的多词词串，短文本中往往没有。',
    en: 'No terms found: a term is a sequence of words that occurs at least 3 times and holds together; a short text seldom has one.',
  },
  'terms.failed': { zh: '无法读取术语。', en: 'The terms could not be read.' },
  'terms.summary': { zh: '发现 {n} 个术语', en: '{n} terms found' },
  'terms.col.term': { zh: '术语', en: 'Term' },
  'terms.col.words': { zh: '组成', en: 'Parts' },
  'terms.col.count': { zh: '次数', en: 'Count' },
  'terms.col.cohesion': { zh: '凝固度', en: 'Cohesion' },
  'terms.col.pmi': { zh: 'PMI', en: 'PMI' },
  'terms.col.leftEntropy': { zh: '左熵', en: 'Left entropy' },
  'terms.col.rightEntropy': { zh: '右熵', en: 'Right entropy' },
  'terms.col.join': { zh: '合并', en: 'Join' },
  'terms.sortBy': { zh: '按{column}排序', en: 'Sort by {column}' },
  'terms.join': { zh: '合并', en: 'Join' },
  'terms.joinLabel': { zh: '把「{term}」合并为一个词', en: 'Join “{term}” into one word' },
  'terms.joined': { zh: '已合并', en: 'Joined' },
  'terms.known': { zh: '词典已收', en: 'In the dictionary' },
  'terms.knownTitle': { zh: '词典里已是一个词（如 产业链 = 产业 + 链），无需合并', en: 'Already one word in the dictionary (产业链 = 产业 + 链): nothing to join' },
  'terms.isKeyword': { zh: '（关键词）', en: '(keyword)' },
  'terms.joining': { zh: '已把「{term}」加入词典，正在重新分析……', en: 'Added “{term}” to the dictionary; analysing again…' },
  'terms.more': { zh: '再显示 {n} 个', en: 'Show {n} more' },
});

const PAGE = 50;

/** The columns: [field, sortable, numeric digits (null: not a number)]. */
const COLUMNS = [
  ['term', false, null],
  ['words', false, null],
  ['count', true, 0],
  ['cohesion', true, 2],
  ['pmi', true, 2],
  ['leftEntropy', true, 2],
  ['rightEntropy', true, 2],
];

const CSV_COLUMNS = [
  { header: 'term', value: (r) => r.term },
  { header: 'words', value: (r) => r.words.join(' ') },
  { header: 'count', value: (r) => r.count },
  { header: 'cohesion', value: (r) => round(r.cohesion, 4) },
  { header: 'pmi', value: (r) => round(r.pmi, 4) },
  { header: 'left_entropy', value: (r) => round(r.leftEntropy, 4) },
  { header: 'right_entropy', value: (r) => round(r.rightEntropy, 4) },
  { header: 'known', value: (r) => (r.known ? 'true' : 'false') },
];

export function mount(root, ctx) {
  const { store, actions } = ctx;
  root.classList.add('terms-view');
  /** The engine's terms, in its order (count descending, then term). */
  let terms = [];
  let failed = false;
  /** Sort column and direction; ties keep the engine's order. */
  let sort = { key: 'count', dir: 'desc' };
  let cap = PAGE;
  const engine = latestAnswer(store);

  const heading = el('h2', { className: 'kw-heading', attrs: { id: 'terms-view-heading' } });
  const about = el('p', { className: 'terms-about hint' });
  const summary = el('span', { className: 'terms-summary', attrs: { 'data-testid': 'terms-summary' } });
  const status = statusLine('terms-status');
  const csvButton = button('', () => save(status, toCsv(sorted(), CSV_COLUMNS), 'wenxi-terms', 'csv', 'text/csv;charset=utf-8'), { 'data-testid': 'terms-export-csv' });
  const jsonButton = button('', () => save(status, toJson(jsonDoc()), 'wenxi-terms', 'json', 'application/json;charset=utf-8'), { 'data-testid': 'terms-export-json' });
  const toolbar = el('div', { className: 'kw-toolbar terms-toolbar' }, summary, el('div', { className: 'kw-exports' }, csvButton, jsonButton));
  const empty = el('p', { className: 'kw-empty', attrs: { 'data-testid': 'terms-empty' } });
  const caption = el('caption', { className: 'visually-hidden' });
  const headRow = el('tr', {});
  const tbody = el('tbody', {});
  const table = el('table', { className: 'kw-table terms-table', attrs: { 'data-testid': 'terms-table' } }, caption, el('thead', {}, headRow), tbody);
  const wrap = el('div', { className: 'kw-wrap terms-wrap', attrs: { role: 'region', tabindex: '0', 'aria-labelledby': 'terms-view-heading' } }, table);
  const more = el('button', {
    className: 'kw-button kw-more',
    attrs: { type: 'button', 'data-testid': 'terms-more' },
    on: { click: () => { cap += PAGE; draw(); } },
  });
  root.dataset.state = 'empty';
  root.replaceChildren(heading, about, toolbar, status, empty, wrap, more);

  /** The terms in the chosen order (a stable sort: ties in the engine's order). */
  function sorted() {
    const dir = sort.dir === 'desc' ? -1 : 1;
    return [...terms].sort((a, b) => dir * (a[sort.key] - b[sort.key]));
  }

  function jsonDoc() {
    const { report } = store.get();
    return {
      generator: `Wenxi ${report?.version ?? ''}`.trim(),
      // The engine's defaults (TermsQuery), which the view asks with.
      minCount: 3,
      maxWords: 4,
      sort: sort.key,
      terms: sorted().map((r) => ({
        term: r.term,
        words: r.words,
        count: r.count,
        cohesion: round(r.cohesion, 6),
        pmi: round(r.pmi, 6),
        leftEntropy: round(r.leftEntropy, 6),
        rightEntropy: round(r.rightEntropy, 6),
      })),
    };
  }

  /** Ask the engine for the terms of the analysed text; draw them when they come. */
  async function build() {
    const state = store.get();
    failed = false;
    if (!state.report || typeof state.analyzedText !== 'string') {
      engine.cancel();
      terms = [];
      root.dataset.state = 'empty';
      draw();
      return;
    }
    root.dataset.state = 'loading';
    const got = await engine.ask(() => actions.terms({}));
    if (!got) return;
    if (got.error) {
      [terms, failed] = [[], true];
      root.dataset.state = 'failed';
      draw();
      return;
    }
    terms = got.answer.terms;
    cap = PAGE;
    root.dataset.state = 'ready';
    draw();
  }

  function drawHead() {
    headRow.replaceChildren(
      ...COLUMNS.map(([field, sortable, digits]) => {
        const on = sort.key === field;
        const th = el('th', {
          className: digits === null ? '' : 'num',
          attrs: { scope: 'col', 'aria-sort': sortable ? (on ? (sort.dir === 'desc' ? 'descending' : 'ascending') : 'none') : null },
        });
        if (!sortable) {
          th.textContent = t(`terms.col.${field}`);
          return th;
        }
        th.append(el('button', {
          className: 'kw-sort',
          attrs: { type: 'button', 'data-testid': `terms-sort-${field}`, 'aria-label': t('terms.sortBy', { column: t(`terms.col.${field}`) }) },
          on: {
            click: () => {
              sort = { key: field, dir: sort.key === field && sort.dir === 'desc' ? 'asc' : 'desc' };
              draw();
              headRow.querySelector(`[data-testid="terms-sort-${field}"]`)?.focus();
            },
          },
        }, t(`terms.col.${field}`), el('span', { className: 'kw-arrow', attrs: { 'aria-hidden': 'true' }, text: on ? (sort.dir === 'desc' ? ' ▼' : ' ▲') : '' })));
        return th;
      }),
      el('th', { attrs: { scope: 'col' }, text: t('terms.col.join') }),
    );
  }

  function draw() {
    const state = store.get();
    heading.textContent = t('view.terms');
    about.textContent = t('terms.about');
    csvButton.textContent = t('export.csv');
    jsonButton.textContent = t('export.json');
    const has = terms.length > 0;
    empty.hidden = has;
    toolbar.hidden = wrap.hidden = about.hidden = !has;
    more.hidden = true;
    if (!has) {
      empty.textContent = failed ? t('terms.failed') : state.report ? t('terms.none') : t('terms.empty');
      tbody.replaceChildren();
      return;
    }
    summary.textContent = t('terms.summary', { n: formatNumber(terms.length) });
    caption.textContent = summary.textContent;
    drawHead();
    const keywords = new Set((state.report?.keywords ?? []).map((k) => k.word));
    const joined = new Set(state.words?.added ?? []);
    const rows = sorted();
    tbody.replaceChildren(...rows.slice(0, cap).map((r) => {
      // A term the dictionary has whole (`known`) is one word already: nothing to join.
      const isJoined = joined.has(r.term) || r.known;
      const isKeyword = keywords.has(r.term);
      return el(
        'tr',
        { attrs: { 'data-testid': 'terms-row', 'data-term': r.term } },
        el('td', { className: 'kw-word' },
          el('span', { attrs: { 'data-testid': 'terms-term' }, text: r.term }),
          isKeyword ? el('span', { className: 'terms-keyword', attrs: { 'data-testid': 'terms-is-keyword' }, text: ` ${t('terms.isKeyword')}` }) : null),
        el('td', { className: 'terms-parts', text: r.words.join(' + ') }),
        ...COLUMNS.filter(([, , digits]) => digits !== null).map(([field, , digits]) =>
          el('td', { className: 'num', attrs: { 'data-testid': `terms-${field}`, 'data-value': r[field] }, text: formatNumber(r[field], digits) })),
        el('td', {}, el('button', {
          className: 'kw-button terms-join',
          attrs: {
            type: 'button', 'data-testid': 'terms-join', disabled: isJoined,
            'aria-label': isJoined ? null : t('terms.joinLabel', { term: r.term }),
            title: r.known ? t('terms.knownTitle') : null,
          },
          text: r.known ? t('terms.known') : isJoined ? t('terms.joined') : t('terms.join'),
          on: { click: () => join(r.term) },
        })),
      );
    }));
    more.hidden = rows.length <= cap;
    more.textContent = t('terms.more', { n: formatNumber(Math.min(PAGE, rows.length - cap)) });
  }

  /** Join `term` into one word: a custom dictionary entry; the page analyses again. */
  function join(term) {
    status.textContent = t('terms.joining', { term });
    actions.addWords([term]);
  }

  store.subscribe((state, changed) => {
    if (changed.has('report') || changed.has('analyzedText')) build();
    else if (changed.has('lang') || changed.has('words')) {
      if (root.dataset.state !== 'loading') draw();
    }
  });
  build();
}

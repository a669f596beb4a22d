// Searching the corpus: a concordance, collocates and n-grams over every document of the
// analysed corpus, in three tabs. Shown, like the corpus report (views/corpus.js), in corpus
// mode once a corpus report exists (`state.corpusReport`); otherwise empty and hidden.
//
// The engine keeps the corpus it last analysed (actions.analyzeCorpus passes `keep: true`) and
// answers over it (actions.corpusConcordance, corpusCollocates, corpusNgrams: the package's
// corpus queries; a line's `document` is its index in the report's documents, its start and
// end offsets in that document's text). This view asks and draws. An answer belongs to the
// corpus report it was asked under (latestAnswer on `corpusReport`): when a new report arrives,
// what was asked is asked again, and an answer to an older report is dropped.
//
// The panels' form fields and answer areas are built by lib/query-panel.js. Document names are
// the user's: they go in with textContent only (lib/dom.js).

import { el } from '../lib/dom.js';
import { t, formatNumber } from '../lib/i18n.js';
import { toCsv, round } from '../lib/export.js';
import { latestAnswer, roving, save, tabStop, whole } from '../lib/widgets.js';
import { panelParts } from '../lib/query-panel.js';
import { CONTEXT, CONTEXT_RANGE, clampContext, joinWords, oneLine } from '../lib/query-text.js';

t.register({
  'view.corpus-search': { zh: '搜索语料库', en: 'Search the corpus' },
  'csearch.hint': {
    zh: '在语料库的所有文档中查找：语境（每一处及其前后文）、搭配词、重复的词串。窗口和词串不跨文档。',
    en: 'Search every document of the corpus: a concordance (each occurrence in context), collocates, repeated word sequences. Windows and sequences never cross from one document into the next.',
  },
  'csearch.tabs': { zh: '搜索方式', en: 'Search' },
  'csearch.tab.kwic': { zh: '语境', en: 'Concordance' },
  'csearch.tab.colloc': { zh: '搭配词', en: 'Collocates' },
  'csearch.tab.ngrams': { zh: 'N 元组', en: 'N-grams' },
  'csearch.more': { zh: '再显示 {n} 行（还有 {rest} 行）', en: 'Show {n} more rows ({rest} left)' },
  'csearch.notAnalyzed': {
    zh: '分析引擎已不再保存这个语料库（例如之后分析了一篇文本，或取消了分析）。请再次点击“分析语料库”。',
    en: 'The analyzer no longer holds this corpus (a text was analysed since, or an analysis was cancelled). Analyse the corpus again.',
  },
  'csearch.failed': { zh: '查询失败：{detail}', en: 'The query failed: {detail}' },
  'csearch.invalid': { zh: '无法查询：{detail}', en: 'This query cannot run: {detail}' },
  'csearch.run': { zh: '查询', en: 'Find' },
  'csearch.col.rank': { zh: '#', en: '#' },

  'csearch.kwic.query': { zh: '搜索', en: 'Search for' },
  'csearch.kwic.search': { zh: '搜索', en: 'Search' },
  'csearch.kwic.by': { zh: '匹配', en: 'Match' },
  'csearch.by.string': { zh: '字串', en: 'string' },
  'csearch.by.word': { zh: '词', en: 'word' },
  'csearch.by.regex': { zh: '正则表达式', en: 'regular expression' },
  'csearch.kwic.context': { zh: '前后文字数', en: 'Context (characters)' },
  'csearch.kwic.sort': { zh: '排序', en: 'Sort' },
  'csearch.sort.position': { zh: '文档顺序', en: 'Document order' },
  'csearch.sort.left1': { zh: '左边第 1 个词', en: '1st word to the left' },
  'csearch.sort.left2': { zh: '左边第 2 个词', en: '2nd word to the left' },
  'csearch.sort.right1': { zh: '右边第 1 个词', en: '1st word to the right' },
  'csearch.sort.right2': { zh: '右边第 2 个词', en: '2nd word to the right' },
  'csearch.sort.match': { zh: '匹配的文字', en: 'The match' },
  'csearch.kwic.written': { zh: '按原文显示（含拼音注音、网页标记）', en: 'Show as written (pinyin annotations, markup)' },
  'csearch.kwic.limit': {
    zh: '最多列出 {n} 行（总数仍计算每一处）。',
    en: 'At most {n} lines are listed (the total still counts every occurrence).',
  },
  'csearch.kwic.found': { zh: '「{query}」（{by}）在 {m} 篇文档中共 {n} 处', en: '{n} occurrences of “{query}” ({by}) in {m} documents' },
  'csearch.kwic.limited': { zh: '，按当前排序列出前 {shown} 处', en: '; the first {shown} in this order are listed' },
  'csearch.kwic.none': { zh: '语料库中没有「{query}」（{by}）。', en: 'No occurrence of “{query}” ({by}) in the corpus.' },
  'csearch.kwic.empty': { zh: '输入要查找的词或字串，查看它在各文档中的每一处语境。', en: 'Type a word or string to see every occurrence in context, document by document.' },
  'csearch.kwic.perDoc': { zh: '各文档中的次数', en: 'Occurrences per document' },
  'csearch.kwic.docCount': { zh: '{name}：{n}', en: '{name}: {n}' },
  'csearch.col.document': { zh: '文档', en: 'Document' },
  'csearch.col.left': { zh: '左文', en: 'Left context' },
  'csearch.col.match': { zh: '匹配', en: 'Match' },
  'csearch.col.right': { zh: '右文', en: 'Right context' },

  'csearch.colloc.word': { zh: '节点词', en: 'Node word' },
  'csearch.colloc.left': { zh: '左窗口（词）', en: 'Words to the left' },
  'csearch.colloc.right': { zh: '右窗口（词）', en: 'Words to the right' },
  'csearch.colloc.minCount': { zh: '最低共现次数', en: 'Minimum co-occurrences' },
  'csearch.colloc.sort': { zh: '排序指标', en: 'Sort by' },
  'csearch.colloc.across': { zh: '窗口可跨句（不跨文档）', en: 'Windows cross sentence ends (never documents)' },
  'csearch.measure.count': { zh: '共现次数', en: 'Co-occurrences' },
  'csearch.measure.mi': { zh: 'MI', en: 'MI' },
  'csearch.measure.tScore': { zh: 't 值', en: 't-score' },
  'csearch.measure.logLikelihood': { zh: '对数似然 G²', en: 'Log-likelihood G²' },
  'csearch.measure.logDice': { zh: 'logDice', en: 'logDice' },
  'csearch.col.collocate': { zh: '搭配词', en: 'Collocate' },
  'csearch.col.frequency': { zh: '语料库频次', en: 'Frequency' },
  'csearch.colloc.summary': {
    zh: '「{word}」在语料库中出现 {f} 次，窗口内共 {w} 个词位；{n} 个搭配词，按{measure}排列。',
    en: '“{word}” occurs {f} times in the corpus, with {w} word positions in its windows; {n} collocates by {measure}.',
  },
  'csearch.colloc.cut': { zh: '只列出前 {n} 个。', en: 'Only the first {n} are listed.' },
  'csearch.colloc.empty': { zh: '输入一个词，查看它在整个语料库中的搭配词。', en: 'Type a word to see its collocates over the whole corpus.' },
  'csearch.colloc.notFound': { zh: '「{word}」不在语料库中。', en: '“{word}” is not in the corpus.' },
  'csearch.colloc.none': { zh: '「{word}」没有共现至少 {n} 次的搭配词。', en: 'No word occurs at least {n} times near “{word}”.' },

  'csearch.ngrams.minN': { zh: '最短 n', en: 'Shortest n' },
  'csearch.ngrams.maxN': { zh: '最长 n', en: 'Longest n' },
  'csearch.ngrams.minCount': { zh: '最低次数', en: 'Minimum count' },
  'csearch.ngrams.longest': { zh: '只保留最长（去掉总在更长串中出现的）', en: 'Longest only (drop those always inside a longer one)' },
  'csearch.ngrams.characters': { zh: '按字而非按词（适合文言）', en: 'Characters instead of words (for classical Chinese)' },
  'csearch.col.ngram': { zh: 'N 元组', en: 'N-gram' },
  'csearch.col.n': { zh: 'n', en: 'n' },
  'csearch.col.count': { zh: '次数', en: 'Count' },
  'csearch.col.documents': { zh: '文档数', en: 'Documents' },
  'csearch.ngrams.summary': {
    zh: '{n} 个 n 元组，长 {min}–{max}，在整个语料库中至少出现 {count} 次；“文档数”是出现它的文档数。',
    en: '{n} n-grams, {min} to {max} long, each at least {count} times in the corpus; “Documents” is how many documents have it.',
  },
  'csearch.ngrams.cut': { zh: '只列出最常见的 {n} 个。', en: 'Only the {n} most frequent are listed.' },
  'csearch.ngrams.none': { zh: '没有出现至少 {count} 次的 n 元组。', en: 'No n-gram occurs at least {count} times.' },
});

/** The most lines, collocates or n-grams asked of the engine (the engine's `limit`). */
export const LIMIT = 1000;
/** Rows drawn before a "show more" button. */
const PAGE = 100;
const BYS = ['string', 'word', 'regex'];
const SORTS = ['position', 'left1', 'left2', 'right1', 'right2', 'match'];
const MEASURES = ['logDice', 'mi', 'tScore', 'logLikelihood', 'count'];
const COLLOC = { left: 5, right: 5, minCount: 2, sort: 'logDice' };
const NGRAMS = { minN: 2, maxN: 4, minCount: 3, range: [2, 6] };
const TABS = ['kwic', 'colloc', 'ngrams'];

/** A measure's value as shown: counts whole, the rest to two decimals. */
const showValue = (field, x) => (field === 'count' || field === 'frequency' ? formatNumber(x) : formatNumber(x, 2));

/** The message for an engine's refusal or failure. */
function failureText(error) {
  if (error?.kind === 'not_analyzed') return t('csearch.notAnalyzed');
  if (error?.kind === 'invalid_query') return t('csearch.invalid', { detail: error.message });
  return t('csearch.failed', { detail: error?.message ?? String(error) });
}

export function mount(root, { store, actions }) {
  root.classList.add('csearch-view');
  /** The corpus report the panels were drawn for (a new one re-asks what was asked). */
  let report = null;
  let tab = 'kwic';
  /** Each panel's export buttons call its exporters, set when the panel is built. */
  const exporters = {};
  /** Translations to redo when the language changes: [node, key, vars?]. */
  const strings = [];
  const say = (node, key, prop = 'textContent') => (strings.push([node, key, prop]), node);

  const { field, number, checkbox, select, answerArea, headCells } = panelParts(say, exporters);

  // ---- Heading and tabs.
  const heading = say(el('h2', { className: 'kw-heading', attrs: { id: 'csearch-heading' } }), 'view.corpus-search');
  const hint = say(el('p', { className: 'hint csearch-hint' }), 'csearch.hint');
  const tablist = el('div', { className: 'csearch-tabs', attrs: { role: 'tablist', 'aria-labelledby': 'csearch-heading' } });
  const tabButtons = TABS.map((name) =>
    say(
      el('button', {
        className: 'csearch-tab',
        attrs: { type: 'button', role: 'tab', id: `csearch-tab-${name}`, 'aria-controls': `csearch-panel-${name}`, 'data-tab': name, 'data-testid': `csearch-tab-${name}` },
        on: { click: () => selectTab(name) },
      }),
      `csearch.tab.${name}`,
    ),
  );
  tablist.append(...tabButtons);
  roving(tablist, '[role="tab"]', (b) => selectTab(b.dataset.tab));
  const panel = (name) =>
    el('div', { className: 'csearch-panel', attrs: { role: 'tabpanel', id: `csearch-panel-${name}`, 'aria-labelledby': `csearch-tab-${name}`, 'data-testid': `csearch-panel-${name}`, 'data-state': 'empty', 'data-answered': '0' } });
  const panels = Object.fromEntries(TABS.map((name) => [name, panel(name)]));

  function selectTab(name, focus = false) {
    tab = name;
    for (const b of tabButtons) {
      const on = b.dataset.tab === name;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
    }
    for (const [n, p] of Object.entries(panels)) p.hidden = n !== name;
    // A panel that needs no typed query answers as soon as it is first opened.
    if (name === 'colloc' && !colloc.asked && colloc.word.value.trim() !== '') colloc.run();
    if (name === 'ngrams' && !ngrams.asked) ngrams.run();
  }

  /**
   * Mark a panel's answer as drawn: data-answered counts them, and `marks` (the concordance's
   * query and match) say which request the answer drawn is to (tests can tell a new one, and
   * whose it is: a changed setting also re-asks the search shown).
   */
  const answered = (p, state, marks = {}) => {
    Object.assign(p.dataset, marks);
    p.dataset.state = state;
    p.dataset.answered = String(Number(p.dataset.answered) + 1);
  };
  const docName = (answerReport, i) => answerReport.documents[i]?.name ?? String(i + 1);

  // What the three panels do alike. A pane is {p, area, state, engine, draw}: a panel's tab
  // panel, answer area (lib/query-panel.js), state ({answer, error, shown}), latestAnswer and
  // draw function.

  /** Nothing to ask (no corpus report, or no query): the panel is emptied. */
  const emptied = ({ p, state, engine, draw }) => {
    engine.cancel();
    state.answer = null;
    p.dataset.state = 'empty';
    draw();
  };
  /** The answer and error forgotten (the corpus report is gone), any ask cancelled. */
  const cleared = ({ state, engine, draw }) => {
    state.answer = null;
    state.error = null;
    engine.cancel();
    draw();
  };

  /**
   * Ask for a pane's answer with `call`: the panel shows it is loading; an answer to an older
   * request or report is dropped; a refusal or failure becomes `state.error`, an answer is kept
   * by `keep(answer)`; then the pane is drawn. `marks` go to answered(); `refused` is the state
   * for an invalid query (the concordance tells it apart from a failure).
   */
  async function ask({ p, area, state, engine, draw }, call, keep, { marks = {}, refused = 'failed' } = {}) {
    p.dataset.state = 'loading';
    area.results.setAttribute('aria-busy', 'true');
    const got = await engine.ask(call);
    if (!got) return;
    if (got.error) {
      state.answer = null;
      state.error = got.error;
      answered(p, got.error.kind === 'invalid_query' ? refused : 'failed', marks);
    } else {
      keep(got.answer);
      answered(p, 'ready', marks);
    }
    draw();
  }

  /** The start of drawing an answer area: its table shown when there are rows, else its message. */
  const startDraw = (area, has, hideMessage = has) => {
    area.results.removeAttribute('aria-busy');
    area.results.hidden = !has;
    area.message.hidden = hideMessage;
    area.summary.textContent = '';
  };

  /** A pane's "show more" button: each click draws PAGE more rows (state.shown). */
  const pages = ({ area, state, draw }) =>
    area.more.addEventListener('click', () => {
      state.shown += PAGE;
      draw();
      area.more.focus();
    });
  /** The "show more" button after drawing `shown` of `total` rows. */
  const drawMore = (area, total, shown) => {
    const rest = total - shown;
    area.more.hidden = rest <= 0;
    area.more.textContent = rest > 0 ? t('csearch.more', { n: formatNumber(Math.min(PAGE, rest)), rest: formatNumber(rest) }) : '';
  };

  /** A pane's exports, saved as `base`.csv / .json and said in its status line. */
  const saveCsv = (area, rows, columns, base) => save(area.status, toCsv(rows, columns), base, 'csv', 'text/csv;charset=utf-8');
  const saveJson = (area, doc, base) => save(area.status, JSON.stringify(doc, null, 2) + '\n', base, 'json', 'application/json;charset=utf-8');

  // ---- The concordance.
  const kwic = (() => {
    const p = panels.kwic;
    const engine = latestAnswer(store, 'corpusReport');
    const query = el('input', { attrs: { type: 'search', id: 'csearch-kwic-query', 'data-testid': 'csearch-kwic-query', autocomplete: 'off', spellcheck: 'false', maxlength: 1000 } });
    const by = select('csearch-kwic-by', BYS, (b) => `csearch.by.${b}`);
    const context = number('csearch-kwic-context', CONTEXT, ...CONTEXT_RANGE);
    context.addEventListener('change', () => (context.value = String(clampContext(context.value))));
    const sort = select('csearch-kwic-sort', SORTS, (s) => `csearch.sort.${s}`);
    const written = checkbox('csearch-kwic-written', 'csearch.kwic.written');
    const submit = say(el('button', { className: 'kw-button csearch-primary', attrs: { type: 'submit', 'data-testid': 'csearch-kwic-search' } }), 'csearch.kwic.search');
    const form = el(
      'form',
      { className: 'csearch-controls', attrs: { role: 'search', 'aria-labelledby': 'csearch-tab-kwic' } },
      field('csearch-kwic-query', 'csearch.kwic.query', query, 'csearch-field csearch-field-wide'),
      field('csearch-kwic-by', 'csearch.kwic.by', by),
      field('csearch-kwic-context', 'csearch.kwic.context', context),
      field('csearch-kwic-sort', 'csearch.kwic.sort', sort),
      written.box,
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      state.search = query.value === '' ? null : query.value;
      run();
    });
    // A changed setting re-reads the lines of the search shown (not of a query still being typed).
    for (const control of [by, context, sort, written.input]) control.addEventListener('change', () => state.search !== null && run());
    const limitNote = el('p', { className: 'hint' });
    const alert = el('p', { className: 'kw-alert csearch-alert', attrs: { role: 'alert', 'data-testid': 'csearch-kwic-error' } });
    const area = answerArea('kwic', 'csearch-tab-kwic');
    const perDocHeading = el('h4', { className: 'csearch-subheading', attrs: { id: 'csearch-kwic-perdoc-heading' } });
    const perDocList = el('ul', { className: 'csearch-perdoc', attrs: { 'data-testid': 'csearch-kwic-perdoc', 'aria-labelledby': 'csearch-kwic-perdoc-heading' } });
    area.results.prepend(perDocHeading, perDocList);
    p.append(form, limitNote, alert, area.summary, area.message, area.results);

    /** search: the query run; answer: {request, report, total, perDocument, lines} or null. */
    const state = { search: null, answer: null, error: null, shown: PAGE, get asked() { return state.search !== null; } };
    const pane = { p, area, state, engine, draw };
    pages(pane);

    function request() {
      return { query: state.search, by: by.value, context: clampContext(context.value), sort: sort.value, asWritten: written.input.checked, limit: LIMIT };
    }

    async function run() {
      const made = store.get().corpusReport;
      state.error = null;
      if (!made?.report || state.search === null) return emptied(pane);
      const q = request();
      await ask(
        pane,
        () => actions.corpusConcordance(q),
        ({ total, perDocument, lines }) => {
          state.answer = { request: q, report: made.report, total, perDocument, lines };
          state.shown = PAGE;
        },
        { marks: { query: q.query, by: q.by }, refused: 'refused' },
      );
    }

    function draw() {
      limitNote.textContent = t('csearch.kwic.limit', { n: formatNumber(LIMIT) });
      const refused = state.error?.kind === 'invalid_query';
      alert.hidden = !refused;
      alert.textContent = refused ? failureText(state.error) : '';
      const a = state.answer;
      const has = a !== null && a.lines.length > 0;
      startDraw(area, has, has || refused);
      if (state.error && !refused) area.message.textContent = failureText(state.error);
      else if (!a) area.message.textContent = t('csearch.kwic.empty');
      else if (!has) area.message.textContent = t('csearch.kwic.none', { query: a.request.query, by: t(`csearch.by.${a.request.by}`) });
      if (!has) {
        area.tbody.replaceChildren();
        perDocList.replaceChildren();
        return;
      }
      const documents = a.perDocument.filter((n) => n > 0).length;
      area.summary.textContent =
        t('csearch.kwic.found', { query: a.request.query, by: t(`csearch.by.${a.request.by}`), n: formatNumber(a.total), m: formatNumber(documents) }) +
        (a.total > a.lines.length ? t('csearch.kwic.limited', { shown: formatNumber(a.lines.length) }) : '');
      perDocHeading.textContent = t('csearch.kwic.perDoc');
      perDocList.replaceChildren(
        ...a.perDocument.flatMap((n, i) =>
          n > 0 ? [el('li', { attrs: { 'data-testid': 'csearch-kwic-doc', 'data-index': i, 'data-count': n } }, el('span', { className: 'csearch-docname', text: docName(a.report, i) }), el('span', { className: 'num', text: formatNumber(n) }))] : [],
        ),
      );
      headCells(area, [['csearch.col.rank', true], ['csearch.col.document', false], ['csearch.col.left', false], ['csearch.col.match', false], ['csearch.col.right', false]]);
      area.head.children[2].classList.add('csearch-left');
      area.tbody.replaceChildren(
        ...a.lines.slice(0, state.shown).map((line, i) =>
          el(
            'tr',
            { attrs: { 'data-testid': 'csearch-kwic-line', 'data-document': line.document, 'data-start': line.start, 'data-end': line.end } },
            el('td', { className: 'num', text: formatNumber(i + 1) }),
            el('td', { className: 'csearch-docname', attrs: { 'data-testid': 'csearch-kwic-docname', title: docName(a.report, line.document) }, text: docName(a.report, line.document) }),
            el('td', { className: 'csearch-left', text: oneLine(line.left) }),
            el('td', { className: 'csearch-match', attrs: { 'data-testid': 'csearch-kwic-match' }, text: oneLine(line.match) }),
            el('td', { className: 'csearch-right', text: oneLine(line.right) }),
          ),
        ),
      );
      drawMore(area, a.lines.length, state.shown);
    }

    const columns = () => [
      { header: 'rank', value: (_, i) => i + 1 },
      { header: 'document', value: (l) => docName(state.answer.report, l.document) },
      { header: 'documentIndex', value: (l) => l.document },
      { header: 'start', value: (l) => l.start },
      { header: 'end', value: (l) => l.end },
      { header: 'left', value: (l) => oneLine(l.left) },
      { header: 'match', value: (l) => oneLine(l.match) },
      { header: 'right', value: (l) => oneLine(l.right) },
    ];
    exporters.kwic = {
      csv() {
        if (!state.answer?.lines.length) return;
        saveCsv(area, state.answer.lines, columns(), 'wenxi-corpus-concordance');
      },
      json() {
        const a = state.answer;
        if (!a?.lines.length) return;
        const { limit, ...query } = a.request;
        const doc = {
          generator: `Wenxi ${a.report.version}`,
          query,
          total: a.total,
          perDocument: a.perDocument.map((count, i) => ({ document: i, name: docName(a.report, i), count })),
          lines: a.lines.map((l) => ({ document: l.document, name: docName(a.report, l.document), start: l.start, end: l.end, left: l.left, match: l.match, right: l.right })),
        };
        saveJson(area, doc, 'wenxi-corpus-concordance');
      },
    };
    return { run, draw, state, clear: () => cleared(pane) };
  })();

  // ---- Collocates.
  const colloc = (() => {
    const p = panels.colloc;
    const engine = latestAnswer(store, 'corpusReport');
    const word = el('input', { attrs: { type: 'text', id: 'csearch-colloc-word', 'data-testid': 'csearch-colloc-word', autocomplete: 'off', spellcheck: 'false' } });
    const left = number('csearch-colloc-left', COLLOC.left, 0, 50);
    const right = number('csearch-colloc-right', COLLOC.right, 0, 50);
    const minCount = number('csearch-colloc-min', COLLOC.minCount, 1, 1000);
    const sort = select('csearch-colloc-sort', MEASURES, (m) => `csearch.measure.${m}`);
    const across = checkbox('csearch-colloc-across', 'csearch.colloc.across');
    const submit = say(el('button', { className: 'kw-button csearch-primary', attrs: { type: 'submit', 'data-testid': 'csearch-colloc-run' } }), 'csearch.run');
    const form = el(
      'form',
      { className: 'csearch-controls', attrs: { 'aria-labelledby': 'csearch-tab-colloc' } },
      field('csearch-colloc-word', 'csearch.colloc.word', word, 'csearch-field csearch-field-wide'),
      field('csearch-colloc-left', 'csearch.colloc.left', left),
      field('csearch-colloc-right', 'csearch.colloc.right', right),
      field('csearch-colloc-min', 'csearch.colloc.minCount', minCount),
      field('csearch-colloc-sort', 'csearch.colloc.sort', sort),
      across.box,
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      run();
    });
    for (const control of [left, right, minCount, sort, across.input]) control.addEventListener('change', () => run());
    const area = answerArea('colloc', 'csearch-tab-colloc');
    p.append(form, area.summary, area.message, area.results);
    area.more.hidden = true;
    const state = { asked: false, answer: null, error: null };
    const pane = { p, area, state, engine, draw };
    const FIELDS = ['count', 'frequency', 'mi', 'tScore', 'logLikelihood', 'logDice'];

    function request() {
      return {
        word: word.value.trim(),
        left: whole(left, COLLOC.left),
        right: whole(right, COLLOC.right),
        acrossSentences: across.input.checked,
        minCount: whole(minCount, COLLOC.minCount),
        sort: MEASURES.includes(sort.value) ? sort.value : COLLOC.sort,
        limit: LIMIT + 1,
      };
    }

    async function run() {
      const made = store.get().corpusReport;
      const q = request();
      state.error = null;
      if (!made?.report || q.word === '') return emptied(pane);
      state.asked = true;
      await ask(pane, () => actions.corpusCollocates(q), (result) => {
        state.answer = { request: q, report: made.report, result, rows: result.collocates.slice(0, LIMIT), cut: result.collocates.length > LIMIT };
      });
    }

    function draw() {
      const a = state.answer;
      const has = a !== null && a.rows.length > 0;
      startDraw(area, has);
      if (state.error) area.message.textContent = failureText(state.error);
      else if (!a) area.message.textContent = t('csearch.colloc.empty');
      else if (a.result.frequency === 0) area.message.textContent = t('csearch.colloc.notFound', { word: a.request.word });
      else if (!has) area.message.textContent = t('csearch.colloc.none', { word: a.result.word, n: formatNumber(a.request.minCount) });
      if (a && a.result.frequency > 0) {
        area.summary.textContent =
          t('csearch.colloc.summary', {
            word: a.result.word,
            f: formatNumber(a.result.frequency),
            w: formatNumber(a.result.window),
            n: formatNumber(a.rows.length),
            measure: t(`csearch.measure.${a.request.sort}`),
          }) + (a.cut ? ` ${t('csearch.colloc.cut', { n: formatNumber(LIMIT) })}` : '');
      }
      if (!has) {
        area.tbody.replaceChildren();
        return;
      }
      headCells(area, [
        ['csearch.col.collocate', false],
        ['csearch.measure.count', true],
        ['csearch.col.frequency', true],
        ...['mi', 'tScore', 'logLikelihood', 'logDice'].map((m) => [`csearch.measure.${m}`, true]),
      ]);
      const rows = a.rows.map((c) =>
        el(
          'tr',
          { attrs: { 'data-testid': 'csearch-colloc-row', 'data-word': c.word } },
          el('td', { className: 'kw-word', attrs: { 'data-field': 'word' }, text: c.word }),
          ...FIELDS.map((f) => el('td', { className: 'num', attrs: { 'data-field': f, 'data-value': c[f] }, text: showValue(f, c[f]) })),
        ),
      );
      area.tbody.replaceChildren(...rows);
    }

    const columns = [
      { header: 'rank', value: (_, i) => i + 1 },
      { header: 'word', value: (c) => c.word },
      { header: 'count', value: (c) => c.count },
      { header: 'frequency', value: (c) => c.frequency },
      ...['mi', 'tScore', 'logLikelihood', 'logDice'].map((m) => ({ header: m, value: (c) => round(c[m]) })),
    ];
    exporters.colloc = {
      csv() {
        if (!state.answer?.rows.length) return;
        saveCsv(area, state.answer.rows, columns, 'wenxi-corpus-collocates');
      },
      json() {
        const a = state.answer;
        if (!a?.rows.length) return;
        const { limit, ...query } = a.request;
        const doc = {
          generator: `Wenxi ${a.report.version}`,
          query,
          node: { word: a.result.word, frequency: a.result.frequency },
          words: a.result.words,
          window: a.result.window,
          cut: a.cut,
          collocates: a.rows.map((c) => ({ ...c, mi: round(c.mi), tScore: round(c.tScore), logLikelihood: round(c.logLikelihood), logDice: round(c.logDice) })),
        };
        saveJson(area, doc, 'wenxi-corpus-collocates');
      },
    };
    return {
      run,
      draw,
      word,
      get asked() { return state.asked; },
      clear: () => ((state.asked = false), cleared(pane)),
    };
  })();

  // ---- N-grams.
  const ngrams = (() => {
    const p = panels.ngrams;
    const engine = latestAnswer(store, 'corpusReport');
    const minN = number('csearch-ngrams-min-n', NGRAMS.minN, ...NGRAMS.range);
    const maxN = number('csearch-ngrams-max-n', NGRAMS.maxN, ...NGRAMS.range);
    const minCount = number('csearch-ngrams-min-count', NGRAMS.minCount, 2, 1000);
    const longest = checkbox('csearch-ngrams-longest', 'csearch.ngrams.longest');
    const characters = checkbox('csearch-ngrams-characters', 'csearch.ngrams.characters');
    const submit = say(el('button', { className: 'kw-button csearch-primary', attrs: { type: 'submit', 'data-testid': 'csearch-ngrams-run' } }), 'csearch.run');
    const form = el(
      'form',
      { className: 'csearch-controls', attrs: { 'aria-labelledby': 'csearch-tab-ngrams' } },
      field('csearch-ngrams-min-n', 'csearch.ngrams.minN', minN),
      field('csearch-ngrams-max-n', 'csearch.ngrams.maxN', maxN),
      field('csearch-ngrams-min-count', 'csearch.ngrams.minCount', minCount),
      longest.box,
      characters.box,
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      run();
    });
    form.addEventListener('change', () => run());
    const area = answerArea('ngrams', 'csearch-tab-ngrams');
    p.append(form, area.summary, area.message, area.results);
    const state = { asked: false, answer: null, error: null, shown: PAGE };
    const pane = { p, area, state, engine, draw };
    pages(pane);

    function request() {
      return {
        minN: whole(minN, NGRAMS.minN),
        maxN: whole(maxN, NGRAMS.maxN),
        minCount: whole(minCount, NGRAMS.minCount),
        longestOnly: longest.input.checked,
        characters: characters.input.checked,
        limit: LIMIT + 1,
      };
    }

    async function run() {
      const made = store.get().corpusReport;
      state.error = null;
      if (!made?.report) return emptied(pane);
      const q = request();
      state.asked = true;
      await ask(pane, () => actions.corpusNgrams(q), ({ ngrams: list }) => {
        state.answer = { request: q, report: made.report, rows: list.slice(0, LIMIT), cut: list.length > LIMIT };
        state.shown = PAGE;
      });
    }

    function draw() {
      const a = state.answer;
      const has = a !== null && a.rows.length > 0;
      startDraw(area, has);
      if (state.error) area.message.textContent = failureText(state.error);
      else if (!a) area.message.textContent = '';
      else if (!has) area.message.textContent = t('csearch.ngrams.none', { count: formatNumber(a.request.minCount) });
      if (!has) {
        area.tbody.replaceChildren();
        return;
      }
      const q = a.request;
      area.summary.textContent =
        t('csearch.ngrams.summary', { n: formatNumber(a.rows.length), min: q.minN, max: q.maxN, count: formatNumber(q.minCount) }) +
        (a.cut ? ` ${t('csearch.ngrams.cut', { n: formatNumber(LIMIT) })}` : '');
      headCells(area, [['csearch.col.rank', true], ['csearch.col.ngram', false], ['csearch.col.n', true], ['csearch.col.count', true], ['csearch.col.documents', true]]);
      area.tbody.replaceChildren(
        ...a.rows.slice(0, state.shown).map((g, i) =>
          el(
            'tr',
            { attrs: { 'data-testid': 'csearch-ngrams-row', 'data-words': JSON.stringify(g.words), 'data-count': g.count, 'data-documents': g.documents } },
            el('td', { className: 'num', text: formatNumber(i + 1) }),
            el('td', { className: 'kw-word', text: joinWords(g.words, q.characters) }),
            el('td', { className: 'num', text: formatNumber(g.words.length) }),
            el('td', { className: 'num', attrs: { 'data-field': 'count' }, text: formatNumber(g.count) }),
            el('td', { className: 'num', attrs: { 'data-field': 'documents' }, text: formatNumber(g.documents) }),
          ),
        ),
      );
      drawMore(area, a.rows.length, state.shown);
    }

    const columns = () => [
      { header: 'rank', value: (_, i) => i + 1 },
      { header: 'ngram', value: (g) => joinWords(g.words, state.answer.request.characters) },
      { header: 'words', value: (g) => g.words.join(' ') },
      { header: 'n', value: (g) => g.words.length },
      { header: 'count', value: (g) => g.count },
      { header: 'documents', value: (g) => g.documents },
    ];
    exporters.ngrams = {
      csv() {
        if (!state.answer?.rows.length) return;
        saveCsv(area, state.answer.rows, columns(), 'wenxi-corpus-ngrams');
      },
      json() {
        const a = state.answer;
        if (!a?.rows.length) return;
        const { limit, ...query } = a.request;
        const doc = { generator: `Wenxi ${a.report.version}`, query, cut: a.cut, ngrams: a.rows };
        saveJson(area, doc, 'wenxi-corpus-ngrams');
      },
    };
    return {
      run,
      draw,
      get asked() { return state.asked; },
      clear: () => ((state.asked = false), cleared(pane)),
    };
  })();

  // ---- Showing the view, and answering a new corpus report.
  function drawStrings() {
    for (const [node, key, prop] of strings) node[prop] = t(key);
    kwic.draw();
    colloc.draw();
    ngrams.draw();
  }

  root.replaceChildren(heading, hint, tablist, ...Object.values(panels));
  tabStop(tabButtons, tabButtons[0]);

  function update(state) {
    const made = state.corpusReport;
    const show = Boolean(made?.report) && state.mode === 'corpus';
    root.hidden = !show;
    const now = made?.report ?? null;
    if (now === report) return;
    report = now;
    if (!report) {
      kwic.clear();
      colloc.clear();
      ngrams.clear();
      return;
    }
    // A new corpus: the node word starts as its top keyword; what was asked is asked again.
    if (colloc.word.value.trim() === '' && report.keywords?.length) colloc.word.value = report.keywords[0].word;
    if (kwic.state.asked) kwic.run();
    else kwic.clear();
    if (colloc.asked || tab === 'colloc') colloc.run();
    if (ngrams.asked || tab === 'ngrams') ngrams.run();
  }

  store.subscribe((state, changed) => {
    if (changed.has('lang')) drawStrings();
    if (changed.has('corpusReport') || changed.has('mode')) update(state);
  });
  drawStrings();
  selectTab('kwic');
  update(store.get());
}

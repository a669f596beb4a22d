// Collocates: the words that occur near a node word more often than chance, as a table with
// the four association measures and as a network of the strongest. See views/index.js for the
// view contract.
//
// The engine counts and ranks (actions.collocates: src/query/collocates.rs, which documents
// the window, the measures and their sources); this view asks, shows and exports what it
// answers, in its order. Sorting by a column asks again with that measure, so the ranking and
// its tie-break have one definition, the engine's. The node word starts as the keyword
// selected in the other views (else the top keyword); choosing a collocate, in the table or the
// network, makes it the node word. The network is laid out by d3-force in the page's layout worker
// (lib/off-thread.js, lib/network-layout.js).

import { el, svg } from '../lib/dom.js';
import { t, formatNumber } from '../lib/i18n.js';
import { toCsv, round } from '../lib/export.js';
import { button, fillInSlices, latestAnswer, roving, save, statusLine, tabStop, whole } from '../lib/widgets.js';
import { layOutNetwork } from '../lib/off-thread.js';
import { findKeyword } from '../pkg/model.js';

t.register({
  'view.collocates': { zh: '搭配词', en: 'Collocates' },
  'colloc.hint': {
    zh: '在节点词前后若干词之内出现得比偶然更多的词。点击列标题按该指标排序；点击一个搭配词，以它为新的节点词。',
    en: 'Words that occur within a few words of the node word more often than chance. Choose a column header to sort by it; choose a collocate to make it the node word.',
  },
  'colloc.word': { zh: '节点词', en: 'Node word' },
  'colloc.left': { zh: '左窗口（词）', en: 'Words to the left' },
  'colloc.right': { zh: '右窗口（词）', en: 'Words to the right' },
  'colloc.across': { zh: '窗口可跨句', en: 'Windows cross sentence ends' },
  'colloc.minCount': { zh: '最低共现次数', en: 'Minimum co-occurrences' },
  'colloc.sort': { zh: '排序指标', en: 'Sort by' },
  'colloc.run': { zh: '查询', en: 'Find' },
  'colloc.measure.count': { zh: '共现次数', en: 'Co-occurrences' },
  'colloc.measure.mi': { zh: 'MI', en: 'MI' },
  'colloc.measure.tScore': { zh: 't 值', en: 't-score' },
  'colloc.measure.logLikelihood': { zh: '对数似然 G²', en: 'Log-likelihood G²' },
  'colloc.measure.logDice': { zh: 'logDice', en: 'logDice' },
  'colloc.col.word': { zh: '搭配词', en: 'Collocate' },
  'colloc.col.frequency': { zh: '全文频次', en: 'Frequency' },
  'colloc.sortBy': { zh: '按{column}排序', en: 'Sort by {column}' },
  'colloc.summary': {
    zh: '「{word}」出现 {f} 次，窗口内共 {w} 个词位；{n} 个搭配词，按{measure}排列。',
    en: '“{word}” occurs {f} times, with {w} word positions in its windows; {n} collocates by {measure}.',
  },
  'colloc.cut': { zh: '只列出前 {n} 个。', en: 'Only the first {n} are listed.' },
  'colloc.empty': { zh: '分析文本后，输入或选择一个词，查看它的搭配词。', en: 'Analyze a text, then type or select a word to see its collocates.' },
  'colloc.notFound': { zh: '「{word}」不在文本中。', en: '“{word}” is not in the text.' },
  'colloc.none': { zh: '「{word}」没有共现至少 {n} 次的搭配词。', en: 'No word occurs at least {n} times near “{word}”.' },
  'colloc.invalid': { zh: '无法查询：{detail}', en: 'This query cannot run: {detail}' },
  'colloc.failed': { zh: '无法计算搭配词。', en: 'The collocates could not be computed.' },
  'colloc.network': { zh: '搭配网络（前 {n} 个）', en: 'Collocation network (top {n})' },
  'colloc.network.desc': {
    zh: '「{word}」居中，前 {n} 个搭配词围绕它；连线越粗越短，{measure}越高。',
    en: '“{word}” in the centre and its top {n} collocates around it; the thicker and shorter the line, the higher the {measure}.',
  },
  'colloc.network.failed': { zh: '网络图组件没有加载（请运行 scripts/build.sh）。', en: 'The network library did not load (run scripts/build.sh).' },
  'colloc.node': { zh: '{word}：{measure} {value}，以它为节点词', en: '{word}: {measure} {value}; make it the node word' },
  'colloc.caption': { zh: '「{word}」的搭配词', en: 'Collocates of “{word}”' },
});

/** The measures, in the order of the table's columns; each sorts the engine's answer. */
export const MEASURES = ['count', 'mi', 'tScore', 'logLikelihood', 'logDice'];
/** Collocates listed at most (the engine is asked for one more, to know when it cut). */
export const LIMIT = 500;
/** Collocates in the network. */
export const NETWORK = 20;
/** The request's defaults (src/query/collocates.rs), shown in the controls. */
const DEFAULTS = { left: 5, right: 5, acrossSentences: false, minCount: 2, sort: 'logDice' };

/** The table's columns: [field, string key, is a measure]. */
const COLUMNS = [
  ['word', 'colloc.col.word', false],
  ['count', 'colloc.measure.count', true],
  ['frequency', 'colloc.col.frequency', false],
  ['mi', 'colloc.measure.mi', true],
  ['tScore', 'colloc.measure.tScore', true],
  ['logLikelihood', 'colloc.measure.logLikelihood', true],
  ['logDice', 'colloc.measure.logDice', true],
];

const showValue = (field, v) => (field === 'count' || field === 'frequency' ? formatNumber(v) : formatNumber(v, 2));


export function mount(root, ctx) {
  const { store, actions } = ctx;
  root.classList.add('colloc-view');
  root.dataset.state = 'empty';

  /** The last answer shown: {request, result, rows, cut}. */
  let shown = null;
  /** The engine's error for the last request, if it failed. */
  let failure = null;
  /** The questions to the engine: an answer to an older one (or an older report) is dropped. */
  const engine = latestAnswer(store);
  /** A run put off while an analysis was running. */
  let waiting = false;
  /** Answers drawn in full (root's data-answered): tests and tooling can tell a new one. */
  let answered = 0;
  const done = () => (root.dataset.answered = String(++answered));

  const heading = el('h2', { className: 'kw-heading', attrs: { id: 'colloc-heading' } });
  const hint = el('p', { className: 'colloc-hint' });

  const field = (id, input) => {
    const label = el('label', { attrs: { for: id } });
    return { label, input, box: el('span', { className: 'kw-field colloc-field' }, label, input) };
  };
  const number = (id, testid, value, min, max) =>
    el('input', { attrs: { type: 'number', id, min, max, step: 1, value, inputmode: 'numeric', 'data-testid': testid } });
  const word = field('colloc-word', el('input', { attrs: { type: 'text', id: 'colloc-word', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'colloc-word' } }));
  const left = field('colloc-left', number('colloc-left', 'colloc-left', DEFAULTS.left, 0, 50));
  const right = field('colloc-right', number('colloc-right', 'colloc-right', DEFAULTS.right, 0, 50));
  const minCount = field('colloc-min', number('colloc-min', 'colloc-min-count', DEFAULTS.minCount, 1, 1000));
  const sort = field('colloc-sort', el('select', { attrs: { id: 'colloc-sort', 'data-testid': 'colloc-sort' } }, ...MEASURES.map((m) => el('option', { attrs: { value: m } }))));
  sort.input.value = DEFAULTS.sort;
  const acrossBox = el('input', { attrs: { type: 'checkbox', id: 'colloc-across', 'data-testid': 'colloc-across' } });
  const acrossLabel = el('label', { attrs: { for: 'colloc-across' } });
  const runButton = el('button', { className: 'kw-button', attrs: { type: 'submit', 'data-testid': 'colloc-run' } });
  const form = el(
    'form',
    { className: 'colloc-controls', attrs: { 'data-testid': 'colloc-controls' } },
    word.box,
    left.box,
    right.box,
    minCount.box,
    sort.box,
    el('span', { className: 'colloc-check' }, acrossBox, acrossLabel),
    runButton,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  // Any control but the word runs at once; the word runs on Enter, the button or leaving it.
  form.addEventListener('change', () => run());

  const summary = el('p', { className: 'colloc-summary', attrs: { 'data-testid': 'colloc-summary', 'aria-live': 'polite' } });
  const message = el('p', { className: 'kw-empty', attrs: { 'data-testid': 'colloc-message' } });
  const status = statusLine('colloc-status');
  const csvButton = button('', exportCsv, { 'data-testid': 'colloc-export-csv' });
  const jsonButton = button('', exportJson, { 'data-testid': 'colloc-export-json' });
  const tools = el('div', { className: 'kw-toolbar' }, el('div', { className: 'kw-exports' }, csvButton, jsonButton));

  const networkTitle = el('h3', { className: 'colloc-subheading', attrs: { id: 'colloc-network-heading' } });
  const networkBox = el('div', { className: 'colloc-network', attrs: { 'data-testid': 'colloc-network' } });
  const networkNote = el('p', { className: 'kw-empty', attrs: { 'data-testid': 'colloc-network-note' } });
  const network = el('figure', { className: 'colloc-figure', attrs: { 'aria-labelledby': 'colloc-network-heading' } }, networkTitle, networkBox, networkNote);

  const caption = el('caption', { className: 'visually-hidden' });
  const headers = COLUMNS.map(([f, , measure]) => {
    const th = el('th', { className: f === 'word' ? 'colloc-col-word' : 'num', attrs: { scope: 'col' } });
    if (measure) {
      th.append(el('button', { className: 'kw-sort', attrs: { type: 'button', 'data-sort': f, 'data-testid': `colloc-sort-${f}` }, on: { click: () => sortBy(f) } }));
    }
    return th;
  });
  const tbody = el('tbody', {});
  const table = el('table', { className: 'kw-table colloc-table', attrs: { 'data-testid': 'colloc-table' } }, caption, el('thead', {}, el('tr', {}, ...headers)), tbody);
  const wrap = el('div', { className: 'kw-wrap', attrs: { role: 'region', tabindex: '0', 'aria-labelledby': 'colloc-heading' } }, table);
  const results = el('div', { className: 'colloc-results' }, network, el('div', { className: 'colloc-tablebox' }, tools, status, wrap));

  root.replaceChildren(heading, hint, form, summary, message, results);

  /** Make `w` the node word and ask for its collocates. */
  function choose(w) {
    word.input.value = w;
    run();
  }

  tbody.addEventListener('click', (event) => {
    const row = event.target.closest('tr[data-word]');
    if (row) choose(row.dataset.word);
  });
  roving(tbody, 'tr[data-word]', (row) => choose(row.dataset.word));
  networkBox.addEventListener('click', (event) => {
    const node = event.target.closest('[data-word]');
    if (node) choose(node.dataset.word);
  });
  roving(networkBox, 'g.colloc-node', (node) => choose(node.dataset.word));

  function sortBy(measure) {
    sort.input.value = measure;
    run();
  }

  function drawStrings() {
    heading.textContent = t('view.collocates');
    hint.textContent = t('colloc.hint');
    word.label.textContent = t('colloc.word');
    left.label.textContent = t('colloc.left');
    right.label.textContent = t('colloc.right');
    minCount.label.textContent = t('colloc.minCount');
    sort.label.textContent = t('colloc.sort');
    for (const option of sort.input.options) option.textContent = t(`colloc.measure.${option.value}`);
    acrossLabel.textContent = t('colloc.across');
    runButton.textContent = t('colloc.run');
    csvButton.textContent = t('export.csv');
    jsonButton.textContent = t('export.json');
  }

  /** The request the controls describe. */
  function request() {
    return {
      word: word.input.value.trim(),
      left: whole(left.input, DEFAULTS.left),
      right: whole(right.input, DEFAULTS.right),
      acrossSentences: acrossBox.checked,
      minCount: whole(minCount.input, DEFAULTS.minCount),
      sort: MEASURES.includes(sort.input.value) ? sort.input.value : DEFAULTS.sort,
      limit: LIMIT + 1,
    };
  }

  /** Ask the engine for the controls' request; show the answer when it comes. */
  async function run() {
    const state = store.get();
    // While an analysis runs the engine may already hold the next text: ask once its report
    // is here (or, if it fails or is cancelled, once it is over).
    waiting = state.busy;
    if (waiting) return;
    const q = request();
    failure = null;
    if (!state.report || typeof state.analyzedText !== 'string' || q.word === '') {
      engine.cancel();
      shown = null;
      root.dataset.state = 'empty';
      draw();
      done();
      return;
    }
    root.dataset.state = 'loading';
    results.setAttribute('aria-busy', 'true');
    const got = await engine.ask(() => actions.collocates(q));
    if (!got) return;
    if (got.error) {
      shown = null;
      failure = got.error;
      root.dataset.state = 'failed';
      draw();
      done();
      return;
    }
    const result = got.answer;
    const cut = result.collocates.length > LIMIT;
    shown = { request: q, result, rows: result.collocates.slice(0, LIMIT), cut, current: got.current };
    root.dataset.state = 'ready';
    // 500 rows are drawn in slices: the network and `done` wait for the last.
    if ((await draw()) === null) return;
    if (shown.rows.length) await drawNetwork(got.current);
    if (got.current()) done();
  }

  /** Draws of the table so far: a slice of an older one stops when a newer one starts. */
  let drawing = 0;

  /** The table, or the message; resolves (to null if a newer draw took over) once every row is in. */
  function draw() {
    results.removeAttribute('aria-busy');
    const has = shown !== null && shown.rows.length > 0;
    results.hidden = !has;
    status.textContent = '';
    summary.textContent = '';
    message.textContent = '';
    message.hidden = true;
    if (!has) {
      drawing += 1;
      tbody.replaceChildren();
      networkBox.replaceChildren();
      message.hidden = false;
      if (failure) {
        message.textContent = failure.kind === 'invalid_query' ? t('colloc.invalid', { detail: failure.message }) : t('colloc.failed');
      } else if (!shown) {
        message.textContent = t('colloc.empty');
      } else if (shown.result.frequency === 0) {
        message.textContent = t('colloc.notFound', { word: shown.request.word });
      } else {
        message.textContent = t('colloc.none', { word: shown.result.word, n: formatNumber(shown.request.minCount) });
      }
      if (shown?.result.frequency > 0) summary.textContent = summaryText();
      return;
    }
    summary.textContent = summaryText() + (shown.cut ? ` ${t('colloc.cut', { n: formatNumber(LIMIT) })}` : '');
    return drawTable();
  }

  function summaryText() {
    const { result, request: q } = shown;
    return t('colloc.summary', {
      word: result.word,
      f: formatNumber(result.frequency),
      w: formatNumber(result.window),
      n: formatNumber(Math.min(result.collocates.length, LIMIT)),
      measure: t(`colloc.measure.${q.sort}`),
    });
  }

  function drawTable() {
    const { rows, request: q, result } = shown;
    caption.textContent = t('colloc.caption', { word: result.word });
    COLUMNS.forEach(([f, key, measure], i) => {
      const th = headers[i];
      if (!measure) {
        th.textContent = t(key);
        return;
      }
      const active = q.sort === f;
      th.setAttribute('aria-sort', active ? 'descending' : 'none');
      const b = th.firstChild;
      b.replaceChildren(t(key), el('span', { className: 'kw-arrow', attrs: { 'aria-hidden': 'true' }, text: active ? ' ▼' : '' }));
      b.setAttribute('aria-label', t('colloc.sortBy', { column: t(key) }));
    });
    const row = (c) =>
      el(
        'tr',
        { attrs: { 'data-word': c.word, 'data-testid': 'colloc-row', tabindex: -1 } },
        ...COLUMNS.map(([f]) =>
          f === 'word'
            ? el('td', { className: 'kw-word', attrs: { 'data-field': 'word' }, text: c.word })
            : el('td', { className: 'num', attrs: { 'data-field': f, 'data-value': c[f] }, text: showValue(f, c[f]) }),
        ),
      );
    const id = ++drawing;
    const filled = fillInSlices(tbody, rows, row, () => id === drawing);
    // The first row is the table's tab stop from the first slice on.
    tabStop([...tbody.children]);
    return filled;
  }

  /**
   * The network of the top NETWORK collocates by the request's measure (the table's order);
   * `current()` says whether the answer drawn is still the latest (the layout library loads
   * asynchronously the first time).
   */
  async function drawNetwork(current) {
    const { rows, request: q, result } = shown;
    const top = rows.slice(0, NETWORK).map((c) => ({ word: c.word, value: c[q.sort] }));
    const measure = t(`colloc.measure.${q.sort}`);
    networkTitle.textContent = t('colloc.network', { n: formatNumber(top.length) });
    networkNote.hidden = true;
    let layout;
    try {
      // In the layout worker: 300 ticks of the simulation took tens of ms on the page's thread.
      layout = await layOutNetwork({ word: result.word, words: top });
    } catch {
      if (!current()) return;
      networkBox.replaceChildren();
      networkNote.hidden = false;
      networkNote.textContent = t('colloc.network.failed');
      return;
    }
    if (!current()) return;
    const pad = 8;
    const all = [layout.node, ...layout.words];
    const x0 = Math.min(...all.map((n) => n.x - n.r)) - pad;
    const y0 = Math.min(...all.map((n) => n.y - n.r)) - pad;
    const x1 = Math.max(...all.map((n) => n.x + n.r)) + pad;
    const y1 = Math.max(...all.map((n) => n.y + n.r)) + pad;
    const edges = layout.words.map((w) =>
      svg('line', { class: 'colloc-edge', x1: 0, y1: 0, x2: w.x, y2: w.y, 'stroke-width': (1 + 4 * w.strength).toFixed(2) }),
    );
    const label = (text, className) => {
      const node = svg('text', { class: className, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
      node.textContent = text;
      return node;
    };
    const nodes = layout.words.map((w) => {
      const value = showValue(q.sort, w.value);
      const g = svg(
        'g',
        {
          class: 'colloc-node',
          transform: `translate(${w.x} ${w.y})`,
          role: 'button',
          tabindex: -1,
          'data-word': w.word,
          'data-x': w.x,
          'data-y': w.y,
          'data-testid': 'colloc-network-node',
          'aria-label': t('colloc.node', { word: w.word, measure, value }),
        },
        svg('rect', { class: 'colloc-node-box', x: -w.r, y: -11, width: 2 * w.r, height: 22, rx: 11 }),
        label(w.word, 'colloc-node-label'),
      );
      return g;
    });
    const centre = svg(
      'g',
      { class: 'colloc-centre', 'data-testid': 'colloc-network-centre', 'data-x': layout.node.x, 'data-y': layout.node.y },
      svg('rect', { x: -layout.node.r, y: -14, width: 2 * layout.node.r, height: 28, rx: 14 }),
      label(result.word, 'colloc-centre-label'),
    );
    const desc = svg('desc', {});
    desc.textContent = t('colloc.network.desc', { word: result.word, n: top.length, measure });
    const picture = svg(
      'svg',
      { class: 'colloc-svg', viewBox: `${x0} ${y0} ${x1 - x0} ${y1 - y0}`, role: 'group', 'aria-labelledby': 'colloc-network-heading', 'data-testid': 'colloc-network-svg' },
      desc,
      svg('g', { class: 'colloc-edges' }, ...edges),
      centre,
      ...nodes,
    );
    networkBox.replaceChildren(picture);
    tabStop(nodes);
  }

  function columns() {
    return [
      { header: 'rank', value: (_, i) => i + 1 },
      { header: 'word', value: (c) => c.word },
      { header: 'count', value: (c) => c.count },
      { header: 'frequency', value: (c) => c.frequency },
      ...['mi', 'tScore', 'logLikelihood', 'logDice'].map((m) => ({ header: m, value: (c) => round(c[m]) })),
    ];
  }

  function exportCsv() {
    if (!shown?.rows.length) return;
    save(status, toCsv(shown.rows, columns()), 'wenxi-collocates', 'csv', 'text/csv;charset=utf-8');
  }

  /** The table as JSON: the request, the node's figures and every row shown, in their order. */
  function exportJson() {
    if (!shown?.rows.length) return;
    const { request: q, result, rows } = shown;
    const { limit, ...query } = q;
    const doc = {
      generator: `Wenxi ${store.get().report.version}`,
      query,
      node: { word: result.word, frequency: result.frequency },
      words: result.words,
      window: result.window,
      cut: shown.cut,
      collocates: rows.map((c) => ({ ...c, mi: round(c.mi), tScore: round(c.tScore), logLikelihood: round(c.logLikelihood), logDice: round(c.logDice) })),
    };
    save(status, JSON.stringify(doc, null, 2) + '\n', 'wenxi-collocates', 'json', 'application/json;charset=utf-8');
  }

  /** The node word the selection or the report suggests: the selected keyword, else the
   * word typed, else the top keyword. */
  function suggest(state, selectionChanged) {
    const selected = findKeyword(state.report, state.selected);
    if (selected && (selectionChanged || word.input.value.trim() === '')) word.input.value = selected.word;
    else if (word.input.value.trim() === '' && state.report?.keywords.length) word.input.value = state.report.keywords[0].word;
  }

  store.subscribe((state, changed) => {
    if (changed.has('busy') && !state.busy && waiting && !changed.has('report')) run();
    if (changed.has('lang')) {
      drawStrings();
      if (root.dataset.state !== 'loading') {
        draw();
        if (shown?.rows.length) drawNetwork(shown.current);
      }
    }
    if (changed.has('report') || changed.has('analyzedText') || changed.has('selected')) {
      if (changed.has('report') || changed.has('selected')) suggest(state, changed.has('selected'));
      run();
    }
  });
  drawStrings();
  suggest(store.get(), true);
  run();
}

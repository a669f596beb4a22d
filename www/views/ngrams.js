// N-grams: the word (or character) sequences that repeat in the text, with their counts. See
// views/index.js for the view contract.
//
// The engine finds, counts and orders them (actions.ngrams: src/query/ngrams.rs: within a
// phrase, overlapping occurrences counted, by count, then longer first); this view asks with
// the reader's settings and shows the answer in its order. Characters instead of words suit
// classical Chinese, where the segmenter's words are least reliable.

import { el } from '../lib/dom.js';
import { t, formatNumber } from '../lib/i18n.js';
import { toCsv } from '../lib/export.js';
import { button, fillInSlices, latestAnswer, save, statusLine, whole } from '../lib/widgets.js';
import { joinWords } from '../lib/query-text.js';

export { joinWords };

t.register({
  'view.ngrams': { zh: 'N 元组', en: 'N-grams' },
  'ngrams.hint': {
    zh: '文本中重复出现的连续词串（或字串），不跨标点与句末。',
    en: 'Runs of consecutive words (or characters) that repeat in the text, never across punctuation or a sentence end.',
  },
  'ngrams.minN': { zh: '最短 n', en: 'Shortest n' },
  'ngrams.maxN': { zh: '最长 n', en: 'Longest n' },
  'ngrams.minCount': { zh: '最低次数', en: 'Minimum count' },
  'ngrams.longest': { zh: '只保留最长（去掉总在更长串中出现的）', en: 'Longest only (drop those always inside a longer one)' },
  'ngrams.characters': { zh: '按字而非按词（适合文言）', en: 'Characters instead of words (for classical Chinese)' },
  'ngrams.col.rank': { zh: '#', en: '#' },
  'ngrams.col.ngram': { zh: 'N 元组', en: 'N-gram' },
  'ngrams.col.n': { zh: 'n', en: 'n' },
  'ngrams.col.count': { zh: '次数', en: 'Count' },
  'ngrams.caption': { zh: '重复的 n 元组', en: 'Repeated n-grams' },
  'ngrams.summary': { zh: '{n} 个 n 元组，长 {min}–{max}，至少出现 {count} 次。', en: '{n} n-grams, {min} to {max} long, each at least {count} times.' },
  'ngrams.cut': { zh: '只列出最常见的 {n} 个。', en: 'Only the {n} most frequent are listed.' },
  'ngrams.none': { zh: '没有出现至少 {count} 次的 n 元组。', en: 'No n-gram occurs at least {count} times.' },
  'ngrams.empty': { zh: '分析文本后，这里列出重复的词串。', en: 'Analyze a text to see its repeated word sequences here.' },
  'ngrams.invalid': { zh: '无法查询：{detail}', en: 'This query cannot run: {detail}' },
  'ngrams.failed': { zh: '无法计算 n 元组。', en: 'The n-grams could not be computed.' },
});

/** N-grams listed at most (the engine is asked for one more, to know when it cut). */
export const LIMIT = 1000;
/** The range of n the engine takes (src/query/ngrams.rs MAX_N). */
const N_RANGE = [2, 6];
const DEFAULTS = { minN: 2, maxN: 4, minCount: 3 };

export function mount(root, ctx) {
  const { store, actions } = ctx;
  root.classList.add('ngrams-view');
  root.dataset.state = 'empty';

  /** The last answer shown: {request, rows, cut}. */
  let shown = null;
  let failure = null;
  const engine = latestAnswer(store);
  /** A run put off while an analysis was running. */
  let waiting = false;
  /** Answers drawn in full (root's data-answered): tests and tooling can tell a new one. */
  let answered = 0;
  const done = () => (root.dataset.answered = String(++answered));

  const heading = el('h2', { className: 'kw-heading', attrs: { id: 'ngrams-heading' } });
  const hint = el('p', { className: 'ngrams-hint' });
  const field = (id, testid, value, min, max) => {
    const input = el('input', { attrs: { type: 'number', id, min, max, step: 1, value, inputmode: 'numeric', 'data-testid': testid } });
    const label = el('label', { attrs: { for: id } });
    return { input, label, box: el('span', { className: 'kw-field ngrams-field' }, label, input) };
  };
  const minN = field('ngrams-min-n', 'ngrams-min-n', DEFAULTS.minN, ...N_RANGE);
  const maxN = field('ngrams-max-n', 'ngrams-max-n', DEFAULTS.maxN, ...N_RANGE);
  const minCount = field('ngrams-min-count', 'ngrams-min-count', DEFAULTS.minCount, 2, 1000);
  const check = (id, testid) => {
    const input = el('input', { attrs: { type: 'checkbox', id, 'data-testid': testid } });
    const label = el('label', { attrs: { for: id } });
    return { input, label, box: el('span', { className: 'ngrams-check' }, input, label) };
  };
  const longest = check('ngrams-longest', 'ngrams-longest');
  const characters = check('ngrams-characters', 'ngrams-characters');
  const form = el('form', { className: 'ngrams-controls', attrs: { 'data-testid': 'ngrams-controls' } }, minN.box, maxN.box, minCount.box, longest.box, characters.box);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  form.addEventListener('change', () => run());

  const summary = el('p', { className: 'ngrams-summary', attrs: { 'data-testid': 'ngrams-summary', 'aria-live': 'polite' } });
  const message = el('p', { className: 'kw-empty', attrs: { 'data-testid': 'ngrams-message' } });
  const status = statusLine('ngrams-status');
  const csvButton = button('', exportCsv, { 'data-testid': 'ngrams-export-csv' });
  const jsonButton = button('', exportJson, { 'data-testid': 'ngrams-export-json' });
  const tools = el('div', { className: 'kw-toolbar' }, el('div', { className: 'kw-exports' }, csvButton, jsonButton));
  const caption = el('caption', { className: 'visually-hidden' });
  const headRow = el('tr', {});
  const tbody = el('tbody', {});
  const table = el('table', { className: 'kw-table ngrams-table', attrs: { 'data-testid': 'ngrams-table' } }, caption, el('thead', {}, headRow), tbody);
  const wrap = el('div', { className: 'kw-wrap', attrs: { role: 'region', tabindex: '0', 'aria-labelledby': 'ngrams-heading' } }, table);
  const results = el('div', { className: 'ngrams-results' }, tools, status, wrap);
  root.replaceChildren(heading, hint, form, summary, message, results);

  function drawStrings() {
    heading.textContent = t('view.ngrams');
    hint.textContent = t('ngrams.hint');
    minN.label.textContent = t('ngrams.minN');
    maxN.label.textContent = t('ngrams.maxN');
    minCount.label.textContent = t('ngrams.minCount');
    longest.label.textContent = t('ngrams.longest');
    characters.label.textContent = t('ngrams.characters');
    csvButton.textContent = t('export.csv');
    jsonButton.textContent = t('export.json');
    caption.textContent = t('ngrams.caption');
    headRow.replaceChildren(
      el('th', { className: 'num', attrs: { scope: 'col' }, text: t('ngrams.col.rank') }),
      el('th', { className: 'ngrams-col-ngram', attrs: { scope: 'col' }, text: t('ngrams.col.ngram') }),
      el('th', { className: 'num', attrs: { scope: 'col' }, text: t('ngrams.col.n') }),
      el('th', { className: 'num', attrs: { scope: 'col' }, text: t('ngrams.col.count') }),
    );
  }

  function request() {
    return {
      minN: whole(minN.input, DEFAULTS.minN),
      maxN: whole(maxN.input, DEFAULTS.maxN),
      minCount: whole(minCount.input, DEFAULTS.minCount),
      longestOnly: longest.input.checked,
      characters: characters.input.checked,
      limit: LIMIT + 1,
    };
  }

  async function run() {
    const state = store.get();
    // While an analysis runs the engine may already hold the next text: ask once its report
    // is here (or, if it fails or is cancelled, once it is over).
    waiting = state.busy;
    if (waiting) return;
    failure = null;
    if (!state.report || typeof state.analyzedText !== 'string') {
      engine.cancel();
      shown = null;
      root.dataset.state = 'empty';
      draw();
      done();
      return;
    }
    const q = request();
    root.dataset.state = 'loading';
    results.setAttribute('aria-busy', 'true');
    const got = await engine.ask(() => actions.ngrams(q));
    if (!got) return;
    if (got.error) {
      shown = null;
      failure = got.error;
      root.dataset.state = 'failed';
      draw();
      done();
      return;
    }
    const { ngrams } = got.answer;
    shown = { request: q, rows: ngrams.slice(0, LIMIT), cut: ngrams.length > LIMIT };
    root.dataset.state = 'ready';
    // A thousand rows are drawn in slices; the answer is done when the last is in.
    if ((await draw()) === null) return;
    done();
  }

  /** Draws of the table so far: a slice of an older one stops when a newer one starts. */
  let drawing = 0;

  /** The table, or the message; resolves (to null if a newer draw took over) once every row is in. */
  function draw() {
    results.removeAttribute('aria-busy');
    const has = shown !== null && shown.rows.length > 0;
    results.hidden = !has;
    message.hidden = has;
    summary.textContent = '';
    status.textContent = '';
    if (!has) {
      drawing += 1;
      tbody.replaceChildren();
      if (failure) message.textContent = failure.kind === 'invalid_query' ? t('ngrams.invalid', { detail: failure.message }) : t('ngrams.failed');
      else if (!shown) message.textContent = t('ngrams.empty');
      else message.textContent = t('ngrams.none', { count: formatNumber(shown.request.minCount) });
      return;
    }
    const { request: q, rows, cut } = shown;
    summary.textContent =
      t('ngrams.summary', { n: formatNumber(rows.length), min: q.minN, max: q.maxN, count: formatNumber(q.minCount) }) +
      (cut ? ` ${t('ngrams.cut', { n: formatNumber(LIMIT) })}` : '');
    const id = ++drawing;
    return fillInSlices(
      tbody,
      rows,
      (g, i) =>
        el(
          'tr',
          { attrs: { 'data-testid': 'ngrams-row', 'data-n': g.words.length, 'data-count': g.count, 'data-words': JSON.stringify(g.words) } },
          el('td', { className: 'num kw-rank', text: formatNumber(i + 1) }),
          el('td', { className: 'kw-word', attrs: { 'data-testid': 'ngrams-text' }, text: joinWords(g.words, q.characters) }),
          el('td', { className: 'num', text: formatNumber(g.words.length) }),
          el('td', { className: 'num', attrs: { 'data-testid': 'ngrams-count' }, text: formatNumber(g.count) }),
        ),
      () => id === drawing,
    );
  }

  const COLUMNS = [
    { header: 'rank', value: (_, i) => i + 1 },
    { header: 'ngram', value: (g) => joinWords(g.words, shown.request.characters) },
    { header: 'words', value: (g) => g.words.join(' ') },
    { header: 'n', value: (g) => g.words.length },
    { header: 'count', value: (g) => g.count },
  ];

  function exportCsv() {
    if (!shown?.rows.length) return;
    save(status, toCsv(shown.rows, COLUMNS), 'wenxi-ngrams', 'csv', 'text/csv;charset=utf-8');
  }

  function exportJson() {
    if (!shown?.rows.length) return;
    const { limit, ...query } = shown.request;
    const doc = { generator: `Wenxi ${store.get().report.version}`, query, cut: shown.cut, ngrams: shown.rows };
    save(status, JSON.stringify(doc, null, 2) + '\n', 'wenxi-ngrams', 'json', 'application/json;charset=utf-8');
  }

  store.subscribe((state, changed) => {
    if (changed.has('busy') && !state.busy && waiting && !changed.has('report')) run();
    if (changed.has('lang')) {
      drawStrings();
      if (root.dataset.state !== 'loading') draw();
    }
    if (changed.has('report') || changed.has('analyzedText')) run();
  });
  drawStrings();
  run();
}

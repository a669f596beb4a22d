// Keyness in the corpus: two groups of its documents compared, and the whole corpus against a
// reference. Shown, like the corpus report (views/corpus.js), in corpus mode once a corpus
// report exists (`state.corpusReport`); otherwise empty and hidden.
//
//   compare     the reader puts documents in group A and group B (a document in one group
//               cannot be in the other); actions.compareGroups(a, b) answers with a Comparison
//               (js/report.d.ts): the words A uses more than B, and those B uses more than A.
//   reference   a text file, a word-frequency list (`word<TAB>count` a line) or jieba's
//               dictionary frequencies; actions.corpusReport({reference}) answers with the
//               kept corpus's report, whose `reference` holds the keyness. The file is read in
//               the browser (File.arrayBuffer, lib/decode.js) and never leaves it.
//
// G², significance and log ratio are the engine's (KeyTerm); this view lays them out. An
// answer belongs to the corpus report it was asked under (latestAnswer on `corpusReport`): a
// new report clears the groups (its documents may differ) and asks for the reference again.
// Document names and reference names are the user's: textContent only (lib/dom.js).

import { el } from '../lib/dom.js';
import { t, formatNumber } from '../lib/i18n.js';
import { toCsv, round } from '../lib/export.js';
import { button, latestAnswer, save, statusLine } from '../lib/widgets.js';
import { decodeBytes } from '../lib/decode.js';

t.register({
  'view.corpus-keyness': { zh: '对比与参照', en: 'Compare and reference' },
  'ckey.hint': {
    zh: 'G²：对数似然比（* p<0.05，** p<0.01，*** p<0.001，**** p<0.0001）；对数比：该组（或语料库）与另一方相对频率之比的 log₂，+1 即多用一倍。',
    en: 'G²: the log-likelihood (* p<0.05, ** p<0.01, *** p<0.001, **** p<0.0001); log ratio: log₂ of the ratio of this side’s relative frequency to the other’s, +1 is twice as often.',
  },
  'ckey.exportCsv': { zh: '导出 CSV', en: 'Export CSV' },
  'ckey.exportJson': { zh: '导出 JSON', en: 'Export JSON' },
  'ckey.notAnalyzed': {
    zh: '分析引擎已不再保存这个语料库（例如之后分析了一篇文本，或取消了分析）。请再次点击“分析语料库”。',
    en: 'The analyzer no longer holds this corpus (a text was analysed since, or an analysis was cancelled). Analyse the corpus again.',
  },
  'ckey.failed': { zh: '比较失败：{detail}', en: 'The comparison failed: {detail}' },
  'ckey.none': { zh: '没有这样的词。', en: 'No such words.' },
  'ckey.col.word': { zh: '词', en: 'Word' },
  'ckey.col.g2': { zh: 'G²', en: 'G²' },
  'ckey.col.sig': { zh: '显著性', en: 'Significance' },
  'ckey.col.logRatio': { zh: '对数比', en: 'Log ratio' },

  'ckey.compare': { zh: '两组文档对比', en: 'Compare two groups of documents' },
  'ckey.compareHint': { zh: '把文档放进 A 组或 B 组（一篇文档只能在一组），然后点击“对比”。', en: 'Put documents in group A or group B (a document can be in one group only), then choose Compare.' },
  'ckey.groupA': { zh: 'A 组', en: 'Group A' },
  'ckey.groupB': { zh: 'B 组', en: 'Group B' },
  'ckey.inOther': { zh: '（已在另一组）', en: '(in the other group)' },
  'ckey.compareButton': { zh: '对比', en: 'Compare' },
  'ckey.needGroups': { zh: '每组至少选一篇文档。', en: 'Choose at least one document for each group.' },
  'ckey.sizes': { zh: 'A 组 {a} 篇文档，{wa} 个实词；B 组 {b} 篇文档，{wb} 个实词。', en: 'Group A: {a} documents, {wa} content words; group B: {b} documents, {wb} content words.' },
  'ckey.aOverB': { zh: 'A 组多用的词（A 对 B）', en: 'Words key for A (A against B)' },
  'ckey.bOverA': { zh: 'B 组多用的词（B 对 A）', en: 'Words key for B (B against A)' },
  'ckey.col.countA': { zh: 'A 组次数', en: 'Count A' },
  'ckey.col.countB': { zh: 'B 组次数', en: 'Count B' },

  'ckey.reference': { zh: '与参照语料对比', en: 'Against a reference' },
  'ckey.referenceHint': {
    zh: '参照语料可以是一个文本文件（.txt），一个词频表（每行“词<Tab>次数”，.tsv 或 .txt），或 jieba 词典的词频（大致代表一般现代汉语）。文件只在本浏览器中读取，不会上传。',
    en: 'The reference is a text file (.txt), a frequency list (“word<Tab>count” a line, .tsv or .txt), or jieba’s dictionary frequencies (roughly general modern Chinese). The file is read in this browser only, never uploaded.',
  },
  'ckey.source': { zh: '参照语料', en: 'Reference' },
  'ckey.source.text': { zh: '文本文件', en: 'A text file' },
  'ckey.source.list': { zh: '词频表', en: 'A frequency list' },
  'ckey.source.dictionary': { zh: 'jieba 词典词频', en: 'jieba dictionary frequencies' },
  'ckey.file': { zh: '文件', en: 'File' },
  'ckey.referenceButton': { zh: '与参照对比', en: 'Compare with the reference' },
  'ckey.needFile': { zh: '请先选择一个文件。', en: 'Choose a file first.' },
  'ckey.readFailed': { zh: '无法读取文件 {name}。', en: 'The file {name} could not be read.' },
  'ckey.badList': { zh: '词频表有误（第 {line} 行）：{detail}', en: 'The frequency list is wrong (line {line}): {detail}' },
  'ckey.badListNoLine': { zh: '词频表有误：{detail}', en: 'The frequency list is wrong: {detail}' },
  'ckey.referenceName': { zh: '参照语料：{name}（语料库 {words} 个实词，参照 {other} 个词）', en: 'Reference: {name} (corpus {words} content words, reference {other} words)' },
  'ckey.noReference': { zh: '引擎的报告里没有参照对比。', en: 'The engine’s report has no reference comparison.' },
  'ckey.corpusOver': { zh: '语料库多用的词', en: 'Words the corpus uses more' },
  'ckey.referenceOver': { zh: '参照语料多用的词', en: 'Words the reference uses more' },
  'ckey.col.countCorpus': { zh: '语料库次数', en: 'Count in the corpus' },
  'ckey.col.countReference': { zh: '参照次数', en: 'Count in the reference' },
});

/** Terms each comparison lists (compareGroups' `terms`). */
const TERMS = 50;
const SOURCES = ['text', 'list', 'dictionary'];

const sigMark = (p) => (p === null || p === undefined ? '' : { 0.05: '*', 0.01: '**', 0.001: '***', 0.0001: '****' }[p] ?? '');

/** The message for an engine's refusal or failure. */
function failureText(error) {
  if (error?.kind === 'not_analyzed') return t('ckey.notAnalyzed');
  if (error?.kind === 'invalid_frequency_list') {
    const line = error.line ?? error.detail?.line;
    return line ? t('ckey.badList', { line: formatNumber(line), detail: error.message }) : t('ckey.badListNoLine', { detail: error.message });
  }
  return t('ckey.failed', { detail: error?.message ?? String(error) });
}

/**
 * The rows of one side of a Keyness: `side` 'positive' (A's words: count A is `count`) or
 * 'negative' (B's: count A is still `count`, B's `other`), each with the log ratio of the
 * table's own side over the other (so a table's words all have a positive one).
 */
export function keyRows(keyness, side) {
  return (keyness?.[side] ?? []).map((k) => ({
    word: k.word,
    key: k.key,
    countA: k.count,
    countB: k.other,
    g2: k.g2,
    significance: k.significance,
    logRatio: side === 'positive' ? k.logRatio : -k.logRatio,
  }));
}

export function mount(root, { store, actions }) {
  root.classList.add('ckey-view');
  let report = null;
  const strings = [];
  const say = (node, key) => (strings.push([node, key]), node);
  const exporters = {};

  const heading = say(el('h2', { className: 'kw-heading', attrs: { id: 'ckey-heading' } }), 'view.corpus-keyness');
  const hint = say(el('p', { className: 'hint' }), 'ckey.hint');

  /** A table of key terms: `countKeys` the two count columns' strings. */
  function keyTable(testid, labelId, rows, countKeys) {
    if (!rows.length) return el('p', { className: 'kw-empty', attrs: { 'data-testid': `${testid}-none` }, text: t('ckey.none') });
    const head = el(
      'tr',
      {},
      el('th', { attrs: { scope: 'col' }, text: t('ckey.col.word') }),
      ...[countKeys[0], countKeys[1], 'ckey.col.g2', 'ckey.col.sig', 'ckey.col.logRatio'].map((k) => el('th', { className: 'num', attrs: { scope: 'col' }, text: t(k) })),
    );
    const body = rows.map((r) =>
      el(
        'tr',
        { attrs: { 'data-testid': `${testid}-row`, 'data-key': r.key } },
        el('td', { className: 'kw-word', attrs: { 'data-field': 'word' }, text: r.word }),
        el('td', { className: 'num', attrs: { 'data-field': 'countA', 'data-value': r.countA }, text: formatNumber(r.countA) }),
        el('td', { className: 'num', attrs: { 'data-field': 'countB', 'data-value': r.countB }, text: formatNumber(r.countB) }),
        el('td', { className: 'num', attrs: { 'data-field': 'g2', 'data-value': r.g2 }, text: formatNumber(r.g2, 2) }),
        el('td', { className: 'num', attrs: { 'data-field': 'significance', 'data-value': r.significance ?? '' }, text: sigMark(r.significance) }),
        el('td', { className: 'num', attrs: { 'data-field': 'logRatio', 'data-value': r.logRatio }, text: formatNumber(r.logRatio, 2) }),
      ),
    );
    return el(
      'div',
      { className: 'kw-wrap ckey-wrap', attrs: { role: 'region', tabindex: '0', 'aria-labelledby': labelId } },
      el('table', { className: 'kw-table ckey-table', attrs: { 'data-testid': testid } }, el('thead', {}, head), el('tbody', {}, ...body)),
    );
  }

  /** Two tables, one per direction, with their headings. */
  function twoTables(prefix, sides) {
    return sides.map(({ id, titleKey, rows, countKeys }) => {
      const h = el('h4', { className: 'ckey-subheading', attrs: { id: `${prefix}-${id}-heading` }, text: t(titleKey) });
      return el('section', { className: 'ckey-side', attrs: { 'aria-labelledby': h.id } }, h, keyTable(`${prefix}-${id}`, h.id, rows, countKeys));
    });
  }

  const rowColumns = (countA, countB) => [
    { header: 'direction', value: (r) => r.direction },
    { header: 'word', value: (r) => r.word },
    { header: 'key', value: (r) => r.key },
    { header: countA, value: (r) => r.countA },
    { header: countB, value: (r) => r.countB },
    { header: 'g2', value: (r) => round(r.g2, 4) },
    { header: 'significance', value: (r) => sigMark(r.significance) },
    { header: 'log_ratio', value: (r) => round(r.logRatio, 4) },
  ];

  const exportTools = (name) =>
    el(
      'div',
      { className: 'kw-toolbar' },
      el(
        'div',
        { className: 'kw-exports' },
        say(button('', () => exporters[name].csv(), { 'data-testid': `ckey-${name}-csv` }), 'ckey.exportCsv'),
        say(button('', () => exporters[name].json(), { 'data-testid': `ckey-${name}-json` }), 'ckey.exportJson'),
      ),
    );

  // ---- Compare two groups.
  const compare = (() => {
    const engine = latestAnswer(store, 'corpusReport');
    const title = say(el('h3', { attrs: { id: 'ckey-compare-heading' } }), 'ckey.compare');
    const about = say(el('p', { className: 'hint' }), 'ckey.compareHint');
    const groupBox = (g) => {
      const legend = say(el('legend', {}), `ckey.group${g}`);
      const list = el('ul', { className: 'ckey-docs', attrs: { 'data-testid': `ckey-group-${g.toLowerCase()}` } });
      return { list, box: el('fieldset', { className: 'ckey-group' }, legend, list) };
    };
    const A = groupBox('A');
    const B = groupBox('B');
    const run = say(el('button', { className: 'kw-button ckey-primary', attrs: { type: 'submit', 'data-testid': 'ckey-compare-run' } }), 'ckey.compareButton');
    const form = el('form', { className: 'ckey-groups', attrs: { 'aria-labelledby': 'ckey-compare-heading' } }, A.box, B.box, el('div', { className: 'ckey-actions' }, run));
    const message = el('p', { className: 'kw-alert ckey-message', attrs: { role: 'alert', 'data-testid': 'ckey-compare-error' } });
    const summary = el('p', { className: 'hint', attrs: { 'data-testid': 'ckey-compare-summary', 'aria-live': 'polite' } });
    const status = statusLine('ckey-compare-status');
    const tools = exportTools('compare');
    const tables = el('div', { className: 'ckey-tables', attrs: { 'data-testid': 'ckey-compare-tables' } });
    const section = el('section', { className: 'ckey-section', attrs: { 'aria-labelledby': title.id, 'data-testid': 'ckey-compare', 'data-answered': '0' } }, title, about, form, message, summary, tools, status, tables);
    /** in: document index → 'a' | 'b'; answer: {comparison, report} or null. */
    const state = { in: new Map(), answer: null, error: null };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      ask();
    });
    form.addEventListener('change', (event) => {
      const box = event.target;
      if (box.type !== 'checkbox') return;
      const i = Number(box.dataset.index);
      if (box.checked) state.in.set(i, box.dataset.group);
      else if (state.in.get(i) === box.dataset.group) state.in.delete(i);
      drawGroups();
    });

    function drawGroups() {
      const docs = report?.documents ?? [];
      // The lists are redrawn: the box that had the focus gets it back.
      const focused = form.contains(document.activeElement) ? document.activeElement.id : null;
      for (const [g, part] of [['a', A], ['b', B]]) {
        part.list.replaceChildren(
          ...docs.map((d, i) => {
            const other = state.in.has(i) && state.in.get(i) !== g;
            const id = `ckey-${g}-${i}`;
            return el(
              'li',
              {},
              el('input', { attrs: { type: 'checkbox', id, 'data-index': i, 'data-group': g, 'data-testid': `ckey-${g}-doc`, checked: state.in.get(i) === g, disabled: other } }),
              el('label', { attrs: { for: id } }, el('span', { text: d.name }), other ? el('span', { className: 'ckey-other', text: ` ${t('ckey.inOther')}` }) : null),
            );
          }),
        );
      }
      if (focused && !form.contains(document.activeElement)) form.querySelector(`#${CSS.escape(focused)}`)?.focus();
    }

    const groups = () => {
      const a = [];
      const b = [];
      for (const [i, g] of [...state.in].sort((x, y) => x[0] - y[0])) (g === 'a' ? a : b).push(i);
      return { a, b };
    };

    async function ask() {
      const made = store.get().corpusReport;
      const { a, b } = groups();
      state.error = null;
      if (!made?.report || !a.length || !b.length) {
        engine.cancel();
        state.answer = null;
        state.error = made?.report ? { kind: 'need_groups' } : null;
        draw();
        return;
      }
      section.setAttribute('aria-busy', 'true');
      const got = await engine.ask(() => actions.compareGroups(a, b, { terms: TERMS }));
      if (!got) return;
      if (got.error) {
        state.answer = null;
        state.error = got.error;
      } else {
        state.answer = { comparison: got.answer, report: made.report };
      }
      section.dataset.answered = String(Number(section.dataset.answered) + 1);
      draw();
    }

    function sides() {
      const k = state.answer.comparison.keyness;
      return [
        { id: 'a', titleKey: 'ckey.aOverB', rows: keyRows(k, 'positive').map((r) => ({ ...r, direction: 'A' })), countKeys: ['ckey.col.countA', 'ckey.col.countB'] },
        { id: 'b', titleKey: 'ckey.bOverA', rows: keyRows(k, 'negative').map((r) => ({ ...r, direction: 'B' })), countKeys: ['ckey.col.countA', 'ckey.col.countB'] },
      ];
    }

    function draw() {
      section.removeAttribute('aria-busy');
      message.hidden = !state.error;
      message.textContent = !state.error ? '' : state.error.kind === 'need_groups' ? t('ckey.needGroups') : failureText(state.error);
      const a = state.answer;
      tools.hidden = !a;
      summary.textContent = a
        ? t('ckey.sizes', {
            a: formatNumber(a.comparison.a.length),
            b: formatNumber(a.comparison.b.length),
            wa: formatNumber(a.comparison.keyness.words),
            wb: formatNumber(a.comparison.keyness.otherWords),
          })
        : '';
      tables.replaceChildren(...(a ? twoTables('ckey-compare', sides()) : []));
    }

    exporters.compare = {
      csv() {
        if (!state.answer) return;
        save(status, toCsv(sides().flatMap((s) => s.rows), rowColumns('count_a', 'count_b')), 'wenxi-corpus-compare', 'csv', 'text/csv;charset=utf-8');
      },
      json() {
        const a = state.answer;
        if (!a) return;
        const names = (ids) => ids.map((i) => ({ document: i, name: a.report.documents[i]?.name }));
        const doc = { generator: `Wenxi ${a.report.version}`, a: names(a.comparison.a), b: names(a.comparison.b), keyness: a.comparison.keyness };
        save(status, JSON.stringify(doc, null, 2) + '\n', 'wenxi-corpus-compare', 'json', 'application/json;charset=utf-8');
      },
    };

    return {
      section,
      reset() {
        engine.cancel();
        state.in.clear();
        state.answer = null;
        state.error = null;
        drawGroups();
        draw();
      },
      redraw() {
        drawGroups();
        draw();
      },
    };
  })();

  // ---- Against a reference.
  const reference = (() => {
    const engine = latestAnswer(store, 'corpusReport');
    const title = say(el('h3', { attrs: { id: 'ckey-reference-heading' } }), 'ckey.reference');
    const about = say(el('p', { className: 'hint' }), 'ckey.referenceHint');
    const source = el(
      'select',
      { attrs: { id: 'ckey-source', 'data-testid': 'ckey-source' } },
      ...SOURCES.map((s) => say(el('option', { attrs: { value: s } }), `ckey.source.${s}`)),
    );
    const file = el('input', { attrs: { type: 'file', id: 'ckey-file', accept: '.txt,.tsv,.tab,.csv,text/plain,text/tab-separated-values', 'data-testid': 'ckey-file' } });
    const fileField = el('span', { className: 'ckey-field' }, say(el('label', { attrs: { for: 'ckey-file' } }), 'ckey.file'), file);
    const run = say(el('button', { className: 'kw-button ckey-primary', attrs: { type: 'submit', 'data-testid': 'ckey-reference-run' } }), 'ckey.referenceButton');
    const form = el(
      'form',
      { className: 'ckey-controls', attrs: { 'aria-labelledby': 'ckey-reference-heading' } },
      el('span', { className: 'ckey-field' }, say(el('label', { attrs: { for: 'ckey-source' } }), 'ckey.source'), source),
      fileField,
      run,
    );
    const message = el('p', { className: 'kw-alert ckey-message', attrs: { role: 'alert', 'data-testid': 'ckey-reference-error' } });
    const summary = el('p', { className: 'hint', attrs: { 'data-testid': 'ckey-reference-name', 'aria-live': 'polite' } });
    const status = statusLine('ckey-reference-status');
    const tools = exportTools('reference');
    const tables = el('div', { className: 'ckey-tables', attrs: { 'data-testid': 'ckey-reference-tables' } });
    const section = el('section', { className: 'ckey-section', attrs: { 'aria-labelledby': title.id, 'data-testid': 'ckey-reference', 'data-answered': '0' } }, title, about, form, message, summary, tools, status, tables);
    /** asked: the CorpusReference last asked for (asked again for a new corpus); answer: {comparison, report}. */
    const state = { asked: null, answer: null, error: null };

    const showFile = () => (fileField.hidden = source.value === 'dictionary');
    source.addEventListener('change', showFile);
    // A .tsv file is a frequency list; a .txt may be either, so the choice is left as it is.
    file.addEventListener('change', () => {
      if (/\.(tsv|tab)$/i.test(file.files?.[0]?.name ?? '')) source.value = 'list';
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = await chosenReference();
      if (chosen) ask(chosen);
    });

    /** The CorpusReference the form describes, the file read here; null (and a message) if none. */
    async function chosenReference() {
      state.error = null;
      if (source.value === 'dictionary') return { dictionary: true };
      const f = file.files?.[0];
      if (!f) {
        state.error = { kind: 'need_file' };
        draw();
        return null;
      }
      let text;
      try {
        text = decodeBytes(new Uint8Array(await f.arrayBuffer())).text;
      } catch {
        state.error = { kind: 'read_failed', name: f.name };
        draw();
        return null;
      }
      return source.value === 'list' ? { name: f.name, list: text } : { name: f.name, text };
    }

    async function ask(wanted) {
      const made = store.get().corpusReport;
      state.error = null;
      if (!made?.report) {
        engine.cancel();
        state.answer = null;
        draw();
        return;
      }
      state.asked = wanted;
      section.setAttribute('aria-busy', 'true');
      const got = await engine.ask(() => actions.corpusReport({ reference: wanted }));
      if (!got) return;
      if (got.error) {
        state.answer = null;
        state.error = got.error;
        // A refused reference is not asked again for the next corpus.
        state.asked = null;
      } else {
        state.answer = got.answer.reference ? { comparison: got.answer.reference, report: made.report } : null;
        if (!got.answer.reference) state.error = { kind: 'no_reference' };
      }
      section.dataset.answered = String(Number(section.dataset.answered) + 1);
      draw();
    }

    function sides() {
      const k = state.answer.comparison.keyness;
      const countKeys = ['ckey.col.countCorpus', 'ckey.col.countReference'];
      return [
        { id: 'corpus', titleKey: 'ckey.corpusOver', rows: keyRows(k, 'positive').map((r) => ({ ...r, direction: 'corpus' })), countKeys },
        { id: 'ref', titleKey: 'ckey.referenceOver', rows: keyRows(k, 'negative').map((r) => ({ ...r, direction: 'reference' })), countKeys },
      ];
    }

    function errorText(error) {
      if (error.kind === 'need_file') return t('ckey.needFile');
      if (error.kind === 'read_failed') return t('ckey.readFailed', { name: error.name });
      if (error.kind === 'no_reference') return t('ckey.noReference');
      return failureText(error);
    }

    function draw() {
      section.removeAttribute('aria-busy');
      showFile();
      message.hidden = !state.error;
      message.textContent = state.error ? errorText(state.error) : '';
      const a = state.answer;
      tools.hidden = !a;
      summary.textContent = a
        ? t('ckey.referenceName', { name: a.comparison.name, words: formatNumber(a.comparison.keyness.words), other: formatNumber(a.comparison.keyness.otherWords) })
        : '';
      tables.replaceChildren(...(a ? twoTables('ckey-reference', sides()) : []));
    }

    exporters.reference = {
      csv() {
        if (!state.answer) return;
        save(status, toCsv(sides().flatMap((s) => s.rows), rowColumns('count_corpus', 'count_reference')), 'wenxi-corpus-reference', 'csv', 'text/csv;charset=utf-8');
      },
      json() {
        const a = state.answer;
        if (!a) return;
        const doc = { generator: `Wenxi ${a.report.version}`, reference: a.comparison.name, keyness: a.comparison.keyness };
        save(status, JSON.stringify(doc, null, 2) + '\n', 'wenxi-corpus-reference', 'json', 'application/json;charset=utf-8');
      },
    };

    return {
      section,
      draw,
      /** A new corpus: the reference asked for before is asked for again (or the answer cleared). */
      renew() {
        state.answer = null;
        state.error = null;
        if (state.asked && store.get().corpusReport?.report) ask(state.asked);
        else {
          engine.cancel();
          draw();
        }
      },
    };
  })();

  root.replaceChildren(heading, hint, compare.section, reference.section);

  function drawStrings() {
    for (const [node, key] of strings) node.textContent = t(key);
    compare.redraw();
    reference.draw();
  }

  function update(state) {
    const made = state.corpusReport;
    root.hidden = !(made?.report && state.mode === 'corpus');
    const now = made?.report ?? null;
    if (now === report) return;
    report = now;
    compare.reset();
    reference.renew();
  }

  store.subscribe((state, changed) => {
    if (changed.has('lang')) drawStrings();
    if (changed.has('corpusReport') || changed.has('mode')) update(state);
  });
  drawStrings();
  update(store.get());
}

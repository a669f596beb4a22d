// The vocabulary view: how hard the text is for a learner of Chinese, by HSK 3.0 level. The
// engine grades (actions.levels: src/query/levels.rs, which says what counts); this view asks
// with the reader's own known words and level, and shows the running words per level as bars,
// the coverage a reader reaches at each level against the 95% and 98% marks, the words the
// reader does not know (the words to pre-teach, exportable as CSV with their levels), and the
// Han characters by the level at which they first appear.
//
// The known words are the reader's (state.reader): typed or pasted (one a line, or separated
// by spaces or commas), or imported from a text file, kept in this browser only
// (localStorage) and exportable. The first profile loads the word lists into the worker
// (33 KB). Choosing a level's row selects its words in the other views (state.band: the
// word views mark them, the text view marks and steps through their places). See
// views/index.js for the view contract.

import { el } from '../lib/dom.js';
import { t, formatNumber } from '../lib/i18n.js';
import { toCsv } from '../lib/export.js';
import { button, latestAnswer, parseWords, save, statusLine } from '../lib/widgets.js';
import { bandOf, levelMarksOf, levelName } from '../lib/levels.js';

t.register({
  'view.vocabulary': { zh: 'HSK 词汇', en: 'Vocabulary' },
  'vocab.about': {
    zh: '按 HSK 3.0 等级（1–6 级和 7–9 级）给文中的词分级。覆盖率：掌握某级及以下全部词语的读者认识的词次比例；独立阅读约需 98%，借助词典约需 95%（Hu & Nation 2000）。人名、地名、数字和外文词单独计数。',
    en: 'The text’s words by HSK 3.0 level (1–6 and the 7–9 band). Coverage: the share of the running words a reader who knows every word up to a level knows; reading alone needs about 98%, reading with help about 95% (Hu & Nation 2000). Names, numbers and Latin words are counted apart.',
  },
  'vocab.empty': { zh: '分析文本后，这里显示 HSK 词汇分级。', en: 'The vocabulary by HSK level appears here after an analysis.' },
  'vocab.failed': { zh: '无法计算词汇分级。', en: 'The vocabulary profile could not be made.' },
  'vocab.level': { zh: '我的水平', en: 'My level' },
  'vocab.level.none': { zh: '不指定', en: 'Not set' },
  'vocab.known': { zh: '我认识的词（只保存在本浏览器）', en: 'Words I know (kept in this browser only)' },
  'vocab.knownCount': { zh: '{n} 个词', en: '{n} words' },
  'vocab.import': { zh: '导入文本文件', en: 'Import a text file' },
  'vocab.exportKnown': { zh: '导出我的词表', en: 'Export my words' },
  'vocab.col.level': { zh: '等级', en: 'Level' },
  'vocab.col.tokens': { zh: '词次', en: 'Running words' },
  'vocab.col.share': { zh: '占比', en: 'Share' },
  'vocab.col.types': { zh: '词数', en: 'Distinct' },
  'vocab.col.coverage': { zh: '累计覆盖率', en: 'Coverage' },
  'vocab.col.charTokens': { zh: '字次', en: 'Occurrences' },
  'vocab.col.charTypes': { zh: '字数', en: 'Distinct' },
  'vocab.col.word': { zh: '词', en: 'Word' },
  'vocab.col.count': { zh: '次数', en: 'Count' },
  'vocab.levels': { zh: '各级词语', en: 'Words by level' },
  'vocab.reach': {
    zh: '95% 覆盖：{l95}；98% 覆盖：{l98}。',
    en: '95% coverage: {l95}; 98% coverage: {l98}.',
  },
  'vocab.notReached': { zh: '超纲词太多，达不到', en: 'not reached (too many words beyond the lists)' },
  'vocab.knownShare': { zh: '你认识其中 {share} 的词次（{n} 个词）。', en: 'You know {share} of the running words ({n} words).' },
  'vocab.apart': {
    zh: '单独计数：人名地名 {names}，数字 {numbers}，外文词 {latin}（词次）。',
    en: 'Counted apart: names {names}, numbers {numbers}, Latin words {latin} (running words).',
  },
  'vocab.unknown': { zh: '生词（按出现次数）', en: 'Words to learn (most frequent first)' },
  'vocab.unknownSummary': { zh: '共 {n} 个生词，列出前 {shown} 个。', en: '{n} words to learn; the first {shown} are listed.' },
  'vocab.unknownNone': { zh: '没有生词。', en: 'No words to learn.' },
  'vocab.exportUnknown': { zh: '导出生词 CSV', en: 'Export words to learn (CSV)' },
  'vocab.selectBand': { zh: '在其他视图中选中{level}的词', en: 'Select the {level} words in the other views' },
  'vocab.bandFailed': { zh: '无法选中这一级的词。', en: 'The words of this level could not be selected.' },
  'vocab.characters': { zh: '汉字（按首次出现的等级）', en: 'Han characters (by the level they first appear at)' },
});

/** Unknown words listed (the engine counts them all). */
const LIMIT = 200;
/** Typing in the known-words box takes effect after a pause (ms). */
const TYPING_DELAY = 400;

const percent = (x) => `${formatNumber(x * 100, 1)}%`;

export function mount(root, ctx) {
  const { store, actions } = ctx;
  root.classList.add('vocab-view');
  let reader = store.get().reader;
  const engine = latestAnswer(store);

  const heading = el('h2', { attrs: { id: 'vocab-heading' }, text: t('view.vocabulary') });
  root.setAttribute('aria-labelledby', 'vocab-heading');
  const about = el('p', { className: 'vocab-about hint', text: t('vocab.about') });
  const empty = el('p', { className: 'kw-empty', attrs: { 'data-testid': 'vocab-empty' } });
  const status = statusLine('vocab-status');

  const levelSelect = el('select', { attrs: { id: 'vocab-level', 'data-testid': 'vocab-level' }, on: { change: () => setReader({ level: levelSelect.value === '' ? null : Number(levelSelect.value) }) } });
  const knownBox = el('textarea', { attrs: { id: 'vocab-known', rows: 3, 'data-testid': 'vocab-known', spellcheck: 'false' } });
  knownBox.value = reader.known.join('\n');
  const knownCount = el('span', { className: 'hint', attrs: { 'data-testid': 'vocab-known-count' } });
  let typing = 0;
  knownBox.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => setReader({ known: parseWords(knownBox.value) }), TYPING_DELAY);
  });
  const fileInput = el('input', { attrs: { type: 'file', accept: '.txt,.csv,.tsv,text/plain', 'data-testid': 'vocab-import', hidden: '' } });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    // A word list, or an export with columns: the first column of each line.
    const words = (await file.text()).split(/\r?\n/).flatMap((line) => parseWords(line.split(/[\t,]/)[0] ?? ''));
    fileInput.value = '';
    setReader({ known: [...new Set([...reader.known, ...words])] });
    knownBox.value = reader.known.join('\n');
  });
  const importButton = button(t('vocab.import'), () => fileInput.click(), { 'data-testid': 'vocab-import-button' });
  const exportKnown = button(t('vocab.exportKnown'), () => save(status, reader.known.join('\n') + '\n', 'wenxi-known-words', 'txt', 'text/plain;charset=utf-8'), { 'data-testid': 'vocab-export-known' });
  const levelLabel = el('label', { attrs: { for: 'vocab-level' } });
  const knownLabel = el('label', { attrs: { for: 'vocab-known' } });
  const controls = el(
    'div',
    { className: 'vocab-controls' },
    el('div', { className: 'vocab-control' }, levelLabel, levelSelect),
    el('div', { className: 'vocab-control vocab-known' }, knownLabel, knownBox, el('div', { className: 'kw-toolbar' }, knownCount, importButton, exportKnown, fileInput)),
  );

  const summary = el('p', { className: 'vocab-summary', attrs: { 'data-testid': 'vocab-summary' } });
  const apart = el('p', { className: 'hint', attrs: { 'data-testid': 'vocab-apart' } });
  const levelsHeading = el('h3', { attrs: { id: 'vocab-levels-heading' } });
  const levelsBody = el('tbody', {});
  const levelsTable = el('table', { className: 'kw-table vocab-levels', attrs: { 'aria-labelledby': 'vocab-levels-heading', 'data-testid': 'vocab-levels' } }, el('thead', {}), levelsBody);
  const unknownHeading = el('h3', { attrs: { id: 'vocab-unknown-heading' } });
  const unknownSummary = el('p', { className: 'hint', attrs: { 'data-testid': 'vocab-unknown-summary' } });
  const unknownBody = el('tbody', {});
  const unknownTable = el('table', { className: 'kw-table', attrs: { 'aria-labelledby': 'vocab-unknown-heading', 'data-testid': 'vocab-unknown' } }, el('thead', {}), unknownBody);
  const exportUnknown = button(t('vocab.exportUnknown'), exportCsv, { 'data-testid': 'vocab-export-unknown' });
  const charsHeading = el('h3', { attrs: { id: 'vocab-chars-heading' } });
  const charsBody = el('tbody', {});
  const charsTable = el('table', { className: 'kw-table vocab-levels', attrs: { 'aria-labelledby': 'vocab-chars-heading', 'data-testid': 'vocab-chars' } }, el('thead', {}), charsBody);
  const results = el(
    'div',
    { className: 'vocab-results' },
    summary,
    apart,
    levelsHeading,
    levelsTable,
    unknownHeading,
    unknownSummary,
    // A scrolling box: focusable, so that the keyboard can scroll it too.
    el('div', { className: 'vocab-unknown-wrap', attrs: { tabindex: 0, role: 'region', 'aria-labelledby': 'vocab-unknown-heading' } }, unknownTable),
    el('div', { className: 'kw-toolbar' }, exportUnknown),
    charsHeading,
    charsTable,
  );
  root.replaceChildren(heading, about, controls, empty, results, status);

  /** The profile shown, or null. */
  let shown = null;
  let failed = false;

  function setReader(patch) {
    reader = { ...reader, ...patch };
    store.set({ reader });
    drawControls();
    ask();
  }

  /** Select the words of `level` in the other views, or end the selection of that band. */
  async function chooseBand(level) {
    if (store.get().band?.level === level) {
      store.set({ band: null });
      return;
    }
    const report = store.get().report;
    try {
      const marks = await levelMarksOf(store, actions);
      if (store.get().report !== report) return;
      store.set({ band: bandOf(marks, level), selected: null });
    } catch {
      status.textContent = t('vocab.bandFailed');
    }
  }

  /** The level rows' pressed state follows the selected band. */
  function drawBand() {
    const band = store.get().band;
    for (const b of levelsBody.querySelectorAll('button[data-level]')) {
      const level = b.dataset.level === 'beyond' ? null : Number(b.dataset.level);
      b.setAttribute('aria-pressed', String(band !== null && band.level === level));
    }
  }

  function drawControls() {
    levelLabel.textContent = t('vocab.level');
    knownLabel.textContent = t('vocab.known');
    levelSelect.replaceChildren(
      el('option', { attrs: { value: '', selected: reader.level === null }, text: t('vocab.level.none') }),
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => el('option', { attrs: { value: n, selected: reader.level === n }, text: levelName(n) })),
    );
    knownCount.textContent = t('vocab.knownCount', { n: formatNumber(reader.known.length) });
    importButton.textContent = t('vocab.import');
    exportKnown.textContent = t('vocab.exportKnown');
    exportUnknown.textContent = t('vocab.exportUnknown');
  }

  async function ask() {
    const { report } = store.get();
    if (!report) {
      engine.cancel();
      shown = null;
      failed = false;
      root.dataset.state = 'empty';
      draw();
      return;
    }
    root.dataset.state = 'loading';
    const got = await engine.ask(() => actions.levels({ known: reader.known, level: reader.level, limit: LIMIT }));
    if (!got) return;
    shown = got.error ? null : got.answer;
    failed = Boolean(got.error);
    draw();
    root.dataset.state = failed ? 'failed' : 'ready';
    // How many answers have been drawn: tests and tooling can tell a new one from the last.
    root.dataset.drawn = String(Number(root.dataset.drawn ?? 0) + 1);
  }

  /** A table head of `keys` (numeric columns right-aligned). */
  function head(table, keys) {
    table.tHead.replaceChildren(el('tr', {}, ...keys.map((k, i) => el('th', { className: i === 0 ? '' : 'num', attrs: { scope: 'col' }, text: t(`vocab.col.${k}`) }))));
  }

  /** A bar `share` of its cell wide (set through the CSSOM: the CSP allows no style attribute). */
  function bar(share, level) {
    const span = el('span', { className: `vocab-bar vocab-l${level ?? 0}`, attrs: { 'aria-hidden': 'true' } });
    span.style.width = `${(share * 100).toFixed(1)}%`;
    return span;
  }

  /** Rows of level counts: a bar of the share beside the figures. */
  function levelRows(body, rows, coverage) {
    body.replaceChildren(
      ...rows.map((row, i) =>
        el(
          'tr',
          { attrs: { 'data-testid': 'vocab-level-row', 'data-level': row.level ?? 'beyond', 'data-tokens': row.tokens, 'data-types': row.types } },
          el(
            'th',
            { attrs: { scope: 'row' } },
            // The words' rows select their band; the characters' are figures only.
            coverage
              ? el('button', {
                  className: 'vocab-band',
                  attrs: { type: 'button', 'data-level': row.level ?? 'beyond', 'data-testid': 'vocab-band', 'aria-pressed': 'false', title: t('vocab.selectBand', { level: levelName(row.level) }), disabled: row.tokens === 0 ? '' : null },
                  on: { click: () => chooseBand(row.level) },
                  text: levelName(row.level),
                })
              : levelName(row.level),
          ),
          el(
            'td',
            { className: 'num vocab-bar-cell' },
            bar(row.tokenShare, row.level),
            el('span', { text: formatNumber(row.tokens) }),
          ),
          el('td', { className: 'num', text: percent(row.tokenShare) }),
          el('td', { className: 'num', text: formatNumber(row.types) }),
          ...(coverage ? [el('td', { className: 'num', attrs: { 'data-testid': 'vocab-coverage' }, text: i < coverage.length ? percent(coverage[i]) : '' })] : []),
        ),
      ),
    );
  }

  function draw() {
    const has = shown !== null;
    results.hidden = !has;
    controls.hidden = !store.get().report;
    empty.hidden = has;
    drawControls();
    if (!has) {
      empty.textContent = failed ? t('vocab.failed') : t('vocab.empty');
      return;
    }
    const p = shown;
    const reach = (l) => (l === null ? t('vocab.notReached') : levelName(l));
    summary.textContent =
      t('vocab.reach', { l95: reach(p.coverage.level95), l98: reach(p.coverage.level98) }) +
      (p.coverage.known ? ` ${t('vocab.knownShare', { share: percent(p.coverage.known.tokenShare), n: formatNumber(p.coverage.known.types) })}` : '');
    summary.dataset.level95 = p.coverage.level95 ?? '';
    summary.dataset.level98 = p.coverage.level98 ?? '';
    apart.textContent = t('vocab.apart', { names: formatNumber(p.apart.names.tokens), numbers: formatNumber(p.apart.numbers.tokens), latin: formatNumber(p.apart.latin.tokens) });
    levelsHeading.textContent = t('vocab.levels');
    head(levelsTable, ['level', 'tokens', 'share', 'types', 'coverage']);
    levelRows(levelsBody, p.levels, p.coverage.byLevel);
    drawBand();
    unknownHeading.textContent = t('vocab.unknown');
    unknownSummary.textContent = p.unknownTypes === 0 ? t('vocab.unknownNone') : t('vocab.unknownSummary', { n: formatNumber(p.unknownTypes), shown: formatNumber(p.unknown.length) });
    head(unknownTable, ['word', 'level', 'count']);
    unknownBody.replaceChildren(
      ...p.unknown.map((u) =>
        el(
          'tr',
          { attrs: { 'data-testid': 'vocab-unknown-row', 'data-key': u.key, 'data-count': u.count, 'data-level': u.level ?? 'beyond' } },
          el('td', { className: 'kw-word', text: u.word }),
          el('td', { className: 'num', text: levelName(u.level) }),
          el('td', { className: 'num', text: formatNumber(u.count) }),
        ),
      ),
    );
    exportUnknown.disabled = p.unknown.length === 0;
    charsHeading.textContent = t('vocab.characters');
    head(charsTable, ['level', 'charTokens', 'share', 'charTypes']);
    levelRows(charsBody, p.characters.levels, null);
  }

  function exportCsv() {
    if (!shown?.unknown.length) return;
    const columns = [
      { header: 'word', value: (u) => u.word },
      { header: 'key', value: (u) => u.key },
      { header: 'level', value: (u) => (u.level === null ? 'beyond' : u.level === 7 ? '7-9' : u.level) },
      { header: 'count', value: (u) => u.count },
    ];
    save(status, toCsv(shown.unknown, columns), 'wenxi-words-to-learn', 'csv', 'text/csv;charset=utf-8');
  }

  store.subscribe((state, changed) => {
    if (changed.has('band')) drawBand();
    if (changed.has('report')) ask();
    else if (changed.has('lang')) {
      heading.textContent = t('view.vocabulary');
      about.textContent = t('vocab.about');
      draw();
    }
  });
  draw();
  ask();
}

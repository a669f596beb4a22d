// The options view: how the text is segmented and which words count, the user's stopwords and
// dictionary words, and the script words are shown in. See views/index.js for the contract.
//
// Changes go to the store (`options`, `display`) or through actions (custom words); app.js
// persists them and re-runs the analysis after a pause. The word lists (joined words, split
// words, stopwords) are exported and imported as plain text, one word a line.

import { el } from '../lib/dom.js';
import { decodeBytes } from '../lib/decode.js';
import { download, fileName } from '../lib/export.js';
import { OPTION_LIMITS, POS_PRESETS, clampInteger, posPreset } from '../pkg/model.js';
import { PAGE_DEFAULTS, pageOptions } from '../lib/page-options.js';

/** The words of a stopword list as typed: one per line, or separated by spaces or commas. */
export function parseWordList(text) {
  return [...new Set(text.split(/[\s,，、;；]+/u).filter((w) => w !== ''))];
}

/**
 * The words of a word-list file: one a line (any line ending), trimmed, blank lines dropped,
 * each word once. A line with whitespace inside is not one word: it is returned in `skipped`.
 */
export function parseWordLines(text) {
  const words = [];
  const skipped = [];
  for (const line of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
    const word = line.trim();
    if (word === '') continue;
    (/\s/u.test(word) ? skipped : words).push(word);
  }
  return { words: [...new Set(words)], skipped };
}

/** A word list as a file: one word a line, each line ended by a line feed. */
export function wordLines(words) {
  return words.map((w) => `${w}\n`).join('');
}

const STRINGS = {
  'view.options': { zh: '选项', en: 'Options' },
  'options.intro': { zh: '修改后自动重新分析。选项保存在本浏览器中。', en: 'Changes re-run the analysis. Options are saved in this browser.' },
  'options.segmentation': { zh: '分词', en: 'Segmentation' },
  'options.hmm': { zh: '识别新词（HMM）', en: 'Find new words (HMM)' },
  'options.terms': { zh: '把文中反复出现的术语计为一个词', en: 'Count the terms found in the text as words' },
  'options.termsHint': {
    zh: '如“高质量发展”算作一个关键词，而不是“高质量”和“发展”两个。术语至少出现 3 次才会被发现。',
    en: 'For example 高质量发展 counts as one keyword rather than 高质量 and 发展. A term must occur at least 3 times to be found.',
  },
  'options.words': { zh: '关键词', en: 'Keywords' },
  'options.single': { zh: '包括单字词', en: 'Include single characters' },
  'options.minLength': { zh: '最短词长（字）', en: 'Minimum length (characters)' },
  'options.pos': { zh: '词性', en: 'Parts of speech' },
  'options.pos.nouns': { zh: '名词', en: 'Nouns' },
  'options.pos.nounsVerbs': { zh: '名词和动词', en: 'Nouns and verbs' },
  'options.pos.all': { zh: '全部', en: 'All' },
  'options.pos.custom': { zh: '自定义', en: 'Custom' },
  'options.topN': { zh: '列出关键词数', en: 'Keywords to list' },
  'options.stopwords': { zh: '停用词', en: 'Stopwords' },
  'options.builtin': { zh: '使用内置停用词（中文、英文）', en: 'Use the built-in stopwords (Chinese, English)' },
  'options.builtinEdit': { zh: '查看和编辑内置停用词', en: 'See and edit the built-in stopwords' },
  'options.builtinHint': {
    zh: '删去一个词，它就会作为关键词计入；要添加停用词，请写在下面“我的停用词”里。',
    en: 'Delete a word to count it as a keyword after all; add stopwords of your own under "My stopwords" below.',
  },
  'options.builtinLoading': { zh: '正在读取内置停用词…', en: 'Loading the built-in list…' },
  'options.builtinKept': { zh: '已保留 {n} 个内置停用词作为关键词。', en: '{n} built-in stopwords are counted as keywords.' },
  'options.userStopwords': { zh: '我的停用词（每行一个，或用空格、逗号分隔）', en: 'My stopwords (one a line, or separated by spaces or commas)' },
  'options.dictionary': { zh: '自定义词典', en: 'Custom dictionary' },
  'options.addWord': { zh: '加入词典的词', en: 'Word to add' },
  'options.add': { zh: '加入', en: 'Add' },
  'options.joined': { zh: '合并的词', en: 'Joined words' },
  'options.split': { zh: '拆开的词', en: 'Split words' },
  'options.none': { zh: '（无）', en: '(none)' },
  'options.forget': { zh: '撤销 {word}', en: 'Undo {word}' },
  'options.dictionaryHint': {
    zh: '加入的词分词时保持完整；在原文视图中点击词语也可以合并或拆开。',
    en: 'Added words are kept whole; in the text view, click words to join or split them.',
  },
  'options.display': { zh: '词语显示为', en: 'Show words' },
  'options.display.written': { zh: '原文写法', en: 'As written' },
  'options.display.simplified': { zh: '简体', en: 'Simplified' },
  'options.display.traditional': { zh: '繁体', en: 'Traditional' },
  'options.reset': { zh: '恢复默认选项', en: 'Reset the options' },
  'options.export': { zh: '导出', en: 'Export' },
  'options.import': { zh: '导入…', en: 'Import…' },
  'options.exportLabel': { zh: '导出“{list}”（每行一个词）', en: 'Export “{list}” (one word a line)' },
  'options.importLabel': { zh: '从文本文件导入“{list}”（每行一个词）', en: 'Import “{list}” from a text file (one word a line)' },
  'options.imported': { zh: '已从 {name} 导入 {n} 个词。', en: 'Imported {n} words from {name}.' },
  'options.importSkipped': { zh: '跳过 {n} 行（含空格，不是一个词）。', en: 'Skipped {n} lines (with spaces inside: not one word).' },
  'options.importFailed': { zh: '无法读取 {name}。', en: 'Could not read {name}.' },
  'options.exported': { zh: '已导出 {name}。', en: 'Exported {name}.' },
};

/** The word lists the view exports and imports: each file's name and the list's title (a string
 * key). */
const LISTS = {
  joined: { file: 'wenxi-joined-words', title: 'options.joined' },
  split: { file: 'wenxi-split-words', title: 'options.split' },
  stopwords: { file: 'wenxi-stopwords', title: 'options.userStopwords' },
};

export function mount(root, { store, actions, t }) {
  t.register(STRINGS);
  let ids = 0;
  const id = (name) => `opt-${name}-${++ids}`;

  const setOptions = (patch) => store.set({ options: { ...store.get().options, ...patch } });

  /** A checkbox and its label, with a hint under it when `hint` is given. */
  function checkbox(name, label, checked, onChange, hint) {
    const inputId = id(name);
    const hintId = hint ? `${inputId}-hint` : null;
    return el(
      'div',
      { className: 'opt-check' },
      el('input', {
        attrs: { type: 'checkbox', id: inputId, 'data-testid': `opt-${name}`, checked, 'aria-describedby': hintId },
        on: { change: (e) => onChange(e.target.checked) },
      }),
      el('label', { attrs: { for: inputId }, text: label }),
      hint ? el('p', { className: 'opt-hint', attrs: { id: hintId, 'data-testid': `opt-${name}-hint` }, text: hint }) : null,
    );
  }

  function number(name, label, value, limits, onChange, disabled = false) {
    const inputId = id(name);
    return el(
      'div',
      { className: 'opt-number' },
      el('label', { attrs: { for: inputId }, text: label }),
      el('input', {
        attrs: {
          type: 'number', id: inputId, 'data-testid': `opt-${name}`, inputmode: 'numeric',
          min: limits[0], max: limits[1], step: 1, value, disabled,
        },
        on: {
          input: (e) => {
            const n = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(n) && n >= limits[0] && n <= limits[1]) onChange(Math.round(n));
          },
          change: (e) => {
            // On leaving the field, an out-of-range value snaps into range.
            const n = Number(e.target.value);
            const fixed = Number.isFinite(n) && e.target.value !== '' ? clampInteger(n, limits) : value;
            e.target.value = String(fixed);
            onChange(fixed);
          },
        },
      }),
    );
  }

  function radios(name, legend, choices, current, onChange) {
    const group = id(name);
    return el(
      'fieldset',
      { className: 'opt-radios' },
      el('legend', { text: legend }),
      ...choices.map(([value, label]) => {
        const inputId = id(`${name}-${value}`);
        return el(
          'div',
          { className: 'opt-radio' },
          el('input', {
            attrs: { type: 'radio', name: group, id: inputId, value, checked: value === current, 'data-testid': `opt-${name}-${value}` },
            on: { change: (e) => e.target.checked && onChange(value) },
          }),
          el('label', { attrs: { for: inputId }, text: label }),
        );
      }),
    );
  }

  /**
   * Export and import buttons for the word list `name` (a key of LISTS) holding `words`;
   * an imported file's words go to `take(words)`. What happened is said under the buttons.
   */
  function listTools(name, words, take) {
    const list = t(LISTS[name].title);
    const inputId = id(`${name}-file`);
    const input = el('input', {
      className: 'file-input',
      attrs: { type: 'file', id: inputId, accept: '.txt,text/plain', 'data-testid': `opt-${name}-import`, 'aria-label': t('options.importLabel', { list }) },
      on: {
        change: async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          let parsed;
          try {
            parsed = parseWordLines(decodeBytes(new Uint8Array(await file.arrayBuffer())).text);
          } catch {
            notice = { name, text: t('options.importFailed', { name: file.name }) };
            draw(`opt-${name}-import`);
            return;
          }
          const said = [t('options.imported', { n: parsed.words.length, name: file.name })];
          if (parsed.skipped.length) said.push(t('options.importSkipped', { n: parsed.skipped.length }));
          notice = { name, text: said.join(t.lang === 'zh' ? '' : ' ') };
          if (parsed.words.length) take(parsed.words);
          draw(`opt-${name}-import`);
        },
      },
    });
    const exportButton = el('button', {
      className: 'opt-list-button',
      attrs: { type: 'button', 'data-testid': `opt-${name}-export`, 'aria-label': t('options.exportLabel', { list }), disabled: words.length === 0 },
      text: t('options.export'),
      on: {
        click: () => {
          const file = fileName(LISTS[name].file, 'txt');
          download(wordLines(words), file, 'text/plain;charset=utf-8');
          notice = { name, text: t('options.exported', { name: file }) };
          draw(`opt-${name}-export`);
        },
      },
    });
    const label = el('label', { className: 'opt-list-button file-label', attrs: { for: inputId }, text: t('options.import') });
    const said = el('p', {
      className: 'opt-hint opt-list-notice',
      attrs: { role: 'status', 'data-testid': `opt-${name}-notice` },
      text: notice?.name === name ? notice.text : '',
    });
    return el('div', { className: 'opt-list-tools' }, exportButton, input, label, said);
  }

  function wordList(testid, title, words) {
    return el(
      'div',
      { className: 'opt-wordlist' },
      el('h4', { text: title }),
      words.length === 0
        ? el('p', { className: 'opt-none', text: t('options.none') })
        : el(
            'ul',
            { attrs: { 'data-testid': testid } },
            ...words.map((w) =>
              el(
                'li',
                {},
                el('span', { className: 'opt-word', text: w }),
                el('button', {
                  className: 'opt-forget',
                  attrs: { type: 'button', 'aria-label': t('options.forget', { word: w }), title: t('options.forget', { word: w }) },
                  text: '×',
                  on: { click: () => actions.forgetWords([w]) },
                }),
              ),
            ),
          ),
    );
  }

  /**
   * The built-in stopword list as an editable list: deleting a word puts it in
   * `options.keepWords`, so it counts after all. The list comes from the analyzer the first
   * time the box is opened.
   */
  function builtinEditor(options) {
    const areaId = id('builtin-list');
    const area = el('textarea', {
      attrs: { id: areaId, rows: 8, 'data-testid': 'opt-builtin-list', spellcheck: 'false', disabled: true },
    });
    const kept = el('p', { className: 'opt-hint', attrs: { 'data-testid': 'opt-builtin-kept', 'aria-live': 'polite' } });
    const box = el(
      'details',
      { className: 'opt-builtin', attrs: { 'data-testid': 'opt-builtin-edit', open: builtinOpen } },
      el('summary', { text: t('options.builtinEdit') }),
      el('p', { className: 'opt-hint', text: t('options.builtinHint') }),
      el('label', { className: 'visually-hidden', attrs: { for: areaId }, text: t('options.builtinEdit') }),
      area,
      kept,
    );
    const fill = () => {
      const keep = new Set(store.get().options.keepWords);
      kept.textContent = keep.size ? t('options.builtinKept', { n: keep.size }) : '';
      if (!builtinList) {
        area.value = t('options.builtinLoading');
        return;
      }
      area.value = builtinList.filter((w) => !keep.has(w)).join('\n');
      area.disabled = false;
    };
    box.addEventListener('toggle', async () => {
      builtinOpen = box.open;
      if (box.open && !builtinList) {
        fill();
        builtinList = await actions.builtinStopwords();
      }
      fill();
    });
    area.addEventListener('input', () => {
      // One word a line, as the list is shown: some built-in entries are punctuation (、，)
      // that parseWordList would read as separators.
      const typed = new Set(area.value.split('\n').map((w) => w.trim()).filter((w) => w !== ''));
      const keepWords = builtinList.filter((w) => !typed.has(w));
      // The view does not redraw while the reader types in it: say what changed here.
      kept.textContent = keepWords.length ? t('options.builtinKept', { n: keepWords.length }) : '';
      setOptions({ keepWords });
    });
    if (builtinOpen) fill();
    return box;
  }

  /** Draw the view; `focus`: the testid of the control to give the focus back to. */
  function draw(focus) {
    const { options, display, words } = store.get();
    const single = options.minLength <= 1;
    const preset = posPreset(options.pos);
    const presetChoices = ['nouns', 'nounsVerbs', 'all'].map((p) => [p, t(`options.pos.${p}`)]);
    if (preset === 'custom') presetChoices.push(['custom', t('options.pos.custom')]);

    const stopwordsId = id('stopwords');
    const addId = id('add-word');
    const addInput = el('input', {
      attrs: { type: 'text', id: addId, 'data-testid': 'opt-add-word', autocomplete: 'off', spellcheck: 'false' },
    });
    const addForm = el(
      'form',
      {
        className: 'opt-add',
        attrs: { 'data-testid': 'opt-add-form' },
        on: {
          submit: (e) => {
            e.preventDefault();
            const words = parseWordList(addInput.value);
            if (words.length) actions.addWords(words);
            addInput.value = '';
          },
        },
      },
      el('label', { attrs: { for: addId }, text: t('options.addWord') }),
      el('div', { className: 'opt-add-row' }, addInput, el('button', { attrs: { type: 'submit', 'data-testid': 'opt-add' }, text: t('options.add') })),
    );

    const details = el(
      'details',
      { className: 'options-details', attrs: { open: wasOpen ?? window.matchMedia('(min-width: 60rem)').matches } },
      el('summary', {}, el('h2', { text: t('view.options') })),
      el('p', { className: 'opt-intro', text: t('options.intro') }),
      el(
        'fieldset',
        {},
        el('legend', { text: t('options.words') }),
        checkbox('single', t('options.single'), single, (on) => setOptions({ minLength: on ? 1 : Math.max(2, lastMinLength) })),
        number('minLength', t('options.minLength'), single ? 1 : options.minLength, [2, OPTION_LIMITS.minLength[1]], (n) => {
          lastMinLength = n;
          setOptions({ minLength: n });
        }, single),
        number('topN', t('options.topN'), options.topN, OPTION_LIMITS.topN, (n) => setOptions({ topN: n })),
        radios('pos', t('options.pos'), presetChoices, preset, (p) => p !== 'custom' && setOptions({ pos: [...POS_PRESETS[p]] })),
        checkbox('hmm', t('options.hmm'), options.hmm, (on) => setOptions({ hmm: on })),
        checkbox('terms', t('options.terms'), options.terms, (on) => setOptions({ terms: on }), t('options.termsHint')),
      ),
      el(
        'fieldset',
        {},
        el('legend', { text: t('options.stopwords') }),
        checkbox('builtin', t('options.builtin'), options.defaultStopwords, (on) => setOptions({ defaultStopwords: on })),
        builtinEditor(options),
        el('label', { attrs: { for: stopwordsId }, text: t('options.userStopwords') }),
        el('textarea', {
          attrs: { id: stopwordsId, rows: 3, 'data-testid': 'opt-stopwords', spellcheck: 'false' },
          text: options.stopwords.join('\n'),
          on: { input: (e) => setOptions({ stopwords: parseWordList(e.target.value) }) },
        }),
        listTools('stopwords', options.stopwords, (words) =>
          setOptions({ stopwords: [...new Set([...store.get().options.stopwords, ...words])] })),
      ),
      el(
        'fieldset',
        { attrs: { 'data-testid': 'opt-dictionary' } },
        el('legend', { text: t('options.dictionary') }),
        el('p', { className: 'opt-hint', text: t('options.dictionaryHint') }),
        addForm,
        wordList('opt-joined', t('options.joined'), words.added),
        listTools('joined', words.added, (list) => actions.addWords(list)),
        wordList('opt-split', t('options.split'), words.removed),
        listTools('split', words.removed, (list) => actions.removeWords(list)),
      ),
      radios(
        'display',
        t('options.display'),
        ['written', 'simplified', 'traditional'].map((d) => [d, t(`options.display.${d}`)]),
        display,
        (d) => store.set({ display: d }),
      ),
      el('button', {
        className: 'opt-reset',
        attrs: { type: 'button', 'data-testid': 'opt-reset' },
        text: t('options.reset'),
        on: { click: () => store.set({ options: pageOptions(PAGE_DEFAULTS) }) },
      }),
    );
    details.addEventListener('toggle', () => {
      wasOpen = details.open;
    });
    root.replaceChildren(details);
    if (typeof focus === 'string') root.querySelector(`[data-testid="${focus}"]`)?.focus();
  }

  let wasOpen = null;
  /** The last export or import message: { name, text } (name: a key of LISTS). */
  let notice = null;
  /** The analyzer's built-in stopwords, once asked for; whether their box is open. */
  let builtinList = null;
  let builtinOpen = false;
  let lastMinLength = Math.max(2, store.get().options.minLength);
  draw();

  store.subscribe((state, changed) => {
    if (changed.has('lang') || changed.has('words') || changed.has('display')) {
      draw(root.contains(document.activeElement) ? document.activeElement.dataset?.testid : undefined);
      return;
    }
    if (changed.has('options')) {
      // Redraw unless the change came from typing in this view, which must keep its focus.
      if (!root.contains(document.activeElement) || document.activeElement.type === 'checkbox' || document.activeElement.type === 'radio' || document.activeElement.dataset.testid === 'opt-reset') {
        const focused = document.activeElement?.dataset?.testid;
        draw();
        if (focused) root.querySelector(`[data-testid="${focused}"]`)?.focus();
      }
    }
  });
}

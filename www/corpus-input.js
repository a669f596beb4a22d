// The corpus mode of the page's input: the tabs that switch between one text and many
// documents, and the corpus panel: documents from files, .zip archives or one text split at
// its headings or separator lines; the documents list (rename, reorder, remove); sessions
// saved as a file or kept in this browser. app.js mounts it; the corpus lives in the store
// (`state.corpus`, lib/corpus.js) and `state.mode` says which input is shown.
//
// The Analyse corpus button asks the engine for the corpus report (shell.analyzeCorpus, with
// progress per document and Cancel) and stores it as `state.corpusReport`; views/corpus.js
// draws it. Nothing here leaves the device: files are read in the
// page, sessions are downloaded or kept in IndexedDB (lib/kept-corpus.js).

import { el } from './lib/dom.js';
import { virtualList } from './lib/virtual-list.js';
import { t, formatNumber } from './lib/i18n.js';
import { download, fileName } from './lib/export.js';
import { pageOptions } from './lib/page-options.js';
import {
  MAX_CORPUS_CHARS,
  addDocuments,
  documentChars,
  emptyCorpus,
  moveDocument,
  removeDocument,
  renameDocument,
  splitByHeadings,
  splitBySeparator,
} from './lib/corpus.js';
import { readCorpusFiles } from './lib/corpus-files.js';
import { readSession, sessionJson, sessionOf } from './lib/session.js';
import { forgetKeptCorpus, keepCorpus, keptCorpus } from './lib/kept-corpus.js';

t.register({
  'mode.label': { zh: '输入方式', en: 'Input' },
  'mode.text': { zh: '一篇文本', en: 'One text' },
  'mode.corpus': { zh: '多篇文档（语料库）', en: 'Many documents (corpus)' },

  'corpus.hint': {
    zh: '打开或拖入多个 .txt、.md、.html 文件或一个 .zip，或把一篇长文本按标题切分成多篇文档。文件只在本机读取。',
    en: 'Open or drop several .txt, .md or .html files or a .zip, or split one long text into documents at its headings. Files are read on this device only.',
  },
  'corpus.analyse': { zh: '分析语料库', en: 'Analyse corpus' },
  'corpus.analyseHint': {
    zh: '逐篇分析全部文档并相互比较：文档一览、特征词、关键词分布、走势和相似度显示在下方。',
    en: 'Analyses every document and compares them: the documents, their distinctive terms, the keywords across them, trends and similarity appear below.',
  },
  'corpus.cancel': { zh: '取消', en: 'Cancel' },
  'corpus.starting': { zh: '正在开始分析 {of} 篇文档…', en: 'Starting to analyse {of} documents…' },
  'corpus.progress': { zh: '{n} / {of}：{name}', en: '{n} / {of}: {name}' },
  'corpus.analysed': { zh: '已分析 {n} 篇文档，语料库报告在下方。', en: 'Analysed {n} documents; the corpus report is below.' },
  'corpus.analysisCancelled': { zh: '语料库分析已取消。', en: 'The corpus analysis was cancelled.' },
  'corpus.analysisFailed': { zh: '语料库分析失败。文档未改变。', en: 'The corpus analysis failed. The documents are unchanged.' },
  'corpus.nothingToAnalyse': { zh: '还没有文档可以分析。', en: 'There are no documents to analyse yet.' },
  'corpus.open': { zh: '打开文件或 .zip…', en: 'Open files or a .zip…' },
  'corpus.drop': { zh: '或把文件拖到这里', en: 'or drop files here' },
  'corpus.reading': { zh: '正在读取 {n} 个文件…', en: 'Reading {n} files…' },

  'corpus.split': { zh: '切分一篇文本', en: 'Split one text' },
  'corpus.splitText': { zh: '要切分的文本', en: 'Text to split' },
  'corpus.byHeadings': { zh: '按标题', en: 'At headings' },
  'corpus.byHeadingsHint': {
    zh: '识别“第X回／章／节／卷／篇／部／集”开头的行（60 字以内）和 Markdown 一级标题“# 标题”，按其中最高一级切分；每篇以标题命名。',
    en: 'Recognises lines starting 第X回/章/节/卷/篇/部/集 (up to 60 characters) and Markdown level-1 headings “# Title”, and splits at the highest level found; each document is named by its heading.',
  },
  'corpus.bySeparator': { zh: '按分隔行', en: 'At separator lines' },
  'corpus.separator': { zh: '分隔行', en: 'Separator line' },
  'corpus.separatorHint': { zh: '整行（去掉首尾空白后）等于此内容时切分，例如 ---', en: 'A line equal to this (ignoring spaces around it) separates documents, e.g. ---' },
  'corpus.splitButton': { zh: '切分并加入', en: 'Split and add' },
  'corpus.noHeadings': { zh: '文本中没有可识别的标题，没有切分。', en: 'No heading was recognised in the text; nothing was split.' },
  'corpus.noSeparator': { zh: '没有一行等于“{sep}”，没有切分。', en: 'No line equals “{sep}”; nothing was split.' },
  'corpus.emptySplit': { zh: '请先粘贴要切分的文本。', en: 'Paste a text to split first.' },

  'corpus.added': { zh: '已加入 {n} 篇文档。', en: 'Added {n} documents.' },
  'corpus.skipped': { zh: '未加入 {n} 项：', en: 'Not added ({n}):' },
  'skip.unsupported': { zh: '{name}：不是文本文件（只读 .txt、.md、.html 和 .zip）', en: '{name}: not a text file (only .txt, .md, .html and .zip are read)' },
  'skip.binary': { zh: '{name}：内容不是文本', en: '{name}: its content is not text' },
  'skip.tooLarge': { zh: '{name}：超过单篇文档的上限（{max} 个字符）', en: '{name}: longer than a document may be ({max} characters)' },
  'skip.batchTooLarge': { zh: '{name}：一次打开的文件合计超过 {max} MB', en: '{name}: the files opened at once exceed {max} MB together' },
  'skip.zipTooLarge': {
    zh: '{name}：解压后共 {mb} MB，超过上限 {max} MB（可能是“压缩炸弹”），未读取其中任何文件',
    en: '{name}: would unpack to {mb} MB, more than the {max} MB limit (possibly a zip bomb); nothing was read from it',
  },
  'skip.badZip': { zh: '{name}：无法读取此 .zip', en: '{name}: this .zip could not be read' },
  'skip.readFailed': { zh: '{name}：无法读取', en: '{name}: could not be read' },
  'skip.empty': { zh: '{name}：空白，没有文本', en: '{name}: blank, no text' },
  'skip.corpusFull': { zh: '{name}：语料库已满（上限 {max} 个字符）', en: '{name}: the corpus is full (at most {max} characters)' },

  'corpus.documents': { zh: '文档', en: 'Documents' },
  'corpus.summary': { zh: '{n} 篇文档，共 {chars} 字', en: '{n} documents, {chars} characters' },
  'corpus.none': { zh: '还没有文档。', en: 'No documents yet.' },
  'corpus.docN': { zh: '文档 {n}', en: 'Document {n}' },
  'corpus.chars': { zh: '{n} 字', en: '{n} chars' },
  'corpus.nameLabel': { zh: '第 {n} 篇文档的名称', en: 'Name of document {n}' },
  'corpus.up': { zh: '上移', en: 'Up' },
  'corpus.down': { zh: '下移', en: 'Down' },
  'corpus.remove': { zh: '移除', en: 'Remove' },
  'corpus.upLabel': { zh: '上移“{name}”', en: 'Move “{name}” up' },
  'corpus.downLabel': { zh: '下移“{name}”', en: 'Move “{name}” down' },
  'corpus.removeLabel': { zh: '移除“{name}”', en: 'Remove “{name}”' },
  'corpus.removed': { zh: '已移除“{name}”。', en: 'Removed “{name}”.' },
  'corpus.moved': { zh: '“{name}”现在是第 {n} 篇。', en: '“{name}” is now document {n}.' },
  'corpus.clear': { zh: '全部移除', en: 'Remove all' },
  'corpus.cleared': { zh: '已移除全部文档。', en: 'All documents removed.' },

  'corpus.session': { zh: '会话', en: 'Session' },
  'corpus.sessionHint': {
    zh: '会话包括全部文档、分析选项和自定义词，保存为一个 JSON 文件或保存在此浏览器中，不会上传。',
    en: 'A session holds the documents, the analysis options and the custom words, as one JSON file or kept in this browser; nothing is uploaded.',
  },
  'corpus.save': { zh: '保存为文件', en: 'Save as a file' },
  'corpus.openSession': { zh: '打开会话文件…', en: 'Open a session file…' },
  'corpus.keep': { zh: '保存在此浏览器', en: 'Keep in this browser' },
  'corpus.openKept': { zh: '打开保存的语料库', en: 'Open the kept corpus' },
  'corpus.forget': { zh: '删除保存的语料库', en: 'Delete the kept corpus' },
  'corpus.keptName': { zh: '此浏览器中保存的语料库', en: 'the corpus kept in this browser' },
  'corpus.keptNone': { zh: '此浏览器中没有保存的语料库。', en: 'No corpus is kept in this browser.' },
  'corpus.kept': { zh: '此浏览器中保存了 {n} 篇文档（{when}）。', en: 'This browser keeps {n} documents ({when}).' },
  'corpus.keptDone': { zh: '已保存在此浏览器中。', en: 'Kept in this browser.' },
  'corpus.forgotten': { zh: '已删除保存在此浏览器中的语料库。', en: 'The corpus kept in this browser was deleted.' },
  'corpus.storageFailed': { zh: '浏览器存储不可用：{detail}', en: 'The browser’s storage is not available: {detail}' },
  'corpus.opened': { zh: '已打开 {name}：{n} 篇文档，以及其中的选项和自定义词。', en: 'Opened {name}: {n} documents, with its options and custom words.' },
  'corpus.nothingToSave': { zh: '还没有文档可以保存。', en: 'There are no documents to save yet.' },
  'session.notJson': { zh: '无法打开 {name}：不是 JSON 文件。当前语料库未改变。', en: 'Cannot open {name}: it is not a JSON file. The current corpus is unchanged.' },
  'session.notSession': { zh: '无法打开 {name}：不是文析的会话文件。当前语料库未改变。', en: 'Cannot open {name}: it is not a Wenxi session file. The current corpus is unchanged.' },
  'session.newer': { zh: '无法打开 {name}：它来自更新版本的文析。当前语料库未改变。', en: 'Cannot open {name}: it was saved by a newer Wenxi. The current corpus is unchanged.' },
  'session.invalid': { zh: '无法打开 {name}：文件内容不完整或已损坏。当前语料库未改变。', en: 'Cannot open {name}: its content is incomplete or damaged. The current corpus is unchanged.' },
  'session.tooLarge': { zh: '无法打开 {name}：其中的文档超出上限。当前语料库未改变。', en: 'Cannot open {name}: its documents exceed the limits. The current corpus is unchanged.' },
});

/** A session file larger than this is not read (a corpus's text as JSON stays well under). */
const MAX_SESSION_BYTES = 4 * MAX_CORPUS_CHARS;

/**
 * Mount the mode tabs (`tabs`: the tablist, its tabs' aria-controls naming the panels) and the
 * corpus panel (`root`). `shell`: { maxChars() → a document's limit (the engine's),
 * restoreSettings({options, words}) → Promise (replaces the options and custom words),
 * analyzeCorpus(documents, {signal, onProgress}) → Promise<CorpusReport> (actions.analyzeCorpus),
 * cancelled() (after an abort: start the engine again) }.
 * Returns { addFiles(files) } for files dropped on the page in corpus mode.
 */
export function mountCorpusInput(root, tabs, { store, shell }) {
  // ---- The tabs (WAI-ARIA tabs pattern: arrows move between them, Tab into the panel).
  const tabButtons = [...tabs.querySelectorAll('[role="tab"]')];
  const selectMode = (mode, focus = false) => {
    store.set({ mode });
    if (focus) tabButtons.find((b) => b.dataset.mode === mode)?.focus();
  };
  for (const button of tabButtons) {
    button.addEventListener('click', () => selectMode(button.dataset.mode));
    button.addEventListener('keydown', (event) => {
      const i = tabButtons.indexOf(button);
      const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 1, ArrowUp: -1 }[event.key];
      let to = null;
      if (step) to = tabButtons[(i + step + tabButtons.length) % tabButtons.length];
      else if (event.key === 'Home') to = tabButtons[0];
      else if (event.key === 'End') to = tabButtons.at(-1);
      if (!to) return;
      event.preventDefault();
      selectMode(to.dataset.mode, true);
    });
  }
  const drawMode = ({ mode }) => {
    for (const button of tabButtons) {
      const on = button.dataset.mode === mode;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      document.getElementById(button.getAttribute('aria-controls')).hidden = !on;
    }
  };

  // ---- The panel's parts, built once; strings are set in drawStrings.
  const strings = []; // [node, key, prop]: redrawn when the language changes
  const say = (node, key, prop = 'textContent') => {
    strings.push([node, key, prop]);
    return node;
  };

  const fileInput = el('input', {
    className: 'file-input',
    attrs: { type: 'file', id: 'corpus-files', multiple: true, accept: '.txt,.text,.md,.markdown,.html,.htm,.zip,text/plain,text/markdown,text/html,application/zip', 'data-testid': 'corpus-file-input' },
    on: {
      change: (event) => {
        const files = [...(event.target.files ?? [])];
        event.target.value = '';
        if (files.length) addFiles(files);
      },
    },
  });
  const dropZone = el(
    'div',
    { className: 'corpus-drop', attrs: { id: 'corpus-drop-zone', 'data-testid': 'corpus-drop-zone' } },
    fileInput,
    say(el('label', { className: 'button secondary file-label', attrs: { for: 'corpus-files' } }), 'corpus.open'),
    say(el('span', { className: 'hint' }), 'corpus.drop'),
  );

  // Splitting one text.
  const splitText = el('textarea', { attrs: { id: 'corpus-split-text', rows: 6, spellcheck: 'false', 'data-testid': 'corpus-split-text' } });
  const radio = (value, key, checked) => {
    const input = el('input', {
      attrs: { type: 'radio', name: 'corpus-split-by', value, id: `corpus-by-${value}`, checked, 'data-testid': `corpus-by-${value}` },
      // The separator field is for splitting at separator lines only.
      on: { change: () => (separator.disabled = value !== 'separator') },
    });
    return el('label', { className: 'inline-choice', attrs: { for: input.id } }, input, say(el('span'), key));
  };
  const separator = el('input', { attrs: { type: 'text', id: 'corpus-separator', value: '---', disabled: true, 'data-testid': 'corpus-separator', 'aria-describedby': 'corpus-separator-hint' } });
  const splitButton = say(el('button', { className: 'secondary', attrs: { type: 'button', 'data-testid': 'corpus-split' }, on: { click: split } }), 'corpus.splitButton');
  const splitBox = el(
    'fieldset',
    { className: 'corpus-split' },
    say(el('legend'), 'corpus.split'),
    say(el('label', { attrs: { for: 'corpus-split-text' } }), 'corpus.splitText'),
    splitText,
    el('div', { className: 'corpus-split-by', attrs: { role: 'radiogroup', 'aria-label': '' } }, radio('headings', 'corpus.byHeadings', true), radio('separator', 'corpus.bySeparator', false)),
    say(el('p', { className: 'hint' }), 'corpus.byHeadingsHint'),
    el('div', { className: 'corpus-separator-row' }, say(el('label', { attrs: { for: 'corpus-separator' } }), 'corpus.separator'), separator),
    say(el('p', { className: 'hint', attrs: { id: 'corpus-separator-hint' } }), 'corpus.separatorHint'),
    splitButton,
  );

  // What the last action did (a status), and a refusal (an alert).
  const message = el('div', { className: 'corpus-message', attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'corpus-message' } });
  const alert = el('div', { className: 'error', attrs: { role: 'alert', 'data-testid': 'corpus-error' } });
  alert.hidden = true;

  // The documents.
  const summary = el('p', { className: 'corpus-summary', attrs: { 'data-testid': 'corpus-summary' } });
  const list = el('ol', { className: 'corpus-docs', attrs: { 'data-testid': 'corpus-docs' } });
  const listBox = el('div', { className: 'corpus-docs-box', attrs: { 'data-testid': 'corpus-docs-box' } }, list);
  const clearButton = say(el('button', { className: 'secondary', attrs: { type: 'button', 'data-testid': 'corpus-clear' }, on: { click: clearAll } }), 'corpus.clear');

  // Sessions.
  const sessionInput = el('input', {
    className: 'file-input',
    attrs: { type: 'file', id: 'corpus-session-file', accept: '.json,application/json', 'data-testid': 'corpus-session-input' },
    on: {
      change: (event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) openSessionFile(file);
      },
    },
  });
  const keptStatus = el('p', { className: 'hint', attrs: { 'data-testid': 'corpus-kept-status' } });
  const openKeptButton = say(el('button', { className: 'secondary', attrs: { type: 'button', 'data-testid': 'corpus-open-kept' }, on: { click: openKept } }), 'corpus.openKept');
  const forgetButton = say(el('button', { className: 'secondary', attrs: { type: 'button', 'data-testid': 'corpus-forget' }, on: { click: forgetKept } }), 'corpus.forget');
  const sessionBox = el(
    'fieldset',
    { className: 'corpus-session' },
    say(el('legend'), 'corpus.session'),
    say(el('p', { className: 'hint' }), 'corpus.sessionHint'),
    el(
      'div',
      { className: 'tools' },
      say(el('button', { className: 'secondary', attrs: { type: 'button', 'data-testid': 'corpus-save' }, on: { click: saveSessionFile } }), 'corpus.save'),
      sessionInput,
      say(el('label', { className: 'button secondary file-label', attrs: { for: 'corpus-session-file' } }), 'corpus.openSession'),
      say(el('button', { className: 'secondary', attrs: { type: 'button', 'data-testid': 'corpus-keep' }, on: { click: keep } }), 'corpus.keep'),
      openKeptButton,
      forgetButton,
    ),
    keptStatus,
  );

  // Analysing the corpus: the button, Cancel, progress per document.
  const analyseButton = say(
    el('button', { className: 'primary', attrs: { type: 'button', 'data-testid': 'corpus-analyse', 'aria-describedby': 'corpus-analyse-hint' }, on: { click: analyseCorpus } }),
    'corpus.analyse',
  );
  const cancelButton = say(el('button', { className: 'secondary', attrs: { type: 'button', 'data-testid': 'corpus-cancel' }, on: { click: cancelAnalysis } }), 'corpus.cancel');
  cancelButton.hidden = true;
  const progressLine = el('p', { className: 'status corpus-progress', attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'corpus-progress' } });
  const analyseBox = el(
    'div',
    { className: 'corpus-analyse' },
    say(el('p', { className: 'hint', attrs: { id: 'corpus-analyse-hint' } }), 'corpus.analyseHint'),
    el('div', { className: 'actions' }, analyseButton, cancelButton, progressLine),
  );

  root.replaceChildren(
    say(el('p', { className: 'hint' }), 'corpus.hint'),
    dropZone,
    splitBox,
    message,
    alert,
    el('h2', { className: 'corpus-heading' }, say(el('span'), 'corpus.documents')),
    summary,
    listBox,
    el('div', { className: 'tools' }, clearButton),
    analyseBox,
    sessionBox,
  );

  // ---- Messages.
  let said = null; // { key, vars, skipped: [{name, reason, vars}] } of the last action
  let refusal = null; // { key, vars, detail }
  let kept = undefined; // the kept session's { n, saved }, null when none, undefined unknown
  let keptError = null;

  function tell(key, vars, skipped = []) {
    said = { key, vars, skipped };
    refusal = null;
    drawMessages();
  }
  function refuse(key, vars, detail) {
    refusal = { key, vars, detail };
    drawMessages();
  }
  const maxVars = () => ({ max: formatNumber(shell.maxChars()), chars: formatNumber(MAX_CORPUS_CHARS) });
  function drawMessages() {
    message.replaceChildren();
    if (said) {
      message.append(el('p', { text: t(said.key, said.vars) }));
      if (said.skipped.length) {
        message.append(
          el('p', { text: t('corpus.skipped', { n: formatNumber(said.skipped.length) }) }),
          el(
            'ul',
            { className: 'corpus-skipped', attrs: { 'data-testid': 'corpus-skipped' } },
            ...said.skipped.map((s) => el('li', { text: t(`skip.${s.reason}`, { ...maxVars(), ...(s.reason === 'corpusFull' ? { max: formatNumber(MAX_CORPUS_CHARS) } : {}), ...s.vars, name: s.name }) })),
          ),
        );
      }
    }
    alert.hidden = !refusal;
    alert.replaceChildren();
    if (refusal) {
      alert.append(t(refusal.key, refusal.vars));
      if (refusal.detail) alert.append(el('span', { className: 'error-detail', text: refusal.detail }));
    }
  }

  // ---- Adding documents.
  function add(docs, skipped = []) {
    const { corpus, added, refused } = addDocuments(store.get().corpus, docs, {
      maxChars: shell.maxChars(),
      fallbackName: (n) => t('corpus.docN', { n }),
    });
    store.set({ corpus });
    tell('corpus.added', { n: formatNumber(added.length) }, [...skipped, ...refused]);
  }

  async function addFiles(files) {
    tell('corpus.reading', { n: formatNumber(files.length) });
    const { documents, skipped } = await readCorpusFiles(files, { maxChars: shell.maxChars() });
    add(documents, skipped);
  }

  function split() {
    const text = splitText.value;
    if (text.trim() === '') {
      refuse('corpus.emptySplit');
      splitText.focus();
      return;
    }
    const bySeparator = root.querySelector('input[name="corpus-split-by"]:checked')?.value === 'separator';
    const docs = bySeparator ? splitBySeparator(text, separator.value) : splitByHeadings(text);
    if (docs.length === 0) {
      refuse(bySeparator ? 'corpus.noSeparator' : 'corpus.noHeadings', { sep: separator.value.trim() });
      return;
    }
    add(docs);
  }

  function clearAll() {
    if (store.get().corpus.documents.length === 0) return;
    store.set({ corpus: { ...emptyCorpus(), nextId: store.get().corpus.nextId } });
    tell('corpus.cleared');
  }

  // ---- The documents list: only the documents in view are drawn (lib/virtual-list.js), so a
  // corpus of 500 is as light as one of 20. Every change re-fills the items drawn; the control
  // that had the focus gets it back on its document's new row (moving a row keeps the focus on
  // its button), scrolled into view.
  let shown = []; // the documents the list draws, in order
  const listRows = virtualList(listBox, list, { count: 0, fillItem: fillDoc, itemHeight: 48 });

  function fillDoc(li, i) {
    const doc = shown[i];
    const name = el('input', {
      className: 'corpus-doc-name',
      attrs: { type: 'text', value: doc.name, 'aria-label': t('corpus.nameLabel', { n: i + 1 }), 'data-testid': 'corpus-doc-name', 'data-role': 'name' },
      on: {
        change: (event) => store.set({ corpus: renameDocument(store.get().corpus, doc.id, event.target.value) }),
        keydown: (event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            event.target.value = doc.name;
          }
        },
      },
    });
    // aria-disabled, not disabled: a button that moves its row to an end keeps the focus.
    const button = (role, label, disabled, onClick) =>
      el('button', {
        className: `secondary corpus-doc-${role}`,
        text: t(`corpus.${role}`),
        attrs: { type: 'button', 'aria-label': t(label, { name: doc.name }), 'aria-disabled': disabled ? 'true' : 'false', 'data-testid': `corpus-doc-${role}`, 'data-role': role },
        on: { click: () => !disabled && onClick() },
      });
    const move = (delta) => {
      const next = moveDocument(store.get().corpus, doc.id, delta);
      store.set({ corpus: next });
      tell('corpus.moved', { name: doc.name, n: next.documents.findIndex((d) => d.id === doc.id) + 1 });
    };
    li.className = 'corpus-doc';
    li.dataset.id = String(doc.id);
    li.dataset.testid = 'corpus-doc';
    li.replaceChildren(
      el('span', { className: 'corpus-doc-index', text: formatNumber(i + 1), attrs: { 'aria-hidden': 'true' } }),
      name,
      el('span', { className: 'corpus-doc-size', text: t('corpus.chars', { n: formatNumber(documentChars(doc)) }), attrs: { 'data-testid': 'corpus-doc-size' } }),
      el(
        'span',
        { className: 'corpus-doc-tools' },
        button('up', 'corpus.upLabel', i === 0, () => move(-1)),
        button('down', 'corpus.downLabel', i === shown.length - 1, () => move(1)),
        button('remove', 'corpus.removeLabel', false, () => {
          store.set({ corpus: removeDocument(store.get().corpus, doc.id) });
          tell('corpus.removed', { name: doc.name });
        }),
      ),
    );
  }

  function drawList({ corpus }) {
    const active = document.activeElement;
    const focusRow = list.contains(active) ? active.closest('li') : null;
    const focusId = focusRow ? Number(focusRow.dataset.id) : null;
    const focusAt = focusRow ? Number(focusRow.dataset.index) : -1;
    const focusRole = focusRow ? active.dataset.role : null;
    shown = corpus.documents;
    let chars = 0;
    for (const doc of shown) chars += documentChars(doc);
    listBox.hidden = shown.length === 0;
    clearButton.hidden = shown.length === 0;
    summary.textContent = shown.length ? t('corpus.summary', { n: formatNumber(shown.length), chars: formatNumber(chars) }) : t('corpus.none');
    listRows.refresh(shown.length);
    if (focusRow) {
      // The same control on its document's row; for a removed row, the row that took its
      // place (or the new last one); with no row left, the file input.
      const at = shown.findIndex((d) => d.id === focusId);
      const to = at >= 0 ? at : Math.min(focusAt, shown.length - 1);
      if (to < 0) return fileInput.focus();
      listRows.scrollToIndex(to);
      listRows.item(to)?.querySelector(`[data-role="${at >= 0 ? focusRole : 'remove'}"]`)?.focus();
    }
  }

  // ---- Analysing the corpus (shell.analyzeCorpus: actions.analyzeCorpus of app.js).
  let running = null; // the AbortController of the analysis in progress
  let progress = null; // its last {document, of, name}

  async function analyseCorpus() {
    if (running) return;
    const docs = store.get().corpus.documents;
    if (docs.length === 0) return refuse('corpus.nothingToAnalyse');
    const controller = new AbortController();
    running = controller;
    progress = { document: -1, of: docs.length, name: '' };
    refusal = null;
    drawMessages();
    drawAnalysing();
    try {
      const report = await shell.analyzeCorpus(
        docs.map(({ name, text }) => ({ name, text })),
        {
          signal: controller.signal,
          onProgress: (p) => {
            if (running !== controller) return;
            progress = p;
            drawAnalysing();
          },
        },
      );
      if (running !== controller) return;
      store.set({ corpusReport: { report, documents: docs.map(({ id, name }) => ({ id, name })) } });
      tell('corpus.analysed', { n: formatNumber(docs.length) });
    } catch (error) {
      if (running !== controller) return;
      if (error?.name === 'AbortError') tell('corpus.analysisCancelled');
      else refuse('corpus.analysisFailed', {}, error?.message ?? String(error));
    } finally {
      if (running === controller) {
        running = null;
        progress = null;
        drawAnalysing();
      }
    }
  }

  function cancelAnalysis() {
    if (!running) return;
    const controller = running;
    running = null;
    progress = null;
    controller.abort();
    shell.cancelled?.();
    tell('corpus.analysisCancelled');
    drawAnalysing();
    analyseButton.focus();
  }

  function drawAnalysing() {
    const busy = running !== null;
    analyseButton.setAttribute('aria-disabled', String(busy));
    analyseButton.classList.toggle('busy', busy);
    cancelButton.hidden = !busy;
    root.setAttribute('aria-busy', String(busy));
    if (!busy || !progress) progressLine.textContent = '';
    else if (progress.document < 0 || !Number.isFinite(progress.document)) progressLine.textContent = t('corpus.starting', { of: formatNumber(progress.of) });
    else {
      // Documents finished (several workers finish out of order), else the one just done.
      const n = Math.min(Number.isFinite(progress.done) ? progress.done : progress.document + 1, progress.of);
      progressLine.textContent = t('corpus.progress', { n: formatNumber(n), of: formatNumber(progress.of), name: progress.name ?? '' });
    }
  }

  // ---- Sessions.
  function currentSession() {
    const { corpus, options, words } = store.get();
    return sessionOf(corpus, options, words);
  }

  function saveSessionFile() {
    if (store.get().corpus.documents.length === 0) return refuse('corpus.nothingToSave');
    download(sessionJson(currentSession()), fileName('wenxi-corpus', 'json'), 'application/json;charset=utf-8');
  }

  /** Replace the corpus, options and words with a session's; the current corpus stays on any error. */
  async function restore(data, name) {
    let session;
    try {
      session = readSession(data);
    } catch (error) {
      refuse(`session.${error.kind ?? 'invalid'}`, { name }, error.message);
      return false;
    }
    const { corpus, refused } = addDocuments(emptyCorpus(), session.documents, { maxChars: shell.maxChars(), fallbackName: (n) => t('corpus.docN', { n }) });
    if (refused.length || corpus.documents.length !== session.documents.length) {
      refuse('session.tooLarge', { name }, refused.map((r) => `${r.name}: ${r.reason}`).join(', '));
      return false;
    }
    store.set({ corpus, mode: 'corpus' });
    await shell.restoreSettings({ options: pageOptions(session.options), words: session.words });
    tell('corpus.opened', { name, n: formatNumber(corpus.documents.length) });
    return true;
  }

  async function openSessionFile(file) {
    if (file.size > MAX_SESSION_BYTES) return refuse('session.tooLarge', { name: file.name });
    let text;
    try {
      text = await file.text();
    } catch (error) {
      return refuse('session.notJson', { name: file.name }, error?.message);
    }
    await restore(text, file.name);
  }

  async function refreshKept() {
    try {
      const session = await keptCorpus();
      kept = session ? { n: Array.isArray(session.documents) ? session.documents.length : 0, saved: session.saved } : null;
      keptError = null;
    } catch (error) {
      kept = null;
      keptError = error?.message ?? String(error);
    }
    drawKept();
  }

  function drawKept() {
    if (keptError) keptStatus.textContent = t('corpus.storageFailed', { detail: keptError });
    else if (kept) {
      const when = kept.saved ? new Date(kept.saved).toLocaleString(t.lang === 'zh' ? 'zh-CN' : 'en-US') : '';
      keptStatus.textContent = t('corpus.kept', { n: formatNumber(kept.n), when });
    } else keptStatus.textContent = kept === null ? t('corpus.keptNone') : '';
    openKeptButton.hidden = !kept;
    forgetButton.hidden = !kept;
  }

  async function keep() {
    if (store.get().corpus.documents.length === 0) return refuse('corpus.nothingToSave');
    try {
      await keepCorpus(currentSession());
      tell('corpus.keptDone');
    } catch (error) {
      refuse('corpus.storageFailed', { detail: error?.message ?? String(error) });
    }
    await refreshKept();
  }

  async function openKept() {
    try {
      const session = await keptCorpus();
      if (session) await restore(session, t('corpus.keptName'));
    } catch (error) {
      refuse('corpus.storageFailed', { detail: error?.message ?? String(error) });
    }
  }

  async function forgetKept() {
    try {
      await forgetKeptCorpus();
      tell('corpus.forgotten');
    } catch (error) {
      refuse('corpus.storageFailed', { detail: error?.message ?? String(error) });
    }
    await refreshKept();
  }

  // ---- Drawing.
  function drawStrings() {
    for (const [node, key, prop] of strings) {
      if (prop === 'textContent') node.textContent = t(key);
      else node.setAttribute(prop, t(key));
    }
    splitBox.querySelector('[role="radiogroup"]').setAttribute('aria-label', t('corpus.split'));
    drawMessages();
    drawKept();
    drawAnalysing();
  }

  // The browser's storage is first asked when the corpus mode is first shown: a reader who
  // never opens it leaves no database behind.
  let keptAsked = false;
  const askKept = ({ mode }) => {
    if (mode !== 'corpus' || keptAsked) return;
    keptAsked = true;
    refreshKept();
  };

  store.subscribe((state, changed) => {
    if (changed.has('mode')) {
      drawMode(state);
      askKept(state);
    }
    if (changed.has('corpus') || changed.has('lang')) drawList(state);
    if (changed.has('lang')) drawStrings();
  });
  drawMode(store.get());
  drawStrings();
  drawList(store.get());
  askKept(store.get());

  return { addFiles };
}

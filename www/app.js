// The page: sends the textarea's text to the analysis worker and renders the report.
//
// Every string that comes from the user's text (keywords, section titles, error messages) is
// put into the page with textContent or as a text node, never as HTML: pasted web text is full
// of tags, and none of them may become markup here. The strict CSP in index.html backs this up.

const $ = (id) => document.getElementById(id);

const form = $('analyze-form');
const textarea = $('text');
const button = $('analyze');
const statusLine = $('engine-status');
const errorBox = $('error');
const results = $('results');
const staleNote = $('stale-note');

const zh = new Intl.NumberFormat('zh-CN');
const fixed = (digits) =>
  new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const fixed1 = fixed(1);
const fixed3 = fixed(3);

/** Outline entries beyond this many are summarised, to keep a novel's outline quick to draw. */
const MAX_OUTLINE_ENTRIES = 2000;

// ---------------------------------------------------------------------------------------------
// Small DOM helpers. `el` never parses HTML: strings become text nodes.

/**
 * Create an element. `props.text` sets textContent; `props.attrs` sets attributes; children may
 * be nodes or strings (strings become text nodes).
 */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = String(props.text);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** A bilingual label: the Chinese, then the English marked as such for screen readers. */
function bilingual(zhText, enText) {
  return [zhText + ' ', el('span', { attrs: { lang: 'en' }, text: enText })];
}

function setStatus(zhText, enText) {
  statusLine.replaceChildren(...bilingual(zhText, enText));
}

// ---------------------------------------------------------------------------------------------
// The worker and its protocol (see worker.js).

const ERROR_TEXT = {
  input_too_large: ['文本太长，无法分析。', 'The text is too long to analyze.'],
  invalid_options: ['分析选项无效。', 'The analysis options are invalid.'],
  invalid_word: ['自定义词无效。', 'A custom dictionary word is invalid.'],
  init_failed: ['分析引擎无法加载。', 'The analyzer could not be loaded.'],
  worker_failed: ['分析引擎无法启动。', 'The analyzer could not start.'],
  internal: ['分析出错，引擎已重新启动。', 'The analysis failed; the analyzer was restarted.'],
};

let worker = null;
let engineReady = false;
let busy = false;
let nextId = 1;
/** id → {resolve, reject} of the analysis waiting for an answer. */
const pending = new Map();

function startWorker() {
  engineReady = false;
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'wenxi' });
  worker.addEventListener('message', onWorkerMessage);
  worker.addEventListener('error', (event) => {
    // The worker script itself failed to load or threw at top level.
    event.preventDefault();
    failPending({ kind: 'worker_failed', message: event.message || 'worker error' });
    showError('worker_failed', event.message || '');
    setStatus('分析引擎不可用。', 'The analyzer is unavailable.');
    updateButton();
  });
}

function onWorkerMessage(event) {
  const data = event.data ?? {};
  switch (data.type) {
    case 'ready':
      engineReady = true;
      $('version').textContent = `v${data.version}`;
      setStatus('准备就绪。', 'Ready.');
      updateButton();
      break;
    case 'result': {
      const waiter = pending.get(data.id);
      pending.delete(data.id);
      waiter?.resolve({ report: data.report, ms: data.ms });
      break;
    }
    case 'error': {
      if (data.id === null || data.id === undefined) {
        // Start-up failed: nothing will work until the page is reloaded.
        showError(data.kind, data.message);
        setStatus('分析引擎不可用。', 'The analyzer is unavailable.');
        failPending(data);
        updateButton();
        break;
      }
      const waiter = pending.get(data.id);
      pending.delete(data.id);
      waiter?.reject(data);
      if (data.kind === 'internal') restartWorker();
      break;
    }
  }
}

/** A wasm trap leaves the module unusable; a fresh worker gets a fresh instance. */
function restartWorker() {
  worker?.terminate();
  setStatus('正在重新加载分析引擎…', 'Reloading the analyzer…');
  startWorker();
  updateButton();
}

function failPending(error) {
  for (const waiter of pending.values()) waiter.reject(error);
  pending.clear();
}

/** Analyse `text` in the worker; resolves to {report, ms}, rejects with {kind, message}. */
function analyzeInWorker(text, options = {}) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: 'analyze', id, text, options });
  });
}

// ---------------------------------------------------------------------------------------------
// Input, busy state and errors.

function updateButton() {
  button.disabled = !engineReady;
  // While busy the button stays focusable (aria-disabled) so keyboard focus is not lost.
  button.setAttribute('aria-disabled', String(!engineReady || busy));
  button.classList.toggle('busy', busy);
  results.setAttribute('aria-busy', String(busy));
}

/** Show the message for error `kind`, with the engine's own words (`detail`) below it. */
function showError(kind, detail) {
  const [zhText, enText] = ERROR_TEXT[kind] ?? ['出错了。', 'Something went wrong.'];
  showMessage(bilingual(zhText, enText), detail);
}

function showMessage(children, detail = '') {
  errorBox.replaceChildren(...children);
  if (detail) errorBox.append(el('span', { className: 'error-detail', text: detail }));
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.replaceChildren();
}

/** The text the shown results belong to; outline ranges are offsets into it. */
let analyzedText = null;

async function runAnalysis() {
  if (!engineReady || busy) return;
  const text = textarea.value;
  if (text.trim() === '') {
    showMessage(bilingual('请先输入或粘贴文本。', 'Type or paste some text first.'));
    textarea.focus();
    return;
  }
  clearError();
  busy = true;
  updateButton();
  setStatus('正在分析…', 'Analyzing…');
  try {
    const { report, ms } = await analyzeInWorker(text);
    analyzedText = text;
    render(report, ms);
    setStatus(
      `分析完成：${zh.format(report.keywords.length)} 个关键词，${zh.format(report.sections.length)} 节，用时 ${zh.format(Math.round(ms))} 毫秒。`,
      `Done: ${report.keywords.length} keywords, ${report.sections.length} sections in ${Math.round(ms)} ms.`,
    );
  } catch (error) {
    // The user's text stays in the textarea as it was; only the message area changes.
    showError(error?.kind, error?.message ?? String(error));
    if (engineReady) setStatus('分析未完成。', 'The analysis did not finish.');
  } finally {
    busy = false;
    updateButton();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  runAnalysis();
});

textarea.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    runAnalysis();
  }
});

// The character count and the "results are stale" note follow typing, at most once a frame.
let inputFrame = 0;
textarea.addEventListener('input', () => {
  if (inputFrame) return;
  inputFrame = requestAnimationFrame(() => {
    inputFrame = 0;
    updateCount();
    staleNote.hidden = analyzedText === null || textarea.value === analyzedText;
  });
});

function updateCount() {
  let n = 0;
  // Code points, not UTF-16 units: 𦡦 is one character.
  for (const _ of textarea.value) n++;
  $('text-count').replaceChildren(...bilingual(`${zh.format(n)} 字`, n === 1 ? 'character' : 'characters'));
}

// ---------------------------------------------------------------------------------------------
// Rendering the report.

function render(report, ms) {
  renderKeywords(report.keywords);
  renderOutline(report.sections);
  renderStats(report.stats, ms);
  renderCleaning(report.cleaning);
  renderScript(report.script);
  staleNote.hidden = true;
  results.hidden = false;
}

function renderKeywords(keywords) {
  const rows = keywords.map((k, i) =>
    el(
      'tr',
      { attrs: { 'data-testid': 'keyword-row' } },
      el('td', { className: 'num rank', text: i + 1 }),
      el('td', { className: 'word', attrs: { 'data-testid': 'keyword-word', title: `词性 POS: ${k.pos}` }, text: k.word }),
      el('td', { className: 'num', attrs: { 'data-testid': 'keyword-count' }, text: zh.format(k.count) }),
      el('td', { className: 'num', text: `${fixed1.format(k.share * 100)}%` }),
      el('td', { className: 'num', text: fixed3.format(k.weight) }),
    ),
  );
  $('keywords-body').replaceChildren(...rows);
  $('keywords-empty').hidden = keywords.length > 0;
}

function renderOutline(sections) {
  const children = sections.map(() => []);
  const roots = [];
  sections.forEach((s, i) => {
    const parent = s.parent;
    if (parent !== null && parent !== undefined && parent >= 0 && parent < i) children[parent].push(i);
    else roots.push(i);
  });

  let drawn = 0;
  const drawList = (indices, list) => {
    for (const i of indices) {
      if (drawn >= MAX_OUTLINE_ENTRIES) return;
      drawn++;
      const li = el('li', { className: `level-${Math.min(sections[i].level, 6)}` }, outlineEntry(sections[i], i));
      if (children[i].length > 0) {
        const sub = el('ol', { className: 'outline' });
        drawList(children[i], sub);
        li.append(sub);
      }
      list.append(li);
    }
  };
  const outline = $('outline');
  const fragment = document.createDocumentFragment();
  drawList(roots, fragment);
  outline.replaceChildren(fragment);
  if (sections.length > drawn) {
    outline.append(
      el('li', { className: 'more' }, ...bilingual(
        `另有 ${zh.format(sections.length - drawn)} 节未显示。`,
        `${sections.length - drawn} more sections not shown.`,
      )),
    );
  }
}

function outlineEntry(section, index) {
  const title = section.title.trim() === '' ? '（无标题）' : section.title;
  const words = section.keywords.map((w) =>
    el('li', {}, el('span', { className: 'chip-word', text: w.word }), el('span', { className: 'chip-count', text: `×${w.count}` })),
  );
  return el(
    'button',
    {
      className: `outline-entry${section.heading ? ' is-heading' : ''}`,
      attrs: {
        type: 'button',
        'data-testid': 'outline-entry',
        'data-index': index,
        'data-start': section.start,
        'data-end': section.end,
      },
    },
    el('span', { className: 'entry-title', attrs: { 'data-testid': 'outline-title' }, text: title }),
    el(
      'span',
      { className: 'entry-meta' },
      `${zh.format(section.paragraphs)} 段 · ${zh.format(section.sentences)} 句 · ${zh.format(section.characters)} 字`,
      el('span', {
        className: 'visually-hidden',
        attrs: { lang: 'en' },
        text: ` (${section.paragraphs} paragraphs, ${section.sentences} sentences, ${section.characters} characters)`,
      }),
    ),
    words.length > 0 ? el('ul', { className: 'chips', attrs: { 'aria-label': '高频词 Top words' } }, ...words) : null,
  );
}

$('outline').addEventListener('click', (event) => {
  const entry = event.target.closest('.outline-entry');
  if (!entry) return;
  selectRange(Number(entry.dataset.start), Number(entry.dataset.end));
});

/** Select the UTF-16 range start..end of the analysed text in the textarea and show it. */
function selectRange(start, end) {
  if (textarea.value !== analyzedText) {
    staleNote.hidden = false;
    setStatus('文本已修改，请重新分析后再选择。', 'The text has changed; analyze again to select sections.');
    return;
  }
  // Keep the blank lines between sections out of the selection: the highlight covers the text.
  let from = start;
  let to = end;
  while (to > from && /\s/.test(textarea.value[to - 1])) to--;
  while (from < to && /\s/.test(textarea.value[from])) from++;
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(from, to, 'forward');
  scrollTextareaTo(from);
  textarea.scrollIntoView({ block: 'nearest' });
}

/**
 * Scroll the textarea so that offset `at` sits a quarter of the way down: measure the height of
 * the text before it in an invisible copy laid out at the textarea's width and font.
 */
function scrollTextareaTo(at) {
  const style = getComputedStyle(textarea);
  const mirror = el('div', { className: 'textarea-mirror', attrs: { 'aria-hidden': 'true' } });
  for (const prop of ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'wordSpacing', 'tabSize']) {
    mirror.style[prop] = style[prop];
  }
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  mirror.style.width = `${textarea.clientWidth - padding}px`;
  // A trailing line break adds no line box of its own; the caret's line starts below it.
  mirror.textContent = textarea.value.slice(0, at) + '\u200b';
  document.body.append(mirror);
  const lineHeight = parseFloat(style.lineHeight) || 24;
  const caretTop = mirror.scrollHeight - lineHeight + parseFloat(style.paddingTop);
  mirror.remove();
  textarea.scrollTop = Math.max(0, caretTop - textarea.clientHeight / 4);
}

function facts(dl, entries) {
  dl.replaceChildren(
    ...entries.flatMap(([key, zhText, enText, value, extraClass]) => [
      el('dt', {}, ...bilingual(zhText, enText)),
      el('dd', { className: extraClass ?? '', attrs: { 'data-testid': key } }, value),
    ]),
  );
}

function renderStats(s, ms) {
  facts($('stats'), [
    ['stat-characters', '字符', 'Characters', zh.format(s.characters)],
    ['stat-han', '汉字', 'Han characters', zh.format(s.hanCharacters)],
    ['stat-tokens', '词元', 'Tokens', zh.format(s.tokens)],
    ['stat-words', '实词', 'Content words', zh.format(s.words)],
    ['stat-distinct', '不同词', 'Distinct words', zh.format(s.distinctWords)],
    ['stat-sentences', '句子', 'Sentences', zh.format(s.sentences)],
    ['stat-paragraphs', '段落', 'Paragraphs', zh.format(s.paragraphs)],
    ['stat-average', '平均句长', 'Avg. sentence', `${fixed1.format(s.averageSentenceLength)} 字`],
    ['stat-reading', '阅读时间', 'Reading time', `${fixed1.format(s.readingMinutes)} 分钟`],
    ['stat-ms', '分析用时', 'Analysis time', `${zh.format(Math.round(ms))} 毫秒`],
  ]);
}

const CLEANING = [
  ['annotations', '拼音注音', 'Pinyin annotations'],
  ['tags', 'HTML 标签', 'HTML tags'],
  ['entities', 'HTML 实体', 'HTML entities'],
  ['widthFolded', '全角字母数字', 'Full-width folded'],
  ['zeroWidth', '零宽字符', 'Zero-width chars'],
  ['mojibake', '乱码', 'Mojibake'],
];

function renderCleaning(c) {
  const total = CLEANING.reduce((sum, [key]) => sum + (c[key] ?? 0), 0);
  $('cleaning-summary').replaceChildren(
    ...(total === 0
      ? bilingual('文本很干净，无需清理。', 'Nothing needed cleaning.')
      : bilingual(
          `分析前忽略了 ${zh.format(total)} 处；你的原文保持不变。`,
          `${total} items were set aside before analysis; your text is unchanged.`,
        )),
  );
  facts(
    $('cleaning'),
    CLEANING.map(([key, zhText, enText]) => [
      `cleaning-${key}`, zhText, enText, zh.format(c[key] ?? 0), (c[key] ?? 0) === 0 ? 'zero' : 'nonzero',
    ]),
  );
}

const SCRIPT_KIND = {
  simplified: ['简体', 'Simplified'],
  traditional: ['繁体', 'Traditional'],
  mixed: ['简繁混合', 'Mixed'],
  none: ['无法判断', 'Undetermined'],
};

function renderScript(script) {
  const [zhText, enText] = SCRIPT_KIND[script.kind] ?? [script.kind, script.kind];
  $('script-kind').replaceChildren(...bilingual(zhText, enText));
  $('script-kind').dataset.kind = script.kind;
  facts($('script'), [
    ['script-traditional', '繁体特有字', 'Traditional-only', zh.format(script.traditionalChars)],
    ['script-simplified', '简体特有字', 'Simplified-only', zh.format(script.simplifiedChars)],
    ['script-converted', '转简体分词', 'Segmented as simplified', script.converted ? '是 yes' : '否 no'],
  ]);
}

// ---------------------------------------------------------------------------------------------

updateCount();
updateButton();
startWorker();

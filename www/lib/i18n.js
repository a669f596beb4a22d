// The interface in Chinese and English: every string of the shell, and the registry views add
// their own strings to.
//
//   import { t } from '../lib/i18n.js';
//   t.register({ 'kwic.title': { zh: '语境', en: 'Concordance' } });   // once, at module load
//   t('kwic.title')                       // in the current language
//   t('status.done', { n: 12, ms: 40 })   // {name} placeholders are filled from the object
//
// The language is chosen by app.js (saved choice, else the browser's) and changed with
// setLang(); views redraw their strings when the store's `lang` changes. A key missing in the
// current language falls back to the other language, then to the key itself, so a missing
// string shows up on the page instead of failing.

const STRINGS = new Map();
let current = 'zh';

/** The string for `key` in the current language, with `{name}` placeholders filled from `vars`. */
export function t(key, vars) {
  const entry = STRINGS.get(key);
  let text = entry ? (entry[current] ?? entry.zh ?? entry.en) : key;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return text;
}

/** Add strings: `{ key: { zh, en } }`. A view registers its own keys, prefixed by its name. */
t.register = function register(strings) {
  for (const [key, value] of Object.entries(strings)) STRINGS.set(key, value);
};

/** Whether `key` has a string. */
t.has = (key) => STRINGS.has(key);

Object.defineProperty(t, 'lang', { get: () => current });

/** Switch the language of `t` (app.js calls this before it sets the store's `lang`). */
export function setLang(lang) {
  current = lang === 'en' ? 'en' : 'zh';
  document.documentElement.lang = current === 'zh' ? 'zh-Hans' : 'en';
}

/** 'zh' when any preferred browser language is Chinese and comes before English, else 'en'. */
export function browserLang(languages = navigator.languages ?? [navigator.language]) {
  for (const l of languages) {
    if (/^zh\b/i.test(l)) return 'zh';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

/** Number formats by locale and decimals: building one costs far more than using it. */
const numberFormats = new Map();

/** A number in the current language's format; `digits` fixes the decimals. */
export function formatNumber(n, digits) {
  const locale = current === 'zh' ? 'zh-CN' : 'en-US';
  const key = `${locale}/${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    const opts = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
    format = new Intl.NumberFormat(locale, opts);
    numberFormats.set(key, format);
  }
  return format.format(n);
}

/**
 * A word as the reader chose to see it (state.display): as written, or converted to
 * simplified or traditional characters. `word` is a keyword object ({word, …}) or a string as
 * written in the text. app.js fills `state.converted` for every keyword and section keyword of
 * the report; until it has, the word is shown as written.
 */
export function displayWord(state, word) {
  const written = typeof word === 'string' ? word : word.word;
  if (state.display === 'written') return written;
  return state.converted.get(written)?.[state.display] ?? written;
}

// ---------------------------------------------------------------------------------------------
// The shell's strings. Keys: area.name.

t.register({
  'app.title': { zh: '文析 · 中文文本分析', en: 'Wenxi · Chinese text analysis' },
  'app.tagline': { zh: '中文文本分析：关键词、结构、语境、统计', en: 'Chinese text analysis: keywords, structure, context, statistics' },
  'app.privacy': {
    zh: '文本只在你的浏览器里分析，不会发送到任何地方。本页不加载任何外部资源，加载一次后可离线使用。',
    en: 'Your text never leaves this browser. This page loads nothing from elsewhere and works offline once loaded.',
  },
  'app.skip': { zh: '跳到文本输入', en: 'Skip to the text' },
  'app.skipResults': { zh: '跳到结果', en: 'Skip to the results' },
  'app.lang': { zh: 'English', en: '中文' },
  'app.langLabel': { zh: 'Switch the interface to English', en: '切换到中文界面' },
  'app.footer': {
    zh: '分词：jieba-rs · 严格的内容安全策略，无外部请求 · 离线可用',
    en: 'Segmentation: jieba-rs · strict Content Security Policy, no external requests · works offline',
  },
  'app.offlineReady': { zh: '已可离线使用。', en: 'Ready to work offline.' },

  'input.label': { zh: '文本', en: 'Text' },
  'input.hint': {
    zh: '粘贴、输入，或打开/拖入 .txt、.md、.html 文件。简体繁体均可。Ctrl+Enter 分析。',
    en: 'Paste, type, or open/drop a .txt, .md or .html file. Simplified or traditional. Ctrl+Enter analyzes.',
  },
  'input.placeholder': { zh: '例如：会议强调，要推动长江经济带发展……', en: 'e.g. 会议强调，要推动长江经济带发展……' },
  'input.count': { zh: '{n} 字', en: '{n} characters' },
  'input.open': { zh: '打开文件…', en: 'Open file…' },
  'input.drop': { zh: '松开以打开文件', en: 'Drop the file to open it' },
  'input.sampleNews': { zh: '示例：繁体新闻', en: 'Sample: traditional news' },
  'input.sampleReport': { zh: '示例：简体报告', en: 'Sample: simplified report' },
  'input.clear': { zh: '清空', en: 'Clear' },
  'input.analyze': { zh: '分析', en: 'Analyze' },
  'input.cancel': { zh: '取消', en: 'Cancel' },
  'input.loaded': { zh: '已打开 {name}（{encoding}）。', en: 'Opened {name} ({encoding}).' },
  'input.loadedHtml': {
    zh: '已打开 {name}（{encoding}）：网页源码原样放入，分析时略去标签、脚本、样式和图形。',
    en: 'Opened {name} ({encoding}): the page source is shown as it is; the analysis leaves out its tags, scripts, styles and drawings.',
  },
  'input.sampleLoaded': { zh: '已载入示例文本。', en: 'Sample text loaded.' },
  'input.unsupported': {
    zh: '只能打开 .txt、.md、.html 文件：{name}',
    en: 'Only .txt, .md and .html files can be opened: {name}',
  },
  'input.readFailed': { zh: '无法读取文件 {name}。', en: 'The file {name} could not be read.' },
  'input.stale': {
    zh: '文本已修改，结果对应上次分析的文本。',
    en: 'The text has changed since this analysis; analyze again to update.',
  },

  'status.loading': { zh: '正在加载分析引擎…', en: 'Loading the analyzer…' },
  'status.ready': { zh: '准备就绪。', en: 'Ready.' },
  'status.analyzing': { zh: '正在分析…', en: 'Analyzing…' },
  'status.done': {
    zh: '分析完成：{keywords} 个关键词，{sections} 节，用时 {ms} 毫秒。',
    en: 'Done: {keywords} keywords, {sections} sections in {ms} ms.',
  },
  'status.cancelled': { zh: '已取消分析。你的文本保持不变。', en: 'Analysis cancelled. Your text is unchanged.' },
  'status.failed': { zh: '分析未完成。', en: 'The analysis did not finish.' },
  'status.unavailable': { zh: '分析引擎不可用。', en: 'The analyzer is unavailable.' },
  'status.restarting': { zh: '正在重新加载分析引擎…', en: 'Reloading the analyzer…' },

  'progress.label': { zh: '分析进度', en: 'Analysis progress' },
  'progress.sending': { zh: '传送文本', en: 'Sending the text' },
  'progress.receiving': { zh: '接收结果', en: 'Receiving the results' },
  'progress.stage': { zh: '{stage}：{percent}%', en: '{stage}: {percent}%' },
  // The analyzer's stages, in the order it runs them (src/report.rs Stage, camelCase).
  'stage.cleaning': { zh: '清理', en: 'Cleaning' },
  // Simplified or traditional (简繁), not a typeface.
  'stage.script': { zh: '识别简繁', en: 'Detecting the script' },
  'stage.segmenting': { zh: '分词', en: 'Segmenting' },
  'stage.sections': { zh: '结构', en: 'Sections' },
  'stage.keywords': { zh: '关键词', en: 'Keywords' },
  'stage.done': { zh: '完成', en: 'Done' },

  'error.empty': { zh: '请先输入或粘贴文本。', en: 'Type or paste some text first.' },
  'error.input_too_large': {
    zh: '文本太长，无法分析：上限为 {max} 个字符（UTF-16 单位，约同样多的汉字）。文本仍保留在输入框中。',
    en: 'The text is too long to analyze: the limit is {max} characters (UTF-16 code units, about as many Chinese characters). Your text is still in the box.',
  },
  'error.invalid_options': { zh: '分析选项无效。', en: 'The analysis options are invalid.' },
  'error.invalid_word': { zh: '自定义词无效。', en: 'A custom dictionary word is invalid.' },
  'error.init_failed': { zh: '分析引擎无法加载。', en: 'The analyzer could not be loaded.' },
  'error.worker_failed': { zh: '分析引擎无法启动。', en: 'The analyzer could not start.' },
  'error.internal': { zh: '分析出错，引擎已重新启动。', en: 'The analysis failed; the analyzer was restarted.' },
  'error.file': { zh: '文件无法打开。', en: 'The file could not be opened.' },
  'error.other': { zh: '出错了。', en: 'Something went wrong.' },

  'results.heading': { zh: '分析结果', en: 'Results' },
  'results.nav': { zh: '结果导航', en: 'Results navigation' },

  'decode.utf-8': { zh: 'UTF-8', en: 'UTF-8' },
  'decode.utf-16le': { zh: 'UTF-16 LE', en: 'UTF-16 LE' },
  'decode.utf-16be': { zh: 'UTF-16 BE', en: 'UTF-16 BE' },
  'decode.gb18030': { zh: 'GB18030（简体中文编码）', en: 'GB18030, a Chinese encoding' },
  'decode.big5': { zh: 'Big5（繁体中文编码）', en: 'Big5, a traditional Chinese encoding' },
});

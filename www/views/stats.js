// The statistics view: counts of the text, how much of it the top words cover, what cleaning
// set aside, and the script. See views/index.js for the contract.

import { el } from '../lib/dom.js';
import { t, formatNumber } from '../lib/i18n.js';
import { coverage } from '../pkg/model.js';
import { noKeywordsNote } from '../lib/widgets.js';

t.register({
  'view.stats': { zh: '统计', en: 'Statistics' },
  'stats.characters': { zh: '字符', en: 'Characters' },
  'stats.han': { zh: '汉字', en: 'Han characters' },
  'stats.words': { zh: '词数（实词）', en: 'Words (content)' },
  'stats.distinct': { zh: '不同的词', en: 'Distinct words' },
  'stats.sentences': { zh: '句子', en: 'Sentences' },
  'stats.paragraphs': { zh: '段落', en: 'Paragraphs' },
  'stats.average': { zh: '平均句长', en: 'Average sentence' },
  'stats.averageValue': { zh: '{n} 字', en: '{n} characters' },
  'stats.reading': { zh: '阅读时间', en: 'Reading time' },
  'stats.readingValue': { zh: '约 {n} 分钟', en: 'about {n} min' },
  'stats.readingSeconds': { zh: '不到 1 分钟', en: 'under a minute' },
  'stats.coverage': { zh: '高频词覆盖率', en: 'Coverage of the top words' },
  'stats.coverageHint': {
    zh: '前 N 个关键词的出现次数占全部实词的比例。',
    en: 'Share of all content-word occurrences taken by the top N keywords.',
  },
  'stats.top': { zh: '前 {n} 个词', en: 'Top {n} words' },
  'stats.topListed': { zh: '前 {n} 个词（已列出的全部）', en: 'Top {n} words (all listed)' },
  'stats.time': { zh: '分析用时', en: 'Analysis time' },
  'stats.timeValue': { zh: '{n} 毫秒', en: '{n} ms' },
  'stats.cleaning': { zh: '清理', en: 'Cleaning' },
  'stats.cleanNone': { zh: '文本很干净，无需清理。', en: 'Nothing needed cleaning.' },
  'stats.cleanSome': {
    zh: '分析前忽略了 {n} 处；你的原文保持不变。',
    en: '{n} items were set aside before analysis; your text is unchanged.',
  },
  'stats.annotations': { zh: '拼音注音', en: 'Pinyin annotations' },
  'stats.tags': { zh: 'HTML 标签', en: 'HTML tags' },
  'stats.entities': { zh: 'HTML 实体', en: 'HTML entities' },
  'stats.widthFolded': { zh: '全角字母数字', en: 'Full-width letters and digits' },
  'stats.zeroWidth': { zh: '零宽字符', en: 'Zero-width characters' },
  'stats.mojibake': { zh: '乱码', en: 'Mojibake runs' },
  'stats.hidden': { zh: '隐藏内容（脚本、样式、SVG、注释等）', en: 'Hidden content (scripts, styles, SVG, comments…)' },
  'stats.script': { zh: '文字', en: 'Script' },
  'stats.script.simplified': { zh: '简体', en: 'Simplified' },
  'stats.script.traditional': { zh: '繁体', en: 'Traditional' },
  'stats.script.mixed': { zh: '简繁混合', en: 'Mixed' },
  'stats.script.none': { zh: '无法判断（没有汉字）', en: 'Undetermined (no Han characters)' },
  'stats.traditionalChars': { zh: '繁体特有字', en: 'Traditional-only characters' },
  'stats.simplifiedChars': { zh: '简体特有字', en: 'Simplified-only characters' },
  'stats.converted': { zh: '转为简体后分词', en: 'Segmented through simplified' },
  'stats.yes': { zh: '是', en: 'yes' },
  'stats.no': { zh: '否', en: 'no' },
  'stats.empty': { zh: '分析后在这里显示统计。', en: 'Statistics appear here after an analysis.' },
});

const CLEANING = ['annotations', 'tags', 'hidden', 'entities', 'widthFolded', 'zeroWidth', 'mojibake'];

const percent = (x) => `${formatNumber(x * 100, 1)}%`;

/** A definition list; each entry is [testid, label, value, className?]. */
function facts(entries) {
  return el(
    'dl',
    { className: 'facts' },
    ...entries.flatMap(([testid, label, value, className]) => [
      el('dt', { text: label }),
      el('dd', { className: className ?? '', attrs: { 'data-testid': testid }, text: value }),
    ]),
  );
}

export function mount(root, { store }) {
  root.classList.add('stats-view');

  function draw() {
    const { report, ms } = store.get();
    const heading = el('h2', { attrs: { id: 'stats-heading' }, text: t('view.stats') });
    root.setAttribute('aria-labelledby', 'stats-heading');
    if (!report) {
      root.replaceChildren(heading, el('p', { className: 'stats-empty', text: t('stats.empty') }));
      return;
    }
    const s = report.stats;
    const minutes = s.readingMinutes;
    const listed = report.keywords.length;
    const cover = (n) => [
      `stat-top${n}`,
      t(listed < n ? 'stats.topListed' : 'stats.top', { n: formatNumber(Math.min(n, listed)) }),
      percent(coverage(report, n)),
    ];
    // A row per size the list reaches: with 7 words listed, "top 10" and "top 100" would both
    // be the same seven; with none, there is nothing to cover.
    const coverRows = [10, 100].filter((n, i, all) => i === 0 || listed > all[i - 1]).map(cover);
    const coverFacts = listed === 0
      ? el('p', { className: 'hint', attrs: { 'data-testid': 'stat-coverage-none' }, text: noKeywordsNote(store.get()) ?? '' })
      : facts(coverRows);

    const cleaning = report.cleaning;
    const removed = CLEANING.reduce((sum, key) => sum + (cleaning[key] ?? 0), 0);
    const script = report.script;

    root.replaceChildren(
      heading,
      el(
        'div',
        { className: 'stats-groups' },
        el(
          'section',
          { className: 'stats-group', attrs: { 'data-testid': 'stats' } },
          facts([
            ['stat-characters', t('stats.characters'), formatNumber(s.characters)],
            ['stat-han', t('stats.han'), formatNumber(s.hanCharacters)],
            ['stat-words', t('stats.words'), formatNumber(s.words)],
            ['stat-distinct', t('stats.distinct'), formatNumber(s.distinctWords)],
            ['stat-sentences', t('stats.sentences'), formatNumber(s.sentences)],
            ['stat-paragraphs', t('stats.paragraphs'), formatNumber(s.paragraphs)],
            ['stat-average', t('stats.average'), t('stats.averageValue', { n: formatNumber(s.averageSentenceLength, 1) })],
            [
              'stat-reading',
              t('stats.reading'),
              minutes < 1 ? t('stats.readingSeconds') : t('stats.readingValue', { n: formatNumber(Math.round(minutes)) }),
            ],
            ...(ms === null || ms === undefined ? [] : [['stat-ms', t('stats.time'), t('stats.timeValue', { n: formatNumber(Math.round(ms)) })]]),
          ]),
        ),
        el(
          'section',
          { className: 'stats-group', attrs: { 'aria-labelledby': 'stats-coverage-heading' } },
          el('h3', { attrs: { id: 'stats-coverage-heading' }, text: t('stats.coverage') }),
          el('p', { className: 'hint', text: t('stats.coverageHint') }),
          coverFacts,
        ),
        el(
          'section',
          { className: 'stats-group', attrs: { 'aria-labelledby': 'stats-cleaning-heading' } },
          el('h3', { attrs: { id: 'stats-cleaning-heading' }, text: t('stats.cleaning') }),
          el('p', {
            className: 'hint',
            attrs: { 'data-testid': 'cleaning-summary' },
            text: removed === 0 ? t('stats.cleanNone') : t('stats.cleanSome', { n: formatNumber(removed) }),
          }),
          facts(
            CLEANING.map((key) => [
              `cleaning-${key}`,
              t(`stats.${key}`),
              formatNumber(cleaning[key] ?? 0),
              (cleaning[key] ?? 0) === 0 ? 'zero' : 'nonzero',
            ]),
          ),
        ),
        el(
          'section',
          { className: 'stats-group', attrs: { 'aria-labelledby': 'stats-script-heading' } },
          el('h3', { attrs: { id: 'stats-script-heading' }, text: t('stats.script') }),
          el('p', {
            className: 'script-kind',
            attrs: { 'data-testid': 'script-kind', 'data-kind': script.kind },
            text: t(`stats.script.${script.kind}`),
          }),
          facts([
            ['script-traditional', t('stats.traditionalChars'), formatNumber(script.traditionalChars)],
            ['script-simplified', t('stats.simplifiedChars'), formatNumber(script.simplifiedChars)],
            ['script-converted', t('stats.converted'), t(script.converted ? 'stats.yes' : 'stats.no')],
          ]),
        ),
      ),
    );
  }

  store.subscribe((state, changed) => {
    if (changed.has('report') || changed.has('lang') || changed.has('ms')) draw();
  });
  draw();
}

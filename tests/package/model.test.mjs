// Unit tests of the report model (js/model.js): the one tie-break rule, G² and log ratio against
// values worked out by hand, the section tree, the keyword pool, saved options made safe, the
// heatmap matrix and distinctive terms on small reports built here, and the same figures on a
// real report from the built package (pkg/node.js; skipped when pkg/ is not assembled).
//
//   node --test tests/package/model.test.mjs
//   bash scripts/package.sh && node --test tests/package/model.test.mjs   # with the real report

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import {
  DEFAULT_OPTIONS, DISTINCTIVE_TERMS, KEYWORD_POOL, KEYWORD_POOL_LONG, LONG_TEXT, OPTION_LIMITS, OPTION_TYPES,
  POS_PRESETS, RANKINGS, SIGNIFICANCE, clampInteger, coverage, distinctiveTerms, findKeyword, heatmapMatrix, keyness,
  keywordPool, logLikelihood, logRatio, parseRanking, posPreset, rankBy, rankKeywords, rankValue, sanitizeOptions,
  sectionCounts, sectionTree, significanceMark, sumSections, whyNoKeywords,
} from '../../js/model.js';
import { PKG, REPO } from './helpers.mjs';

/** A keyword as a report has it; only the fields the model reads matter. */
const kw = (word, count, over = {}) => ({
  word, key: word, count, share: 0, weight: 0, textrank: 0, pos: 'n', first: 0, occurrences: [], reference: 0, sections: [], ...over,
});

const words = (list) => list.map((k) => k.word);

/** Compare within `epsilon`, with both numbers in the message. */
function near(actual, expected, epsilon = 1e-9, what = '') {
  assert.ok(Math.abs(actual - expected) <= epsilon, `${what} ${actual} is not ${expected} (±${epsilon})`);
}

// ---------------------------------------------------------------------------------------------
// Ranking.

test('rankKeywords: value first, then count, then the report’s order, never the key', () => {
  // In report order: count descending, then word in code-point order. 書店 comes before 東方
  // (U+66F8 < U+6771) although their keys sort the other way (书 U+4E66 > 东 U+4E1C).
  const keywords = Object.freeze([
    kw('書店', 5, { key: '书店', weight: 0.3, textrank: 1 }),
    kw('東方', 5, { key: '东方', weight: 0.3, textrank: 0.2 }),
    kw('乙', 3, { weight: 0.3, textrank: 0.2 }),
    kw('甲', 3, { weight: 0.5, textrank: 0.2 }),
    kw('丁', 2, { weight: 0.1, textrank: 0.2 }),
  ]);
  const before = JSON.stringify(keywords);
  assert.deepEqual(words(rankKeywords(keywords, 'count')), ['書店', '東方', '乙', '甲', '丁'], 'by count: the report’s order');
  assert.deepEqual(words(rankKeywords(keywords, 'weight')), ['甲', '書店', '東方', '乙', '丁'], 'TF-IDF ties: count, then report order');
  assert.deepEqual(words(rankKeywords(keywords, 'textrank')), ['書店', '東方', '乙', '甲', '丁'], 'TextRank ties: count, then report order');
  assert.deepEqual(words(rankKeywords(keywords, 'weight', 2)), ['甲', '書店']);
  assert.deepEqual(rankKeywords(keywords, 'weight', 0), []);
  assert.deepEqual(rankKeywords(keywords, 'weight', -1), [], 'a negative limit lists nothing (not all but the last)');
  assert.deepEqual(words(rankKeywords(keywords, 'nonsense')), words(rankKeywords(keywords, 'count')), 'an unknown ranking is count');
  assert.deepEqual(words(rankKeywords(keywords)), words(keywords));
  assert.equal(JSON.stringify(keywords), before, 'the input is not changed');
  assert.notEqual(rankKeywords(keywords), keywords, 'a new array');
});

test('ties keep code-point order, not UTF-16 order: an astral word after a BMP one from U+E000 up', () => {
  // Code points: U+FF41 (ａ) < U+20000 (𠀀). UTF-16 units: 0xFF41 > 0xD840, so a sort by JS
  // string comparison would put 𠀀 first. The report (Rust, code-point order) lists ａ first.
  const keywords = [kw('ａ詞', 2, { weight: 0.4 }), kw('𠀀詞', 2, { weight: 0.4 })];
  assert.ok('𠀀詞' < 'ａ詞', 'JS compares UTF-16 units');
  assert.deepEqual(words(rankKeywords(keywords, 'weight')), ['ａ詞', '𠀀詞']);
});

test('rankBy: a missing or NaN value ranks below every number, and the sort is stable', () => {
  const items = [{ id: 'a', v: NaN, c: 9 }, { id: 'b', v: -Infinity, c: 1 }, { id: 'c', v: 0, c: 0 }, { id: 'd', v: 0, c: 0 }, { id: 'e', v: undefined, c: 5 }];
  const order = rankBy(items, (x) => x.v, (x) => x.c).map((x) => x.id);
  assert.deepEqual(order, ['c', 'd', 'a', 'e', 'b'], 'finite first; NaN as -∞, then by count');
  const many = Array.from({ length: 500 }, (_, i) => ({ i, v: i % 3, c: i % 2 }));
  const ranked = rankBy(many, (x) => x.v, (x) => x.c);
  for (let n = 1; n < ranked.length; n++) {
    const [p, q] = [ranked[n - 1], ranked[n]];
    assert.ok(p.v > q.v || (p.v === q.v && (p.c > q.c || (p.c === q.c && p.i < q.i))), `rank ${n}`);
  }
});

test('parseRanking and rankValue', () => {
  assert.deepEqual([...RANKINGS], ['count', 'weight', 'textrank']);
  for (const [given, want] of [['weight', 'weight'], [' TextRank ', 'textrank'], ['COUNT', 'count'], ['tfidf', 'count'], ['', 'count'], [null, 'count'], [undefined, 'count'], [42, 'count'], [{}, 'count']]) {
    assert.equal(parseRanking(given), want, String(given));
  }
  const k = kw('词', 7, { weight: 0.25, textrank: 0.5 });
  assert.deepEqual(['count', 'weight', 'textrank', 'share', '__proto__'].map((r) => rankValue(k, r)), [7, 0.25, 0.5, 7, 7]);
});

test('findKeyword and coverage', () => {
  const report = { stats: { words: 20 }, keywords: [kw('發展', 6, { key: '发展' }), kw('城市', 4), kw('河道', 4), kw('湿地', 2)] };
  assert.equal(findKeyword(report, '发展').word, '發展');
  assert.equal(findKeyword(report, '發展'), null, 'by key, not by the written word');
  assert.equal(findKeyword(null, '发展'), null);
  assert.equal(findKeyword(report, null), null);
  assert.equal(coverage(report, 1), 6 / 20);
  assert.equal(coverage(report, 3), 14 / 20);
  assert.equal(coverage(report, 100), 16 / 20, 'more than listed: all listed');
  assert.equal(coverage({ ...report, stats: { words: 0 } }, 10), 0);
});

// ---------------------------------------------------------------------------------------------
// Log-likelihood, log ratio, keyness.

test('whyNoKeywords names the step that left the list empty', () => {
  const token = (word, kind, pos = 'x') => ({ word, start: 0, end: 0, kind, pos });
  const report = (tokens, over = {}) => ({ keywords: [], tokens, stats: { tokens: tokens?.length ?? 0 }, ...over });
  assert.equal(whyNoKeywords({ keywords: [kw('发展', 1)], stats: { tokens: 1 } }), null);
  // Emoji, punctuation, numbers and Han numerals are never words.
  const symbols = [token('😀', 'other'), token('。', 'punctuation'), token('2023', 'number', 'm'), token('三千', 'han', 'm'), token('一个', 'han', 'mq')];
  assert.equal(whyNoKeywords(report(symbols)), 'noWords');
  assert.equal(whyNoKeywords(report(symbols), 1), 'noWords');
  // One character: too short by default, so the hint is the minimum length.
  assert.equal(whyNoKeywords(report([token('好', 'han', 'a')])), 'minLength');
  assert.equal(whyNoKeywords(report([token('好', 'han', 'a'), token('AI', 'latin', 'eng')]), 3), 'minLength');
  assert.equal(whyNoKeywords(report([token('𦡦𦡦', 'han', 'n')]), 3), 'minLength', 'characters are code points');
  // Long enough, yet not listed: stopwords or the POS filter.
  assert.equal(whyNoKeywords(report([token('我们', 'han', 'r')])), 'filtered');
  assert.equal(whyNoKeywords(report([token('好', 'han', 'a')]), 1), 'filtered');
  // A long text's report has no tokens.
  assert.equal(whyNoKeywords(report(undefined, { stats: { tokens: 0 } })), 'noWords');
  assert.equal(whyNoKeywords(report(undefined, { stats: { tokens: 12 } })), 'unknown');
});

test('G² against values worked out by hand', () => {
  // 3 of 10 words against 1 of 30: E1 = 10·4/40 = 1, E2 = 30·4/40 = 3,
  // G² = 2(3 ln 3 + 1 ln(1/3)) = 4 ln 3.
  near(logLikelihood(3, 1, 10, 30), 4 * Math.log(3), 1e-12, 'G²(3, 1, 10, 30)');
  near(logLikelihood(3, 1, 10, 30), 4.394449154672438, 1e-12);
  // Absent from the first part: 0 of 10 against 10 of 10: E2 = 5, G² = 2·10 ln 2 (0 ln 0 = 0).
  near(logLikelihood(0, 10, 10, 10), 20 * Math.log(2), 1e-12, 'G²(0, 10, 10, 10)');
  // 10 in 1,000 words against 100 in 1,000,000: E1 = 0.10989…, E2 = 109.89…
  near(logLikelihood(10, 100, 1000, 1e6), 71.35505423608875, 1e-9, 'G²(10, 100, 1000, 1e6)');
  // The same relative frequency: no keyness; the measure is symmetric in the two parts.
  near(logLikelihood(5, 500, 100, 10000), 0, 1e-9);
  near(logLikelihood(3, 1, 10, 30), logLikelihood(1, 3, 30, 10), 1e-12);
  assert.equal(logLikelihood(0, 0, 10, 10), 0, 'a word in neither part');
  assert.equal(logLikelihood(0, 0, 0, 0), 0, 'two empty parts');
});

test('log ratio and the significance marks', () => {
  assert.equal(logRatio(5, 500, 100, 10000), 0);
  near(logRatio(10, 100, 1000, 1e5), Math.log2(10), 1e-12, 'ten times as frequent');
  near(logRatio(2, 0, 100, 1e6), Math.log2((2 / 100) / (0.5 / 1e6)), 1e-12, 'a zero count is taken as 0.5');
  near(logRatio(0, 8, 100, 100), -4, 1e-12, '0.5 against 8');
  assert.deepEqual(SIGNIFICANCE.map((s) => [s.critical, s.mark, s.p]), [[10.83, '***', 0.001], [6.63, '**', 0.01], [3.84, '*', 0.05]]);
  for (const [g2, mark] of [[0, ''], [3.84, ''], [3.85, '*'], [6.63, '*'], [6.64, '**'], [10.83, '**'], [10.84, '***'], [1e9, '***'], [NaN, '']]) {
    assert.equal(significanceMark(g2), mark, String(g2));
  }
});

test('keyness: one row per keyword in the report’s order, positive by relative frequency', () => {
  const report = {
    stats: { words: 1000 },
    referenceTotal: 1e6,
    keywords: [kw('长江', 10, { reference: 100 }), kw('工作', 1, { reference: 50000 }), kw('新词', 2, { reference: 0 })],
  };
  const rows = keyness(report);
  assert.deepEqual(words(rows.map((r) => r.keyword)), ['长江', '工作', '新词']);
  assert.deepEqual(rows.map((r) => r.positive), [true, false, true]);
  near(rows[0].g2, 71.35505423608875, 1e-9);
  near(rows[1].g2, logLikelihood(1, 50000, 1000, 1e6), 0);
  assert.ok(rows[1].logRatio < 0);
  assert.equal(rows[2].reference, 0);
  near(rows[2].logRatio, Math.log2((2 / 1000) / (0.5 / 1e6)), 1e-12);
  assert.deepEqual(rows.map((r) => r.mark), rows.map((r) => significanceMark(r.g2)));
  // Ranked as the keyness view shows them: 工作 (G² ≈ 90) over 长江 (≈ 71).
  assert.deepEqual(rankBy(rows, (r) => r.g2, (r) => r.count).map((r) => r.keyword.word).slice(0, 2), ['工作', '长江']);
  assert.deepEqual(keyness({ ...report, stats: { words: 0 } }), [], 'no content words');
  assert.deepEqual(keyness({ ...report, referenceTotal: 0 }), [], 'no reference');
});

// ---------------------------------------------------------------------------------------------
// Sections.

const section = (parent, over = {}) => ({
  title: '', level: parent === null ? 1 : 2, parent, heading: true, start: 0, end: 0, paragraphs: 1, sentences: 1, characters: 10, keywords: [], ...over,
});

test('sectionTree: children from parents, subtrees as runs, a bad parent makes a root', () => {
  const sections = [
    section(null), // 0 preamble
    section(null), // 1 一、
    section(1), // 2   （一）
    section(2), // 3     1.
    section(1), // 4   （二）
    section(null), // 5 二、
    section(5), // 6   （一）
    section(9), // 7 a parent after it: a root
    section(-1), // 8 out of range: a root
    section(undefined), // 9 missing: a root
  ];
  const tree = sectionTree(sections);
  assert.deepEqual(tree.roots, [0, 1, 5, 7, 8, 9]);
  assert.deepEqual(tree.children, [[], [2, 4], [3], [], [], [6], [], [], [], []]);
  assert.deepEqual(tree.last, [0, 4, 3, 3, 4, 6, 6, 7, 8, 9]);
  // Every section is in the tree once.
  const seen = [];
  const walk = (i) => { seen.push(i); tree.children[i].forEach(walk); };
  tree.roots.forEach(walk);
  assert.deepEqual(seen, sections.map((_, i) => i));
  assert.deepEqual(sectionTree([]), { roots: [], children: [], last: [] });
  assert.equal(sumSections(sections, 1, 4, 'characters'), 40);
  assert.equal(sumSections([section(null, { sentences: undefined })], 0, 0, 'sentences'), 0);
});

/**
 * Three sections — 0 a root, 1 a root, 2 under 1 — and three words of four occurrences each:
 * 書店 and 東方 spread alike over 1 and 2 (so tied everywhere), 城市 all in 0.
 */
function smallReport() {
  return {
    version: 'test',
    stats: { words: 12 },
    referenceTotal: 1000,
    sections: [
      section(null, { title: '一', start: 0, end: 10, characters: 8 }),
      section(null, { title: '二', start: 10, end: 30, characters: 15 }),
      section(1, { title: '（一）', start: 30, end: 45, characters: 12 }),
    ],
    keywords: [
      kw('書店', 4, { key: '书店', sections: [[1, 2], [2, 2]] }),
      kw('東方', 4, { key: '东方', sections: [[1, 2], [2, 2]] }),
      kw('城市', 4, { sections: [[0, 4], [7, 3]] }), // [7, 3]: no such section, left out
    ],
  };
}

test('sectionCounts: per-section counts of the listed keywords', () => {
  const { counts, totals } = sectionCounts(smallReport());
  assert.deepEqual(counts.map((m) => [...m]), [[[2, 4]], [[0, 2], [1, 2]], [[0, 2], [1, 2]]]);
  assert.deepEqual(totals, [4, 4, 4]);
});

test('distinctiveTerms: over-used words by G², ties by count then the report’s order', () => {
  const report = smallReport();
  // Sections 1–2 against 0: c = 8, d = 4. 書店: a = 4, b = 0, E1 = 8·4/12, G² = 8 ln 1.5.
  const subtree = distinctiveTerms(report, 1, 2);
  assert.deepEqual(subtree.map((t) => [t.keyword.word, t.count]), [['書店', 4], ['東方', 4]], 'tied: report order, not key order');
  near(subtree[0].g2, 8 * Math.log(1.5), 1e-12);
  // Section 2 alone: 2 of 4 against 2 of 8: G² = 2(2 ln 1.5 + 2 ln 0.75) = 4 ln 1.125.
  near(distinctiveTerms(report, 2, 2)[0].g2, 4 * Math.log(1.125), 1e-12);
  // Section 0: 城市 only (書店 and 東方 do not occur there); G² = 8 ln 3.
  const first = distinctiveTerms(report, 0, 0);
  assert.deepEqual(first.map((t) => t.keyword.word), ['城市']);
  near(first[0].g2, 8 * Math.log(3), 1e-12);
  // The whole text: nothing left to compare with; every word qualifies, G² = 0, by count.
  assert.deepEqual(distinctiveTerms(report, 0, 2).map((t) => [t.keyword.word, t.g2]), [['書店', 0], ['東方', 0], ['城市', 0]]);
  assert.deepEqual(distinctiveTerms(report, 1, 2, 1).map((t) => t.keyword.word), ['書店'], 'limit');
  assert.equal(DISTINCTIVE_TERMS, 5);
  // A word the part uses less than the rest is never distinctive of it.
  const under = { ...report, keywords: [kw('多', 9, { sections: [[0, 1], [1, 8]] }), kw('少', 3, { sections: [[0, 3]] })] };
  assert.deepEqual(distinctiveTerms(under, 0, 0).map((t) => t.keyword.word), ['少']);
});

test('heatmapMatrix on a hand-built report: top-level rows sum their subtrees', () => {
  const report = smallReport();
  const columns = rankKeywords(report.keywords, 'count');
  const top = heatmapMatrix(report, columns);
  assert.deepEqual(
    top.map((r) => [r.index, r.section.title, r.start, r.end, r.characters, r.counts]),
    [
      [0, '一', 0, 10, 8, [0, 0, 4]],
      [1, '二', 10, 45, 27, [4, 4, 0]],
    ],
  );
  const all = heatmapMatrix(report, columns, 'all');
  assert.deepEqual(all.map((r) => [r.index, r.start, r.end, r.characters, r.counts]), [
    [0, 0, 10, 8, [0, 0, 4]],
    [1, 10, 30, 15, [2, 2, 0]],
    [2, 30, 45, 12, [2, 2, 0]],
  ]);
  assert.deepEqual(heatmapMatrix(report, []).map((r) => r.counts), [[], []], 'no columns');
  assert.deepEqual(heatmapMatrix({ ...report, sections: [] }, columns), [], 'no sections');
});

// ---------------------------------------------------------------------------------------------
// The keyword pool.

test('keywordPool: what is shown, never fewer than the pool for the text’s length', () => {
  assert.equal(keywordPool(100, 1000), KEYWORD_POOL);
  assert.equal(keywordPool(100, LONG_TEXT), KEYWORD_POOL, 'up to LONG_TEXT is short');
  assert.equal(keywordPool(100, LONG_TEXT + 1), KEYWORD_POOL_LONG);
  assert.equal(keywordPool(1500, 10), 1500);
  assert.equal(keywordPool(500, 9e6), 500);
  assert.equal(keywordPool(10.2, 0), KEYWORD_POOL);
  assert.equal(keywordPool(1000.5, 0), 1001, 'a fraction rounds up: never fewer than shown');
  for (const bad of [0, -5, NaN, Infinity, undefined]) assert.equal(keywordPool(bad), KEYWORD_POOL, String(bad));
  // The page's rule before the model: max(topN, short ? 1000 : 300), short meaning ≤ 200,000 units.
  for (const topN of [10, 50, 100, 299, 300, 301, 999, 1000]) {
    for (const length of [0, 5000, 200_000, 200_001, 3e6]) {
      assert.equal(keywordPool(topN, length), Math.max(topN, length <= 200_000 ? 1000 : 300), `${topN} of ${length}`);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Options.

/** The value types sanitizeOptions promises, field by field. */
function assertWellTyped(options) {
  assert.deepEqual(Object.keys(options).sort(), Object.keys(OPTION_TYPES).sort(), 'exactly the known options');
  for (const [name, type] of Object.entries(OPTION_TYPES)) {
    const value = options[name];
    if (type === 'boolean') assert.equal(typeof value, 'boolean', name);
    else if (type === 'integer') assert.ok(Number.isInteger(value) && value >= 0 && value <= 2 ** 32 - 1, `${name}: ${value}`);
    else assert.ok(Array.isArray(value) && value.every((w) => typeof w === 'string' && w !== '' && w === w.trim()), name);
  }
  for (const [name, [lo, hi]] of Object.entries(OPTION_LIMITS)) assert.ok(options[name] >= lo && options[name] <= hi, name);
}

test('sanitizeOptions: nothing saved, or not an object, gives the defaults', () => {
  const defaults = { ...DEFAULT_OPTIONS, pos: [], stopwords: [], keepWords: [], words: [] };
  for (const saved of [undefined, null, 'options', 42, true, [], [1, 2], () => {}]) {
    const options = sanitizeOptions(saved);
    assert.deepEqual(options, defaults, String(saved));
    assertWellTyped(options);
  }
  // Fresh arrays: changing them leaves the defaults alone (which are frozen anyway).
  const options = sanitizeOptions(null);
  options.stopwords.push('的');
  assert.deepEqual(DEFAULT_OPTIONS.stopwords, []);
  assert.ok(Object.isFrozen(DEFAULT_OPTIONS));
});

test('sanitizeOptions: hostile saved values are replaced, clamped or filtered, never passed on', () => {
  const saved = JSON.parse(`{
    "hmm": "false", "convert": 0, "compounds": false, "defaultStopwords": null, "includeTokens": true,
    "topN": 1e9, "minLength": -3, "sectionKeywords": 1e15,
    "pos": ["n", "N", " v ", "<script>", 5, null, "eng", ["ns"], ""],
    "stopwords": [" 的 ", "", "   ", 42, {}, "了", "=cmd|' /C calc'!A0"],
    "keepWords": "都",
    "words": {"0": "长江经济带", "length": 1},
    "unknown": "dropped", "top_n": 5,
    "__proto__": {"polluted": true},
    "constructor": {"prototype": {"polluted": true}}
  }`);
  const options = sanitizeOptions(saved);
  assertWellTyped(options);
  assert.equal(options.hmm, true, 'a string is not a boolean: the default');
  assert.equal(options.convert, true);
  assert.equal(options.compounds, false, 'a real boolean is kept');
  assert.equal(options.defaultStopwords, true);
  assert.equal(options.includeTokens, true);
  assert.equal(options.topN, 1000, 'clamped to the page’s limit');
  assert.equal(options.minLength, 1);
  assert.equal(options.sectionKeywords, 2 ** 32 - 1, 'no page limit: held to what the analyzer takes');
  assert.deepEqual(options.pos, ['n', 'v', 'eng'], 'tag-shaped strings only');
  assert.deepEqual(options.stopwords, ['的', '了', "=cmd|' /C calc'!A0"], 'strings, trimmed, non-empty');
  assert.deepEqual(options.keepWords, [], 'not a list: the default');
  assert.deepEqual(options.words, [], 'an array-like object is not a list');
  assert.ok(!('unknown' in options) && !('top_n' in options), 'unknown fields are dropped');
  assert.equal({}.polluted, undefined, 'no prototype was polluted');
  assert.equal(options.polluted, undefined);
  assert.equal(Object.getPrototypeOf(options), Object.prototype);
});

test('sanitizeOptions: numbers are rounded, non-finite ones and numeric strings refused', () => {
  const topN = (value) => sanitizeOptions({ topN: value }).topN;
  assert.equal(topN(250.4), 250);
  assert.equal(topN(250.5), 251);
  assert.equal(topN(3), 10);
  assert.equal(topN(-Infinity), 100);
  assert.equal(topN(Infinity), 100);
  assert.equal(topN(NaN), 100);
  assert.equal(topN('50'), 100);
  assert.equal(topN(null), 100);
  assert.equal(sanitizeOptions({ minLength: 1.4 }).minLength, 1);
  assert.equal(sanitizeOptions({ minLength: 99 }).minLength, 8);
  // Other limits (or none: null) replace the page's.
  assert.equal(sanitizeOptions({ topN: 5000 }, { topN: [1, 5000] }).topN, 5000);
  assert.equal(sanitizeOptions({ topN: 0 }, null).topN, 0);
  assert.equal(sanitizeOptions({ topN: 1e12 }, {}).topN, 2 ** 32 - 1);
  assert.equal(clampInteger(7.6, [0, 5]), 5);
  assert.equal(clampInteger(-0.4, [0, 5]), 0);
  // Idempotent: a sanitized set comes back as it was.
  const once = sanitizeOptions({ topN: 333, pos: ['n', 'v'], stopwords: ['的'], hmm: false });
  assert.deepEqual(sanitizeOptions(once), once);
  assert.deepEqual(sanitizeOptions(JSON.parse(JSON.stringify(once))), once, 'through localStorage and back');
});

test('POS presets', () => {
  assert.equal(posPreset([]), 'all');
  assert.equal(posPreset([...POS_PRESETS.nouns].reverse()), 'nouns', 'in any order');
  assert.equal(posPreset(POS_PRESETS.nounsVerbs), 'nounsVerbs');
  assert.equal(posPreset(['n']), 'custom');
  assert.equal(posPreset([...POS_PRESETS.nouns, 'x']), 'custom');
  assert.ok(Object.isFrozen(POS_PRESETS) && Object.isFrozen(POS_PRESETS.nouns));
  for (const tags of Object.values(POS_PRESETS)) assert.deepEqual(sanitizeOptions({ pos: tags }).pos, [...tags], 'every preset survives saving');
});

// ---------------------------------------------------------------------------------------------
// A real report, from the package as built (bash scripts/package.sh).

const BUILT = existsSync(`${PKG}node.js`) && existsSync(`${PKG}wenxi_bg.wasm`);

test('the model on a real report from pkg/node.js', { skip: BUILT ? false : 'pkg/ is not built: bash scripts/package.sh' }, async () => {
  const { Analyzer } = await import(`${PKG}node.js`);
  const text = readFileSync(`${REPO}tests/fixtures/report-headings-simp.txt`, 'utf8');
  const report = new Analyzer().analyze(text, { topN: keywordPool(100, text.length) });
  const { keywords, sections } = report;
  assert.ok(keywords.length > 20 && sections.length > 3, `${keywords.length} keywords, ${sections.length} sections`);

  // The report's own order is the model's tie order: ranking by count changes nothing.
  assert.deepEqual(rankKeywords(keywords, 'count'), keywords);
  for (const ranking of ['weight', 'textrank']) {
    const ranked = rankKeywords(keywords, ranking);
    assert.equal(ranked.length, keywords.length);
    const index = new Map(keywords.map((k, i) => [k, i]));
    for (let i = 1; i < ranked.length; i++) {
      const [p, q] = [ranked[i - 1], ranked[i]];
      assert.ok(p[ranking] > q[ranking] || (p[ranking] === q[ranking] && (p.count > q.count || (p.count === q.count && index.get(p) < index.get(q)))), `${ranking} ${i}`);
    }
  }

  // The tree holds every section once; each subtree is the run i..last[i] and lies in its range.
  const tree = sectionTree(sections);
  const seen = [];
  const walk = (i) => { seen.push(i); tree.children[i].forEach(walk); };
  tree.roots.forEach(walk);
  assert.deepEqual(seen, sections.map((_, i) => i));
  for (let i = 0; i < sections.length; i++) {
    for (let j = i + 1; j <= tree.last[i]; j++) {
      let p = j;
      while (p !== null && p !== i) p = sections[p].parent;
      assert.equal(p, i, `section ${j} lies in the subtree of ${i}`);
    }
  }

  // The heatmap: each 'all' row is the report's own per-section counts; 'top' rows tile the text
  // and each column sums to the word's count (sections tile the text).
  const columns = rankKeywords(keywords, 'weight', 20);
  const all = heatmapMatrix(report, columns, 'all');
  assert.equal(all.length, sections.length);
  all.forEach((row, r) => {
    assert.deepEqual(row.counts, columns.map((k) => k.sections.find(([s]) => s === r)?.[1] ?? 0), `row ${r}`);
    assert.deepEqual([row.start, row.end, row.characters], [sections[r].start, sections[r].end, sections[r].characters]);
  });
  const top = heatmapMatrix(report, columns);
  assert.equal(top.length, tree.roots.length);
  assert.equal(top[0].start, 0);
  assert.equal(top.at(-1).end, text.length);
  for (let r = 1; r < top.length; r++) assert.equal(top[r].start, top[r - 1].end, `row ${r} starts where ${r - 1} ends`);
  columns.forEach((k, c) => assert.equal(top.reduce((n, row) => n + row.counts[c], 0), k.count, k.word));
  assert.equal(top.reduce((n, row) => n + row.characters, 0), sections.reduce((n, s) => n + s.characters, 0));

  // Distinctive terms are over-used in their part, with a positive G², in rank order.
  const cache = sectionCounts(report);
  const grand = keywords.reduce((n, k) => n + k.count, 0);
  let listed = 0;
  for (const i of tree.roots) {
    const terms = distinctiveTerms(report, i, tree.last[i], DISTINCTIVE_TERMS, cache);
    const c = cache.totals.slice(i, tree.last[i] + 1).reduce((x, y) => x + y, 0);
    for (const term of terms) {
      assert.ok(term.count / c > (term.keyword.count - term.count) / (grand - c), term.keyword.word);
      near(term.g2, logLikelihood(term.count, term.keyword.count - term.count, c, grand - c), 0);
    }
    for (let n = 1; n < terms.length; n++) assert.ok(terms[n - 1].g2 >= terms[n].g2);
    listed += terms.length;
  }
  assert.ok(listed > 0, 'some section has distinctive terms');

  // Keyness: one row per keyword, the reference as the report gives it.
  const rows = keyness(report);
  assert.equal(rows.length, keywords.length);
  rows.forEach((row, i) => {
    assert.equal(row.keyword, keywords[i]);
    near(row.g2, logLikelihood(keywords[i].count, keywords[i].reference, report.stats.words, report.referenceTotal), 0);
  });
  assert.ok(rows.some((r) => r.positive) && rows.some((r) => r.mark !== ''));
  near(coverage(report, keywords.length), grand / report.stats.words, 1e-12);

  // Texts the analyzer finds no keyword in, for the reason whyNoKeywords names.
  const analyzer = new Analyzer();
  const reason = (text, minLength = 2, more = {}) =>
    whyNoKeywords(analyzer.analyze(text, { includeTokens: true, minLength, ...more }), minLength);
  assert.equal(reason(text), null);
  assert.equal(reason('😀🎉 👍。2023，三千'), 'noWords');
  assert.equal(reason('猫'), 'minLength');
  assert.equal(reason('猫', 1), null, 'single characters on: 猫 counts');
  assert.equal(reason('我们的'), 'filtered', 'built-in stopwords');
  assert.equal(reason('发展', 2, { pos: ['ns'] }), 'filtered', 'the POS filter');

  // The analyzer takes sanitized options as they are, hostile input included.
  const options = sanitizeOptions({ topN: 'x', pos: ['<b>'], stopwords: [7], hmm: 'yes', sectionKeywords: 1e20 });
  const again = new Analyzer().analyze(text, { ...options, sectionKeywords: 3 });
  assert.equal(again.keywords.length, Math.min(100, keywords.length));
});

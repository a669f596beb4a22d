// The report model: every figure a view derives from a report, and the analysis options a view
// offers, each defined once. The page's views (www/views/), the <wenxi-analyzer> element
// (./component.js) and any page that draws a report itself read reports through it:
//
//   import { rankKeywords, sectionTree, keyness } from 'wenxi/model';
//   rankKeywords(report.keywords, 'weight', 10);   // the ten best by TF-IDF
//
// Plain functions over the report object (`Report` in wenxi.d.ts), no DOM and no wasm: it runs
// on a page, in a worker and in Node. Nothing here changes its arguments; every list returned is
// a new array.

import { DEFAULT_OPTIONS, OPTION_TYPES } from './options.js';

export { DEFAULT_OPTIONS, OPTION_TYPES };

/** @typedef {import('./wenxi.js').Report} Report */
/** @typedef {import('./wenxi.js').Keyword} Keyword */
/** @typedef {import('./wenxi.js').Section} Section */
/** @typedef {import('./wenxi.js').AnalyzeOptions} AnalyzeOptions */
/** @typedef {'count' | 'weight' | 'textrank'} Ranking */

// ---------------------------------------------------------------------------------------------
// Ranking, and the one tie-break rule.

/** The rankings: each orders keywords by the report field of the same name (`weight` is TF-IDF). */
export const RANKINGS = Object.freeze(/** @type {const} */ (['count', 'weight', 'textrank']));

/**
 * `value` as a ranking: one of RANKINGS, case and surrounding spaces ignored (an HTML attribute
 * or a saved setting); anything else is 'count'.
 * @param {unknown} value
 * @returns {Ranking}
 */
export function parseRanking(value) {
  const v = String(value ?? '').trim().toLowerCase();
  return /** @type {Ranking} */ (RANKINGS.includes(/** @type {Ranking} */ (v)) ? v : 'count');
}

/**
 * The number `ranking` orders `keyword` by: its count, TF-IDF weight or TextRank score (the
 * count for a ranking that is not one of RANKINGS).
 * @param {Keyword} keyword
 * @param {string} ranking
 * @returns {number}
 */
export function rankValue(keyword, ranking) {
  return RANKINGS.includes(/** @type {Ranking} */ (ranking)) ? keyword[/** @type {Ranking} */ (ranking)] : keyword.count;
}

/** A number to compare: NaN (a missing field) ranks below every number. @param {unknown} x */
const comparable = (x) => (Number.isNaN(Number(x)) ? -Infinity : Number(x));

/**
 * `items` in rank order by the one tie-break rule of every ranking here: the higher `value`
 * first, then the higher `count`, then the order `items` come in (the sort is stable).
 *
 * A report's `keywords` come count descending, then word in code-point order, then key
 * (src/keywords.rs), so for keywords the last step is that order, the report's own; callers
 * ranking other rows (keyness, distinctive terms) pass them in report order for the same reason.
 * @template T
 * @param {readonly T[]} items
 * @param {(item: T) => number} value
 * @param {(item: T) => number} count
 * @returns {T[]}
 */
export function rankBy(items, value, count) {
  const keyed = items.map((item, index) => ({ item, v: comparable(value(item)), c: comparable(count(item)), index }));
  keyed.sort((a, b) => (a.v !== b.v ? (a.v > b.v ? -1 : 1) : a.c !== b.c ? (a.c > b.c ? -1 : 1) : a.index - b.index));
  return keyed.map((k) => k.item);
}

/**
 * The first `limit` of `keywords` ordered by `ranking` (rankBy's rule: the ranking's value
 * descending, then count descending, then the report's order). Ranked by 'count', a report's
 * keywords stay in the report's order.
 * @param {readonly Keyword[]} keywords
 * @param {string} [ranking] 'count' (default), 'weight' or 'textrank'; anything else is 'count'
 * @param {number} [limit] how many to return; all by default
 * @returns {Keyword[]}
 */
export function rankKeywords(keywords, ranking = 'count', limit = Infinity) {
  const field = RANKINGS.includes(/** @type {Ranking} */ (ranking)) ? /** @type {Ranking} */ (ranking) : 'count';
  const ranked = rankBy(keywords, (k) => k[field], (k) => k.count);
  return limit >= 0 ? ranked.slice(0, limit) : [];
}

/**
 * The keyword of `report` whose `key` is `key` (the simplified, lower-cased form views select
 * words by), or null.
 * @param {Report | null | undefined} report
 * @param {string | null | undefined} key
 * @returns {Keyword | null}
 */
export function findKeyword(report, key) {
  if (!report || key == null) return null;
  return report.keywords.find((k) => k.key === key) ?? null;
}

/**
 * The share of the text's content-word occurrences (`stats.words`) taken by its `n` most frequent
 * keywords, 0..1 (0 for a text without content words).
 * @param {Report} report
 * @param {number} n
 */
export function coverage(report, n) {
  if (!report.stats.words) return 0;
  const top = rankKeywords(report.keywords, 'count', n);
  return top.reduce((sum, k) => sum + k.count, 0) / report.stats.words;
}

/**
 * Why `report` lists no keywords, for a hint the reader can act on; null when it lists some.
 *
 * From the report's tokens (the `includeTokens` option): 'noWords' when no token is a word that
 * can count (Han or Latin, and not a numeral: numbers, punctuation, symbols and emoji never
 * do); 'minLength' when some are, but each is shorter than `minLength` characters (single
 * characters are, by default); 'filtered' when words that long were there and the stopwords or
 * the part-of-speech filter left every one out. Without tokens: 'noWords' for a text with no
 * tokens at all, else 'unknown'.
 *
 * The keyword rule itself is the analyzer's (src/keywords.rs, `Filter::accepts`); this only
 * names the step that left the list empty.
 * @param {Report} report
 * @param {number} [minLength] the `minLength` option the report was made with
 * @returns {'noWords' | 'minLength' | 'filtered' | 'unknown' | null}
 */
export function whyNoKeywords(report, minLength = DEFAULT_OPTIONS.minLength) {
  if (report.keywords.length > 0) return null;
  if (!report.tokens) return report.stats.tokens === 0 ? 'noWords' : 'unknown';
  // Numerals are tagged m or mq (一年, 三千): numbers to a reader, like 2023.
  const words = report.tokens.filter((t) => (t.kind === 'han' || t.kind === 'latin') && t.pos !== 'm' && t.pos !== 'mq');
  if (words.length === 0) return 'noWords';
  const long = words.some((t) => Array.from(t.word).length >= Math.max(1, minLength));
  return long ? 'filtered' : 'minLength';
}

// ---------------------------------------------------------------------------------------------
// The keyword pool: how many keywords to ask the analyzer for.

/** Texts longer than this many UTF-16 units get the smaller pool (KEYWORD_POOL_LONG). */
export const LONG_TEXT = 200_000;
/** The least number of keywords an analysis lists for a text up to LONG_TEXT. */
export const KEYWORD_POOL = 1000;
/** The least number of keywords an analysis lists for a longer text. */
export const KEYWORD_POOL_LONG = 300;

/**
 * How many keywords to ask the analyzer for (its `topN` option) when `shown` of them are shown,
 * for a text of `textLength` UTF-16 units: `shown`, but never fewer than KEYWORD_POOL
 * (KEYWORD_POOL_LONG for a text over LONG_TEXT).
 *
 * Why more than are shown: the report lists words by count, so the best by TF-IDF or TextRank
 * are picked from a wider list; keyness needs the words beyond the most frequent (under-used
 * words are never among them), and so do the distinctive terms of a section; and with the pool
 * in hand, the number shown and the ranking can change without a new analysis. Why fewer for a
 * long text: every listed word carries all its occurrence ranges, and a novel's worth of them
 * copied out of the worker would stall the page.
 * @param {number} shown
 * @param {number} [textLength]
 */
export function keywordPool(shown, textLength = 0) {
  const wanted = Number.isFinite(shown) && shown > 0 ? Math.ceil(shown) : 0;
  return Math.max(wanted, textLength > LONG_TEXT ? KEYWORD_POOL_LONG : KEYWORD_POOL);
}

// ---------------------------------------------------------------------------------------------
// Sections.

/**
 * @typedef {object} SectionTree
 * @property {number[]} roots sections without a parent, in document order
 * @property {number[][]} children children[i]: the sections whose parent is i, in document order
 * @property {number[]} last last[i]: the last section of i's subtree; sections come in document
 *   order, so the subtree of i is the contiguous run i..last[i]
 */

/**
 * The sections as a tree, from each one's `parent`. A parent that is missing, out of range or not
 * before the section makes the section a root, so the tree never drops a section.
 * @param {readonly Section[]} sections
 * @returns {SectionTree}
 */
export function sectionTree(sections) {
  const children = sections.map(() => /** @type {number[]} */ ([]));
  /** @type {number[]} */
  const roots = [];
  sections.forEach((s, i) => {
    const p = s.parent;
    if (p != null && Number.isInteger(p) && p >= 0 && p < i) children[p].push(i);
    else roots.push(i);
  });
  const last = sections.map((_, i) => i);
  for (let i = sections.length - 1; i >= 0; i--) {
    for (const c of children[i]) last[i] = Math.max(last[i], last[c]);
  }
  return { children, roots, last };
}

/**
 * The sum of a per-section number (`paragraphs`, `sentences`, `characters`) over sections
 * first..last, both included; a missing field counts 0.
 * @param {readonly Section[]} sections
 * @param {number} first
 * @param {number} last
 * @param {'paragraphs' | 'sentences' | 'characters'} field
 */
export function sumSections(sections, first, last, field) {
  let n = 0;
  for (let s = first; s <= last; s++) n += sections[s][field] ?? 0;
  return n;
}

/**
 * @typedef {object} SectionCounts
 * @property {Map<number, number>[]} counts counts[s]: keyword index → its count in section s
 * @property {number[]} totals totals[s]: the occurrences of listed keywords in section s
 */

/**
 * The listed keywords' counts per section, from each keyword's `sections` pairs (pairs naming no
 * section of the report are left out). These are the only per-section word counts a report
 * has: figures built on them compare within the listed vocabulary.
 * @param {Report} report
 * @returns {SectionCounts}
 */
export function sectionCounts(report) {
  const counts = report.sections.map(() => new Map());
  const totals = report.sections.map(() => 0);
  report.keywords.forEach((k, ki) => {
    for (const [si, n] of k.sections ?? []) {
      if (!(si >= 0 && si < counts.length)) continue;
      counts[si].set(ki, n);
      totals[si] += n;
    }
  });
  return { counts, totals };
}

// ---------------------------------------------------------------------------------------------
// Log-likelihood, log ratio, keyness.

/**
 * Log-likelihood G² of a word seen `a` times in a part of `c` words and `b` times in another of
 * `d` words (Rayson & Garside 2000, "Comparing corpora using frequency profiling"):
 * E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)), with 0 ln 0 = 0.
 * 0 when the word or both parts are empty. One degree of freedom: see SIGNIFICANCE.
 * @param {number} a
 * @param {number} b
 * @param {number} c
 * @param {number} d
 */
export function logLikelihood(a, b, c, d) {
  const total = c + d;
  if (total === 0 || a + b === 0) return 0;
  const e1 = (c * (a + b)) / total;
  const e2 = (d * (a + b)) / total;
  let g2 = 0;
  if (a > 0 && e1 > 0) g2 += a * Math.log(a / e1);
  if (b > 0 && e2 > 0) g2 += b * Math.log(b / e2);
  return 2 * g2;
}

/**
 * Log ratio (Hardie 2014, "Log Ratio: an informal introduction"): the binary log of the ratio of
 * the relative frequencies, log2((a/c) / (b/d)), with 0.5 in place of a zero count so that a word
 * absent from one side still gets a finite value. +1 means twice as frequent in the first part.
 * @param {number} a
 * @param {number} b
 * @param {number} c
 * @param {number} d
 */
export function logRatio(a, b, c, d) {
  return Math.log2(((a || 0.5) / c) / ((b || 0.5) / d));
}

/**
 * Critical values of χ² with one degree of freedom, strictest first: G² above `critical` means
 * p < `p`, shown as `mark`.
 */
export const SIGNIFICANCE = Object.freeze([
  Object.freeze({ critical: 10.83, mark: '***', p: 0.001 }),
  Object.freeze({ critical: 6.63, mark: '**', p: 0.01 }),
  Object.freeze({ critical: 3.84, mark: '*', p: 0.05 }),
]);

/**
 * The significance mark of `g2`: '***', '**', '*', or '' when p ≥ 0.05.
 * @param {number} g2
 */
export function significanceMark(g2) {
  return SIGNIFICANCE.find(({ critical }) => g2 > critical)?.mark ?? '';
}

/**
 * @typedef {object} KeynessRow
 * @property {Keyword} keyword
 * @property {number} count occurrences in the text
 * @property {number} reference occurrences in the reference corpus
 * @property {number} g2 log-likelihood
 * @property {number} logRatio
 * @property {string} mark significance mark (see significanceMark)
 * @property {boolean} positive whether the text uses the word relatively more than the reference
 */

/**
 * Every keyword of `report` against the reference corpus (jieba's dictionary frequencies: the
 * keyword's `reference` out of `report.referenceTotal`), the text's size being its content-word
 * occurrences (`stats.words`): row i is keyword i. Rank them with
 * `rankBy(rows, (r) => r.g2, (r) => r.count)`. Empty when the text has no content words or the
 * report no reference.
 * @param {Report} report
 * @returns {KeynessRow[]}
 */
export function keyness(report) {
  const c = report.stats.words;
  const d = report.referenceTotal;
  if (!c || !d) return [];
  return report.keywords.map((k) => {
    const a = k.count;
    const b = k.reference ?? 0;
    const g2 = logLikelihood(a, b, c, d);
    return { keyword: k, count: a, reference: b, g2, logRatio: logRatio(a, b, c, d), mark: significanceMark(g2), positive: a / c > b / d };
  });
}

/** Distinctive terms listed per section by default. */
export const DISTINCTIVE_TERMS = 5;

/**
 * @typedef {object} DistinctiveTerm
 * @property {Keyword} keyword
 * @property {number} count occurrences in the part
 * @property {number} g2 log-likelihood of the part against the rest
 */

/**
 * The distinctive terms of sections first..last (a subtree, say) against the rest of the text:
 * the listed keywords the part uses relatively more often than the rest, by G², in rank order
 * (G² descending, then the count in the part, then the report's order), at most `limit`. The
 * sizes are the listed keywords' occurrences (see sectionCounts). When the part is the whole
 * text, every word of it counts as distinctive.
 * @param {Report} report
 * @param {number} first
 * @param {number} last
 * @param {number} [limit]
 * @param {SectionCounts} [cache] sectionCounts(report), to share between calls
 * @returns {DistinctiveTerm[]}
 */
export function distinctiveTerms(report, first, last, limit = DISTINCTIVE_TERMS, cache = sectionCounts(report)) {
  const { counts, totals } = cache;
  const grand = report.keywords.reduce((sum, k) => sum + k.count, 0);
  let c = 0;
  const inPart = new Map();
  for (let s = first; s <= last; s++) {
    c += totals[s];
    for (const [ki, n] of counts[s]) inPart.set(ki, (inPart.get(ki) ?? 0) + n);
  }
  const d = grand - c;
  const terms = [];
  // In report order, so that ties end in the report's order.
  for (const ki of [...inPart.keys()].sort((x, y) => x - y)) {
    const a = inPart.get(ki);
    const k = report.keywords[ki];
    const b = k.count - a;
    // Only words the part over-uses: a/c > b/d (with d = 0 every word of the part qualifies).
    if (!(d === 0 || a * d > b * c)) continue;
    terms.push({ keyword: k, count: a, g2: logLikelihood(a, b, c, d) });
  }
  return rankBy(terms, (t) => t.g2, (t) => t.count).slice(0, Math.max(0, limit));
}

// ---------------------------------------------------------------------------------------------
// The heatmap.

/**
 * @typedef {object} HeatmapRow
 * @property {number} index the row's first section
 * @property {Section} section that section
 * @property {number} start UTF-16 range of the row's sections in the text
 * @property {number} end
 * @property {number} characters characters of the row's sections
 * @property {number[]} counts counts[c]: occurrences of columns[c] in the row's sections
 */

/**
 * Where each of `columns` (keywords of `report`) is used: one row per top-level section with its
 * whole subtree ('top', the default) or one per section ('all'), in document order.
 * @param {Report} report
 * @param {readonly Keyword[]} columns
 * @param {'top' | 'all'} [rows]
 * @returns {HeatmapRow[]}
 */
export function heatmapMatrix(report, columns, rows = 'top') {
  const { sections } = report;
  const tree = sectionTree(sections);
  const spans = rows === 'all' ? sections.map((_, i) => [i, i]) : tree.roots.map((i) => [i, tree.last[i]]);
  const owner = new Int32Array(sections.length);
  spans.forEach(([first, last], r) => owner.fill(r, first, last + 1));
  const matrix = spans.map(([first, last]) => ({
    index: first,
    section: sections[first],
    start: sections[first].start,
    end: sections[last].end,
    characters: sumSections(sections, first, last, 'characters'),
    counts: columns.map(() => 0),
  }));
  columns.forEach((k, c) => {
    for (const [si, n] of k.sections) if (si >= 0 && si < sections.length) matrix[owner[si]].counts[c] += n;
  });
  return matrix;
}

// ---------------------------------------------------------------------------------------------
// Options: defaults and value types (./options.js, generated from src/options.rs), saved
// options made safe, and the part-of-speech presets.

/**
 * The page's bounds, [lowest, highest] inclusive, for the integer options it lets the reader
 * set; sanitizeOptions clamps into them by default.
 */
export const OPTION_LIMITS = Object.freeze({
  minLength: Object.freeze(/** @type {[number, number]} */ ([1, 8])),
  topN: Object.freeze(/** @type {[number, number]} */ ([10, 1000])),
});

/** The bounds of an integer option without limits: the analyzer's usize on wasm32. */
const INTEGER_RANGE = Object.freeze(/** @type {[number, number]} */ ([0, 2 ** 32 - 1]));

/**
 * `n` rounded to a whole number and held within [lo, hi].
 * @param {number} n
 * @param {readonly [number, number]} bounds
 */
export function clampInteger(n, [lo, hi]) {
  return Math.min(hi, Math.max(lo, Math.round(n)));
}

/** jieba's tags (the ICTCLAS set) for each preset; the analyzer matches tags exactly. */
export const POS_PRESETS = Object.freeze({
  all: Object.freeze([]),
  nouns: Object.freeze(['n', 'ng', 'nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz', 'vn', 'eng']),
  nounsVerbs: Object.freeze(['n', 'ng', 'nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz', 'vn', 'eng', 'v', 'vd', 'vg', 'vi', 'vq']),
});

/**
 * The name of the POS preset whose tags are exactly `pos` (in any order), or 'custom'.
 * @param {readonly string[]} pos
 * @returns {keyof typeof POS_PRESETS | 'custom'}
 */
export function posPreset(pos) {
  for (const [name, tags] of Object.entries(POS_PRESETS)) {
    if (tags.length === pos.length && tags.every((t) => pos.includes(t))) return /** @type {keyof typeof POS_PRESETS} */ (name);
  }
  return 'custom';
}

/** A jieba part-of-speech tag: lower-case ASCII letters. */
const POS_TAG = /^[a-z]+$/;

/**
 * Options as saved (localStorage, a URL, a hand-edited file) made safe to analyse with: every
 * option of OPTION_TYPES, each the saved value when it has the right type and DEFAULT_OPTIONS'
 * otherwise. Integers are rounded and held within `limits[name]` (OPTION_LIMITS by default;
 * [0, 2³² − 1] for an option without limits); word lists keep their non-empty strings, trimmed;
 * `pos` keeps only tag-shaped strings. Unknown fields are dropped. A stale or hostile entry must
 * not make every analysis fail, and must not reach the analyzer as anything but options.
 * @param {unknown} saved
 * @param {Readonly<Record<string, readonly [number, number]>>} [limits]
 * @returns {Required<AnalyzeOptions>}
 */
export function sanitizeOptions(saved, limits = OPTION_LIMITS) {
  /** @type {Record<string, any>} */
  const source = saved !== null && typeof saved === 'object' && !Array.isArray(saved) ? saved : {};
  /** @type {Record<string, any>} */
  const defaults = DEFAULT_OPTIONS;
  /** @type {Record<string, unknown>} */
  const options = {};
  for (const [name, type] of Object.entries(OPTION_TYPES)) {
    const fallback = defaults[name];
    const value = Object.hasOwn(source, name) ? source[name] : undefined;
    const bounds = limits && Object.hasOwn(limits, name) ? limits[name] : INTEGER_RANGE;
    if (type === 'boolean') {
      options[name] = typeof value === 'boolean' ? value : fallback;
    } else if (type === 'integer') {
      options[name] = clampInteger(typeof value === 'number' && Number.isFinite(value) ? value : fallback, bounds);
    } else if (type === 'string[]') {
      /** @type {unknown[]} */
      const list = Array.isArray(value) ? value : fallback;
      const kept = list.filter((w) => typeof w === 'string').map((w) => /** @type {string} */ (w).trim()).filter((w) => w !== '');
      options[name] = name === 'pos' ? kept.filter((tag) => POS_TAG.test(tag)) : kept;
    } else {
      // A type this model does not know yet: the default, which the analyzer surely takes.
      options[name] = fallback;
    }
  }
  return /** @type {Required<AnalyzeOptions>} */ (options);
}

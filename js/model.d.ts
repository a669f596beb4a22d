// Types for the report model (model.js): what views derive from a report, and the options model.

import type { AnalyzeOptions, Keyword, Report, Section } from './wenxi.js';

/** The orders keywords are ranked in: by count, TF-IDF weight or TextRank score. */
export type Ranking = 'count' | 'weight' | 'textrank';

export const RANKINGS: readonly ['count', 'weight', 'textrank'];
/** `value` as a ranking (case and spaces ignored); anything else is 'count'. */
export function parseRanking(value: unknown): Ranking;
/** The number `ranking` orders `keyword` by (the count for an unknown ranking). */
export function rankValue(keyword: Keyword, ranking: Ranking | string): number;
/**
 * `items` in rank order: higher `value` first, then higher `count`, then the order given (a
 * report's keywords: count descending, then word in code-point order).
 */
export function rankBy<T>(items: readonly T[], value: (item: T) => number, count: (item: T) => number): T[];
/** The first `limit` keywords (all by default) by `ranking`, ties as in rankBy. */
export function rankKeywords(keywords: readonly Keyword[], ranking?: Ranking | string, limit?: number): Keyword[];
/** The report's keyword with this `key`, or null. */
export function findKeyword(report: Report | null | undefined, key: string | null | undefined): Keyword | null;
/** Share (0..1) of the content-word occurrences taken by the `n` most frequent keywords. */
export function coverage(report: Report, n: number): number;
/** Why a report lists no keywords; null when it lists some. */
export type NoKeywordsReason = 'noWords' | 'minLength' | 'filtered' | 'unknown';
/**
 * Why `report` lists no keywords (from its tokens, when it has them): no word that can count,
 * every word shorter than `minLength`, or every word left out by the stopwords or the
 * part-of-speech filter; null when it lists some.
 */
export function whyNoKeywords(report: Report, minLength?: number): NoKeywordsReason | null;

/** Texts longer than this (UTF-16 units) get KEYWORD_POOL_LONG. */
export const LONG_TEXT: number;
export const KEYWORD_POOL: number;
export const KEYWORD_POOL_LONG: number;
/** The analyzer's `topN` for `shown` keywords shown, for a text of `textLength` UTF-16 units. */
export function keywordPool(shown: number, textLength?: number): number;

export interface SectionTree {
  /** Sections without a parent, in document order. */
  roots: number[];
  /** children[i]: the sections whose parent is i. */
  children: number[][];
  /** last[i]: the last section of i's subtree (the subtree is the run i..last[i]). */
  last: number[];
}
export function sectionTree(sections: readonly Section[]): SectionTree;
export function sumSections(sections: readonly Section[], first: number, last: number, field: 'paragraphs' | 'sentences' | 'characters'): number;

export interface SectionCounts {
  /** counts[s]: keyword index → count in section s. */
  counts: Map<number, number>[];
  /** totals[s]: occurrences of listed keywords in section s. */
  totals: number[];
}
export function sectionCounts(report: Report): SectionCounts;

/** Log-likelihood G² of `a` in `c` words against `b` in `d` words. */
export function logLikelihood(a: number, b: number, c: number, d: number): number;
/** log2((a/c) / (b/d)), a zero count taken as 0.5. */
export function logRatio(a: number, b: number, c: number, d: number): number;
export interface SignificanceLevel {
  critical: number;
  mark: '***' | '**' | '*';
  p: number;
}
export const SIGNIFICANCE: readonly SignificanceLevel[];
export function significanceMark(g2: number): '***' | '**' | '*' | '';

export interface KeynessRow {
  keyword: Keyword;
  count: number;
  reference: number;
  g2: number;
  logRatio: number;
  mark: '***' | '**' | '*' | '';
  /** Whether the text uses the word relatively more than the reference. */
  positive: boolean;
}
/** Every keyword against the reference corpus; row i is keyword i (rank with rankBy). */
export function keyness(report: Report): KeynessRow[];

export const DISTINCTIVE_TERMS: number;
export interface DistinctiveTerm {
  keyword: Keyword;
  /** Occurrences in the part. */
  count: number;
  g2: number;
}
/** Keywords sections first..last use relatively more than the rest, by G². */
export function distinctiveTerms(report: Report, first: number, last: number, limit?: number, cache?: SectionCounts): DistinctiveTerm[];

export interface HeatmapRow {
  /** The row's first section. */
  index: number;
  section: Section;
  /** UTF-16 range of the row's sections. */
  start: number;
  end: number;
  characters: number;
  /** counts[c]: occurrences of column c in the row's sections. */
  counts: number[];
}
export function heatmapMatrix(report: Report, columns: readonly Keyword[], rows?: 'top' | 'all'): HeatmapRow[];

/** Every option's default (generated from src/options.rs). */
export const DEFAULT_OPTIONS: Readonly<Required<AnalyzeOptions>>;
/** Every option's value type. */
export const OPTION_TYPES: Readonly<Record<keyof AnalyzeOptions, 'boolean' | 'integer' | 'string[]'>>;
/** The page's [lowest, highest] bounds for the integer options it offers. */
export const OPTION_LIMITS: Readonly<{ minLength: readonly [number, number]; topN: readonly [number, number] }>;
export function clampInteger(n: number, bounds: readonly [number, number]): number;
export const POS_PRESETS: Readonly<{ all: readonly string[]; nouns: readonly string[]; nounsVerbs: readonly string[] }>;
export function posPreset(pos: readonly string[]): 'all' | 'nouns' | 'nounsVerbs' | 'custom';
/** Saved options made safe: every option, of the right type, integers within `limits`. */
export function sanitizeOptions(saved: unknown, limits?: Readonly<Record<string, readonly [number, number]>> | null): Required<AnalyzeOptions>;

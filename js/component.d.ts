// Types for the <wenxi-analyzer> element (component.js). Registered by define.js.

import type { Report, Keyword, LevelMarks, LevelsProfile, LevelsRequest } from './wenxi.js';
import type { Ranking } from './model.js';

/** The orders the `ranking` attribute accepts: by count (with share), TF-IDF weight or TextRank. */
export type { Ranking };

/** What the element is doing; `state` property. */
export type WenxiAnalyzerState = 'idle' | 'analysing' | 'done' | 'empty' | 'error';

/** `detail` of the `wenxi-analyzed` event (bubbles, composed): the report just rendered. */
export interface WenxiAnalyzedDetail {
  report: Report;
}

/** `detail` of the `wenxi-error` event (bubbles, composed). `kind` is the analyzer's stable kind. */
export interface WenxiErrorDetail {
  kind: 'invalid_options' | 'invalid_word' | 'input_too_large' | 'internal' | 'init_failed' | 'worker_failed' | string;
  message: string;
}

/**
 * `<wenxi-analyzer for="textarea-id" top="20" ranking="count" lang="zh">`: keywords and outline
 * of a text, analysed in the package's shared Web Worker.
 *
 * Attributes (observed): `for` (id of a textarea to follow), `top` (keywords listed, default
 * 20), `ranking` (`count` | `weight` | `textrank`), `lang` (`zh` | `en`, default from the
 * nearest `lang` up the tree).
 *
 * Parts: `container`, `status`, `progress`, `progress-bar`, `keywords-view`, `heading`,
 * `keywords` (the table), `keyword` (a row), `rank`, `word`, `count`, `value`, `note`,
 * `sections-view`, `sections` (the outline list), `section`, `section-title`, `subsections`.
 *
 * Custom properties: `--wenxi-accent`, `--wenxi-font`, `--wenxi-text`, `--wenxi-bg`,
 * `--wenxi-muted`, `--wenxi-error`, `--wenxi-border`, `--wenxi-radius`, `--wenxi-padding`.
 */
export class WenxiAnalyzerElement extends HTMLElement {
  static observedAttributes: string[];
  /** Register as `tag` in `registry` unless that tag is registered already. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof WenxiAnalyzerElement;

  /** The text analysed; setting it overrides `for` and the content, `null` goes back to them. */
  get text(): string;
  set text(value: string | null);
  /** The last report, or null (before the first analysis, or for empty text). */
  readonly report: Report | null;
  readonly state: WenxiAnalyzerState;
  /** The interface language in use. */
  readonly language: 'zh' | 'en';
  /** Reflects the `top` attribute. */
  top: number;
  /** Reflects the `ranking` attribute. */
  ranking: Ranking;
  /** Reflects the `for` attribute. */
  for: string;
  /**
   * Analyse now, aborting this element's previous analysis. Resolves to the report, or null for
   * empty text or when superseded; rejects on failure (after firing `wenxi-error`).
   */
  analyze(): Promise<Report | null>;
  /**
   * The vocabulary profile by HSK 3.0 level of the last report's text (`known` words, the
   * reader's `level`: see the package's `levels`). Rejects with kind 'not_analyzed' before a
   * report.
   */
  levels(request?: LevelsRequest): Promise<LevelsProfile>;
  /**
   * Where the graded words of the last report's text are (see the package's `levelMarks`).
   * Rejects with kind 'not_analyzed' before a report.
   */
  levelMarks(request?: LevelsRequest): Promise<LevelMarks>;

  addEventListener<K extends keyof WenxiAnalyzerEventMap>(
    type: K,
    listener: (this: WenxiAnalyzerElement, event: WenxiAnalyzerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof WenxiAnalyzerEventMap>(
    type: K,
    listener: (this: WenxiAnalyzerElement, event: WenxiAnalyzerEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

export interface WenxiAnalyzerEventMap extends HTMLElementEventMap {
  'wenxi-analyzed': CustomEvent<WenxiAnalyzedDetail>;
  'wenxi-error': CustomEvent<WenxiErrorDetail>;
}

// Pure helpers. The ranking, the section tree and the keyword pool are the report model's
// (wenxi/model: rankKeywords, sectionTree, keywordPool, parseRanking).
export const DEFAULT_TOP: number;
export const INPUT_DEBOUNCE: number;
export const MAX_SECTIONS: number;
export function normalizeLang(tag: string | null | undefined, fallback?: 'zh' | 'en'): 'zh' | 'en';
export function parseTop(value: string | null | undefined): number;
export function formatValue(keyword: Keyword, ranking: Ranking, locale?: string): string;
export function describeError(error: unknown): { kind: string; message: string };

declare global {
  interface HTMLElementTagNameMap {
    'wenxi-analyzer': WenxiAnalyzerElement;
  }
  // Both events bubble (and are composed), so a listener on any ancestor is typed too.
  interface HTMLElementEventMap {
    'wenxi-analyzed': CustomEvent<WenxiAnalyzedDetail>;
    'wenxi-error': CustomEvent<WenxiErrorDetail>;
  }
}

// The page's analysis options: the package's defaults (pkg/options.js, generated from the
// engine) with the one the page changes, in the one place both the page (app.js) and its
// options panel (views/options.js) read them.

import { DEFAULT_OPTIONS, sanitizeOptions } from '../pkg/model.js';

/**
 * The page's defaults. `terms` is on, unlike the package's default: a reader of a policy
 * report wants 高质量发展 as one keyword, not 高质量 + 发展 (README, "Terms found in the text").
 */
export const PAGE_DEFAULTS = Object.freeze({ ...DEFAULT_OPTIONS, terms: true });

/** Saved options made safe (sanitizeOptions), an option not saved taking the page's default. */
export function pageOptions(saved) {
  const source = saved !== null && typeof saved === 'object' && !Array.isArray(saved) ? saved : {};
  return sanitizeOptions({ ...PAGE_DEFAULTS, ...source });
}

/**
 * The engine's analysis options among the page's `options` (what segments and counts words),
 * the same for a text and for each document of a corpus; a text's analysis adds how many
 * keywords it lists and whether it returns the tokens.
 */
export function engineOptions(options) {
  const { hmm, minLength, pos, defaultStopwords, keepWords, stopwords, terms } = options;
  return { hmm, minLength, pos, defaultStopwords, keepWords, stopwords, terms };
}

// GENERATED from src/options.rs by `UPDATE_TYPES=1 cargo test --test typescript`; do not edit.
// The analysis options' defaults and value types, for code that must know them before (or
// without) loading the wasm: the page's options panel, the component, saved settings.

/** Every option's default, as `Options::default()` serialises it. */
export const DEFAULT_OPTIONS = Object.freeze({
  hmm: true,
  convert: true,
  compounds: true,
  topN: 100,
  minLength: 2,
  pos: Object.freeze([]),
  stopwords: Object.freeze([]),
  defaultStopwords: true,
  keepWords: Object.freeze([]),
  words: Object.freeze([]),
  sectionKeywords: 5,
  includeTokens: false,
});

/** Every option's value type: "boolean", "integer" (non-negative) or "string[]". */
export const OPTION_TYPES = Object.freeze({
  hmm: 'boolean',
  convert: 'boolean',
  compounds: 'boolean',
  topN: 'integer',
  minLength: 'integer',
  pos: 'string[]',
  stopwords: 'string[]',
  defaultStopwords: 'boolean',
  keepWords: 'string[]',
  words: 'string[]',
  sectionKeywords: 'integer',
  includeTokens: 'boolean',
});

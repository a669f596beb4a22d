// GENERATED from src/options.rs, src/report.rs, src/query/ and src/collection/ by `UPDATE_TYPES=1 cargo test --lib typescript` (src/typescript.rs); do not edit.
// The analysis options' defaults and value types, for code that must know them before (or
// without) loading the wasm: the page's options panel, the component, saved settings.

/** Every option's default, as `Options::default()` serialises it. */
export const DEFAULT_OPTIONS = Object.freeze({
  compounds: true,
  convert: true,
  defaultStopwords: true,
  hmm: true,
  includeTokens: false,
  keepWords: Object.freeze([]),
  minLength: 2,
  pos: Object.freeze([]),
  sectionKeywords: 5,
  stopwords: Object.freeze([]),
  terms: false,
  topN: 100,
  words: Object.freeze([]),
});

/** Every option's value type: "boolean", "integer" (non-negative) or "string[]". */
export const OPTION_TYPES = Object.freeze({
  compounds: 'boolean',
  convert: 'boolean',
  defaultStopwords: 'boolean',
  hmm: 'boolean',
  includeTokens: 'boolean',
  keepWords: 'string[]',
  minLength: 'integer',
  pos: 'string[]',
  sectionKeywords: 'integer',
  stopwords: 'string[]',
  terms: 'boolean',
  topN: 'integer',
  words: 'string[]',
});

// How the engine's query answers are written for the reader: a concordance line on one line,
// the context's bounds, an n-gram's words joined. The text's concordance (views/kwic.js) and
// n-grams (views/ngrams.js) and the corpus's (views/corpus-search.js) write them alike.

/** Characters of context on each side, by default, and the range the reader may choose. */
export const CONTEXT = 20;
export const CONTEXT_RANGE = [5, 100];
const LINE_BREAK = '⏎';

/** `s` with each line break (CRLF, LF, CR, U+2028/2029) as one ⏎ and tabs as spaces. */
export function oneLine(s) {
  return s.replace(/\r\n|[\n\r\u2028\u2029]/g, LINE_BREAK).replace(/\t/g, ' ');
}

/** `value` as a whole number of context characters within CONTEXT_RANGE (CONTEXT if not a number). */
export function clampContext(value) {
  const n = Number(value);
  if (!Number.isFinite(n) || String(value).trim() === '') return CONTEXT;
  return Math.min(CONTEXT_RANGE[1], Math.max(CONTEXT_RANGE[0], Math.round(n)));
}

/**
 * The words of an n-gram as shown: characters (`characters`) and Han words run together, other
 * words (Latin, numbers) spaced as they would be written.
 */
export function joinWords(words, characters = false) {
  if (characters) return words.join('');
  let out = '';
  for (const w of words) {
    const needsSpace = out !== '' && /[\p{L}\p{N}]$/u.test(out) && /^[\p{L}\p{N}]/u.test(w) && !(/\p{Script=Han}$/u.test(out) && /^\p{Script=Han}/u.test(w));
    out += (needsSpace ? ' ' : '') + w;
  }
  return out;
}

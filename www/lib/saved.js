// The page's persistence: the user's choices in localStorage, never the text. A disabled or
// full storage, or a corrupt entry, costs only the saving: the page starts from its defaults.

const SAVED = { options: 'wenxi.options', words: 'wenxi.words', lang: 'wenxi.lang', display: 'wenxi.display', vocabulary: 'wenxi.vocabulary', textLevels: 'wenxi.textLevels' };

/** The saved value of `name` (a key of SAVED), or `fallback`. */
export function load(name, fallback) {
  try {
    const raw = localStorage.getItem(SAVED[name]);
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback; // storage disabled or a corrupt entry: start from the defaults
  }
}

/** Save `value` as `name`. */
export function save(name, value) {
  try {
    localStorage.setItem(SAVED[name], JSON.stringify(value));
  } catch {
    // Storage full or disabled: the choice holds for this visit only.
  }
}

/** The saved custom words, {added, removed}, each a list of non-blank strings. */
export function loadWords() {
  const saved = load('words', {});
  const list = (x) => (Array.isArray(x) ? x.filter((w) => typeof w === 'string' && w.trim() !== '') : []);
  return { added: list(saved?.added), removed: list(saved?.removed) };
}

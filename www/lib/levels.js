// The page's HSK vocabulary state, shared by the Vocabulary view and the views that show it
// against the text: the reader (known words and level, kept in this browser), the level marks
// of the analysed text (where each graded word is, its level and whether the reader knows it:
// the engine's LevelMarks, asked once per report and reader), and the level band the reader
// selected (state.band: { level, keys }, the analysis's words with a part at that level, which
// the word views mark and the text view steps through).

import { t } from './i18n.js';
import { load } from './saved.js';

t.register({
  'vocab.level.n': { zh: 'HSK {n} 级', en: 'HSK {n}' },
  'vocab.level.top': { zh: 'HSK 7–9 级', en: 'HSK 7–9' },
  'vocab.beyond': { zh: '超纲', en: 'Beyond' },
  'vocab.band': { zh: '{level}词语', en: '{level} words' },
});

/** The code of the words beyond the lists in a mark (levels are 1–7). */
export const BEYOND = 8;
/** The bit of a mark's code set when the reader knows the word. */
export const KNOWN = 16;

/** A level's name: 1–6, 7 (the 7–9 band), null (beyond the lists). */
export const levelName = (level) => (level === null ? t('vocab.beyond') : level === 7 ? t('vocab.level.top') : t('vocab.level.n', { n: level }));

/** The reader's known words and level as saved (lib/saved.js), checked. */
export function loadReader() {
  const saved = load('vocabulary', {});
  const known = Array.isArray(saved?.known) ? saved.known.filter((w) => typeof w === 'string' && w !== '') : [];
  const level = Number.isInteger(saved?.level) && saved.level >= 1 && saved.level <= 7 ? saved.level : null;
  return { known, level };
}

/** The last marks asked for: { report, reader, promise }. */
let asked = null;

/**
 * The level marks of the current report for the current reader (state.reader), from the
 * engine (actions.levelMarks); the same promise for the same report and reader, so the views
 * that need them share one answer. Rejects as the engine does.
 */
export function levelMarksOf(store, actions) {
  const { report, reader } = store.get();
  if (asked?.report !== report || asked?.reader !== reader) {
    asked = { report, reader, promise: actions.levelMarks({ known: reader.known, level: reader.level }) };
  }
  return asked.promise;
}

/** The band of `level` (1–7, or null beyond the lists) in `marks`, as state.band holds it. */
export function bandOf(marks, level) {
  const band = marks.bands.find((b) => b.level === level);
  return { level, keys: new Set(band?.keys ?? []) };
}

/** Whether the word counted as `key` is in the selected band. */
export const inBand = (state, key) => Boolean(state.band?.keys.has(key));

/** The places `[start, end]` of the running words of `level` (null: beyond) in `marks`. */
export function bandPlaces(marks, level) {
  const code = level ?? BEYOND;
  const spans = marks.spans;
  const places = [];
  for (let i = 0; i < spans.length; i += 3) if ((spans[i + 2] & 15) === code) places.push([spans[i], spans[i + 1]]);
  return places;
}

/** The selected band's label ("HSK 4 words"). */
export const bandLabel = (band) => t('vocab.band', { level: levelName(band.level) });

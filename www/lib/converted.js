// Words shown in another script (simplified or traditional, the reader's choice): the report's
// words are converted once per report and direction, in the engine, and kept in the store's
// `converted` map (word → {simplified, traditional}) that lib/i18n.js displayWord reads.

/**
 * Convert the words of the store's report that `converted` lacks for the chosen display,
 * through `convert(text, to)` (the engine's OpenCC). One call for all words: OpenCC never
 * converts the line breaks between them. An answer for an older report is dropped; a failure
 * leaves the words as written, and the next change tries again.
 */
export async function fillConverted(store, convert) {
  const { report, display, converted } = store.get();
  if (!report || display === 'written') return;
  const words = new Set();
  for (const k of report.keywords) words.add(k.word);
  for (const s of report.sections) for (const k of s.keywords) words.add(k.word);
  const missing = [...words].filter((w) => !converted.get(w)?.[display]);
  if (missing.length === 0) return;
  try {
    const out = (await convert(missing.join('\n'), display)).split('\n');
    if (out.length !== missing.length || store.get().report !== report) return;
    const next = new Map(store.get().converted);
    missing.forEach((w, i) => next.set(w, { ...next.get(w), [display]: out[i] }));
    store.set({ converted: next });
  } catch {
    // Shown as written; the next change tries again.
  }
}

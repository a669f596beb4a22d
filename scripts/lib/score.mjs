// Word segmentation scoring, the SIGHAN bakeoff definition: a predicted word is correct when
// its character span [start, end) matches a gold word's span exactly. Spans count code points
// with all whitespace removed, so "iPhone 15" written with or without its space scores alike.
// Pure functions, no I/O: scripts/eval-segmentation.mjs and tests/eval/score.test.mjs use them.

const WS = /\s+/gu;

/** A line as a list of words: a string is split on whitespace; an array is taken as given
 *  (whitespace inside a word is dropped, whitespace-only words are skipped). */
export function words(line) {
  const list = Array.isArray(line) ? line : String(line ?? '').split(WS);
  return list.map((w) => String(w).replace(WS, '')).filter((w) => w.length > 0);
}

/** The set of "start,end" spans (code points, whitespace removed) of a list of words. */
export function spans(list) {
  const out = new Set();
  let at = 0;
  for (const w of words(list)) {
    const n = [...w].length;
    out.add(`${at},${at + n}`);
    at += n;
  }
  return out;
}

/** The characters of a line with whitespace removed, to check that gold and prediction align. */
function chars(list) {
  return words(list).join('');
}

const ratio = (a, b) => (b === 0 ? 0 : a / b);

/**
 * Score predicted lines against gold lines.
 * goldLines, predLines: arrays of lines; each line a space-separated string or an array of words.
 * options.vocabulary: a Set (or iterable) of known words; when given, oovRecall is the recall over
 * gold words not in it (null otherwise).
 * Lines whose characters differ (or that are missing on one side) are skipped: not scored, counted
 * in `skipped`, their 0-based indices listed in `skippedLines`.
 */
export function score(goldLines, predLines, { vocabulary } = {}) {
  const vocab = vocabulary == null ? null : vocabulary instanceof Set ? vocabulary : new Set(vocabulary);
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  let oovGold = 0;
  let oovCorrect = 0;
  let sentences = 0;
  const skippedLines = [];
  const n = Math.max(goldLines.length, predLines.length);
  for (let i = 0; i < n; i++) {
    const g = goldLines[i];
    const p = predLines[i];
    if (g === undefined || p === undefined || chars(g) !== chars(p)) {
      skippedLines.push(i);
      continue;
    }
    sentences++;
    const gw = words(g);
    const gs = spans(gw);
    const ps = spans(p);
    gold += gs.size;
    predicted += ps.size;
    for (const s of ps) if (gs.has(s)) correct++;
    if (vocab) {
      let at = 0;
      for (const w of gw) {
        const len = [...w].length;
        if (!vocab.has(w)) {
          oovGold++;
          if (ps.has(`${at},${at + len}`)) oovCorrect++;
        }
        at += len;
      }
    }
  }
  const precision = ratio(correct, predicted);
  const recall = ratio(correct, gold);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    oovRecall: vocab ? (oovGold === 0 ? null : oovCorrect / oovGold) : null,
    oovGold: vocab ? oovGold : null,
    gold,
    predicted,
    correct,
    sentences,
    skipped: skippedLines.length,
    skippedLines,
  };
}

/** The vocabulary of a gold file's lines: every word that occurs in it. */
export function vocabularyOf(goldLines) {
  const v = new Set();
  for (const line of goldLines) for (const w of words(line)) v.add(w);
  return v;
}

/**
 * Where a segmenter's wrong words come from. Each predicted word that is not a gold word is
 * one of: `joined` (it covers two or more whole gold words exactly: a granularity choice, e.g.
 * 成为 for gold 成 为), `split` (it lies inside one gold word: e.g. 格罗 滕迪克 for 格罗滕迪克),
 * or `crossing` (it straddles a gold boundary without lining up). `joinedPatterns` counts the
 * gold words each joined prediction covers ("成 为" → 22). `ifJoinedWereCut` is the F1 the same
 * prediction would score if every joined word were cut where gold cuts it and nothing else
 * changed: how much of the gap to gold is granularity alone. Lines skipped by `score` are
 * skipped here too.
 */
export function errors(goldLines, predLines) {
  let joined = 0;
  let split = 0;
  let crossing = 0;
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  let cutPredicted = 0;
  let cutCorrect = 0;
  const joinedPatterns = new Map();
  const n = Math.min(goldLines.length, predLines.length);
  for (let i = 0; i < n; i++) {
    const g = goldLines[i];
    const p = predLines[i];
    if (chars(g) !== chars(p)) continue;
    const gw = words(g);
    const gs = spans(gw);
    const ps = spans(p);
    // Gold word boundaries: start → [end, word].
    const goldAt = new Map();
    let at = 0;
    for (const w of gw) {
      const len = [...w].length;
      goldAt.set(at, [at + len, w]);
      at += len;
    }
    gold += gs.size;
    predicted += ps.size;
    for (const s of ps) {
      if (gs.has(s)) {
        correct++;
        cutCorrect++;
        cutPredicted++;
        continue;
      }
      const [a, b] = s.split(',').map(Number);
      // Joined: gold words starting at a chain exactly to b.
      const parts = [];
      let k = a;
      while (k < b && goldAt.has(k)) {
        const [end, w] = goldAt.get(k);
        parts.push(w);
        k = end;
      }
      if (k === b && parts.length >= 2) {
        joined++;
        const key = parts.join(' ');
        joinedPatterns.set(key, (joinedPatterns.get(key) ?? 0) + 1);
        cutCorrect += parts.length;
        cutPredicted += parts.length;
      } else {
        cutPredicted++;
        let inside = false;
        for (const [start, [end]] of goldAt) if (start <= a && b <= end) inside = true;
        if (inside) split++;
        else crossing++;
      }
    }
  }
  const f1 = (c, pr, gd) => (c === 0 ? 0 : (2 * (c / pr) * (c / gd)) / (c / pr + c / gd));
  return {
    joined,
    split,
    crossing,
    joinedPatterns: [...joinedPatterns].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)),
    f1: f1(correct, predicted, gold),
    ifJoinedWereCut: f1(cutCorrect, cutPredicted, gold),
  };
}

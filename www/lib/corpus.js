// The corpus of the page's corpus mode: a list of named documents and the operations on it
// (add, split a text into documents, rename, move, remove). Pure functions on plain objects:
// each returns a new corpus and leaves the one it was given alone, so the store sees a change.
// No DOM here; tests/browser/corpus-lib.test.mjs runs it in Node.
//
//   corpus    { documents: Document[], nextId: number }
//   Document  { id: number, name: string, text: string }   ids are never reused in a corpus
//
// Names are unique in a corpus: a name already taken gets " (2)", " (3)", … (the CLI's report
// names a document by its path; the page's names are what the reader sees and exports by).

/**
 * How much text a corpus holds at most, in UTF-16 code units (a JS string's `length`): 64 Mi,
 * above the 50 MB the corpus mode is meant for (issue 15). Each document is also limited to
 * the engine's maximum input (`maxInputLength()`, 16 Mi units), which callers pass in.
 */
export const MAX_CORPUS_CHARS = 64 * 1024 * 1024;

/** An empty corpus. */
export function emptyCorpus() {
  return { documents: [], nextId: 1 };
}

/** Characters as a reader counts them: code points, so 𦡦 is one. */
export function charCount(text) {
  // Every UTF-16 unit but a low surrogate. A regular expression scans ten times faster than a
  // loop of charCodeAt (50 MB of documents: 8 ms against 90 ms, one long task of the page).
  const low = text.match(/[\udc00-\udfff]/g);
  return text.length - (low ? low.length : 0);
}

const counted = new WeakMap(); // Document → charCount(its text)

/** charCount of a document's text, counted once per document object (renaming makes a new one). */
export function documentChars(doc) {
  let n = counted.get(doc);
  if (n === undefined) counted.set(doc, (n = charCount(doc.text)));
  return n;
}

/** The corpus's text in UTF-16 code units (what the limits count). */
export function corpusLength(corpus) {
  let n = 0;
  for (const d of corpus.documents) n += d.text.length;
  return n;
}

/** `name`, or `name (2)`, `name (3)`, … : the first not in `taken` (a Set of names). */
export function uniqueName(name, taken) {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * A name as the page keeps it: one line, trimmed, at most 200 characters. Spaces inside are
 * kept as written (a heading's full-width space, 第一回　灵根育孕, stays).
 */
function cleanName(name) {
  return String(name ?? '').replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ').trim().slice(0, 200);
}

/**
 * Add documents (`{name, text}`, in order) at the end of the corpus. A document with no name
 * is named `fallbackName(n)`, n its position in the corpus counting from 1. Refused, each with
 * its reason, and not added: an empty (blank) text ('empty'), a text over `maxChars` code units
 * ('tooLarge'), and every document that would take the corpus over `maxTotal` ('corpusFull').
 * Returns { corpus, added: Document[], refused: [{name, reason}] }.
 */
export function addDocuments(corpus, docs, { maxChars = Infinity, maxTotal = MAX_CORPUS_CHARS, fallbackName = (n) => `文档 ${n}` } = {}) {
  const documents = [...corpus.documents];
  const taken = new Set(documents.map((d) => d.name));
  let nextId = corpus.nextId;
  let total = corpusLength(corpus);
  const added = [];
  const refused = [];
  for (const doc of docs) {
    const text = String(doc.text ?? '');
    const name = cleanName(doc.name) || fallbackName(documents.length + 1);
    let reason = null;
    if (text.trim() === '') reason = 'empty';
    else if (text.length > maxChars) reason = 'tooLarge';
    else if (total + text.length > maxTotal) reason = 'corpusFull';
    if (reason) {
      refused.push({ name, reason });
      continue;
    }
    const document = { id: nextId++, name: uniqueName(name, taken), text };
    taken.add(document.name);
    documents.push(document);
    added.push(document);
    total += text.length;
  }
  return { corpus: { documents, nextId }, added, refused };
}

/**
 * Rename document `id`. A blank name keeps the old one; a name another document has gets a
 * suffix (uniqueName). Returns the new corpus (the same one if nothing changed).
 */
export function renameDocument(corpus, id, name) {
  const doc = corpus.documents.find((d) => d.id === id);
  const clean = cleanName(name);
  if (!doc || clean === '' || clean === doc.name) return corpus;
  const taken = new Set(corpus.documents.filter((d) => d.id !== id).map((d) => d.name));
  const next = uniqueName(clean, taken);
  return { ...corpus, documents: corpus.documents.map((d) => (d.id === id ? { ...d, name: next } : d)) };
}

/** Move document `id` by `delta` places (−1 up, +1 down), within the list's ends. */
export function moveDocument(corpus, id, delta) {
  const from = corpus.documents.findIndex((d) => d.id === id);
  if (from < 0) return corpus;
  const to = Math.max(0, Math.min(corpus.documents.length - 1, from + delta));
  if (to === from) return corpus;
  const documents = [...corpus.documents];
  const [doc] = documents.splice(from, 1);
  documents.splice(to, 0, doc);
  return { ...corpus, documents };
}

/** Remove document `id`. */
export function removeDocument(corpus, id) {
  const documents = corpus.documents.filter((d) => d.id !== id);
  return documents.length === corpus.documents.length ? corpus : { ...corpus, documents };
}

// ---------------------------------------------------------------------------------------------
// Splitting one text into documents.

/**
 * A chapter heading line: 第 + a number (Chinese numerals, 〇/零/两, ASCII or full-width digits)
 * + a unit (回 章 节 節 卷 篇 部 集), the way Chinese novels and reports number their parts
 * (第一回, 第十二章, 第3卷), then at most a title on the same line. Or a Markdown level-1 heading
 * (`# Title`). A line over 60 characters is running text, not a heading.
 */
const CHAPTER = /^[ \t\u3000]*第[一二三四五六七八九十百千万零〇两0-9０-９]+([回章节節卷篇部集])/;
const MARKDOWN_H1 = /^#[ \t]+\S/;
const MAX_HEADING = 60;

/** Which kind of heading `line` is: 'md', the unit character of a 第X… heading, or null. */
function headingKind(line) {
  if (line.length > MAX_HEADING) return null;
  if (MARKDOWN_H1.test(line)) return 'md';
  return line.match(CHAPTER)?.[1] ?? null;
}

/** The largest unit first: a 卷 holds 章, a 章 holds 节. */
const LEVELS = ['md', '部', '卷', '集', '篇', '回', '章', '节', '節'];

/** The text's lines with their offsets (a line's text excludes its line break). */
function lines(text) {
  const out = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m; (m = re.exec(text)); ) {
    out.push({ start, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, text: text.slice(start) });
  return out;
}

/** Pieces of `text` cut at the given line starts; blank pieces are left out. */
function cut(text, starts) {
  const pieces = [];
  const bounds = [0, ...starts, text.length];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const piece = text.slice(bounds[i], bounds[i + 1]);
    if (piece.trim() !== '') pieces.push({ start: bounds[i], text: piece });
  }
  return pieces;
}

/**
 * Split `text` at its top-level headings: the largest kind of heading it has (a Markdown
 * `# ` heading, else 第X部/卷/集/篇/回/章/节 in that order) starts a document named by the
 * heading line (without the `#`); each document holds its heading line and what follows, up
 * to the next such heading. Text before the first heading, if any, is a document of its own
 * with no name. Returns [{name, text}] ([] when the text has no heading).
 */
export function splitByHeadings(text) {
  const all = lines(text).map((line) => ({ ...line, kind: headingKind(line.text) }));
  const kinds = new Set(all.map((l) => l.kind).filter(Boolean));
  const top = LEVELS.find((k) => kinds.has(k));
  if (!top) return [];
  const heads = all.filter((l) => l.kind === top);
  const names = new Map(heads.map((l) => [l.start, l.text.replace(/^#[ \t]+/, '').trim()]));
  return cut(text, heads.map((l) => l.start).filter((s) => s > 0)).map((p) => ({ name: names.get(p.start) ?? '', text: p.text }));
}

/**
 * Split `text` at separator lines: every line that, trimmed, equals `separator` trimmed (e.g.
 * `---`, `***`, `==========`). The separator lines themselves are dropped; pieces have no name.
 * Returns [{name: '', text}] ([] for a blank separator or one no line matches).
 */
export function splitBySeparator(text, separator) {
  const mark = String(separator ?? '').trim();
  if (mark === '') return [];
  const all = lines(text);
  const marks = all.filter((l) => l.text.trim() === mark);
  if (marks.length === 0) return [];
  const pieces = [];
  let from = 0;
  for (const line of [...marks, { start: text.length, text: '' }]) {
    const piece = text.slice(from, line.start);
    if (piece.trim() !== '') pieces.push({ name: '', text: piece });
    from = Math.min(text.length, line.start + line.text.length);
    // Past the separator's own line break.
    if (text[from] === '\r' && text[from + 1] === '\n') from += 2;
    else if (text[from] === '\n' || text[from] === '\r') from += 1;
  }
  return pieces;
}

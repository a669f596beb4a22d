// A corpus session as one JSON file: the documents (names and texts, in order), the page's
// analysis options and the custom words, so a corpus can be put away and opened again exactly.
// The same object is what the page keeps in the browser (lib/kept-corpus.js). Pure: no DOM.
//
//   { "format": "wenxi-corpus", "version": 1, "saved": "2026-11-30T12:00:00.000Z",
//     "documents": [{ "name": "…", "text": "…" }],
//     "options": { …AnalyzeOptions as the page keeps them },
//     "words": { "added": ["…"], "removed": ["…"] } }
//
// `version` changes only when a reader of the old format would misread the new one; a file
// from a newer page is refused with a message that says so, not half-read.

export const SESSION_FORMAT = 'wenxi-corpus';
export const SESSION_VERSION = 1;

/** The session object for a corpus, the page's options and its custom words. */
export function sessionOf(corpus, options, words, now = new Date()) {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    saved: now.toISOString(),
    documents: corpus.documents.map(({ name, text }) => ({ name, text })),
    options: { ...options },
    words: { added: [...(words?.added ?? [])], removed: [...(words?.removed ?? [])] },
  };
}

/** A session as the text of a `.json` file. */
export function sessionJson(session) {
  return `${JSON.stringify(session, null, 1)}\n`;
}

/** Why a session could not be read: `kind` is one of notJson, notSession, newer, invalid. */
export class SessionError extends Error {
  constructor(kind, message) {
    super(message);
    this.name = 'SessionError';
    this.kind = kind;
  }
}

const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
const stringList = (x) => Array.isArray(x) && x.every((w) => typeof w === 'string');

/**
 * Check a session read from a file (its text) or from storage (the object). Returns
 * { documents: [{name, text}], options: object, words: {added, removed}, saved } or throws a
 * SessionError. Options are returned as found: the page makes them safe (pageOptions) as it
 * does its saved options.
 */
export function readSession(input) {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new SessionError('notJson', error.message);
    }
  }
  if (!isObject(data) || data.format !== SESSION_FORMAT) throw new SessionError('notSession', 'no "format": "wenxi-corpus"');
  if (!Number.isInteger(data.version) || data.version < 1) throw new SessionError('invalid', 'no version');
  if (data.version > SESSION_VERSION) throw new SessionError('newer', `version ${data.version}`);
  if (!Array.isArray(data.documents)) throw new SessionError('invalid', 'no documents list');
  data.documents.forEach((d, i) => {
    if (!isObject(d) || typeof d.name !== 'string' || typeof d.text !== 'string') {
      throw new SessionError('invalid', `document ${i + 1} has no name or text`);
    }
  });
  if (data.options !== undefined && !isObject(data.options)) throw new SessionError('invalid', 'options is not an object');
  const words = data.words ?? {};
  if (!isObject(words) || !stringList(words.added ?? []) || !stringList(words.removed ?? [])) {
    throw new SessionError('invalid', 'words are not lists of strings');
  }
  return {
    documents: data.documents.map(({ name, text }) => ({ name, text })),
    options: data.options ?? {},
    words: { added: [...(words.added ?? [])], removed: [...(words.removed ?? [])] },
    saved: typeof data.saved === 'string' ? data.saved : null,
  };
}

// The page's state, in one place, and who wants to know when it changes.
//
// Views never talk to each other: they read the state, change it with `set`, and redraw in
// their `subscribe` callback when a key they show has changed. Selecting a keyword in the
// table, the cloud or the heatmap is one `set({ selected: key })`, and every view follows.
//
// State keys (see app.js for the initial values):
//   text          the textarea's text (string)
//   analyzedText  the text the report belongs to (string | null); report offsets index it
//   report        the last report (Report | null)
//   selected      the selected keyword's `key` (string | null)
//   band          the selected HSK level band, { level (1–7, null beyond the lists), keys:
//                 Set of the analysis's word keys in it } (lib/levels.js), or null; selecting
//                 a word ends it
//   reader        { known: string[], level: number | null }: the reader's known words and
//                 HSK level (the Vocabulary view's), persisted
//   ranking       'count' | 'weight' | 'textrank': how keyword views order words
//   display       'written' | 'simplified' | 'traditional': how words are shown
//   lang          'zh' | 'en': the interface language
//   options       the analysis options (AnalyzeOptions), persisted
//   busy          whether an analysis is running (boolean)
//   progress      { stage, fraction } of the running analysis, or null
//   reveal        { start, end, seq }: a request to show that UTF-16 range of analyzedText in
//                 the text view (seq increases so the same range can be asked for twice)
//   converted     Map word-as-written → { simplified, traditional }: the report's keywords and
//                 section keywords converted, filled by app.js when display is not 'written'
//                 (a new Map each time, so subscribers see the change). Use
//                 displayWord(state, keyword) from lib/i18n.js rather than reading it.
//   words         { added: string[], removed: string[] }: the user's custom dictionary
//                 (joined and split words), persisted; change it only through actions
//   engine        'loading' | 'ready' | 'failed': the analysis worker
//   error         { key, detail } shown in the alert area, or null (shell only)
//   source        { name, encoding, html } of the opened file, or null (shell only)
//   ms            how long the last analysis took in the worker (number | null)
//   mode          'text' | 'corpus': which input the page shows (one text, or many documents)
//   corpus        { documents: [{id, name, text}], nextId }: the corpus mode's documents, in
//                 corpus order (lib/corpus.js); changed only by corpus-input.js
//
// Persisted in localStorage (app.js): options, words, lang, display, reader. Never the text: a corpus
// is kept only when the reader asks (a session file, or IndexedDB: lib/kept-corpus.js).

export function createStore(initial) {
  let state = { ...initial };
  const listeners = new Set();
  return {
    get: () => state,
    /** Merge `patch` into the state; listeners hear which keys changed. */
    set(patch) {
      const changed = new Set();
      for (const [key, value] of Object.entries(patch)) {
        if (!Object.is(state[key], value)) changed.add(key);
      }
      if (changed.size === 0) return;
      state = { ...state, ...patch };
      for (const fn of [...listeners]) fn(state, changed);
    },
    /** Call `fn(state, changedKeys)` after every change; returns an unsubscribe function. */
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/**
 * A view's window on `store`: the same `get` and `set`, but a change that brings a new report
 * reaches `subscribe` callbacks in a task of their own (after the tasks already queued), with
 * the changes that arrive meanwhile merged in. Each view then draws a new report in its own
 * task, so the views of a long text do not add up to one long task that freezes the page;
 * every other change (a selection, a language switch) is delivered at once, as from the store.
 */
export function staggered(store) {
  return {
    get: store.get,
    set: store.set,
    subscribe(fn) {
      let pending = null; // the changed keys waiting for the deferred call
      return store.subscribe((state, changed) => {
        if (pending) {
          for (const key of changed) pending.add(key);
          return;
        }
        if (!changed.has('report')) {
          fn(state, changed);
          return;
        }
        pending = new Set(changed);
        setTimeout(() => {
          const keys = pending;
          pending = null;
          fn(store.get(), keys);
        }, 0);
      });
    },
  };
}

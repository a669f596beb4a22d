// The corpus kept in this browser: one session object (lib/session.js) in IndexedDB, which
// holds the megabytes a corpus has (localStorage holds about 5 MB, as strings). It stays on
// this device, in this browser's storage for the page's origin, until the reader deletes it.

const DB = 'wenxi';
const STORE = 'corpus';
const KEY = 'kept';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the browser storage is in use by another tab'));
  });
}

/** Run `fn(objectStore)` in a transaction; resolves with the request's result when done. */
async function run(mode, fn) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
  } finally {
    db.close();
  }
}

/** Keep `session` in this browser, replacing what was kept. */
export function keepCorpus(session) {
  return run('readwrite', (store) => store.put(session, KEY));
}

/** The kept session object, or null. */
export async function keptCorpus() {
  return (await run('readonly', (store) => store.get(KEY))) ?? null;
}

/** Delete the kept corpus. */
export function forgetKeptCorpus() {
  return run('readwrite', (store) => store.delete(KEY));
}

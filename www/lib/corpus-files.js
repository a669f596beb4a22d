// Reading many files into documents for the corpus: text files (.txt, .md, .html, decoded by
// lib/decode.js as a single file is) and .zip archives of them, unpacked in the page by fflate
// (vendored into vendor/fflate/ by scripts/build.sh, loaded only when a zip is opened).
//
// A zip is checked before anything is unpacked (a "zip bomb" guard): only text-like entries
// are read, and the sizes their headers declare must fit: each within a document's limit, all
// of them within MAX_BATCH_BYTES. fflate unpacks each entry into a buffer of its declared size
// and never beyond (unzipSync's `out`), so a header that understates cannot overrun the check.

import { decodeBytes, fileKind } from './decode.js';

/** The most bytes one opening (files and zips' text entries, unpacked) may bring in: 64 MiB. */
export const MAX_BATCH_BYTES = 64 * 1024 * 1024;

/** fflate's browser ES module, loaded once, when first needed. */
let fflate = null;
const loadFflate = () => (fflate ??= import('../vendor/fflate/browser.js'));

const isZip = (name, type) => /\.zip$/i.test(name) || type === 'application/zip' || type === 'application/x-zip-compressed';

/** Entries a zip tool adds that are not the user's documents (macOS resource forks, folders). */
const isJunk = (path) => path.endsWith('/') || path.startsWith('__MACOSX/') || /(^|\/)\._/.test(path) || /(^|\/)\.DS_Store$/.test(path);

/** Bytes that hold a NUL and no UTF-16 byte order mark are not text (an image renamed .txt). */
function looksBinary(bytes) {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8192).includes(0);
}

/**
 * Read `files` (File objects, in the order given) into documents. `maxChars`: a document's
 * limit in UTF-16 code units (the engine's maxInputLength). Returns
 *   { documents: [{name, text, encoding}], skipped: [{name, reason, vars?}] }
 * where reason is one of: unsupported (not a text, .html or .zip file), binary, tooLarge
 * (over a document's limit), batchTooLarge (over MAX_BATCH_BYTES), zipTooLarge (a zip whose
 * texts would unpack to more than that: nothing is read from it), badZip, readFailed.
 * A zip's documents are named by their path inside it.
 */
export async function readCorpusFiles(files, { maxChars, loadUnzip = loadFflate } = {}) {
  const documents = [];
  const skipped = [];
  const maxDocBytes = maxChars * 3 + 3; // a UTF-16 unit is at most 3 bytes in UTF-8 (+ a BOM)
  let budget = MAX_BATCH_BYTES;

  const addBytes = (name, bytes, kind) => {
    if (looksBinary(bytes)) return skipped.push({ name, reason: 'binary' });
    let decoded;
    try {
      decoded = decodeBytes(bytes);
    } catch (error) {
      return skipped.push({ name, reason: 'readFailed', vars: { detail: error?.message ?? '' } });
    }
    if (decoded.text.length > maxChars) return skipped.push({ name, reason: 'tooLarge' });
    documents.push({ name, text: decoded.text, encoding: decoded.encoding, html: kind === 'html' });
  };

  for (const file of files) {
    const { name, type, size } = file;
    if (isZip(name, type)) {
      if (size > budget) {
        skipped.push({ name, reason: 'zipTooLarge', vars: { mb: mb(size), max: mb(MAX_BATCH_BYTES) } });
        continue;
      }
      let entries;
      try {
        const { unzipSync } = await loadUnzip();
        const bytes = new Uint8Array(await file.arrayBuffer());
        // The filter sees every entry's declared sizes before any is unpacked: collect, then
        // decide in a second pass (a bomb is refused whole, so nothing half-added).
        const wanted = [];
        let declared = 0;
        unzipSync(bytes, {
          filter(entry) {
            if (isJunk(entry.name)) return false;
            const kind = fileKind(entry.name);
            if (!kind) skipped.push({ name: `${name}/${entry.name}`, reason: 'unsupported' });
            else if (entry.originalSize > maxDocBytes) skipped.push({ name: `${name}/${entry.name}`, reason: 'tooLarge' });
            else {
              wanted.push({ path: entry.name, kind });
              declared += entry.originalSize;
            }
            return false;
          },
        });
        if (declared > budget) {
          skipped.push({ name, reason: 'zipTooLarge', vars: { mb: mb(declared), max: mb(MAX_BATCH_BYTES) } });
          continue;
        }
        const paths = new Set(wanted.map((w) => w.path));
        entries = unzipSync(bytes, { filter: (entry) => paths.has(entry.name) });
        budget -= declared;
        for (const { path, kind } of wanted) if (entries[path]) addBytes(path, entries[path], kind);
      } catch (error) {
        skipped.push({ name, reason: 'badZip', vars: { detail: error?.message ?? String(error) } });
      }
      continue;
    }
    const kind = fileKind(name, type);
    if (!kind) {
      skipped.push({ name, reason: 'unsupported' });
      continue;
    }
    if (size > maxDocBytes) {
      skipped.push({ name, reason: 'tooLarge' });
      continue;
    }
    if (size > budget) {
      skipped.push({ name, reason: 'batchTooLarge', vars: { max: mb(MAX_BATCH_BYTES) } });
      continue;
    }
    budget -= size;
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      skipped.push({ name, reason: 'readFailed', vars: { detail: error?.message ?? '' } });
      continue;
    }
    addBytes(name, bytes, kind);
  }
  return { documents, skipped };
}

/** Bytes in MB, one decimal. */
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

#!/usr/bin/env node
// Regenerates Wenxi's copy of jieba's lexicon (data/jieba/) from the dictionary and IDF table
// that ship inside the jieba-rs crate (Python jieba's dict.txt and idf.txt, MIT). Run after a
// jieba-rs upgrade, then commit the result.
//
//   node scripts/gen-data.mjs
//
// The two tables share most of their words, so they are merged and written in a form brotli
// compresses well (the .wasm carries them; 6.2 + 5.1 MB of text, 3.2 MB brotli as two tables,
// 1.6 MB as this):
// - words.txt: every word of either table, sorted by UTF-8 bytes, front-coded: one line
//   `K SUFFIX` per word, where the word is the first K bytes of the previous word + SUFFIX
//   (K always ends on a char boundary).
//   (Words hold no whitespace: jieba's own format splits on it.)
// - entries.txt: line for line with words.txt, `FREQ TAG DF`, `-` where the word is not in
//   that table. DF is the word's document frequency: jieba's IDF is ln(N / DF) for one N
//   (1,088,899), so the 270,000 IDF values are only 3,328 distinct numbers.
// - idf-values.txt: `#median X` (jieba's IDF for a word it does not list), then `DF IDF` for
//   each distinct DF, the IDF exactly as jieba writes it, so TF-IDF weights equal jieba's.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1'], { cwd: ROOT, maxBuffer: 1 << 28 }));
const jieba = metadata.packages.find((p) => p.name === 'jieba-rs');
if (!jieba) throw new Error('jieba-rs is not a dependency');
const data = join(dirname(jieba.manifest_path), 'src', 'data');

/** The table's lines split on whitespace, blank lines skipped. */
const rows = (file) =>
  readFileSync(join(data, file), 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((r) => r[0]);

// The dictionary: word → [freq, tag]; a later line for a word wins, as in jieba-rs.
const dict = new Map();
for (const [word, freq, tag] of rows('dict.txt')) {
  if (!/^\d+$/.test(freq ?? '') || !tag) throw new Error(`dict.txt: unexpected line for ${word}`);
  dict.set(word, [freq, tag]);
}

// The IDF table: word → idf text.
const idf = new Map();
const values = [];
for (const [word, value] of rows('idf.txt')) {
  if (value === undefined || Number.isNaN(Number(value))) continue;
  idf.set(word, value);
  values.push(Number(value));
}
// jieba-rs's median: ascending index (len - 1) / 2, duplicates counted.
values.sort((a, b) => a - b);
const median = values[Math.floor((values.length - 1) / 2)];

// N is the corpus size behind the table: the largest IDF is that of a word seen in one
// document, ln(N / 1).
const n = Math.round(Math.exp(values[values.length - 1]));
const dfOf = new Map(); // idf text → df
for (const value of new Set(idf.values())) {
  const df = Math.round(n / Math.exp(Number(value)));
  const back = Math.log(n / df);
  if (Math.abs(back - Number(value)) > 1e-6) throw new Error(`idf ${value} is not ln(${n}/DF)`);
  dfOf.set(value, df);
}
const byDf = new Map([...dfOf].map(([value, df]) => [df, value]));
if (byDf.size !== dfOf.size) throw new Error('two IDF values share a DF');

const words = [...new Set([...dict.keys(), ...idf.keys()])].map((w) => Buffer.from(w, 'utf8'));
words.sort(Buffer.compare);

const wordLines = [];
const entryLines = [];
let previous = [];
for (const bytes of words) {
  const word = bytes.toString('utf8');
  const chars = [...word];
  let shared = 0;
  while (shared < previous.length && shared < chars.length && previous[shared] === chars[shared]) shared++;
  const sharedBytes = Buffer.byteLength(chars.slice(0, shared).join(''), 'utf8');
  wordLines.push(`${sharedBytes} ${chars.slice(shared).join('')}`);
  previous = chars;
  const [freq, tag] = dict.get(word) ?? ['-', '-'];
  const df = idf.has(word) ? dfOf.get(idf.get(word)) : '-';
  entryLines.push(`${freq} ${tag} ${df}`);
}

const out = join(ROOT, 'data', 'jieba');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'words.txt'), wordLines.join('\n') + '\n');
writeFileSync(join(out, 'entries.txt'), entryLines.join('\n') + '\n');
const idfLines = [`#median ${median}`, ...[...byDf].sort((a, b) => a[0] - b[0]).map(([df, value]) => `${df} ${value}`)];
writeFileSync(join(out, 'idf-values.txt'), idfLines.join('\n') + '\n');
console.log(
  `data/jieba: ${words.length} words (${dict.size} in the dictionary, ${idf.size} with an IDF, ` +
    `${byDf.size} distinct) from jieba-rs ${jieba.version}, median IDF ${median}`,
);

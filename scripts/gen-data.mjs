#!/usr/bin/env node
// Regenerates data/jieba/idf.txt from the IDF table that ships inside the jieba-rs crate
// (Python jieba's idf.txt, MIT), in the form src/idf.rs reads without parsing it all: one
// `word idf` line per word, sorted by the words' UTF-8 bytes (so a lookup is a binary search),
// after a first line `#median X` holding the table's lower median (what jieba gives a word it
// does not list). Run after a jieba-rs upgrade, then commit the result.
//
//   node scripts/gen-data.mjs

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1'], { cwd: ROOT, maxBuffer: 1 << 28 }));
const jieba = metadata.packages.find((p) => p.name === 'jieba-rs');
if (!jieba) throw new Error('jieba-rs is not a dependency');
const source = join(dirname(jieba.manifest_path), 'src', 'data', 'idf.txt');

const table = new Map(); // word → idf text, the last line for a word winning (as jieba-rs loads it)
const values = [];
for (const line of readFileSync(source, 'utf8').split('\n')) {
  const [word, idf] = line.trim().split(/\s+/);
  if (!word || idf === undefined || Number.isNaN(Number(idf))) continue;
  table.set(word, idf);
  values.push(Number(idf));
}
// jieba-rs's median: ascending index (len - 1) / 2, duplicates counted.
values.sort((a, b) => a - b);
const median = values[Math.floor((values.length - 1) / 2)];

const words = [...table.keys()].map((w) => Buffer.from(w, 'utf8'));
words.sort(Buffer.compare);
const out = [`#median ${median}`];
for (const w of words) out.push(`${w.toString('utf8')} ${table.get(w.toString('utf8'))}`);
mkdirSync(join(ROOT, 'data', 'jieba'), { recursive: true });
writeFileSync(join(ROOT, 'data', 'jieba', 'idf.txt'), out.join('\n') + '\n');
console.log(`data/jieba/idf.txt: ${words.length} words from jieba-rs ${jieba.version}, median ${median}`);

#!/usr/bin/env node
// Exits non-zero when a budget line of the last benchmark failed: reads target/bench.json
// (issues 6 and 14) and target/bench-corpus.json (issue 15), written by
// `node scripts/bench.mjs` (the corpus file also by `--corpus` alone), and prints their budget
// lines: each file that is there (at least one must be).
//
//   node scripts/bench.mjs && node scripts/bench-check.mjs

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const target = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'target');
const files = [join(target, 'bench.json'), join(target, 'bench-corpus.json')];
if (!files.some((f) => existsSync(f))) {
  console.error(`bench-check: ${files.join(' and ')} missing: run node scripts/bench.mjs (or --corpus) first`);
  process.exit(2);
}
let failed = 0;
let total = 0;
const dates = [];
for (const file of files.filter((f) => existsSync(f))) {
  const { date, checks } = JSON.parse(readFileSync(file, 'utf8'));
  for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'} ${c.text}`);
  failed += checks.filter((c) => !c.ok).length;
  total += checks.length;
  dates.push(`${file.split('/').pop()} of ${date}`);
}
console.log(`${failed === 0 ? 'all' : `${total - failed} of`} ${total} budget lines met (${dates.join(', ')})`);
process.exit(failed === 0 ? 0 : 1);

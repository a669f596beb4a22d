#!/usr/bin/env node
// Exits non-zero when a budget line of the last benchmark failed: reads target/bench.json,
// written by `node scripts/bench.mjs`, and prints its budget lines.
//
//   node scripts/bench.mjs && node scripts/bench-check.mjs

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'target', 'bench.json');
if (!existsSync(file)) {
  console.error(`bench-check: ${file} missing: run node scripts/bench.mjs first`);
  process.exit(2);
}
const { date, checks } = JSON.parse(readFileSync(file, 'utf8'));
for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'} ${c.text}`);
const failed = checks.filter((c) => !c.ok).length;
console.log(`${failed === 0 ? 'all' : `${checks.length - failed} of`} ${checks.length} budget lines met (benchmark of ${date})`);
process.exit(failed === 0 ? 0 : 1);

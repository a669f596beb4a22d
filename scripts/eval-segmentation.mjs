#!/usr/bin/env node
// Segmentation evaluation (issue 5): word-level precision / recall / F1 over character spans
// (the SIGHAN bakeoff definition) and OOV recall, for Wenxi (default, convert off, HMM off,
// all through `wenxi --tokens`), jieba-wasm (npm, in Node) and Intl.Segmenter (in headless
// Chromium: Node's is quadratic on long strings). Prints one markdown table and the issue's
// target checks. A report, not a gate: exit 0 unless something fails to run (2: missing corpus
// or gold file, 1: any other error).
//
//   node scripts/eval-segmentation.mjs [GOLD.seg.txt ...]
//
// Default gold set: ../shared/corpus/segmentation/ud-gsd-{trad,simp}.{dev,test}.seg.txt.
// Any file in the same format (one sentence a line, words separated by single spaces) can be
// given; its raw text is a sibling `X.raw.txt` for `X.seg.txt` when present, else its gold words
// joined without spaces. For a `*.test.*` file with a `*.dev.*` sibling, the dev words are the
// vocabulary for OOV recall (the UD training set is not in the corpus).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errors, score, vocabularyOf } from './lib/score.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'segmentation');
const WENXI = join(ROOT, 'target', 'release', 'wenxi');
const require = createRequire(import.meta.url);

class UsageError extends Error {}

const readLines = (file) => {
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
};

function goldFiles(args) {
  if (args.length > 0) {
    for (const f of args) if (!existsSync(f)) throw new UsageError(`gold file not found: ${f}`);
    return args.map((f) => resolve(f));
  }
  const files = ['trad.dev', 'trad.test', 'simp.dev', 'simp.test'].map((k) => join(CORPUS, `ud-gsd-${k}.seg.txt`));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new UsageError(
      `segmentation corpus missing: ${missing.join(', ')}\n` +
        `expected the shared corpus at ${CORPUS} (see ../shared/corpus/README.md, segmentation/)`,
    );
  }
  return files;
}

/** A gold file's short label, raw lines and OOV vocabulary (or null). */
function loadGold(file) {
  const gold = readLines(file);
  const rawFile = file.endsWith('.seg.txt') ? file.replace(/\.seg\.txt$/, '.raw.txt') : null;
  const raw = rawFile && existsSync(rawFile) ? readLines(rawFile) : gold.map((l) => l.split(/\s+/).join(''));
  if (raw.length !== gold.length) {
    throw new Error(`${rawFile}: ${raw.length} lines, but ${file} has ${gold.length}`);
  }
  const devFile = /\.test\./.test(basename(file)) ? join(dirname(file), basename(file).replace(/\.test\./, '.dev.')) : null;
  const vocabulary = devFile && existsSync(devFile) ? vocabularyOf(readLines(devFile)) : null;
  const label = basename(file).replace(/\.seg\.txt$/, '').replace(/\.txt$/, '').replace(/^ud-gsd-/, '');
  return { file, label, gold, raw, vocabulary, vocabularyFrom: vocabulary ? basename(devFile) : null };
}

function ensureWenxi() {
  if (existsSync(WENXI)) return;
  console.error('target/release/wenxi missing: cargo build --release --quiet');
  const r = spawnSync('cargo', ['build', '--release', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(WENXI)) throw new Error('cargo build --release failed');
}

/** Wenxi's --tokens output for the raw lines, one string per line. */
function wenxi(raw, options, scratch) {
  const input = join(scratch, 'raw.txt');
  writeFileSync(input, raw.join('\n') + '\n');
  const args = ['--tokens'];
  if (options) args.push('--options', JSON.stringify(options));
  args.push(input);
  const r = spawnSync(WENXI, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`wenxi ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return readLinesOf(r.stdout);
}

function readLinesOf(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function jiebaVersion() {
  // Its `exports` map hides package.json: walk up from the resolved entry point.
  let dir = dirname(require.resolve('jieba-wasm'));
  while (!existsSync(join(dir, 'package.json')) || basename(dir) !== 'jieba-wasm') {
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

async function main() {
  const started = Date.now();
  const files = goldFiles(process.argv.slice(2));
  const sets = files.map(loadGold);
  ensureWenxi();

  const jieba = require('jieba-wasm'); // the Node entry (pkg/nodejs): synchronous, no init needed
  const { launchChromium } = await import('./chromium.mjs');
  const browser = await launchChromium();
  const scratch = mkdtempSync(join(tmpdir(), 'wenxi-eval-'));
  const segmenters = [
    { name: 'Wenxi (default)', run: (raw) => wenxi(raw, null, scratch) },
    { name: 'Wenxi (convert: false)', run: (raw) => wenxi(raw, { convert: false }, scratch) },
    { name: 'Wenxi (hmm: false)', run: (raw) => wenxi(raw, { hmm: false }, scratch) },
    { name: 'jieba-wasm', run: (raw) => raw.map((line) => jieba.cut(line, true)) },
    {
      name: 'Intl.Segmenter (Chromium)',
      run: async (raw) => {
        const page = await browser.newPage();
        try {
          await page.goto('about:blank');
          return await page.evaluate((lines) => {
            const seg = new Intl.Segmenter('zh', { granularity: 'word' });
            return lines.map((line) => Array.from(seg.segment(line), (s) => s.segment));
          }, raw);
        } finally {
          await page.close();
        }
      },
    },
  ];

  const results = new Map(); // segmenter name → label → score
  const wenxiErrors = new Map(); // label → errors() of Wenxi (default)
  let chromiumVersion;
  try {
    chromiumVersion = browser.version();
    for (const s of segmenters) {
      const row = new Map();
      for (const set of sets) {
        const pred = await s.run(set.raw);
        row.set(set.label, score(set.gold, pred, { vocabulary: set.vocabulary }));
        if (s.name === 'Wenxi (default)') wenxiErrors.set(set.label, errors(set.gold, pred));
      }
      results.set(s.name, row);
    }
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }

  // The table.
  const f = (x) => (x == null ? '–' : x.toFixed(3));
  const head = ['segmenter'];
  for (const set of sets) {
    head.push(`${set.label} P`, `${set.label} R`, `${set.label} F1`);
    if (set.vocabulary) head.push(`${set.label} OOV R`);
  }
  const out = [];
  out.push(`| ${head.join(' | ')} |`);
  out.push(`|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const [name, row] of results) {
    const cells = [name];
    for (const set of sets) {
      const r = row.get(set.label);
      cells.push(f(r.precision), f(r.recall), f(r.f1));
      if (set.vocabulary) cells.push(f(r.oovRecall));
    }
    out.push(`| ${cells.join(' | ')} |`);
  }
  console.log(`## Word segmentation (P / R / F1 over character spans, SIGHAN definition)\n`);
  console.log(out.join('\n'));
  console.log('');
  for (const set of sets) {
    const any = [...results.values()][0].get(set.label);
    let note = `- \`${set.label}\`: ${basename(set.file)}, ${set.gold.length} sentences, ${any.gold} gold words scored`;
    if (set.vocabulary) {
      note += `; OOV = gold words not in ${set.vocabularyFrom} (${set.vocabulary.size} types; ${any.oovGold} OOV tokens — the UD training set is not in the corpus, so dev stands in for it)`;
    }
    console.log(note + '.');
  }
  const skips = [];
  for (const [name, row] of results) {
    for (const set of sets) {
      const r = row.get(set.label);
      if (r.skipped > 0) {
        const shown = r.skippedLines.slice(0, 10).map((i) => i + 1).join(', ');
        skips.push(`- ${name} on \`${set.label}\`: ${r.skipped} line(s) skipped, characters differ from gold (lines ${shown}${r.skipped > 10 ? ', …' : ''}).`);
      }
    }
  }
  if (skips.length > 0) console.log(skips.join('\n'));
  else console.log('- No lines skipped: every prediction kept the gold characters.');
  console.log(
    `- Versions: jieba-wasm ${jiebaVersion()} (cut(line, true)), Chromium ${chromiumVersion}, Node ${process.version}; ` +
      `date ${new Date().toISOString().slice(0, 10)}.`,
  );

  // Why Wenxi's words differ from gold.
  console.log('\n## Where Wenxi (default) differs from gold\n');
  console.log('| set | wrong words | joined (covers 2+ gold words) | split (inside a gold word) | crossing | F1 | F1 if joined words were cut as gold |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const set of sets) {
    const e = wenxiErrors.get(set.label);
    const wrong = e.joined + e.split + e.crossing;
    console.log(`| ${set.label} | ${wrong} | ${e.joined} | ${e.split} | ${e.crossing} | ${f(e.f1)} | ${f(e.ifJoinedWereCut)} |`);
  }
  for (const set of sets) {
    const top = wenxiErrors.get(set.label).joinedPatterns.slice(0, 20);
    console.log(`\n- \`${set.label}\` most frequent joins (gold's cut, times): ${top.map(([k, v]) => `${k} ${v}`).join('; ')}`);
  }

  // Targets of issue 5.
  console.log('\n## Targets (issue 5)\n');
  const byLabel = new Map(sets.map((s) => [s.label, s]));
  const F1 = (name, label) => results.get(name).get(label).f1;
  const lines = [];
  const splits = [...new Set(sets.map((s) => s.label.replace(/^(trad|simp)\./, '')))];
  for (const split of splits) {
    const t = `trad.${split}`;
    const s = `simp.${split}`;
    if (!byLabel.has(t) || !byLabel.has(s)) continue;
    const ft = F1('Wenxi (default)', t);
    const fs = F1('Wenxi (default)', s);
    const gap = Math.abs(ft - fs);
    lines.push(`${gap <= 0.01 ? 'PASS' : 'FAIL'} traditional F1 within 0.01 of simplified (Wenxi default, ${split}): trad ${f(ft)}, simp ${f(fs)}, gap ${gap.toFixed(4)}`);
  }
  for (const set of sets) {
    if (!/^(trad|simp)\./.test(set.label)) continue;
    const w = F1('Wenxi (default)', set.label);
    const j = F1('jieba-wasm', set.label);
    const i = F1('Intl.Segmenter (Chromium)', set.label);
    const ok = w >= j && w >= i + 0.05;
    lines.push(`${ok ? 'PASS' : 'FAIL'} Wenxi ≥ jieba-wasm and ≥ Intl.Segmenter + 0.05 (${set.label}): Wenxi ${f(w)}, jieba-wasm ${f(j)}, Intl.Segmenter ${f(i)} (+0.05 = ${f(i + 0.05)})`);
  }
  if (lines.length === 0) console.log('(no UD GSD trad/simp pair among the gold files: targets not checked)');
  else console.log(lines.join('\n'));
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`eval-segmentation: ${e instanceof UsageError ? e.message : e.stack ?? e}`);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);

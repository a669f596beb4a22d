#!/usr/bin/env node
// Analyse text files with the wenxi package in Node and print, per file, its script, its
// sections and its top 10 keywords.
//
//   npm install wenxi
//   node node-analyze.mjs FILE...
//
// Files are read as UTF-8. For batch work on many or large files, the native command line
// (`cargo run --release -- FILE`, JSON out) is faster; this shows the package's Node API.

import { readFile } from 'node:fs/promises';
import { Analyzer } from 'wenxi';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node node-analyze.mjs FILE...');
  process.exit(2);
}

// One analyzer for every file: constructing it loads the wasm and builds the dictionary.
const analyzer = new Analyzer();

for (const file of files) {
  const text = await readFile(file, 'utf8');
  const report = analyzer.analyze(text, { topN: 10 });
  console.log(`# ${file}`);
  console.log(`script: ${report.script.kind}`);
  console.log(`sections: ${report.sections.length}`);
  for (const section of report.sections) console.log(`  ${'  '.repeat(Math.max(0, section.level - 1))}${section.title}`);
  console.log('top keywords:');
  for (const [rank, k] of report.keywords.entries()) console.log(`  ${rank + 1}. ${k.word} ${k.count}`);
  console.log('');
}

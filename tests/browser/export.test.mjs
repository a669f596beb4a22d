// Unit tests of www/lib/export.js's pure helpers and views/keyness.js's statistics, in Node
// (no DOM needed):  node --test tests/browser/export.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOM, fileName, keywordsToCsv, keywordsToJson, neutralise, toCsv, toTsv } from '../../www/lib/export.js';
import { keyness, logLikelihood, logRatio, mark } from '../../www/views/keyness.js';

const keyword = (over = {}) => ({
  word: '發展', key: '发展', count: 3, share: 0.1, weight: 0.325, textrank: 1, pos: 'vn', first: 5,
  occurrences: [[5, 7], [20, 22], [40, 42]], reference: 8420, sections: [[0, 2], [2, 1]], ...over,
});

test('cells that a spreadsheet would read as a formula are neutralised', () => {
  for (const s of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) assert.equal(neutralise(s), `'${s}`);
  for (const s of ['發展', 'a=b', '1-2', '']) assert.equal(neutralise(s), s);
});

test('toCsv: BOM, header, CRLF, quoting, neutralising strings but not our numbers', () => {
  const rows = [
    { word: '=1+1', n: -1.5 },
    { word: 'a,"b"\nc', n: 2 },
    { word: '長江', n: null },
  ];
  const csv = toCsv(rows, [
    { header: 'word', value: (r) => r.word },
    { header: 'n', value: (r) => r.n },
  ]);
  assert.ok(csv.startsWith(BOM), 'starts with the UTF-8 BOM');
  assert.equal(csv.slice(1), `word,n\r\n'=1+1,-1.5\r\n"a,""b""\nc",2\r\n長江,\r\n`);
});

test('toTsv: one line per row, tabs and line breaks inside cells become spaces', () => {
  const tsv = toTsv([{ w: 'a\tb\nc' }, { w: '=x' }, { w: '\t=y' }], [{ header: 'w', value: (r) => r.w }]);
  assert.equal(tsv, "w\na b c\n'=x\n' =y\n");
});

test('keywordsToCsv has the keyword columns in the given order, with the rank', () => {
  const csv = keywordsToCsv([keyword(), keyword({ word: '=HYPERLINK("x")', key: '=hyperlink("x")', count: 1 })]);
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], 'rank,word,key,count,share,tfidf,textrank,pos,first,reference,sections');
  assert.equal(lines[1], '1,發展,发展,3,0.1,0.325,1,vn,5,8420,0:2 2:1');
  assert.ok(lines[2].startsWith(`2,"'=HYPERLINK(""x"")","'=hyperlink(""x"")",1,`), lines[2]);
});

test('keywordsToJson: the keywords without their occurrence lists, parseable', () => {
  const report = { version: '0.1.0', stats: { words: 30 }, referenceTotal: 60101964 };
  const doc = JSON.parse(keywordsToJson(report, [keyword()], { ranking: 'count' }));
  assert.equal(doc.generator, 'Wenxi 0.1.0');
  assert.equal(doc.ranking, 'count');
  assert.equal(doc.keywords[0].word, '發展');
  assert.equal(doc.keywords[0].occurrenceCount, 3);
  assert.equal(doc.keywords[0].occurrences, undefined);
});

test('fileName keeps a fixed base safe whatever it is given', () => {
  assert.equal(fileName('wenxi-keywords', 'csv'), 'wenxi-keywords.csv');
  assert.equal(fileName('../../etc/passwd', 'csv'), 'etc-passwd.csv');
  assert.equal(fileName('發展<script>', 'json'), 'script.json');
  assert.equal(fileName('長江', 'png'), 'wenxi.png');
  assert.equal(fileName('a b', 'p/n.g'), 'a-b.png');
});

// Log-likelihood, written out a second time from Rayson & Garside (2000), to check the view's.
function expectedG2(a, b, c, d) {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  return 2 * ((a ? a * Math.log(a / e1) : 0) + (b ? b * Math.log(b / e2) : 0));
}

test('log-likelihood and log ratio on known cases', () => {
  // 10 in 1,000 words against 100 in 1,000,000: E1 = 0.10989…, E2 = 109.89…
  assert.ok(Math.abs(logLikelihood(10, 100, 1000, 1e6) - 71.356) < 0.001, String(logLikelihood(10, 100, 1000, 1e6)));
  assert.ok(Math.abs(logLikelihood(10, 100, 1000, 1e6) - expectedG2(10, 100, 1000, 1e6)) < 1e-9);
  // Same relative frequency: no keyness at all.
  assert.ok(Math.abs(logLikelihood(5, 500, 100, 10000)) < 1e-9);
  assert.equal(logRatio(5, 500, 100, 10000), 0);
  // Ten times as frequent: log2(10); a zero count is taken as 0.5.
  assert.ok(Math.abs(logRatio(10, 100, 1000, 1e5) - Math.log2(10)) < 1e-12);
  assert.ok(Math.abs(logRatio(2, 0, 100, 1e6) - Math.log2((2 / 100) / (0.5 / 1e6))) < 1e-12);
  assert.equal(mark(3.84), '');
  assert.equal(mark(3.85), '*');
  assert.equal(mark(6.64), '**');
  assert.equal(mark(10.84), '***');
});

test('keyness() splits positive from negative by relative frequency', () => {
  const report = {
    stats: { words: 1000 },
    referenceTotal: 1e6,
    keywords: [keyword({ key: 'a', count: 10, reference: 100 }), keyword({ key: 'b', count: 1, reference: 50000 })],
  };
  const [a, b] = keyness(report);
  assert.equal(a.positive, true);
  assert.equal(b.positive, false);
  assert.ok(Math.abs(b.g2 - expectedG2(1, 50000, 1000, 1e6)) < 1e-9);
  assert.ok(b.logRatio < 0);
});

// Unit tests of www/lib/export.js's pure helpers and the outline's export records, in Node (no
// DOM needed; the keyness statistics are the report model's, tested in
// tests/package/model.test.mjs):  bash scripts/build.sh && node --test tests/browser/export.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOM, fileName, keywordsToCsv, keywordsToJson, neutralise, toCsv, toJson, toTsv } from '../../www/lib/export.js';
import { sectionColumns, sectionRecords } from '../../www/views/outline.js';

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

test('toJson: two-space indents, a final newline, no BOM, the same bytes for the same value', () => {
  const value = { b: 1, a: ['長江', "=cmd|' /C calc'!A0"], n: null };
  const json = toJson(value);
  assert.equal(json, '{\n  "b": 1,\n  "a": [\n    "長江",\n    "=cmd|\' /C calc\'!A0"\n  ],\n  "n": null\n}\n');
  assert.deepEqual(JSON.parse(json), value, 'JSON keeps text as it is: neutralising is for spreadsheets only');
  assert.equal(toJson(structuredClone(value)), json);
});

test('sectionRecords / sectionColumns: one row per section, own fields, word×count lists', () => {
  // Two sections: a preamble whose opening line looks like a formula, and 一、 under it.
  const report = {
    sections: [
      { title: "=cmd|' /C calc'!A0", level: 0, parent: null, heading: false, start: 0, end: 20, paragraphs: 1, sentences: 1, characters: 18, keywords: [{ word: 'cmd', count: 1 }] },
      { title: '一、發展', level: 1, parent: 0, heading: true, start: 20, end: 45, paragraphs: 2, sentences: 3, characters: 22, keywords: [{ word: '發展', count: 3 }, { word: '城市', count: 2 }] },
    ],
    keywords: [keyword({ sections: [[1, 3]] }), keyword({ word: 'cmd', key: 'cmd', count: 1, sections: [[0, 1]] })],
  };
  const records = sectionRecords(report);
  assert.equal(records.length, 2);
  assert.deepEqual(
    { ...records[1], distinctive: undefined },
    { index: 1, level: 1, parent: 0, heading: true, title: '一、發展', start: 20, end: 45, paragraphs: 2, sentences: 3, characters: 22, topWords: [{ word: '發展', count: 3 }, { word: '城市', count: 2 }], distinctive: undefined },
  );
  // Section 1 is all of 發展 and none of cmd; the preamble's subtree is the whole text.
  assert.deepEqual(records[1].distinctive.map((d) => [d.word, d.key, d.count]), [['發展', '发展', 3]]);
  assert.ok(records[1].distinctive[0].g2 > 0);
  const csv = toCsv(records, sectionColumns()).slice(1).split('\r\n');
  assert.equal(csv[0], 'index,level,parent,heading,title,start,end,paragraphs,sentences,characters,topWords,distinctive');
  assert.equal(csv[1].split(',').slice(0, 5).join(','), "0,0,,no,'=cmd|' /C calc'!A0");
  assert.equal(csv[2], '1,1,0,yes,一、發展,20,45,2,3,22,發展×3 城市×2,發展×3');
  // The view passes the reader's script for the words.
  assert.match(toCsv(records, sectionColumns((w) => (w === '發展' ? '发展' : w))), /发展×3 城市×2,发展×3/);
});

test('fileName keeps a fixed base safe whatever it is given', () => {
  assert.equal(fileName('wenxi-keywords', 'csv'), 'wenxi-keywords.csv');
  assert.equal(fileName('../../etc/passwd', 'csv'), 'etc-passwd.csv');
  assert.equal(fileName('發展<script>', 'json'), 'script.json');
  assert.equal(fileName('長江', 'png'), 'wenxi.png');
  assert.equal(fileName('a b', 'p/n.g'), 'a-b.png');
});

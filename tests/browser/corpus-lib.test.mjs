// The corpus mode's pure modules, in Node (no browser): the document list's operations
// (www/lib/corpus.js), splitting a text into documents, the session format (www/lib/session.js)
// and reading files and zips (www/lib/corpus-files.js, with fflate from node_modules).
//   Run: node --test tests/browser/corpus-lib.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import {
  addDocuments,
  charCount,
  emptyCorpus,
  moveDocument,
  removeDocument,
  renameDocument,
  splitByHeadings,
  splitBySeparator,
  uniqueName,
} from '../../www/lib/corpus.js';
import { readSession, sessionJson, sessionOf, SessionError } from '../../www/lib/session.js';
import { readCorpusFiles, MAX_BATCH_BYTES } from '../../www/lib/corpus-files.js';

const names = (corpus) => corpus.documents.map((d) => d.name);

test('documents are added in order, named, and duplicate names get a suffix', () => {
  const { corpus, added, refused } = addDocuments(emptyCorpus(), [
    { name: 'a.txt', text: '一' },
    { name: 'a.txt', text: '二' },
    { name: '', text: '三' },
    { name: 'a.txt', text: '四' },
    { name: 'blank.txt', text: ' \n ' },
  ]);
  assert.deepEqual(names(corpus), ['a.txt', 'a.txt (2)', '文档 3', 'a.txt (3)']);
  assert.equal(added.length, 4);
  assert.deepEqual(refused, [{ name: 'blank.txt', reason: 'empty' }]);
  assert.deepEqual(corpus.documents.map((d) => d.id), [1, 2, 3, 4]);
  // Ids are not reused after a removal.
  const next = addDocuments(removeDocument(corpus, 4), [{ name: 'x', text: '五' }]).corpus;
  assert.deepEqual(next.documents.map((d) => d.id), [1, 2, 3, 5]);
});

test('limits: a document over maxChars and documents past the corpus total are refused, not added', () => {
  const { corpus, refused } = addDocuments(emptyCorpus(), [
    { name: 'big', text: 'x'.repeat(11) },
    { name: 'a', text: 'x'.repeat(6) },
    { name: 'b', text: 'x'.repeat(6) },
  ], { maxChars: 10, maxTotal: 10 });
  assert.deepEqual(names(corpus), ['a']);
  assert.deepEqual(refused, [{ name: 'big', reason: 'tooLarge' }, { name: 'b', reason: 'corpusFull' }]);
});

test('rename, move and remove return a new corpus and keep names unique', () => {
  const start = addDocuments(emptyCorpus(), ['甲', '乙', '丙'].map((name) => ({ name, text: name }))).corpus;
  const renamed = renameDocument(start, 1, '  乙 ');
  assert.deepEqual(names(renamed), ['乙 (2)', '乙', '丙']);
  assert.deepEqual(names(start), ['甲', '乙', '丙'], 'the old corpus is left alone');
  assert.equal(renameDocument(start, 1, '   '), start, 'a blank name keeps the old one');
  assert.deepEqual(names(moveDocument(start, 1, 1)), ['乙', '甲', '丙']);
  assert.deepEqual(names(moveDocument(start, 3, -1)), ['甲', '丙', '乙']);
  assert.equal(moveDocument(start, 1, -1), start, 'the first cannot move up');
  assert.equal(moveDocument(start, 3, 1), start, 'the last cannot move down');
  assert.deepEqual(names(removeDocument(start, 2)), ['甲', '丙']);
  assert.equal(uniqueName('x', new Set(['x', 'x (2)'])), 'x (3)');
});

test('splitting by 第X回 headings: one document per heading, named by it, text before kept', () => {
  const text = '序言一段。\n第一回　灵根育孕源流出\n石猴出世。\n第二回 悟彻菩提真妙理\n拜师学艺。\n第十回\n龙王。\n';
  const docs = splitByHeadings(text);
  assert.deepEqual(docs.map((d) => d.name), ['', '第一回　灵根育孕源流出', '第二回 悟彻菩提真妙理', '第十回']);
  assert.equal(docs.map((d) => d.text).join(''), text, 'the documents tile the text');
  assert.ok(docs[1].text.startsWith('第一回'));
});

test('splitting by headings takes the top level: 卷 over 章; Markdown # over both; none gives []', () => {
  const volumes = '第一卷 春\n第一章 甲\n文。\n第二章 乙\n文。\n第二卷 夏\n第三章 丙\n文。\n';
  assert.deepEqual(splitByHeadings(volumes).map((d) => d.name), ['第一卷 春', '第二卷 夏']);
  const md = '# 北京\n## 第一章 经济\n文。\n# 上海\n文。\n';
  assert.deepEqual(splitByHeadings(md).map((d) => d.name), ['北京', '上海']);
  assert.deepEqual(splitByHeadings('没有标题的文本。\n## 二级标题\n'), []);
  // A long line that starts with 第一章 is running text, not a heading.
  assert.deepEqual(splitByHeadings(`第一章${'很长的句子'.repeat(20)}\n`), []);
});

test('splitting by a separator line drops the separators and blank pieces', () => {
  const text = '甲文。\r\n---\r\n乙文。\n  ---  \n\n---\n丙文。';
  const docs = splitBySeparator(text, '---');
  assert.deepEqual(docs.map((d) => d.text.trim()), ['甲文。', '乙文。', '丙文。']);
  assert.deepEqual(splitBySeparator(text, '==='), []);
  assert.deepEqual(splitBySeparator(text, '  '), []);
  // A separator only matches a whole line: 甲---乙 is not cut.
  assert.deepEqual(splitBySeparator('甲---乙\n---\n丙', '---').map((d) => d.text.trim()), ['甲---乙', '丙']);
});

test('characters are counted as code points', () => {
  assert.equal(charCount('𦡦字'), 2);
});

test('a session round-trips documents, options and words; bad files are refused with a kind', () => {
  const corpus = addDocuments(emptyCorpus(), [{ name: '甲', text: '一\n' }, { name: '乙', text: '二' }]).corpus;
  const session = sessionOf(corpus, { topN: 7, hmm: false }, { added: ['高质量发展'], removed: ['发展'] }, new Date(0));
  const back = readSession(sessionJson(session));
  assert.deepEqual(back.documents, [{ name: '甲', text: '一\n' }, { name: '乙', text: '二' }]);
  assert.deepEqual(back.options, { topN: 7, hmm: false });
  assert.deepEqual(back.words, { added: ['高质量发展'], removed: ['发展'] });
  assert.equal(back.saved, '1970-01-01T00:00:00.000Z');

  const kind = (input) => {
    try {
      readSession(input);
    } catch (error) {
      assert.ok(error instanceof SessionError);
      return error.kind;
    }
    return null;
  };
  assert.equal(kind('not json {'), 'notJson');
  assert.equal(kind('{"a": 1}'), 'notSession');
  assert.equal(kind('[1,2]'), 'notSession');
  assert.equal(kind(JSON.stringify({ ...session, version: 2 })), 'newer');
  assert.equal(kind(JSON.stringify({ ...session, documents: [{ name: 1, text: 'x' }] })), 'invalid');
  assert.equal(kind(JSON.stringify({ ...session, words: { added: [3] } })), 'invalid');
  assert.equal(kind(session), null, 'the object itself (as kept in IndexedDB) reads too');
});

const file = (name, bytes, type = '') => new File([bytes], name, { type });
const unzip = () => import('fflate');

test('files and a zip are read into documents; binary, unsupported and junk entries are skipped', async () => {
  const zip = zipSync({
    'reports/北京.txt': strToU8('北京的报告。'),
    'reports/上海.md': strToU8('# 上海\n上海的报告。'),
    'reports/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    '__MACOSX/reports/._北京.txt': new Uint8Array([0, 1, 2]),
    'reports/': new Uint8Array(0),
  });
  const { documents, skipped } = await readCorpusFiles(
    [file('a.txt', strToU8('甲文。')), file('corpus.zip', zip, 'application/zip'), file('photo.jpg', new Uint8Array([1, 2])), file('fake.txt', new Uint8Array([65, 0, 66]))],
    { maxChars: 1000, loadUnzip: unzip },
  );
  assert.deepEqual(documents.map((d) => [d.name, d.text]), [['a.txt', '甲文。'], ['reports/北京.txt', '北京的报告。'], ['reports/上海.md', '# 上海\n上海的报告。']]);
  assert.deepEqual(skipped.map((s) => [s.name, s.reason]), [['corpus.zip/reports/logo.png', 'unsupported'], ['photo.jpg', 'unsupported'], ['fake.txt', 'binary']]);
});

test('a zip bomb is refused whole from its declared sizes; a document over the limit is skipped', async () => {
  // 70 MiB of one byte compresses to ~70 KB: more than MAX_BATCH_BYTES unpacked.
  const bomb = zipSync({ 'a.txt': new Uint8Array(MAX_BATCH_BYTES / 2 + 1).fill(65), 'b.txt': new Uint8Array(MAX_BATCH_BYTES / 2 + 1).fill(66) }, { level: 9 });
  assert.ok(bomb.length < 1024 * 1024);
  const out = await readCorpusFiles([file('bomb.zip', bomb)], { maxChars: 64 * 1024 * 1024, loadUnzip: unzip });
  assert.deepEqual(out.documents, []);
  assert.deepEqual(out.skipped.map((s) => s.reason), ['zipTooLarge']);

  const small = await readCorpusFiles([file('z.zip', zipSync({ 'long.txt': strToU8('长'.repeat(50)) })), file('long.txt', strToU8('长'.repeat(50)))], { maxChars: 10, loadUnzip: unzip });
  assert.deepEqual(small.skipped.map((s) => [s.name, s.reason]), [['z.zip/long.txt', 'tooLarge'], ['long.txt', 'tooLarge']]);

  const bad = await readCorpusFiles([file('bad.zip', strToU8('not a zip'))], { maxChars: 10, loadUnzip: unzip });
  assert.deepEqual(bad.skipped.map((s) => s.reason), ['badZip']);
});

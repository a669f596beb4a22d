// The documented Node example (examples/node-analyze.mjs) runs against the built package,
// imported by its name as a user would after `npm install wenxi`; and node.js's worker API.
//
//   bash scripts/build.sh && node --test tests/package/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PKG, REPO, assertPackaged } from './helpers.mjs';

let dir;

before(() => {
  assertPackaged();
  // A project with the package installed: node_modules/wenxi → pkg/.
  dir = mkdtempSync(join(tmpdir(), 'wenxi-node-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(PKG, join(dir, 'node_modules', 'wenxi'), 'dir');
  copyFileSync(`${REPO}examples/node-analyze.mjs`, join(dir, 'node-analyze.mjs'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

const run = (args) => execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });

test('the Node example prints script, sections and top keywords per file', () => {
  const out = run(['node-analyze.mjs', `${REPO}tests/fixtures/report-headings-simp.txt`, `${REPO}tests/fixtures/news-trad-annotated.txt`]);
  const [simp, trad] = out.split(/^# /m).filter(Boolean);
  // The expected words are the golden reports' first keywords (tests/golden/*.golden).
  assert.match(simp, /^script: simplified$/m);
  assert.match(simp, /^sections: 8$/m);
  assert.match(simp, /^ {4}（一）数字基础设施建设$/m, 'a level-2 heading indented under its parent');
  assert.match(simp, /^ {2}1\. 数字化 4$/m);
  assert.equal((simp.match(/^ {2}\d+\. /gm) ?? []).length, 10, 'top 10 keywords');
  assert.match(trad, /^script: traditional$/m);
  assert.match(trad, /^ {2}1\. 會議 9$/m);
});

test('the example explains itself when given no file', () => {
  assert.throws(() => run(['node-analyze.mjs']), (error) => error.status === 2 && /usage:/.test(error.stderr));
});

test('node.js: createAnalyzer runs in a worker thread, aborts, keeps words, lets the process exit', () => {
  writeFileSync(
    join(dir, 'worker.mjs'),
    `import { createAnalyzer, version } from 'wenxi';
const wenxi = await createAnalyzer();
const text = '推动长江经济带发展，推动绿色发展，推动改革。';
const stages = [];
const report = await wenxi.analyze(text, { topN: 3 }, { onProgress: (p) => stages.push(p.stage) });
const controller = new AbortController();
const long = wenxi.analyze(text.repeat(100000), {}, { signal: controller.signal });
setTimeout(() => controller.abort(), 50);
const aborted = await long.then(() => 'finished', (e) => e.name);
await wenxi.addWords(['长江经济带发展']);
const after = await wenxi.analyze(text, { topN: 5 });
const error = await wenxi.analyze(text, { topN: 'ten' }).catch((e) => e.kind);
const pairs = await wenxi.tokenize(text);
const words = [];
for (let i = 0; i < pairs.length; i += 2) words.push(text.slice(pairs[i], pairs[i + 1]));
console.log(JSON.stringify({ top: report.keywords[0].word, last: stages.at(-1), aborted,
  after: after.keywords.map((k) => k.word), error, version: wenxi.version() === version(),
  typed: pairs instanceof Uint32Array, words: words.slice(0, 3) }));
`,
  );
  // No terminate() in the script: an idle analyzer must not keep the process alive.
  const result = JSON.parse(run(['worker.mjs']));
  assert.deepEqual(result, {
    top: '推动',
    last: 'done',
    aborted: 'AbortError',
    after: result.after,
    error: 'invalid_options',
    version: true,
    typed: true,
    words: ['推动', '长江经济带发展', '，'],
  });
  assert.ok(result.after.includes('长江经济带发展'), 'the word added after the abort is in the fresh worker');
});

test('traditional script: the worker API loads the phrase table itself, also into a fresh worker; the sync Analyzer asks for it', () => {
  writeFileSync(
    join(dir, 'traditional.mjs'),
    `import { createAnalyzer } from 'wenxi';
const wenxi = await createAnalyzer();
const first = await wenxi.convert('头发和发展', 'traditional');
// An aborted analysis ends the worker: the next one gets the table again before converting.
const controller = new AbortController();
const long = wenxi.analyze('推动发展。'.repeat(400000), {}, { signal: controller.signal });
setTimeout(() => controller.abort(), 50);
await long.catch(() => {});
const again = await wenxi.convert('理发', 'traditional');
const back = await wenxi.convert('頭髮', 'simplified');
console.log(JSON.stringify({ first, again, back }));
`,
  );
  writeFileSync(
    join(dir, 'traditional-sync.mjs'),
    `import { Analyzer, traditionalPhrases } from 'wenxi';
const sync = new Analyzer();
const refused = (() => { try { sync.convert('头发', 'traditional'); return 'converted'; } catch (e) { return e.kind; } })();
const had = sync.hasTraditionalPhrases();
sync.loadTraditionalPhrases(await traditionalPhrases());
console.log(JSON.stringify({ refused, had, has: sync.hasTraditionalPhrases(), converted: sync.convert('头发和发展', 'traditional') }));
`,
  );
  const worker = JSON.parse(run(['traditional.mjs']));
  assert.deepEqual(worker, { first: '頭髮和發展', again: '理髮', back: '头发' });
  const sync = JSON.parse(run(['traditional-sync.mjs']));
  assert.deepEqual(sync, { refused: 'invalid_request', had: false, has: true, converted: '頭髮和發展' });
});

test('vocabulary profile: the worker API loads the HSK lists itself, also into a fresh worker; the sync Analyzer asks for them; both answer alike', () => {
  const TEXT = '我們學習漢語。李明有3個蘋果。我们学习汉语很认真。';
  writeFileSync(
    join(dir, 'levels.mjs'),
    `import { createAnalyzer } from 'wenxi';
const wenxi = await createAnalyzer();
await wenxi.analyze(${JSON.stringify(TEXT)});
const first = await wenxi.levels({ known: ['學習'], level: 1 });
// An aborted analysis ends the worker: the fresh one is sent the lists again.
const controller = new AbortController();
const long = wenxi.analyze('推动发展。'.repeat(400000), {}, { signal: controller.signal });
setTimeout(() => controller.abort(), 50);
await long.catch(() => {});
await wenxi.analyze(${JSON.stringify(TEXT)});
const again = await wenxi.levels({ known: ['學習'], level: 1 });
const bad = await wenxi.levels({ level: 9 }).then(() => 'answered', (e) => e.kind);
const marks = await wenxi.levelMarks({ known: ['學習'], level: 1 });
wenxi.terminate();
console.log(JSON.stringify({ first, again, bad, spansType: marks.spans.constructor.name, marks: { spans: [...marks.spans], bands: marks.bands } }));
`,
  );
  writeFileSync(
    join(dir, 'levels-sync.mjs'),
    `import { Analyzer, hskLevels } from 'wenxi';
const sync = new Analyzer();
sync.analyze(${JSON.stringify(TEXT)});
const refused = (() => { try { sync.levels({}); return 'answered'; } catch (e) { return e.kind; } })();
const had = sync.hasLevels();
sync.loadLevels(await hskLevels());
const profile = sync.levels({ known: ['學習'], level: 1 });
const marks = sync.levelMarks({ known: ['學習'], level: 1 });
console.log(JSON.stringify({ refused, had, has: sync.hasLevels(), profile, marks: { spans: [...marks.spans], bands: marks.bands } }));
`,
  );
  const worker = JSON.parse(run(['levels.mjs']));
  const sync = JSON.parse(run(['levels-sync.mjs']));
  assert.equal(sync.refused, 'invalid_request', 'the sync Analyzer needs the lists handed over');
  assert.deepEqual([sync.had, sync.has], [false, true]);
  assert.deepEqual(worker.first, sync.profile, 'the worker and the sync Analyzer answer alike');
  assert.deepEqual(worker.again, worker.first, 'a fresh worker has the lists again');
  assert.equal(worker.bad, 'invalid_query');
  const p = sync.profile;
  // 我们 ×2, 学习 ×2, 汉语 ×2, 有, 个, 苹果, 很, 认真: all listed; 李明 a name, 3 a number.
  assert.equal(p.levels.reduce((n, row) => n + row.tokens, 0), p.graded.tokens, 'the levels add up');
  assert.deepEqual([p.apart.names.tokens, p.apart.numbers.tokens], [1, 1]);
  assert.ok(p.unknown.every((u) => u.key !== '学习' && u.level !== 1), 'known: 學習 (as 学习) and level 1');
  assert.equal(p.coverage.known.tokens + p.unknown.reduce((n, u) => n + u.count, 0), p.graded.tokens);
  // The marks: a Uint32Array of (start, end, level | known) per graded running word, alike from
  // the worker (transferred) and the sync Analyzer, in step with the profile.
  assert.equal(worker.spansType, 'Uint32Array');
  assert.deepEqual(worker.marks, sync.marks, 'the worker and the sync Analyzer place the words alike');
  const spans = sync.marks.spans;
  assert.equal(spans.length / 3, p.graded.tokens, 'one place per graded running word');
  const placed = [];
  for (let i = 0; i < spans.length; i += 3) placed.push([TEXT.slice(spans[i], spans[i + 1]), spans[i + 2]]);
  assert.deepEqual(placed.slice(0, 3), [['我們', 1 | 16], ['學習', 1 | 16], ['漢語', 1 | 16]], 'in the text as written, level 1, known');
  const unknownPlaces = placed.filter(([, code]) => !(code & 16)).length;
  assert.equal(unknownPlaces, p.unknown.reduce((n, u) => n + u.count, 0), 'the unknown places are the unknown words’ counts');
  assert.deepEqual(sync.marks.bands.map((b) => b.level), [1, 2, 3, 4, 5, 6, 7, null]);
  assert.ok(sync.marks.bands[0].keys.includes('学习'), 'bands hold the keys the report counts by');
});

// Corpus mode in the package: `WorkerAnalyzer.analyzeCorpus` (documents summarised one at a
// time in the worker, in one worker or several, then the report from the summaries), the
// protocol's `summarize` and `corpusReport`, and the same report as the synchronous
// `Analyzer.corpusReport` and as `wenxi corpus` on the same files (the command line is
// target/release/wenxi or target/debug/wenxi, whichever is newer, or $WENXI_BIN; that
// comparison is skipped, saying so, when there is none: `cargo build` makes it).
//
//   bash scripts/build.sh && cargo build && node --test tests/package/corpus.test.mjs

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PKG, REPO, assertPackaged } from './helpers.mjs';

before(() => assertPackaged());

/** Three small documents, each with words of its own. */
const DOCUMENTS = [
  { name: 'a.txt', text: '推动长江经济带发展，保护长江生态环境。长江经济带是重要战略，长江保护要加强。' },
  { name: 'b.txt', text: '深化改革开放，推动改革创新。改革是发展的动力，坚持全面深化改革。' },
  { name: 'c.txt', text: '加强教育投入，发展职业教育，办好人民满意的教育。建设教育强国。' },
];
const OPTIONS = { terms: 5, topN: 10, compare: [[0], [1, 2]], reference: { name: 'freq.tsv', list: '发展\t40\n改革\t5\n' } };

/** The command line, newest build first, or null. */
function wenxiBinary() {
  if (process.env.WENXI_BIN) return process.env.WENXI_BIN;
  const built = ['release', 'debug'].map((p) => `${REPO}target/${p}/wenxi`).filter((f) => existsSync(f));
  built.sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs);
  return built[0] ?? null;
}

/** A worker handle (the shape WorkerAnalyzer drives) on the package's worker thread, that
 * records the most documents (`summarize`, `keepDocument`, `exportDocument`) it ever held at
 * once. */
function countingSpawn(peaks) {
  return () => {
    const worker = new Worker(new URL(`file://${PKG}node.js`), { workerData: { wenxiWorker: true } });
    const held = new Set();
    const peak = { most: 0 };
    peaks.push(peak);
    return {
      post: (message) => {
        if (['summarize', 'keepDocument', 'exportDocument'].includes(message.type)) held.add(message.id);
        peak.most = Math.max(peak.most, held.size);
        worker.postMessage(message);
      },
      terminate: () => void worker.terminate(),
      onMessage: (handler) =>
        worker.on('message', (data) => {
          if (data?.type === 'result' || data?.type === 'error') held.delete(data.id);
          handler(data);
        }),
      onError: (handler) => worker.on('error', (error) => handler(error.message)),
    };
  };
}

test('analyzeCorpus: documents with their distinctive terms, as the sync Analyzer and `wenxi corpus` make them, for 1 or 2 workers', { timeout: 120_000 }, async (t) => {
  const { createAnalyzer, Analyzer } = await import(`${PKG}node.js`);
  const wenxi = await createAnalyzer();
  try {
    const progress = [];
    const report = await wenxi.analyzeCorpus(DOCUMENTS, OPTIONS, { onProgress: (p) => progress.push(p) });
    assert.deepEqual(report.documents.map((d) => d.name), ['a.txt', 'b.txt', 'c.txt']);
    assert.deepEqual(report.documents.map((d) => d.distinctive[0]?.word), ['长江', '改革', '教育']);
    assert.ok(report.documents.every((d) => d.distinctive.length <= 5 && d.tfidf.length > 0));
    assert.deepEqual(report.comparison.a, [0]);
    assert.equal(report.reference.name, 'freq.tsv');
    assert.deepEqual(progress, DOCUMENTS.map((d, i) => ({ document: i, of: 3, name: d.name, done: i + 1 })));

    const twice = await wenxi.analyzeCorpus(DOCUMENTS, OPTIONS, { workers: 2 });
    assert.deepEqual(twice, report, 'two workers give the report one does');

    const sync = new Analyzer();
    const summaries = DOCUMENTS.map((d) => sync.summarize(d.name, d.text));
    assert.deepEqual(sync.corpusReport(summaries, OPTIONS), report);
    assert.deepEqual(await wenxi.corpusReport(summaries, OPTIONS), report);
    assert.deepEqual(sync.compareGroups(summaries, [0], [1, 2], 5), report.comparison);

    const bin = wenxiBinary();
    if (!bin) {
      t.diagnostic('no target/*/wenxi: `cargo build` to compare with the command line');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'wenxi-corpus-'));
    try {
      for (const d of DOCUMENTS) writeFileSync(join(dir, d.name), d.text);
      writeFileSync(join(dir, 'freq.tsv'), OPTIONS.reference.list);
      const args = ['corpus', '--terms', '5', '--top', '10', '--compare', '0:1,2', '--reference-list', 'freq.tsv', ...DOCUMENTS.map((d) => d.name)];
      const cli = JSON.parse(execFileSync(bin, args, { cwd: dir, encoding: 'utf8' }));
      assert.deepEqual(report, cli, `${bin} ${args.join(' ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    wenxi.terminate();
  }
});

test('analyzeCorpus: one text in a worker at a time; an abort mid-corpus rejects with AbortError and a later call still works', { timeout: 120_000 }, async () => {
  const { WorkerAnalyzer } = await import(`${PKG}node.js`);
  const peaks = [];
  const wenxi = new WorkerAnalyzer(countingSpawn(peaks), null);
  try {
    await wenxi.addWords(['长江保护']);
    const whole = await wenxi.analyzeCorpus(DOCUMENTS, {}, { workers: 2 });
    assert.equal(peaks.length, 2, 'this analyzer’s worker and one more');
    assert.ok(peaks.every((p) => p.most === 1), 'never two texts in one worker');
    assert.ok(whole.documents[0].distinctive.some((k) => k.word === '长江保护'), 'the helper worker has the added word');

    const controller = new AbortController();
    const seen = [];
    const aborted = wenxi.analyzeCorpus(DOCUMENTS, {}, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.document);
        if (p.document === 0) controller.abort();
      },
    });
    await assert.rejects(aborted, { name: 'AbortError' });
    assert.deepEqual(seen, [0], 'nothing after the abort');

    const again = await wenxi.analyzeCorpus(DOCUMENTS);
    assert.deepEqual(again, whole, 'the fresh worker has the added word too');
    await assert.rejects(wenxi.concordance({ query: '长江' }), { kind: 'not_analyzed' });
    await assert.rejects(wenxi.analyzeCorpus(DOCUMENTS, {}, { workers: 0 }), { kind: 'invalid_options' });
    await assert.rejects(wenxi.analyzeCorpus([{ name: 7, text: '文本' }]), { kind: 'invalid_request' });
    await assert.rejects(wenxi.analyzeCorpus(DOCUMENTS, { reference: { list: '发展 3' } }), { kind: 'invalid_frequency_list' });
    const empty = await wenxi.analyzeCorpus([]);
    assert.deepEqual(empty.documents, []);
  } finally {
    wenxi.terminate();
  }
});

test('analyzeCorpus with keep: the corpus queries, comparisons and references read the kept corpus, as the sync Analyzer\'s, for 1 or 2 workers', { timeout: 120_000 }, async () => {
  const { createAnalyzer, Analyzer } = await import(`${PKG}node.js`);
  const sync = new Analyzer();
  DOCUMENTS.forEach((d, i) => sync.keepDocument(i, d.name, d.text, {}, true));
  const concordance = { query: '发展', by: 'word' };
  const collocates = { word: '长江', minCount: 1 };
  const ngrams = { minCount: 2 };
  const expected = {
    concordance: sync.corpusConcordance(concordance),
    collocates: sync.corpusCollocates(collocates),
    ngrams: sync.corpusNgrams(ngrams),
    comparison: sync.compareGroups(null, [0], [1, 2], 5),
    dictionary: sync.corpusReport(null, { reference: { dictionary: true } }).reference,
  };
  // The concordance's totals are the documents' naive counts; its offsets are each document's.
  assert.deepEqual(expected.concordance.perDocument, DOCUMENTS.map((d) => d.text.split('发展').length - 1));
  for (const line of expected.concordance.lines) {
    assert.equal(DOCUMENTS[line.document].text.slice(line.start, line.end), '发展');
  }
  assert.equal(expected.collocates.frequency, 4);
  assert.equal(expected.dictionary.name, 'jieba dictionary');
  const wenxi = await createAnalyzer();
  try {
    for (const workers of [1, 2]) {
      await wenxi.analyzeCorpus(DOCUMENTS, {}, { workers, keep: true });
      const got = {
        concordance: await wenxi.corpusConcordance(concordance),
        collocates: await wenxi.corpusCollocates(collocates),
        ngrams: await wenxi.corpusNgrams(ngrams),
        comparison: await wenxi.compareGroups([0], [1, 2], { terms: 5 }),
        dictionary: (await wenxi.corpusReport(null, { reference: { dictionary: true } })).reference,
      };
      assert.deepEqual(got, expected, `${workers} worker(s)`);
      // One text analysed in between does not forget the corpus.
      await wenxi.analyze('另一段文本。');
      assert.deepEqual(await wenxi.corpusNgrams(ngrams), expected.ngrams);
    }
    // Without keep, the summaries are kept (comparisons work) but not the texts.
    await wenxi.analyzeCorpus(DOCUMENTS, {}, { workers: 2 });
    assert.deepEqual(await wenxi.compareGroups([0], [1, 2], { terms: 5 }), expected.comparison);
    await assert.rejects(wenxi.corpusConcordance(concordance), { kind: 'not_analyzed' });
    // An aborted corpus query rejects at once and leaves the corpus in place.
    await wenxi.analyzeCorpus(DOCUMENTS, {}, { keep: true });
    const controller = new AbortController();
    const asked = wenxi.corpusConcordance(concordance, { signal: controller.signal });
    controller.abort();
    await assert.rejects(asked, { name: 'AbortError' });
    assert.deepEqual(await wenxi.corpusConcordance(concordance), expected.concordance);
    await assert.rejects(wenxi.compareGroups([0], [7]), { kind: 'invalid_query' });
  } finally {
    wenxi.terminate();
  }
});

test('the protocol: summarize and corpusReport, with typed refusals', { timeout: 60_000 }, async () => {
  const { ERROR_KINDS } = await import(`${PKG}node.js`);
  assert.ok(ERROR_KINDS.includes('invalid_summary') && ERROR_KINDS.includes('invalid_frequency_list'));
  const worker = new Worker(new URL(`file://${PKG}node.js`), { workerData: { wenxiWorker: true } });
  const answers = new Map();
  const waiting = new Map();
  worker.on('message', (m) => {
    if (m.type !== 'result' && m.type !== 'error') return;
    answers.set(m.id, m);
    waiting.get(m.id)?.(m);
  });
  const ask = (message) =>
    new Promise((resolve) => {
      waiting.set(message.id, resolve);
      worker.postMessage(message);
    });
  try {
    worker.postMessage({ type: 'init' });
    const summary = (await ask({ type: 'summarize', id: 1, name: 'a.txt', text: DOCUMENTS[0].text, options: {} })).value;
    assert.equal(summary.name, 'a.txt');
    assert.equal(summary.stats.words, summary.terms.reduce((n, t) => n + t.count, 0));
    assert.ok(!('text' in summary));
    const report = (await ask({ type: 'corpusReport', id: 2, summaries: [summary], options: { terms: 3 } })).value;
    assert.deepEqual(report.documents[0].distinctive, [], 'a corpus of one has nothing to set it apart from');
    const kinds = {};
    for (const [id, message] of [
      [3, { type: 'corpusReport', summaries: [{ ...summary, version: '0.0.0' }] }],
      [4, { type: 'corpusReport', summaries: 'none' }],
      [5, { type: 'corpusReport', summaries: [summary], options: { reference: { list: '发展' } } }],
      [6, { type: 'corpusReport', summaries: [summary], options: { compare: [[0], [3]] } }],
      [7, { type: 'summarize', name: null, text: '文本' }],
      [8, { type: 'corpusReport', summaries: [summary], options: { refrence: {} } }],
    ]) kinds[id] = (await ask({ ...message, id })).kind;
    assert.deepEqual(kinds, { 3: 'invalid_summary', 4: 'invalid_request', 5: 'invalid_frequency_list', 6: 'invalid_query', 7: 'invalid_request', 8: 'invalid_options' });
    assert.match(answers.get(3).message, /^invalid document summary: summaries\[0\]: made by Wenxi 0\.0\.0/);
  } finally {
    await worker.terminate();
  }
});

// The worker protocol (js/protocol.js) as the Rust loop (`serve`, src/wasm/worker.rs) answers
// it, spoken raw to the package's worker thread in Node (node.js on its parentPort, the same
// loop as the browser's worker.js), and through the client's resetWords and 'timings'.
//
//   bash scripts/build.sh && node --test tests/package/protocol.test.mjs

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { PKG, assertPackaged } from './helpers.mjs';

before(() => assertPackaged());

/** The package's worker thread, with every message it sends kept in order. */
function rawWorker() {
  const worker = new Worker(new URL(`file://${PKG}node.js`), { workerData: { wenxiWorker: true } });
  const messages = [];
  const waiters = [];
  worker.on('message', (data) => {
    messages.push(data);
    for (const w of waiters.splice(0)) w();
  });
  /** The first message after `from` (an index into `messages`) that `pick` accepts. */
  const next = async (pick, from = 0) => {
    for (;;) {
      const found = messages.slice(from).find(pick);
      if (found) return found;
      await new Promise((resolve) => waiters.push(resolve));
    }
  };
  return { worker, messages, next, answer: (id) => next((m) => m.id === id && (m.type === 'result' || m.type === 'error')) };
}

test('the Rust loop: ready on every init, answers in order, typed errors, packed occurrences', { timeout: 60_000 }, async () => {
  const { worker, messages, next, answer } = rawWorker();
  try {
    worker.postMessage({ type: 'init' });
    const ready = await next((m) => m.type === 'ready');
    assert.equal(typeof ready.version, 'string');
    assert.equal(ready.maxInputLength, 16 * 1024 * 1024);

    const text = '推动长江经济带发展，推动绿色发展。'.repeat(3);
    worker.postMessage({ type: 'analyze', id: 1, text, options: { topN: 2 } });
    worker.postMessage({ type: 'frobnicate', id: 2 });
    worker.postMessage({ type: 'analyze', id: 3, text: 42 });
    worker.postMessage({ type: 'addWords', id: 4, words: 'not a list' });
    worker.postMessage({ type: 'addWords', id: 5, words: ['有 空格'] });
    worker.postMessage({ type: 'analyze', id: 6, text, options: { topn: 2 } });
    worker.postMessage({ type: 'warmUp', id: 69 });
    worker.postMessage({ type: 'loadTraditionalPhrases', id: 70, text: '头发\t頭髮\n' });
    worker.postMessage({ type: 'convert', id: 7, text: '头发发展', to: 'traditional' });
    worker.postMessage({ type: 'convert', id: 8, text: '发展', to: 'klingon' });
    worker.postMessage({ type: 'init' });

    const result = await answer(1);
    assert.equal(result.type, 'result');
    const top = result.value.keywords[0];
    assert.equal(top.word, '发展', '6 each of 发展 and 推动: ties go by code point');
    assert.ok(top.occurrencesPacked instanceof Uint32Array);
    assert.deepEqual([...top.occurrencesPacked].slice(0, 4), [7, 9, 14, 16]);
    assert.deepEqual(top.occurrences, [], 'left empty in place, so the field order stays');
    assert.ok(top.sectionsPacked instanceof Uint32Array);
    assert.deepEqual([...top.sectionsPacked], [0, 6], 'one section, 6 occurrences');
    assert.deepEqual(top.sections, [], 'left empty in place too');
    assert.deepEqual(Object.keys(top).slice(0, 9), ['word', 'key', 'count', 'share', 'weight', 'textrank', 'pos', 'first', 'occurrences']);
    assert.ok(result.ms >= 0);
    assert.deepEqual(Object.keys(result.timings).sort(), ['cleaning', 'keywords', 'script', 'sections', 'segmenting'].sort());
    const progress = messages.filter((m) => m.type === 'progress' && m.id === 1);
    assert.ok(progress.length >= 1);
    assert.equal(progress.at(-1).fraction, 1);
    assert.equal(progress.at(-1).stage, 'done');
    assert.ok(progress.every((p) => p.ms >= 0));

    const kinds = {};
    for (const id of [2, 3, 4, 5, 6, 8]) kinds[id] = (await answer(id)).kind;
    assert.deepEqual(kinds, {
      2: 'invalid_request',
      3: 'invalid_request',
      4: 'invalid_request',
      5: 'invalid_word',
      6: 'invalid_options',
      8: 'invalid_options',
    });
    assert.match((await answer(2)).message, /unknown request type "frobnicate"/);
    assert.equal((await answer(7)).value, '頭髮發展', 'the phrases sent, with the characters built in');
    // Answered in the order asked, and the second init got its own 'ready'.
    const order = messages.filter((m) => m.type === 'result' || m.type === 'error').map((m) => m.id);
    assert.deepEqual(order, [1, 2, 3, 4, 5, 6, 69, 70, 7, 8]);
    assert.equal((await answer(69)).value, null, 'warmUp answers null');
    assert.equal(messages.filter((m) => m.type === 'ready').length, 2);
  } finally {
    await worker.terminate();
  }
});

test('a text over the limit is refused with the one message, and the worker goes on', { timeout: 60_000 }, async () => {
  const { worker, next, answer } = rawWorker();
  try {
    worker.postMessage({ type: 'init' });
    const { maxInputLength } = await next((m) => m.type === 'ready');
    worker.postMessage({ type: 'analyze', id: 1, text: 'a'.repeat(maxInputLength + 1) });
    worker.postMessage({ type: 'tokenize', id: 2, text: '长江经济带' });
    const refused = await answer(1);
    assert.equal(refused.kind, 'input_too_large');
    assert.equal(refused.message, `the text is ${maxInputLength + 1} UTF-16 code units long; Wenxi analyses at most ${maxInputLength}`);
    const tokens = await answer(2);
    assert.ok(tokens.value instanceof Uint32Array);
    assert.deepEqual([...tokens.value], [0, 2, 2, 5], "长江 | 经济带");
  } finally {
    await worker.terminate();
  }
});

test('the client: resetWords forgets custom words, timings follow each analysis', { timeout: 60_000 }, async () => {
  const { createAnalyzer } = await import(`${PKG}node.js`);
  const wenxi = await createAnalyzer();
  try {
    const text = '我们推动长江经济带发展。长江经济带发展很重要。';
    const timings = [];
    wenxi.addEventListener('timings', (event) => timings.push(event.detail));
    await wenxi.addWords(['长江经济带发展']);
    const joined = await wenxi.analyze(text);
    assert.ok(joined.keywords.some((k) => k.word === '长江经济带发展'));
    assert.equal(await wenxi.resetWords(), null);
    const plain = await wenxi.analyze(text);
    assert.ok(!plain.keywords.some((k) => k.word === '长江经济带发展'), 'the added word is gone');
    assert.equal(timings.length, 2);
    assert.ok(timings.every((t) => t.ms >= 0 && typeof t.stages.segmenting === 'number'));
    assert.equal(wenxi.maxInputLength(), 16 * 1024 * 1024);
  } finally {
    wenxi.terminate();
  }
});

test('queries: read the last analysed text, typed refusals, UTF-16 offsets', { timeout: 60_000 }, async () => {
  const { worker, next, answer } = rawWorker();
  try {
    worker.postMessage({ type: 'init' });
    await next((m) => m.type === 'ready');
    const text = '𦡦推动高质量发展。实现高质量发展，坚持高质量发展！高质量发展是首要任务。';
    worker.postMessage({ type: 'concordance', id: 1, request: { query: '发展' } });
    worker.postMessage({ type: 'analyze', id: 2, text });
    worker.postMessage({ type: 'concordance', id: 3, request: { query: '高质量发展', context: 2 } });
    worker.postMessage({ type: 'concordance', id: 4, request: { query: '发展', qeury: 1 } });
    worker.postMessage({ type: 'concordance', id: 5, request: { query: '(\\w{50}){50}', by: 'regex' } });
    worker.postMessage({ type: 'collocates', id: 6, request: { word: '高质量', minCount: 1 } });
    worker.postMessage({ type: 'ngrams', id: 7 });
    worker.postMessage({ type: 'terms', id: 8, request: {} });
    worker.postMessage({ type: 'dispersion', id: 9, request: { words: ['发展'], segments: 2 } });
    worker.postMessage({ type: 'trends', id: 10, request: { words: ['发展'] } });

    assert.equal((await answer(1)).kind, 'not_analyzed');
    const found = (await answer(3)).value;
    assert.equal(found.total, 4);
    for (const line of found.lines) assert.equal(text.slice(line.start, line.end), '高质量发展');
    assert.deepEqual(found.lines[0], { start: 4, end: 9, left: '𦡦推动'.slice(-2), match: '高质量发展', right: '。实' });
    assert.equal((await answer(4)).kind, 'invalid_query');
    const costly = await answer(5);
    assert.equal(costly.kind, 'invalid_query');
    assert.match(costly.message, /too costly/);
    const collocates = (await answer(6)).value;
    assert.equal(collocates.frequency, 4);
    assert.ok(collocates.collocates.every((c) => c.count <= c.frequency));
    assert.deepEqual((await answer(7)).value.ngrams[0], { words: ['高质量', '发展'], count: 4 });
    assert.equal((await answer(8)).value.terms[0].term, '高质量发展');
    const dispersion = (await answer(9)).value;
    assert.equal(dispersion.parts.length, 2);
    assert.equal(dispersion.words[0].count, 4);
    assert.equal(text.slice(...dispersion.words[0].positions[0]), '发展');
    assert.equal((await answer(10)).value.series[0].counts.reduce((a, b) => a + b), 4);
  } finally {
    await worker.terminate();
  }
});

test('the client: a query method per request, and a fresh worker still reads the last analysis', { timeout: 60_000 }, async () => {
  const { createAnalyzer, ERROR_KINDS } = await import(`${PKG}node.js`);
  assert.ok(ERROR_KINDS.includes('not_analyzed') && ERROR_KINDS.includes('invalid_query'));
  const wenxi = await createAnalyzer();
  try {
    await assert.rejects(wenxi.concordance({ query: '发展' }), { kind: 'not_analyzed' });
    const text = '推动绿色发展，推动绿色转型。推动改革。';
    await wenxi.analyze(text);
    const found = await wenxi.concordance({ query: '推动', by: 'word', sort: 'right1' });
    assert.equal(found.total, 3);
    assert.deepEqual(found.lines.map((l) => l.right.slice(0, 2)), ['改革', '绿色', '绿色']);
    const { collocates } = await wenxi.collocates({ word: '推动' });
    assert.equal(collocates[0].word, '绿色');
    assert.ok((await wenxi.ngrams({ minN: 2, maxN: 2 })).ngrams.length >= 1);
    assert.ok(Array.isArray((await wenxi.terms()).terms));
    assert.equal((await wenxi.dispersion({ words: ['推动'], positions: false })).words[0].positions.length, 0);
    assert.equal((await wenxi.trends({ words: ['推动'], segments: 3 })).parts.length, 3);
    // A new worker (after terminate, as after an abort) runs the last analysis again first.
    wenxi.terminate();
    assert.equal((await wenxi.concordance({ query: '推动' })).total, 3);
  } finally {
    wenxi.terminate();
  }
});

test('segmentedText and the concordance of given ranges: what the command line prints, contexts read from the cleaned text', { timeout: 60_000 }, async () => {
  const { worker, next, answer } = rawWorker();
  try {
    worker.postMessage({ type: 'init' });
    await next((m) => m.type === 'ready');
    const text = '長江經(jīng)濟(jì)帶發(fā)展(zhǎn)是國家戰略。\n\n推動長江經濟帶發展。';
    worker.postMessage({ type: 'segmentedText', id: 1, text, options: { hmm: true } });
    worker.postMessage({ type: 'analyze', id: 2, text });
    // 發展 as the report gives it: the first spans its inner annotation.
    const first = text.indexOf('發(fā)展');
    const second = text.lastIndexOf('發展');
    const ranges = [[first, first + '發(fā)展'.length], [second, second + 2]];
    worker.postMessage({ type: 'concordance', id: 3, request: { ranges, context: 5 } });
    worker.postMessage({ type: 'concordance', id: 4, request: { ranges, context: 5, asWritten: true } });
    worker.postMessage({ type: 'concordance', id: 5, request: { ranges: 'everywhere' } });
    worker.postMessage({ type: 'concordance', id: 6, request: { ranges, cleaned: true } });
    worker.postMessage({ type: 'concordance', id: 7, request: { ranges, context: 100_000 } });
    worker.postMessage({ type: 'segmentedText', id: 8, text: ['not text'] });

    // One line per input line, blank lines kept, words as written.
    assert.equal((await answer(1)).value, '長江 經(jīng)濟(jì)帶 發(fā)展 是 國家 戰略 。\n\n推動 長江 經濟帶 發展 。\n');
    await answer(2);
    assert.deepEqual((await answer(3)).value, {
      total: 2,
      lines: [
        { start: first, end: first + 6, left: '長江經濟帶', match: '發展', right: '是國家戰略' },
        { start: second, end: second + 2, left: '長江經濟帶', match: '發展', right: '。' },
      ],
    });
    assert.deepEqual((await answer(4)).value.lines[0], { start: first, end: first + 6, left: '(jì)帶', match: '發(fā)展', right: '(zhǎn' });
    assert.equal((await answer(5)).kind, 'invalid_query');
    const unknown = await answer(6);
    assert.equal(unknown.kind, 'invalid_query');
    assert.match(unknown.message, /unknown field `cleaned`/);
    assert.equal((await answer(7)).kind, 'invalid_query');
    assert.equal((await answer(8)).kind, 'invalid_request');
  } finally {
    await worker.terminate();
  }
});

test('the client: segmentedText, and the concordance of a keyword’s occurrences', { timeout: 60_000 }, async () => {
  const { createAnalyzer } = await import(`${PKG}node.js`);
  const wenxi = await createAnalyzer();
  try {
    // CRLF, markup, an astral character, full-width letters, no final line break.
    const text = '第一章　總則\r\n\r\n會議強(qiáng)調(diào)，要推動<b>綠色</b>發展。👪 AI 與 ＡＩ\n綠色發展最後一行';
    const lines = await wenxi.segmentedText(text);
    // Words as written (an annotation inside a word stays, markup between words goes).
    assert.equal(lines, '第一章 總則\n\n會議 強(qiáng)調 ， 要 推動 綠色 發展 。 👪 AI 與 ＡＩ\n綠色 發展 最後 一行\n');
    const report = await wenxi.analyze(text);
    const keyword = report.keywords.find((k) => k.key === '绿色');
    const got = await wenxi.concordance({ ranges: keyword.occurrences, context: 4 });
    assert.deepEqual(got.lines, [
      { start: keyword.occurrences[0][0], end: keyword.occurrences[0][1], left: '，要推動', match: '綠色', right: '發展。👪' },
      // ＡＩ as the analysis read it (folded to AI), the line break as one space.
      { start: keyword.occurrences[1][0], end: keyword.occurrences[1][1], left: ' AI ', match: '綠色', right: '發展最後' },
    ]);
  } finally {
    wenxi.terminate();
  }
});

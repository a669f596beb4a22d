// Unit tests, in Node, of how a long text's report reaches the page's views without one long
// task: occurrences and section counts moved from the worker as flat Uint32Arrays (the Rust worker loop packs them,
// js/protocol.js unpacks them on first read), and a new report delivered to each view in
// a task of its own (lib/store.js `staggered`).  node --test tests/browser/transport.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unpackReport as unpackOccurrences } from '../../js/protocol.js';
import { createStore, staggered } from '../../www/lib/store.js';

const packed = () => ({
  keywords: [
    { word: '發展', key: '发展', count: 2, occurrencesPacked: new Uint32Array([5, 7, 20, 22]), sectionsPacked: new Uint32Array([0, 1, 3, 1]) },
    { word: '改革', key: '改革', count: 0, occurrencesPacked: new Uint32Array([]), sectionsPacked: new Uint32Array([]) },
  ],
  sections: [],
});

test('packed occurrences and section counts read back as pairs, and export as the usual shape', () => {
  const report = unpackOccurrences(packed());
  assert.deepEqual(report.keywords[0].occurrences, [[5, 7], [20, 22]]);
  assert.deepEqual(report.keywords[1].occurrences, []);
  assert.deepEqual(report.keywords[0].sections, [[0, 1], [3, 1]]);
  assert.deepEqual(report.keywords[1].sections, []);
  assert.equal('occurrencesPacked' in report.keywords[0], false);
  assert.equal('sectionsPacked' in report.keywords[0], false);
  // The second read is the same array (unpacked once), and JSON has the analyzer's shape.
  assert.equal(report.keywords[0].occurrences, report.keywords[0].occurrences);
  const json = JSON.parse(JSON.stringify(unpackOccurrences(packed())));
  assert.deepEqual(json.keywords[0].occurrences, [[5, 7], [20, 22]]);
  assert.deepEqual(json.keywords[0].sections, [[0, 1], [3, 1]]);
  assert.equal(json.keywords[0].occurrencesPacked, undefined);
  assert.equal(json.keywords[0].sectionsPacked, undefined);
  // Anything else passes through untouched.
  assert.equal(unpackOccurrences(42), 42);
  assert.deepEqual(unpackOccurrences({ keywords: [{ occurrences: [[1, 2]] }] }).keywords[0].occurrences, [[1, 2]]);
});

test('a new report reaches each view in its own task, other changes at once and merged', async () => {
  const store = createStore({ report: null, selected: null, lang: 'zh' });
  const calls = [];
  for (const name of ['a', 'b']) {
    staggered(store).subscribe((state, changed) => calls.push([name, [...changed].sort().join(','), state.selected]));
  }
  store.set({ lang: 'en' });
  assert.deepEqual(calls, [['a', 'lang', null], ['b', 'lang', null]], 'delivered at once');
  calls.length = 0;
  store.set({ report: {} });
  store.set({ selected: 'x' }); // arrives while the report is still waiting: merged into it
  assert.deepEqual(calls, [], 'nothing drawn in the task that set the report');
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(calls.slice(0, 1), [['a', 'report,selected', 'x']]);
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(calls, [['a', 'report,selected', 'x'], ['b', 'report,selected', 'x']]);
});

// Unit test of www/lib/widgets.js's latestAnswer, in Node (no DOM needed): the rule every
// query view follows for the engine's answers — the latest question wins, and an answer given
// under an older report is dropped.  node --test tests/browser/latest-answer.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latestAnswer } from '../../www/lib/widgets.js';

/** A store holding only a report, and a promise the test settles by hand. */
function setup() {
  let state = { report: { id: 1 } };
  const store = { get: () => state, set: (patch) => (state = { ...state, ...patch }) };
  const deferred = () => {
    let resolve, reject;
    const promise = new Promise((a, b) => ([resolve, reject] = [a, b]));
    return { promise, resolve, reject };
  };
  return { store, deferred };
}

test('the latest question wins; an older answer, or one from before a new report, is dropped', async () => {
  const { store, deferred } = setup();
  const engine = latestAnswer(store);
  const first = deferred();
  const second = deferred();
  const a = engine.ask(() => first.promise);
  const b = engine.ask(() => second.promise);
  second.resolve('new');
  first.resolve('old');
  assert.equal(await a, null, 'the older question is stale');
  const got = await b;
  assert.equal(got.answer, 'new');
  assert.equal(got.current(), true);

  // A new report while a question is out: its answer is of another text.
  const third = deferred();
  const c = engine.ask(() => third.promise);
  store.set({ report: { id: 2 } });
  third.resolve('of the old text');
  assert.equal(await c, null);
  assert.equal(got.current(), false, 'the earlier answer is no longer current either');

  // cancel() drops the answer in flight.
  const fourth = deferred();
  const d = engine.ask(() => fourth.promise);
  engine.cancel();
  fourth.resolve('unwanted');
  assert.equal(await d, null);
});

test('an error is given back when current, as {error}, and dropped when stale', async () => {
  const { store, deferred } = setup();
  const engine = latestAnswer(store);
  const failing = deferred();
  const a = engine.ask(() => failing.promise);
  const refusal = Object.assign(new Error('the regular expression does not parse'), { kind: 'invalid_query' });
  failing.reject(refusal);
  const got = await a;
  assert.equal(got.error, refusal);
  assert.equal(got.answer, undefined);

  const stale = deferred();
  const b = engine.ask(() => stale.promise);
  engine.ask(() => Promise.resolve('newer'));
  stale.reject(new Error('late'));
  assert.equal(await b, null);
});

// Table-driven checks of the segmentation scorer (scripts/lib/score.mjs), independent of the corpus.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors, score, spans, vocabularyOf, words } from '../../scripts/lib/score.mjs';

const close = (actual, expected, what) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: got ${actual}, want ${expected}`);

describe('spans', () => {
  const cases = [
    { name: 'simple', words: ['我們', '是', '學生'], want: ['0,2', '2,3', '3,5'] },
    { name: 'code points, not UTF-16 units', words: ['𠮷野', '家'], want: ['0,2', '2,3'] },
    { name: 'whitespace inside and around words removed', words: ['iPhone 15', ' ', '和'], want: ['0,8', '8,9'] },
    { name: 'string line split on spaces', words: '經濟 發展', want: ['0,2', '2,4'] },
    { name: 'empty', words: [], want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual([...spans(c.words)], c.want));
  }
});

describe('score', () => {
  const gold = ['我們 是 中國 學生 。'];
  const cases = [
    {
      name: 'perfect',
      gold,
      pred: ['我們 是 中國 學生 。'],
      want: { precision: 1, recall: 1, f1: 1, gold: 5, predicted: 5, correct: 5, sentences: 1, skipped: 0 },
    },
    {
      // 我/們 and 中/國 split: correct 是, 學生, 。 = 3 of 7 predicted, of 5 gold.
      name: 'over-segmented',
      gold,
      pred: ['我 們 是 中 國 學生 。'],
      want: { precision: 3 / 7, recall: 3 / 5, f1: (2 * (3 / 7) * (3 / 5)) / (3 / 7 + 3 / 5), gold: 5, predicted: 7, correct: 3, sentences: 1, skipped: 0 },
    },
    {
      // 我們是 and 中國學生 merged: only 。 correct, 1 of 3 predicted, 1 of 5 gold.
      name: 'under-segmented',
      gold,
      pred: ['我們是 中國學生 。'],
      want: { precision: 1 / 3, recall: 1 / 5, f1: 0.25, gold: 5, predicted: 3, correct: 1, sentences: 1, skipped: 0 },
    },
    {
      name: 'mismatched line skipped and counted, not scored',
      gold: ['我們 是 學生', '他 來 了'],
      pred: ['我们 是 学生', '他 來 了'],
      want: { precision: 1, recall: 1, f1: 1, gold: 3, predicted: 3, correct: 3, sentences: 1, skipped: 1, skippedLines: [0] },
    },
    {
      name: 'missing prediction lines are skipped',
      gold: ['他 來 了', '好'],
      pred: ['他 來 了'],
      want: { gold: 3, predicted: 3, correct: 3, sentences: 1, skipped: 1, skippedLines: [1] },
    },
    {
      name: 'spaces in the prediction do not matter, only spans',
      gold: ['iPhone 15 上市'],
      pred: [['iPhone', '15', '上市']],
      want: { precision: 1, recall: 1, f1: 1, gold: 3, correct: 3, skipped: 0 },
    },
    {
      name: 'nothing scorable gives zeros, not NaN',
      gold: [],
      pred: [],
      want: { precision: 0, recall: 0, f1: 0, gold: 0, sentences: 0, skipped: 0, oovRecall: null },
    },
    {
      // OOV gold words: 量子 (found), 糾纏 (split, missed); 我們 / 研究 known.
      name: 'OOV recall over gold words outside the vocabulary',
      gold: ['我們 研究 量子 糾纏'],
      pred: ['我們 研究 量子 糾 纏'],
      vocabulary: new Set(['我們', '研究']),
      want: { recall: 3 / 4, oovRecall: 1 / 2, oovGold: 2, correct: 3, predicted: 5 },
    },
    {
      name: 'no vocabulary, no OOV recall',
      gold: ['我們 研究'],
      pred: ['我們 研究'],
      want: { oovRecall: null, oovGold: null },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = score(c.gold, c.pred, c.vocabulary ? { vocabulary: c.vocabulary } : {});
      for (const [key, value] of Object.entries(c.want)) {
        if (typeof value === 'number' && !Number.isInteger(value)) close(got[key], value, key);
        else assert.deepEqual(got[key], value, key);
      }
    });
  }
});

describe('helpers', () => {
  it('words drops empty and whitespace-only tokens', () => {
    assert.deepEqual(words('  我 們  '), ['我', '們']);
    assert.deepEqual(words(['a', ' ', '', 'b c']), ['a', 'bc']);
  });
  it('vocabularyOf collects word types', () => {
    assert.deepEqual([...vocabularyOf(['我 是', '我 來'])].sort(), ['我', '是', '來'].sort());
  });
});

describe('errors', () => {
  it('sorts wrong words into joined, split and crossing', () => {
    // Gold: 我們 是 中國 學生 。 Prediction: 我們是 (joined 2), 中 國 (split twice), 學生。 (joined).
    const e = errors(['我們 是 中國 學生 。'], ['我們是 中 國 學生。']);
    assert.equal(e.joined, 2);
    assert.equal(e.split, 2);
    assert.equal(e.crossing, 0);
    assert.deepEqual(e.joinedPatterns, [['學生 。', 1], ['我們 是', 1]]);
  });

  it('counts a word across a gold boundary as crossing', () => {
    // Gold 中國 學生; prediction 中 國學 生: 國學 straddles the boundary.
    const e = errors(['中國 學生'], ['中 國學 生']);
    assert.deepEqual([e.joined, e.split, e.crossing], [0, 2, 1]);
  });

  it('scores the prediction as if its joined words were cut as gold cuts them', () => {
    // Cutting 我們是 and 學生。 leaves 中 國 wrong: correct 4 of 6 predicted, of 5 gold.
    const e = errors(['我們 是 中國 學生 。'], ['我們是 中 國 學生。']);
    close(e.f1, 0, 'f1 as predicted');
    close(e.ifJoinedWereCut, (2 * (4 / 6) * (4 / 5)) / (4 / 6 + 4 / 5), 'f1 with joined words cut');
  });

  it('skips lines whose characters differ, like score', () => {
    const e = errors(['中國 學生', '我們'], ['中國學生', '你們']);
    assert.deepEqual([e.joined, e.split, e.crossing], [1, 0, 0]);
  });
});

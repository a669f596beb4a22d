// The collocates and n-grams views on the page: what they show is what the engine answers for
// the same request (asked again in the page through the package's own client), the
// collocates' figures hold their invariants, sorting follows each measure, the network has one
// node per collocate and the same layout every time, n-grams' "longest only" and characters
// modes do what they say, and the exports hold the rows.
//
//   node --test tests/browser/collocates.test.mjs   (after scripts/build.sh)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertSameOrigin, openPage, pasteAndAnalyze, useShell } from './shell-helpers.mjs';
import { PAGE_DEFAULTS } from '../../www/lib/page-options.js';

const env = useShell();

// Repeated phrases (推动…发展, 绿色发展, 保护生态环境) so that collocates reach the default
// minimum count, words also found away from 发展 so that the measures differ, and a phrase
// (提高人民生活水平) whose shorter n-grams occur only inside it.
const TEXT = [
  '我们要推动绿色发展，推动经济发展，推动社会发展。',
  '坚持绿色发展，保护生态环境，促进经济发展。',
  '绿色发展是方向，保护生态环境是责任。',
  '发展经济，改善民生，推动绿色转型。',
  '只有保护生态环境，才能实现绿色发展和经济发展。',
  '经济建设很重要。社会稳定是基础。我们喜欢绿色出行，也喜欢骑车出行。',
  '城市交通需要改善。我们提高人民生活水平。政府提高人民生活水平。',
  '社会各界关心经济。经济形势总体稳定。',
].join('\n');

const MEASURES = ['count', 'mi', 'tScore', 'logLikelihood', 'logDice'];

/**
 * The engine's answer to `type`(request) for `text`, from a second client in the page, after
 * an analysis with the page's default options (terms joined, as the page's views read them).
 */
async function engineAnswer(page, type, request, text = TEXT) {
  return page.evaluate(
    async ({ text, type, request, options }) => {
      const { createAnalyzer } = await import('./pkg/index.js');
      const wenxi = await createAnalyzer();
      try {
        await wenxi.analyze(text, options);
        return await wenxi[type](request);
      } finally {
        wenxi.terminate();
      }
    },
    { text, type, request, options: { terms: PAGE_DEFAULTS.terms } },
  );
}

/** How many answers `view` has drawn in full. */
const answers = (page, view) => page.evaluate((view) => Number(document.getElementById(`view-${view}`).dataset.answered ?? 0), view);

/** Do `act`, then wait until `view` has drawn an answer after it. */
async function after(page, view, act) {
  const before = await answers(page, view);
  await act();
  await page.waitForFunction(
    ({ view, before }) => {
      const root = document.getElementById(`view-${view}`);
      return Number(root.dataset.answered ?? 0) > before && root.dataset.state !== 'loading';
    },
    { view, before },
    { timeout: 30_000 },
  );
}

/** The collocates table as shown: each row's word and the raw values behind its cells. */
function shownCollocates(page) {
  return page.locator('#view-collocates [data-testid="colloc-row"]').evaluateAll((rows) =>
    rows.map((row) => {
      const out = { word: row.dataset.word };
      for (const td of row.querySelectorAll('td[data-value]')) out[td.dataset.field] = Number(td.dataset.value);
      out.shown = [...row.querySelectorAll('td')].map((td) => td.textContent);
      return out;
    }),
  );
}

/** The network's node coordinates, by word, and the centre's. */
function networkLayout(page) {
  return page.locator('#view-collocates [data-testid="colloc-network-svg"]').evaluate((svg) => ({
    centre: [svg.querySelector('[data-testid="colloc-network-centre"]').textContent, Number(svg.querySelector('[data-testid="colloc-network-centre"]').dataset.x)],
    nodes: [...svg.querySelectorAll('[data-testid="colloc-network-node"]')].map((g) => [g.dataset.word, g.getAttribute('transform'), g.textContent]),
    edges: [...svg.querySelectorAll('.colloc-edge')].map((l) => [l.getAttribute('x2'), l.getAttribute('y2'), l.getAttribute('stroke-width')]),
  }));
}

async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return [download.suggestedFilename(), readFileSync(await download.path(), 'utf8')];
}

/** Naive CSV reader for our own exports (quoted cells with doubled quotes, CRLF lines). */
function parseCsv(text) {
  const rows = [];
  for (const line of text.replace(/^\ufeff/, '').split('\r\n').filter(Boolean)) {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) cells.push(cell), (cell = '');
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

test('collocates: the table is the engine\'s answer, sorted by each measure; the network is stable; export and errors', { timeout: 120_000 }, async () => {
  const { context, page, errors, requests } = await openPage(env);
  try {
    await after(page, 'collocates', () => pasteAndAnalyze(page, TEXT));
    const view = page.locator('#view-collocates');

    // Selecting a keyword in the keyword table makes it the node word.
    const row = page.locator('[data-testid="keyword-row"]', { has: page.locator('[data-testid="keyword-word"]', { hasText: /^发展$/ }) });
    await after(page, 'collocates', () => row.click());
    assert.equal(await view.getByTestId('colloc-word').inputValue(), '发展');

    const request = { word: '发展', left: 5, right: 5, acrossSentences: false, minCount: 2 };
    for (const sort of MEASURES) {
      await after(page, 'collocates', () => view.getByTestId(`colloc-sort-${sort}`).click());
      const expected = await engineAnswer(page, 'collocates', { ...request, sort });
      const shown = await shownCollocates(page);
      assert.ok(shown.length >= 3, `several collocates of 发展 (${sort})`);
      assert.deepEqual(shown.map((c) => c.word), expected.collocates.map((c) => c.word), `${sort}: the engine's rows in its order`);
      shown.forEach((c, i) => {
        const e = expected.collocates[i];
        for (const f of ['count', 'frequency', 'mi', 'tScore', 'logLikelihood', 'logDice']) assert.equal(c[f], e[f], `${sort}: ${c.word}'s ${f}`);
        // The cells show the same numbers, rounded.
        assert.equal(Number(c.shown[3].replace(/,/g, '')), Number(e.mi.toFixed(2)), `${c.word}: MI shown`);
        // A collocate is counted once per window position that holds it: never more often
        // than it occurs, never more than the window has.
        assert.ok(c.count <= c.frequency && c.count <= expected.window && c.count >= 2, `${c.word}: ${c.count} ≤ ${c.frequency}`);
      });
      assert.ok(shown.reduce((s, c) => s + c.count, 0) <= expected.window, 'counts sum to at most the window');
      for (let i = 1; i < shown.length; i++) assert.ok(shown[i - 1][sort] >= shown[i][sort], `${sort} descending at row ${i}`);
      assert.equal(await view.getByTestId(`colloc-sort-${sort}`).evaluate((b) => b.closest('th').getAttribute('aria-sort')), 'descending', `${sort}: aria-sort`);
      assert.equal(await view.getByTestId('colloc-sort').inputValue(), sort);

      // One network node per collocate shown (up to 20), plus the node word in the centre.
      const layout = await networkLayout(page);
      assert.equal(layout.nodes.length, Math.min(20, shown.length), `${sort}: a node per collocate`);
      assert.deepEqual(layout.nodes.map((n) => n[0]), shown.slice(0, 20).map((c) => c.word), 'the top collocates, in order');
      assert.equal(layout.centre[0], '发展');
      assert.equal(layout.edges.length, layout.nodes.length);
    }

    // The same request twice gives the same layout, to the coordinate.
    await after(page, 'collocates', () => view.getByTestId('colloc-sort-logDice').click());
    const first = await networkLayout(page);
    await after(page, 'collocates', () => view.getByTestId('colloc-sort-mi').click());
    assert.notDeepEqual(await networkLayout(page), first, 'another measure, another layout');
    await after(page, 'collocates', () => view.getByTestId('colloc-sort-logDice').click());
    assert.deepEqual(await networkLayout(page), first, 'the same layout on a second run');

    // The headers sort by keyboard too.
    await view.getByTestId('colloc-sort-tScore').focus();
    await after(page, 'collocates', () => page.keyboard.press('Enter'));
    assert.equal(await view.getByTestId('colloc-sort').inputValue(), 'tScore');
    await after(page, 'collocates', () => view.getByTestId('colloc-sort-logDice').click());

    // Exports hold the rows shown, in their order, with the engine's numbers.
    const shown = await shownCollocates(page);
    const [csvName, csvText] = await downloaded(page, view.getByTestId('colloc-export-csv'));
    assert.equal(csvName, 'wenxi-collocates.csv');
    const csv = parseCsv(csvText);
    assert.deepEqual(csv[0], ['rank', 'word', 'count', 'frequency', 'mi', 'tScore', 'logLikelihood', 'logDice']);
    assert.equal(csv.length - 1, shown.length);
    shown.forEach((c, i) => {
      assert.equal(csv[i + 1][1], c.word);
      assert.equal(Number(csv[i + 1][2]), c.count);
      assert.ok(Math.abs(Number(csv[i + 1][7]) - c.logDice) < 1e-5);
    });
    const [jsonName, jsonText] = await downloaded(page, view.getByTestId('colloc-export-json'));
    assert.equal(jsonName, 'wenxi-collocates.json');
    const doc = JSON.parse(jsonText);
    assert.deepEqual(doc.query, { ...request, sort: 'logDice' });
    assert.equal(doc.node.word, '发展');
    assert.deepEqual(doc.collocates.map((c) => c.word), shown.map((c) => c.word));

    // Choosing a collocate (table or network) makes it the node word.
    const next = shown[0].word;
    await after(page, 'collocates', () => view.locator(`[data-testid="colloc-row"][data-word="${next}"] td`).first().click());
    assert.equal(await view.getByTestId('colloc-word').inputValue(), next);
    assert.match(await view.getByTestId('colloc-summary').textContent(), new RegExp(`「${next}」`));
    const around = await page.locator('#view-collocates [data-testid="colloc-network-node"]').first().getAttribute('data-word');
    await after(page, 'collocates', () => view.locator(`[data-testid="colloc-network-node"][data-word="${around}"]`).click());
    assert.equal(await view.getByTestId('colloc-word').inputValue(), around);

    // A word the text lacks: the engine finds it 0 times, the view says so.
    await view.getByTestId('colloc-word').fill('不存在');
    await after(page, 'collocates', () => view.getByTestId('colloc-run').click());
    assert.equal((await engineAnswer(page, 'collocates', { word: '不存在' })).frequency, 0);
    assert.equal(await view.getByTestId('colloc-message').textContent(), '「不存在」不在文本中。');
    assert.equal(await view.getByTestId('colloc-table').isVisible(), false);

    // No window at all: the engine refuses (invalid_query), and the view shows why.
    await view.getByTestId('colloc-word').fill('发展');
    await view.getByTestId('colloc-left').fill('0');
    await view.getByTestId('colloc-right').fill('0');
    await after(page, 'collocates', () => view.getByTestId('colloc-run').click());
    assert.match(await view.getByTestId('colloc-message').textContent(), /^无法查询：.*window/);

    // A new analysis asks again: a longer window across sentences, then re-analysed text.
    await view.getByTestId('colloc-left').fill('5');
    await view.getByTestId('colloc-right').fill('5');
    await after(page, 'collocates', () => view.getByTestId('colloc-run').click());
    // (发展 on its own: with the page's terms option, 绿色发展 and 经济发展 are words of their own.)
    const longer = `${TEXT}\n我们要发展。`;
    const before = (await engineAnswer(page, 'collocates', { word: '发展' })).frequency;
    await after(page, 'collocates', () => pasteAndAnalyze(page, longer));
    const now = await engineAnswer(page, 'collocates', { word: '发展' }, longer);
    assert.equal(now.frequency, before + 1);
    const summary = await view.getByTestId('colloc-summary').textContent();
    assert.ok(summary.startsWith(`「发展」出现 ${now.frequency} 次`), summary);
    assert.deepEqual((await shownCollocates(page)).map((c) => c.word), now.collocates.map((c) => c.word));

    assert.deepEqual(errors, []);
    assertSameOrigin(env, requests);
  } finally {
    await context.close();
  }
});

test('n-grams: the engine\'s answer; longest only drops contained ones; characters mode; export', { timeout: 90_000 }, async () => {
  const { context, page, errors, requests } = await openPage(env);
  try {
    await after(page, 'ngrams', () => pasteAndAnalyze(page, TEXT));
    const view = page.locator('#view-ngrams');
    const rows = () =>
      view.getByTestId('ngrams-row').evaluateAll((trs) =>
        trs.map((tr) => ({ words: JSON.parse(tr.dataset.words), count: Number(tr.dataset.count), text: tr.querySelector('[data-testid="ngrams-text"]').textContent })),
      );
    const base = { minN: 2, maxN: 4, minCount: 3 };

    const all = await rows();
    const expected = await engineAnswer(page, 'ngrams', base);
    assert.deepEqual(all.map(({ words, count }) => ({ words, count })), expected.ngrams, 'the engine\'s n-grams, in its order');
    assert.ok(all.length > 0);
    for (const g of all) assert.equal(g.text, g.words.join(''), 'Chinese words run together');

    // Minimum count 2: 提高 人民 生活 水平 (twice) holds 人民 生活 and others with the same count.
    await view.getByTestId('ngrams-min-count').fill('2');
    await after(page, 'ngrams', () => view.getByTestId('ngrams-min-count').press('Enter'));
    const full = await rows();
    const key = (g) => g.words.join('|');
    const contains = (long, short) => long.words.length > short.words.length && `|${key(long)}|`.includes(`|${key(short)}|`);
    const dropped = full.filter((g) => full.some((h) => contains(h, g) && h.count === g.count));
    assert.ok(dropped.some((g) => key(g) === '人民|生活'), `人民 生活 is inside 提高 人民 生活 水平: ${JSON.stringify(dropped.map(key))}`);

    await after(page, 'ngrams', () => view.getByTestId('ngrams-longest').check());
    const longest = await rows();
    assert.deepEqual(
      longest.map(({ words, count }) => ({ words, count })),
      (await engineAnswer(page, 'ngrams', { ...base, minCount: 2, longestOnly: true })).ngrams,
    );
    for (const g of dropped) assert.ok(!longest.some((h) => key(h) === key(g)), `${key(g)} is dropped`);
    assert.ok(longest.some((g) => key(g) === '提高|人民|生活|水平'), 'the longer one stays');
    assert.ok(longest.length < full.length);

    // Characters: every item is one character, and 绿色发 is a character trigram here.
    await after(page, 'ngrams', () => view.getByTestId('ngrams-characters').check());
    const chars = await rows();
    assert.deepEqual(
      chars.map(({ words, count }) => ({ words, count })),
      (await engineAnswer(page, 'ngrams', { ...base, minCount: 2, longestOnly: true, characters: true })).ngrams,
    );
    for (const g of chars) {
      assert.ok(g.words.every((c) => Array.from(c).length === 1), `${g.text} is characters`);
      assert.equal(g.text, g.words.join(''));
      // A naive count in the text is at least the engine's (it never counts across punctuation).
      assert.ok(TEXT.split(g.text).length - 1 >= g.count, `${g.text} occurs ${g.count} times`);
    }
    assert.ok(chars.some((g) => g.text.includes('绿色发')), 'character n-grams cross word boundaries');

    // The export holds the rows.
    const [csvName, csvText] = await downloaded(page, view.getByTestId('ngrams-export-csv'));
    assert.equal(csvName, 'wenxi-ngrams.csv');
    const csv = parseCsv(csvText);
    assert.deepEqual(csv[0], ['rank', 'ngram', 'words', 'n', 'count']);
    assert.deepEqual(csv.slice(1).map((r) => [r[1], Number(r[4])]), chars.map((g) => [g.text, g.count]));
    const [, jsonText] = await downloaded(page, view.getByTestId('ngrams-export-json'));
    const doc = JSON.parse(jsonText);
    assert.deepEqual(doc.query, { ...base, minCount: 2, longestOnly: true, characters: true });
    assert.deepEqual(doc.ngrams, chars.map(({ words, count }) => ({ words, count })));

    // A refused request (n from 5 to 3) says why.
    await view.getByTestId('ngrams-min-n').fill('5');
    await view.getByTestId('ngrams-max-n').fill('3');
    await after(page, 'ngrams', () => view.getByTestId('ngrams-max-n').press('Enter'));
    assert.match(await view.getByTestId('ngrams-message').textContent(), /^无法查询：/);

    assert.deepEqual(errors, []);
    assertSameOrigin(env, requests);
  } finally {
    await context.close();
  }
});

test('a phone (390 px): both views fit the width', { timeout: 60_000 }, async () => {
  const { context, page, errors } = await openPage(env, { viewport: { width: 390, height: 844 } });
  try {
    await after(page, 'collocates', () => pasteAndAnalyze(page, TEXT));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scroll on the page (${overflow}px)`);
    for (const id of ['view-collocates', 'view-ngrams']) {
      const box = await page.locator(`#${id}`).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `${id} inside the screen`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('no WCAG 2.1 AA violations in either view (axe-core), light and dark', { timeout: 60_000 }, async () => {
  const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;
  for (const colorScheme of ['light', 'dark']) {
    // axe is injected as a script: this context bypasses the CSP (tested elsewhere).
    const context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, colorScheme, locale: 'en-US' });
    try {
      const { page } = await openPage(env, { context });
      await after(page, 'collocates', () => pasteAndAnalyze(page, TEXT));
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() =>
        window.axe.run({ include: [['#view-collocates'], ['#view-ngrams']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }),
      );
      const found = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
      assert.deepEqual(found, [], `${colorScheme}: axe-core violations`);
      assert.ok(result.passes.length > 5, `axe ran its rules (${result.passes.length} passed)`);
    } finally {
      await context.close();
    }
  }
});

// The corpus panel's documents list with 300 documents: only the rows in view are in the DOM
// (lib/virtual-list.js), yet every document can be reached: by scrolling, and with Tab from
// row to row; the last document is renamed, moved and removed with the keyboard; a focused
// name field keeps its focus and its typed text while the list scrolls away from it; the
// count and the characters shown are those of all 300 documents.
//   Run: node --test tests/browser/corpus-list.test.mjs (after scripts/build.sh)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useShell } from './shell-helpers.mjs';
import { openCorpusMode, openFiles } from './corpus-helpers.mjs';

const env = useShell();
const N = 300;
const NAMES = Array.from({ length: N }, (_, k) => `篇${String(k + 1).padStart(3, '0')}.txt`);
// Document k: k + 1 times 字, then 。 and a newline; an astral character in every tenth, so
// the sizes count code points.
const TEXTS = NAMES.map((_, k) => `${'字'.repeat(k + 1)}${k % 10 === 0 ? '𦡦' : ''}。\n`);
const chars = (text) => [...text].length;

/** The rows in the DOM: [posinset, setsize, name, size]. */
function drawnRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="corpus-doc"]')].map((li) => [
      Number(li.getAttribute('aria-posinset')),
      Number(li.getAttribute('aria-setsize')),
      li.querySelector('[data-testid="corpus-doc-name"]').value,
      Number(li.querySelector('[data-testid="corpus-doc-size"]').textContent.replace(/[^\d]/g, '')),
    ]),
  );
}

/** The row of document `n` (1-based), once it is drawn. */
const row = (page, n) => page.locator(`[data-testid="corpus-doc"][aria-posinset="${n}"]`);

/** Where the focus is: [the row's posinset, the control's role]. */
const focused = (page) =>
  page.evaluate(() => {
    const li = document.activeElement?.closest('[data-testid="corpus-doc"]');
    return li ? [Number(li.getAttribute('aria-posinset')), document.activeElement.dataset.role] : null;
  });

/** Scroll the list's box to `top` (a number, or 'end') and let it draw. */
async function scrollList(page, top) {
  await page.getByTestId('corpus-docs-box').evaluate((box, top) => {
    box.scrollTop = top === 'end' ? box.scrollHeight : top;
  }, top);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('300 documents: few rows drawn, every one reachable by scrolling and Tab; the last renamed, moved and removed with the keyboard', { timeout: 120_000 }, async () => {
  const { context, page, errors } = await openCorpusMode(env, { viewport: { width: 1280, height: 900 } });
  try {
    await openFiles(page, NAMES.map((name, k) => ({ name, text: TEXTS[k] })));
    await page.waitForFunction(() => /已加入 300 篇/.test(document.querySelector('[data-testid="corpus-message"]').textContent));
    const total = TEXTS.reduce((n, text) => n + chars(text), 0);
    const summary = () => page.getByTestId('corpus-summary').textContent();
    assert.equal(await summary(), `300 篇文档，共 ${total.toLocaleString('zh-CN')} 字`);

    // Few rows in the DOM, each telling its place among all 300, in order, with its own name and size.
    let rows = await drawnRows(page);
    assert.ok(rows.length > 0 && rows.length < 40, `${rows.length} rows in the DOM`);
    assert.deepEqual(rows[0], [1, N, NAMES[0], chars(TEXTS[0])]);
    for (const [pos, size, name, chars_] of rows) {
      assert.equal(size, N);
      assert.equal(name, NAMES[pos - 1]);
      assert.equal(chars_, chars(TEXTS[pos - 1]));
    }
    assert.deepEqual(rows.map((r) => r[0]), rows.map((_, i) => i + 1), 'the first rows, in order');

    // Scrolled to the end: the last document is drawn, the first no longer.
    await scrollList(page, 'end');
    rows = await drawnRows(page);
    assert.ok(rows.length < 40, `${rows.length} rows in the DOM at the end`);
    assert.deepEqual(rows.at(-1), [N, N, NAMES[N - 1], chars(TEXTS[N - 1])]);
    assert.ok(!rows.some((r) => r[0] === 1), 'the first row is not drawn');
    assert.equal(await row(page, N).isVisible(), true);

    // Rename the last with the keyboard.
    await row(page, N).getByTestId('corpus-doc-name').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('最后一篇');
    await page.keyboard.press('Enter');
    assert.equal(await row(page, N).getByTestId('corpus-doc-name').inputValue(), '最后一篇');
    assert.deepEqual(await focused(page), [N, 'name'], 'the focus stays on its name field');

    // Move it up, then down again, with the keyboard: the focus follows it.
    await row(page, N).getByTestId('corpus-doc-up').focus();
    await page.keyboard.press('Enter');
    assert.equal(await row(page, N - 1).getByTestId('corpus-doc-name').inputValue(), '最后一篇');
    assert.equal(await row(page, N).getByTestId('corpus-doc-name').inputValue(), NAMES[N - 2]);
    assert.deepEqual(await focused(page), [N - 1, 'up']);
    assert.match(await page.getByTestId('corpus-message').textContent(), /“最后一篇”现在是第 299 篇/);
    await page.keyboard.press('Tab'); // Up → Down
    await page.keyboard.press('Enter');
    assert.equal(await row(page, N).getByTestId('corpus-doc-name').inputValue(), '最后一篇');
    assert.deepEqual(await focused(page), [N, 'down']);
    assert.equal(await row(page, N).getByTestId('corpus-doc-down').getAttribute('aria-disabled'), 'true', 'the last row cannot go down');

    // A name field being edited keeps the focus and its text while the list scrolls away.
    await row(page, N).getByTestId('corpus-doc-name').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('尾');
    await scrollList(page, 0);
    rows = await drawnRows(page);
    assert.ok(rows.length < 40, `${rows.length} rows in the DOM`);
    assert.ok(rows.some((r) => r[0] === 1), 'the first rows are drawn');
    assert.deepEqual(await focused(page), [N, 'name'], 'the focused row stays drawn');
    await page.keyboard.type('声');
    await page.keyboard.press('Enter');
    await scrollList(page, 'end');
    assert.equal(await row(page, N).getByTestId('corpus-doc-name').inputValue(), '尾声');

    // Remove the last with the keyboard: the focus goes to the new last row's Remove.
    await row(page, N).getByTestId('corpus-doc-remove').focus();
    await page.keyboard.press('Enter');
    assert.match(await page.getByTestId('corpus-message').textContent(), /已移除“尾声”/);
    assert.deepEqual(await focused(page), [N - 1, 'remove']);
    rows = await drawnRows(page);
    assert.ok(rows.every((r) => r[1] === N - 1), 'every row knows the list has 299');
    assert.equal(await row(page, N).count(), 0);
    assert.equal(rows.at(-1)[2], NAMES[N - 2]);
    const left = total - chars(TEXTS[N - 1]);
    assert.equal(await summary(), `299 篇文档，共 ${left.toLocaleString('zh-CN')} 字`);

    // Tab walks from the first row down past the rows first drawn (4 controls a row).
    await scrollList(page, 0);
    await row(page, 1).getByTestId('corpus-doc-name').focus();
    for (let k = 0; k < 4 * 45; k++) await page.keyboard.press('Tab');
    assert.deepEqual(await focused(page), [46, 'name']);
    assert.equal(await row(page, 46).isVisible(), true, 'scrolled into view');
    assert.ok((await drawnRows(page)).length < 40);

    // On a phone the rows are taller (the buttons under the name): they still tile the list,
    // one after another, and the end of the list is the last row's end.
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      await scrollList(page, 0);
      await scrollList(page, 'end');
      const layout = await page.evaluate(() => {
        const list = document.querySelector('[data-testid="corpus-docs"]');
        const top = list.getBoundingClientRect().top;
        const rows = [...list.children].map((li) => [Number(li.getAttribute('aria-posinset')), li.getBoundingClientRect()]);
        return { height: list.getBoundingClientRect().height, rows: rows.map(([n, r]) => [n, r.top - top, r.bottom - top]) };
      });
      const rowHeight = layout.rows[0][2] - layout.rows[0][1];
      for (const [n, top, bottom] of layout.rows) {
        assert.ok(Math.abs(top - (n - 1) * rowHeight) < 1 && Math.abs(bottom - n * rowHeight) < 1, `${width} px: row ${n} at ${top}–${bottom}, rows ${rowHeight} px`);
      }
      assert.equal(layout.rows.at(-1)[0], N - 1);
      assert.ok(Math.abs(layout.height - (N - 1) * rowHeight) < 1, `${width} px: the list is ${layout.height} px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px)`);
    }
    assert.deepEqual(errors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

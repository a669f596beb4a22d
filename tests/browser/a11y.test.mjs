// Accessibility of the whole page after an analysis, checked by axe-core (the engine behind
// most accessibility checkers) against WCAG 2.1 A and AA: contrast, labels, names, roles,
// structure. In light and dark colour schemes, at desktop and phone widths, in both languages.
// axe-core is a test-only dev dependency (MPL-2.0); nothing of it ships. It is injected as a
// script, so these contexts bypass the page's CSP — the CSP itself is tested elsewhere.
//
//   bash scripts/build.sh && node --test tests/browser/a11y.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useShell } from './shell-helpers.mjs';
import { fileURLToPath } from 'node:url';

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

// The server and the browser, shared with the other page tests (shell-helpers.mjs).
const env = useShell();

const CASES = [
  { name: 'desktop, light, Chinese', viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'zh-CN', sample: /示例：繁体新闻/ },
  { name: 'phone, dark, English', viewport: { width: 390, height: 844 }, colorScheme: 'dark', locale: 'en-US', sample: /simplified report/i },
];

for (const c of CASES) {
  test(`no WCAG 2.1 AA violations after an analysis (${c.name})`, { timeout: 60_000 }, async () => {
    const context = await env.browser.newContext({ bypassCSP: true, viewport: c.viewport, colorScheme: c.colorScheme, locale: c.locale });
    try {
      const page = await context.newPage();
      await page.goto(env.server.url);
      await page.waitForFunction(() => !document.querySelector('[data-testid="analyze-button"]').disabled);
      await page.getByRole('button', { name: c.sample }).click();
      await page.waitForFunction(() => Number(document.querySelector('#results')?.dataset.analysis ?? 0) > 0, null, { timeout: 30_000 });
      // Select a word so the highlighted states (table row, marks, KWIC) are checked too.
      await page.getByTestId('keywords-table').locator('tbody tr').first().click();
      await page.waitForTimeout(800);
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
      const found = result.violations.map((v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
      assert.deepEqual(found, [], 'axe-core violations');
      assert.ok(result.passes.length > 20, `axe ran its rules (${result.passes.length} passed)`);
    } finally {
      await context.close();
    }
  });
}

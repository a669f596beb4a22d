// What the package tests share: where the package is, and a check that it was built.
// Not a test file itself (node --test runs *.test.mjs).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const PKG = `${REPO}pkg/`;

/** Fails with the command to run when pkg/ has not been assembled. */
export function assertPackaged() {
  assert.ok(existsSync(`${PKG}package.json`), `${PKG}package.json is missing: run \`bash scripts/build.sh\` first`);
}

// The npm package ships exactly the intended files, with a manifest that resolves every entry.
//
//   bash scripts/build.sh && node --test tests/package/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { PKG, REPO, assertPackaged } from './helpers.mjs';

const INTENDED = [
  'LICENSE',
  'LICENSE-HSK',
  'LICENSE-OpenCC',
  'README.md',
  'component.d.ts',
  'component.js',
  'define.d.ts',
  'define.js',
  'hsk-levels.js',
  'index.d.ts',
  'index.js',
  'loading.js',
  'model.d.ts',
  'model.js',
  'node.d.ts',
  'node.js',
  'options.d.ts',
  'options.js',
  'package.json',
  'protocol.js',
  'report.d.ts',
  'st-phrases.js',
  'wenxi.d.ts',
  'wenxi.js',
  'wenxi_bg.wasm',
  'worker.js',
];

test('npm pack lists exactly the intended files, one wasm', () => {
  assertPackaged();
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PKG, encoding: 'utf8' }));
  const files = pack.files.map((f) => f.path).sort();
  assert.deepEqual(files, [...INTENDED].sort());
  assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 1, 'one wasm file');
  console.log(`packed ${pack.size} bytes, unpacked ${pack.unpackedSize} bytes, ${pack.entryCount} files`);
});

test('the manifest: name, Cargo version, module type, every export target exists', () => {
  assertPackaged();
  const manifest = JSON.parse(readFileSync(`${PKG}package.json`, 'utf8'));
  const cargoVersion = readFileSync(`${REPO}Cargo.toml`, 'utf8').match(/^version = "(.+)"$/m)[1];
  assert.equal(manifest.name, 'wenxi');
  assert.equal(manifest.version, cargoVersion);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.license, 'MIT');
  // "node" first and with its own types: TypeScript takes the first matching condition, so a
  // top-level "types" would give Node projects the browser entry's types (no load()).
  assert.deepEqual(manifest.exports['.'], {
    node: { types: './node.d.ts', default: './node.js' },
    types: './index.d.ts',
    default: './index.js',
  });
  assert.deepEqual(manifest.exports['./define'], { types: './define.d.ts', default: './define.js' });
  const targets = (function values(node) {
    return typeof node === 'string' ? [node] : Object.values(node).flatMap(values);
  })(manifest.exports);
  for (const target of targets) assert.ok(existsSync(PKG + target), `export target ${target} exists`);
  assert.deepEqual(manifest.sideEffects, ['./define.js'], 'only the define entry has side effects');
});

#!/usr/bin/env bash
# Assemble the npm package in pkg/ (git-ignored) and print its packed size and file list.
#
#   bash scripts/package.sh          # then: cd pkg && npm publish   (or npm pack)
#
# wasm-pack builds the raw module (wenxi.js, wenxi.d.ts, wenxi_bg.wasm) with the page's flags;
# --no-pack because the package.json is ours (js/package.json), not one wasm-pack guesses: it
# adds the worker API, the Node entry and the web component from js/. Idempotent: pkg/ is
# rebuilt from scratch every time.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf pkg
wasm-pack build --release --target web --out-dir pkg --out-name wenxi --no-pack >&2

# Everything in js/: the worker API, the Node entry, and the web component's files.
cp js/*.js js/*.d.ts pkg/
cp README.md LICENSE pkg/

# The version comes from Cargo.toml, the one place it is written.
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "package: no version in Cargo.toml" >&2; exit 1; }
VERSION="$version" node -e '
  const fs = require("node:fs");
  const manifest = JSON.parse(fs.readFileSync("js/package.json", "utf8"));
  manifest.version = process.env.VERSION;
  fs.writeFileSync("pkg/package.json", JSON.stringify(manifest, null, 2) + "\n");
'

# Every file the manifest promises must be there (a missing component file fails here, not
# at a user's install).
node -e '
  const fs = require("node:fs");
  const { files } = JSON.parse(fs.readFileSync("pkg/package.json", "utf8"));
  const missing = files.filter((f) => !fs.existsSync("pkg/" + f));
  if (missing.length) { console.error("package: missing from pkg/: " + missing.join(", ")); process.exit(1); }
'

(cd pkg && npm pack --dry-run --json --ignore-scripts 2>/dev/null) | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const [p] = JSON.parse(s);
    console.error(`package: ${p.name}@${p.version}: ${p.size} bytes packed, ${p.unpackedSize} unpacked, ${p.entryCount} files`);
    for (const f of p.files) console.error(`  ${String(f.size).padStart(9)}  ${f.path}`);
  });
'

#!/usr/bin/env bash
# Build the wasm once and assemble the npm package in pkg/ (git-ignored); the page ships that
# same package in www/pkg/ (it is a client of the package: the worker, the client, the report
# model and the wasm are the files an embedder gets). Prints the wasm's size.
#
#   bash scripts/build.sh       # then bash scripts/package.sh prints what npm would publish
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf pkg
# --no-pack: the package.json is ours (js/package.json), not one wasm-pack guesses.
wasm-pack build --release --target web --out-dir pkg --out-name wenxi --no-pack >&2
rm -f pkg/.gitignore
wasm=pkg/wenxi_bg.wasm
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'build: %s is %s bytes raw, %s bytes gzip -9\n' "$wasm" "$raw" "$gz" >&2

# Everything in js/: the worker and its protocol, the client, the Node entry, the report
# model, the options' defaults, the web component, and their types.
cp js/*.js js/*.d.ts pkg/
cp README.md LICENSE pkg/

# The version comes from Cargo.toml, the one place it is written.
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "build: no version in Cargo.toml" >&2; exit 1; }
VERSION="$version" node -e '
  const fs = require("node:fs");
  const manifest = JSON.parse(fs.readFileSync("js/package.json", "utf8"));
  manifest.version = process.env.VERSION;
  fs.writeFileSync("pkg/package.json", JSON.stringify(manifest, null, 2) + "\n");
  // Every file the manifest promises must be there (a missing file fails here, not at a
  // user'"'"'s install).
  const missing = manifest.files.filter((f) => !fs.existsSync("pkg/" + f));
  if (missing.length) { console.error("build: missing from pkg/: " + missing.join(", ")); process.exit(1); }
'

# The page's copy of the package.
rm -rf www/pkg
cp -r pkg www/pkg
printf 'build: package assembled in pkg/ and copied to www/pkg/\n' >&2

# The word cloud's layout library (d3-cloud, BSD-3-Clause, with d3-dispatch bundled in its build)
# is vendored from node_modules into www/vendor/ (git-ignored) with its licences: the page loads
# nothing from elsewhere. `npm ci` installs it.
if [ ! -f node_modules/d3-cloud/build/d3.layout.cloud.js ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >&2
fi
mkdir -p www/vendor/d3-cloud
cp node_modules/d3-cloud/build/d3.layout.cloud.js www/vendor/d3-cloud/
cp node_modules/d3-cloud/LICENSE www/vendor/d3-cloud/LICENSE
cp node_modules/d3-dispatch/LICENSE www/vendor/d3-cloud/LICENSE-d3-dispatch
printf 'build: vendored d3-cloud %s into www/vendor/d3-cloud/\n' \
  "$(node -p "require('./node_modules/d3-cloud/package.json').version")" >&2

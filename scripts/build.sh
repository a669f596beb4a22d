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

# The page's vendored libraries, copied from node_modules into www/vendor/ (git-ignored) with
# their licences: the page loads nothing from elsewhere. package.json pins them; `npm ci`
# installs them.
#   d3-cloud (BSD-3-Clause, d3-dispatch bundled in its build): the word cloud's layout.
#   d3-force (ISC) and its dependencies d3-dispatch, d3-quadtree, d3-timer (ISC; their UMD
#   builds, loaded in this order, each adding to the global d3): the collocation network.
#   fflate (MIT; its browser ES module, imported only when a .zip is opened): the corpus
#   mode's zip reading.
needed=(
  node_modules/d3-cloud/build/d3.layout.cloud.js
  node_modules/d3-force/dist/d3-force.js
  node_modules/d3-dispatch/dist/d3-dispatch.js
  node_modules/d3-quadtree/dist/d3-quadtree.js
  node_modules/d3-timer/dist/d3-timer.js
  node_modules/fflate/esm/browser.js
)
missing=0
for f in "${needed[@]}"; do [ -f "$f" ] || missing=1; done
if [ "$missing" = 1 ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >&2
fi
for f in "${needed[@]}"; do
  [ -f "$f" ] || { echo "build: $f is missing after npm ci (is it in package.json?)" >&2; exit 1; }
done
# d3-force's own copy of a dependency, if npm nested one, else the top-level one.
dep() { if [ -d "node_modules/d3-force/node_modules/$1" ]; then echo "node_modules/d3-force/node_modules/$1"; else echo "node_modules/$1"; fi; }

rm -rf www/vendor/d3-cloud www/vendor/d3-force www/vendor/fflate
mkdir -p www/vendor/d3-cloud www/vendor/d3-force www/vendor/fflate
cp node_modules/d3-cloud/build/d3.layout.cloud.js www/vendor/d3-cloud/
cp node_modules/d3-cloud/LICENSE www/vendor/d3-cloud/LICENSE
cp node_modules/d3-dispatch/LICENSE www/vendor/d3-cloud/LICENSE-d3-dispatch
cp node_modules/d3-force/dist/d3-force.js www/vendor/d3-force/
cp node_modules/d3-force/LICENSE www/vendor/d3-force/LICENSE
for lib in d3-dispatch d3-quadtree d3-timer; do
  from=$(dep "$lib")
  [ -f "$from/dist/$lib.js" ] || { echo "build: $from/dist/$lib.js is missing" >&2; exit 1; }
  cp "$from/dist/$lib.js" www/vendor/d3-force/
  cp "$from/LICENSE" "www/vendor/d3-force/LICENSE-$lib"
done
cp node_modules/fflate/esm/browser.js www/vendor/fflate/
cp node_modules/fflate/LICENSE www/vendor/fflate/LICENSE
printf 'build: vendored d3-cloud %s, d3-force %s and fflate %s into www/vendor/\n' \
  "$(node -p "require('./node_modules/d3-cloud/package.json').version")" \
  "$(node -p "require('./node_modules/d3-force/package.json').version")" \
  "$(node -p "require('./node_modules/fflate/package.json').version")" >&2

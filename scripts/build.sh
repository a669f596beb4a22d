#!/usr/bin/env bash
# Build the wasm package into www/pkg (what the page imports) and print its size.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm-pack build --release --target web --out-dir www/pkg --out-name wenxi --no-pack >&2
cp js/model.js js/options.js www/pkg/
wasm=www/pkg/wenxi_bg.wasm
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'build: %s is %s bytes raw, %s bytes gzip -9\n' "$wasm" "$raw" "$gz" >&2

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

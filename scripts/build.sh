#!/usr/bin/env bash
# Build the wasm package into www/pkg (what the page imports) and print its size.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm-pack build --release --target web --out-dir www/pkg --out-name wenxi --no-pack >&2
wasm=www/pkg/wenxi_bg.wasm
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'build: %s is %s bytes raw, %s bytes gzip -9\n' "$wasm" "$raw" "$gz" >&2

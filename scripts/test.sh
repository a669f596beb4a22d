#!/usr/bin/env bash
# The README's test command: every check, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*" >&2; }

step "install what is missing"
bash scripts/setup.sh

step "format (rustfmt)"
cargo fmt --all -- --check

step "lint native and wasm32 (clippy, warnings are errors)"
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

step "API docs build (rustdoc, warnings are errors: broken intra-doc links and the like)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --target wasm32-unknown-unknown

step "native tests: units, golden reports, invariants, corpus checks, doc examples"
cargo test

step "the segmentation scorer of the evaluation command (scripts/lib/score.mjs)"
node --test tests/eval/

step "wasm tests in Node: the JS contract"
wasm-pack test --node -- --test wasm

step "wasm tests in headless Chromium"
# Without this the runner keeps a Node-configured suite out of the browser.
WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome -- --test wasm

step "build the wasm once: the npm package in pkg/, and the page's copy of it in www/pkg/"
bash scripts/build.sh

step "what npm would publish from pkg/ (size and files)"
bash scripts/package.sh

step "TypeScript: the generated types compile, used as the README uses them"
npx tsc -p tests/types

step "page tests in headless Chromium (playwright-core)"
node --test tests/browser/

step "package tests: files shipped, types, the Node example, the worker API and README examples"
node --test tests/package/

#!/usr/bin/env bash
# The accuracy evaluation (issue 5), one command: word segmentation against gold sets, side by
# side with jieba-wasm and Intl.Segmenter, then section detection and keyword sanity on the
# shared corpus, then section headings on the further document sets of issue 13 (tuned and
# held out, in $WENXI_MORE_CORPUS or ../shared/corpus/structure-more; see
# scripts/eval-headings.mjs). Arguments are gold segmentation files (default: UD GSD in
# ../shared/corpus/).
#   bash scripts/eval.sh [GOLD.seg.txt ...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
[ -d node_modules/jieba-wasm ] || npm ci --no-audit --no-fund
node scripts/eval-segmentation.mjs "$@"
echo
status=0
node scripts/eval-structure.mjs || status=$?
echo
node scripts/eval-headings.mjs || status=$?
exit "$status"

#!/usr/bin/env bash
# Print what npm would publish from pkg/ (its packed size and file list); builds it first if
# scripts/build.sh has not. Publish with `cd pkg && npm publish` (or `npm pack`).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f pkg/package.json ] && [ -f pkg/wenxi_bg.wasm ] || bash scripts/build.sh

(cd pkg && npm pack --dry-run --json --ignore-scripts 2>/dev/null) | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const [p] = JSON.parse(s);
    console.error(`package: ${p.name}@${p.version}: ${p.size} bytes packed, ${p.unpackedSize} unpacked, ${p.entryCount} files`);
    for (const f of p.files) console.error(`  ${String(f.size).padStart(9)}  ${f.path}`);
  });
'

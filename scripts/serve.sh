#!/usr/bin/env bash
# The README's serve command: install what is missing, build, and serve www/ on 127.0.0.1.
# PORT=8080 by default; the URL is printed once the server listens.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}"

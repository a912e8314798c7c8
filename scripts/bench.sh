#!/usr/bin/env bash
# Builds the release and prints its size and speed figures (no pass/fail): transfer sizes raw, gzip and
# brotli against the 100 KB gzip budget, cold-load and click-to-saved timings in headless Chromium, and
# the size of a full saved document. See tests/e2e/bench.mjs.
#
# Usage: scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

bash scripts/setup.sh
bash scripts/build.sh
node tests/e2e/bench.mjs dist

#!/usr/bin/env bash
# Builds the release widget and serves the demo at http://127.0.0.1:8080/ (Ctrl+C to stop).
# Installs the build tools it needs first (no browser needed for this).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-browser
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
source scripts/release-env.sh
exec trunk serve --release

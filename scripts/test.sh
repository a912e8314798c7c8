#!/usr/bin/env bash
# The one test command: installs whatever is missing, then runs every check the project has.
#   1. formatting and lints      cargo fmt --check, cargo clippy -D warnings
#   2. native tests              the pure core (content, scoring, reducer, storage codec)
#   3. browser tests             wasm-bindgen-test components in headless Chromium
#   4. size budget               the English embed's gzip bytes against size-budget.json
#   5. end-to-end tests          the release build, served from 127.0.0.1, driven by playwright-core
# Usage: scripts/test.sh        (CI runs exactly this through .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check

step "lints"
cargo clippy --workspace --all-targets -- -D warnings

step "native tests"
cargo test

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test components

step "release build"
bash scripts/build.sh

step "size budget (gzip bytes of the English embed; see size-budget.json)"
node scripts/size-budget.mjs dist

step "end-to-end tests (playwright-core, Chromium)"
node --test --test-concurrency=1 --test-timeout=180000 tests/e2e/

step "all tests passed"

#!/usr/bin/env bash
# Installs whatever this machine lacks to build, serve and test the widget. Idempotent: a second run
# only checks. Versions are the verified set from the toolchain notes: Trunk 0.21.14 (0.22 needs a newer
# rustc), wasm-bindgen-cli equal to the wasm-bindgen in Cargo.lock, wasm-split-cli 0.2.4, wasm-opt from
# npm binaryen 132
# (Debian's binaryen cannot parse modern wasm-bindgen output), Debian's chromium + chromedriver.
#
# Usage: scripts/setup.sh [--no-browser]   (--no-browser skips chromium, for serving the demo only)
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

# rust-src: the release build rebuilds the standard library for size (see scripts/release-env.sh).
for component in rustfmt clippy rust-src; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding the $component component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Cargo.lock is committed, so the wasm-bindgen it names is the one the CLI must match exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  log "installing wasm-bindgen-cli $bindgen_version (about 2 minutes)"
  # Not --locked: the CLI's own lock names a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# wasm-split-cli cuts the release wasm into the first screen and the parts fetched on first use (see
# scripts/split-wasm.mjs); its split points come from wasm_split_helpers in Cargo.lock, of the same
# series.
# (It has no --version: cargo's list of installed crates says which one is there.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION (about 4 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/esbuild ]; then
  log "installing npm tools (binaryen, esbuild, playwright-core, axe-core) from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

# fonts-lohit-deva: a Devanagari font, so the Hindi screenshots and axe's checks see real letters (a
# visitor's phone or computer has one already; the widget downloads no font). poppler-utils: pdftotext
# and pdftoppm, with which the print test reads and draws the PDF of the printed plan.
if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! dpkg -s fonts-lohit-deva >/dev/null 2>&1 || [ ! -x /usr/bin/pdftotext ] || [ ! -x /usr/bin/pdftoppm ]; }; then
  log "installing Debian chromium, chromium-driver, a Devanagari font and poppler-utils"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-lohit-deva poppler-utils >/dev/null
fi

log "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, wasm-opt $(wasm-opt --version | awk '{print $3}')"

#!/usr/bin/env bash
# The release build into dist/: the widget as the clinic serves it (see scripts/release-env.sh for how
# the wasm is made small). Assumes the tools of scripts/setup.sh are installed.
#
# Usage: scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
source scripts/release-env.sh
exec trunk build --release

#!/usr/bin/env bash
# Fuzzes the saved-document decoder, which "Your data → Load" uses for an imported file too: random
# bytes and text, JSON shaped like a document, and mutations of the fixtures and of documents it found.
# Checks that decode never panics and that every accepted document comes back unchanged through encode
# and encode_pretty. Not part of scripts/test.sh. Prints the figures at the end; on a failure, prints
# the input, the seed and the index, and exits non-zero. See examples/fuzz_codec.rs.
#
# Usage: scripts/fuzz.sh [COUNT] [SEED]     (COUNT defaults to 1000000; SEED to one from the clock,
#                                            printed first, so any run can be repeated)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

args=(--count "${1:-1000000}")
if [ -n "${2:-}" ]; then
  args+=(--seed "$2")
fi
cargo run --release --example fuzz_codec -- "${args[@]}"

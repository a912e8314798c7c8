# Sourced by scripts/build.sh and scripts/serve.sh: how the release wasm is built.
#
# The standard library is rebuilt from source (the stable toolchain's rust-src component, added by
# scripts/setup.sh) with panics that abort at once: no panic messages, locations or formatting in the
# wasm, about 17 KB gzip less for every visitor. A stopped widget still says so: the loader shows the
# message (see src/web/crash.rs).
#
# `-Z build-std` and `-C panic=immediate-abort` are unstable; RUSTC_BOOTSTRAP lets the pinned stable
# toolchain accept them, for this build only. Everything else (fmt, clippy, native and browser tests)
# runs on plain stable. The build has a target folder of its own, so the two never rebuild each other.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
#
# LLVM's inlining threshold at 10 instead of opt-level "z"'s 5: measured on the first screen's wasm
# (gzip -9), 5: 128,403 B; 10: 127,689 B; 12 and 15: 127,862 B; 20: 128,927 B; 0: 129,747 B
# (opt-level "s" instead: 145,651 B). Re-measure when the code changes much.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Cllvm-args=-inline-threshold=10"
export CARGO_TARGET_DIR="$PWD/target/size"

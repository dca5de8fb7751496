#!/usr/bin/env bash
# Run every test: data checks, the release build, native unit/integration tests and
# the browser tests (headless Chromium against dist/, with axe-core accessibility checks).
#
#   bash scripts/test.sh                 everything (with the fmt and clippy gates)
#   bash scripts/test.sh <filter>        only the tests whose name contains <filter>
#
# MINUTEBOOK_BROWSERS (default 2) caps how many browsers run at once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
mb_setup --browser

# Free disk and the size of target/ at each stage, so a full disk is easy to diagnose.
disk() {
    local free used
    free=$(df -Ph . | awk 'NR==2 {print $4}') || true
    used=$(du -sh target 2>/dev/null | cut -f1) || true
    echo "   (disk: ${free:-?} free, target/ ${used:-0})" >&2
}
disk

if [ $# -eq 0 ]; then
    # Gates: formatting, and lints for every target the app is built for (the browser app,
    # the pre-renderer and the native crates and tests).
    echo "== cargo fmt --check, cargo clippy -D warnings" >&2
    cargo fmt --all --check
    cargo clippy -q --workspace --all-targets -- -D warnings
    cargo clippy -q -p minutebook --no-default-features --features ssr --lib --bins -- -D warnings
    cargo clippy -q -p minutebook --target wasm32-unknown-unknown --lib --bins -- -D warnings
fi

echo "== data check" >&2
disk
cargo run -q -p minutebook-tools --bin minutebook -- check public/data

echo "== trunk build --release" >&2
disk
trunk build index.html --release
# The same app for a sub-path deployment (tests/browser.rs: works_under_a_sub_path;
# tests/embed.rs: embeds_and_feeds_work_under_a_sub_path).
trunk build index.html --release --public-url /meetings/ --dist target/dist-subpath

echo "== cargo test --workspace" >&2
disk
status=0
cargo test --workspace --no-fail-fast -- --test-threads="${MINUTEBOOK_TEST_THREADS:-2}" "$@" || status=$?
disk
exit "$status"

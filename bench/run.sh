#!/usr/bin/env bash
# Search scale benchmark: a synthetic large council (40 committees x 15 years, 6,000
# meetings), the Minutebook search index and a Pagefind index of the same records, both
# measured in headless Chromium. Prints a table of figures and ratios; not a test.
#
#   bash bench/run.sh                      everything (about 10-20 minutes)
#   RUNS=5 bash bench/run.sh               more warm passes over the query set
#   WORK=/tmp/mb-bench bash bench/run.sh   where the generated files go (default below)
#
# Needs what scripts/setup.sh --browser installs (trunk, wasm-bindgen, Chromium, chromedriver)
# and npm, which installs pagefind 1.6.0 into bench/node_modules (not a project dependency).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
mb_setup --browser

WORK="${WORK:-${TMPDIR:-/tmp}/minutebook-bench}"
RUNS="${RUNS:-3}"
PAGEFIND_VERSION="1.6.0"

if [ "$(node -p 'try{require("./bench/node_modules/pagefind/package.json").version}catch(e){""}' 2>/dev/null)" != "$PAGEFIND_VERSION" ]; then
    echo "bench: installing pagefind $PAGEFIND_VERSION into bench/node_modules" >&2
    (cd bench && npm install --no-audit --no-fund --loglevel=error --no-save "pagefind@$PAGEFIND_VERSION" >&2)
fi
PAGEFIND="$PWD/bench/node_modules/.bin/pagefind"

echo "bench: building the app (trunk build --release)" >&2
mkdir -p "$WORK"
trunk build index.html --release --dist "$WORK/app" >&2

echo "bench: building the benchmark (cargo build --release)" >&2
cargo build --release -q -p minutebook-bench

exec ./target/release/minutebook-bench all --work "$WORK/run" --app "$WORK/app" --pagefind "$PAGEFIND" --runs "$RUNS" "$@"

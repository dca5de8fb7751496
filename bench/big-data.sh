#!/usr/bin/env bash
# Big-data benchmark (issue 12, "Big data stays usable"; docs/performance.md, "Big data").
# Copies a built site, adds a synthetic council with very long lists (copies of a real
# Sefton meeting with its parts multiplied), regenerates the catalogue, pre-renders the
# copy, and measures each big page in headless Chromium. Prints a markdown table; not a test.
#
#   bash bench/big-data.sh                     generate, pre-render, measure (dist/ as built)
#   DIST=/tmp/other-dist bash bench/big-data.sh   another built site
#   HUGE=0 bash bench/big-data.sh              skip the two 100,000-row meetings (their own copy)
#   MEASURE_ONLY=1 bash bench/big-data.sh      measure the copies an earlier run made
#   CAP=300 bash bench/big-data.sh             seconds before a wait is reported as "> CAP s"
#   ONLY="committee" bash bench/big-data.sh    measure the cases whose name contains this
#   PRERENDER=path/to/prerender bash bench/big-data.sh   a pre-renderer built elsewhere
#
# Cases (crates/bench/src/big.rs): (a) a meeting with 5,000 agenda items; (b) one with
# 100,000 agenda items and one whose single item has 100,000 resolution parts; (c) a
# committee with 2,000 meetings; (d) a person with 1,000 attendances. Sizes: ITEMS,
# HUGE_ITEMS, PARTS, MEETINGS, ATTENDANCES.
#
# The app measured is the one in DIST (its wasm); pages are re-rendered by the pre-renderer
# of this working tree (debug profile, as Trunk's post-build hook runs it) unless PRERENDER
# is given. Compile cost on 2 cores: the bench binary (release) about 1-3 minutes from a
# warm target/, the pre-renderer (debug) about as long once the app's crates changed.
# Needs Chromium and chromedriver (scripts/setup.sh --browser).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DIST="${DIST:-dist}"
WORK="${WORK:-target/bench-big}"
CAP="${CAP:-180}"
HUGE="${HUGE:-1}"
# Pre-rendering is stopped after this many seconds (the 100,000-row copy: HUGE_PRERENDER_CAP);
# a page it did not reach is then served the home page's HTML and rendered by the app.
PRERENDER_CAP="${PRERENDER_CAP:-3600}"
HUGE_PRERENDER_CAP="${HUGE_PRERENDER_CAP:-600}"

if [ ! -f "$DIST/index.html" ] || [ ! -d "$DIST/data" ]; then
    echo "big-data: $DIST is not a built site (run trunk build first, or set DIST)" >&2
    exit 1
fi

echo "big-data: building the benchmark (cargo build --release -p minutebook-bench)" >&2
cargo build --release -q -p minutebook-bench
BENCH=./target/release/minutebook-bench

if [ -z "${MEASURE_ONLY:-}" ]; then
    if [ -z "${PRERENDER:-}" ]; then
        echo "big-data: building the pre-renderer (debug, --features ssr)" >&2
        cargo build -q --no-default-features --features ssr --bin prerender
        PRERENDER=./target/debug/prerender
    fi
    mkdir -p "$WORK"
    huge_flag=""
    [ "$HUGE" = "0" ] && huge_flag="--no-huge"
    "$BENCH" big-data generate --dist "$DIST" --work "$WORK" \
        --items "${ITEMS:-5000}" --huge-items "${HUGE_ITEMS:-100000}" --parts "${PARTS:-100000}" \
        --meetings "${MEETINGS:-2000}" --attendances "${ATTENDANCES:-1000}" $huge_flag
    sites="site"
    [ "$HUGE" = "0" ] || sites="site site-huge"
    for site in $sites; do
        log="$WORK/$site.prerender.log"
        cap="$PRERENDER_CAP"
        [ "$site" = site-huge ] && cap="$HUGE_PRERENDER_CAP"
        echo "big-data: pre-rendering $WORK/$site (cap $cap s)" >&2
        set +e
        /usr/bin/time -f "bench: %e s wall, %M KiB peak memory, exit %x" \
            timeout "$cap" "$PRERENDER" "$WORK/$site" --base / >"$log" 2>&1
        status=$?
        set -e
        [ "$status" = 124 ] && echo "bench: stopped after $cap s (the cap)" >>"$log"
        grep -E '^(prerender|bench):' "$log" >&2 || tail -5 "$log" >&2
    done
fi

only=()
[ -n "${ONLY:-}" ] && only=(--only "$ONLY")
exec "$BENCH" big-data measure --work "$WORK" --cap "$CAP" "${only[@]}"

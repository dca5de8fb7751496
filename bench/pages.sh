#!/usr/bin/env bash
# Page speed and size benchmark for pre-rendering (docs/performance.md). Prints figures;
# it is not a test.
#
#   bash bench/pages.sh                 build, then measure everything
#   NO_BUILD=1 bash bench/pages.sh      measure the dist/ already built
#   NO_LIGHTHOUSE=1 bash bench/pages.sh sizes and the large-council pre-render only
#   NO_LARGE=1 bash bench/pages.sh      without the large-council pre-render
#
# Figures:
#   * Lighthouse 13 (mobile preset, default throttling) on six pages, dist/ served with gzip;
#   * bytes before first paint of a meeting page (HTML + CSS + blocking scripts), brotli;
#   * everything an embed view loads, brotli;
#   * the wasm, brotli;
#   * pre-rendering the synthetic 6,000-meeting council from crates/bench: time, files, bytes.
# Lighthouse is installed on demand into bench/node_modules (not a project dependency).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
mb_setup --browser
WORK="${WORK:-${TMPDIR:-/tmp}/minutebook-pages-bench}"
mkdir -p "$WORK"

if [ -z "${NO_BUILD:-}" ]; then
    echo "bench: trunk build --release" >&2
    trunk build index.html --release >&2
fi

echo "== sizes (brotli, quality 11)"
node bench/sizes.mjs dist

# The wasm's 20 largest items, from the build before wasm-opt (it still has function names).
command -v twiggy >/dev/null || cargo install -q twiggy --locked --version 0.8.0 >&2
echo "== twiggy top 20 (target/wasm32-unknown-unknown/release/minutebook-app.wasm, before wasm-opt)"
twiggy top -n 20 target/wasm32-unknown-unknown/release/minutebook-app.wasm

if [ -z "${NO_LIGHTHOUSE:-}" ]; then
    LH_VERSION="13.0.1"
    if [ "$(node -p 'try{require("./bench/node_modules/lighthouse/package.json").version}catch(e){""}' 2>/dev/null)" != "$LH_VERSION" ]; then
        echo "bench: installing lighthouse $LH_VERSION into bench/node_modules" >&2
        (cd bench && npm install --no-audit --no-fund --loglevel=error --no-save "lighthouse@$LH_VERSION" >&2)
    fi
    PORT=8093
    cargo build --release -q -p minutebook-tools --bin serve
    target/release/serve --gzip --quiet --port "$PORT" dist & SERVER=$!
    trap 'kill $SERVER 2>/dev/null' EXIT
    sleep 1
    echo "== Lighthouse (mobile, default throttling)"
    printf '| page | performance | LCP | CLS | TBT | accessibility | transferred |\n|---|---:|---:|---:|---:|---:|---:|\n'
    for page in / /committees/sefton-osc-children /meetings/sefton-osc-children-2022-11-07 \
        /dashboards/sefton-osc-children-performance-dashboard-2022-11-07 \
        /committees/sefton-osc-children/work-programme /decisions; do
        CHROME_PATH="$(mb_chrome_bin)" bench/node_modules/.bin/lighthouse "http://127.0.0.1:$PORT$page" \
            --quiet --output=json --output-path="$WORK/lh$(echo "$page" | tr / _).json" --only-categories=performance,accessibility \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>&1 || true
        node -e '
            const r = require(process.argv[1]), a = r.audits;
            const kib = (a["total-byte-weight"].numericValue / 1024).toFixed(0);
            console.log(`| \`${process.argv[2]}\` | ${Math.round(r.categories.performance.score * 100)} | ${(a["largest-contentful-paint"].numericValue / 1000).toFixed(1)} s | ${a["cumulative-layout-shift"].numericValue.toFixed(2)} | ${Math.round(a["total-blocking-time"].numericValue)} ms | ${Math.round(r.categories.accessibility.score * 100)} | ${kib} KiB |`);
        ' "$WORK/lh$(echo "$page" | tr / _).json" "$page" || echo "| \`$page\` | lighthouse failed | | | | | |"
    done
    # Where the blocking time goes: each page's long tasks (throttled ms) and what the main
    # thread spent its time on, from the reports kept in $WORK.
    echo "== long tasks (ms, simulated throttling) and main-thread time by kind"
    for page in / /committees/sefton-osc-children /meetings/sefton-osc-children-2022-11-07 \
        /dashboards/sefton-osc-children-performance-dashboard-2022-11-07 \
        /committees/sefton-osc-children/work-programme /decisions; do
        node -e '
            const a = require(process.argv[1]).audits;
            const tasks = ((a["long-tasks"].details || {}).items || [])
                .map(t => `${Math.round(t.duration)}@${Math.round(t.startTime)}`).join(" ");
            const kinds = ((a["mainthread-work-breakdown"].details || {}).items || [])
                .slice(0, 4).map(k => `${k.groupLabel} ${Math.round(k.duration)}`).join(", ");
            console.log(`${process.argv[2]}: tasks ${tasks || "none"}; ${kinds}`);
        ' "$WORK/lh$(echo "$page" | tr / _).json" "$page" || true
    done
fi

[ -n "${NO_LARGE:-}" ] && exit 0
echo "== pre-rendering the synthetic large council"
cargo build --release -q -p minutebook-bench
cargo build --release -q --no-default-features --features ssr --bin prerender
rm -rf "$WORK/large"
mkdir -p "$WORK/large"
./target/release/minutebook-bench generate "$WORK/large/data" >&2
cp dist/index.html "$WORK/large/index.html"
/usr/bin/time -f "prerender: %e s wall, %M KiB peak memory" \
    ./target/release/prerender "$WORK/large" --base / 2>&1
echo "meetings: $(find "$WORK/large/data/meetings" -type f | wc -l)"
echo "files written: $(find "$WORK/large" -path "$WORK/large/data" -prune -o -type f ! -name index.html -print -o -type f -name index.html -print | wc -l)"
echo "bytes written: $(du -sb --exclude=data "$WORK/large" | cut -f1)"

#!/usr/bin/env bash
# Page speed and size benchmark for pre-rendering (docs/performance.md). Prints figures;
# it is not a test.
#
#   bash bench/pages.sh                 build, then measure everything
#   NO_BUILD=1 bash bench/pages.sh      measure the dist/ already built
#   NO_LIGHTHOUSE=1 bash bench/pages.sh sizes and the large-council pre-render only
#   NO_LARGE=1 bash bench/pages.sh      without the large-council pre-render
#   DIST=/some/copy NO_BUILD=1 ...      measure another built site (a variant under study)
#   RUNS=1 NO_FORCED=1 ...              one Lighthouse run per page; only the site as published
#   ONLY_FORCED=1 ...                   only the site with the app forced to start at load
#   PAGES="/decisions /search" ...      other pages than the six
#
# Figures:
#   * Lighthouse 13 (mobile preset, default throttling) on six pages, dist/ served with gzip,
#     as published and with the app forced to start at load (its take-over's cost);
#   * a reader's first key press: time to the app taking over, and the long tasks meanwhile;
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
DIST="${DIST:-dist}"

if [ -z "${NO_BUILD:-}" ]; then
    echo "bench: trunk build --release" >&2
    trunk build index.html --release >&2
fi

echo "== sizes (brotli, quality 11)"
node bench/sizes.mjs "$DIST"

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
    cargo build --release -q -p minutebook-tools --bin serve
    PAGES="${PAGES:-/ /committees/sefton-osc-children /meetings/sefton-osc-children-2022-11-07
        /dashboards/sefton-osc-children-performance-dashboard-2022-11-07
        /committees/sefton-osc-children/work-programme /decisions}"
    RUNS="${RUNS:-3}"
    # One table: each page $RUNS times (TBT on a 2-core machine varies 2-3x between runs);
    # the row is the run with the median performance score, with the spread of TBT after it.
    # Then where the blocking time went in that run: its long tasks (simulated ms @ start)
    # and the main thread's time by kind.
    lighthouse_table() {
        local dir="$1" port="$2" tag="$3"
        target/release/serve --gzip --quiet --port "$port" "$dir" >/dev/null & local server=$!
        sleep 1
        printf '| page | performance | LCP | CLS | TBT (median run; all runs) | accessibility | transferred |\n|---|---:|---:|---:|---:|---:|---:|\n'
        for page in $PAGES; do
            local out="$WORK/lh-$tag$(echo "$page" | tr / _)"
            for run in $(seq 1 "$RUNS"); do
                CHROME_PATH="$(mb_chrome_bin)" bench/node_modules/.bin/lighthouse "http://127.0.0.1:$port$page" \
                    --quiet --output=json --output-path="$out-$run.json" --only-categories=performance,accessibility \
                    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>&1 || true
            done
            node -e '
                const [page, out, runs] = process.argv.slice(1);
                const reports = [];
                for (let i = 1; i <= +runs; i++) { try { reports.push(require(`${out}-${i}.json`)); } catch (e) {} }
                if (!reports.length) { console.log(`| \`${page}\` | lighthouse failed | | | | | |`); process.exit(0); }
                reports.sort((x, y) => x.categories.performance.score - y.categories.performance.score);
                const r = reports[Math.floor(reports.length / 2)], a = r.audits;
                const tbts = reports.map(x => Math.round(x.audits["total-blocking-time"].numericValue)).sort((x, y) => x - y);
                const kib = (a["total-byte-weight"].numericValue / 1024).toFixed(0);
                console.log(`| \`${page}\` | ${Math.round(r.categories.performance.score * 100)} | ${(a["largest-contentful-paint"].numericValue / 1000).toFixed(1)} s | ${a["cumulative-layout-shift"].numericValue.toFixed(2)} | ${Math.round(a["total-blocking-time"].numericValue)} ms (${tbts.join(", ")}) | ${Math.round(r.categories.accessibility.score * 100)} | ${kib} KiB |`);
                const tasks = ((a["long-tasks"].details || {}).items || []).map(t => `${Math.round(t.duration)}@${Math.round(t.startTime)}`).join(" ");
                const kinds = ((a["mainthread-work-breakdown"].details || {}).items || []).slice(0, 4).map(k => `${k.groupLabel} ${Math.round(k.duration)}`).join(", ");
                console.error(`${page}: tasks ${tasks || "none"}; ${kinds}`);
            ' "$page" "$out" "$RUNS" 2>>"$WORK/tasks-$tag.txt"
        done
        kill "$server" 2>/dev/null || true
        echo "long tasks (ms, simulated throttling @ start) and main-thread time by kind:"
        cat "$WORK/tasks-$tag.txt"
    }
    rm -f "$WORK"/tasks-*.txt
    if [ -z "${ONLY_FORCED:-}" ]; then
        echo "== Lighthouse (mobile, default throttling): as published (the app starts when the reader needs it)"
        lighthouse_table "$DIST" 8193 published
    fi
    # What the first interaction costs when the app starts on it.
    echo "== the reader's first key press: to the app taking over (4x CPU, network not throttled)"
    target/release/serve --gzip --quiet --port 8195 "$DIST" >/dev/null & FIRST=$!
    sleep 1
    CHROME_PATH="$(mb_chrome_bin)" node bench/first-interaction.mjs http://127.0.0.1:8195 $PAGES || true
    kill "$FIRST" 2>/dev/null || true
    if [ -z "${NO_FORCED:-}" ]; then
        # What a reader pays when the app does start with the page (search, an address with a
        # query, a page written for another day): the same site with every page marked so.
        rm -rf "$WORK/forced"
        cp -r "$DIST" "$WORK/forced"
        find "$WORK/forced" -name '*.html' -exec sed -i 's/data-mb-prerendered/data-mb-prerendered data-mb-start="load"/' {} +
        echo "== Lighthouse, the same pages with the app started at load"
        lighthouse_table "$WORK/forced" 8194 forced
    fi
fi

[ -n "${NO_LARGE:-}" ] && exit 0
echo "== pre-rendering the synthetic large council"
cargo build --release -q -p minutebook-bench
cargo build --release -q --no-default-features --features ssr --bin prerender
rm -rf "$WORK/large"
mkdir -p "$WORK/large"
./target/release/minutebook-bench generate "$WORK/large/data" >&2
cp "$DIST/index.html" "$WORK/large/index.html"
/usr/bin/time -f "prerender: %e s wall, %M KiB peak memory" \
    ./target/release/prerender "$WORK/large" --base / 2>&1
echo "meetings: $(find "$WORK/large/data/meetings" -type f | wc -l)"
echo "files written: $(find "$WORK/large" -path "$WORK/large/data" -prune -o -type f ! -name index.html -print -o -type f -name index.html -print | wc -l)"
echo "bytes written: $(du -sb --exclude=data "$WORK/large" | cut -f1)"

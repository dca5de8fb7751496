#!/bin/sh
# Trunk's post_build hook (Trunk.toml): everything written from the staged data, in order.
# Trunk sets TRUNK_STAGING_DIR (the folder about to become dist/) and TRUNK_PUBLIC_URL.
set -eu
dir="$TRUNK_STAGING_DIR"
# The search index of exactly the data being published (docs/search.md).
cargo run -q -p minutebook-tools --bin minutebook -- index "$dir/data" "$dir/data/search"
# Calendars (data/calendars/<committee>.ics) and feeds (data/feeds/<id>.atom).
cargo run -q -p minutebook-tools --bin minutebook -- feeds "$dir/data" "$dir/data" \
    --base "$TRUNK_PUBLIC_URL" --site-url "${MINUTEBOOK_SITE_URL:-}"
# Every page as HTML (the native pre-renderer: the app built with `ssr`, not `csr`).
# MINUTEBOOK_TODAY=YYYY-MM-DD renders for another date (tests, reproducible builds).
cargo run -q --no-default-features --features ssr --bin prerender -- "$dir" \
    --base "$TRUNK_PUBLIC_URL" ${MINUTEBOOK_TODAY:+--today "$MINUTEBOOK_TODAY"}

#!/usr/bin/env bash
# Build the app and serve it with the bundled data at http://127.0.0.1:8080
# (deep links work: the server falls back to index.html for app routes).
#
#   bash scripts/serve.sh
#   PORT=9000 bash scripts/serve.sh              another port
#   BASE=/meetings/ bash scripts/serve.sh        build and serve under a sub-path
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
mb_setup

PORT="${PORT:-8080}"
BASE="${BASE:-/}"
if [ "$BASE" = "/" ]; then
    trunk build index.html --release
else
    trunk build index.html --release --public-url "$BASE"
fi
exec cargo run --release -q -p minutebook-tools --bin serve -- --port "$PORT" --base "$BASE" dist

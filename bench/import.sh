#!/usr/bin/env bash
# ModernGov import benchmark: a synthetic ModernGov server on 127.0.0.1 built from the real
# response shapes (40 committees x 10 municipal years x 10 meetings = 4,000 meetings, each
# the real Gloucester Cabinet meeting of 21 November 2025 with its ids and dates changed),
# imported with throttling off; then a second run, which must make only conditional
# requests and rewrite no file. Prints figures; not a test.
#
#   bash bench/import.sh
#   COMMITTEES=10 YEARS=2 bash bench/import.sh      a smaller council
#   WORK=/tmp/mb-import bash bench/import.sh        where the data and cache go
#
# The importer runs in the dev profile, as publishers run it (`cargo run -p minutebook-tools`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
WORK="${WORK:-${TMPDIR:-/tmp}/minutebook-import-bench}"
FIXTURES="${FIXTURES:-$PWD/../shared/fixtures/moderngov}"
mkdir -p "$WORK"
cargo run -q -p minutebook-bench -- import --work "$WORK" --fixtures "$FIXTURES" \
    --committees "${COMMITTEES:-40}" --years "${YEARS:-10}" --meetings "${MEETINGS:-10}"

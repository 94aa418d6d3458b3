#!/usr/bin/env bash
# Installs what the end-to-end tests and `npm start` need: Debian's Chromium and code-server (a real
# VS Code that runs on Node 20). Idempotent: a second run only checks and returns. code-server lives in a
# cache outside the repo, keyed by version, because its install takes minutes and about 700 MB.
# Environment: MILVUS_TLS_CACHE_DIR overrides the cache folder (CI and the fresh-machine check use it).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
version="$(tr -d '[:space:]' < "$repo/.ci/code-server-version")"
cache_root="${MILVUS_TLS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/milvus-tls}"
target="$cache_root/code-server-$version"
entry="$target/node_modules/code-server/out/node/entry.js"

log() { printf 'e2e-setup: %s\n' "$*" >&2; }

# --- Debian packages: Chromium to drive, and what code-server's native modules need to build. ---
missing=()
for pkg in chromium libkrb5-dev pkg-config ripgrep; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- code-server, once per version. ---
if [ -f "$target/.complete" ] && [ -f "$entry" ]; then
  exit 0
fi
mkdir -p "$cache_root"
# Several engineers (or a test and `npm start`) may run this at once: one installs, the others wait.
exec 9>"$cache_root/.lock-code-server-$version"
flock 9
if [ -f "$target/.complete" ] && [ -f "$entry" ]; then
  exit 0
fi

started=$(date +%s)
staging="$target.partial"
rm -rf "$staging"
mkdir -p "$staging/tmp"
log "installing code-server $version into $target (a few minutes, once)"
cd "$staging"
printf '{"name":"code-server-cache","private":true}\n' > package.json

# Phase 1: fetch without running scripts, so that the ripgrep cache can be laid before they run.
npm install --no-audit --no-fund --no-save --ignore-scripts "code-server@$version" >&2

# @vscode/ripgrep's postinstall downloads rg from GitHub, unreachable here; it first looks in
# $TMPDIR/vscode-ripgrep-cache-<its version>/, so Debian's rg is placed there as the expected tarball.
rg_version="$(node -p "require('./node_modules/code-server/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")"
export TMPDIR="$staging/tmp"
rg_cache="$TMPDIR/vscode-ripgrep-cache-$rg_version"
mkdir -p "$rg_cache/pack"
cp /usr/bin/rg "$rg_cache/pack/rg"
tar -czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$rg_cache/pack" rg

# Phase 2: run the install scripts. npm 11 blocks dependency scripts unless approved; this folder is a
# throw-away cache, so all are allowed. code-server's postinstall.sh reads the Node major version from
# the user agent, demands unsafe-perm as root, and an inner `npx node-gyp` must not stop at a prompt.
export npm_config_dangerously_allow_all_scripts=true
export npm_config_unsafe_perm=true
export npm_config_yes=true
export npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64"
export npm_config_audit=false npm_config_fund=false
npm rebuild --foreground-scripts >&2

[ -f node_modules/code-server/out/node/entry.js ] || { log "code-server entry point missing after install"; exit 1; }
[ -e node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ] \
  || { log "ripgrep was not installed into code-server"; exit 1; }
rm -rf "$staging/tmp"
cd "$cache_root"
rm -rf "$target"
mv "$staging" "$target"
touch "$target/.complete"
log "code-server $version installed in $(( $(date +%s) - started ))s"

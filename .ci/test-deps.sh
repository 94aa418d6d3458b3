#!/usr/bin/env bash
# The real peers the tests talk to, from Debian's packages: openssl (verify, s_server/s_client),
# Go (its crypto/tls is Milvus's TLS stack), curl (the REST snippet), git (the .gitignore check),
# Neovim (a second LSP client) and docker-compose (Compose 1.29: `docker-compose config` runs offline
# as the oracle for how Compose merges and resolves compose files). Run by `npm test` before the
# tests; a no-op when all are there.
set -euo pipefail
need_apt=()
command -v openssl >/dev/null || need_apt+=(openssl)
command -v go >/dev/null || need_apt+=(golang-go)
command -v curl >/dev/null || need_apt+=(curl)
command -v git >/dev/null || need_apt+=(git)
command -v nvim >/dev/null || need_apt+=(neovim)
command -v docker-compose >/dev/null || need_apt+=(docker-compose)
[ ${#need_apt[@]} -eq 0 ] && exit 0
echo "test-deps: installing Debian packages: ${need_apt[*]}" >&2
sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null

#!/usr/bin/env bash
# Installs the vendor's own SDKs that the peer tests use as a second oracle (tests/peers/sdk:
# cos-nodejs-sdk-v5, tencentcloud-sdk-nodejs-cvm/-common), exactly as pinned by its
# package-lock.json (`npm ci`). Node.js and npm come with the machine; where they are missing,
# Debian's packages are installed. A failure stops with the reason: the SDK tests never skip.
# Usage: scripts/install-npm-peers.sh
set -euo pipefail
dir=$(cd "$(dirname "$0")/../tests/peers/sdk" && pwd)

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "install-npm-peers: Node.js/npm not found; installing Debian's nodejs and npm"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

echo "install-npm-peers: npm ci in ${dir#"$PWD"/} (node $(node --version), npm $(npm --version))"
if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error); then
    echo "install-npm-peers: 'npm ci' failed in $dir: the vendor SDK peer tests (peer.sdk.*) cannot" \
        "run. Check that the npm registry is reachable and that package-lock.json matches" \
        "package.json." >&2
    exit 1
fi

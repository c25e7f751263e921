#!/usr/bin/env bash
# Runs one of this folder's Node.js peer tests: run-node.sh SCRIPT.js ARGS...
# Without Node.js the test fails and says how to install it (it is never skipped).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v node >/dev/null 2>&1; then
    echo "FAIL: Node.js is not installed; scripts/install-npm-peers.sh installs it and the vendor SDKs."
    exit 1
fi
script=$1
shift
exec node "$here/$script" "$@"

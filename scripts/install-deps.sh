#!/usr/bin/env bash
# Installs the Debian 12 packages listed in scripts/debian-packages.txt.
# Usage: scripts/install-deps.sh [build|test]...   (default: build)  — run as root (or with sudo).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sections=("$@")
[ ${#sections[@]} -gt 0 ] || sections=(build)

packages=()
for section in "${sections[@]}"; do
    mapfile -t found < <(awk -v want="[$section]" '
        /^\[/ { on = ($0 == want); next }
        on && NF && $1 !~ /^#/ { print $1 }' "$here/debian-packages.txt")
    [ ${#found[@]} -gt 0 ] || { echo "install-deps: unknown section '$section'" >&2; exit 2; }
    packages+=("${found[@]}")
done

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

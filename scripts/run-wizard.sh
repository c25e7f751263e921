#!/usr/bin/env bash
# Installs what the wizard needs, builds it (Release) and launches it. Extra arguments go to the
# wizard (e.g. an image path). Usage: scripts/run-wizard.sh [IMAGE]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCVMI_BUILD_TESTS=OFF >/dev/null
cmake --build build/release --parallel "$(nproc)"
exec build/release/app/gui/cvm-import-wizard "$@"

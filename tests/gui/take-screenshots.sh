#!/usr/bin/env bash
# Takes the README's screenshots of the Image page and the Account page on a virtual X server
# (xvfb), so that they show the real program, in its default size, on a real check of a fixture
# disk and a real check against the --demo emulator.
# Usage: tests/gui/take-screenshots.sh [WIZARD_BINARY] [IMAGE] [OUTPUT_PNG]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
binary=${1:-$root/build/release/app/gui/cvm-import-wizard}
image=${2:-$root/build/release/fixtures/linux/centos7.raw}
output=${3:-$root/docs/screenshots/image-page.png}

for file in "$binary" "$image"; do
    [ -e "$file" ] || { echo "take-screenshots.sh: $file not found (build first)" >&2; exit 2; }
done
mkdir -p "$(dirname "$output")"
# A fixed style and no user settings make the picture the same on every machine.
export QT_STYLE_OVERRIDE=Fusion XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --screenshot "$output" "$image"
echo "wrote $output"
# The account page after Check, against the in-process emulator of --demo.
account=$(dirname "$output")/account-page.png
xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --demo --page account --screenshot "$account"
echo "wrote $account"

#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (core/, ui/, app/): new texts appear as unfinished,
# texts gone from the sources are dropped. Then translate the unfinished ones (Qt Linguist, or any
# editor) until tests/i18n/check-translations.sh passes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
cd "$root"
sources=(core ui app)
"$lupdate" -silent -no-obsolete -locations none "${sources[@]}" -ts translations/cvm-import-wizard_zh_CN.ts
# English needs only its plural forms; the source texts are English already.
"$lupdate" -silent -no-obsolete -locations none -pluralonly "${sources[@]}" -ts translations/cvm-import-wizard_en.ts

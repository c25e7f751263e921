#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (core/, ui/ with its Designer forms, app/): new
# texts appear as unfinished, texts gone from the sources are dropped, and a text that only moved
# (to another class, or into a .ui form) keeps its translation (scripts/carry-translations.py).
# Then translate the unfinished ones (Qt Linguist, or any editor) until
# tests/i18n/check-translations.sh passes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
cd "$root"
sources=(core ui app)
refresh() { # refresh FILE [lupdate options...]
    local file=translations/$1
    shift
    "$lupdate" -silent -locations none "$@" "${sources[@]}" -ts "$file"
    python3 scripts/carry-translations.py "$file"
    "$lupdate" -silent -no-obsolete -locations none "$@" "${sources[@]}" -ts "$file"
}
refresh cvm-import-wizard_zh_CN.ts
# English needs only its plural forms; the source texts are English already.
refresh cvm-import-wizard_en.ts -pluralonly

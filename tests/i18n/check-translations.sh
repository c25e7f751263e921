#!/usr/bin/env bash
# Fails when a user-visible text is not translated into Simplified Chinese, when an English plural
# form is missing, or when a .ts file holds entries the sources no longer have (obsolete/vanished)
# or lacks texts they do have. lupdate reads the sources into copies of the committed files, so
# this also catches a text added to the code without running scripts/update-translations.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
status=0
check() { # check FILE [lupdate options...]
    local file=$1
    shift
    cp "translations/$file" "$work/$file"
    # Without -no-obsolete: texts gone from the sources show up as vanished.
    "$lupdate" -silent -locations none "$@" core ui app -ts "$work/$file" 2>/dev/null
    python3 - "$work/$file" "$file" <<'PY' || status=1
import sys, xml.etree.ElementTree as ET
path, name = sys.argv[1], sys.argv[2]
problems = []
for context in ET.parse(path).getroot().iter("context"):
    ctx = context.findtext("name")
    for m in context.iter("message"):
        t = m.find("translation")
        kind = t.get("type") if t is not None else None
        src = m.findtext("source")
        if kind in ("vanished", "obsolete"):
            problems.append(f"{name}: obsolete (no longer in the sources): [{ctx}] {src!r}")
        elif kind == "unfinished" or t is None:
            problems.append(f"{name}: untranslated: [{ctx}] {src!r}")
        elif m.get("numerus") == "yes":
            if any(not (f.text or "").strip() for f in t.iter("numerusform")):
                problems.append(f"{name}: a plural form is empty: [{ctx}] {src!r}")
        elif not (t.text or "").strip():
            problems.append(f"{name}: empty translation: [{ctx}] {src!r}")
for p in problems:
    print(p)
print(f"{name}: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
PY
}
check cvm-import-wizard_zh_CN.ts
check cvm-import-wizard_en.ts -pluralonly

# The contexts the code asks for at run time must be ones lupdate filed texts under: a helper
# `tr()` that calls QCoreApplication::translate("cvmi::disk::X", ...) from a class's member
# function, where lupdate files the text under the class's own name, leaves the text English in
# every language (the disk readers' messages were, until issue 18).
python3 - "$root" <<'PY' || status=1
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
used = {}
for path in list(root.glob("core/**/*.[ch]*")) + list(root.glob("ui/**/*.[ch]*")) + list(root.glob("app/**/*.[ch]*")):
    text = path.read_text(encoding="utf-8", errors="replace")
    for pattern in (r'QCoreApplication::translate\(\s*"([^"]+)"', r'QApplication::translate\(\s*"([^"]+)"',
                    r'Q_DECLARE_TR_FUNCTIONS\(([^)]+)\)'):
        for context in re.findall(pattern, text):
            used.setdefault(context.strip(), str(path.relative_to(root)))
filed = set(re.findall(r"<name>([^<]+)</name>",
                       (root / "translations/cvm-import-wizard_zh_CN.ts").read_text(encoding="utf-8")))
missing = sorted(c for c in used if c not in filed)
for context in missing:
    print(f"context {context!r} ({used[context]}) has no texts in the .ts: its texts are filed elsewhere and never translated")
print(f"run-time contexts: {len(missing)} problem(s)")
sys.exit(1 if missing else 0)
PY
exit $status

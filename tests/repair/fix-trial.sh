#!/usr/bin/env bash
# A repair trial: the script `cvm-import check --fix-script` writes for a failing fixture must
#   1. pass shellcheck;
#   2. change nothing with --dry-run;
#   3. make every named rule pass once run against a copy of the fixture's guest tree and the disk
#      is rebuilt from that copy (the same recipe: tree_disk in tests/fixtures/guest-tree-lib.sh);
#   4. find nothing left to change when run a second time.
# Usage: fix-trial.sh CVM_IMPORT DISK RULE...   (DISK.tree and DISK.recipe made by tree_disk)
# The guest's own tools run through tests/repair/fake-chroot.sh (CVMI_CHROOT), not chroot(8).
set -euo pipefail
cli=$1 disk=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=tests/fixtures/guest-tree-lib.sh
. "$here/../fixtures/guest-tree-lib.sh"
export PATH="$PATH:/usr/sbin:/sbin"
export CVMI_CHROOT="$here/fake-chroot.sh"
die() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

verdicts() { # verdicts JSON RULE... -> "rule=verdict" lines
    python3 - "$@" <<'PY'
import json, sys
rules = {r["id"]: r for r in json.load(open(sys.argv[1]))["rules"]}
for rid in sys.argv[2:]:
    r = rules.get(rid)
    print(f"{rid}={r['verdict'] if r else 'absent'}")
    if r and r["verdict"] != "pass":
        print(f"  evidence: {r['evidence']}", file=sys.stderr)
PY
}

"$cli" check --json --fix-script "$work/fix.sh" "$disk" >"$work/before.json" || true
verdicts "$work/before.json" "$@" >"$work/before.txt" 2>/dev/null
while IFS='=' read -r rule verdict; do
    case $verdict in fail | warn) ;; *) die "$rule is $verdict before the repair, not fail or warn" ;; esac
done <"$work/before.txt"
[ -s "$work/fix.sh" ] || die "no repair script was written"
for rule in "$@"; do
    grep -q "^step '$rule'" "$work/fix.sh" || die "the script has no step for $rule"
done
shellcheck -s sh "$work/fix.sh" || die "shellcheck found problems in the script"

cp -a "$disk.tree" "$work/tree"
sh "$work/fix.sh" --dry-run --root "$work/tree" >"$work/dry.txt" || die "the dry run failed: $(cat "$work/dry.txt")"
diff -r "$disk.tree" "$work/tree" >/dev/null || die "the dry run changed the tree"
sh "$work/fix.sh" --root "$work/tree" >"$work/run1.txt" || die "the script failed: $(cat "$work/run1.txt")"
grep -q 'changed:' "$work/run1.txt" || die "the script changed nothing"
sh "$work/fix.sh" --root "$work/tree" >"$work/run2.txt" || die "the second run failed"
! grep -q 'changed:' "$work/run2.txt" || die "a second run changed again: $(grep 'changed:' "$work/run2.txt")"

# shellcheck source=/dev/null
. "$disk.recipe"
# shellcheck disable=SC2154 # uuid, label, size come from the recipe
tree_disk "$work/tree" "$work/fixed.raw" "$uuid" "$label" "$size"
"$cli" check --json "$work/fixed.raw" >"$work/after.json" || true
verdicts "$work/after.json" "$@" >"$work/after.txt"
while IFS='=' read -r rule verdict; do
    [ "$verdict" = pass ] || die "$rule is $verdict after the repair (script output: $(cat "$work/run1.txt"))"
done <"$work/after.txt"
printf 'repaired: %s\n' "$*"

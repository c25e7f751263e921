#!/usr/bin/env bash
# Runs the real inspection (`cvm-import check --json`) over one hostile image and asserts that it
# ends with a report (exit 0 or 1: a verdict, not a crash) and, given a pattern, that the report
# says it. The hang guard is the CTest TIMEOUT, not a measured time.
# Usage: check-hostile.sh CLI IMAGE [GREP_PATTERN]
set -euo pipefail
cli=$1 image=$2 pattern=${3:-}
rc=0
json=$("$cli" check --json "$image" 2>/dev/null) || rc=$?
if [ "$rc" -gt 1 ]; then
    echo "cvm-import check exited $rc on $image" >&2
    exit 1
fi
printf '%s' "$json" | python3 -c 'import json,sys; json.load(sys.stdin)'
if [ -n "$pattern" ] && ! printf '%s' "$json" | grep -q -- "$pattern"; then
    echo "the report of $image does not say: $pattern" >&2
    exit 1
fi

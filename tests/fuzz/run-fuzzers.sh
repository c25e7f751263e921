#!/usr/bin/env bash
# Runs every libFuzzer target of a CVMI_FUZZ build for a short smoke, each on its seed corpus.
# Usage: run-fuzzers.sh BUILD_DIR [SECONDS]   — exit 1 if any target crashed.
set -uo pipefail
build=${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS]}
seconds=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
corpus=$build/fuzz-corpus
"$here/make-corpus.sh" "$corpus" || exit 1
status=0
for target in "$build"/tests/fuzz/fuzz_*; do
    [ -f "$target" ] && [ -x "$target" ] || continue # not the *_autogen folders
    name=$(basename "$target")
    mkdir -p "$corpus/$name" "$build/fuzz-artifacts/$name"
    work=$(mktemp -d)
    cp -r "$corpus/$name/." "$work/" 2>/dev/null
    echo "-- $name: $seconds s"
    if ASAN_OPTIONS=detect_leaks=1 "$target" -max_total_time="$seconds" -max_len=262144 \
        -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$build/fuzz-artifacts/$name/" "$work" >"$build/$name.log" 2>&1; then
        grep -E 'stat::number_of_executed_units|^#[0-9]+ *DONE' "$build/$name.log" | tail -2
    else
        echo "!! $name found a problem; see $build/$name.log and $build/fuzz-artifacts/$name/"
        tail -40 "$build/$name.log"
        status=1
    fi
    rm -rf "$work"
done
exit $status

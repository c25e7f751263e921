#!/usr/bin/env bash
# Runs every libFuzzer target of a CVMI_FUZZ build for a short smoke, each on its seed corpus.
# Usage: run-fuzzers.sh BUILD_DIR [SECONDS]   — exit 1 if any target crashed.
set -uo pipefail
build=${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS]}
seconds=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
corpus=$build/fuzz-corpus
"$here/make-corpus.sh" "$corpus" || exit 1
# One target per core at a time: the smoke's wall time is what CI's 60 minutes pay for.
jobs=${FUZZ_JOBS:-$(nproc)}
run_one() { # target: prints its summary (or its failure) in one piece when it ends
    local target=$1 name work out
    name=$(basename "$target")
    mkdir -p "$corpus/$name" "$build/fuzz-artifacts/$name"
    work=$(mktemp -d)
    cp -r "$corpus/$name/." "$work/" 2>/dev/null
    out="-- $name: $seconds s"
    if ASAN_OPTIONS=detect_leaks=1 "$target" -max_total_time="$seconds" -max_len=262144 \
        -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$build/fuzz-artifacts/$name/" "$work" >"$build/$name.log" 2>&1; then
        out+=$'\n'$(grep -E 'stat::number_of_executed_units|^#[0-9]+ *DONE' "$build/$name.log" | tail -2)
        rc=0
    else
        out+=$'\n'"!! $name found a problem; see $build/$name.log and $build/fuzz-artifacts/$name/"
        out+=$'\n'$(tail -40 "$build/$name.log")
        rc=1
    fi
    rm -rf "$work"
    echo "$out"
    return $rc
}
status=0
running=0
for target in "$build"/tests/fuzz/fuzz_*; do
    [ -f "$target" ] && [ -x "$target" ] || continue # not the *_autogen folders
    if [ "$running" -ge "$jobs" ]; then
        wait -n || status=1
        running=$((running - 1))
    fi
    run_one "$target" &
    running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
    wait -n || status=1
    running=$((running - 1))
done
exit $status

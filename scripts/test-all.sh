#!/usr/bin/env bash
# Installs what the tests need (Debian packages, the vendor's npm SDKs), then builds and runs
# every test:
#   1. a Release build with warnings as errors, all CTest tests, and its Debian package installed,
#      tried and removed (scripts/check-package.sh);
#   2. an ASan+UBSan build, all CTest tests;
#   3. the libFuzzer targets built with clang, each run briefly on its seed corpus;
# and before them, that every C++ file is formatted (clang-format --dry-run -Werror).
# Usage: scripts/test-all.sh            (FUZZ_SECONDS=20 by default: 24 targets two at a time fit CI's 60 minutes;
#                                        longer runs: tests/fuzz/run-fuzzers.sh; SKIP_FUZZ=1 skips step 3)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=$(nproc)
scripts/install-deps.sh build test || exit 2
# The vendor's SDKs for the peer.sdk.* tests (npm ci from tests/peers/sdk/package-lock.json).
scripts/install-npm-peers.sh || {
    echo "test-all: the vendor SDKs could not be installed (see above); the peer.sdk.* tests need them" >&2
    exit 2
}

passed=0
failed=0
status=0
run_ctest() { # build-dir label
    local log="$1/ctest.log"
    (cd "$1" && ctest --output-on-failure --parallel "$jobs" --timeout 900) 2>&1 | tee "$log"
    local line
    line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1)
    if [ -z "$line" ]; then
        echo "test-all: no CTest summary for $2" >&2
        status=1
        return
    fi
    local total nfail
    total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
    nfail=$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$line")
    passed=$((passed + total - nfail))
    failed=$((failed + nfail))
    [ "$nfail" -eq 0 ] || status=1
}

build() { # dir, cmake args... [-- build target]
    local dir=$1
    shift
    local args=() target=()
    while [ $# -gt 0 ]; do
        if [ "$1" = "--" ]; then
            target=(--target "$2")
            break
        fi
        args+=("$1")
        shift
    done
    cmake -S "$root" -B "$dir" -G Ninja "${args[@]}" >"$dir.configure.log" 2>&1 || {
        cat "$dir.configure.log"
        return 1
    }
    cmake --build "$dir" --parallel "$jobs" "${target[@]}" 2>&1 | tail -n 40
    return "${PIPESTATUS[0]}"
}

echo "== Formatting (clang-format, the root .clang-format) =="
if git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run -Werror; then
    passed=$((passed + 1))
else
    echo "test-all: the files above are not formatted: run clang-format -i on them" >&2
    failed=$((failed + 1))
    status=1
fi

mkdir -p build
echo "== Release build (warnings are errors) =="
if build build/ci-release -DCMAKE_BUILD_TYPE=Release -DCVMI_WERROR=ON; then
    run_ctest build/ci-release release
    echo "== Debian package from the Release build: install, try, remove =="
    if scripts/check-package.sh build/ci-release; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        status=1
    fi
else
    echo "test-all: the Release build failed" >&2
    failed=$((failed + 1)) # the package check had nothing to package
    status=1
fi

echo "== ASan+UBSan build (and the wizard without --demo: CVMI_DEMO=OFF) =="
if build build/ci-asan -DCMAKE_BUILD_TYPE=Asan -DCVMI_WERROR=ON -DCVMI_BUILD_GUI=ON -DCVMI_DEMO=OFF; then
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp
    run_ctest build/ci-asan asan
    unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
else
    echo "test-all: the ASan build failed" >&2
    status=1
fi

if [ "${SKIP_FUZZ:-0}" != 1 ]; then
    echo "== libFuzzer smoke runs (${FUZZ_SECONDS:-20} s each) =="
    if CC=clang CXX=clang++ build build/ci-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCVMI_FUZZ=ON \
        -DCVMI_BUILD_GUI=OFF -- fuzzers; then
        # Seeds also come from the fixtures the Release tests built (GPT disk, Windows kernels).
        if CVMI_FIXTURE_DIR=$root/build/ci-release/fixtures \
            tests/fuzz/run-fuzzers.sh build/ci-fuzz "${FUZZ_SECONDS:-20}"; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            status=1
        fi
    else
        echo "test-all: the fuzz build failed" >&2
        failed=$((failed + 1))
        status=1
    fi
fi

echo
echo "test-all: ${passed} passed, ${failed} failed"
exit $status

#!/usr/bin/env python3
"""The resume check's read speed: transfer/PartVerifier against a plain sequential read.

Writes a file of random bytes (--size, default 1G) in --work (default a temporary folder),
compiles bench_verify.cpp with g++ from the source tree (PartVerifier.cpp, Crc64.cpp, Qt6Core,
ISA-L), and runs it: the verifier's pass over all parts (--part-size, default 8M) and a plain read
of the same file through the same 1 MiB buffer, the best of --reps each, with the file in the page
cache and with its pages dropped (POSIX_FADV_DONTNEED) before each pass. Prints both lines and the
ratio verify/plain. Goal (issue 11): close to 1, i.e. the check costs what reading costs.

Usage: bench_verify.py [--size 1G] [--part-size 8M] [--reps 3] [--work DIR]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def size_arg(text):
    text = text.strip().upper()
    return int(float(text[:-1]) * UNITS[text[-1]]) if text[-1] in UNITS else int(text)


def build(work):
    exe = os.path.join(work, "bench_verify")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "Qt6Core"], check=True,
                           stdout=subprocess.PIPE, text=True).stdout.split()
    subprocess.run(["g++", "-O2", "-std=c++20", "-fPIC", "-pthread", "-I",
                    os.path.join(SOURCE, "core"),
                    os.path.join(SOURCE, "tests/bench/upload/bench_verify.cpp"),
                    os.path.join(SOURCE, "core/transfer/PartVerifier.cpp"),
                    os.path.join(SOURCE, "core/util/Crc64.cpp"), *flags, "-lisal", "-o", exe],
                   check=True)
    return exe


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=size_arg, default=1 << 30)
    parser.add_argument("--part-size", type=size_arg, default=8 << 20)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--work")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.work) as work:
        exe = build(work)
        path = os.path.join(work, "file.raw")
        with open(path, "wb") as f:
            left = args.size
            while left > 0:
                chunk = os.urandom(min(left, 16 << 20))
                f.write(chunk)
                left -= len(chunk)
        out = subprocess.run([exe, path, str(args.part_size >> 20), str(args.reps)], check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        for line in out.splitlines():
            r = json.loads(line)
            print(f"{r['cache']:>6}: plain read {r['plain_gb_per_s']:.2f} GB/s, "
                  f"verification {r['verify_gb_per_s']:.2f} GB/s, ratio {r['ratio']:.2f} "
                  f"({r['bytes'] >> 20} MiB, parts of {r['part_size'] >> 20} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

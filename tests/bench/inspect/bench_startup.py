#!/usr/bin/env python3
"""What `cvm-import` costs before it does any work, and its check of a 60 GiB qcow2 beside `qemu-img info`.

Builds a 60 GiB-virtual qcow2 from a guest fixture (qemu-img convert, then resize: a few MiB on
disk), then times, interleaved round by round so that a busy machine slows all alike, the median
wall time of:
  cvm-import --version            the start alone (loading and relocating the shared libraries);
  cvm-import check IMAGE          the whole check;
  qemu-img info IMAGE             the baseline the issue's goal is stated against (<= 2x);
and prints the number of shared objects the loader maps (ldd) and its own start-up time
(LD_DEBUG=statistics). With --compare OTHER_CLI, the same for another build of cvm-import (e.g.
one linked with -DCVMI_STATIC_TSK=OFF, or main's), so that both are measured in the same run.

Usage: bench_startup.py --cli build/rel/app/cli/cvm-import --fixtures build/rel/fixtures
                        [--compare OTHER_CLI] [--runs 40]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time


def run(*cmd):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wall_ms(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode > 1:  # check exits 1 for an image that is not importable
        sys.exit(f"bench_startup: {' '.join(cmd)} exited {done.returncode}")
    return elapsed


def loader_figures(cli):
    objects = sum(1 for line in run("ldd", cli).stdout.decode().splitlines() if "=>" in line)
    env = dict(os.environ, LD_DEBUG="statistics")
    err = subprocess.run([cli, "--version"], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE).stderr.decode()
    cycles = re.search(r"total startup time in dynamic loader:\s*(\d+)", err)
    relocs = re.search(r"final number of relocations:\s*(\d+)", err)
    return objects, int(cycles.group(1)) if cycles else 0, int(relocs.group(1)) if relocs else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--fixtures", required=True, help="the build tree's fixtures folder (made by ctest)")
    ap.add_argument("--compare", help="another cvm-import to measure in the same rounds")
    ap.add_argument("--runs", type=int, default=40)
    args = ap.parse_args()

    guest = os.path.join(args.fixtures, "linux", "ubuntu2204.raw")
    if not os.path.exists(guest):
        sys.exit(f"bench_startup: {guest} is missing (ctest -R fixtures.linux makes it)")
    clis = {"cli": os.path.abspath(args.cli)}
    if args.compare:
        clis["compare"] = os.path.abspath(args.compare)

    with tempfile.TemporaryDirectory() as work:
        image = os.path.join(work, "ubuntu2204-60G.qcow2")
        run("qemu-img", "convert", "-O", "qcow2", guest, image)
        run("qemu-img", "resize", "-q", image, "60G")
        commands = {"qemu-img info": ["qemu-img", "info", image]}
        for name, cli in clis.items():
            commands[f"{name} --version"] = [cli, "--version"]
            commands[f"{name} check"] = [cli, "check", image]
        for cmd in commands.values():  # warm the page cache and the loader's
            wall_ms(cmd)
        times = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(wall_ms(cmd))

    median = {name: statistics.median(values) for name, values in times.items()}
    qemu = median["qemu-img info"]
    print(f"{'median of ' + str(args.runs) + ' interleaved rounds':38} {'ms':>8} {'/qemu-img info':>15}")
    for name, ms in median.items():
        print(f"{name:38} {ms:8.1f} {ms / qemu:15.2f}")
    for name, cli in clis.items():
        objects, cycles, relocs = loader_figures(cli)
        print(f"{name}: {cli}\n    {objects} shared objects, {relocs} relocations, "
              f"{cycles / 1e6:.1f} M cycles in the dynamic loader")
    return 0


if __name__ == "__main__":
    sys.exit(main())

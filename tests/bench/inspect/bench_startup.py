#!/usr/bin/env python3
"""What `cvm-import` costs before it does any work, and its check of a 60 GiB qcow2 beside `qemu-img info`.

Builds a 60 GiB-virtual qcow2 from a guest fixture (qemu-img convert, then resize: a few MiB on
disk), then times, interleaved round by round so that a busy machine slows all alike, the median
wall time and user + system CPU time (the steadier figure on a busy machine) of:
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
    """(wall, user + system CPU) in ms: on a busy machine the CPU time is the steadier figure."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode > 1 or proc.returncode < 0:  # check exits 1 for a non-importable image
        sys.exit(f"bench_startup: {' '.join(cmd)} exited {proc.returncode}")
    return elapsed, (usage.ru_utime + usage.ru_stime) * 1000


def loader_figures(cli):
    objects = sum(1 for line in run("ldd", cli).stdout.decode().splitlines() if "=>" in line)
    env = dict(os.environ, LD_DEBUG="statistics")
    cycles, relocs = [], 0
    for _ in range(15):  # one start is at the mercy of the scheduler: the median of several
        err = subprocess.run([cli, "--version"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE).stderr.decode()
        found = re.search(r"total startup time in dynamic loader:\s*(\d+)", err)
        cycles.append(int(found.group(1)) if found else 0)
        found = re.search(r"final number of relocations:\s*(\d+)", err)
        relocs = int(found.group(1)) if found else 0
    return objects, statistics.median(cycles), relocs


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

    wall = {name: statistics.median(t[0] for t in values) for name, values in times.items()}
    cpu = {name: statistics.median(t[1] for t in values) for name, values in times.items()}
    qemu, qemu_cpu = wall["qemu-img info"], cpu["qemu-img info"]
    print(f"{'median of ' + str(args.runs) + ' interleaved rounds':34} {'wall ms':>8} {'/qemu-img':>9}"
          f" {'cpu ms':>8} {'/qemu-img':>9}")
    for name in wall:
        print(f"{name:34} {wall[name]:8.1f} {wall[name] / qemu:9.2f} {cpu[name]:8.1f}"
              f" {cpu[name] / qemu_cpu:9.2f}")
    for name, cli in clis.items():
        objects, cycles, relocs = loader_figures(cli)
        print(f"{name}: {cli}\n    {objects} shared objects, {relocs} relocations, "
              f"{cycles / 1e6:.1f} M cycles in the dynamic loader (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

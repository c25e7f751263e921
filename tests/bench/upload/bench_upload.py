#!/usr/bin/env python3
"""Upload speed and memory: `cvm-import upload` against `curl --parallel` sending the same parts.

The main figure is against a minimal multipart sink (sink/, compiled here with g++: Initiate,
UploadPart, ListParts, Complete, Abort, HEAD; bodies discarded, no signature checked, one epoll
thread), so that what is measured is the client, not the server. The sink runs twice: with
--crc64 (it computes every part's CRC-64 and answers x-cos-hash-crc64ecma, which our COS dialect
requires and checks, and the object's combined CRC at Complete), and without (bodies dropped
with MSG_TRUNC, not even copied). In one run it prints:

1. the sink's ceiling: one `curl --parallel --parallel-max 16` (--ceiling-concurrency) sending
   all parts to each sink, with curl's and the sink's CPU seconds per GiB;
2. for each concurrency (1, 4, 8, 16), `cvm-import upload` (COS's native dialect with
   --cos-endpoint, part size --part-size, default 8 MiB) against the baseline, one
   `curl --parallel --parallel-max N` process sending the same parts (the file pre-split into
   part files, which curl uploads with -T) between a curl Initiate and a curl Complete, both to
   the CRC sink. Each uploads --rounds times (default 3), interleaved with the order alternating,
   page cache warm (the file or the parts read just before) and write-back settled (sync and a
   short wait) before each timed run; the run of median wall time is shown with the highest peak
   RSS of the rounds. Both are timed from the first request to the completed object (process
   starts included), and both objects must carry the file's CRC-64 (the sink's HEAD, against the
   file's CRC computed here by bench_crc64). Printed: throughput in decimal MB/s (10^6 bytes/s),
   the ratio ours/curl, CPU seconds per GiB of both (the client processes' user + system time),
   our peak RSS (GNU time) against issue 15's limit concurrency x 1 MiB + 64 MiB and whether it
   holds, curl's peak RSS, and the sink's own CPU s/GiB while serving each (ours/curl: the
   same work for the same bytes, so a difference there is the way the bytes arrive) and the
   connections it accepted from each (curl's include its Initiate and Complete processes);
3. our peak RSS again with other part sizes (--rss-part-sizes, default 64M; one run each), as
   the limit holds "at any part size";
4. CRC-64 throughput of cvmi::util::Crc64 on one core over a 1 GiB buffer (bench_crc64.cpp).
Goals (issue 15): ratio >= 0.97 at concurrency 1, 4 and 8, CPU s/GiB <= 1.15 x curl's, peak RSS
within the limit.

--emulator adds the earlier figure, against the cvm-cloud-emulator (SigV4 checked; curl signs
with --aws-sigv4), under its own heading: the emulator costs about 10 CPU s/GiB and caps every
client near 100 MiB/s, so it shows agreement with a real store's checks, not the engine's speed
(see bench_upload_emulator.py). --no-sink leaves the sink figure out.

--kill-trials N runs tst_cli_upload (CTest, the build given) with CVMI_KILL_TRIALS=N: the CLI
killed with SIGKILL at random moments and resumed, every object's CRC-64 equal to the file's.

Run it on an otherwise idle machine: both clients share the cores with the sink, and ours
also waits on the disk (the resume record is synced after every part), so other processes'
builds and writes show in its figures more than in curl's. At the defaults a run took 328 s on
the 2-core development machine (57 s of it preparing the file and its parts); --size 1G takes
about two minutes.

Credentials: bench-only fakes (the sink checks none; the emulator's account exists only in the
emulator this run starts). With --work DIR the folder is kept, and a later run of the same
--size and --part-size uploads the same file and parts instead of writing new ones (for
before/after comparisons). The default 4 GiB needs 8 GiB free in --work (file and parts), and
about 9 GiB of page cache to stay warm.

Usage: bench_upload.py [--build build/release] [--size 4G] [--part-size 8M]
                       [--concurrency 1,4,8,16] [--rounds 3] [--ceiling-concurrency 16]
                       [--rss-part-sizes 64M] [--emulator] [--no-sink] [--work DIR]
                       [--kill-trials N] [--no-upload]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

from bench_upload_common import (GNU_TIME, MB, SOURCE, GiB, MiB, Curl, Server, build_crc_tool,
                                 build_sink, file_crc, make_file, median, ours, settle,
                                 size_arg, split_parts, warm)

SINK_BUCKET = "bench-1250000000"
SINK_CREDENTIALS = ("AKIDBENCHSINK0000001", "bench-sink-checks-no-signature", "ap-guangzhou")


def sink_stats(endpoint):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"{endpoint}/_sink/stats", timeout=10) as answer:
        return json.load(answer)


class Measured:
    """Runs one timed upload against a sink and checks it:
    (wall, cpu, rss, the sink's cpu s, connections the sink accepted)."""

    def __init__(self, sink, curl, size, crc):
        self.sink, self.curl, self.size, self.crc = sink, curl, size, crc

    def run(self, who, key, upload):
        before = sink_stats(self.sink.endpoint)
        wall, cpu, rss = upload()
        after = sink_stats(self.sink.endpoint)
        received = after["body_bytes"] - before["body_bytes"]
        if received < self.size:
            sys.exit(f"{who}: the sink received {received} body bytes of {self.size}")
        stored = self.curl.stored_crc(key)
        if after["crc64"] and stored != self.crc:
            sys.exit(f"{who}: the sink's object {key} has CRC-64 {stored}, the file {self.crc}")
        self.curl.call("DELETE", self.curl.url(key))
        return (wall, cpu, rss, after["cpu_s"] - before["cpu_s"],
                after["connections"] - before["connections"])


def ceiling(args, sinks, work, parts, crc):
    c = args.ceiling_concurrency
    print(f"\n== sink ceiling: one curl --parallel --parallel-max {c}, all parts, median of "
          f"{args.rounds}")
    print(f"{'sink':>8} {'MB/s':>8} {'MiB/s':>8} {'curl cpu s/GiB':>14} {'sink cpu s/GiB':>14}")
    gib = args.size / GiB
    for name, sink in (("CRC off", sinks["plain"]), ("CRC on", sinks["crc"])):
        curl = Curl(sink.endpoint, work, SINK_BUCKET)
        measured = Measured(sink, curl, args.size, crc)
        runs = []
        for r in range(args.rounds):
            warm(parts)
            settle()
            key = f"ceiling-r{r}.raw"
            runs.append(measured.run("curl", key, lambda: curl.baseline(parts, key, c, work)))
        wall, cpu, _, sink_cpu, _ = median(runs)
        print(f"{name:>8} {args.size / MB / wall:>8.0f} {args.size / MiB / wall:>8.0f} "
              f"{cpu / gib:>14.2f} {sink_cpu / gib:>14.2f}", flush=True)


def compare(args, cli, sink, work, path, parts, crc, levels):
    """Ours against curl at each concurrency, to the CRC sink: returns the goals missed."""
    curl = Curl(sink.endpoint, work, SINK_BUCKET)
    measured = Measured(sink, curl, args.size, crc)
    print(f"\n== sink figure: cvm-import upload vs curl --parallel, {args.part_size // MiB} MiB "
          f"parts, CRC sink, median of {args.rounds} interleaved rounds (MB/s = 10^6 B/s)")
    print(f"{'conc':>4} {'ours MB/s':>10} {'curl MB/s':>10} {'ratio':>6} {'ours cpu/GiB':>12} "
          f"{'curl cpu/GiB':>12} {'cpu ratio':>9} {'ours RSS MiB':>12} {'limit MiB':>9} "
          f"{'holds':>5} {'curl RSS MiB':>12} {'sink cpu/GiB o/c':>16} {'conns o/c':>9}")
    gib = args.size / GiB
    misses = []
    for c in levels:
        runs = {"ours": [], "curl": []}
        for r in range(args.rounds):
            # Alternate who goes first, so that neither always meets a warmer cache.
            for who in (["ours", "curl"] if (c + r) % 2 else ["curl", "ours"]):
                warm([path] if who == "ours" else parts)
                settle()
                key = f"{who}-c{c}-r{r}.raw"
                if who == "ours":
                    upload = lambda: ours(cli, sink.endpoint, work, path,  # noqa: E731
                                          f"cos://{SINK_BUCKET}/{key}", args.part_size, c,
                                          SINK_CREDENTIALS)
                else:
                    upload = lambda: curl.baseline(parts, key, c, work)  # noqa: E731
                runs[who].append(measured.run(who, key, upload))
        (o_wall, o_cpu, o_rss, o_sink, o_conns), (c_wall, c_cpu, c_rss, c_sink, c_conns) = (
            median(runs["ours"]), median(runs["curl"]))
        ratio = c_wall / o_wall
        cpu_ratio = o_cpu / c_cpu
        limit = c * MiB + 64 * MiB
        holds = o_rss <= limit
        print(f"{c:>4} {args.size / MB / o_wall:>10.0f} {args.size / MB / c_wall:>10.0f} "
              f"{ratio:>6.2f} {o_cpu / gib:>12.2f} {c_cpu / gib:>12.2f} {cpu_ratio:>9.2f} "
              f"{o_rss / MiB:>12.1f} {limit / MiB:>9.0f} {'yes' if holds else 'NO':>5} "
              f"{c_rss / MiB:>12.1f} {o_sink / gib:>7.2f}/{c_sink / gib:<8.2f} "
              f"{o_conns:>4}/{c_conns:<4}", flush=True)
        if c in (1, 4, 8) and ratio < 0.97:
            misses.append(f"ratio {ratio:.2f} < 0.97 at concurrency {c}")
        if cpu_ratio > 1.15:
            misses.append(f"CPU {cpu_ratio:.2f}x curl's > 1.15x at concurrency {c}")
        if not holds:
            misses.append(f"peak RSS {o_rss / MiB:.1f} MiB > {limit / MiB:.0f} MiB at "
                          f"concurrency {c}, {args.part_size // MiB} MiB parts")
    return misses


def rss_line(args, cli, sink, work, path, crc, levels):
    """Our peak RSS with other part sizes (one run each): returns the goals missed."""
    curl = Curl(sink.endpoint, work, SINK_BUCKET)
    measured = Measured(sink, curl, args.size, crc)
    misses = []
    for part_size in args.rss_part_sizes:
        cells = []
        for c in levels:
            warm([path])
            settle()
            key = f"rss-{part_size}-c{c}.raw"
            wall, _, rss, _, _ = measured.run("ours", key, lambda: ours(
                cli, sink.endpoint, work, path, f"cos://{SINK_BUCKET}/{key}", part_size, c,
                SINK_CREDENTIALS))
            limit = c * MiB + 64 * MiB
            cells.append(f"c{c} {rss / MiB:.0f}/{limit / MiB:.0f} MiB "
                         f"{'ok' if rss <= limit else 'OVER'} ({args.size / MB / wall:.0f} MB/s)")
            if rss > limit:
                misses.append(f"peak RSS {rss / MiB:.1f} MiB > {limit / MiB:.0f} MiB at "
                              f"concurrency {c}, {part_size // MiB} MiB parts")
        print(f"ours, {part_size // MiB} MiB parts, peak RSS / limit: " + "; ".join(cells),
              flush=True)
    return misses


def sink_figures(args, cli, levels, work, path, parts, crc):
    sink_exe = build_sink(work)
    sinks = {}
    try:
        sinks["plain"] = Server([sink_exe, "--port", "0"], os.path.join(work, "sink.log"),
                                "the sink")
        sinks["crc"] = Server([sink_exe, "--port", "0", "--crc64"],
                              os.path.join(work, "sink-crc.log"), "the CRC sink")
        print(f"sinks: {sinks['plain'].endpoint} (CRC off), {sinks['crc'].endpoint} (CRC on)")
        ceiling(args, sinks, work, parts, crc)
        misses = compare(args, cli, sinks["crc"], work, path, parts, crc, levels)
        return misses + rss_line(args, cli, sinks["crc"], work, path, crc, levels)
    finally:
        for sink in sinks.values():
            sink.stop()


def crc_speed_line(crc_tool):
    speed = json.loads(subprocess.run(
        ["taskset", "-c", "0", crc_tool, "speed", "1024", "5"] if shutil.which("taskset")
        else [crc_tool, "speed", "1024", "5"],
        check=True, stdout=subprocess.PIPE, text=True).stdout)
    print(f"\nCRC-64 (cvmi::util::Crc64, ISA-L) on one core: {speed['gb_per_s']:.2f} GB/s "
          f"({speed['bytes'] / MiB / speed['seconds']:.0f} MiB/s) over a 1 GiB buffer, best of 5")
    return [] if speed["gb_per_s"] >= 4 else [f"CRC-64 {speed['gb_per_s']:.2f} GB/s < 4 GB/s"]


def prepare(args, work, crc_tool):
    """The file, its parts and its CRC-64: made anew, or those a kept --work folder holds from
    a run with the same size and part size (before/after comparisons then upload the same
    bytes, and skip a minute of writing)."""
    path = os.path.join(work, "disk.raw")
    folder = os.path.join(work, "parts")
    stamp_path = os.path.join(work, "prepared.json")
    wanted = {"size": args.size, "part_size": args.part_size}
    try:
        with open(stamp_path) as f:
            stamp = json.load(f)
        count = -(-args.size // args.part_size)
        parts = [os.path.join(folder, f"part{n:05d}") for n in range(1, count + 1)]
        if ({k: stamp.get(k) for k in wanted} == wanted and os.path.getsize(path) == args.size
                and sum(os.path.getsize(p) for p in parts) == args.size):
            print(f"reusing {path} and its {count} parts (prepared.json)", flush=True)
            return path, parts, stamp["crc"]
    except (OSError, ValueError, KeyError):
        pass
    print(f"writing {args.size / GiB:.2f} GiB of random bytes, parts of "
          f"{args.part_size // MiB} MiB ...", flush=True)
    if os.path.exists(stamp_path):
        os.remove(stamp_path)
    shutil.rmtree(folder, ignore_errors=True)
    make_file(path, args.size)
    parts = split_parts(path, args.part_size, folder)
    crc = file_crc(crc_tool, path)
    with open(stamp_path, "w") as f:
        json.dump(dict(wanted, crc=crc), f)
    return path, parts, crc


def run_figures(args, cli, emulator_bin, levels):
    work = args.work or tempfile.mkdtemp(prefix="bench-upload-", dir=os.path.join(args.build))
    os.makedirs(work, exist_ok=True)
    need = args.size * (3 if args.emulator else 2) + GiB  # file, parts, one emulator object
    free = shutil.disk_usage(work).free
    if free < need:
        sys.exit(f"{work}: {free / GiB:.1f} GiB free, {need / GiB:.1f} GiB needed")
    started = time.monotonic()
    try:
        crc_tool = build_crc_tool(work)
        path, parts, crc = prepare(args, work, crc_tool)
        subprocess.run(["sync"], check=False)
        time.sleep(2)
        print(f"file {args.size} bytes, {len(parts)} parts, CRC-64 {crc}; cpu {os.cpu_count()} "
              f"cores; prepared in {time.monotonic() - started:.0f} s")
        misses = []
        if not args.no_sink:
            misses += sink_figures(args, cli, levels, work, path, parts, crc)
        if args.emulator:
            from bench_upload_emulator import emulator_figure
            misses += emulator_figure(args, cli, emulator_bin, levels, work, path, parts, crc)
        misses += crc_speed_line(crc_tool)
        print("goals: " + ("all met" if not misses else "MISSED: " + "; ".join(misses)))
        print(f"the whole run took {time.monotonic() - started:.0f} s")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(SOURCE, "build", "release"))
    ap.add_argument("--cli")
    ap.add_argument("--emulator", action="store_true",
                    help="add the figure against the cvm-cloud-emulator")
    ap.add_argument("--emulator-bin", help="the cvm-cloud-emulator (default: in --build)")
    ap.add_argument("--no-sink", action="store_true", help="leave the sink figures out")
    sizes = lambda text: [size_arg(t) for t in text.split(",") if t.strip()]  # noqa: E731
    ap.add_argument("--size", type=size_arg, default=4 * GiB)
    ap.add_argument("--part-size", type=size_arg, default=8 * MiB)
    ap.add_argument("--rss-part-sizes", type=sizes, default=[64 * MiB],
                    help="other part sizes for the peak RSS line ('' for none)")
    ap.add_argument("--concurrency", default="1,4,8,16")
    ap.add_argument("--ceiling-concurrency", type=int, default=16)
    ap.add_argument("--work", help="folder for the file, its parts and the emulator's state; "
                    "kept, and its file and parts reused by the next run of the same sizes")
    ap.add_argument("--rounds", type=int, default=3,
                    help="uploads per client and concurrency, interleaved; the median is shown")
    ap.add_argument("--kill-trials", type=int, default=0)
    ap.add_argument("--no-upload", action="store_true",
                    help="skip the upload figures (e.g. with --kill-trials alone)")
    args = ap.parse_args()
    cli = args.cli or os.path.join(args.build, "app", "cli", "cvm-import")
    emulator_bin = args.emulator_bin or os.path.join(args.build, "emulator",
                                                     "cvm-cloud-emulator")
    needed = [cli] + ([emulator_bin] if args.emulator else [])
    for exe in needed if not args.no_upload else []:
        if not os.access(exe, os.X_OK):
            sys.exit(f"{exe} is missing: build it (ninja -C {args.build} cvm-import "
                     "cvm-cloud-emulator)")
    if not shutil.which("curl"):
        sys.exit("curl is not installed (Debian: curl)")
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit(f"{GNU_TIME} is missing (Debian: time); it measures the peak RSS")
    levels = [int(c) for c in args.concurrency.split(",")]
    if not args.no_upload:
        run_figures(args, cli, emulator_bin, levels)
    if args.kill_trials > 0:
        return kill_trials(args.build, args.kill_trials)
    return 0


def kill_trials(build, trials):
    """tst_cli_upload with CVMI_KILL_TRIALS: SIGKILL at random moments, then resume."""
    r = subprocess.run(["ninja", "-C", build, "tst_cli_upload"], check=False)
    if r.returncode != 0:
        sys.exit("tst_cli_upload does not build in this tree: no kill trials")
    env = dict(os.environ, CVMI_KILL_TRIALS=str(trials))
    print(f"kill trials: tst_cli_upload with CVMI_KILL_TRIALS={trials}", flush=True)
    r = subprocess.run(["ctest", "--test-dir", build, "-R", "^tst_cli_upload$",
                        "--output-on-failure", "-V"], env=env, check=False)
    print("kill trials: " + ("passed" if r.returncode == 0 else f"FAILED ({r.returncode})"))
    return 1 if r.returncode else 0


if __name__ == "__main__":
    sys.exit(main())

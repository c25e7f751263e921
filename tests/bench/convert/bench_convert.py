#!/usr/bin/env python3
"""Converted upload benchmark (issue 16): our streaming qcow2 converter against qemu-img.

On a raw disk of --virtual (20 GiB) holding an ext4 file system with --data (2 GiB) of real
files copied from /usr, in one run:
  1. the converter alone: `bench_convert` (core/convert/Qcow2Stream to a file) against
     `qemu-img convert -c -O qcow2` to a file: output size ratio, wall-time throughput ratio, CPU;
  2. end to end at a fixed --limit-rate (50 MiB/s, a fast office line) to the CRC sink of
     tests/bench/upload/sink: "qemu-img convert -c, then cvm-import upload of the qcow2" against
     "cvm-import upload --convert qcow2 of the raw file", with our peak RSS.
Goals (issue 16): size <= 1.05x qemu-img's, throughput >= 1.5x qemu-img's, end to end <= 0.6x
convert-then-upload. Rounds are interleaved; the median is shown.

Usage: bench_convert.py --build build/rel [--work DIR] [--rounds 3] [--rate 50M]
`--work` keeps the image (and its copy of /usr) for the next run."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "upload"))
from bench_upload_common import (GiB, MiB, MB, SOURCE, Server, build_sink, median,  # noqa: E402
                                 run_child, settle, size_arg, warm, PROXY_VARIABLES)

SINK_BUCKET = "bench-1250000000"
SINK_CREDENTIALS = ("AKIDBENCHSINK0000001", "bench-sink-checks-no-signature", "ap-guangzhou")


def copy_files(tree, budget):
    """Regular files of /usr, in sorted order, until `budget` bytes: real text, binaries and
    compressed data in the proportions a system disk has."""
    total = 0
    for root, dirs, files in os.walk("/usr"):
        dirs.sort()
        for name in sorted(files):
            src = os.path.join(root, name)
            if os.path.islink(src) or not os.path.isfile(src):
                continue
            size = os.path.getsize(src)
            dst = os.path.join(tree, os.path.relpath(src, "/"))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            try:
                shutil.copyfile(src, dst)
            except OSError:
                continue
            total += size
            if total >= budget:
                return total
    return total


def prepare(args, work):
    image = os.path.join(work, f"disk-{args.virtual // GiB}g-{args.data // MiB}m.raw")
    if os.path.exists(image + ".done"):
        return image
    tree = os.path.join(work, "tree")
    shutil.rmtree(tree, ignore_errors=True)
    copied = copy_files(tree, args.data)
    if os.path.exists(image):
        os.remove(image)
    with open(image, "wb") as f:
        f.truncate(args.virtual)
    subprocess.run(["/usr/sbin/mkfs.ext4", "-q", "-F", "-d", tree, image], check=True)
    shutil.rmtree(tree, ignore_errors=True)
    open(image + ".done", "w").close()
    print(f"image: {args.virtual / GiB:.0f} GiB virtual, {copied / MB:.0f} MB of files from /usr")
    return image


def qemu_convert(image, out):
    code, wall, cpu, rss, _, err = run_child(["qemu-img", "convert", "-c", "-O", "qcow2", image,
                                              out])
    if code != 0:
        sys.exit(f"qemu-img convert failed: {err.decode(errors='replace')}")
    return wall, cpu, rss, os.path.getsize(out)


def our_convert(tool, image, out):
    code, wall, cpu, rss, stdout, err = run_child([tool, image, out])
    if code != 0:
        sys.exit(f"bench_convert failed: {err.decode(errors='replace')}")
    return wall, cpu, rss, json.loads(stdout)["bytes"]


def check_qcow2(path):
    r = subprocess.run(["qemu-img", "check", path], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0 or "No errors were found" not in r.stdout or "leaked" in r.stdout:
        sys.exit(f"qemu-img check {path}:\n{r.stdout}")


def upload(cli, endpoint, work, path, key, rate, convert):
    key_id, secret, region = SINK_CREDENTIALS
    env = dict(os.environ, HOME=os.path.join(work, "home"),
               XDG_DATA_HOME=os.path.join(work, "data"), TENCENTCLOUD_SECRET_ID=key_id,
               TENCENTCLOUD_SECRET_KEY=secret, TENCENTCLOUD_REGION=region,
               QT_LOGGING_RULES="cvmi.*.info=false")
    for name in PROXY_VARIABLES:
        env.pop(name, None)
    cmd = [cli, "upload", path, f"cos://{SINK_BUCKET}/{key}", "--cos-endpoint", endpoint,
           "--region", region, "--limit-rate", str(rate), "--json",
           "--convert", "qcow2" if convert else "none"]
    code, wall, cpu, rss, out, err = run_child(cmd, env)
    if code != 0:
        sys.exit(f"cvm-import upload failed ({code}):\n{err.decode(errors='replace')[-3000:]}")
    finished = [json.loads(line) for line in out.decode().splitlines()
                if line.startswith("{") and '"finished"' in line]
    sent = finished[-1].get("bytes_sent", 0) if finished else 0
    return wall, cpu, rss, sent


def converter_figures(args, tool, image, work):
    runs = {"qemu": [], "ours": []}
    for r in range(args.rounds):
        for who in (["qemu", "ours"] if r % 2 == 0 else ["ours", "qemu"]):
            warm([image])
            settle()
            out = os.path.join(work, f"{who}.qcow2")
            runs[who].append(qemu_convert(image, out) if who == "qemu"
                             else our_convert(tool, image, out))
            check_qcow2(out)
    q, o = median(runs["qemu"]), median(runs["ours"])
    size_ratio, speed = o[3] / q[3], q[0] / o[0]
    data = args.data
    print(f"\n== converter alone, median of {args.rounds} interleaved rounds, "
          f"{os.cpu_count()} cores")
    print(f"{'':10} {'size MB':>9} {'wall s':>8} {'MB/s (data)':>12} {'cpu s':>7} {'RSS MiB':>8}")
    for name, (wall, cpu, rss, size) in (("qemu-img", q), ("ours", o)):
        print(f"{name:10} {size / MB:>9.1f} {wall:>8.2f} {data / MB / wall:>12.1f} {cpu:>7.2f} "
              f"{rss / MiB:>8.1f}")
    print(f"size ratio ours/qemu-img {size_ratio:.3f} (goal <= 1.05); throughput ratio "
          f"{speed:.2f} (goal >= 1.5)")
    misses = []
    if size_ratio > 1.05:
        misses.append(f"size ratio {size_ratio:.3f} > 1.05")
    if speed < 1.5:
        misses.append(f"throughput ratio {speed:.2f} < 1.5")
    return misses


def end_to_end(args, cli, image, work):
    sink_exe = build_sink(work)
    sink = Server([sink_exe, "--port", "0", "--crc64"], os.path.join(work, "sink.log"),
                  "the CRC sink")
    try:
        runs = {"then": [], "stream": []}
        qcow2 = os.path.join(work, "then.qcow2")
        for r in range(args.rounds):
            for who in (["then", "stream"] if r % 2 == 0 else ["stream", "then"]):
                warm([image])
                settle()
                if who == "then":
                    c_wall, c_cpu, _, size = qemu_convert(image, qcow2)
                    settle()
                    u_wall, u_cpu, rss, sent = upload(cli, sink.endpoint, work, qcow2,
                                                      f"then-{r}.qcow2", args.rate, False)
                    runs[who].append((c_wall + u_wall, c_cpu + u_cpu, rss, sent, c_wall))
                else:
                    runs[who].append(upload(cli, sink.endpoint, work, image,
                                            f"stream-{r}.qcow2", args.rate, True))
        t, s = median(runs["then"]), median(runs["stream"])
        ratio = s[0] / t[0]
        print(f"\n== end to end at --limit-rate {args.rate / MiB:.0f} MiB/s to the CRC sink, "
              f"median of {args.rounds} interleaved rounds")
        print(f"qemu-img convert -c then upload: {t[0]:.1f} s (convert {t[4]:.1f} s), "
              f"{t[3] / MB:.1f} MB sent")
        print(f"cvm-import upload --convert qcow2: {s[0]:.1f} s, {s[3] / MB:.1f} MB sent, "
              f"peak RSS {s[2] / MiB:.1f} MiB, cpu {s[1]:.1f} s")
        print(f"time ratio streaming / convert-then-upload {ratio:.2f} (goal <= 0.6); the raw "
              f"file itself is {os.path.getsize(image) / MB:.0f} MB")
        return [f"end-to-end ratio {ratio:.2f} > 0.6"] if ratio > 0.6 else []
    finally:
        sink.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(SOURCE, "build", "rel"))
    ap.add_argument("--work")
    ap.add_argument("--virtual", type=size_arg, default=20 * GiB)
    ap.add_argument("--data", type=size_arg, default=2 * GiB)
    ap.add_argument("--rate", type=size_arg, default=50 * MiB)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-upload", action="store_true", help="the converter figures only")
    args = ap.parse_args()
    tool = os.path.join(args.build, "tests", "bench", "bench_convert")
    cli = os.path.join(args.build, "app", "cli", "cvm-import")
    for exe in [tool] + ([] if args.no_upload else [cli]):
        if not os.access(exe, os.X_OK):
            sys.exit(f"{exe} is missing: build it (ninja -C {args.build} bench_convert "
                     "cvm-import cvm-import-cloud)")
    work = args.work or tempfile.mkdtemp(prefix="bench-convert-", dir=args.build)
    os.makedirs(work, exist_ok=True)
    started = time.monotonic()
    try:
        image = prepare(args, work)
        misses = converter_figures(args, tool, image, work)
        if not args.no_upload:
            misses += end_to_end(args, cli, image, work)
        print("goals: " + ("all met" if not misses else "MISSED: " + "; ".join(misses)))
        print(f"the whole run took {time.monotonic() - started:.0f} s")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

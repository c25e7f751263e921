#!/usr/bin/env python3
"""Inspection speed and I/O: `cvm-import check --json` against `qemu-img info` on the same files.

For each container (qcow2, vmdk, vhd) it builds, with the real tools, a 50 GiB-virtual and a
2 TiB-virtual sparse image whose MBR partition holds a populated ext4 file system, then prints
the median wall time of both programs (measured in this run, on this machine) as a ratio, and the
bytes our inspection read from the image (its --stats). Goals: ratio <= 3, bytes read < 4 MiB.

With --fixtures DIR (the build tree's fixtures folder, made by ctest), it also runs the full check
(OS detection included) on guest fixtures converted to qcow2: Linux disks must stay under 8 MiB
read and within 4x `qemu-img info`'s wall time; a Windows disk must read no more than its two
registry hives plus 8 MiB.

With --fixtures, it also checks the real-distribution guest of tests/fixtures/make-distro-disk.sh
(fixtures/distro: a Debian 12 disk whose kernel and ~35 MB zstd initramfs come from the host's
linux-image-amd64 and mkinitramfs), raw and as qcow2: median wall time (hyperfine when installed,
else our own loop), bytes read and initramfs bytes unpacked. Goal: <= 100 ms. With
--baseline-cli OTHER (e.g. a Release cvm-import built from an older commit) the same figures are
measured for OTHER in the same run and printed side by side with the ratio (ours / OTHER), with
whether both gave the same verdicts. Figures measured so far: results-initramfs.md.

Usage: bench_inspect.py --cli build/release/app/cli/cvm-import [--work DIR] [--runs N]
                        [--fixtures build/release/fixtures] [--baseline-cli OLD/cvm-import]
                        [--distro-only]
"""
import json
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GiB = 1 << 30
TiB = 1 << 40
sbin = os.environ.get("PATH", "") + ":/usr/sbin:/sbin"
ENV = dict(os.environ, PATH=sbin)


def run(*cmd, **kw):
    return subprocess.run(cmd, check=True, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def populate(tree):
    """A few thousand small files and some larger ones: what a small system's root looks like."""
    for d in range(40):
        sub = os.path.join(tree, "usr", "share", f"pkg{d}")
        os.makedirs(sub, exist_ok=True)
        for f in range(50):
            with open(os.path.join(sub, f"file{f}.txt"), "w") as fh:
                fh.write(f"package {d} file {f}\n" * (1 + f * 10))
    os.makedirs(os.path.join(tree, "etc"), exist_ok=True)
    with open(os.path.join(tree, "etc", "os-release"), "w") as fh:
        fh.write('NAME="Bench Linux"\nID=bench\nVERSION_ID="1"\n')
    with open(os.path.join(tree, "var.bin"), "wb") as fh:
        fh.write(os.urandom(32 << 20))


def make_raw(path, size, tree):
    with open(path, "wb") as fh:
        fh.truncate(size)
    sectors = size // 512
    table = f"label: dos\nstart=2048, size={sectors - 2048}, type=83, bootable\n"
    run("sfdisk", "-q", path, input=table.encode())
    fs_kib = (sectors - 2048) // 2
    run("mkfs.ext4", "-q", "-F", "-E", f"offset={2048 * 512},lazy_itable_init=1,lazy_journal_init=1",
        "-d", tree, path, f"{fs_kib}k")


def median_seconds(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bytes_read(cli, image):
    proc = subprocess.run([cli, "check", "--json", "--stats", image], env=ENV,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr.splitlines():
        if line.startswith("bytes_read="):
            return int(line.split("=", 1)[1]), proc.returncode
    raise SystemExit(f"no bytes_read from {cli} on {image}: {proc.stderr}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work", default=None)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--fixtures", default=None)
    ap.add_argument("--baseline-cli", default=None)
    ap.add_argument("--distro-only", action="store_true",
                    help="only the real-distribution guest (needs --fixtures)")
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="cvmi-bench-")
    os.makedirs(work, exist_ok=True)
    if args.distro_only:
        if not args.fixtures:
            raise SystemExit("--distro-only needs --fixtures")
        ok = distro_guest(args, work)
        if not args.work:
            shutil.rmtree(work)
        return 0 if ok else 1
    tree = os.path.join(work, "tree")
    if not os.path.isdir(tree):
        populate(tree)

    # Process start alone (loading Qt and The Sleuth Kit with its dependency chain: libewf,
    # libafflib, libcurl, ...), so the inspection's own cost can be read off the table.
    startup = median_seconds([args.cli, "--version"], args.runs)
    rows = []
    for label, size, vhd_size in (("50 GiB", 50 * GiB, 50 * GiB), ("2 TiB", 2 * TiB, 2040 * GiB)):
        for fmt, opts in (("qcow2", []), ("vmdk", ["-o", "subformat=monolithicSparse"]),
                          ("vhd", ["-o", "subformat=dynamic"])):
            disk_size = vhd_size if fmt == "vhd" else size
            raw = os.path.join(work, f"disk-{disk_size}.raw")
            if not os.path.exists(raw):
                make_raw(raw, disk_size, tree)
            image = os.path.join(work, f"disk-{label.replace(' ', '')}.{fmt}")
            if not os.path.exists(image):
                run("qemu-img", "convert", "-O", "vpc" if fmt == "vhd" else fmt, *opts, raw, image)
            ours = median_seconds([args.cli, "check", "--json", image], args.runs)
            qemu = median_seconds(["qemu-img", "info", image], args.runs)
            nbytes, code = bytes_read(args.cli, image)
            rows.append((label, fmt, ours, qemu, ours / qemu, nbytes, code))

    print(f"cvm-import --version (process start only): {startup * 1000:.1f} ms")
    print(f"{'virtual':8} {'format':6} {'check (ms)':>11} {'of which start':>15} {'qemu-img info (ms)':>19} "
          f"{'ratio':>6} {'bytes read':>11} {'exit':>4}")
    ok = True
    for label, fmt, ours, qemu, ratio, nbytes, code in rows:
        print(f"{label:8} {fmt:6} {ours * 1000:11.1f} {startup * 1000:15.1f} {qemu * 1000:19.1f} "
              f"{ratio:6.2f} {nbytes:11d} {code:4d}")
        ok = ok and ratio <= 3.0 and nbytes < 4 * 1024 * 1024
    print("goal (ratio <= 3, < 4 MiB read):", "met" if ok else "NOT met")
    if args.fixtures:
        ok = guest_fixtures(args, work, startup) and ok
        ok = distro_guest(args, work) and ok
    if not args.work:
        shutil.rmtree(work)
    return 0 if ok else 1


def guest_fixtures(args, work, startup):
    """The full check, OS detection included, on guest fixture disks converted to qcow2."""
    cases = [("linux/centos7.raw", None), ("linux/ubuntu2204.raw", None),
             ("linux/opensuse155.raw", None), ("windows/win2012r2.raw", "windows/win2012r2")]
    print()
    print(f"{'guest fixture (qcow2)':26} {'check (ms)':>11} {'qemu-img info (ms)':>19} {'ratio':>6} "
          f"{'bytes read':>11} {'limit':>11}")
    ok = True
    for rel, hives in cases:
        src = os.path.join(args.fixtures, rel)
        if not os.path.exists(src):
            print(f"{rel:26} missing (run ctest first)")
            ok = False
            continue
        image = os.path.join(work, os.path.basename(rel) + ".qcow2")
        if not os.path.exists(image):
            run("qemu-img", "convert", "-O", "qcow2", src, image)
        ours = median_seconds([args.cli, "check", "--json", image], args.runs)
        qemu = median_seconds(["qemu-img", "info", image], args.runs)
        nbytes, _ = bytes_read(args.cli, image)
        limit = 8 << 20
        if hives:
            base = os.path.join(args.fixtures, hives)
            limit += os.path.getsize(base + ".SOFTWARE") + os.path.getsize(base + ".SYSTEM")
        ratio = ours / qemu
        print(f"{rel:26} {ours * 1000:11.1f} {qemu * 1000:19.1f} {ratio:6.2f} {nbytes:11d} {limit:11d}")
        ok = ok and ratio <= 4.0 and nbytes <= limit
    print("goal (ratio <= 4, bytes read within the limit):", "met" if ok else "NOT met")
    return ok


def check_figures(cli, image):
    """Bytes read (--stats) and initramfs bytes unpacked (the JSON's inspection block)."""
    proc = subprocess.run([cli, "check", "--json", "--stats", image], env=ENV,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    nbytes = next((int(line.split("=", 1)[1]) for line in proc.stderr.splitlines()
                   if line.startswith("bytes_read=")), None)
    if nbytes is None:
        raise SystemExit(f"no bytes_read from {cli} on {image}: {proc.stderr}")
    report = json.loads(proc.stdout)
    unpacked = int(report["inspection"]["initramfs_unpacked_bytes"])
    verdicts = [(r["id"], r["verdict"]) for r in report["rules"]]
    return nbytes, unpacked, verdicts


def median_wall(commands, runs):
    """Median wall seconds of each command: hyperfine's (3 warm-up runs each) when it is
    installed, else our own loop, which interleaves the commands."""
    if shutil.which("hyperfine"):
        out = tempfile.mktemp(suffix=".json")
        subprocess.run(["hyperfine", "-N", "-i", "-w", "3", "-r", str(runs), "--export-json", out,
                        *[" ".join(c) for c in commands]], env=ENV, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(out) as fh:
            results = json.load(fh)["results"]
        os.unlink(out)
        return [r["median"] for r in results]
    times = [[] for _ in commands]
    for _ in range(runs):
        for i, cmd in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def distro_guest(args, work):
    """The real-distribution guest (fixtures/distro), raw and qcow2: ours against the baseline."""
    src = os.path.join(args.fixtures, "distro", "debian12-distro.raw")
    print()
    if not os.path.exists(src):
        print("distro/debian12-distro.raw missing (run ctest -R tst_initramfsdistro first)")
        return False
    qcow2 = os.path.join(work, "debian12-distro.qcow2")
    if not os.path.exists(qcow2):
        run("qemu-img", "convert", "-O", "qcow2", src, qcow2)
    clis = [("ours", args.cli)] + ([("baseline", args.baseline_cli)] if args.baseline_cli else [])
    runs = max(args.runs, 10)
    print(f"real-distribution guest: Debian 12, {os.path.getsize(os.path.join(args.fixtures, 'distro', 'initrd.img'))} "
          f"byte zstd initramfs (median of {runs} runs of check --json --stats)")
    print(f"{'image':8} {'cli':9} {'wall (ms)':>10} {'bytes read':>11} {'unpacked':>11} {'same verdicts':>14}")
    ok = True
    for label, image in (("raw", src), ("qcow2", qcow2)):
        walls = median_wall([[cli, "check", "--json", "--stats", image] for _, cli in clis], runs)
        figures = [check_figures(cli, image) for _, cli in clis]
        for (name, _), wall, (nbytes, unpacked, verdicts) in zip(clis, walls, figures):
            same = "yes" if verdicts == figures[0][2] else "NO"
            print(f"{label:8} {name:9} {wall * 1000:10.1f} {nbytes:11d} {unpacked:11d} {same:>14}")
            ok = ok and same == "yes"
        if len(clis) > 1:
            print(f"{label:8} {'ratio':9} {walls[0] / walls[1]:10.2f} {figures[0][0] / figures[1][0]:11.3f} "
                  f"{figures[0][1] / max(figures[1][1], 1):11.3f}")
        ok = ok and walls[0] <= 0.100
    print("goal (ours <= 100 ms, same verdicts as the baseline):", "met" if ok else "NOT met")
    return ok


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Upload speed and memory: `cvm-import upload` against plain `curl` PUTs of the same parts.

It writes a file of random bytes (4 GiB; --size 1G for a quick run), starts the
cvm-cloud-emulator executable on a fresh state directory (loopback, signatures verified), and for
each concurrency (1, 4, 8) uploads the file twice, in the same run: once with `cvm-import upload`
(COS's native dialect, part size --part-size, the engine's CRC-64 of every part) and once as the
baseline, with one `curl --parallel --parallel-max N` process sending the same parts (the file
pre-split into part files, which curl uploads with -T) as UploadPart requests signed by curl's own
--aws-sigv4 (the emulator's S3 face, path style, UNSIGNED-PAYLOAD as our S3 dialect sends parts),
between a curl Initiate and a curl Complete. Both are timed from the first request to the
completed object, and both objects must carry the file's CRC-64 (the emulator's
x-cos-hash-crc64ecma, against the file's CRC computed here by bench_crc64).

Each client uploads --rounds times (default 3) per concurrency, the two interleaved with the
order alternating; the run of median wall time is printed, with the highest peak RSS.
Printed per concurrency: throughput of both (MiB/s), the ratio ours/curl, our process's peak RSS
(getrusage of the child) against the limit (concurrency + 2) x part size + 64 MiB, and CPU
seconds per GiB of both clients. Then CRC-64 throughput of cvmi::util::Crc64 on one core over a
1 GiB buffer (bench_crc64.cpp, compiled here with g++ from the source tree). Goals (issue 5):
ratio >= 0.9, RSS within the limit, CRC-64 >= 4 GB/s.

--kill-trials N runs tst_cli_upload (CTest, the build given) with CVMI_KILL_TRIALS=N: the CLI
killed with SIGKILL at random moments and resumed, every object's CRC-64 equal to the file's.

The emulator's account is a bench-only fake (it exists only in the emulator this run starts).

Usage: bench_upload.py [--build build/release] [--size 4G] [--part-size 8M]
                       [--concurrency 1,4,8] [--rounds 3] [--work DIR] [--kill-trials N]
                       [--no-upload]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

MiB = 1 << 20
GiB = 1 << 30
SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
ACCOUNT_ID = "AKIDBENCHUPLOAD00001"
ACCOUNT_KEY = "bench-upload-secret-emulator-only"
APPID = "1250000000"
BUCKET = f"bench-{APPID}"
REGION = "ap-guangzhou"
GNU_TIME = "/usr/bin/time"


def size_arg(text):
    m = re.fullmatch(r"(\d+)([KMG]?)i?B?", text.strip(), re.IGNORECASE)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 4G, 512M)")
    return int(m.group(1)) * {"": 1, "K": 1 << 10, "M": MiB, "G": GiB}[m.group(2).upper()]


def run_child(cmd, env=None):
    """Runs cmd: (code, wall s, cpu s, peak RSS bytes, stdout, stderr).

    The peak RSS comes from GNU time between us and cmd: a child forked straight from this
    Python process would inherit its high-water mark (Linux carries the parent's peak into
    ru_maxrss across fork and exec), and this process has touched far more memory than the
    programs measured. The CPU time is wait4's, which covers time and its child."""
    out_f = tempfile.TemporaryFile()
    err_f = tempfile.TemporaryFile()
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.monotonic()
        proc = subprocess.Popen([GNU_TIME, "-q", "-f", "%M", "-o", rss.name, *cmd], env=env,
                                stdout=out_f, stderr=err_f)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        peak = int(rss.read().split()[-1]) * 1024
    proc.returncode = os.waitstatus_to_exitcode(status)
    out_f.seek(0)
    err_f.seek(0)
    return (proc.returncode, wall, usage.ru_utime + usage.ru_stime, peak, out_f.read(),
            err_f.read())


class Emulator:
    def __init__(self, binary, work):
        self.state = os.path.join(work, "state")
        # Fresh every run: a --work folder kept from an earlier run must not hand this one its
        # bucket and objects.
        shutil.rmtree(self.state, ignore_errors=True)
        os.makedirs(self.state)
        self.log = open(os.path.join(work, "emulator.log"), "w+")
        self.proc = subprocess.Popen(
            [binary, "--port", "0", "--state-dir", self.state, "--region", REGION,
             "--account", f"{ACCOUNT_ID}:{ACCOUNT_KEY}:{APPID}"],
            stdout=self.log, stderr=subprocess.STDOUT)
        self.endpoint = None
        for _ in range(200):
            self.log.seek(0)
            m = re.search(r"^listening on (http:\S+)", self.log.read(), re.MULTILINE)
            if m:
                self.endpoint = m.group(1)
                break
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        if not self.endpoint:
            self.stop()
            self.log.seek(0)
            sys.exit(f"the emulator did not start:\n{self.log.read()}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Curl:
    """curl signing with its own --aws-sigv4 against the emulator's S3 face (path style)."""

    def __init__(self, endpoint, work):
        self.endpoint = endpoint
        # Options in a config file (mode 600), not on the command line.
        self.auth = os.path.join(work, "curl-auth.conf")
        with open(os.open(self.auth, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(self.auth_lines())

    @staticmethod
    def auth_lines():
        return (f'aws-sigv4 = "aws:amz:{REGION}:s3"\n'
                f'user = "{ACCOUNT_ID}:{ACCOUNT_KEY}"\n'
                'header = "x-amz-content-sha256: UNSIGNED-PAYLOAD"\n')

    def url(self, key, query=""):
        return f"{self.endpoint}/{BUCKET}/{key}" + (f"?{query}" if query else "")

    def call(self, method, url, data=None, head=False):
        cmd = ["curl", "-sS", "-K", self.auth, "-X", method, url, "-D", "-"]
        if head:
            cmd += ["-I"]
            cmd.remove("-X")
            cmd.remove(method)
        if data is not None:
            cmd += ["--data-binary", "@-"]
        r = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           check=False)
        if r.returncode != 0:
            sys.exit(f"curl {method} {url} failed: {r.stderr.decode(errors='replace')}")
        text = r.stdout.decode(errors="replace")
        status = int(re.findall(r"^HTTP/\S+ (\d+)", text, re.MULTILINE)[-1])
        return status, text


def header(text, name):
    m = re.findall(rf"^{name}:\s*(.+?)\r?$", text, re.MULTILINE | re.IGNORECASE)
    return m[-1] if m else None


def make_file(path, size):
    chunk = MiB
    with open(path, "wb") as f:
        left = size
        while left > 0:
            n = min(chunk, left)
            f.write(os.urandom(n))
            left -= n


def split_parts(path, part_size, folder):
    os.makedirs(folder, exist_ok=True)
    parts = []
    with open(path, "rb") as f:
        number = 1
        while True:
            data = f.read(part_size)
            if not data:
                break
            p = os.path.join(folder, f"part{number:05d}")
            with open(p, "wb") as out:
                out.write(data)
            parts.append(p)
            number += 1
    return parts


def warm(paths):
    """Reads files once so that both clients read from the page cache."""
    for p in paths:
        with open(p, "rb") as f:
            while f.read(MiB):
                pass


def build_crc_tool(work):
    exe = os.path.join(work, "bench_crc64")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "Qt6Core"], check=True,
                           stdout=subprocess.PIPE, text=True).stdout.split()
    subprocess.run(["g++", "-O2", "-std=c++20", "-fPIC", "-I", os.path.join(SOURCE, "core"),
                    os.path.join(SOURCE, "tests/bench/upload/bench_crc64.cpp"),
                    os.path.join(SOURCE, "core/util/Crc64.cpp"), *flags, "-lisal", "-o", exe],
                   check=True)
    return exe


def ours(cli, emulator, work, path, key, part_size, concurrency):
    env = dict(os.environ, HOME=os.path.join(work, "home"),
               XDG_DATA_HOME=os.path.join(work, "data"), TENCENTCLOUD_SECRET_ID=ACCOUNT_ID,
               TENCENTCLOUD_SECRET_KEY=ACCOUNT_KEY, TENCENTCLOUD_REGION=REGION,
               QT_LOGGING_RULES="cvmi.*.info=false")
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env.pop(name, None)
    cmd = [cli, "upload", path, f"cos://{BUCKET}/{key}", "--cos-endpoint", emulator.endpoint,
           "--region", REGION, "--part-size", str(part_size), "--concurrency", str(concurrency),
           "--json"]
    code, wall, cpu, rss, out, err = run_child(cmd, env)
    if code != 0:
        sys.exit(f"cvm-import upload failed ({code}):\n{err.decode(errors='replace')[-3000:]}\n"
                 f"{out.decode(errors='replace')[-2000:]}")
    return wall, cpu, rss


def baseline(curl, parts, key, concurrency, work):
    """Initiate, the parts with curl --parallel, Complete: (wall s, cpu s, peak RSS bytes)."""
    config = os.path.join(work, f"curl-parts-{concurrency}.conf")
    start = time.monotonic()
    status, text = curl.call("POST", curl.url(key, "uploads="))
    m = re.search(r"<UploadId>([^<]+)</UploadId>", text)
    if status != 200 or not m:
        sys.exit(f"curl Initiate failed: {text[-1000:]}")
    upload_id = m.group(1)
    with open(os.open(config, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        for number, part in enumerate(parts, start=1):
            if number > 1:
                f.write("next\n")
            f.write(curl.auth_lines())
            f.write(f'url = "{curl.url(key, f"partNumber={number}&uploadId={upload_id}")}"\n'
                    f'upload-file = "{part}"\noutput = "/dev/null"\nsilent\nshow-error\n'
                    f'write-out = "PART {number} %{{http_code}} %header{{etag}}\\n"\n')
    code, _, cpu, rss, out, err = run_child(
        ["curl", "--parallel", "--parallel-max", str(concurrency), "-K", config])
    if code != 0:
        sys.exit(f"curl parts failed ({code}): {err.decode(errors='replace')[-2000:]}")
    etags = {}
    for line in out.decode().splitlines():
        fields = line.split(" ", 3)
        if len(fields) == 4 and fields[0] == "PART":
            if fields[2] != "200":
                sys.exit(f"curl part {fields[1]}: HTTP {fields[2]}")
            etags[int(fields[1])] = fields[3].strip()
    if len(etags) != len(parts):
        sys.exit(f"curl answered {len(etags)} of {len(parts)} parts")
    body = "<CompleteMultipartUpload>" + "".join(
        f"<Part><PartNumber>{n}</PartNumber><ETag>{etags[n]}</ETag></Part>"
        for n in sorted(etags)) + "</CompleteMultipartUpload>"
    status, text = curl.call("POST", curl.url(key, f"uploadId={upload_id}"), body.encode())
    if status != 200 or "<CompleteMultipartUploadResult" not in text:
        sys.exit(f"curl Complete failed: {text[-1000:]}")
    return time.monotonic() - start, cpu, rss


def median(runs):
    """The run of median wall time, with the highest peak RSS of all runs."""
    ordered = sorted(runs, key=lambda run: run[0])
    wall, cpu, _ = ordered[len(ordered) // 2]
    return wall, cpu, max(run[2] for run in runs)


def stored_crc(curl, key):
    status, text = curl.call("HEAD", curl.url(key), head=True)
    if status != 200:
        sys.exit(f"HEAD {key}: HTTP {status}")
    return header(text, "x-cos-hash-crc64ecma")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(SOURCE, "build", "release"))
    ap.add_argument("--cli")
    ap.add_argument("--emulator")
    ap.add_argument("--size", type=size_arg, default=4 * GiB)
    ap.add_argument("--part-size", type=size_arg, default=8 * MiB)
    ap.add_argument("--concurrency", default="1,4,8")
    ap.add_argument("--work", help="folder for the file, its parts and the emulator's state")
    ap.add_argument("--rounds", type=int, default=3,
                    help="uploads per client and concurrency, interleaved; the median is shown")
    ap.add_argument("--kill-trials", type=int, default=0)
    ap.add_argument("--no-upload", action="store_true",
                    help="skip the upload comparison (e.g. with --kill-trials alone)")
    args = ap.parse_args()
    cli = args.cli or os.path.join(args.build, "app", "cli", "cvm-import")
    emulator_bin = args.emulator or os.path.join(args.build, "tests", "emulator",
                                                 "cvm-cloud-emulator")
    for exe in (cli, emulator_bin):
        if not os.access(exe, os.X_OK):
            sys.exit(f"{exe} is missing: build it (ninja -C {args.build} cvm-import "
                     "cvm-cloud-emulator)")
    if not shutil.which("curl"):
        sys.exit("curl is not installed (Debian: curl)")
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit(f"{GNU_TIME} is missing (Debian: time); it measures the peak RSS")
    levels = [int(c) for c in args.concurrency.split(",")]
    if not args.no_upload:
        compare(args, cli, emulator_bin, levels)
    if args.kill_trials > 0:
        return kill_trials(args.build, args.kill_trials)
    return 0


def compare(args, cli, emulator_bin, levels):
    """The upload comparison: ours against curl at each concurrency, then CRC-64 speed."""
    work = args.work or tempfile.mkdtemp(prefix="bench-upload-", dir=os.path.join(args.build))
    os.makedirs(work, exist_ok=True)
    need = args.size * 3 + GiB  # the file, its parts, one stored object at a time
    free = shutil.disk_usage(work).free
    if free < need:
        sys.exit(f"{work}: {free / GiB:.1f} GiB free, {need / GiB:.1f} GiB needed")
    emulator = None
    try:
        crc_tool = build_crc_tool(work)
        path = os.path.join(work, "disk.raw")
        print(f"writing {args.size / GiB:.2f} GiB of random bytes, parts of "
              f"{args.part_size // MiB} MiB ...", flush=True)
        make_file(path, args.size)
        parts = split_parts(path, args.part_size, os.path.join(work, "parts"))
        file_crc = subprocess.run([crc_tool, "file", path], check=True, stdout=subprocess.PIPE,
                                  text=True).stdout.strip()
        emulator = Emulator(emulator_bin, work)
        curl = Curl(emulator.endpoint, work)
        status, text = curl.call("PUT", f"{emulator.endpoint}/{BUCKET}")
        if status != 200:
            sys.exit(f"cannot create the bucket: {text[-1000:]}")

        print(f"file {args.size} bytes, {len(parts)} parts, CRC-64 {file_crc}; emulator "
              f"{emulator.endpoint}; cpu {os.cpu_count()} cores")
        print(f"{'conc':>4} {'ours MiB/s':>11} {'curl MiB/s':>11} {'ratio':>6} "
              f"{'ours RSS MiB':>12} {'limit MiB':>9} {'ours cpu s/GiB':>14} "
              f"{'curl cpu s/GiB':>14} {'curl RSS MiB':>12}")
        results = []
        for c in levels:
            runs = {"ours": [], "curl": []}
            for r in range(args.rounds):
                # Alternate who goes first, so that neither always meets a warmer cache or a
                # fresher emulator (the emulator's own disk writes dominate on two cores and
                # vary from run to run).
                order = ["ours", "curl"] if (c + r) % 2 else ["curl", "ours"]
                for who in order:
                    warm([path] if who == "ours" else parts)
                    key = f"{who}-c{c}-r{r}.raw"
                    if who == "ours":
                        runs[who].append(ours(cli, emulator, work, path, key, args.part_size, c))
                    else:
                        runs[who].append(baseline(curl, parts, key, c, work))
                    crc = stored_crc(curl, key)
                    if crc != file_crc:
                        sys.exit(f"{who} at concurrency {c}: stored CRC-64 {crc}, "
                                 f"file {file_crc}")
                    curl.call("DELETE", curl.url(key))
            (o_wall, o_cpu, o_rss), (c_wall, c_cpu, c_rss) = median(runs["ours"]), \
                median(runs["curl"])
            o_speed = args.size / MiB / o_wall
            c_speed = args.size / MiB / c_wall
            limit = (c + 2) * args.part_size + 64 * MiB
            gib = args.size / GiB
            row = dict(concurrency=c, ours_mib_s=o_speed, curl_mib_s=c_speed,
                       ratio=o_speed / c_speed, ours_rss=o_rss, rss_limit=limit,
                       ours_cpu_per_gib=o_cpu / gib, curl_cpu_per_gib=c_cpu / gib)
            results.append(row)
            print(f"{c:>4} {o_speed:>11.1f} {c_speed:>11.1f} {row['ratio']:>6.2f} "
                  f"{o_rss / MiB:>12.1f} {limit / MiB:>9.0f} {o_cpu / gib:>14.2f} "
                  f"{c_cpu / gib:>14.2f} {c_rss / MiB:>12.1f}", flush=True)

        crc_speed = json.loads(subprocess.run(
            ["taskset", "-c", "0", crc_tool, "speed", "1024", "5"] if shutil.which("taskset")
            else [crc_tool, "speed", "1024", "5"],
            check=True, stdout=subprocess.PIPE, text=True).stdout)
        print(f"CRC-64 (cvmi::util::Crc64, ISA-L) on one core: {crc_speed['gb_per_s']:.2f} GB/s "
              f"({crc_speed['bytes'] / MiB / crc_speed['seconds']:.0f} MiB/s) over a 1 GiB "
              "buffer, best of 5")
        misses = [f"ratio {r['ratio']:.2f} < 0.9 at concurrency {r['concurrency']}"
                  for r in results if r["ratio"] < 0.9]
        misses += [f"peak RSS {r['ours_rss'] / MiB:.1f} MiB > {r['rss_limit'] / MiB:.0f} MiB at "
                   f"concurrency {r['concurrency']}" for r in results
                   if r["ours_rss"] > r["rss_limit"]]
        if crc_speed["gb_per_s"] < 4:
            misses.append(f"CRC-64 {crc_speed['gb_per_s']:.2f} GB/s < 4 GB/s")
        print("goals: " + ("all met" if not misses else "MISSED: " + "; ".join(misses)))
    finally:
        if emulator:
            emulator.stop()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


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

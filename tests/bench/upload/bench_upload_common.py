"""Helpers shared by bench_upload.py's figures: sizes, timed children, the test file and its
parts, the curl baseline (Initiate, the parts with one `curl --parallel`, Complete), and the
tools compiled on demand from the source tree (bench_crc64, cvmi_multipart_sink)."""
import os
import re
import subprocess
import sys
import tempfile
import time

MiB = 1 << 20
GiB = 1 << 30
MB = 1000 * 1000
SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
GNU_TIME = "/usr/bin/time"
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                   "ALL_PROXY")


def size_arg(text):
    m = re.fullmatch(r"(\d+)([KMG]?)i?B?", text.strip(), re.IGNORECASE)
    if not m:
        raise ValueError(f"not a size: {text!r} (e.g. 4G, 512M)")
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


def settle():
    """Write-back settled: nothing dirty left for the kernel to flush during a timed run."""
    subprocess.run(["sync"], check=False)
    time.sleep(0.5)


def header(text, name):
    m = re.findall(rf"^{name}:\s*(.+?)\r?$", text, re.MULTILINE | re.IGNORECASE)
    return m[-1] if m else None


def make_file(path, size):
    with open(path, "wb") as f:
        left = size
        while left > 0:
            n = min(MiB, left)
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


def build_sink(work):
    """Compiles tests/bench/upload/sink/ (plain C++20 and ISA-L); checks its CRC-64 combine
    (--self-test) and its protocol (check_sink.py)."""
    exe = os.path.join(work, "cvmi_multipart_sink")
    folder = os.path.join(SOURCE, "tests/bench/upload/sink")
    sources = sorted(os.path.join(folder, name) for name in os.listdir(folder)
                     if name.endswith(".cpp"))
    subprocess.run(["g++", "-O2", "-std=c++20", "-Wall", "-Wextra", *sources, "-lisal", "-o",
                    exe], check=True)
    subprocess.run([exe, "--self-test"], check=True, stdout=subprocess.DEVNULL)
    # The protocol as the clients use it, before any figure depends on it.
    subprocess.run([sys.executable, os.path.join(folder, "check_sink.py"), exe], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return exe


def file_crc(crc_tool, path):
    return subprocess.run([crc_tool, "file", path], check=True, stdout=subprocess.PIPE,
                          text=True).stdout.strip()


class Server:
    """A child server that prints "listening on http://HOST:PORT" once it accepts."""

    def __init__(self, cmd, log_path, what):
        self.log = open(log_path, "w+")
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT)
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
            sys.exit(f"{what} did not start:\n{self.log.read()}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Curl:
    """curl against a store, path style; signing with its own --aws-sigv4 when given an
    account (the emulator), unsigned otherwise (the sink checks no signature)."""

    def __init__(self, endpoint, work, bucket, sigv4=None):
        self.endpoint = endpoint
        self.bucket = bucket
        self.sigv4 = sigv4  # (region, key id, secret) or None
        # Options in a config file (mode 600), not on the command line.
        self.auth = os.path.join(work, f"curl-auth-{id(self)}.conf")
        with open(os.open(self.auth, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(self.auth_lines())

    def auth_lines(self):
        if not self.sigv4:
            return ""
        region, key_id, secret = self.sigv4
        return (f'aws-sigv4 = "aws:amz:{region}:s3"\n'
                f'user = "{key_id}:{secret}"\n'
                'header = "x-amz-content-sha256: UNSIGNED-PAYLOAD"\n')

    def url(self, key, query=""):
        return f"{self.endpoint}/{self.bucket}/{key}" + (f"?{query}" if query else "")

    def call(self, method, url, data=None, head=False):
        cmd = ["curl", "-sS", "--noproxy", "*", "-K", self.auth, "-X", method, url, "-D", "-"]
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

    def stored_crc(self, key):
        status, text = self.call("HEAD", self.url(key), head=True)
        if status != 200:
            sys.exit(f"HEAD {key}: HTTP {status}")
        return header(text, "x-cos-hash-crc64ecma")

    def baseline(self, parts, key, concurrency, work):
        """Initiate, the parts with curl --parallel, Complete: (wall s, cpu s, peak RSS)."""
        config = os.path.join(work, f"curl-parts-{concurrency}.conf")
        start = time.monotonic()
        status, text = self.call("POST", self.url(key, "uploads="))
        m = re.search(r"<UploadId>([^<]+)</UploadId>", text)
        if status != 200 or not m:
            sys.exit(f"curl Initiate failed: {text[-1000:]}")
        upload_id = m.group(1)
        with open(os.open(config, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            for number, part in enumerate(parts, start=1):
                if number > 1:
                    f.write("next\n")
                f.write(self.auth_lines())
                f.write(f'url = "{self.url(key, f"partNumber={number}&uploadId={upload_id}")}"\n'
                        f'upload-file = "{part}"\noutput = "/dev/null"\nsilent\nshow-error\n'
                        'noproxy = "*"\n'
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
        status, text = self.call("POST", self.url(key, f"uploadId={upload_id}"), body.encode())
        if status != 200 or "<CompleteMultipartUploadResult" not in text:
            sys.exit(f"curl Complete failed: {text[-1000:]}")
        return time.monotonic() - start, cpu, rss


def ours(cli, endpoint, work, path, destination, part_size, concurrency, credentials):
    """`cvm-import upload` of path: (wall s, cpu s, peak RSS bytes)."""
    key_id, secret, region = credentials
    env = dict(os.environ, HOME=os.path.join(work, "home"),
               XDG_DATA_HOME=os.path.join(work, "data"), TENCENTCLOUD_SECRET_ID=key_id,
               TENCENTCLOUD_SECRET_KEY=secret, TENCENTCLOUD_REGION=region,
               QT_LOGGING_RULES="cvmi.*.info=false")
    for name in PROXY_VARIABLES:
        env.pop(name, None)
    cmd = [cli, "upload", path, destination, "--cos-endpoint", endpoint, "--region", region,
           "--part-size", str(part_size), "--concurrency", str(concurrency), "--json"]
    code, wall, cpu, rss, out, err = run_child(cmd, env)
    if code != 0:
        sys.exit(f"cvm-import upload failed ({code}):\n{err.decode(errors='replace')[-3000:]}\n"
                 f"{out.decode(errors='replace')[-2000:]}")
    return wall, cpu, rss


def median(runs):
    """The run of median wall time (first field), with the highest peak RSS (third) of all."""
    ordered = sorted(runs, key=lambda run: run[0])
    middle = ordered[len(ordered) // 2]
    return (middle[0], middle[1], max(run[2] for run in runs), *middle[3:])

"""bench_upload.py's emulator figure (--emulator): `cvm-import upload` against curl's SigV4
PUTs of the same parts to the cvm-cloud-emulator (loopback, signatures verified). The emulator
costs about 10 CPU s/GiB and caps every client near 100 MiB/s, so this figure shows that the
two clients agree with a real store's checks, not the engine's speed (that is the sink figure).
Goals printed are issue 5's: ratio >= 0.9, RSS <= (concurrency + 2) x part size + 64 MiB."""
import os
import shutil
import sys

from bench_upload_common import (GiB, MiB, Curl, Server, median, ours, settle, warm)

ACCOUNT_ID = "AKIDBENCHUPLOAD00001"
ACCOUNT_KEY = "bench-upload-secret-emulator-only"
APPID = "1250000000"
BUCKET = f"bench-{APPID}"
REGION = "ap-guangzhou"


def emulator_figure(args, cli, emulator_bin, levels, work, path, parts, crc):
    """Prints the emulator table; returns the goals missed (a list of sentences)."""
    state = os.path.join(work, "state")
    # Fresh every run: a --work folder kept from an earlier run must not hand this one its
    # bucket and objects.
    shutil.rmtree(state, ignore_errors=True)
    os.makedirs(state)
    emulator = Server([emulator_bin, "--port", "0", "--state-dir", state, "--region", REGION,
                       "--account", f"{ACCOUNT_ID}:{ACCOUNT_KEY}:{APPID}"],
                      os.path.join(work, "emulator.log"), "the emulator")
    try:
        curl = Curl(emulator.endpoint, work, BUCKET, (REGION, ACCOUNT_ID, ACCOUNT_KEY))
        status, text = curl.call("PUT", f"{emulator.endpoint}/{BUCKET}")
        if status != 200:
            sys.exit(f"cannot create the bucket: {text[-1000:]}")
        print(f"\n== emulator figure: {emulator.endpoint} (cvm-cloud-emulator, SigV4 checked; "
              "MiB/s)")
        print(f"{'conc':>4} {'ours MiB/s':>11} {'curl MiB/s':>11} {'ratio':>6} "
              f"{'ours RSS MiB':>12} {'limit MiB':>9} {'ours cpu s/GiB':>14} "
              f"{'curl cpu s/GiB':>14} {'curl RSS MiB':>12}")
        misses = []
        for c in levels:
            runs = {"ours": [], "curl": []}
            for r in range(args.rounds):
                # Alternate who goes first, so that neither always meets a warmer cache or a
                # fresher emulator (its own disk writes vary from run to run).
                for who in (["ours", "curl"] if (c + r) % 2 else ["curl", "ours"]):
                    warm([path] if who == "ours" else parts)
                    settle()
                    key = f"{who}-c{c}-r{r}.raw"
                    if who == "ours":
                        runs[who].append(ours(cli, emulator.endpoint, work, path,
                                              f"cos://{BUCKET}/{key}", args.part_size, c,
                                              (ACCOUNT_ID, ACCOUNT_KEY, REGION)))
                    else:
                        runs[who].append(curl.baseline(parts, key, c, work))
                    stored = curl.stored_crc(key)
                    if stored != crc:
                        sys.exit(f"{who} at concurrency {c}: stored CRC-64 {stored}, file {crc}")
                    curl.call("DELETE", curl.url(key))
            (o_wall, o_cpu, o_rss), (c_wall, c_cpu, c_rss) = (median(runs["ours"]),
                                                              median(runs["curl"]))
            o_speed = args.size / MiB / o_wall
            c_speed = args.size / MiB / c_wall
            limit = (c + 2) * args.part_size + 64 * MiB
            gib = args.size / GiB
            print(f"{c:>4} {o_speed:>11.1f} {c_speed:>11.1f} {o_speed / c_speed:>6.2f} "
                  f"{o_rss / MiB:>12.1f} {limit / MiB:>9.0f} {o_cpu / gib:>14.2f} "
                  f"{c_cpu / gib:>14.2f} {c_rss / MiB:>12.1f}", flush=True)
            if o_speed / c_speed < 0.9:
                misses.append(f"emulator ratio {o_speed / c_speed:.2f} < 0.9 at concurrency {c}")
            if o_rss > limit:
                misses.append(f"emulator peak RSS {o_rss / MiB:.1f} MiB > {limit / MiB:.0f} MiB "
                              f"at concurrency {c}")
        return misses
    finally:
        emulator.stop()

#!/usr/bin/env python3
"""jsupd's idle CPU with its web listener off, on and never scraped, and on and scraped every 15 s:
50 `sleep` apps under each of three daemons measured over the same windows, repeated. Per thread it
counts run time and wake-ups (times scheduled, the 3rd field of /proc/<pid>/task/<tid>/schedstat), so
the listener's own threads show apart from the rest. JSUP_JAR picks the jar, to compare two builds:

  JSUP_JAR=/tmp/before.jar python3 bench/web_idle.py --label before --repeats 3 --seconds 120
"""
import argparse
import json
import os
import re
import shutil
import statistics
import tempfile
import time

import bench
from bench import Jsup
from metrics import INTERVAL, scrape_ms, start_apps, with_listener


def threads(pid):
    """{tid: (name, run ns, wake-ups)} of a process."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                run_ns, _, slices = (int(x) for x in f.read().split()[:3])
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
        except (FileNotFoundError, ProcessLookupError):
            continue  # ended meanwhile
        out[tid] = (name, run_ns, slices)
    return out


def by_name(before, after, seconds):
    """Per thread name (digits folded: pool threads together): CPU ms and wake-ups a minute."""
    agg = {}
    for tid, (name, run_ns, slices) in after.items():
        b = before.get(tid, (name, 0, 0))
        key = re.sub(r"\d+", "N", name)
        cpu, wakes = agg.get(key, (0.0, 0.0))
        agg[key] = (cpu + (run_ns - b[1]) / 1e6, wakes + (slices - b[2]) * 60 / seconds)
    return agg


def started(work, listener, tag):
    """A jsupd with 50 apps; on a loaded machine its first start may not answer in time, so up to 3 tries."""
    for attempt in range(3):
        s, port = with_listener(work) if listener else (Jsup(work), None)
        try:
            start_apps(s, tag)
            return s, port
        except RuntimeError:
            s.teardown()
            if attempt == 2:
                raise


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=120)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--label", default=os.environ.get("JSUP_JAR", "cli/target/jsup.jar"))
    ap.add_argument("--out", help="JSON of every window")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="jsup-bench-webidle-")
    sups = []
    try:
        off, _ = started(work, False, "off")
        sups.append(off)
        quiet, _ = started(work, True, "quiet")
        sups.append(quiet)
        on, port = started(work, True, "on")
        sups.append(on)
        token = open(os.path.join(on.home, "web.token")).read().strip()
        url = f"http://127.0.0.1:{port}/metrics"
        pids = {"off": off.daemon_pid(), "quiet": quiet.daemon_pid(), "on": on.daemon_pid()}
        scrape_ms(url, token)
        time.sleep(30)  # settle: start-up work and the first pool threads' keep-alive end
        windows = []
        for r in range(args.repeats):
            load0 = os.getloadavg()[0]
            before = {k: threads(p) for k, p in pids.items()}
            times = []
            t_end = time.monotonic() + args.seconds
            while time.monotonic() < t_end:
                times.append(scrape_ms(url, token)[0])
                time.sleep(min(INTERVAL, max(0, t_end - time.monotonic())))
            after = {k: threads(p) for k, p in pids.items()}
            w = {"load": [load0, os.getloadavg()[0]], "scrape_ms": times}
            for k in pids:
                per = by_name(before[k], after[k], args.seconds)
                w[k] = {"cpu_pct": sum(c for c, _ in per.values()) / 1000 / args.seconds * 100,
                        "wakeups_per_min": sum(x for _, x in per.values()),
                        "threads": {n: {"cpu_ms": round(c, 2), "wakeups_per_min": round(x, 1)}
                                    for n, (c, x) in sorted(per.items(), key=lambda e: -e[1][1])}}
            windows.append(w)
            print(f"window {r + 1}: load {load0:.1f}->{w['load'][1]:.1f}; " + "; ".join(
                f"{k} {w[k]['cpu_pct']:.3f} % {w[k]['wakeups_per_min']:.0f} wakeups/min" for k in pids)
                  + f"; scrape median {statistics.median(times):.1f} ms", flush=True)
            for k in pids:
                web = {n: v for n, v in w[k]["threads"].items() if "web" in n.lower() or "http" in n.lower()
                       or "timer" in n.lower() or "dispatch" in n.lower()}
                print(f"  {k} listener threads: {web}", flush=True)
        summary = {k: {"cpu_pct": [round(w[k]["cpu_pct"], 4) for w in windows],
                       "wakeups_per_min": [round(w[k]["wakeups_per_min"]) for w in windows]} for k in pids}
        summary["scrape_median_ms"] = round(statistics.median([t for w in windows for t in w["scrape_ms"]]), 2)
        print(args.label, json.dumps(summary), flush=True)
        if args.out:
            with open(args.out, "w") as f:
                json.dump({"label": args.label, "seconds": args.seconds, "summary": summary, "windows": windows}, f,
                          indent=1)
    finally:
        for s in sups:
            s.teardown()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Where jsupd's idle CPU goes, thread by thread, beside supervisord on the same apps (issues 12, 17).

Starts jsupd (bin/jsup, the launcher's real daemon flags) and supervisord, each with N idle apps
(bench/workloads/sleeper.sh, no memory cap, as bench.py's idle case), lets them settle, then measures
each over the same windows: per thread name (/proc/<pid>/task/*/comm, numbered pool threads folded
into one name), the run time (schedstat, ns) and the number of times it ran (schedstat's timeslices:
about one per wake-up). Prints one table per daemon with the median of each row over the rounds and
the daemons' totals per round.

    python3 bench/idle_threads.py [--apps 50] [--window 120] [--rounds 3] [--settle 20] [--no-supervisord]

Runs bin/jsup: the jar (./mvnw -B -ntp -DskipTests -pl cli -am package). Not part of `./mvnw verify`.
"""
import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time

import bench


def thread_stats(pid):
    """{tid: (thread name, run ns, timeslices)}."""
    stats = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                run_ns, _, slices = (int(x) for x in f.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue  # a thread that ended meanwhile
        # One row per kind: "jsupd-control-3" -> "jsupd-control-#", "C1 CompilerThre" stays.
        stats[tid] = (re.sub(r"-?\d+$", "-#", name) if re.search(r"\D\d+$", name) else name, run_ns, slices)
    return stats


def window(pids, seconds):
    """{daemon: {thread name: (ms, wake-ups)}} over one window, all daemons over the same seconds. Each
    thread counts its growth (a new one its whole run); one that ended meanwhile (a compiler thread the
    JVM let go) counts nothing, so the figures are a slight underestimate."""
    before = {d: thread_stats(p) for d, p in pids.items()}
    time.sleep(seconds)
    after = {d: thread_stats(p) for d, p in pids.items()}
    result = {}
    for d in pids:
        rows = result.setdefault(d, {})
        for tid, (name, ns, slices) in after[d].items():
            _, ns0, slices0 = before[d].get(tid, (name, 0, 0))
            ms, wakes = rows.get(name, (0, 0))
            rows[name] = (ms + (ns - ns0) / 1e6, wakes + slices - slices0)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--apps", type=int, default=50)
    ap.add_argument("--window", type=float, default=120)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--settle", type=float, default=20)
    ap.add_argument("--no-supervisord", action="store_true")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="idle-threads-")
    sups = [bench.Jsup(work)] + ([] if args.no_supervisord or not shutil.which("supervisord")
                                  else [bench.Supervisord(work)])
    try:
        for s in sups:
            marker = f"idle-threads-{s.name}-{os.getpid()}"
            s.start([bench.App(f"s{i}", [os.path.join(bench.WL, "sleeper.sh"), marker]) for i in range(args.apps)])
            if not bench.wait_until(lambda: len(bench.pids_with(marker)) >= args.apps, 120, 0.05):
                sys.exit(f"{s.name}: the {args.apps} apps did not start")
        time.sleep(args.settle)
        pids = {s.name: s.daemon_pid() for s in sups}
        rounds = []
        for r in range(args.rounds):
            rounds.append(window(pids, args.window))
            print(f"round {r + 1}: " + ", ".join(
                f"{d} {sum(ms for ms, _ in t.values()) / args.window / 10:.3f} %" for d, t in rounds[-1].items()),
                file=sys.stderr, flush=True)
        with open("/proc/loadavg") as f:
            load = " ".join(f.read().split()[:3])
        print(f"{args.apps} idle apps, {args.rounds} windows of {args.window:g} s, load average {load}")
        for d in pids:
            totals = [sum(ms for ms, _ in r[d].values()) / args.window / 10 for r in rounds]
            print(f"\n{d}: CPU {statistics.median(totals):.3f} % (rounds: "
                  + ", ".join(f"{t:.3f}" for t in totals) + ")")
            print(f"  {'thread':<24} {'CPU ms/min':>10} {'wake-ups/min':>13} {'µs/wake-up':>11}")
            names = sorted({n for r in rounds for n in r[d]},
                           key=lambda n: -statistics.median(r[d].get(n, (0, 0))[0] for r in rounds))
            for n in names:
                ms = statistics.median(r[d].get(n, (0, 0))[0] for r in rounds) * 60 / args.window
                wakes = statistics.median(r[d].get(n, (0, 0))[1] for r in rounds) * 60 / args.window
                if ms < 0.005 and wakes < 0.5:
                    continue
                print(f"  {n:<24} {ms:>10.2f} {wakes:>13.1f} {1000 * ms / wakes if wakes else 0:>11.0f}")
    finally:
        bench.teardown_all(sups)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Where jsupd's resident memory goes, with 1, 50 and 500 `sleep` apps: RSS (anonymous and file-backed),
the mappings it is made of (/proc/<pid>/smaps grouped: libjvm.so, the JDK's and jsup's class-data
archives, other libraries, thread stacks, other anonymous memory), jsupd's threads by name and, with
--nmt, the JVM's own account (`jcmd <pid> VM.native_memory summary`: heap, class metadata, code,
threads, GC, compiler, symbols...). With --histogram, the live heap per app: the difference between
the class histograms (`jcmd GC.class_histogram`, after a full GC) of the largest and smallest fleet.

Not part of bench/run.sh's table: a tool to find what to cut, and to compare flag sets. Flags given with
--opts are added to the daemon's own (through JSUP_JAVA_OPTS), --daemon-opts replaces them
(JSUPD_JAVA_OPTS); PM2's daemon is measured with --pm2.

  python3 bench/daemon_memory.py --apps 1,50,500 --nmt
  python3 bench/daemon_memory.py --apps 50 --opts "-XX:TrimNativeHeapInterval=5000" --repeat 3
"""
import argparse
import collections
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time

from bench import ROOT, WL, App, Jsup, Pm2, alive, pids_with, rss_bytes, run, wait_until

SETTLE_S = 5  # as bench.py's idle case: start-up garbage collected, first samples taken


def smaps_groups(pid):
    """{group: (rss kB, of it anonymous kB)} of the process's mappings, grouped by what they hold."""
    groups = collections.defaultdict(lambda: [0, 0])
    name, rss, anon = None, 0, 0

    def close():
        if name is not None:
            g = groups[name]
            g[0] += rss
            g[1] += anon

    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            head = line.split()
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                close()
                path = head[5] if len(head) > 5 else ""
                name, rss, anon = group_of(path), 0, 0
            elif head[0] == "Rss:":
                rss = int(head[1])
            elif head[0] == "Anonymous:":
                anon = int(head[1])
    close()
    return {k: tuple(v) for k, v in groups.items()}


def group_of(path):
    if not path:
        return "anonymous (heap, metaspace, code, malloc, thread stacks)"
    base = os.path.basename(path)
    if base == "libjvm.so":
        return "libjvm.so"
    if base == "classes.jsa" or base.startswith("classes_"):
        return "JDK class-data archive"
    if base.endswith(".jsa"):
        return "jsup class-data archive"
    if base.endswith(".jar") or base == "modules":
        return "jars and the JDK's modules file"
    if ".so" in base:
        return "libjna" if "jna" in base else "other libraries (libc, libjava, libnio, ...)"
    if path.startswith("["):
        return path
    return "other files"


def rollup(pid):
    vals = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            head = line.split()
            if len(head) >= 2 and head[0].endswith(":") and head[1].isdigit():
                vals[head[0][:-1]] = int(head[1])
    return vals


def threads(pid):
    names = collections.Counter()
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                names[re.sub(r"\d+", "#", f.read().strip())] += 1
        except FileNotFoundError:
            pass
    return names


def nmt(pid):
    """{category: committed kB} from NMT's summary."""
    out = run(["jcmd", str(pid), "VM.native_memory", "summary"], check=False).stdout
    cats = {}
    for m in re.finditer(r"^-\s+(.+?) \(reserved=\d+KB, committed=(\d+)KB\)", out, re.M):
        cats[m.group(1).strip()] = int(m.group(2))
    total = re.search(r"Total: reserved=\d+KB, committed=(\d+)KB", out)
    if total:
        cats["Total"] = int(total.group(1))
    return cats


def histogram(pid):
    """{class: (instances, bytes)} of the live heap (the command runs a full GC first)."""
    out = run(["jcmd", str(pid), "GC.class_histogram"], check=False).stdout
    h = {}
    for m in re.finditer(r"^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", out, re.M):
        h[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return h


def measure(sup, n, tag, args):
    marker = f"bench-mem-{tag}-{n}-{os.getpid()}"
    sup.start([App(f"s{i}", [os.path.join(WL, "sleeper.sh"), marker]) for i in range(n)])
    if not wait_until(lambda: len(pids_with(marker)) >= n, 180, 0.05):
        raise RuntimeError(f"{tag}: {n} apps did not start")
    time.sleep(SETTLE_S)
    pid = sup.daemon_pid()
    r = {"rss": rss_bytes(pid) / 1e6, "rollup": rollup(pid), "smaps": smaps_groups(pid), "threads": threads(pid)}
    if args.nmt and isinstance(sup, Jsup):
        r["nmt"] = nmt(pid)
    if args.histogram and isinstance(sup, Jsup):
        r["histogram"] = histogram(pid)
    return r


def report(tag, n, r, args):
    roll = r["rollup"]
    print(f"\n### {tag}, {n} app(s): RSS {r['rss']:.1f} MB (anonymous {roll.get('Anonymous', 0) / 1024:.1f} MB, "
          f"file-backed {(roll.get('Rss', 0) - roll.get('Anonymous', 0)) / 1024:.1f} MB)")
    if not args.detail:
        return
    for g, (rss, anon) in sorted(r["smaps"].items(), key=lambda kv: -kv[1][0]):
        if rss >= 100:
            print(f"  {rss / 1024:6.1f} MB  ({anon / 1024:5.1f} anonymous)  {g}")
    print("  threads: " + ", ".join(f"{k} ×{v}" if v > 1 else k for k, v in sorted(r["threads"].items())))
    if "nmt" in r:
        print("  NMT committed: " + ", ".join(f"{k} {v / 1024:.1f} MB" for k, v in r["nmt"].items() if v >= 200))


def per_app_heap(small, large):
    """Live bytes per extra app, by class, from two histograms."""
    (n0, h0), (n1, h1) = small, large
    diff = {c: (h1[c][0] - h0.get(c, (0, 0))[0], h1[c][1] - h0.get(c, (0, 0))[1]) for c in h1}
    total = sum(b for _, b in diff.values())
    print(f"\n### live heap: {sum(b for _, b in h0.values()) / 1e6:.1f} MB with {n0} app(s), "
          f"{sum(b for _, b in h1.values()) / 1e6:.1f} MB with {n1}: {total / (n1 - n0):.0f} B per app")
    for c, (cnt, b) in sorted(diff.items(), key=lambda kv: -kv[1][1])[:25]:
        print(f"  {b / (n1 - n0):8.0f} B  {cnt / (n1 - n0):6.1f} objects  {c}")


def stop(sup):
    """The daemon and its apps gone before its home is: on a loaded machine `kill` may give up on a daemon
    that does not answer within seconds, so the daemon gets SIGTERM (it stops its apps) until it is gone."""
    try:
        pid = sup.daemon_pid()
    except (OSError, ValueError):
        pid = None
    sup.teardown()
    if pid and alive(pid):
        os.kill(pid, signal.SIGTERM)
        if not wait_until(lambda: not alive(pid), 300, 0.2):
            os.kill(pid, signal.SIGKILL)
    shutil.rmtree(sup.home, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--apps", default="1,50,500", help="comma-separated fleet sizes")
    ap.add_argument("--opts", default="", help="JVM flags added to the daemon's (JSUP_JAVA_OPTS)")
    ap.add_argument("--daemon-opts", help="JVM flags instead of the daemon's (JSUPD_JAVA_OPTS), e.g. an older set")
    ap.add_argument("--env", action="append", default=[], help="NAME=VALUE for the daemon (and its apps)")
    ap.add_argument("--repeat", type=int, default=1, help="fresh daemons per fleet size")
    ap.add_argument("--nmt", action="store_true", help="NMT summary (costs the daemon ~1 MB itself)")
    ap.add_argument("--histogram", action="store_true", help="live heap per app (full GCs: changes the RSS)")
    ap.add_argument("--pm2", help="path of the pm2 binary: measure PM2's daemon too")
    ap.add_argument("--brief", dest="detail", action="store_false", help="RSS only, no breakdown")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="jsup-mem-")
    sizes = [int(s) for s in args.apps.split(",")]
    run([os.path.join(ROOT, "bin", "jsup"), "--version"])  # makes the class-data archive, as a first command does
    hists = []
    summary = collections.defaultdict(list)
    try:
        for n in sizes:
            for i in range(args.repeat):
                sups = [Jsup(work)] + ([Pm2(work, args.pm2)] if args.pm2 else [])
                opts = ((" -XX:NativeMemoryTracking=summary" if args.nmt else "") + " " + args.opts).strip()
                for s in sups:
                    if isinstance(s, Jsup):
                        if opts:
                            s.env["JSUP_JAVA_OPTS"] = opts
                        if args.daemon_opts:
                            s.env["JSUPD_JAVA_OPTS"] = args.daemon_opts
                        s.env.update(e.split("=", 1) for e in args.env)
                try:
                    for s in sups:
                        r = measure(s, n, s.name, args)
                        summary[(s.name, n)].append(r["rss"])
                        report(s.name, n, r, args)
                        if "histogram" in r and i == 0:
                            hists.append((n, r["histogram"]))
                finally:
                    for s in sups:
                        stop(s)
        print("\n| daemon | apps | RSS MB (median, min–max) |\n|---|---|---|")
        for (name, n), v in summary.items():
            print(f"| {name} | {n} | {statistics.median(v):.1f} ({min(v):.1f}–{max(v):.1f}) |")
        if len(hists) >= 2:
            per_app_heap(hists[0], hists[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

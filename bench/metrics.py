#!/usr/bin/env python3
"""/metrics with 50 apps, scraped every 15 s: jsupd's CPU (idle with the listener off, on but never
scraped, and on and scraped), its CPU per scrape and the scrape latency, and the same for PM2 with
pm2-prometheus-exporter (npm), whose RSS is added to PM2's. Writes bench/metrics.md, which
bench.py appends to docs/benchmarks.md. Run through bench/run.sh --metrics (installs what it needs).

  python3 bench/metrics.py --pm2 bench/.work/node_modules/.bin/pm2 --exporter bench/.work/node_modules/pm2-prometheus-exporter/exporter.js
  python3 bench/metrics.py --out /tmp/metrics.md     # jsup only
"""
import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request

import bench
from bench import App, Jsup, Pm2, WL, cpu_used_s, free_port, pids_with, port_open, rss_bytes, run, thread_cpu_ns, \
    wait_until

APPS = 50
INTERVAL = 15


def scrape_ms(url, token=None):
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=10) as r:
        body = r.read()
    return (time.perf_counter() - t) * 1000, len(body)


def start_apps(s, tag):
    marker = f"bench-metrics-{tag}-{os.getpid()}"
    s.start([App(f"s{i}", [os.path.join(WL, "sleeper.sh"), marker]) for i in range(APPS)])
    if not wait_until(lambda: len(pids_with(marker)) >= APPS, 120, 0.05):
        raise RuntimeError(f"{tag}: the apps did not start")


def idle_window(pids, scrapes, seconds):
    """CPU % of each pid over `seconds`, scraping every INTERVAL s; returns (cpu%, scrape ms list, CPU ms
    each scrape cost its server, from its threads' run time around the scrape)."""
    before = {p: thread_cpu_ns(p) for p in pids}
    times = {name: [] for name in scrapes}
    cost = {name: [] for name in scrapes}
    t_end = time.monotonic() + seconds
    while time.monotonic() < t_end:
        for name, (fn, server) in scrapes.items():
            b = thread_cpu_ns(server)
            times[name].append(fn()[0])
            cost[name].append(cpu_used_s(b, thread_cpu_ns(server)) * 1000)
        time.sleep(min(INTERVAL, max(0, t_end - time.monotonic())))
    cpu = {p: cpu_used_s(before[p], thread_cpu_ns(p)) / seconds * 100 for p in pids}
    return cpu, times, cost


def med(v):
    return statistics.median(v) if v else float("nan")


def with_listener(work):
    s = Jsup(work)
    port = free_port()
    with open(os.path.join(s.home, "jsupd.json"), "w") as f:
        json.dump({"web": {"enabled": True, "port": port, "bind": "127.0.0.1"}}, f)
    return s, port


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pm2", help="PM2's binary; without it (and --exporter) only jsup is measured")
    ap.add_argument("--exporter", help="pm2-prometheus-exporter's exporter.js")
    ap.add_argument("--seconds", type=int, default=120, help="the measured window (scrapes every 15 s)")
    ap.add_argument("--out", default=os.path.join(bench.HERE, "metrics.md"))
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="jsup-bench-metrics-")
    started = datetime.datetime.utcnow()
    sups = []
    exporter = None
    try:
        # jsup without the listener: the baseline for its RSS.
        off = Jsup(work)
        sups.append(off)
        start_apps(off, "jsup-off")
        # jsup with it, never scraped: what the listener itself costs.
        quiet, _ = with_listener(work)
        sups.append(quiet)
        start_apps(quiet, "jsup-quiet")
        # jsup with it, scraped.
        on, port = with_listener(work)
        sups.append(on)
        start_apps(on, "jsup-on")
        token = open(os.path.join(on.home, "web.token")).read().strip()
        jsup_url = f"http://127.0.0.1:{port}/metrics"
        pids = {"off": off.daemon_pid(), "quiet": quiet.daemon_pid(), "on": on.daemon_pid()}
        scrapes = {"jsup": (lambda: scrape_ms(jsup_url, token), pids["on"])}
        if args.pm2:
            # PM2 and the exporter (which always listens on 9209: it reads its port from argv[1], the script).
            pm2 = Pm2(work, args.pm2)
            sups.append(pm2)
            start_apps(pm2, "pm2")
            if port_open(9209):
                raise RuntimeError("port 9209 (pm2-prometheus-exporter's) is in use")
            exporter = subprocess.Popen(["node", args.exporter], env=pm2.env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
            if not wait_until(lambda: port_open(9209), 30, 0.05):
                raise RuntimeError("pm2-prometheus-exporter did not listen")
            pm2_url = "http://127.0.0.1:9209/metrics"
            pids.update(pm2=pm2.daemon_pid(), exporter=exporter.pid)
            scrapes["pm2"] = (lambda: scrape_ms(pm2_url), pids["exporter"])
        first_cost = {}
        first = {}
        for name, (fn, server) in scrapes.items():
            b = thread_cpu_ns(server)
            first[name] = fn()
            first_cost[name] = cpu_used_s(b, thread_cpu_ns(server)) * 1000
        time.sleep(5)  # settle
        load = [os.getloadavg()[0]]
        cpu, times, cost = idle_window(list(pids.values()), scrapes, args.seconds)
        load.append(os.getloadavg()[0])
        rss = {k: rss_bytes(p) / 1e6 for k, p in pids.items()}
        cpu = {k: cpu[p] for k, p in pids.items()}
        if "pm2" in pids:
            pm2_cells = [f"{cpu['pm2']:.3f} % + {cpu['exporter']:.3f} %",
                         f"{med(times['pm2']):.1f} ms ({max(times['pm2']):.1f})",
                         f"{med(cost['pm2']):.1f} ms ({max(cost['pm2']):.1f})",
                         f"{first['pm2'][0]:.1f} ms, {first_cost['pm2']:.1f} ms",
                         f"{first['pm2'][1] / 1024:.0f} KiB",
                         f"{rss['pm2']:.1f} MB + {rss['exporter']:.1f} MB = {rss['pm2'] + rss['exporter']:.1f} MB"]
            pm2_words = (f" pm2-prometheus-exporter (npm, {exporter_version(args.exporter)}) runs beside PM2 as its "
                         "docs show and is counted with it.")
        else:
            pm2_cells = ["not run"] * 6
            pm2_words = " PM2 was not run (no --pm2)."
        lines = [
            "## Metrics",
            "",
            f"Written by `bench/metrics.py` on {started:%Y-%m-%d %H:%M} UTC: {APPS} `sleep` apps under each "
            f"supervisor, `/metrics` scraped every {INTERVAL} s for {args.seconds} s "
            f"({len(times['jsup'])} scrapes each, interleaved), all measured over the same seconds on the "
            f"same machine (load average {load[0]:.1f} at its start, {load[1]:.1f} at its end, on "
            f"{os.cpu_count()} cores). jsupd's listener uses the token (as Prometheus would).{pm2_words} "
            "CPU per scrape is the growth of the server's threads' run time around each scrape (the exporter's "
            "for PM2; PM2's daemon answers it too).",
            "",
            "| figure | jsup, listener off | jsup, listener on, not scraped | jsup, listener on, scraped "
            "| PM2 + pm2-prometheus-exporter | jsup target |",
            "|---|---|---|---|---|---|",
            f"| daemon CPU over the window | {cpu['off']:.3f} % | {cpu['quiet']:.3f} % | {cpu['on']:.3f} % | "
            f"{pm2_cells[0]} | ≤ 0.1 % |",
            f"| scrape latency, median (max) | – | – | {med(times['jsup']):.1f} ms ({max(times['jsup']):.1f}) | "
            f"{pm2_cells[1]} | ≤ 20 ms |",
            f"| CPU per scrape, median (max) | – | – | {med(cost['jsup']):.1f} ms ({max(cost['jsup']):.1f}) | "
            f"{pm2_cells[2]} | |",
            f"| first scrape (cold): latency, CPU | – | – | {first['jsup'][0]:.1f} ms, {first_cost['jsup']:.1f} ms | "
            f"{pm2_cells[3]} | |",
            f"| scrape size | – | – | {first['jsup'][1] / 1024:.0f} KiB | {pm2_cells[4]} | |",
            f"| RSS | {rss['off']:.1f} MB | {rss['quiet']:.1f} MB | {rss['on']:.1f} MB | {pm2_cells[5]} | |",
            "",
            "pm2-prometheus-exporter reports `pm2_up`, `pm2_cpu`, `pm2_memory`, `pm2_uptime`, `pm2_instances`, "
            "`pm2_restarts` (unstable restarts only) and `pm2_loop_delay`; jsup's scrape carries the metrics of "
            "[metrics.md](metrics.md) (restarts by cause, probes, threads, descriptors, logs, inotify).",
            "",
        ]
        with open(args.out, "w") as f:
            f.write("\n".join(lines))
        print("\n".join(lines))
    finally:
        if exporter is not None:
            exporter.kill()
        for s in sups:
            s.teardown()
        shutil.rmtree(work, ignore_errors=True)


def exporter_version(script):
    try:
        with open(os.path.join(os.path.dirname(script), "package.json")) as f:
            return json.load(f)["version"]
    except (OSError, KeyError, ValueError):
        return "?"


if __name__ == "__main__":
    main()

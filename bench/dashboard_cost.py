#!/usr/bin/env python3
"""What the web dashboard costs jsupd (docs/dashboard.md, "Cost"): its CPU with the listener on and
no page open, with one app table open, and with one app page open (table stream not included; the
app page holds the log stream and fetches /api/app every 10 s), in interleaved rounds; medians and
every round are printed. A "page" is this script's own client speaking what the browser's
EventSource does (one stream, reconnecting when the server ends it after 8 s), so no browser's
cost muddies jsupd's. CPU is the growth of jsupd's threads' run time (/proc/<pid>/task/*/schedstat),
as monit_idle.py measures it.

    python3 bench/dashboard_cost.py [--apps 10] [--window 20] [--rounds 3]

Runs bin/jsup: the jar (./mvnw -B -ntp -DskipTests -pl cli -am package), or JSUP_CLASSPATH when set.
Not part of `./mvnw verify`.
"""
import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from idle_fleet import write_fleet

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JSUP = os.path.join(ROOT, "bin", "jsup")


def cpu_ns(pid):
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                total += int(f.read().split()[0])
        except FileNotFoundError:
            pass
    return total


def sign_in(port, token):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("POST", "/login", body=urllib.parse.urlencode({"token": token}),
              headers={"Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    cookie = r.getheader("Set-Cookie")
    if r.status != 303 or not cookie:
        sys.exit(f"dashboard_cost: sign-in failed ({r.status})")
    return cookie.split(";")[0]


class Stream(threading.Thread):
    """An EventSource: reads one stream to its end, reconnects after the server's retry (300 ms)."""

    def __init__(self, port, cookie, path):
        super().__init__(daemon=True)
        self.port, self.cookie, self.path = port, cookie, path
        self.stop = threading.Event()
        self.events = 0

    def run(self):
        last_id = None
        while not self.stop.is_set():
            headers = {"Cookie": self.cookie, "Accept": "text/event-stream"}
            if last_id:
                headers["Last-Event-ID"] = last_id
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                c.request("GET", self.path, headers=headers)
                r = c.getresponse()
                for raw in r:
                    line = raw.decode().rstrip("\n")
                    if line.startswith("id: "):
                        last_id = line[4:]
                    elif line.startswith("event: "):
                        self.events += 1
                    if self.stop.is_set():
                        break
                c.close()
            except (OSError, http.client.HTTPException):
                pass
            self.stop.wait(0.3)


class AppPage(Stream):
    """The app page: the log stream, plus /api/app every 10 s (its charts' cadence)."""

    def run(self):
        def detail():
            while not self.stop.wait(10):
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                c.request("GET", "/api/app?name=talker", headers={"Cookie": self.cookie})
                c.getresponse().read()
                c.close()
        threading.Thread(target=detail, daemon=True).start()
        super().run()


def measure(pid, window, page):
    if page:
        page.start()
        time.sleep(2)
    before = cpu_ns(pid)
    time.sleep(window)
    used = (cpu_ns(pid) - before) / 1e9
    if page:
        page.stop.set()
    return 100.0 * used / window


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--apps", type=int, default=10)
    ap.add_argument("--window", type=float, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="jsup-dashboard-cost-")
    home = os.path.join(work, "home")
    env = dict(os.environ, JSUP_HOME=home)
    eco = write_fleet(work, args.apps, "dash-idle")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    try:
        subprocess.run([JSUP, "start", eco], env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([JSUP, "web", "enable", "--port", str(port)], env=env, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(home, "jsupd.pid")) as f:
            jsupd = int(f.read().strip())
        with open(os.path.join(home, "web.token")) as f:
            token = f.read().strip()
        cookie = sign_in(port, token)
        time.sleep(5)
        none, table, page = [], [], []
        events = [0, 0]
        for _ in range(args.rounds):
            none.append(measure(jsupd, args.window, None))
            t = Stream(port, cookie, "/api/events")
            table.append(measure(jsupd, args.window, t))
            events[0] += t.events
            p = AppPage(port, cookie, "/api/logs?name=talker")
            page.append(measure(jsupd, args.window, p))
            events[1] += p.events
            time.sleep(1)
        fmt = lambda xs: f"{statistics.median(xs):.3f} % (" + ", ".join(f"{x:.3f}" for x in xs) + ")"
        print(f"apps: {args.apps} idle + 1 logging a line a second; {args.rounds} rounds of {args.window:.0f} s")
        print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        print(f"jsupd CPU, listener on, no page: {fmt(none)}")
        print(f"jsupd CPU, app table open:       {fmt(table)}  ({events[0]} events)")
        print(f"jsupd CPU, app page open:        {fmt(page)}  ({events[1]} events)")
    finally:
        subprocess.run([JSUP, "kill"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

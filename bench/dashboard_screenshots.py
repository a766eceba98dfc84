#!/usr/bin/env python3
"""Takes docs/img's dashboard screenshots (table and app page, desktop and phone width) from a jsupd
running the example ecosystem (examples/basic: ticker and flaky) plus a busy app, after a few minutes,
so the CPU and memory charts have points (jsupd keeps one every 10 s). Drives Debian's headless
chromium through chromedriver's W3C HTTP API (no Selenium needed here); it signs in with a one-time
link of `jsup web open`, as a person would. Nothing secret is on the pages: no token, no env values.

  python3 bench/dashboard_screenshots.py [--minutes 4] [--out docs/img]

Needs bin/jsup's jar (./mvnw -pl cli -am -DskipTests package), chromium and chromedriver.
"""
import argparse
import base64
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

import bench
from bench import free_port, run, wait_until

ROOT = os.path.dirname(bench.HERE)
# A busy app with a shape: CPU in bursts (about a fifth of a core when it gets one), memory that climbs
# and falls, now and then a line on stderr, and once (a marker file) a climb over its cap, so the
# restart history has a memory restart beside the manual one the script makes.
BUSY = r"""
import math, os, sys, time
t0 = time.time(); hold = []; n = 0
while True:
    n += 1
    minutes = (time.time() - t0) / 60.0
    want = int(40 + 30 * (1 + math.sin(minutes * 2.5)))  # 40-100 MB
    if minutes > 5 and not os.path.exists("spiked"):
        open("spiked", "w").close(); want = 170  # over max_memory_restart: jsupd restarts it
    while len(hold) < want: hold.append(bytearray(1 << 20))
    del hold[want:]
    end = time.time() + 0.1 + 0.05 * math.sin(minutes * 4)
    while time.time() < end: pass
    print("busy: holding %d MB" % len(hold), flush=True)
    if n % 40 == 0:
        print("busy: slow request, %.1f s" % (1 + (n % 7) / 10), file=sys.stderr, flush=True)
    time.sleep(0.35)
"""


class Driver:
    """The few W3C WebDriver calls the screenshots need."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": shutil.which("chromium"),
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--window-size=1280,800"]}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        req = urllib.request.Request(self.base + path, method=method,
                                     data=json.dumps(body if body is not None else {}).encode() if method == "POST" else None,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=300) as r:  # a loaded machine starts chromium slowly
            return json.loads(r.read())["value"]

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def go(self, url):
        self.s("POST", "/url", {"url": url})

    def js(self, script):
        return self.s("POST", "/execute/sync", {"script": script, "args": []})

    def size(self, w, h):
        self.s("POST", "/window/rect", {"width": w, "height": h})

    def until(self, script, what):
        if not wait_until(lambda: self.js(script), 30, 0.2):
            raise RuntimeError(f"the page never showed {what}")

    def shot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self.s("GET", "/screenshot")))
        print("wrote", path)

    def quit(self):
        self.call("DELETE", f"/session/{self.session}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=15, help="how long the apps run before the pictures")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "img"))
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="jsup-screenshots-")
    home = os.path.join(work, "home")
    os.makedirs(home)
    env = dict(os.environ, JSUP_HOME=home)
    jsup = os.path.join(ROOT, "bin", "jsup")
    port = free_port()
    with open(os.path.join(home, "jsupd.json"), "w") as f:
        json.dump({"web": {"enabled": True, "port": port, "bind": "127.0.0.1"}}, f)
    apps = os.path.join(work, "apps")
    shutil.copytree(os.path.join(ROOT, "examples", "basic"), apps)
    with open(os.path.join(apps, "busy.py"), "w") as f:
        f.write(BUSY)
    with open(os.path.join(apps, "ecosystem.json")) as f:
        eco = json.load(f)
    eco["apps"].append({"name": "busy", "script": "busy.py", "interpreter": "python3",
                        "max_memory_restart": "150M", "memory_check_interval": "2s"})
    with open(os.path.join(apps, "ecosystem.json"), "w") as f:
        json.dump(eco, f, indent=2)
    chromedriver = None
    try:
        run([jsup, "start", os.path.join(apps, "ecosystem.json")], env=env)
        print(f"apps started; waiting {args.minutes} min for the charts to fill", flush=True)
        time.sleep(args.minutes * 60 / 2)
        run([jsup, "restart", "busy"], env=env)  # a manual restart in the history
        time.sleep(args.minutes * 60 / 2)
        link = json.loads(run([jsup, "web", "open", "--json"], env=env).stdout)["url"]
        cd_port = free_port()
        # A session of its own, so the chromium it starts can be ended with it even if the driver fails.
        chromedriver = subprocess.Popen([shutil.which("chromedriver"), f"--port={cd_port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        if not wait_until(lambda: bench.port_open(cd_port), 30, 0.1):
            raise RuntimeError("chromedriver did not listen")
        d = Driver(cd_port)
        try:
            d.go(link)  # signs in, then lands on the table
            d.until("return document.querySelectorAll('#apps tbody tr').length === 3", "three apps")
            d.size(1280, 420)
            time.sleep(6)  # one more push of CPU and memory
            d.shot(os.path.join(args.out, "dashboard-table-desktop.png"))
            d.size(390, 844)
            time.sleep(1)
            d.shot(os.path.join(args.out, "dashboard-table-phone.png"))
            d.size(1280, 1500)
            d.go(f"http://127.0.0.1:{port}/app?name=busy")
            d.until("return document.getElementById('log').innerText.includes('busy: holding')", "the log")
            time.sleep(2)
            d.shot(os.path.join(args.out, "dashboard-app-desktop.png"))
            d.size(390, 1700)  # a phone's width, long enough to show the charts below the log
            time.sleep(1)
            d.shot(os.path.join(args.out, "dashboard-app-phone.png"))
        finally:
            d.quit()
    finally:
        if chromedriver is not None:
            try:
                os.killpg(chromedriver.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            chromedriver.wait(10)
        stop_jsupd(jsup, env, home)
        shutil.rmtree(work, ignore_errors=True)


def stop_jsupd(jsup, env, home):
    """`jsup kill`; on a loaded machine it may give up waiting, so jsupd then gets a SIGTERM of its own
    (it stops its apps on that too)."""
    run([jsup, "kill"], env=env, check=False)
    try:
        with open(os.path.join(home, "jsupd.pid")) as f:
            pid = int(f.read().strip())
        os.kill(pid, signal.SIGTERM)
        wait_until(lambda: not os.path.exists(f"/proc/{pid}"), 60, 0.2)
    except (OSError, ValueError):
        pass  # no pid file or no such process: it has stopped


if __name__ == "__main__":
    sys.exit(main())

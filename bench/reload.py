#!/usr/bin/env python3
"""The zero-downtime reload case: a steady client load against a small HTTP server while the server is
reloaded 10 times, counting failed requests. Writes bench/reload.md, which bench.py appends to
docs/benchmarks.md. Run through bench/run.sh --reload (installs PM2 and supervisord, builds jsup).

Setups, each against the same server (examples/held-socket/server.py, which binds the port itself
when no socket is passed; Node's bench/workloads/http_server.js for PM2's cluster mode, which only
runs Node):
  PM2 fork        `pm2 reload` (in fork mode a plain restart)
  PM2 cluster     instances: 2, exec_mode: cluster, wait_ready; `pm2 reload` replaces one worker at a time
  supervisord     `supervisorctl restart`
  jsup rolling    instances: 2 (the server binds with SO_REUSEPORT, and sends READY=1: wait_ready); `jsup
                  reload` starts a spare, then replaces one instance at a time, each ready before the next
  jsup rolling, tcp_migrate_req
                  the same with net.ipv4.tcp_migrate_req=1 (set for the run, as root): connections queued on a
                  closing instance's listener move to another instance's instead of being reset
  jsup socket     "sockets": jsupd holds the port and passes it as fd 3; `jsup reload`

The client: CLIENTS threads, each a loop of GETs on a new connection (no keep-alive), 5 s timeout. A
request fails when the connection is refused or reset, times out, or the answer is not a 200.

    python3 bench/reload.py --pm2 bench/.work/node_modules/.bin/pm2 [--reloads 10] [--only jsup-socket,...]
"""
import argparse
import collections
import datetime
import json
import os
import platform
import shutil
import socket
import statistics
import tempfile
import threading
import time

from bench import App, Jsup, Pm2, Supervisord, WL, free_port, pids_with, run, wait_until

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENTS = 2
SETTLE_S = 0.5  # steady load between two reloads, so each reload starts from a serving server


class Load:
    """CLIENTS threads of keep-alive-free GETs; counts answers, failures by kind, and the pids that answered."""

    def __init__(self, port):
        self.port = port
        self.ok = 0
        self.failed = collections.Counter()
        self.pids = set()
        self.running = False
        self.lock = threading.Lock()
        self.threads = []

    def get(self):
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as s:
            s.settimeout(5)
            s.sendall(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        if not data.startswith(b"HTTP/1.") or b" 200 " not in data.split(b"\r\n", 1)[0]:
            raise ConnectionResetError("no 200: " + repr(data[:40]))
        body = data.split(b"\r\n\r\n", 1)[1]
        return json.loads(body)["pid"] if body.startswith(b"{") else int(body.split()[1])

    def loop(self):
        while self.running:
            try:
                pid = self.get()
                with self.lock:
                    self.ok += 1
                    self.pids.add(pid)
            except ConnectionRefusedError:
                self.count("refused")
            except (ConnectionResetError, BrokenPipeError):
                self.count("reset")
            except socket.timeout:
                self.count("timeout")
            except OSError as e:
                self.count(type(e).__name__)

    def count(self, kind):
        with self.lock:
            self.failed[kind] += 1

    def start(self):
        self.running = True
        self.threads = [threading.Thread(target=self.loop, daemon=True) for _ in range(CLIENTS)]
        for t in self.threads:
            t.start()

    def stop(self):
        self.running = False
        for t in self.threads:
            t.join(10)


def serving(port):
    try:
        Load(port).get()
        return True
    except OSError:
        return False


# ----------------------------------------------------------------------------- setups

SERVER = os.path.join(os.path.dirname(HERE), "examples", "held-socket", "server.py")


def server_py(port, marker):
    return [SERVER, str(port), marker]


class Setup:
    """One way to run and reload the server: start(port, marker), reload(), expected processes, teardown()."""
    label = "?"
    processes = 1

    def __init__(self, sup):
        self.sup = sup

    def eco(self, app):
        path = os.path.join(self.sup.home, "reload.json")
        with open(path, "w") as f:
            json.dump({"apps": [app]}, f)
        return path

    def teardown(self):
        self.sup.teardown()


class Pm2Fork(Setup):
    label = "PM2 fork mode, `pm2 reload`"

    def start(self, port, marker):
        argv = server_py(port, marker)
        run([self.sup.bin, "start", self.eco({"name": "web", "script": argv[0], "args": argv[1:],
                                              "interpreter": "python3", "exec_mode": "fork",
                                              "kill_timeout": 5000})], env=self.sup.env)

    def reload(self):
        run([self.sup.bin, "reload", "web"], env=self.sup.env)


class Pm2Cluster(Setup):
    label = "PM2 cluster mode (Node), 2 instances, `pm2 reload`"
    processes = 2

    def start(self, port, marker):
        run([self.sup.bin, "start", self.eco({"name": "web", "script": os.path.join(WL, "http_server.js"),
                                              "args": [str(port), marker], "instances": 2,
                                              "exec_mode": "cluster", "wait_ready": True,
                                              "listen_timeout": 5000, "kill_timeout": 5000})], env=self.sup.env)

    def reload(self):
        run([self.sup.bin, "reload", "web"], env=self.sup.env)


class SupervisordRestart(Setup):
    label = "supervisord, `supervisorctl restart`"

    def start(self, port, marker):
        self.sup.start([App("web", ["python3"] + server_py(port, marker), kill_timeout_ms=5000)])

    def reload(self):
        self.sup.ctl("restart", "web")


class JsupRolling(Setup):
    label = "jsup rolling reload, 2 instances, `jsup reload`"
    processes = 2

    def start(self, port, marker):
        argv = server_py(port, marker)
        self.started = run([self.sup.bin, "start", self.eco({"name": "web", "script": argv[0], "args": argv[1:],
                                                             "interpreter": "python3", "instances": 2,
                                                             "wait_ready": True, "kill_timeout": 5000})],
                           env=self.sup.env, check=False)

    def reload(self):
        run([self.sup.bin, "reload", "web"], env=self.sup.env)


MIGRATE_REQ = "/proc/sys/net/ipv4/tcp_migrate_req"


class JsupRollingMigrate(JsupRolling):
    """The rolling reload with net.ipv4.tcp_migrate_req=1 (Linux 5.14+): when an instance closes its SO_REUSEPORT
    listener, the connections still queued on it move to another instance's instead of being reset."""
    label = "jsup rolling reload, 2 instances, `jsup reload`, `net.ipv4.tcp_migrate_req=1`"

    def start(self, port, marker):
        self.saved = None
        try:
            with open(MIGRATE_REQ) as f:
                self.saved = f.read().strip()
            with open(MIGRATE_REQ, "w") as f:
                f.write("1")
        except OSError as e:
            raise RuntimeError(f"not supported: cannot set {MIGRATE_REQ} ({e.strerror}; needs root and Linux 5.14+)")
        super().start(port, marker)

    def teardown(self):
        try:
            if self.saved is not None:
                with open(MIGRATE_REQ, "w") as f:
                    f.write(self.saved)
        finally:
            super().teardown()


class JsupSocket(Setup):
    label = "jsup held socket (`sockets`), `jsup reload`"

    def start(self, port, marker):
        argv = server_py(port, marker)
        run([self.sup.bin, "start", self.eco({"name": "web", "script": argv[0], "args": argv[1:],
                                              "interpreter": "python3", "kill_timeout": 5000,
                                              "sockets": [{"name": "http", "listen": f"127.0.0.1:{port}"}]})],
            env=self.sup.env)

    def reload(self):
        run([self.sup.bin, "reload", "web"], env=self.sup.env)


SETUPS = {
    "pm2-fork": lambda work, pm2: Pm2Fork(Pm2(work, pm2)),
    "pm2-cluster": lambda work, pm2: Pm2Cluster(Pm2(work, pm2)),
    "supervisord": lambda work, pm2: SupervisordRestart(Supervisord(work)),
    "jsup-rolling": lambda work, pm2: JsupRolling(Jsup(work)),
    "jsup-rolling-migrate": lambda work, pm2: JsupRollingMigrate(Jsup(work)),
    "jsup-socket": lambda work, pm2: JsupSocket(Jsup(work)),
}


def measure(setup, reloads):
    """{requests, failed: Counter, reload_ms: [...], runs: n} or {unsupported: why}."""
    port = free_port()
    marker = f"bench-reload-{type(setup).__name__}-{os.getpid()}"
    try:
        try:
            setup.start(port, marker)
        except RuntimeError as e:
            return {"unsupported": str(e)}
        if not wait_until(lambda: serving(port), 30, 0.02):
            return {"unsupported": "the server never answered"}
        if not wait_until(lambda: len(pids_with(marker)) >= setup.processes, 30, 0.05):
            return {"unsupported": f"not supported: {setup.processes} instances asked, "
                                   f"{len(pids_with(marker))} running (`instances` ignored)"}
        load = Load(port)
        load.start()
        time.sleep(1)
        reload_ms = []
        for _ in range(reloads):
            t0 = time.perf_counter()
            try:
                setup.reload()
            except RuntimeError as e:
                load.stop()
                return {"unsupported": f"reload failed: {str(e)[-200:]}"}
            reload_ms.append((time.perf_counter() - t0) * 1000)
            time.sleep(SETTLE_S)
        time.sleep(1)
        load.stop()
        return {"requests": load.ok + sum(load.failed.values()), "failed": load.failed, "reload_ms": reload_ms,
                "runs": len(load.pids)}
    finally:
        setup.teardown()


def uptime():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def write(path, results, reloads, started, loads):
    out = ["## Zero-downtime reload", "",
           f"Written by `bench/run.sh --reload` (`bench/reload.py`) on {started:%Y-%m-%d %H:%M} UTC, "
           f"{platform.platform()}, {os.cpu_count()} cores, load average {loads[0]} at the start and "
           f"{loads[1]} at the end (the machine was shared). "
           f"{CLIENTS} client threads send GETs on a new connection each, without pause, while the server is "
           f"reloaded {reloads} times, {SETTLE_S} s apart; a request fails when it is refused, reset, times out "
           "or gets no 200. *Runs that answered* counts the distinct server pids seen, so it shows that the "
           "reloads really replaced the processes.", "",
           "| setup | requests | failed | how they failed | reload command, median (min–max) | runs that answered |",
           "|---|---|---|---|---|---|"]
    for label, r in results:
        if "unsupported" in r:
            out.append(f"| {label} | – | – | {r['unsupported']} | – | – |")
            continue
        kinds = ", ".join(f"{n} {k}" for k, n in r["failed"].most_common()) or "–"
        ms = r["reload_ms"]
        out.append(f"| {label} | {r['requests']} | **{sum(r['failed'].values())}** | {kinds} | "
                   f"{statistics.median(ms):.0f} ms ({min(ms):.0f}–{max(ms):.0f}) | {r['runs']} |")
    out += ["", "Target for jsup: 0 failed requests. With a held socket the port never closes: a connection "
            "that arrives while no run accepts waits in the kernel's backlog and the next run answers it "
            "(docs/lifecycle.md, \"Held sockets\"). In fork mode and under supervisord the port is closed "
            "from the old process's exit until the new one listens, and every connection in that gap is refused; "
            "those already queued on the old process's own socket when it exits are reset. PM2's cluster mode "
            "refuses none, since its master holds the port as jsupd does, but hands connections to workers "
            "itself. A timeout is a request not answered within 5 s: on a loaded machine that can be the "
            "load's doing as much as the supervisor's. jsup's rolling reload starts a spare instance and replaces "
            "one instance at a time, each ready (`READY=1`) before the next, so no connection is refused; the "
            "connections still queued on an exiting instance's own `SO_REUSEPORT` listener are reset unless "
            "`net.ipv4.tcp_migrate_req=1` (Linux 5.14+) moves them to another instance's.", ""]
    with open(path, "w") as f:
        f.write("\n".join(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pm2", required=True)
    ap.add_argument("--reloads", type=int, default=10)
    ap.add_argument("--only", default="", help="comma-separated setups: " + ",".join(SETUPS))
    ap.add_argument("--out", default=os.path.join(HERE, "reload.md"))
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="jsup-reload-")
    started = datetime.datetime.utcnow()
    load_before = uptime()
    only = set(filter(None, args.only.split(",")))
    results = []
    for name, make in SETUPS.items():
        if only and name not in only:
            continue
        setup = make(work, args.pm2)
        print(f"== {name}", flush=True)
        r = measure(setup, args.reloads)
        print(f"   {r}", flush=True)
        results.append((setup.label, r))
    write(args.out, results, args.reloads, started, (load_before, uptime()))
    shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

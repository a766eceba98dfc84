#!/usr/bin/env python3
"""What one control request costs jsupd: CPU per request and bytes per answer, for `ping` (the
transport alone), the full `list`, and the lean `list` that `jsup monit` and `jsup list` ask for
(docs/control-protocol.md, "list").

Starts a jsupd in a fresh JSUP_HOME with N idle apps (bench/workloads/sleeper.sh, no memory cap), lets
it settle, then for each kind sends R requests back to back on one connection (as monit does) and
takes the growth of jsupd's threads' run time (/proc/<pid>/task/*/schedstat), less jsupd's idle CPU
over the same wall time, divided by R. Each kind is measured in interleaved rounds; medians printed.

With --cli-runs N it also runs `jsup list` (the table) and `jsup list --json` N times each, interleaved,
against that jsupd and prints the median wall time and CPU time (user + sys) of the whole command.

    python3 bench/list_cost.py [--apps 10] [--requests 400] [--rounds 5] [--cli-runs 20]

Runs bin/jsup (the jar, or JSUP_CLASSPATH when set). Not part of `./mvnw verify`.
"""
import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import tempfile
import time

from idle_fleet import write_fleet

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JSUP = os.path.join(ROOT, "bin", "jsup")

KINDS = {
    "ping": {"cmd": "ping"},
    "list (full)": {"cmd": "list"},
    "list (monit's fields)": {"cmd": "list", "fields": ["id", "name", "namespace", "instance", "instance_of",
                                                       "status", "pid", "uptime_ms", "restarts", "cpu", "memory",
                                                       "health", "inotify_warning", "inotify_detail", "inotify",
                                                       "ready", "notify_status", "out_file", "error_file",
                                                       "restart_history"]},
    "list (jsup list's fields)": {"cmd": "list", "fields": ["id", "name", "instance", "instance_of", "status",
                                                           "pid", "uptime_ms", "restarts", "cpu", "memory",
                                                           "health", "inotify_warning", "ready",
                                                           "notify_status"]},
}


def cpu_ns(pid, by_name=None):
    """jsupd's threads' run time in ns; by_name, when given, gets {thread name without its number: ns}."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                ns = int(f.read().split()[0])
            total += ns
            if by_name is not None:
                with open(f"/proc/{pid}/task/{tid}/comm") as f:
                    name = f.read().strip().rstrip("0123456789-")
                by_name[name] = by_name.get(name, 0) + ns
        except FileNotFoundError:
            pass
    return total


class Connection:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.buf = b""

    def call(self, request):
        self.sock.sendall((json.dumps(dict(request, v=1, id="1")) + "\n").encode())
        while b"\n" not in self.buf:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise RuntimeError("jsupd closed the connection")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        answer = json.loads(line)
        if not answer.get("ok"):
            raise RuntimeError(f"jsupd refused {request}: {answer}")
        return len(line) + 1

    def close(self):
        self.sock.close()


def cli_times(env, runs):
    """{command: (wall ms list, cpu ms list)} of `jsup list` and `jsup list --json`, interleaved."""
    commands = {"jsup list": [JSUP, "list"], "jsup list --json": [JSUP, "list", "--json"]}
    for argv in commands.values():  # the first run records the class-data archive
        subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    times = {c: ([], []) for c in commands}
    for _ in range(runs):
        for c, argv in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
            wall = (time.perf_counter() - t0) * 1000
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
            times[c][0].append(wall)
            times[c][1].append(cpu)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--apps", type=int, default=10)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--settle", type=float, default=20)
    ap.add_argument("--cli-runs", type=int, default=0)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="jsup-list-cost-")
    home = os.path.join(work, "home")
    env = dict(os.environ, JSUP_HOME=home)
    eco = write_fleet(work, args.apps, "list-cost", caps=False, talker=False)
    try:
        subprocess.run([JSUP, "start", eco], env=env, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(home, "jsupd.pid")) as f:
            jsupd = int(f.read().strip())
        conn = Connection(os.path.join(home, "jsup.sock"))
        for request in KINDS.values():  # the JIT's first compiles are not the steady state
            for _ in range(args.requests):
                conn.call(request)
        time.sleep(args.settle)
        idle_start, idle_cpu = time.monotonic(), cpu_ns(jsupd)
        time.sleep(5)
        idle_rate = (cpu_ns(jsupd) - idle_cpu) / (time.monotonic() - idle_start)  # ns per s
        per_request = {k: [] for k in KINDS}
        threads = {k: {} for k in KINDS}
        size = {}
        for _ in range(args.rounds):
            for kind, request in KINDS.items():
                names0, names1 = {}, {}
                t0, c0 = time.monotonic(), cpu_ns(jsupd, names0)
                for _ in range(args.requests):
                    size[kind] = conn.call(request)
                used = cpu_ns(jsupd, names1) - c0 - idle_rate * (time.monotonic() - t0)
                for name, ns in names1.items():
                    threads[kind][name] = threads[kind].get(name, 0) + ns - names0.get(name, 0)
                per_request[kind].append(used / args.requests / 1000.0)
        conn.close()
        cli = cli_times(env, args.cli_runs) if args.cli_runs else {}
        print(f"apps: {args.apps} idle; {args.rounds} rounds of {args.requests} requests per kind; "
              f"jsupd idle {idle_rate / 1e7:.3f} %")
        print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        for kind in KINDS:
            xs = per_request[kind]
            print(f"{kind:28s} {statistics.median(xs):7.1f} µs of jsupd CPU per request "
                  f"({', '.join(f'{x:.0f}' for x in xs)}); answer {size[kind]} bytes")
            top = sorted(threads[kind].items(), key=lambda kv: -kv[1])[:4]
            print("    by thread (µs per request, idle included): " + ", ".join(
                f"{n} {ns / 1000.0 / args.requests / args.rounds:.0f}" for n, ns in top))
        for command, (wall, cpu) in cli.items():
            print(f"`{command}`: {statistics.median(wall):.0f} ms wall ({min(wall):.0f}-{max(wall):.0f}), "
                  f"{statistics.median(cpu):.0f} ms CPU ({min(cpu):.0f}-{max(cpu):.0f}), {len(wall)} runs")
    finally:
        subprocess.run([JSUP, "kill"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

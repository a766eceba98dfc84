#!/usr/bin/env python3
"""jsupd's idle CPU with and without `jsup monit` open (issue 13: monit adds no load to jsupd beyond
the data it keeps; target <= 0.2 %).

Starts a jsupd in a fresh JSUP_HOME with N idle apps (bench/workloads/sleeper.sh) and one that logs a
line a second, lets it settle, then measures jsupd's CPU over a window twice: alone, and with
`jsup monit` open in a real terminal (tmux, 120x40, default 2 s interval), in interleaved rounds (the
machine's own noise hits both alike); medians are printed, and which of jsupd's threads (by name) grew
with monit open. CPU is the growth of
jsupd's threads' run time in /proc/<pid>/task/*/schedstat (nanoseconds), as bench.py measures idle.
monit's own CPU is reported too (it is the viewer's cost, not jsupd's).

    python3 bench/monit_idle.py [--apps 10] [--window 30]

Runs bin/jsup: the jar (./mvnw -B -ntp -DskipTests -pl cli -am package), or JSUP_CLASSPATH when set.
Needs tmux. Not part of `./mvnw verify`.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from idle_fleet import write_fleet

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JSUP = os.path.join(ROOT, "bin", "jsup")
# jsupd's threads serving one connection each: "jsupd-control-<n>", cut by /proc to 15 characters; the
# acceptor, "jsupd-control-accept", reads "jsupd-control-a" there and is left out.
CONTROL = "jsupd-control-"
ACCEPTOR = "jsupd-control-a"


def thread_cpu_ns(pid, prefix="", names=None):
    """Run time of each thread whose name starts with prefix, {tid: ns}; names, when given, gets {tid: name}."""
    times = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            if not name.startswith(prefix) or (prefix and name == ACCEPTOR):
                continue
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                times[tid] = int(f.read().split()[0])
            if names is not None:
                names[tid] = name.rstrip("0123456789-")
        except FileNotFoundError:
            pass
    return times


def cpu_percent(pid, window):
    """jsupd's CPU % over the window: all threads, the control-connection threads alone (one
    per open connection: with monit open, the one serving its requests), and {thread name: %} (names
    without their number, so jsupd-control-7 counts as jsupd-control)."""
    names = {}
    before = thread_cpu_ns(pid)
    control_before = thread_cpu_ns(pid, CONTROL)
    time.sleep(window)
    after = thread_cpu_ns(pid, names=names)
    control_after = thread_cpu_ns(pid, CONTROL)
    used = sum(ns - before.get(tid, 0) for tid, ns in after.items()) / 1e9
    control = sum(ns - control_before.get(tid, 0) for tid, ns in control_after.items() if tid in control_before) / 1e9
    by_name = {}
    for tid, ns in after.items():
        by_name[names[tid]] = by_name.get(names[tid], 0.0) + 100.0 * (ns - before.get(tid, 0)) / 1e9 / window
    return 100.0 * used / window, 100.0 * control / window, by_name


def pid_of_monit(home):
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
            with open(f"/proc/{name}/environ", "rb") as f:
                env = f.read()
        except OSError:
            continue
        # From a classpath (JSUP_CLASSPATH) the JVM runs jsup.cli.Main; from the jar, -jar .../jsup.jar.
        joined = b" ".join(argv)
        if (b"jsup.cli.Main" in joined or b"jsup.jar" in joined) and b"monit" in argv \
                and f"JSUP_HOME={home}".encode() in env:
            return int(name)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--apps", type=int, default=10)
    ap.add_argument("--window", type=float, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--settle", type=float, default=60,
                    help="seconds between the start and the first window (the JIT compiles the start path)")
    ap.add_argument("--no-caps", action="store_true", help="idle apps without max_memory_restart")
    ap.add_argument("--no-talker", action="store_true", help="leave out the app that logs a line a second")
    ap.add_argument("--steady", type=float, default=0,
                    help="seconds: measure alone first, then keep one monit open this long before its rounds "
                         "(the steady state once jsupd's JIT has compiled the request path)")
    args = ap.parse_args()
    if not shutil.which("tmux"):
        sys.exit("monit_idle: tmux is needed (apt-get install tmux)")
    work = tempfile.mkdtemp(prefix="jsup-monit-idle-")
    home = os.path.join(work, "home")
    env = dict(os.environ, JSUP_HOME=home)
    eco = write_fleet(work, args.apps, "monit-idle", caps=not args.no_caps, talker=not args.no_talker)
    server = f"jsup-monit-idle-{os.getpid()}"
    try:
        subprocess.run([JSUP, "start", eco], env=env, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(home, "jsupd.pid")) as f:
            jsupd = int(f.read().strip())
        time.sleep(args.settle)
        cmd = " ".join(f"{k}='{v}'" for k, v in env.items() if k.startswith("JSUP_")) + f" '{JSUP}' monit"
        alone, with_monit, serving, monit_cpu = [], [], [], []
        alone_threads, monit_threads = [], []
        screen = ""
        def open_monit():
            subprocess.run(["tmux", "-L", server, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40",
                            f"env {cmd}"], check=True)
            deadline = time.time() + 60
            monit = None
            while monit is None and time.time() < deadline:
                time.sleep(0.5)
                monit = pid_of_monit(home)
            if monit is None:
                sys.exit("monit_idle: jsup monit did not start")
            return monit

        def measure_alone():
            total, _, threads = cpu_percent(jsupd, args.window)
            alone.append(total)
            alone_threads.append(threads)

        def measure_with(monit):
            before_monit = thread_cpu_ns(monit)
            total, control, threads = cpu_percent(jsupd, args.window)
            with_monit.append(total)
            monit_threads.append(threads)
            serving.append(control)
            after_monit = thread_cpu_ns(monit)
            monit_cpu.append(100.0 * sum(ns - before_monit.get(t, 0) for t, ns in after_monit.items()) / 1e9
                             / args.window)
            return subprocess.run(["tmux", "-L", server, "capture-pane", "-p"], capture_output=True,
                                  text=True).stdout

        def close_monit():
            subprocess.run(["tmux", "-L", server, "kill-server"], stderr=subprocess.DEVNULL)
            time.sleep(2)

        if args.steady:
            # One monit for every round, open `steady` seconds first: jsupd's C1 compiles a method only after
            # about 200 calls, which monit's one request every 2 s reaches only after minutes.
            for _ in range(args.rounds):
                measure_alone()
            monit = open_monit()
            time.sleep(args.steady)
            for _ in range(args.rounds):
                screen = measure_with(monit)
            close_monit()
        else:
            for _ in range(args.rounds):
                measure_alone()
                monit = open_monit()
                time.sleep(5)  # its JVM's start-up is the viewer's cost, not a steady state
                screen = measure_with(monit)
                close_monit()
        fmt = lambda xs: f"{statistics.median(xs):.3f} % (" + ", ".join(f"{x:.3f}" for x in xs) + ")"
        print(f"apps: {args.apps} idle ({'no memory cap' if args.no_caps else 'memory cap 100M'})"
              f"{'' if args.no_talker else ' + 1 logging a line a second'}; {args.rounds} rounds of {args.window:.0f} s after {args.settle:.0f} s"
              + (f"; monit open {args.steady:.0f} s before its rounds" if args.steady else ""))
        print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        print(f"jsupd CPU alone:            {fmt(alone)}")
        print(f"jsupd CPU with monit open:  {fmt(with_monit)}  (target <= 0.2 %)")
        print(f"  of which its control-connection threads (serving monit's list): {fmt(serving)}")
        print(f"monit's own CPU:            {fmt(monit_cpu)}")
        grew = {}
        for name in set().union(*alone_threads, *monit_threads):
            grew[name] = statistics.median(t.get(name, 0.0) for t in monit_threads) \
                - statistics.median(t.get(name, 0.0) for t in alone_threads)
        print("jsupd's threads, median with monit less median alone (largest first): " + ", ".join(
            f"{n} {d:+.3f}" for n, d in sorted(grew.items(), key=lambda kv: -abs(kv[1]))[:6]))
        if "idle0" not in screen:
            print("warning: monit's screen did not show the apps:\n" + screen)
    finally:
        subprocess.run(["tmux", "-L", server, "kill-server"], stderr=subprocess.DEVNULL)
        subprocess.run([JSUP, "kill"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""What a restart costs jsupd: CPU per restart in a FRESH jsupd, over the first 10 restarts and over
many, and jsupd's CPU share while an app crash-loops (it exits within 100 ms every run).

Each round starts its own jsupd (`bin/jsup daemon`, the launcher's own JVM flags, a temp JSUP_HOME)
and one app, bench/workloads/crash_loop.sh, whose first run sleeps so that jsupd can settle. Then
the run is killed and every later run exits after --exit-after seconds, and jsupd restarts it at
once (restart_delay 0, max_restarts high enough never to give up). Each run appends its pid to a
file, so the restarts are counted exactly, without asking jsupd (which would cost it CPU too).

jsupd's CPU is read from /proc/<pid>/stat (utime + stime, every thread, ended ones included; 10 ms
ticks, which is why the first-10 figure is summed over several rounds) and, in nanoseconds, from its
live threads' schedstat (a thread that ends in between is left out).

    bench/restart_cost.py [--rounds 5] [--restarts 100] [--exit-after 0.08]
    bench/restart_cost.py --class-load          classes jsupd loads during the first restarts
    bench/restart_cost.py --rounds 1 --jfr /tmp/restarts.jfr --threads   where the CPU goes

Needs cli/target/jsup.jar (./mvnw -q -B -ntp -pl cli -am -DskipTests package) or JSUP_JAR. Not part
of the suite. Results and what they showed: docs/benchmarks.md, "The cost of a restart".
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from bench import cpu_used_s, thread_cpu_ns, wait_until

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JSUP = os.path.join(ROOT, "bin", "jsup")
APP = os.path.join(HERE, "workloads", "crash_loop.sh")
TICK = os.sysconf("SC_CLK_TCK")


def stat_cpu_s(pid):
    """utime + stime of the whole process (ended threads included), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def thread_names(pid):
    names = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                names[tid] = f.read().strip()
        except FileNotFoundError:
            pass
    return names


def by_thread(a, b):
    """Run time per thread name between two snapshots, ms, largest first."""
    names = {**a[3], **b[3]}
    a, b = a[2], b[2]
    per = {}
    for tid, ns in b.items():
        name = names.get(tid, tid)
        per[name] = per.get(name, 0) + (ns - a.get(tid, 0)) / 1e6
    return sorted(per.items(), key=lambda kv: -kv[1])


def snapshot(pid):
    return time.monotonic(), stat_cpu_s(pid), thread_cpu_ns(pid), thread_names(pid), len(os.listdir(f"/proc/{pid}/fd"))


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError:
        return ""


def lines(path):
    try:
        with open(path) as f:
            return f.read().split()
    except FileNotFoundError:
        return []


def wait_for(pred, timeout, step=0.002):
    """bench.wait_until, failing the round when the time runs out."""
    v = wait_until(pred, timeout, step)
    if not v:
        raise RuntimeError("timed out")
    return v


def one_round(args, work, index):
    home = tempfile.mkdtemp(prefix=f"restart-cost-{index}-", dir=work)
    runs, go = os.path.join(home, "runs"), os.path.join(home, "go")
    client_env = {k: v for k, v in os.environ.items() if k not in ("JSUP_JAVA_OPTS", "JSUPD_JAVA_OPTS")}
    client_env["JSUP_HOME"] = home
    daemon_env = dict(client_env)
    opts = args.daemon_opts
    class_log = os.path.join(home, "class-load.log")
    if args.class_load:
        opts = (opts + f" -Xlog:class+load:file={class_log}").strip()
    if args.jfr:
        opts = (opts + f" -XX:StartFlightRecording=settings={args.jfr_settings}").strip()
    if opts:
        daemon_env["JSUP_JAVA_OPTS"] = opts
    with open(os.path.join(home, "daemon.err"), "w") as err:
        with open(os.path.join(home, "daemon.out"), "w") as out:  # -XX:+PrintCompilation and the like
            daemon = subprocess.Popen([JSUP, "daemon"], env=daemon_env, stdout=out, stderr=err,
                                      start_new_session=True)
    try:
        # Not `jsup ping`: a command that finds no daemon starts one of its own.
        wait_for(lambda: "jsupd ready" in read(os.path.join(home, "jsupd.log")) or daemon.poll() is not None,
                 60, 0.05)
        pid = daemon.pid
        if daemon.poll() is not None:
            with open(os.path.join(home, "daemon.err")) as f:
                raise RuntimeError(f"jsupd exited with {daemon.returncode}: {f.read()[-2000:]}")
        eco = os.path.join(home, "eco.json")
        with open(eco, "w") as f:
            f.write('{"apps":[{"name":"crash","script":"%s","args":["%s","%s","%s"],"interpreter":"none",'
                    '"autorestart":true,"restart_delay":0,"max_restarts":1000000}]}'
                    % (APP, runs, go, args.exit_after))
        subprocess.run([JSUP, "start", eco], env=client_env, capture_output=True, check=True)
        first = wait_for(lambda: lines(runs), 30)[0]
        time.sleep(args.settle)  # jsupd idle again after the start request
        marks = {}
        class_mark = os.path.getsize(class_log) if args.class_load else 0
        perf = None
        if args.perf:
            perf = subprocess.Popen(["perf", "record", "-q", "-F", "1999", "-g", "-p", str(pid), "-o", args.perf],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)
        out_mark = os.path.getsize(os.path.join(home, "daemon.out"))
        t0 = snapshot(pid)
        open(go, "w").close()
        os.kill(int(first), signal.SIGKILL)
        wait_for(lambda: len(lines(runs)) - 1 >= 10, 60)
        marks[10] = snapshot(pid)
        out_mark10 = os.path.getsize(os.path.join(home, "daemon.out"))
        class_mark10 = os.path.getsize(class_log) if args.class_load else 0
        wait_for(lambda: len(lines(runs)) - 1 >= args.restarts, 60 + args.restarts)
        marks[args.restarts] = snapshot(pid)
        if perf:
            perf.send_signal(signal.SIGINT)
            perf.wait(60)
        # The next run stays up again, as the first did: jsupd's fds and threads then compare like for like.
        os.remove(go)
        settled_at = len(lines(runs))
        wait_for(lambda: len(lines(runs)) > settled_at, 30)
        time.sleep(args.settle)
        after = (len(os.listdir(f"/proc/{pid}/fd")), len(os.listdir(f"/proc/{pid}/task")))
        if args.jfr:
            subprocess.run(["jcmd", str(pid), "JFR.dump", f"filename={args.jfr}"], capture_output=True, check=False)
        if args.keep:
            print(f"  {home}/daemon.out: the loop starts at byte {out_mark}, restart 10 at byte {out_mark10}")
        if args.threads:
            for title, a, b in (("first 10 restarts", t0, marks[10]),
                                (f"restarts 11-{args.restarts}", marks[10], marks[args.restarts])):
                print(f"  run time per thread, {title}: " + ", ".join(
                    f"{name} {ms:.1f}" for name, ms in by_thread(a, b) if ms >= 0.05) + " (ms)")
        loaded = []
        if args.class_load:
            with open(class_log) as f:
                f.seek(class_mark)
                text = f.read()
            loaded = (text[:class_mark10 - class_mark].splitlines(), text[class_mark10 - class_mark:].splitlines())
        return t0, marks, loaded, after
    finally:
        try:
            subprocess.run([JSUP, "kill"], env=client_env, capture_output=True, timeout=60)
            daemon.wait(30)
        except subprocess.TimeoutExpired:  # a heavily loaded machine: the round's figures still count
            os.killpg(daemon.pid, signal.SIGKILL)
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="fresh jsupds, one after another")
    ap.add_argument("--restarts", type=int, default=100)
    ap.add_argument("--exit-after", default="0.08", help="seconds each crashing run lives")
    ap.add_argument("--settle", type=float, default=2.0, help="seconds of quiet before the loop starts")
    ap.add_argument("--daemon-opts", default="", help="extra JVM flags for jsupd only (JSUP_JAVA_OPTS)")
    ap.add_argument("--class-load", action="store_true", help="list the classes jsupd loads during the loop")
    ap.add_argument("--threads", action="store_true", help="jsupd's run time per thread name")
    ap.add_argument("--jfr", help="record jsupd with JFR and dump the recording to this file after the loop")
    ap.add_argument("--jfr-settings", default="profile", help="JFR settings (a .jfc file or profile)")
    ap.add_argument("--perf", help="record jsupd with `perf record -g` during the loop into this file")
    ap.add_argument("--keep", action="store_true", help="keep each round's JSUP_HOME")
    args = ap.parse_args()
    if not os.path.exists(os.environ.get("JSUP_JAR") or os.path.join(ROOT, "cli", "target", "jsup.jar")):
        sys.exit("restart_cost: build first: ./mvnw -q -B -ntp -pl cli -am -DskipTests package")
    work = tempfile.mkdtemp(prefix="jsup-restart-cost-")
    n = args.restarts
    first10, all_n, share, first10_thr, all_thr, later = [], [], [], [], [], []
    for i in range(args.rounds):
        t0, marks, loaded, (fds_after, threads_after) = one_round(args, work, i)
        (w0, c0, th0, names0, fds0), (w10, c10, th10, _, _), (wn, cn, thn, _, _) = t0, marks[10], marks[n]
        first10.append((c10 - c0) / 10 * 1000)
        all_n.append((cn - c0) / n * 1000)
        later.append((cn - c10) / (n - 10) * 1000)
        share.append((cn - c0) / (wn - w0) * 100)
        first10_thr.append(cpu_used_s(th0, th10) / 10 * 1000)
        all_thr.append(cpu_used_s(th0, thn) / n * 1000)
        print(f"round {i + 1}: first 10 {first10[-1]:.1f} ms/restart ({first10_thr[-1]:.1f} by threads), "
              f"all {n} {all_n[-1]:.2f} ({all_thr[-1]:.2f}), restarts 11-{n} {later[-1]:.2f}, "
              f"CPU {share[-1]:.1f} % over {wn - w0:.1f} s ({(wn - w0) / n * 1000:.0f} ms a run); "
              f"jsupd's fds {fds0} -> {fds_after}, threads {len(names0)} -> {threads_after} (the app up and idle)",
              flush=True)
        if args.class_load:
            for title, group in (("first 10 restarts", loaded[0]), (f"restarts 11-{n}", loaded[1])):
                print(f"  classes loaded during the {title}: {len(group)}")
                for ln in group:
                    print("    " + ln)
    # The first 10 restarts of every round together: 10 ms ticks add up to a usable figure.
    print(f"\nCPU per restart, first 10 restarts of a fresh jsupd: mean {statistics.mean(first10):.2f} ms "
          f"(rounds {min(first10):.1f}-{max(first10):.1f}; threads' run time {statistics.mean(first10_thr):.2f})")
    print(f"CPU per restart over {n} restarts: mean {statistics.mean(all_n):.2f} ms "
          f"(rounds {min(all_n):.2f}-{max(all_n):.2f}; threads' run time {statistics.mean(all_thr):.2f}); "
          f"restarts 11-{n}: {statistics.mean(later):.2f} ms")
    print(f"jsupd CPU during the crash loop: mean {statistics.mean(share):.2f} % "
          f"(rounds {min(share):.2f}-{max(share):.2f})")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"kept {work}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""jsup's reliability figures, by hand on a real jsupd (what the issue notes report after engine work):

  kill9     jsupd is SIGKILLed 5 times with 3 apps running; each time a new jsupd takes over. Every
            app's processes are counted (by a marker in their argv) every 2 ms all along: never two
            copies of an app, and each app runs again after each takeover.
  rotation  an app writes 1 000 000 numbered lines as fast as it can into a log rotated every 1 MB;
            every number must be in the log files exactly once.

The 1000-restart figure (flat fds and threads of jsupd) is bench/restart_cost.py --rounds 1
--restarts 1000 --exit-after 0.

    bench/reliability.py [kill9] [rotation]

Needs cli/target/jsup.jar (./mvnw -q -B -ntp -pl cli -am -DskipTests package) or JSUP_JAR. Not part
of the suite.
"""
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from bench import pids_with, wait_until

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JSUP = os.path.join(ROOT, "bin", "jsup")
SLEEPER = os.path.join(HERE, "workloads", "sleeper.sh")


def env_for(home):
    env = {k: v for k, v in os.environ.items() if k not in ("JSUP_JAVA_OPTS", "JSUPD_JAVA_OPTS")}
    env["JSUP_HOME"] = home
    return env


def jsup(env, *args, check=True):
    return subprocess.run([JSUP, *args], env=env, capture_output=True, text=True, check=check, timeout=120)


def copies(marker):
    """Pids of the live processes of the app whose argv[0] is sleep-<marker>."""
    return pids_with(f"sleep-{marker}\0")


def daemon_pid(home):
    try:
        with open(os.path.join(home, "jsupd.pid")) as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def stop_daemon(env, home):
    """`jsup kill`; if jsupd is still there 30 s later (the command can fail on a heavily loaded machine),
    SIGTERM to it, so no daemon outlives the run (its home is deleted next)."""
    pid = daemon_pid(home)
    try:
        jsup(env, "kill", check=False)
    except subprocess.TimeoutExpired:
        pass
    if pid is not None and not wait_until(lambda: not os.path.exists(f"/proc/{pid}"), 30, 0.1):
        try:
            with open(f"/proc/{pid}/environ", "rb") as f:
                ours = f"JSUP_HOME={home}".encode() in f.read().split(b"\0")
        except OSError:
            ours = False
        if ours:  # still this run's jsupd, not a process that took its pid
            os.kill(pid, signal.SIGTERM)


def case_kill9(work, kills=5):
    home = tempfile.mkdtemp(prefix="kill9-", dir=work)
    env = env_for(home)
    markers = [f"k9-{os.getpid()}-{i}" for i in range(3)]
    eco = os.path.join(home, "eco.json")
    with open(eco, "w") as f:
        json.dump({"apps": [{"name": f"app{i}", "script": SLEEPER, "args": [m], "interpreter": "none"}
                            for i, m in enumerate(markers)]}, f)
    most = 0
    try:
        jsup(env, "start", eco)
        for k in range(kills):
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not all(len(copies(m)) == 1 for m in markers):
                time.sleep(0.01)
            before = {m: copies(m) for m in markers}
            if not all(len(p) == 1 for p in before.values()):
                raise RuntimeError(f"kill {k + 1}: the apps are not running once each: {before}")
            old = daemon_pid(home)
            os.kill(old, signal.SIGKILL)
            # The next command finds no daemon and starts one, which takes over the apps.
            successor = subprocess.Popen([JSUP, "list"], env=env, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            settled = False
            while time.monotonic() < deadline:
                counts = [len(copies(m)) for m in markers]
                most = max(most, *counts)
                pid = daemon_pid(home)
                if successor.poll() is not None and pid not in (None, old) and counts == [1, 1, 1]:
                    settled = True
                    break
                time.sleep(0.002)
            successor.wait(60)
            after = {m: copies(m) for m in markers}
            kept = sum(before[m] == after[m] for m in markers)
            print(f"kill -9 {k + 1}: jsupd {old} -> {daemon_pid(home)}, copies per app now "
                  f"{[len(after[m]) for m in markers]}, {kept} of 3 processes kept, "
                  f"{'settled' if settled else 'NOT settled'}", flush=True)
        print(f"kill9: {kills} kills, most copies of one app seen at once: {most}")
    finally:
        stop_daemon(env, home)
        for m in markers:
            for p in copies(m):
                os.kill(p, signal.SIGKILL)
    return most <= 1


def case_rotation(work, lines=1_000_000):
    home = tempfile.mkdtemp(prefix="rotation-", dir=work)
    env = env_for(home)
    script = os.path.join(home, "count.sh")
    with open(script, "w") as f:
        f.write(f"#!/usr/bin/env bash\nseq 1 {lines}\nexec -a sleep-rot-{os.getpid()} sleep 100000\n")
    os.chmod(script, 0o755)
    eco = os.path.join(home, "eco.json")
    with open(eco, "w") as f:
        json.dump({"apps": [{"name": "count", "script": script, "interpreter": "none",
                             "log_max_size": "1M", "log_retain": 1000}]}, f)
    try:
        t0 = time.monotonic()
        jsup(env, "start", eco)
        expected = sum(len(str(i)) + 1 for i in range(1, lines + 1))
        pattern = os.path.join(home, "logs", "count-out*")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and sum(os.path.getsize(p) for p in glob.glob(pattern)) < expected:
            time.sleep(0.05)
        seen = {}
        files = sorted(glob.glob(pattern))
        for p in files:
            with open(p) as f:
                for ln in f:
                    seen[ln] = seen.get(ln, 0) + 1
        lost = sum(1 for i in range(1, lines + 1) if f"{i}\n" not in seen)
        doubled = sum(1 for n in seen.values() if n > 1)
        print(f"rotation: {lines} lines in {len(files)} files ({time.monotonic() - t0:.1f} s): "
              f"{lost} lost, {doubled} written twice")
        return lost == 0 and doubled == 0
    finally:
        stop_daemon(env, home)


def main():
    if not os.path.exists(os.environ.get("JSUP_JAR") or os.path.join(ROOT, "cli", "target", "jsup.jar")):
        sys.exit("reliability: build first: ./mvnw -q -B -ntp -pl cli -am -DskipTests package")
    chosen = sys.argv[1:] or ["kill9", "rotation"]
    work = tempfile.mkdtemp(prefix="jsup-reliability-")
    ok = True
    try:
        if "kill9" in chosen:
            ok &= case_kill9(work)
        if "rotation" in chosen:
            ok &= case_rotation(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

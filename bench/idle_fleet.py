"""The fleet the idle-cost benchmarks run (monit_idle.py, dashboard_cost.py): N idle apps
(bench/workloads/sleeper.sh, each with a memory cap) and one "talker" that logs a line a second, in
an ecosystem file under work."""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_fleet(work, apps, tag, caps=True, talker=True):
    """Writes talker.sh and eco.json into work; returns the ecosystem file's path. caps=False leaves the
    idle apps without a memory cap (sampled every 5 s, not every second); talker=False leaves it out."""
    sleeper = os.path.join(ROOT, "bench", "workloads", "sleeper.sh")
    talker_sh = os.path.join(work, "talker.sh")  # not `talker`: that would make talker=False true
    with open(talker_sh, "w") as f:
        f.write("#!/bin/sh\nwhile true; do echo \"line $(date +%s)\"; sleep 1; done\n")
    os.chmod(talker_sh, 0o755)
    fleet = [dict({"name": f"idle{i}", "script": sleeper, "args": [f"{tag}-{i}"]},
                  **({"max_memory_restart": "100M"} if caps else {})) for i in range(apps)]
    if talker:
        fleet.append({"name": "talker", "script": talker_sh})
    eco = os.path.join(work, "eco.json")
    with open(eco, "w") as f:
        json.dump({"apps": fleet}, f)
    return eco

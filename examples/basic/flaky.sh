#!/usr/bin/env bash
# Works for a few seconds, then crashes with exit code 3 (now and then it crashes at once), so jsup's
# restarts and crash-loop protection can be watched. Exit code 0 would count as a stop (stop_exit_codes).
runs_for=$(( (RANDOM % 5) + 1 ))
if (( RANDOM % 4 == 0 )); then
  runs_for=0
fi
echo "flaky: pid $$, will crash in ${runs_for}s"
for ((i = 0; i < runs_for; i++)); do
  echo "flaky: working ($i)"
  sleep 1
done
echo "flaky: crashing" >&2
exit 3

#!/usr/bin/env bash
# Runs the README's test command (`./mvnw verify`) while two CPU burners keep both cores busy, the
# way a loaded build machine looks, and reports the wall time and the result. The burners are
# killed on every way out (exit, Ctrl-C, TERM). Not part of `verify` itself.
#   bench/suite-under-load.sh [--burners N] [--idle] [--] [extra mvnw args, e.g. -pl supervisor -am]
# --idle runs the same command without burners, for the idle figure. To see every module's failures
# in one run, add -Dmaven.test.failure.ignore=true (the result still says FAIL when a test failed).
# Writes bench/.work/suite-under-load/<timestamp>/: mvnw.log, summary.txt (with the slowest test
# classes) and, when a test fails, the surefire/failsafe reports of the failed tests.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

burners=2
while [ $# -gt 0 ]; do
  case "$1" in
    --burners) burners="$2"; shift 2 ;;
    --idle) burners=0; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done

# The build folder the reports land in: -Djsup.target=… among the mvnw arguments, else JSUP_TARGET or target.
target="${JSUP_TARGET:-target}"
for arg in "$@"; do
  case "$arg" in -Djsup.target=*) target="${arg#-Djsup.target=}" ;; esac
done

out="$root/bench/.work/suite-under-load/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

pids=()
stop_burners() {
  for p in "${pids[@]:-}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null
  done
  for p in "${pids[@]:-}"; do
    [ -n "$p" ] && wait "$p" 2>/dev/null
  done
  pids=()
}
trap stop_burners EXIT
trap 'stop_burners; exit 130' INT
trap 'stop_burners; exit 143' TERM

# A burner is a shell busy loop: no fork per iteration, one full core each.
for _ in $(seq 1 "$burners"); do
  ( trap - INT TERM; while :; do :; done ) &
  pids+=("$!")
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s)
./mvnw -B -ntp verify "$@" >"$out/mvnw.log" 2>&1
rc=$?
end=$(date +%s)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
stop_burners

wall=$((end - start))
# Each module ends with a line "Tests run: N, Failures: F, Errors: E, Skipped: S" (no "Time").
totals=$(grep -E "^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$" "$out/mvnw.log" |
  awk -F'[:,] *' '{ r += $2; f += $4; e += $6; s += $8 } END { printf "%d run, %d failures, %d errors, %d skipped", r, f, e, s }')
failed=$(echo "$totals" | awk -F', ' '{ print $2 + $3 }')
# With -Dmaven.test.failure.ignore=true (every module runs) mvnw exits 0 although tests failed.
[ $rc = 0 ] && [ "${failed:-0}" != 0 ] && rc=1
result=$([ $rc = 0 ] && echo PASS || echo "FAIL (exit $rc)")
{
  echo "suite-under-load: $result"
  echo "wall time: ${wall}s ($((wall / 60))m$((wall % 60))s)"
  echo "burners: $burners on $(nproc) cores; load average before: $load_before, at the end: $load_after"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "tests: $totals"
  grep -E "^\[ERROR\] (Tests run:.*FAIL|  [A-Za-z].*(:[0-9]+|»))|^\[(WARNING|ERROR)\] Tests run:.*FAILURE" "$out/mvnw.log" |
    sed 's/^\[[A-Z]*\] /  /' | sort -u
  # Where the time went: the slowest test classes (a class's wall time in its fork, from its report).
  echo "slowest classes (s):"
  sed -n 's/^<testsuite .* name="\([^"]*\)" time="\([0-9.]*\)".*/\2 \1/p' */"$target"/surefire-reports/TEST-*.xml 2>/dev/null |
    sort -rn | head -12 | awk '{ printf "  %7.1f  %s\n", $1, $2 }'
} | tee "$out/summary.txt"

if [ $rc != 0 ]; then
  # Keep the reports of the failed tests: the mvnw log shows only the first lines of each.
  mkdir -p "$out/reports"
  grep -l -E "<(failure|error)[ >]" */"$target"/{surefire,failsafe}-reports/TEST-*.xml 2>/dev/null |
    while read -r f; do
      base=$(basename "$f" .xml); base=${base#TEST-}
      cp "$f" "$out/reports/"
      cp "$(dirname "$f")/$base-output.txt" "$out/reports/" 2>/dev/null || true
    done
  echo "reports of failed tests: $out/reports" | tee -a "$out/summary.txt"
fi
echo "log: $out/mvnw.log"
exit $rc

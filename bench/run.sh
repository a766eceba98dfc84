#!/usr/bin/env bash
# Benchmarks jsup against PM2 and supervisord on this machine, side by side, and writes
# docs/benchmarks.md. Installs what it lacks: PM2 from npm (into bench/.work), supervisord from
# Debian's packages. Not part of `./mvnw verify`.
#   bench/run.sh [--quick] [--only respawn,idle,list500,startup,logs,stop,memory,hang]
#   bench/run.sh --jmh     micro-benchmarks of jsupd's hot paths (bench/jmh), printed, not written
#   bench/run.sh --metrics /metrics with 50 apps against PM2 + pm2-prometheus-exporter (bench/metrics.md,
#                          which the next full run puts into docs/benchmarks.md)
#   bench/run.sh --reload  failed requests during 10 reloads: PM2 fork and cluster mode, supervisord, jsup's
#                          rolling reload and held socket (bench/reload.md, put into docs/benchmarks.md
#                          by the next full run); --reload --only jsup-socket,pm2-fork runs some setups
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/bench/.work"
mkdir -p "$work"

if [ "${1:-}" = "--jmh" ]; then
  shift
  ./mvnw -q -B -ntp -DskipTests install -pl supervisor -am
  ./mvnw -q -B -ntp -f bench/jmh/pom.xml -DskipTests package
  exec java -jar bench/jmh/target/jsup-jmh.jar "$@"
fi

PM2_VERSION=7.0.4
if [ ! -x "$work/node_modules/.bin/pm2" ]; then
  command -v npm >/dev/null || { echo "bench: npm is needed to install PM2 (apt-get install npm)" >&2; exit 1; }
  (cd "$work" && npm install --silent --no-audit --no-fund "pm2@$PM2_VERSION")
fi
if ! command -v supervisord >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq supervisor
  else
    echo "bench: supervisord is missing; run as root or: sudo apt-get install supervisor" >&2; exit 1
  fi
fi
command -v python3 >/dev/null || { echo "bench: python3 is needed" >&2; exit 1; }

./mvnw -q -B -ntp -DskipTests package
if [ "${1:-}" = "--metrics" ]; then
  shift
  if [ ! -f "$work/node_modules/pm2-prometheus-exporter/exporter.js" ]; then
    (cd "$work" && npm install --silent --no-audit --no-fund "pm2@$PM2_VERSION" pm2-prometheus-exporter@0.1.1)
  fi
  exec python3 bench/metrics.py --pm2 "$work/node_modules/.bin/pm2" \
    --exporter "$work/node_modules/pm2-prometheus-exporter/exporter.js" "$@"
fi
if [ "${1:-}" = "--reload" ]; then
  shift
  exec python3 bench/reload.py --pm2 "$work/node_modules/.bin/pm2" "$@"
fi
exec python3 bench/bench.py --pm2 "$work/node_modules/.bin/pm2" "$@"

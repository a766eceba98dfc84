#!/usr/bin/env bash
# CPU per /metrics render in-process (MetricsScrapeCost.java) with jsupd's JVM flags, against the
# supervisor module's build (./mvnw -pl supervisor -am -DskipTests compile first). Repeats RUNS times,
# each in a fresh JVM, so the spread shows.   bench/metrics-scrape/run.sh [runs=5] [apps=50]
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-5}"; apps="${2:-50}"
m2="${HOME}/.m2/repository"
cp="$root/supervisor/target/classes:$root/healthmon/target/classes"
v="$(sed -n 's:.*<prometheus.version>\(.*\)</prometheus.version>.*:\1:p' "$root/pom.xml")"
for a in model exposition-textformats config; do
  cp="$cp:$m2/io/prometheus/prometheus-metrics-$a/$v/prometheus-metrics-$a-$v.jar"
done
uptime
for _ in $(seq "$runs"); do
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" "$root/bench/metrics-scrape/MetricsScrapeCost.java" "$apps" 2000
done

#!/usr/bin/env bash
# Checks the container image's runtime and entrypoint without Docker (no engine or base image here):
# builds the jlink'ed runtime as the Dockerfile does (docker/jlink-runtime.sh), lays out /opt/jsup as the
# image does, and runs the entrypoint (bin/jsup run) on it with a small YAML ecosystem, as PID 1 of a
# fresh PID namespace where unshare is permitted: the app's output must show, SIGTERM must stop it and
# exit 0. Prints the runtime's size and the time taken. Needs cli/target/jsup.jar (./mvnw package).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
jar=cli/target/jsup.jar
if [ ! -f "$jar" ]; then
  echo "check-image: no $jar; build it first: ./mvnw -B -ntp -pl cli -am -DskipTests package" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/jsup-check-image.XXXXXX")"
run_pid=
cleanup() {
  if [ -n "$run_pid" ] && kill -0 "$run_pid" 2>/dev/null; then kill -KILL "$run_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The image's layout: /opt/jsup/{jre,bin/jsup,cli/target/jsup.jar}.
opt="$work/opt/jsup"
mkdir -p "$opt/bin" "$opt/cli/target"
docker/jlink-runtime.sh "$jar" "$opt/jre"
cp bin/jsup "$opt/bin/"
cp "$jar" "$opt/cli/target/"
size="$(du -sh "$opt/jre" | cut -f1)"

mkdir -p "$work/app"
cat > "$work/app/ecosystem.yaml" <<'YAML'
apps:
  - name: hello
    script: sh
    args: ["-c", "echo hello from the image; trap 'echo bye; exit 0' TERM; while true; do sleep 0.1; done"]
    kill_timeout: 3000
YAML

# The Dockerfile's ENV and ENTRYPOINT; PID 1 of its own namespace where this user may create one.
cmd=(env -i PATH=/usr/local/bin:/usr/bin:/bin JSUP_JAVA="$opt/jre/bin/java" JSUP_HOME="$work/home"
     "$opt/bin/jsup" run "$work/app/ecosystem.yaml")
as=process
if unshare --pid --fork --mount-proc true 2>/dev/null; then
  cmd=(unshare --pid --fork --mount-proc "${cmd[@]}")
  as="PID 1"
fi
(cd "$work/app" && exec "${cmd[@]}") >"$work/out" 2>&1 &
run_pid=$!

fail() {
  echo "check-image: $1" >&2
  echo "--- jsup run's output:" >&2
  cat "$work/out" >&2
  exit 1
}
# The JVM to signal: unshare's child (bin/jsup execs java), or the launcher itself.
jvm="$run_pid"
for _ in $(seq 1 600); do
  if grep -q "hello out | hello from the image" "$work/out"; then break; fi
  kill -0 "$run_pid" 2>/dev/null || fail "jsup run ended before the app's output showed"
  sleep 0.1
done
grep -q "hello out | hello from the image" "$work/out" || fail "no app output within 60 s"
if [ "$as" = "PID 1" ]; then jvm="$(pgrep -P "$run_pid" | head -n1)"; fi

kill -TERM "$jvm"
status=0
wait "$run_pid" || status=$?
run_pid=
[ "$status" = 0 ] || fail "exit $status after SIGTERM, expected 0"
grep -q "every app stopped; exiting" "$work/out" || fail "no clean stop after SIGTERM"
grep -q "hello out | bye" "$work/out" || fail "the app did not get its SIGTERM"
echo "check-image: jsup run on the jlink'ed runtime ($size) as $as: output, SIGTERM, exit 0; took $((SECONDS - started)) s"

#!/usr/bin/env bash
# Builds the minimal Java runtime that jsup.jar needs, with jlink: the modules jdeps finds in the shaded
# jar, plus those it cannot see because they are loaded by name at run time. Used by the Dockerfile and
# by docker/check-image.sh, so the image and its check get the same runtime.
#
# Usage: docker/jlink-runtime.sh JSUP_JAR OUTPUT_DIR   (OUTPUT_DIR must not exist; JAVA_HOME or PATH gives
# the JDK 17+ whose jdeps and jlink are used)
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 JSUP_JAR OUTPUT_DIR" >&2
  exit 2
fi
jar="$1"
out="$2"
if [ ! -f "$jar" ]; then
  echo "$0: no jar at $jar; build it first: ./mvnw -B -ntp -pl cli -am -DskipTests package" >&2
  exit 1
fi
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"

# What jdeps sees in the jar: java.base; jdk.httpserver (the metrics and web listener); jdk.unsupported
# (sun.misc.Signal for jsup run's signals; JNA); java.net.http (HTTP probes, webhooks); jdk.net and
# jdk.security.auth (the control socket's peer credentials, file owners); java.sql (Jackson's optional
# date types). Left out: java.desktop (10 MB of the 50): only optional paths use it (Jackson's
# java.beans support, JNA's AWT helpers, JLine's terminal images, SnakeYAML's bean introspection, which
# Jackson's YAML parser never calls), and docker/check-image.sh runs jsup on the result.
found="$("${bin}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")"
modules="$(tr ',' '\n' <<<"$found" | grep -vx 'java.desktop' | paste -sd, -)"
# What jdeps cannot see, being loaded by name: jdk.crypto.ec (TLS key exchange with elliptic curves, for
# HTTPS probes and webhooks). Not added: jdk.localedata (English only), jdk.zipfs, jdk.charsets.
modules="$modules,jdk.crypto.ec"

"${bin}jlink" --add-modules "$modules" --output "$out" \
  --strip-debug --no-header-files --no-man-pages --compress=2
echo "$out: modules $modules; $(du -sh "$out" | cut -f1)"

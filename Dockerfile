# syntax=docker/dockerfile:1
# jsup as a container's init: `jsup run` (PID 1: reaps orphans, forwards signals, exits with the apps'
# status) on a jlink'ed Java runtime with only the modules jsup needs. See docs/containers.md.
#
#   docker build -t jsup .
#   docker run --rm -v "$PWD/ecosystem.json:/app/ecosystem.json:ro" jsup
#
# This image holds jsup only: an app's own runtime (node, python, ...) comes from an image built FROM it.

# ---- build: the shaded jar with the Maven wrapper, then the minimal runtime --------------------------
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY . .
# The cache mount keeps the downloaded dependencies (and Maven itself) between builds.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -pl cli -am -DskipTests package \
 && docker/jlink-runtime.sh cli/target/jsup.jar /opt/jsup/jre \
 && mkdir -p /opt/jsup/bin /opt/jsup/cli/target \
 && cp bin/jsup /opt/jsup/bin/ && cp cli/target/jsup.jar /opt/jsup/cli/target/

# ---- runtime: Debian's glibc (jsup spawns apps with posix_spawn, glibc 2.34 or later), bash for the
# launcher, a non-root user ---------------------------------------------------------------------------
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/jsup --shell /usr/sbin/nologin jsup \
 && mkdir /app && chown jsup:jsup /app
COPY --from=build /opt/jsup /opt/jsup
# bin/jsup finds the jar next to itself (../cli/target/jsup.jar) and runs it on the jlink'ed runtime.
ENV JSUP_JAVA=/opt/jsup/jre/bin/java \
    JSUP_HOME=/home/jsup/.jsup \
    PATH=/opt/jsup/bin:$PATH
USER jsup
WORKDIR /app
# exec form: the launcher execs the JVM, so jsup run itself is PID 1 and gets `docker stop`'s SIGTERM.
ENTRYPOINT ["/opt/jsup/bin/jsup", "run"]
CMD ["/app/ecosystem.json"]
# docker stop sends SIGTERM and waits 10 s by default: raise it (docker stop -t, stop_grace_period,
# terminationGracePeriodSeconds) above your largest kill_timeout.
STOPSIGNAL SIGTERM

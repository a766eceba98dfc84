#!/usr/bin/env bash
# Prints a numbered line every second, forever; exits cleanly on SIGTERM (jsup's default kill_signal).
trap 'echo "ticker: got SIGTERM after $n ticks, bye"; exit 0' TERM
n=0
while true; do
  n=$((n + 1))
  echo "tick $n (${GREETING:-hello})"
  sleep 1 &
  wait $!
done

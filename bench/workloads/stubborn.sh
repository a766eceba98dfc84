#!/usr/bin/env bash
# A process tree that ignores SIGTERM and SIGINT: this shell plus two grandchildren, one of them
# detached into its own session with setsid. argv: MARKER
marker=${1:-stubborn}
trap '' TERM INT
sh -c 'trap "" TERM INT; while :; do sleep 1; done' "$marker-gc1" &
setsid sh -c 'trap "" TERM INT; while :; do sleep 1; done' "$marker-gc2" &
while :; do sleep 1; done

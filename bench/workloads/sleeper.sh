#!/usr/bin/env bash
# An idle app: becomes `sleep`, with the marker as its argv[0] so the benchmark can count it. argv: MARKER
exec -a "sleep-$1" sleep 1000000

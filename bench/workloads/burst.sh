#!/usr/bin/env bash
# Writes LINES lines of 100 bytes (99 characters + newline) to stdout as fast as it can, then
# stays up so no supervisor restarts it. argv: LINES MARKER
lines=${1:-300000}
yes "$(printf '%099d' 0)" | head -n "$lines"
exec sleep 100000

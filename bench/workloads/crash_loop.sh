#!/bin/sh
# A crash loop for bench/restart_cost.py: each run appends its pid to $1; until the file $2 exists
# the run sleeps (so jsupd can settle before the loop), afterwards it exits with 1 after $3 seconds.
echo $$ >> "$1"
if [ -e "$2" ]; then
  sleep "$3"
  exit 1
fi
exec sleep 1000

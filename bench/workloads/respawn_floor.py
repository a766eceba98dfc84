#!/usr/bin/env python3
"""The respawn floor of a machine: the least any supervisor can do. Starts the command in $FLOOR_ARGV
(JSON; kept off this loop's own command line, so the benchmark's marker names only the child) with
posix_spawn, waits for it with a blocking waitpid and starts it again at once: no log capture, no new
session, no bookkeeping. The benchmark kills its child the way it kills the supervised ones."""
import json
import os

argv = json.loads(os.environ.pop("FLOOR_ARGV"))
while True:
    pid = os.posix_spawn(argv[0], argv, os.environ)
    os.waitpid(pid, 0)

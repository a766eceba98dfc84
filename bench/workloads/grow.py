#!/usr/bin/env python3
"""Grows its RSS by 5 MB every 100 ms (50 MB/s) up to a ceiling, and records in a file the wall-clock
time (ns) at which its RSS first passed the cap. argv: CAP_MB STAMP_FILE MARKER"""
import os
import sys
import time

cap = int(sys.argv[1]) * 1024 * 1024
stamp = sys.argv[2]
page = os.sysconf("SC_PAGE_SIZE")
chunks = []
crossed = False
while True:
    if len(chunks) < 300:  # ceiling: 1.5 GB
        chunks.append(bytearray(os.urandom(1024)) * (5 * 1024))
    with open("/proc/self/statm") as f:
        rss = int(f.read().split()[1]) * page
    if rss > cap and not crossed:
        crossed = True
        with open(stamp, "w") as f:
            f.write(str(time.time_ns()))
    time.sleep(0.1)

#!/usr/bin/env python3
"""A tiny TCP server: accepts, answers one line, closes. argv: PORT MARKER (the marker only tags the
process so the benchmark can find it in /proc)."""
import socket
import sys

port = int(sys.argv[1])
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port))
srv.listen(64)
while True:
    conn, _ = srv.accept()
    try:
        conn.sendall(b"ok\n")
    finally:
        conn.close()

#!/usr/bin/env python3
"""The reload case's HTTP server: one short response per connection, HTTP/1.0, no keep-alive.

argv: PORT MARKER. Serves on the socket passed by systemd's protocol when there is one (LISTEN_FDS,
LISTEN_PID equal to its own pid: jsup's held socket), else binds 127.0.0.1:PORT itself with
SO_REUSEPORT, so two instances (jsup's rolling reload) can listen on one port. On SIGTERM or SIGINT
(PM2's stop signal) it finishes the request it is serving and exits; what waits in the backlog of a
passed socket is the next run's, what waits in the backlog of its own socket is lost with it.
"""
import os
import select
import signal
import socket
import sys

port, marker = int(sys.argv[1]), sys.argv[2]

if os.environ.get("LISTEN_PID") == str(os.getpid()) and int(os.environ.get("LISTEN_FDS", "0")) >= 1:
    listener = socket.socket(fileno=3)
else:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(4096)

wake_r, wake_w = os.pipe()
os.set_blocking(wake_w, False)
signal.set_wakeup_fd(wake_w)
for sig in (signal.SIGTERM, signal.SIGINT):
    signal.signal(sig, lambda signum, frame: None)  # only wakes the loop: a request is never cut

body = f"ok {os.getpid()} {marker}\n".encode()
response = (b"HTTP/1.0 200 OK\r\nContent-Length: " + str(len(body)).encode()
            + b"\r\nConnection: close\r\n\r\n" + body)
while True:
    ready, _, _ = select.select([wake_r, listener], [], [])
    if wake_r in ready:
        sys.exit(0)
    try:
        conn, _ = listener.accept()
    except BlockingIOError:
        continue
    try:
        conn.settimeout(10)
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(4096)
            if not chunk:
                break
            request += chunk
        conn.sendall(response)
    except OSError:
        pass
    finally:
        conn.close()

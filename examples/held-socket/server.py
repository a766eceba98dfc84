#!/usr/bin/env python3
"""A tiny HTTP server that serves on the listening socket jsupd passes it (systemd's protocol).

jsupd holds the socket across restarts: connections that arrive while this process restarts wait in
the kernel's backlog and the next run accepts them. On SIGTERM it finishes the request it is serving,
then exits, leaving what waits in the backlog to the next run, so no accepted connection is cut.
Each response is one JSON line: the pid and the LISTEN_* variables it saw.
"""
import json
import os
import select
import signal
import socket
import sys

SD_LISTEN_FDS_START = 3


def listen_fds():
    """sd_listen_fds(3): the passed sockets, when they are meant for this very process."""
    if os.environ.get("LISTEN_PID") != str(os.getpid()):
        return []
    count = int(os.environ.get("LISTEN_FDS", "0"))
    return [socket.socket(fileno=SD_LISTEN_FDS_START + i) for i in range(count)]


def serve(conn, response):
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


def main():
    sockets = listen_fds()
    if not sockets:
        sys.exit("no socket passed: run me under jsup with \"sockets\" (or systemd socket activation)")
    listener = sockets[0]
    # SIGTERM only wakes the loop (no handler runs mid-request), so the request being served always completes.
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGTERM, lambda signum, frame: None)
    body = json.dumps({"pid": os.getpid(), "listen_pid": os.environ.get("LISTEN_PID"),
                       "listen_fds": os.environ.get("LISTEN_FDS"),
                       "listen_fdnames": os.environ.get("LISTEN_FDNAMES")}).encode() + b"\n"
    response = (b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
    while True:
        ready, _, _ = select.select([wake_r, listener], [], [])
        if wake_r in ready:
            return  # what waits in the backlog is the next run's
        conn, _ = listener.accept()
        serve(conn, response)


if __name__ == "__main__":
    main()

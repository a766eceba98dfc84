#!/usr/bin/env python3
"""A tiny HTTP server that serves on the listening socket jsupd passes it (systemd's protocol).

jsupd holds the socket across restarts: connections that arrive while this process restarts wait in
the kernel's backlog and the next run accepts them. On SIGTERM it finishes the request it is serving,
then exits, leaving what waits in the backlog to the next run, so no accepted connection is cut.
Each response is one JSON line: the pid and the LISTEN_* variables it saw.

    server.py [PORT [...]]

Without a passed socket it binds 127.0.0.1:PORT itself (with SO_REUSEPORT, so two copies can share it),
which is how bench/reload.py runs it under PM2 and supervisord; what waits in the backlog of a socket
of its own is lost when it exits. Further arguments are ignored (the benchmark's process marker).
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


def notify_ready():
    """sd_notify(3) READY=1 once listening, when run with wait_ready (jsup) or under systemd Type=notify."""
    path = os.environ.get("NOTIFY_SOCKET")
    if not path:
        return
    if path.startswith("@"):
        path = "\0" + path[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s:
        s.sendto(b"READY=1", path)


def own_socket(port):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(4096)
    return listener


def main():
    sockets = listen_fds()
    if sockets:
        listener = sockets[0]
    elif len(sys.argv) > 1:
        listener = own_socket(int(sys.argv[1]))
    else:
        sys.exit("no socket passed: run me under jsup with \"sockets\" (or systemd socket activation), "
                 "or give a port")
    # SIGTERM or SIGINT (PM2's stop signal) only wakes the loop (no handler runs mid-request), so the request
    # being served always completes.
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, frame: None)
    body = json.dumps({"pid": os.getpid(), "listen_pid": os.environ.get("LISTEN_PID"),
                       "listen_fds": os.environ.get("LISTEN_FDS"),
                       "listen_fdnames": os.environ.get("LISTEN_FDNAMES")}).encode() + b"\n"
    response = (b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
    notify_ready()
    while True:
        ready, _, _ = select.select([wake_r, listener], [], [])
        if wake_r in ready:
            return  # what waits in the backlog is the next run's
        try:
            conn, _ = listener.accept()
        except BlockingIOError:
            continue  # another copy sharing the socket took it
        serve(conn, response)


if __name__ == "__main__":
    main()

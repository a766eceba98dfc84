package jsup.supervisor.sockets;

import java.io.IOException;
import java.nio.file.Files;
import jsup.supervisor.config.SocketSpec;

/**
 * One listening socket jsupd holds for an app: its descriptor in jsupd (close-on-exec, so only the app's runs
 * get it, through {@code posix_spawn}), what was asked for and where it is bound (a port 0 resolved).
 */
public final class HeldSocket {

    private final SocketSpec spec;
    private final int fd;
    private final String bound;
    private boolean closed;

    HeldSocket(SocketSpec spec, int fd, String bound) {
        this.spec = spec;
        this.fd = fd;
        this.bound = bound;
    }

    public SocketSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** jsupd's descriptor for it. */
    public int fd() {
        return fd;
    }

    /** Where it listens: {@code 127.0.0.1:8080} (the kernel's port for port 0) or the socket path. */
    public String bound() {
        return bound;
    }

    /**
     * Back to blocking mode, as a fresh socket is: the mode belongs to the socket, shared by jsupd and every run,
     * so a run that made it non-blocking (Node does) would otherwise hand that to the next run.
     */
    synchronized void resetForNextRun() {
        int flags = ListenSyscalls.fcntl(fd, ListenSyscalls.F_GETFL, 0);
        if (flags >= 0 && (flags & ListenSyscalls.O_NONBLOCK) != 0) {
            ListenSyscalls.fcntl(fd, ListenSyscalls.F_SETFL, flags & ~ListenSyscalls.O_NONBLOCK);
        }
    }

    /** Stops listening: connections waiting in the backlog are refused; a Unix socket's file is removed. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ListenSyscalls.close(fd);
        if (spec.listen() instanceof SocketSpec.Unix unix) {
            try {
                Files.deleteIfExists(unix.path());
            } catch (IOException e) {
                // a later bind removes a stale socket file itself
            }
        }
    }

    /** Whether {@code wanted} is what this socket was bound for, so it can be kept across a new definition. */
    boolean serves(SocketSpec wanted) {
        return spec.equals(wanted);
    }

    @Override
    public String toString() {
        return spec.name() + " " + bound + " (fd " + fd + ")";
    }
}

package jsup.supervisor.web.server;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A socket's output where a write that blocks past {@code millis} has the connection closed (its plain
 * socket: closing a TLS socket would itself try to write).
 */
final class WatchedOutput extends OutputStream {

    private final Closeable connection;
    private final OutputStream out;
    private final Watchdog watchdog;
    private final int millis;

    WatchedOutput(OutputStream out, Closeable connection, Watchdog watchdog, int millis) {
        this.connection = connection;
        this.out = out;
        this.watchdog = watchdog;
        this.millis = millis;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Watchdog.Deadline d = watchdog.arm(connection, millis);
        try {
            out.write(b, off, len);
        } finally {
            watchdog.disarm(d);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush(); // a socket's own stream sends on write; nothing is held here
    }
}

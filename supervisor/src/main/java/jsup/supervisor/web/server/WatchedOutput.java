package jsup.supervisor.web.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** A socket's output where each write or flush that blocks past {@code millis} has the socket closed. */
final class WatchedOutput extends OutputStream {

    private final Socket socket;
    private final OutputStream out;
    private final Watchdog watchdog;
    private final int millis;

    WatchedOutput(Socket socket, Watchdog watchdog, int millis) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.watchdog = watchdog;
        this.millis = millis;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Watchdog.Deadline d = watchdog.arm(socket, millis);
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

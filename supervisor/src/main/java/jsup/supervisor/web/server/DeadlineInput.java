package jsup.supervisor.web.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input whose reads all end by one deadline, not each its own timeout: a client that sends a
 * byte a second is still cut when its head's time is up. Each read waits the time left (the socket's
 * read timeout, a blocking poll: nothing wakes while it waits).
 */
final class DeadlineInput extends InputStream {

    private final Socket socket;
    private final InputStream in;
    private long deadline;
    private String phase = "request";

    DeadlineInput(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Reads from now on must end within {@code millis}; {@code phase} names them in the timeout's message. */
    void deadline(int millis, String phase) {
        this.deadline = System.nanoTime() + millis * 1_000_000L;
        this.phase = phase;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new SocketTimeoutException(phase + " timed out");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        try {
            return in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException(phase + " timed out");
        }
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }
}

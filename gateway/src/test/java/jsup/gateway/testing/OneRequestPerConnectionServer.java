package jsup.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.0-style server on 127.0.0.1 that answers the first request on each connection with
 * {@code 200} and {@link #body} but no {@code Connection: close}, so clients keep the connection
 * pooled; a second request on it gets the connection closed without an answer, as a server that
 * closes idle connections does when the client reuses one at the wrong moment.
 */
public final class OneRequestPerConnectionServer implements AutoCloseable {

    private final ServerSocket listener;
    private final String body;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    private OneRequestPerConnectionServer(String body) throws IOException {
        this.body = body;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "one-request-server");
        accept.setDaemon(true);
        accept.start();
    }

    /** Starts a server answering every first request with the JSON {@code body}. */
    public static OneRequestPerConnectionServer start(String body) throws IOException {
        return new OneRequestPerConnectionServer(body);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    public int answered() {
        return answered.get();
    }

    public int dropped() {
        return dropped.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "one-request-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            if (!readRequest(in)) {
                return;
            }
            answered.incrementAndGet(); // before answering, so a client that has its answer sees the count
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            if (readRequest(in)) {
                dropped.incrementAndGet();
            }
        } catch (IOException gone) {
            // the client closed first: nothing to do
        }
    }

    /** Reads one request's headers and body; false at end of stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                long length = 0;
                for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).strip());
                    }
                }
                in.readNBytes((int) length);
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}

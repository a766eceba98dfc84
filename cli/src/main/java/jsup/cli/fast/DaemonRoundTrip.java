package jsup.cli.fast;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One request line out, one response line back, on a fresh connection to jsupd's socket, within a
 * deadline. JDK NIO only (no Jackson, no ControlClient), so a short-lived JVM loads next to nothing.
 * Any failure is an {@link IOException}; the caller falls back to the full client, which explains it.
 */
final class DaemonRoundTrip {

    private DaemonRoundTrip() {
    }

    /**
     * Sends {@code request} (one JSON object, no newline) and returns the first response line.
     *
     * @param maxBytes the longest response accepted (the protocol's limit)
     * @throws IOException when the socket is missing, the connection breaks, the deadline passes
     *                     or the answer is longer than {@code maxBytes}
     */
    static String exchange(Path socket, String request, long timeoutMillis, int maxBytes) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        BuiltinSelectorProvider.choose();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            // Non-blocking even to connect: a stopped jsupd's full backlog would block a connect for ever.
            ch.configureBlocking(false);
            SelectionKey key;
            if (ch.connect(UnixDomainSocketAddress.of(socket))) {
                key = ch.register(selector, SelectionKey.OP_WRITE);
            } else {
                key = ch.register(selector, SelectionKey.OP_CONNECT);
                while (!ch.finishConnect()) {
                    await(selector, deadline);
                }
                key.interestOps(SelectionKey.OP_WRITE);
            }
            ByteBuffer out = ByteBuffer.wrap(request.concat("\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                if (ch.write(out) == 0) {
                    await(selector, deadline);
                }
            }
            key.interestOps(SelectionKey.OP_READ);
            ByteArrayOutputStream line = new ByteArrayOutputStream(64 * 1024);
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            while (true) {
                in.clear();
                int n = ch.read(in);
                if (n < 0) {
                    throw new IOException("jsupd closed the connection before answering");
                }
                if (n == 0) {
                    await(selector, deadline);
                    continue;
                }
                byte[] chunk = in.array();
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        line.write(chunk, 0, i);
                        return line.toString(StandardCharsets.UTF_8);
                    }
                }
                if (line.size() + n > maxBytes) {
                    throw new IOException("jsupd's answer is longer than " + maxBytes + " bytes");
                }
                line.write(chunk, 0, n);
            }
        }
    }

    private static void await(Selector selector, long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new IOException("jsupd did not answer in time");
        }
        selector.select(left);
        selector.selectedKeys().clear();
    }
}

package jsup.supervisor.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jsup.supervisor.files.ProcessUser;
import jsup.supervisor.daemonlog.JsupdLog;

/**
 * jsupd's end of the control socket: binds {@code jsup.sock} with mode 0600, accepts connections
 * (one thread each, at most {@link #MAX_CONNECTIONS}), frames newline-delimited JSON requests and
 * hands each to the {@link CommandHandler}. A connection may send any number of requests; they are
 * answered in order. A bad line gets an error response and the connection stays usable.
 *
 * <p>The caller must own the socket path (jsupd holds {@code jsupd.lock}): a file left there by a
 * dead daemon is replaced.
 *
 * <p>Safety: the socket is never wider than 0600 ({@link PrivateSocketBind}); a peer that is neither
 * jsupd's user nor root is refused with {@link ErrorCode#FORBIDDEN} ({@link PeerCheck}); a connection
 * that sends no complete request for {@link #IDLE_TIMEOUT} after it opened or got its last answer is
 * closed, so idle connections cannot hold every slot and lock the CLI out with BUSY.
 */
public final class ControlServer implements AutoCloseable {

    /** Connections served at once; one more gets {@link ErrorCode#BUSY} and is closed. */
    public static final int MAX_CONNECTIONS = 64;

    /** A connection that waits this long for its next request (not while one runs) is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    /** How long {@link #close()} lets requests in flight finish before cutting their connections. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    /** Longest socket path Linux accepts ({@code sun_path} is 108 bytes with the terminating NUL). */
    private static final int MAX_SOCKET_PATH = 107;

    private static final JsupdLog.Logger log = JsupdLog.logger(ControlServer.class);

    private final Path socket;
    private final CommandHandler handler;
    private final ServerSocketChannel server;
    private final Selector acceptable;
    private final Duration idleTimeout;
    private final PeerCheck peers;
    private final Thread acceptor;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private volatile boolean closing;

    private ControlServer(Path socket, CommandHandler handler, ServerSocketChannel server, Selector acceptable,
            Duration idleTimeout, PeerCheck peers) {
        this.socket = socket;
        this.handler = handler;
        this.server = server;
        this.acceptable = acceptable;
        this.idleTimeout = idleTimeout;
        this.peers = peers;
        this.acceptor = new Thread(this::acceptLoop, "jsupd-control-accept");
        this.acceptor.setDaemon(true);
    }

    /** Binds {@code socket} (mode 0600 from the start) and starts accepting. */
    public static ControlServer start(Path socket, CommandHandler handler) throws IOException {
        return start(socket, handler, IDLE_TIMEOUT, new PeerCheck(ProcessUser.current()));
    }

    static ControlServer start(Path socket, CommandHandler handler, Duration idleTimeout, PeerCheck peers)
            throws IOException {
        int pathBytes = socket.toString().getBytes(StandardCharsets.UTF_8).length;
        if (pathBytes > MAX_SOCKET_PATH) {
            throw new IOException("socket path " + socket + " is " + pathBytes + " bytes, Linux allows "
                    + MAX_SOCKET_PATH + "; set JSUP_HOME to a shorter folder");
        }
        ServerSocketChannel channel;
        Selector selector;
        try {
            channel = PrivateSocketBind.bind(socket, 64);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot listen on " + socket + ": " + e.getMessage(), e);
        }
        try {
            // Non-blocking accept, so the acceptor wakes up to close idle connections too.
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        ControlServer s = new ControlServer(socket, handler, channel, selector, idleTimeout, peers);
        s.acceptor.start();
        return s;
    }

    public Path socket() {
        return socket;
    }

    /** Connections open right now. */
    public int connectionCount() {
        return connections.size();
    }

    private void acceptLoop() {
        while (!closing) {
            SocketChannel ch;
            try {
                // Wakes only when a connection may have become idle for too long: with none, never; with a
                // client that asks once a second (jsup monit), about once per idle timeout, not every second.
                long sweepIn = millisToNextSweep();
                if (sweepIn < 0) {
                    acceptable.select();
                } else {
                    acceptable.select(sweepIn);
                }
                acceptable.selectedKeys().clear();
                closeIdle();
                ch = server.accept();
            } catch (ClosedChannelException | ClosedSelectorException e) {
                return;
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                log.warn("control socket accept failed: {}", e.toString());
                continue;
            }
            if (ch == null) {
                continue;
            }
            Optional<String> refused = peers.refusal(ch);
            if (refused.isPresent()) {
                log.warn("control socket: refused a connection: {}", refused.get());
                refuse(ch, new ControlException(ErrorCode.FORBIDDEN, refused.get()));
                continue;
            }
            if (connections.size() >= MAX_CONNECTIONS) {
                refuse(ch, new ControlException(ErrorCode.BUSY,
                        "jsupd already serves " + MAX_CONNECTIONS + " connections; retry in a moment"));
                continue;
            }
            Connection c = new Connection(ch, connectionIds.incrementAndGet());
            connections.add(c);
            Thread t = new Thread(c::serve, "jsupd-control-" + c.number);
            t.setDaemon(true);
            c.thread = t;
            t.start();
        }
    }

    private static void refuse(SocketChannel ch, ControlException why) {
        try (ch) {
            ch.configureBlocking(true);
            writeLine(ch, ControlResponse.failure(null, why).toLine());
        } catch (IOException e) {
            // The client went away first; nothing to tell it.
        }
    }

    /** Milliseconds (at least 1) until the first open connection would reach the idle timeout; -1 with none. */
    private long millisToNextSweep() {
        long now = System.nanoTime();
        long earliest = Long.MAX_VALUE;
        boolean any = false;
        for (Connection c : connections) {
            long deadline = c.idleDeadline(now, idleTimeout.toNanos());
            earliest = any ? Math.min(earliest, deadline - now) : deadline - now;
            any = true;
        }
        return any ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(earliest) + 1) : -1;
    }

    /** Closes the connections that have waited longer than the idle timeout for a request. */
    private void closeIdle() {
        long now = System.nanoTime();
        for (Connection c : connections) {
            c.closeIfIdleSince(now - idleTimeout.toNanos());
        }
    }

    /** Answers one framed line; never throws. */
    String answer(LineBuffer.Frame frame) {
        if (frame.tooLarge()) {
            return ControlResponse.failure(null, new ControlException(ErrorCode.TOO_LARGE,
                    "request line is longer than " + ControlProtocol.MAX_REQUEST_BYTES
                            + " bytes; it was skipped up to the next newline")).toLine();
        }
        ControlRequest request;
        try {
            request = ControlRequest.parse(frame.text());
        } catch (ControlException e) {
            return ControlResponse.failure(bestEffortId(frame.text()), e).toLine();
        }
        try {
            JsonNode result = handler.handle(request);
            return ControlResponse.success(request.id(), result).toLine();
        } catch (ControlException e) {
            return ControlResponse.failure(request.id(), e).toLine();
        } catch (RuntimeException | Error e) {
            log.error("control command \"{}\" failed", request.cmd(), e);
            return ControlResponse.failure(request.id(), new ControlException(ErrorCode.INTERNAL,
                    "command \"" + request.cmd() + "\" failed inside jsupd: " + e
                            + " (see jsupd.log for the stack trace)")).toLine();
        }
    }

    private static JsonNode bestEffortId(String line) {
        try {
            JsonNode root = ControlProtocol.mapper().readTree(line);
            return root != null && root.isObject() ? root.get("id") : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeLine(SocketChannel ch, String line) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            ch.write(out);
        }
    }

    /**
     * Stops accepting, lets requests in flight finish and answer (up to {@link #CLOSE_GRACE}), closes
     * every connection and removes the socket file. Safe to call more than once, from any thread,
     * including from a command handler's own thread (that request still gets its answer).
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            server.close();
            acceptable.close();
        } catch (IOException e) {
            // already closed or never bound: nothing to release
        }
        for (Connection c : connections) {
            c.closeIfIdle();
        }
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        for (Connection c : connections) {
            Thread t = c.thread;
            if (t == null || t == Thread.currentThread()) {
                continue;
            }
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    t.join(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Connection c : connections) {
            if (c.thread != Thread.currentThread()) {
                c.forceClose();
            }
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", socket, e.toString());
        }
    }

    /** One client connection, served by its own thread. */
    private final class Connection {
        private final SocketChannel channel;
        private final int number;
        private volatile Thread thread;
        private boolean busy;
        private boolean closed;
        /** When the connection opened or its last answer went out (nanoTime). */
        private long idleSince = System.nanoTime();

        Connection(SocketChannel channel, int number) {
            this.channel = channel;
            this.number = number;
        }

        void serve() {
            LineBuffer lines = new LineBuffer(ControlProtocol.MAX_REQUEST_BYTES);
            ByteBuffer in = ByteBuffer.allocate(16384);
            try {
                while (true) {
                    in.clear();
                    int n = channel.read(in);
                    if (n < 0) {
                        return;
                    }
                    in.flip();
                    lines.feed(in);
                    LineBuffer.Frame frame;
                    while ((frame = lines.next()) != null) {
                        if (!beginRequest()) {
                            return;
                        }
                        String reply = answer(frame);
                        writeLine(channel, reply);
                        if (!endRequest()) {
                            return;
                        }
                    }
                }
            } catch (IOException e) {
                // The client hung up or the server is closing: nothing more to serve.
            } finally {
                forceClose();
                connections.remove(this);
            }
        }

        private synchronized boolean beginRequest() {
            if (closed || closing) {
                return false;
            }
            busy = true;
            return true;
        }

        /** Returns false when the server closed while this request ran: the answer was the last. */
        private synchronized boolean endRequest() {
            busy = false;
            idleSince = System.nanoTime();
            return !closing && !closed;
        }

        /** When this connection reaches the idle timeout (nanoTime); a busy one, a timeout from now. */
        synchronized long idleDeadline(long now, long timeoutNanos) {
            return (busy ? now : idleSince) + timeoutNanos;
        }

        synchronized void closeIfIdleSince(long before) {
            if (!busy && idleSince - before < 0) {
                forceClose();
            }
        }

        synchronized void closeIfIdle() {
            if (!busy) {
                forceClose();
            }
        }

        synchronized void forceClose() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                channel.close();
            } catch (IOException e) {
                // the client is gone either way
            }
        }
    }
}

package jsup.supervisor.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The client end of the control socket, used by the CLI and the gateway. One connection, any number
 * of calls, one at a time (calls from several threads are serialised).
 *
 * <p>Deliberately light: JDK NIO and Jackson only, no logging framework, so a short-lived CLI JVM
 * pays nothing else. Every call has a deadline; a silent or dead jsupd becomes a
 * {@link ControlException} with {@link ErrorCode#TIMEOUT} or {@link ErrorCode#DAEMON_UNREACHABLE}.
 *
 * <p>A hung jsupd (SIGSTOPped, deadlocked) is told from a busy one without a short deadline on
 * commands that legitimately wait (a stop waits up to the apps' kill_timeouts): {@code ping} has
 * its own short deadline ({@link #PING_TIMEOUT}), and a call still unanswered after
 * {@link #LIVENESS_INTERVAL} pings jsupd on a second connection (jsupd serves each connection on its
 * own thread). A jsupd that does not answer that ping is hung, and the call ends with TIMEOUT then.
 *
 * <pre>{@code
 * try (ControlClient c = ControlClient.connect(home)) {
 *     JsonNode apps = c.call("list", null).get("apps");
 * }
 * }</pre>
 */
public final class ControlClient implements AutoCloseable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** Long enough for {@code stop all} of apps with long kill timeouts; pass a longer one if needed. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);

    /** How long {@code ping} may take: a live jsupd answers it in milliseconds, even on a loaded machine. */
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(3);

    /** How long a call waits for its answer before checking, by a ping, that jsupd still answers at all. */
    public static final Duration LIVENESS_INTERVAL = Duration.ofSeconds(2);

    /**
     * Unanswered liveness pings in a row that end a call: one stall of a few seconds on an overloaded
     * machine (measured at load 55 on 2 cores) must not fail a deploy that jsupd is carrying out.
     */
    static final int LIVENESS_MISSES = 2;

    private final Path socket;
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final LineBuffer lines = new LineBuffer(ControlProtocol.MAX_RESPONSE_BYTES);
    private final ByteBuffer in = ByteBuffer.allocate(65536);
    private long nextId = 1;

    private ControlClient(Path socket, SocketChannel channel, Selector selector, SelectionKey key) {
        this.socket = socket;
        this.channel = channel;
        this.selector = selector;
        this.key = key;
    }

    /** Connects to the jsupd owning {@code jsupHome} within {@link #DEFAULT_CONNECT_TIMEOUT}. */
    public static ControlClient connect(Path jsupHome) throws ControlException {
        return connect(jsupHome, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * Connects to the jsupd owning {@code jsupHome}.
     *
     * @throws ControlException {@link ErrorCode#DAEMON_UNREACHABLE} when no jsupd listens there
     */
    public static ControlClient connect(Path jsupHome, Duration timeout) throws ControlException {
        Path socket = ControlProtocol.socketPath(jsupHome);
        if (!Files.exists(socket)) {
            if (Files.isDirectory(jsupHome) && !Files.isExecutable(jsupHome)) {
                throw forbidden(jsupHome, "its folder " + jsupHome + " is closed to this user");
            }
            throw new ControlException(ErrorCode.DAEMON_UNREACHABLE,
                    "no jsupd is running for " + jsupHome + " (" + socket + " does not exist)");
        }
        SocketChannel ch = null;
        Selector sel = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.configureBlocking(false);
            sel = Selector.open();
            SelectionKey k;
            if (ch.connect(UnixDomainSocketAddress.of(socket))) {
                k = ch.register(sel, SelectionKey.OP_READ);
            } else {
                // The listen backlog is full: wait for room, but not forever.
                k = ch.register(sel, SelectionKey.OP_CONNECT);
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!ch.finishConnect()) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        throw new ControlException(ErrorCode.TIMEOUT, "jsupd at " + socket
                                + " did not accept a connection within " + timeout.toMillis() + " ms");
                    }
                    sel.select(left);
                    sel.selectedKeys().clear();
                }
                k.interestOps(SelectionKey.OP_READ);
            }
            return new ControlClient(socket, ch, sel, k);
        } catch (IOException e) {
            closeQuietly(ch, sel);
            if (String.valueOf(e.getMessage()).contains("Permission denied")) {
                throw forbidden(socket, "connecting to " + socket + " was denied (" + e.getMessage() + ")");
            }
            throw new ControlException(ErrorCode.DAEMON_UNREACHABLE, "cannot connect to jsupd at " + socket
                    + ": " + e.getMessage() + " (is it running?)", e);
        } catch (ControlException e) {
            closeQuietly(ch, sel);
            throw e;
        }
    }

    /** FORBIDDEN for a socket or home this user may not use: whose it is, and the two ways out. */
    private static ControlException forbidden(Path owned, String what) {
        String owner;
        try {
            owner = Files.getOwner(owned).getName();
        } catch (IOException | UnsupportedOperationException e) {
            owner = "another user";
        }
        return new ControlException(ErrorCode.FORBIDDEN, "jsupd's socket is not for this user: " + what
                + "; it belongs to " + owner + ". Run jsup as " + owner + " (e.g. sudo -u " + owner
                + " jsup …), or use your own jsupd with JSUP_HOME set to a folder of yours");
    }

    /** The socket this client talks to. */
    public Path socket() {
        return socket;
    }

    /** A fresh empty object to fill with a command's arguments. */
    public static ObjectNode args() {
        return ControlProtocol.mapper().createObjectNode();
    }

    /** Sends one command and returns its {@code result}, waiting at most {@link #DEFAULT_CALL_TIMEOUT}. */
    public JsonNode call(String cmd, ObjectNode args) throws ControlException {
        return call(cmd, args, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * Sends one command and returns its {@code result}.
     *
     * @throws ControlException the daemon's error (code, message, problems), or TIMEOUT, or
     *                          DAEMON_UNREACHABLE when the connection broke
     */
    public synchronized JsonNode call(String cmd, ObjectNode args, Duration timeout) throws ControlException {
        String id = Long.toString(nextId++);
        long deadline = System.nanoTime() + timeout.toNanos();
        Liveness liveness = timeout.compareTo(LIVENESS_INTERVAL.plus(PING_TIMEOUT)) > 0
                ? new Liveness(cmd) : null;
        send(ControlRequest.of(id, cmd, args).toLine(), deadline, cmd);
        while (true) {
            LineBuffer.Frame frame = receive(deadline, liveness, cmd);
            if (frame.tooLarge()) {
                throw new ControlException(ErrorCode.INTERNAL, "jsupd's answer to \"" + cmd
                        + "\" is longer than " + ControlProtocol.MAX_RESPONSE_BYTES + " bytes");
            }
            ControlResponse response = ControlResponse.parse(frame.text());
            JsonNode rid = response.id();
            // An answer without our id (e.g. BUSY before the request was read) is still ours.
            if (rid != null && !rid.asText().equals(id)) {
                continue;
            }
            if (!response.ok()) {
                throw response.error();
            }
            return response.result();
        }
    }

    /** {@code ping}: jsupd's pid, version, home, uptime and app count. */
    public JsonNode ping() throws ControlException {
        return call(ControlCommand.PING.wireName(), null, PING_TIMEOUT);
    }

    /** {@code list}: {@code {"apps":[…]}}. */
    public JsonNode list() throws ControlException {
        return call(ControlCommand.LIST.wireName(), null);
    }

    /** {@code describe}: {@code {"apps":[…]}} for one name, id or namespace, each with its config. */
    public JsonNode describe(String target) throws ControlException {
        return call(ControlCommand.DESCRIBE.wireName(), args().put("target", target));
    }

    private void send(String line, long deadline, String cmd) throws ControlException {
        ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    key.interestOps(SelectionKey.OP_WRITE);
                    awaitReady(deadline, cmd, deadline);
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
        } catch (IOException e) {
            // jsupd may have answered and closed before reading the request: a refused peer (FORBIDDEN)
            // or a full house (BUSY). Its answer is still in our receive buffer; it says more than EPIPE.
            ControlException answered = errorAlreadySent();
            throw answered != null ? answered : broken(cmd, e);
        }
    }

    /** The error answer jsupd sent before closing the connection, or null when there is none to read. */
    private ControlException errorAlreadySent() {
        try {
            while (true) {
                LineBuffer.Frame frame = lines.next();
                if (frame != null) {
                    ControlResponse response = ControlResponse.parse(frame.text());
                    return response.ok() ? null : response.error();
                }
                in.clear();
                if (channel.read(in) <= 0) {
                    return null;
                }
                in.flip();
                lines.feed(in);
            }
        } catch (IOException | ControlException | RuntimeException e) {
            return null;
        }
    }

    private LineBuffer.Frame receive(long deadline, Liveness liveness, String cmd) throws ControlException {
        try {
            while (true) {
                LineBuffer.Frame frame = lines.next();
                if (frame != null) {
                    return frame;
                }
                in.clear();
                int n = channel.read(in);
                if (n < 0) {
                    throw new ControlException(ErrorCode.DAEMON_UNREACHABLE,
                            "jsupd closed the connection before answering \"" + cmd + "\" (did it exit? see jsupd.log)");
                }
                if (n == 0) {
                    awaitReady(liveness == null ? deadline : Math.min(deadline, liveness.nextCheck), cmd, deadline);
                    if (liveness != null) {
                        liveness.checkIfDue();
                    }
                } else {
                    in.flip();
                    lines.feed(in);
                }
            }
        } catch (IOException e) {
            throw broken(cmd, e);
        }
    }

    /** Waits for the socket until {@code until}; fails once the call's {@code deadline} has passed. */
    private void awaitReady(long until, String cmd, long deadline) throws IOException, ControlException {
        long now = System.nanoTime();
        if (deadline - now <= 0) {
            throw new ControlException(ErrorCode.TIMEOUT, "jsupd did not answer \"" + cmd + "\" in time");
        }
        long left = (until - now) / 1_000_000;
        if (left > 0) {
            selector.select(left);
            selector.selectedKeys().clear();
        }
    }

    /** The liveness checks of one long call: a ping on a second connection every {@link #LIVENESS_INTERVAL}. */
    private final class Liveness {
        private final String cmd;
        private long nextCheck = System.nanoTime() + LIVENESS_INTERVAL.toNanos();
        private int misses;

        Liveness(String cmd) {
            this.cmd = cmd;
        }

        void checkIfDue() throws ControlException {
            if (System.nanoTime() - nextCheck < 0) {
                return;
            }
            try (ControlClient probe = connect(socket.getParent(), PING_TIMEOUT)) {
                probe.ping();
                misses = 0;
            } catch (ControlException e) {
                if (e.code() == ErrorCode.TIMEOUT && ++misses >= LIVENESS_MISSES) {
                    throw new ControlException(ErrorCode.TIMEOUT, "jsupd stopped answering while \"" + cmd
                            + "\" ran: not even a ping within " + PING_TIMEOUT.toSeconds() + " s, " + misses
                            + " times in a row");
                }
                // Closed or exiting: the call's own connection tells what happened next.
            }
            nextCheck = System.nanoTime() + LIVENESS_INTERVAL.toNanos();
        }
    }

    private ControlException broken(String cmd, IOException e) {
        return new ControlException(ErrorCode.DAEMON_UNREACHABLE,
                "connection to jsupd broke during \"" + cmd + "\": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        closeQuietly(channel, selector);
    }

    private static void closeQuietly(SocketChannel ch, Selector sel) {
        try {
            if (sel != null) {
                sel.close();
            }
        } catch (IOException e) {
            // Closing: nothing useful to do.
        }
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException e) {
            // Closing: nothing useful to do.
        }
    }
}

package jsup.healthmon.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import jsup.healthmon.DurationText;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcNetTcp;
import jsup.healthmon.proc.TcpSocketEntry;

/**
 * Passes when a TCP connection to host:port opens within the timeout and, for a server on this
 * machine, the server accepts it.
 *
 * <p>Why the accept check: the kernel completes the handshake for a listening socket on its own, so
 * a server that is hung or SIGSTOPped still "accepts" connections into its backlog. While our
 * connection waits in that queue its server-side row in {@code /proc/net/tcp} is ESTABLISHED with
 * inode 0; once the process calls {@code accept()} the row gets an inode. A row that keeps inode 0
 * until the timeout means the process is not serving. For remote servers (or a listener in another
 * network namespace) the row is not visible and a connect alone passes.
 */
public final class TcpProbe implements Probe {

    /** How long to look for our connection's server-side row before deciding it is not visible. */
    static final Duration ROW_VISIBLE_WITHIN = Duration.ofMillis(200);

    private final String host;
    private final int port;
    private final ProcNetTcp tables;
    private final HostLookup lookup;

    public TcpProbe(String host, int port, ProcFs procFs) {
        this(host, port, procFs, HostLookup.system());
    }

    TcpProbe(String host, int port, ProcFs procFs, HostLookup lookup) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("tcp probe port " + port + " is out of range; use 1-65535");
        }
        this.host = host;
        this.port = port;
        this.tables = new ProcNetTcp(procFs);
        this.lookup = lookup;
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }

    @Override
    public ProbeResult check(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Socket socket = new Socket()) {
            // The name lookup counts against the timeout too: a hung DNS server must not hang the probe.
            InetAddress address = lookup.resolve(host, timeout);
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis < 1) {
                return ProbeResult.fail(describe(), start, "timed out after " + DurationText.format(timeout)
                        + " looking up " + host + " (DNS)");
            }
            socket.connect(new InetSocketAddress(address, port), (int) leftMillis);
            if (isLocal(address) && !acceptedBy(socket, deadline)) {
                return ProbeResult.fail(describe(), start,
                        "connected but not accepted within " + DurationText.format(timeout)
                                + " (the listening process is stopped or hung)");
            }
            return ProbeResult.pass(describe(), start, "connected");
        } catch (UnknownHostException e) {
            return ProbeResult.fail(describe(), start, "unknown host " + host);
        } catch (TimeoutException e) {
            return ProbeResult.fail(describe(), start, "timed out after " + DurationText.format(timeout)
                    + " looking up " + host + " (DNS)");
        } catch (SocketTimeoutException e) {
            return ProbeResult.fail(describe(), start, "timed out after " + DurationText.format(timeout));
        } catch (ConnectException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            return ProbeResult.fail(describe(), start,
                    message.contains("refused") ? "connection refused" : message);
        } catch (IOException e) {
            return ProbeResult.fail(describe(), start, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Waits until the server-side end of our connection has an inode (was accepted), the row turns
     * out not to be visible, or the deadline passes.
     */
    private boolean acceptedBy(Socket socket, long deadline) {
        InetAddress ours = socket.getLocalAddress();
        int ourPort = socket.getLocalPort();
        InetAddress theirs = socket.getInetAddress();
        long rowDeadline = System.nanoTime() + ROW_VISIBLE_WITHIN.toNanos();
        long pause = 2;
        while (true) {
            TcpSocketEntry row = serverSide(theirs, ours, ourPort);
            if (row == null) {
                if (System.nanoTime() > rowDeadline) {
                    return true;
                }
            } else if (row.inode() != 0 || row.state() != TcpSocketEntry.ESTABLISHED) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            pause = Math.min(pause * 2, 50);
        }
    }

    private TcpSocketEntry serverSide(InetAddress server, InetAddress client, int clientPort) {
        for (TcpSocketEntry e : tables.entries()) {
            if (e.localPort() == port && e.remotePort() == clientPort
                    && e.remoteAddress().equals(client) && e.localAddress().equals(server)) {
                return e;
            }
        }
        return null;
    }

    private static boolean isLocal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}

package jsup.healthmon.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A host name lookup that gives up at a deadline. {@code getaddrinfo} cannot be interrupted and waits
 * out the resolver's own timeouts (5 s per server and attempt by default), so a lookup runs on a
 * small shared pool and the probe stops waiting for it at its timeout; a lookup still stuck there
 * finishes (or fails) on its own and its answer is dropped. At most {@link #THREADS} lookups run at
 * once; more wait in line, each within its own deadline.
 */
final class HostLookup {

    /** Resolves one name; the seam tests use for a resolver that hangs. */
    interface Resolver {
        InetAddress resolve(String host) throws UnknownHostException;
    }

    static final int THREADS = 4;

    private static final ThreadPoolExecutor POOL = pool();

    private final Resolver resolver;

    HostLookup(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The system resolver. */
    static HostLookup system() {
        return new HostLookup(InetAddress::getByName);
    }

    /**
     * The host's address, within {@code timeout}.
     *
     * @throws UnknownHostException when the name does not resolve
     * @throws TimeoutException     when the lookup takes longer than {@code timeout}
     */
    InetAddress resolve(String host, Duration timeout) throws UnknownHostException, TimeoutException {
        if (isAddressLiteral(host)) {
            // No lookup to wait for: a pool round trip here only made loaded machines miss short timeouts.
            return InetAddress.getByName(host);
        }
        Future<InetAddress> lookup = POOL.submit(() -> resolver.resolve(host));
        try {
            return lookup.get(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(false); // still queued: never started; already running: left to finish
            throw e;
        } catch (InterruptedException e) {
            lookup.cancel(false);
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException u) {
                throw u;
            }
            UnknownHostException u = new UnknownHostException(host + ": " + e.getCause());
            u.initCause(e.getCause());
            throw u;
        }
    }

    /** An IPv4 dotted quad or an IPv6 address (with or without brackets): parsed, never looked up. */
    static boolean isAddressLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true; // a name never holds ':'; getByName parses IPv6 text without a lookup
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static ThreadPoolExecutor pool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "healthmon-dns");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true); // no thread while no probe resolves a name
        return pool;
    }
}

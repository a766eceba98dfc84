package jsup.supervisor.web.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The server's machinery behind {@link LeanHttpServer} and {@link LeanHttpsServer}: the bound socket, an
 * acceptor thread blocked in {@code accept()}, one pooled thread per connection up to
 * {@link ServerLimits#maxConnections()} (past that a 503 and close), and the {@link Watchdog}. Idle, its
 * threads all block without a timeout: nothing wakes until a client connects. Nothing is made before
 * {@link #start()}.
 */
final class Listener {

    private static final int STACK_BYTES = 256 * 1024;
    private static final int POOL_KEEP_SECONDS = 30;

    private final ServerLimits limits;
    private final Contexts contexts = new Contexts();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private final Watchdog watchdog = new Watchdog();
    private ServerSocket server;
    private volatile SSLContext ssl;
    private volatile boolean stopping;
    private ThreadPoolExecutor pool;
    private Thread acceptor;
    private Thread watcher;

    Listener(ServerLimits limits) {
        this.limits = limits;
        this.slots = new Semaphore(limits.maxConnections());
    }

    synchronized void bind(InetSocketAddress address, int backlog) throws IOException {
        if (server != null) {
            throw new java.net.BindException("already bound to " + server.getLocalSocketAddress());
        }
        ServerSocket s = new ServerSocket();
        try {
            s.bind(address, backlog > 0 ? backlog : 50);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        server = s;
    }

    synchronized void start() {
        if (server == null) {
            throw new IllegalStateException("bind the server before starting it");
        }
        if (acceptor != null) {
            throw new IllegalStateException("the server is already started");
        }
        AtomicInteger n = new AtomicInteger();
        // No queue and no thread cap here: the slots bound the connections, and a thread still on its way
        // back to the pool must never make a new connection's hand-off fail.
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, POOL_KEEP_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> thread(r, "jsupd-web-" + n.incrementAndGet()));
        watcher = thread(watchdog, "jsupd-web-watchdog");
        acceptor = thread(this::accept, "jsupd-web-accept");
        watcher.start();
        acceptor.start();
    }

    InetSocketAddress address() {
        ServerSocket s = server;
        return s == null ? null : (InetSocketAddress) s.getLocalSocketAddress();
    }

    void ssl(SSLContext context) {
        this.ssl = context;
    }

    SSLContext ssl() {
        return ssl;
    }

    ServerLimits limits() {
        return limits;
    }

    Contexts contexts() {
        return contexts;
    }

    Watchdog watchdog() {
        return watchdog;
    }

    boolean stopping() {
        return stopping;
    }

    /**
     * Stops accepting, closes idle connections at once and, after up to {@code delaySeconds} for the
     * exchanges under way, every other (an SSE stream's next write fails; a handler waiting is
     * interrupted). Returns when the server's threads have ended or a second later.
     */
    void stop(int delaySeconds) {
        if (delaySeconds < 0) {
            throw new IllegalArgumentException("negative delay: " + delaySeconds);
        }
        stopping = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // closed already
        }
        open.stream().filter(Connection::idle).forEach(Connection::close);
        if (pool == null) {
            return;
        }
        try {
            pool.shutdown();
            if (delaySeconds > 0) {
                pool.awaitTermination(delaySeconds, TimeUnit.SECONDS);
            }
            open.forEach(Connection::close);
            pool.shutdownNow();
            watcher.interrupt();
            pool.awaitTermination(1, TimeUnit.SECONDS);
            acceptor.join(1000);
            watcher.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A connection ended: its slot is free. */
    void closed(Connection c) {
        if (open.remove(c)) {
            slots.release();
        }
    }

    private void accept() {
        while (!stopping) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (stopping) {
                    return;
                }
                pause(); // out of descriptors, say: don't spin
                continue;
            }
            admit(s);
        }
    }

    private void admit(Socket s) {
        if (stopping || !slots.tryAcquire()) {
            refuse(s);
            return;
        }
        Connection c = new Connection(this, s);
        open.add(c);
        try {
            pool.execute(c);
        } catch (RejectedExecutionException e) {
            c.close();
            closed(c);
        }
    }

    /** Past the limit: a plain client reads 503 (its first write fits a fresh socket's buffer); TLS is just closed. */
    private void refuse(Socket s) {
        try (s) {
            if (ssl == null) {
                OutputStream out = s.getOutputStream();
                ResponseHead.refusal(out, 503, "the server has " + limits.maxConnections()
                        + " connections open, its most; try again");
                s.shutdownOutput();
            }
        } catch (IOException e) {
            // the client is gone already
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(null, r, name, STACK_BYTES);
        t.setDaemon(true);
        return t;
    }
}

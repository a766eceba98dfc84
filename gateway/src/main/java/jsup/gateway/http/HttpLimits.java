package jsup.gateway.http;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The limits that keep stalled or hostile HTTP clients from hanging the gateway.
 *
 * <p>The JDK's {@code HttpServer} reads a request's headers and body on a worker thread, so a
 * client that stops mid-request holds that thread. Three things bound it:
 * <ul>
 *   <li>{@link #REQUEST_READ_TIMEOUT_SECONDS}: the JDK server closes a connection whose headers and
 *       body are not complete within this time ({@code sun.net.httpserver.maxReqTime}). Writing the
 *       reply is not bounded by it, so a slow model reply is unaffected.</li>
 *   <li>Up to {@link #MAX_WORKERS} worker threads, created on demand: stalled clients use up a thread
 *       each until the timeout, and the rest keep being served. Past that, new connections are reset.</li>
 *   <li>No draining by the JDK ({@code sun.net.httpserver.drainAmount=0}): a request refused before
 *       its body is read (401, 404, 405, 413) closes its connection instead of reading a large body
 *       first. Bodies up to {@link #DISCARD_BODY_LIMIT} are read and dropped ({@link Responses}).</li>
 * </ul>
 * The JDK reads these properties once per JVM, when its first HTTP server is created; a value set on
 * the command line ({@code -Dsun.net.httpserver.maxReqTime=...}) wins.
 */
final class HttpLimits {

    static final int REQUEST_READ_TIMEOUT_SECONDS = 10;
    static final int MAX_WORKERS = 400;
    /** Refused bodies up to this size are read and dropped so the answer arrives; larger ones are not read. */
    static final long DISCARD_BODY_LIMIT = 1024 * 1024;
    private static final int CORE_WORKERS = 4;

    private HttpLimits() {
    }

    /** Sets the JDK server's properties unless already set; must run before the JVM's first {@code HttpServer}. */
    static void install() {
        setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_READ_TIMEOUT_SECONDS));
        setIfAbsent("sun.net.httpserver.drainAmount", "0");
    }

    /** Worker threads on demand up to {@link #MAX_WORKERS}; no queue, so a request never waits behind stalled ones. */
    static ThreadPoolExecutor workers() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(CORE_WORKERS, MAX_WORKERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(null, r, "http-" + n.incrementAndGet(), 256 * 1024);
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

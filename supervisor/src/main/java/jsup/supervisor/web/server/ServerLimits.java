package jsup.supervisor.web.server;

/**
 * How much a client may take from the server: connections at once, how long it may spend on a request's
 * head and body, how long an idle keep-alive connection is kept, how long one write to it may block, and
 * how large a request head may be.
 *
 * @param maxConnections   connections served at once (one thread each); more are answered 503 and closed
 * @param handshakeMillis  a TLS handshake, from the connection's start (a cold one on a loaded machine takes seconds)
 * @param headMillis       from a request's first byte to the end of its head
 * @param bodyMillis       from the end of the head to the end of the request body
 * @param idleMillis       a keep-alive connection waiting for its next request
 * @param writeMillis      one write (or flush) of a response to a client that does not read
 * @param maxRequestLine   bytes of the request line (414 past it)
 * @param maxHeadBytes     bytes of the header lines together (431 past it)
 * @param maxHeaders       header lines (431 past it)
 */
public record ServerLimits(int maxConnections, int handshakeMillis, int headMillis, int bodyMillis, int idleMillis,
                           int writeMillis, int maxRequestLine, int maxHeadBytes, int maxHeaders) {

    /** jsupd's: a few scrapers and browser tabs, small requests. */
    public static final ServerLimits DEFAULT =
            new ServerLimits(32, 10_000, 3_000, 10_000, 30_000, 10_000, 8_192, 16_384, 100);

    public ServerLimits {
        if (maxConnections < 1 || handshakeMillis < 1 || headMillis < 1 || bodyMillis < 1 || idleMillis < 1
                || writeMillis < 1 || maxRequestLine < 16 || maxHeadBytes < 16 || maxHeaders < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxConnections + ", " + handshakeMillis
                    + ", " + headMillis
                    + ", " + bodyMillis + ", " + idleMillis + ", " + writeMillis + ", " + maxRequestLine + ", "
                    + maxHeadBytes + ", " + maxHeaders);
        }
    }
}

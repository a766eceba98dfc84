package jsup.gateway.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One retry, on a fresh connection, for idempotent reads sent over a pooled keep-alive connection.
 *
 * <p>A server may close an idle connection just as the client reuses it (an HTTP/1.0-style server
 * that closes without {@code Connection: close} does so every time); the request then fails with
 * "header parser received no bytes" or a reset without having been processed. The retry goes
 * through a new {@link HttpClient} with the same settings, so its connection is certainly new.
 * Timeouts and refused connections are not retried: a new connection would not help. Only use it
 * for requests that are safe to send twice.
 */
public final class StaleConnectionRetry {

    private static final Logger LOG = LoggerFactory.getLogger(StaleConnectionRetry.class);

    private StaleConnectionRetry() {
    }

    /** Sends {@code request}; on a broken pooled connection, sends it once more on a fresh one. */
    public static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        try {
            return http.send(request, body);
        } catch (HttpTimeoutException | ConnectException e) {
            throw e;
        } catch (IOException e) {
            LOG.debug("{} {} failed on a pooled connection ({}); retrying once on a fresh one", request.method(),
                    request.uri().getPath(), e.toString());
            return freshLike(http).send(request, body);
        }
    }

    /** A new client (so an empty connection pool) with {@code http}'s settings. */
    static HttpClient freshLike(HttpClient http) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(http.version()).followRedirects(http.followRedirects());
        http.connectTimeout().ifPresent(builder::connectTimeout);
        http.proxy().ifPresent(builder::proxy);
        http.authenticator().ifPresent(builder::authenticator);
        return builder.sslContext(http.sslContext()).sslParameters(http.sslParameters()).build();
    }
}

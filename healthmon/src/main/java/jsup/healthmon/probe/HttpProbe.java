package jsup.healthmon.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jsup.healthmon.DurationText;

/**
 * Passes when a GET answers with an expected status (default any 2xx) and, when asked, a body that
 * contains a given text.
 *
 * <p>Redirects are followed only to the same scheme, host and port (at most {@value #MAX_REDIRECTS}
 * times): a health probe must check the app, not whatever another host says. No proxy is used.
 */
public final class HttpProbe implements Probe {

    static final int MAX_REDIRECTS = 5;
    /** The part of a failing body quoted in a result. */
    static final int BODY_QUOTE = 120;

    private final URI url;
    private final Set<Integer> statuses;
    private final String bodyContains;
    private final HttpClient client;

    /**
     * @param statuses     statuses that pass; empty means any 2xx
     * @param bodyContains text the body must contain, or {@code null} for no body check
     */
    public HttpProbe(URI url, Set<Integer> statuses, String bodyContains) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("http probe url " + url
                    + " is not an http(s) URL with a host; use e.g. http://127.0.0.1:18789/healthz");
        }
        this.url = url;
        this.statuses = Set.copyOf(statuses);
        this.bodyContains = bodyContains;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    @Override
    public String describe() {
        return "http " + shown(url);
    }

    /**
     * {@code url} as probe names show it (describe, notifications, the {@code probe} label of /metrics):
     * a password in its user info is replaced by {@code ••••}.
     */
    public static String shown(URI url) {
        String info = url.getRawUserInfo();
        int colon = info == null ? -1 : info.indexOf(':');
        if (colon < 0 || colon == info.length() - 1) {
            return url.toString();
        }
        String text = url.toString();
        int at = text.indexOf(info);
        return text.substring(0, at) + info.substring(0, colon + 1) + "••••" + text.substring(at + info.length());
    }

    @Override
    public ProbeResult check(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        URI target = url;
        try {
            for (int hop = 0; ; hop++) {
                HttpResponse<String> response = get(target, deadline);
                int status = response.statusCode();
                if (passes(status)) {
                    return checkBody(start, status, response.body());
                }
                String location = response.headers().firstValue("Location").orElse(null);
                if (status / 100 != 3 || location == null) {
                    return ProbeResult.fail(describe(), start, "HTTP " + status);
                }
                URI next = target.resolve(location);
                if (!sameOrigin(url, next)) {
                    return ProbeResult.fail(describe(), start, "HTTP " + status + " redirect to " + next
                            + " not followed (other host)");
                }
                if (hop >= MAX_REDIRECTS) {
                    return ProbeResult.fail(describe(), start, "HTTP " + status + " after "
                            + MAX_REDIRECTS + " redirects");
                }
                target = next;
            }
        } catch (TimeoutException | HttpTimeoutException e) {
            return ProbeResult.fail(describe(), start, "timed out after " + DurationText.format(timeout));
        } catch (ConnectException e) {
            return ProbeResult.fail(describe(), start, "connection refused");
        } catch (IOException e) {
            return ProbeResult.fail(describe(), start, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.fail(describe(), start, "interrupted");
        }
    }

    private HttpResponse<String> get(URI target, long deadline)
            throws IOException, InterruptedException, TimeoutException {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        HttpRequest request = HttpRequest.newBuilder(target).GET().timeout(Duration.ofMillis(left))
                .header("User-Agent", "jsup-healthmon").build();
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        try {
            return pending.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException t) {
                throw new TimeoutException(t.getMessage());
            }
            if (cause instanceof IOException io) {
                if (io instanceof ConnectException || io.getCause() instanceof ConnectException) {
                    throw new ConnectException(io.getMessage());
                }
                throw io;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    private ProbeResult checkBody(long start, int status, String body) {
        if (bodyContains == null || body.contains(bodyContains)) {
            return ProbeResult.pass(describe(), start, "HTTP " + status);
        }
        String quoted = body.length() > BODY_QUOTE ? body.substring(0, BODY_QUOTE) + "..." : body;
        return ProbeResult.fail(describe(), start, "HTTP " + status + " body does not contain \""
                + bodyContains + "\": " + quoted.replaceAll("\\s+", " ").trim());
    }

    private boolean passes(int status) {
        return statuses.isEmpty() ? status / 100 == 2 : statuses.contains(status);
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
                && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}

package jsup.supervisor.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A JSON POST with a connect and a whole-request timeout, on a client shared by the HTTP sinks. */
final class HttpPost {

    /** Created with the first HTTP sink: jsupd without one never loads java.net.http. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static final int MAX_BODY_IN_REASON = 200;

    private HttpPost() {
    }

    /** The response body of a 2xx answer. @throws IOException on anything else, naming the status */
    static String json(URI uri, Map<String, String> headers, String body, Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "jsupd")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            try {
                request.header(h.getKey(), h.getValue());
            } catch (IllegalArgumentException e) {
                throw new IOException("header " + h.getKey() + " cannot be set: " + e.getMessage());
            }
        }
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.toString(), e);
        }
        if (response.statusCode() / 100 != 2) {
            String text = response.body() == null ? "" : response.body().strip();
            if (text.length() > MAX_BODY_IN_REASON) {
                text = text.substring(0, MAX_BODY_IN_REASON) + "…";
            }
            throw new IOException("HTTP " + response.statusCode() + (text.isEmpty() ? "" : ": " + text));
        }
        return response.body();
    }
}

package jsup.supervisor.metrics;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import jsup.supervisor.web.Replies;
import jsup.supervisor.web.Route;

/** {@code GET /metrics}: one scrape, in the format the {@code Accept} header asks for. */
public final class MetricsRoute implements Route {

    private final PrometheusExposition exposition;

    public MetricsRoute(PrometheusExposition exposition) {
        this.exposition = exposition;
    }

    @Override
    public void serve(HttpExchange ex) throws IOException {
        if (!Replies.readOnly(ex)) {
            return;
        }
        // Rendered whole first: a failure becomes a 500, not a cut-off page Prometheus half-reads.
        // Never compressed: a scrape is read on this machine or a LAN, where gzip costs more than it saves.
        PrometheusExposition.Page page = exposition.render(ex.getRequestHeaders().getFirst("Accept"));
        ex.getResponseHeaders().set("Content-Type", page.contentType());
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(200, head ? -1 : page.body().length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(page.body());
            }
        }
    }
}

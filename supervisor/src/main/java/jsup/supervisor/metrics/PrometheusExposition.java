package jsup.supervisor.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * jsupd's {@code /metrics} through the official Prometheus Java client: a registry of its own (not the
 * JVM-wide default) holding one {@link JsupdCollector}, written by the client's writers. The format
 * follows the {@code Accept} header as the client's own exporters do: OpenMetrics when it asks for
 * {@code application/openmetrics-text}, else the Prometheus text format 0.0.4.
 */
public final class PrometheusExposition {

    /** What one scrape shows: every app's figures and jsupd's own. */
    public record Scrape(List<AppFigures> apps, DaemonFigures daemon) {
    }

    /** One rendered scrape: its bytes and the content type they are in. */
    public record Page(String contentType, byte[] body) {
    }

    /** About what one app takes in the text (~15 samples of ~80 characters), to size the buffer once. */
    private static final int BYTES_PER_APP = 1400;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ExpositionFormatWriter text = PrometheusTextFormatWriter.create();
    private final ExpositionFormatWriter openMetrics = OpenMetricsTextFormatWriter.create();
    /** The last page's size, so the next one's buffer rarely grows (a racy hint, harmless if stale). */
    private volatile int lastSize = 4096;

    public PrometheusExposition(Supplier<Scrape> source) {
        registry.register(new JsupdCollector(source));
    }

    /** Collects now and renders the scrape whole, in the format {@code accept} asks for. */
    public Page render(String accept) throws IOException {
        ExpositionFormatWriter writer = openMetrics.accepts(accept) ? openMetrics : text;
        ByteArrayOutputStream out = new ByteArrayOutputStream(lastSize + BYTES_PER_APP);
        writer.write(out, registry.scrape());
        lastSize = out.size();
        return new Page(writer.getContentType(), out.toByteArray());
    }
}

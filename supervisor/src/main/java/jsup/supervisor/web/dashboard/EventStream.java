package jsup.supervisor.web.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One server-sent-events answer. It lasts at most {@link #LIFETIME}, then ends and the browser's
 * {@code EventSource} reconnects after {@link #RECONNECT_MILLIS} and resumes (a snapshot, or its
 * {@code Last-Event-ID}): the listener closes any response older than its 10 s write timeout (its
 * guard against stalled clients), and a short stream also frees its worker soon after a tab closes.
 */
final class EventStream implements AutoCloseable {

    static final Duration LIFETIME = Duration.ofSeconds(8);
    static final int RECONNECT_MILLIS = 300;

    private final OutputStream out;

    private EventStream(OutputStream out) {
        this.out = out;
    }

    static EventStream open(HttpExchange ex) throws IOException {
        BrowserGuard.secure(ex);
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        EventStream s = new EventStream(ex.getResponseBody());
        s.write("retry: " + RECONNECT_MILLIS + "\n\n");
        return s;
    }

    /** One event; {@code data} is one line of JSON. */
    void send(String event, String id, String data) throws IOException {
        StringBuilder b = new StringBuilder();
        if (id != null) {
            b.append("id: ").append(id).append('\n');
        }
        b.append("event: ").append(event).append('\n').append("data: ").append(data).append("\n\n");
        write(b.toString());
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

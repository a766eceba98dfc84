package jsup.supervisor.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import jsup.supervisor.control.ControlException;

/**
 * {@code GET /api/events}: the app table as server-sent events, one stream per open page. An
 * {@code apps} event (every row) goes out when the stream opens, within {@link #CHECK_MILLIS} of a
 * change of status, pid, ↺, health or readiness, and every {@link #FIGURES_MILLIS} for CPU and
 * memory. Checking is a look at jsupd's in-memory snapshot; the figures (a /proc read per app) are
 * read only for an event.
 */
final class AppTableRoute extends SignedInRoute {

    static final long CHECK_MILLIS = 1000;
    static final long FIGURES_MILLIS = 5000;

    private final EngineCalls engine;

    AppTableRoute(BrowserGuard guard, EngineCalls engine) {
        super(guard, false);
        this.engine = engine;
    }

    @Override
    void serve(HttpExchange ex, LoginSessions.Session session, byte[] body) throws IOException {
        long end = System.nanoTime() + EventStream.LIFETIME.toNanos();
        try (EventStream events = EventStream.open(ex)) {
            String shown = null;
            long sentAt = 0;
            while (System.nanoTime() < end) {
                String now = signature(engine.list(false));
                if (!now.equals(shown) || System.nanoTime() - sentAt >= FIGURES_MILLIS * 1_000_000) {
                    events.send("apps", null, DashboardReplies.JSON.writeValueAsString(BrowserView.table(engine.list(true))));
                    shown = now;
                    sentAt = System.nanoTime();
                }
                Thread.sleep(CHECK_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the listener is stopping
        } catch (ControlException e) {
            // jsupd is shutting down: the stream ends and the page shows it lost contact
        }
    }

    /** The fields a change of which is pushed at once. */
    static String signature(JsonNode apps) {
        StringBuilder b = new StringBuilder();
        for (JsonNode a : apps) {
            ObjectNode o = DashboardReplies.JSON.createObjectNode();
            for (String f : new String[] {"name", "status", "pid", "restarts", "health", "ready", "want"}) {
                o.set(f, a.get(f));
            }
            b.append(o).append('\n');
        }
        return b.toString();
    }
}

package jsup.supervisor.notify;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per app and event, at most one message per window (pure: time is a parameter). The first event opens
 * a window and is sent; later ones in it are counted. When a window ends with events counted,
 * {@link #due} returns one summary of them and a new window starts then, so a steady storm gives one
 * message per window. Not thread-safe: one thread uses it.
 */
public final class RateLimiter {

    /** What a window suppressed: {@code count} events, the last one's detail. */
    public record Summary(String app, String event, int count, String lastDetail) {
    }

    private record Key(String app, String event) {
    }

    private static final class Window {
        final long windowNanos;
        long endsAt;
        int count;
        String lastDetail;

        Window(long windowNanos, long endsAt) {
            this.windowNanos = windowNanos;
            this.endsAt = endsAt;
        }
    }

    private final Map<Key, Window> windows = new LinkedHashMap<>();

    /**
     * @param windowNanos the app's {@code rate_limit}; 0 sends everything
     * @return true when the event is to be sent now; false when it was counted for the summary
     */
    public boolean admit(String app, String event, String detail, long windowNanos, long nowNanos) {
        if (windowNanos <= 0) {
            return true;
        }
        Key key = new Key(app, event);
        Window w = windows.get(key);
        if (w == null || nowNanos - w.endsAt >= 0 && w.count == 0) {
            windows.put(key, new Window(windowNanos, nowNanos + windowNanos));
            return true;
        }
        w.count++;
        w.lastDetail = detail;
        return false;
    }

    /** The summaries of windows that have ended; windows that ended quiet are forgotten. */
    public List<Summary> due(long nowNanos) {
        List<Summary> out = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Window> e = it.next();
            Window w = e.getValue();
            if (nowNanos - w.endsAt < 0) {
                continue;
            }
            if (w.count == 0) {
                it.remove();
                continue;
            }
            out.add(new Summary(e.getKey().app(), e.getKey().event(), w.count, w.lastDetail));
            w.count = 0;
            w.lastDetail = null;
            w.endsAt = nowNanos + w.windowNanos;
        }
        return out;
    }

    /** Forgets an app (deleted). */
    public void forget(String app) {
        windows.keySet().removeIf(k -> k.app().equals(app));
    }
}

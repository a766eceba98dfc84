package jsup.supervisor.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jsup.supervisor.control.ControlException;

/**
 * {@code GET /api/logs?name=NAME}: the app's log files (as {@code jsup logs} finds them) as
 * server-sent {@code lines} events, {@code {"out": [...], "err": [...]}}: first the last
 * {@link #TAIL_BYTES} of each, then each new complete line within {@link #POLL_MILLIS}. Each event's
 * id holds the byte offsets reached ({@code OUT:ERR}); a reconnecting browser sends it back as
 * {@code Last-Event-ID} and resumes there, so no line is lost or shown twice. A file that shrank was
 * rotated or flushed: it is read again from its start.
 */
final class LogTailRoute extends SignedInRoute {

    static final int TAIL_BYTES = 16 * 1024;
    static final long POLL_MILLIS = 300;
    /** At most this much is read per file per poll, so a chatty app cannot stall the stream. */
    static final int MAX_READ = 64 * 1024;
    static final int MAX_LINE = 4096;

    private final EngineCalls engine;

    LogTailRoute(BrowserGuard guard, EngineCalls engine) {
        super(guard, false);
        this.engine = engine;
    }

    @Override
    void serve(HttpExchange ex, LoginSessions.Session session, byte[] body) throws IOException {
        String name = DashboardReplies.query(ex).get("name");
        Optional<JsonNode> files;
        try {
            files = engine.logFiles(name);
        } catch (ControlException e) {
            DashboardReplies.error(ex, 503, e.getMessage());
            return;
        }
        if (files.isEmpty()) {
            DashboardReplies.error(ex, 404, "no app named \"" + name + "\"");
            return;
        }
        Path out = Path.of(files.get().path("out_file").asText());
        Path err = Path.of(files.get().path("error_file").asText());
        boolean merged = out.equals(err);
        long[] at = resume(ex.getRequestHeaders().getFirst("Last-Event-ID"));
        long end = System.nanoTime() + EventStream.LIFETIME.toNanos();
        try (EventStream events = EventStream.open(ex)) {
            do {
                List<String> outLines = new ArrayList<>();
                List<String> errLines = new ArrayList<>();
                at[0] = read(out, at[0], outLines);
                if (!merged) {
                    at[1] = read(err, at[1], errLines);
                }
                if (!outLines.isEmpty() || !errLines.isEmpty() || at[2] == 1) {
                    ObjectNode data = DashboardReplies.JSON.createObjectNode();
                    outLines.forEach(data.putArray("out")::add);
                    errLines.forEach(data.putArray("err")::add);
                    events.send("lines", at[0] + ":" + at[1], DashboardReplies.JSON.writeValueAsString(data));
                    at[2] = 0;
                }
                Thread.sleep(POLL_MILLIS);
            } while (System.nanoTime() < end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code [out offset, err offset, first]}: from {@code Last-Event-ID}, or -1 (the tail) for a new view. */
    static long[] resume(String lastEventId) {
        if (lastEventId != null && lastEventId.matches("\\d+:\\d+")) {
            String[] p = lastEventId.split(":");
            return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1]), 0};
        }
        return new long[] {-1, -1, 1};
    }

    /**
     * Adds the complete lines of {@code file} from {@code offset} (-1: its last {@link #TAIL_BYTES},
     * from a line start) and returns the offset after the last one.
     */
    static long read(Path file, long offset, List<String> lines) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Math.max(offset, 0);
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            boolean tail = offset < 0;
            long from = tail ? Math.max(0, size - TAIL_BYTES) : (offset > size ? 0 : offset);
            int n = (int) Math.min(size - from, MAX_READ);
            if (n <= 0) {
                return from;
            }
            byte[] buf = new byte[n];
            f.seek(from);
            f.readFully(buf);
            int start = 0;
            if (tail && from > 0) { // begin at the first whole line
                while (start < n && buf[start] != '\n') {
                    start++;
                }
                start++;
            }
            int lastEnd = start;
            for (int i = start; i < n; i++) {
                if (buf[i] == '\n') {
                    int len = Math.min(i - lastEnd, MAX_LINE);
                    lines.add(new String(buf, lastEnd, len, StandardCharsets.UTF_8));
                    lastEnd = i + 1;
                }
            }
            if (lastEnd == start && n == MAX_READ && start == 0) {
                lines.add(new String(buf, 0, Math.min(n, MAX_LINE), StandardCharsets.UTF_8)); // one huge line
                return from + n;
            }
            return from + Math.min(lastEnd, n);
        }
    }
}

package jsup.cli.monit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jsup.cli.render.Ansi;
import jsup.cli.render.StatusTable;
import jsup.cli.render.TimeFormat;
import jsup.healthmon.proc.HostUsage;
import jsup.supervisor.control.HumanUnits;

/**
 * monit when stdout is not a terminal (a pipe, a file, cron, CI): one frame per interval in plain
 * text (a time and host line, then {@code jsup list}'s plain table, then a blank line), or one JSON
 * object per line with {@code --json}; {@code --once} prints one frame and ends. No escape codes, no
 * keys: it ends with Ctrl-C or when its reader goes away. The frame's time is shown as every command
 * shows times ({@link TimeFormat}: local with milliseconds, or UTC with {@code --utc}); in JSON with its
 * zone offset.
 */
public final class PlainMonit {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final MonitFeed feed;
    private final PrintWriter out;
    private final boolean json;
    private final TimeFormat time;

    PlainMonit(MonitFeed feed, PrintWriter out, boolean json, TimeFormat time) {
        this.feed = feed;
        this.out = out;
        this.json = json;
        this.time = time;
    }

    /**
     * Prints {@code frames} frames ({@code 0}: until interrupted), {@code intervalMillis} apart. The first
     * frame waits one short CPU reading so its host CPU % is a real figure.
     */
    void run(int frames, long intervalMillis) throws InterruptedException {
        feed.tick();
        Thread.sleep(Math.min(intervalMillis, 250)); // the host CPU % needs two readings
        for (int n = 0; frames == 0 || n < frames; n++) {
            if (n > 0) {
                Thread.sleep(intervalMillis);
            }
            feed.tick();
            out.print(frame(Instant.now(), feed.host(), feed.source().lastApps()));
            out.flush();
            if (out.checkError()) {
                return; // the reader went away (e.g. `| head`)
            }
        }
    }

    String frame(Instant at, HostUsage host, JsonNode apps) {
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("at", time.formatWithOffset(at));
            o.set("host", JSON.valueToTree(host));
            o.set("apps", apps);
            try {
                return JSON.writeValueAsString(o) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot print JSON", e);
            }
        }
        List<JsonNode> list = new ArrayList<>();
        apps.forEach(list::add);
        return time.format(at) + "  " + hostLine(host) + "\n" + StatusTable.render(list, Ansi.OFF) + "\n";
    }

    /** {@code host cpu 12.5% mem 1.2G/3.8G load 0.52 0.41 0.3 disk 12.0G/40.0G}; unknown figures left out. */
    static String hostLine(HostUsage h) {
        StringBuilder sb = new StringBuilder("host");
        if (h.cpuPercent() >= 0) {
            sb.append(" cpu ").append(HumanUnits.cpu(Math.round(h.cpuPercent() * 10) / 10.0));
        }
        if (h.memTotal() > 0) {
            sb.append(" mem ").append(HumanUnits.bytes(h.memUsed())).append('/').append(HumanUnits.bytes(h.memTotal()));
        }
        if (h.load1() >= 0) {
            sb.append(" load ").append(h.load1()).append(' ').append(h.load5()).append(' ').append(h.load15());
        }
        if (h.diskTotal() > 0) {
            sb.append(" disk ").append(HumanUnits.bytes(h.diskUsed())).append('/').append(HumanUnits.bytes(h.diskTotal()));
        }
        return sb.toString();
    }
}

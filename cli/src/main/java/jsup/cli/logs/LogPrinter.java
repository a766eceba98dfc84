package jsup.cli.logs;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import jsup.cli.render.Ansi;
import jsup.cli.render.TimeFormat;

/**
 * Prints log lines as {@code <app> <out|err> | <text>} with app names padded to one width, error
 * lines red on a terminal; {@code --timestamp} prefixes the time the line is shown (as PM2 does), in
 * local time with milliseconds unless {@code --utc} ({@link TimeFormat});
 * {@code --json} prints one object per line: {@code {"app","stream","message"[,"timestamp"]}}.
 */
public final class LogPrinter {

    private final PrintWriter out;
    private final Ansi ansi;
    private final boolean json;
    /** The format of timestamps, or null for none. */
    private final TimeFormat timestamps;
    private final Clock clock;
    private final int nameWidth;

    /** @param timestamps how to print the time a line is shown, or null to print none */
    public LogPrinter(PrintWriter out, Ansi ansi, boolean json, TimeFormat timestamps, Clock clock, int nameWidth) {
        this.out = out;
        this.ansi = ansi;
        this.json = json;
        this.timestamps = timestamps;
        this.clock = clock;
        this.nameWidth = Math.max(1, nameWidth);
    }

    public void print(LogLine line) {
        LogSource s = line.source();
        if (json) {
            StringBuilder sb = new StringBuilder("{\"app\":\"").append(escape(s.app()))
                    .append("\",\"stream\":\"").append(s.stream())
                    .append("\",\"message\":\"").append(escape(line.text())).append('"');
            if (timestamps != null) {
                sb.append(",\"timestamp\":\"").append(timestamps.formatWithOffset(Instant.now(clock))).append('"');
            }
            out.println(sb.append('}'));
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (timestamps != null) {
            sb.append(timestamps.format(Instant.now(clock))).append(' ');
        }
        String prefix = String.format("%-" + nameWidth + "s %s |", s.app(), s.stream());
        sb.append(s.stream().equals("err") ? ansi.red(prefix) : ansi.green(prefix)).append(' ').append(line.text());
        out.println(sb);
    }

    public void flush() {
        out.flush();
    }

    private static String escape(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }
}

package jsup.cli.command;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jsup.cli.logs.LogLine;

/**
 * {@code jsup run --json}: one JSON object per line on stdout, for log shippers:
 * {@code {"time","app","instance","stream","line"}}. {@code time} is UTC ISO-8601 in milliseconds (when jsup
 * read the line); {@code stream} is {@code out} or {@code err} for the apps' output, {@code jsup} for jsup's own
 * events ({@code app} null for the whole run); {@code instance} is 0 (one instance per app).
 */
final class JsonRunOutput implements RunOutput {

    private final PrintWriter out;

    JsonRunOutput(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void appLine(LogLine line) {
        print(Instant.now(), line.source().app(), line.source().stream(), line.text());
    }

    @Override
    public void event(Instant at, String app, String text) {
        print(at, app, "jsup", text);
    }

    @Override
    public void warning(String text) {
        print(Instant.now(), null, "jsup", "warning: " + text);
    }

    @Override
    public void transition(Instant at, String app, String from, String to, String reason) {
        print(at, app, "jsup", RunOutput.change(from, to, reason));
    }

    /** One object; also what the tests parse. */
    static String line(Instant at, String app, String stream, String text) {
        return "{\"time\":\"" + at.truncatedTo(ChronoUnit.MILLIS) + "\",\"app\":" + (app == null ? "null" : quote(app))
                + ",\"instance\":0,\"stream\":\"" + stream + "\",\"line\":" + quote(text) + "}";
    }

    private void print(Instant at, String app, String stream, String text) {
        String json = line(at, app, stream, text);
        synchronized (out) {
            out.println(json);
            out.flush();
        }
    }

    private static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }
}

package jsup.cli.command;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import jsup.cli.logs.LogLine;
import jsup.cli.logs.LogPrinter;
import jsup.cli.render.Ansi;
import jsup.cli.render.TimeFormat;

/**
 * {@code jsup run}'s output for people: each app line prefixed with the app's name and stream
 * ({@code web out | …}), stdout lines on stdout and stderr lines on stderr; jsup's own lines on stdout
 * as {@code <time> [jsup] <app>: <text>}, its warnings on stderr.
 */
final class TextRunOutput implements RunOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Ansi ansi;
    private final TimeFormat time;
    private final LogPrinter outLines;
    private final LogPrinter errLines;

    TextRunOutput(PrintWriter out, PrintWriter err, Ansi ansi, TimeFormat time, int nameWidth) {
        this.out = out;
        this.err = err;
        this.ansi = ansi;
        this.time = time;
        this.outLines = new LogPrinter(out, ansi, false, null, Clock.systemUTC(), nameWidth);
        this.errLines = new LogPrinter(err, ansi, false, null, Clock.systemUTC(), nameWidth);
    }

    @Override
    public void appLine(LogLine line) {
        LogPrinter printer = line.source().stream().equals("err") ? errLines : outLines;
        synchronized (out) {
            printer.print(line);
            printer.flush();
        }
    }

    @Override
    public void event(Instant at, String app, String text) {
        print(time.format(at) + " [jsup] " + (app == null ? "" : app + ": ") + text);
    }

    @Override
    public void warning(String text) {
        synchronized (out) {
            err.println("[jsup] warning: " + text);
            err.flush();
        }
    }

    @Override
    public void transition(Instant at, String app, String from, String to, String reason) {
        print(time.format(at) + " [jsup] " + app + ": " + RunOutput.change(from, ansi.status(to), reason));
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}

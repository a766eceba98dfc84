package jsup.cli.command;

import java.io.IOException;
import java.time.Duration;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import jsup.cli.monit.Monit;
import jsup.supervisor.config.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code jsup monit}: the live dashboard; plain frames when stdout is not a terminal. */
@Command(name = "monit", aliases = "monitor",
        description = {"A live full-screen dashboard: every app (status, pid, uptime, ↺, cpu, memory against "
            + "max_memory_restart, health, inotify), the host's cpu, memory, load and disk, and the selected app's "
            + "cpu/memory sparklines, last restart reasons and log tail (out and err).",
        "Keys: ↑/↓ select, r restart, s stop/start, l full-screen logs, / filter (Enter keeps, Esc clears), q quit.",
        "When stdout is not a terminal (or with --plain, --once, --json) it prints a plain frame every --interval "
            + "instead: a time and host line and the list table; --json prints one JSON object a line."})
final class MonitCommand extends DaemonCommand {

    /** Faster than this would only load jsupd for figures its sampler refreshes less often. */
    private static final Duration MIN_INTERVAL = Duration.ofMillis(200);

    // 2 s, as htop's 1.5 s and top's 3 s: jsupd samples an uncapped app every 5 s anyway, and a poll a
    // second would be most of what jsupd spends while monit is open (docs/benchmarks.md, monit).
    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "2s", converter = Interval.class,
            description = "How often to ask jsupd (default ${DEFAULT-VALUE}; at least 200ms): 500ms, 1s, …")
    Duration interval;

    @Option(names = "--plain", description = "Plain frames even on a terminal (as when piped).")
    boolean plain;

    @Option(names = "--once", description = "Print one plain frame and exit.")
    boolean once;

    @Option(names = "--json", description = "Plain frames as JSON, one object a line: {at, host, apps}.")
    boolean json;

    @Option(names = "--utc", description = "Plain frames: the time in UTC, ISO-8601 (2026-12-07T15:04:05.123Z), "
            + "instead of local time (2026-12-07T16:04:05.123).")
    boolean utc;

    MonitCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void run(DaemonConnection daemon) {
        boolean terminal = System.console() != null && !"dumb".equals(ctx.env().get("TERM"));
        boolean interactive = terminal && !plain && !once && !json;
        try {
            Monit.run(ctx, daemon, interactive, json, once ? 1 : 0, interval.toMillis(), utc);
        } catch (IOException e) {
            throw new ExitException(ExitCode.FAILURE, "jsup: monit cannot use this terminal: " + e.getMessage()
                    + "\nTry the plain output: jsup monit --plain");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A duration as in ecosystem files, checked before jsupd is asked anything (a usage error, exit 2). */
    static final class Interval implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d;
            try {
                d = Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (d.compareTo(MIN_INTERVAL) < 0) {
                throw new TypeConversionException("\"" + value + "\" is too short; use 200ms or more");
            }
            return d;
        }
    }
}

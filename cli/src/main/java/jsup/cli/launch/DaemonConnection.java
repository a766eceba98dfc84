package jsup.cli.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.supervisor.control.ControlClient;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ErrorCode;

/**
 * The CLI's connection to jsupd. Turns every {@link ControlException} into an {@link ExitException}
 * with the matching exit code and a message that says what to do, so commands only say what to send.
 * A jsupd that stops answering (even in the middle of a long stop) ends the command with exit 4
 * within a few seconds: {@link ControlClient} pings it while it waits.
 */
public final class DaemonConnection implements AutoCloseable {

    private final ControlClient client;
    private final Path home;

    private DaemonConnection(ControlClient client, Path home) {
        this.client = client;
        this.home = home;
    }

    /**
     * Connects to jsupd for {@code ctx}'s {@code $JSUP_HOME}, for a command that does not bring apps
     * back: starts one (detached) on first use or after a crash, but not after a clean stop
     * ({@code jsup kill}, SIGTERM), which ends with exit 4 instead (see {@link StoppedDaemon}).
     */
    public static DaemonConnection open(CliContext ctx) {
        return ifRunning(ctx).orElseGet(() -> {
            StoppedDaemon.refuseRestart(ctx.jsupHome());
            return startAndConnect(ctx);
        });
    }

    /** Whether the last jsupd of {@code home} was stopped on purpose ({@code jsup kill}, SIGTERM) and none runs since. */
    public static boolean stoppedCleanly(Path home) {
        return StoppedDaemon.isStopped(home);
    }

    /** Connects to jsupd, starting one whenever none runs: for {@code start} and {@code resurrect}. */
    public static DaemonConnection openOrStart(CliContext ctx) {
        return ifRunning(ctx).orElseGet(() -> startAndConnect(ctx));
    }

    private static DaemonConnection startAndConnect(CliContext ctx) {
        Path home = ctx.jsupHome();
        DaemonStarter.start(ctx);
        return ifRunning(ctx).orElseThrow(() -> new ExitException(ExitCode.DAEMON_UNREACHABLE,
                "jsup: jsupd started but then stopped answering on " + home.resolve("jsup.sock")
                        + "; see " + home.resolve("jsupd.log")));
    }

    /**
     * Connects to a jsupd that answers ping, or empty when none runs for {@code ctx}'s home.
     *
     * @throws ExitException exit 4 naming jsupd's pid when one holds the socket but does not answer
     *                       within {@link ControlClient#PING_TIMEOUT} (stopped or hung)
     */
    public static Optional<DaemonConnection> ifRunning(CliContext ctx) {
        Path home = ctx.jsupHome();
        ControlClient client = null;
        try {
            client = ControlClient.connect(home);
            client.ping();
            return Optional.of(new DaemonConnection(client, home));
        } catch (ControlException e) {
            if (client != null) {
                client.close();
            }
            if (e.code() == ErrorCode.DAEMON_UNREACHABLE || e.code() == ErrorCode.SHUTTING_DOWN) {
                return Optional.empty();
            }
            // Never start a second jsupd beside one that holds the socket and is only silent.
            throw toExit(e, home);
        }
    }

    /** Sends one command; any error becomes an {@link ExitException}. */
    public JsonNode call(String cmd, ObjectNode args) {
        return call(cmd, args, ControlClient.DEFAULT_CALL_TIMEOUT);
    }

    /** Sends one command with its own deadline; any error becomes an {@link ExitException}. */
    public JsonNode call(String cmd, ObjectNode args, Duration timeout) {
        try {
            return client.call(cmd, args, timeout);
        } catch (ControlException e) {
            throw toExit(e, home);
        }
    }

    /** A fresh empty arguments object. */
    public static ObjectNode args() {
        return ControlClient.args();
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        client.close();
    }

    /** The exit code and message for a failed control call. */
    public static ExitException toExit(ControlException e, Path home) {
        String msg = "jsup: " + e.getMessage();
        return switch (e.code()) {
            case UNKNOWN_APP -> new ExitException(ExitCode.UNKNOWN_APP,
                    msg.contains("jsup list") ? msg : msg + "\nSee the apps with: jsup list");
            case INVALID_CONFIG -> {
                StringBuilder sb = new StringBuilder(msg);
                for (ControlException.Problem p : e.problems()) {
                    if (!msg.contains(p.toString())) {
                        sb.append("\n  ").append(p);
                    }
                }
                if (!e.problems().isEmpty()) { // a missing dump has no problems and says its own fix
                    sb.append("\nFix the file and run the command again (keys: docs/config.md).");
                }
                yield new ExitException(ExitCode.INVALID_CONFIG, sb.toString());
            }
            case BAD_REQUEST, TOO_LARGE -> new ExitException(ExitCode.USAGE, msg);
            case TIMEOUT -> UnresponsiveDaemon.exit(home, e.getMessage());
            case DAEMON_UNREACHABLE, SHUTTING_DOWN -> new ExitException(ExitCode.DAEMON_UNREACHABLE,
                    msg + "\njsupd's own log: " + home.resolve("jsupd.log"));
            case UNSUPPORTED_VERSION, UNKNOWN_COMMAND -> new ExitException(ExitCode.INTERNAL, msg
                    + "\nThe running jsupd is from another jsup version; restart it: jsup kill && jsup resurrect");
            case BUSY -> new ExitException(ExitCode.FAILURE, msg + "\njsupd is busy; run the command again.");
            case FORBIDDEN -> new ExitException(ExitCode.FAILURE, msg);
            case INTERNAL -> new ExitException(ExitCode.FAILURE, msg + "\nSee " + home.resolve("jsupd.log"));
        };
    }
}

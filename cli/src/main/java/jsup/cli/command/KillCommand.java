package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.DaemonConnection;
import picocli.CommandLine.Command;

/** {@code jsup kill}: stops every app and jsupd; never starts a daemon just to kill it. */
@Command(name = "kill",
        description = "Stop every app and then jsupd. The dump is not rewritten (run 'jsup save' first to keep the "
            + "current apps). jsupd stays stopped: other commands say so (exit 4) instead of starting it, until "
            + "'jsup resurrect' brings the saved apps back or 'jsup start' starts apps.")
final class KillCommand implements Runnable {

    /** How long jsupd gets to exit after answering, before we say it did not. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    private final CliContext ctx;

    KillCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        Optional<DaemonConnection> running = DaemonConnection.ifRunning(ctx);
        if (running.isEmpty()) {
            ctx.out().println("[jsup] no jsupd is running for " + ctx.jsupHome() + "; nothing to kill");
            ctx.out().flush();
            return;
        }
        JsonNode result;
        try (DaemonConnection daemon = running.get()) {
            result = daemon.call("kill", null);
        }
        if (!result.path("stopped").isEmpty()) {
            ctx.out().println("[jsup] stopped: " + String.join(", ", DaemonCommand.names(result.path("stopped"))));
        }
        long pid = result.path("pid").asLong();
        Optional<ProcessHandle> daemon = ProcessHandle.of(pid);
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        while (daemon.isPresent() && daemon.get().isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (daemon.isPresent() && daemon.get().isAlive()) {
            throw new ExitException(ExitCode.FAILURE, "jsup: jsupd (pid " + pid + ") stopped its apps but has not exited after "
                    + EXIT_WAIT.toSeconds() + " s; see " + ctx.jsupHome().resolve("jsupd.log") + " or kill " + pid);
        }
        ctx.out().println("[jsup] jsupd (pid " + pid + ") stopped");
        ctx.out().flush();
    }
}

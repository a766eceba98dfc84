package jsup.cli.command;

import java.util.concurrent.Callable;
import jsup.cli.CliContext;
import jsup.cli.DaemonMain;
import picocli.CommandLine.Command;

/** {@code jsup daemon}: jsupd in the foreground (systemd units, containers). */
@Command(name = "daemon",
        description = "Run jsupd in the foreground for $JSUP_HOME (what 'jsup startup' units and containers use). It "
            + "restores the apps of the last 'jsup save' (or those a crashed jsupd ran) at start; "
            + "SIGTERM/SIGINT stop every app per its kill_timeout, save the dump and exit 0. Other commands "
            + "start jsupd by themselves, detached, when none runs.")
final class DaemonRunCommand implements Callable<Integer> {

    private final CliContext ctx;

    DaemonRunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return DaemonMain.run(ctx);
    }
}

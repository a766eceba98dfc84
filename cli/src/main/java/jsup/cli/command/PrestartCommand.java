package jsup.cli.command;

import java.time.Clock;
import java.util.concurrent.Callable;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.prestart.PreStartResult;
import jsup.supervisor.prestart.PreStartRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jsup prestart NAME [FILE]}: an app's pre_start steps, here and now, as jsupd runs them before a start. */
@Command(name = "prestart",
        description = "Run the pre_start steps of one app of an ecosystem file now, in order, as jsupd does before "
            + "each start: commands in the app's cwd, stale locks removed only when their owner is gone. Needs "
            + "no jsupd: an exported systemd unit runs it as ExecStartPre=. Exit 0 when every step passed, 1 when "
            + "one failed (its reason on stderr).")
final class PrestartCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    AppOfFile app;

    PrestartCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        AppSpec spec = app.load(ctx);
        String name = spec.name();
        PreStartRunner runner = new PreStartRunner(ProcFs.SYSTEM, Clock.systemUTC(), line -> {
            ctx.out().println("jsup prestart " + name + ": " + line);
            ctx.out().flush();
        });
        PreStartResult result = runner.run(spec);
        if (!result.ok()) {
            throw new ExitException(ExitCode.FAILURE, "jsup prestart " + name + ": failed: " + result.reason());
        }
        ctx.out().println("jsup prestart " + name + ": " + spec.preStart().size() + " step(s) passed");
        ctx.out().flush();
        return ExitCode.OK;
    }
}

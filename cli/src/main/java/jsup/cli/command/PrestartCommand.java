package jsup.cli.command;

import java.nio.file.Path;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup prestart NAME [FILE]}: an app's pre_start steps, here and now, as jsupd runs them before a start. */
@Command(name = "prestart",
        description = "Run the pre_start steps of one app of an ecosystem file now, in order, as jsupd does before "
            + "each start: commands in the app's cwd, stale locks removed only when their owner is gone. Needs "
            + "no jsupd: an exported systemd unit runs it as ExecStartPre=. Exit 0 when every step passed, 1 when "
            + "one failed (its reason on stderr).")
final class PrestartCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "The app's name in the file.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Ecosystem file (default: "
            + "ecosystem.config.js, .json, .yaml or .yml in the working directory).")
    Path file;

    @Option(names = "--env", paramLabel = "PROFILE", description = "Apply env_<PROFILE> of the file.")
    String env;

    PrestartCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path path = FileApps.resolve(ctx, file);
        AppSpec app = FileApps.find(FileApps.load(ctx, path, env), name);
        PreStartRunner runner = new PreStartRunner(ProcFs.SYSTEM, Clock.systemUTC(), line -> {
            ctx.out().println("jsup prestart " + name + ": " + line);
            ctx.out().flush();
        });
        PreStartResult result = runner.run(app);
        if (!result.ok()) {
            throw new ExitException(ExitCode.FAILURE, "jsup prestart " + name + ": failed: " + result.reason());
        }
        ctx.out().println("jsup prestart " + name + ": " + app.preStart().size() + " step(s) passed");
        ctx.out().flush();
        return ExitCode.OK;
    }
}

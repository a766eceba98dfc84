package jsup.cli.command;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.healthmon.ProbeRound;
import jsup.healthmon.probe.ProbeResult;
import jsup.healthmon.probe.Probes;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.config.AppSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup probe NAME [FILE]}: one round of an app's health probes from the file, without jsupd. */
@Command(name = "probe",
        description = "Run the health probes of one app of an ecosystem file once, here, without jsupd (an "
            + "exported systemd timer runs it; 'jsup health' asks jsupd instead). Prints each result. Exit 0 "
            + "when every probe passed, 1 when one failed, 2 when the app has no health block.")
final class ProbeCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "The app's name in the file.")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "Ecosystem file (default: "
            + "ecosystem.config.js, .json, .yaml or .yml in the working directory).")
    Path file;

    @Option(names = "--env", paramLabel = "PROFILE", description = "Apply env_<PROFILE> of the file.")
    String env;

    ProbeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path path = FileApps.resolve(ctx, file);
        AppSpec app = FileApps.find(FileApps.load(ctx, path, env), name);
        if (app.health() == null || app.health().probes().isEmpty()) {
            throw new ExitException(ExitCode.USAGE, "jsup probe: app " + name + " has no health block in " + path
                    + "; add one (docs/health.md)");
        }
        ProbeRound round = ProbeRound.run(Probes.of(app.health().probes(), ProcFs.SYSTEM), app.health().timeout(),
                Instant.now());
        for (ProbeResult r : round.results()) {
            ctx.out().println((r.ok() ? "ok   " : "FAIL ") + name + "  " + r.summary());
        }
        ctx.out().flush();
        if (!round.ok()) {
            throw new ExitException(ExitCode.FAILURE, "jsup probe: " + name + ": "
                    + round.firstFailure().map(ProbeResult::summary).orElse("a probe failed"));
        }
        return ExitCode.OK;
    }
}

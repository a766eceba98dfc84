package jsup.cli.command;

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
import picocli.CommandLine.Mixin;

/** {@code jsup probe NAME [FILE]}: one round of an app's health probes from the file, without jsupd. */
@Command(name = "probe",
        description = "Run the health probes of one app of an ecosystem file once, here, without jsupd (an "
            + "exported systemd timer runs it; 'jsup health' asks jsupd instead). Prints each result. Exit 0 "
            + "when every probe passed, 1 when one failed, 2 when the app has no health block.")
final class ProbeCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    AppOfFile app;

    ProbeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        AppSpec spec = app.load(ctx);
        String name = spec.name();
        if (spec.health() == null || spec.health().probes().isEmpty()) {
            throw new ExitException(ExitCode.USAGE, "jsup probe: app " + name + " has no health block in "
                    + app.path(ctx) + "; add one (docs/health.md)");
        }
        ProbeRound round = ProbeRound.run(Probes.of(spec.health().probes(), ProcFs.SYSTEM), spec.health().timeout(),
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

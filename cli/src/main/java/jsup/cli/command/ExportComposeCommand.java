package jsup.cli.command;

import java.util.List;
import java.util.concurrent.Callable;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.export.ComposeExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code jsup export compose}: one compose.yaml with a service per app. */
@Command(name = "compose",
        description = "Write a compose.yaml (the Compose specification): a service per app with restart, "
            + "mem_limit, stop_signal, stop_grace_period, a healthcheck from the probes, depends_on with its "
            + "condition, and a one-shot NAME-prestart service for pre_start. Secret-looking env keys become "
            + "${KEY} (from the shell or .env) unless --include-secrets. The report on stderr lists what differs.")
final class ExportComposeCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    ExportOptions options;

    @Mixin
    ImageOption image;

    ExportComposeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ExportOptions.Loaded loaded = options.load(ctx, List.of("jsup"));
        options.write(ctx, new ComposeExport(loaded.settings(), image.image).export(loaded.apps()), n -> "");
        return ExitCode.OK;
    }
}

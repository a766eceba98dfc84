package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jsup export}: the parent of the systemd, kubernetes and compose exports; alone it prints usage. */
@Command(name = "export",
        subcommands = {ExportSystemdCommand.class, ExportKubernetesCommand.class, ExportComposeCommand.class},
        description = "Turn an ecosystem file into systemd units, Kubernetes manifests or a Compose file. Each "
            + "export prints a report on stderr: every key mapped, approximated (how it differs) or not mapped "
            + "(why). The table of all keys: docs/containers.md.")
final class ExportCommand implements Runnable {

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    ExportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        spec.commandLine().usage(ctx.out());
        ctx.out().flush();
    }
}

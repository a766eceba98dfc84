package jsup.cli.command;

import java.util.concurrent.Callable;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.export.SystemdExport;
import jsup.cli.launch.SelfCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jsup export systemd}: one unit per app, a target, timers for cron_restart and probes. */
@Command(name = "systemd",
        description = "Write one systemd service per app and a target that wants them all (jsup-FOLDER.target: "
            + "'systemctl enable --now' it), a timer for cron_restart, a timer running 'jsup probe' for health "
            + "probes, and a 0600 NAME.env for secret-looking env keys. pre_start runs as 'jsup prestart NAME "
            + "FILE'. Copy the files to /etc/systemd/system (or ~/.config/systemd/user with --user) and run "
            + "'systemctl daemon-reload'. The report on stderr lists what differs.")
final class ExportSystemdCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    ExportOptions options;

    @Option(names = "--user", description = "Units for the user's own manager (systemctl --user): no User=, "
            + "WantedBy=default.target.")
    boolean user;

    ExportSystemdCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ExportOptions.Loaded loaded = options.load(ctx, SelfCommand.prefix(ctx.env()));
        SystemdExport export = new SystemdExport(loaded.settings(), user, options.outDir(ctx), ctx.env().get("USER"));
        options.write(ctx, export.export(loaded.apps()), name -> "\n# ==> " + name + " <==\n");
        return ExitCode.OK;
    }
}

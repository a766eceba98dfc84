package jsup.cli.command;

import java.nio.file.Path;
import jsup.cli.CliContext;
import jsup.cli.startup.StartupInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup unstartup}: disables and removes the unit {@code jsup startup} wrote. */
@Command(name = "unstartup",
        description = "Disable, stop and remove the systemd unit written by 'jsup startup'.")
final class UnstartupCommand implements Runnable {

    private final CliContext ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLATFORM", defaultValue = "systemd",
            description = "Init system; only 'systemd'.")
    String platform;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME",
            description = "Account whose unit to remove (root only; default: the current user).")
    String user;

    @Option(names = "--root-dir", hidden = true, paramLabel = "DIR")
    Path rootDir;

    UnstartupCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        new StartupInstaller(StartupCommand.root(ctx, rootDir), ctx.out())
                .uninstall(StartupCommand.plan(ctx, platform, user, rootDir));
    }
}

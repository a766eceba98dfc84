package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jsup notify}: the notification commands; alone it prints its usage. */
@Command(name = "notify", subcommands = NotifyTestCommand.class,
        description = "Notifications (the ecosystem file's notify blocks, see docs/notifications.md).")
final class NotifyCommand implements Runnable {

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    NotifyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        spec.commandLine().usage(ctx.out());
        ctx.out().flush();
    }
}

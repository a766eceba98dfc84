package jsup.cli.command;

import jsup.cli.CliContext;
import picocli.CommandLine.Command;

/** {@code jsup version}: same as {@code jsup --version}. */
@Command(name = "version", description = "Print jsup's version (same as --version).")
final class VersionCommand implements Runnable {

    private final CliContext ctx;

    VersionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        for (String line : new JsupVersion().getVersion()) {
            ctx.out().println(line);
        }
        ctx.out().flush();
    }
}

package jsup.cli;

import jsup.cli.fast.FastCommands;

/**
 * The {@code jsup} command's entry point. {@code list}/{@code ping} and their aliases go the lean way
 * ({@link FastCommands}) when a daemon answers; everything else, and every failure, goes through
 * picocli ({@link JsupCli}).
 */
public final class Main {

    /** Set by bin/jsup on the run that records the class-data-sharing archive. */
    static final String RECORD_ARCHIVE_PROPERTY = "jsup.cds.record";

    private Main() {
    }

    public static void main(String[] args) {
        CliContext ctx = CliContext.system();
        int code = args.length == 1 && args[0].equals("daemon")
                ? DaemonMain.run(ctx) // jsupd lives long: keep picocli's classes out of its memory
                : FastCommands.run(ctx, args);
        if (code == FastCommands.NOT_HANDLED) {
            code = JsupCli.execute(ctx, args);
        }
        System.out.flush();
        if (Boolean.getBoolean(RECORD_ARCHIVE_PROPERTY)) {
            FastCommands.rehearse(ctx);
        }
        System.exit(code);
    }
}

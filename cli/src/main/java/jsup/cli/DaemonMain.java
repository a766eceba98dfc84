package jsup.cli;

import jsup.supervisor.daemon.JsupHome;
import jsup.supervisor.daemon.Jsupd;

/**
 * {@code jsup daemon}: jsupd in the foreground. Plain {@code jsup daemon} comes here straight from
 * {@link Main}, without picocli, whose few hundred classes would stay in jsupd's memory for its whole
 * life; {@code jsup daemon --help} and any other spelling go through picocli's DaemonRunCommand, which
 * calls {@link #run} too.
 */
public final class DaemonMain {

    private DaemonMain() {
    }

    /** Runs jsupd for {@code ctx}'s $JSUP_HOME until it is told to stop; returns the exit code. */
    public static int run(CliContext ctx) {
        ctx.out().flush();
        int code = Jsupd.run(JsupHome.resolve(ctx.env()), new Jsupd.Options(ctx.env(), true));
        // jsupd's "another daemon owns this home" is a failure to the caller, not an unknown app.
        return code == Jsupd.EXIT_OK ? ExitCode.OK : ExitCode.FAILURE;
    }
}

package jsup.cli;

/**
 * The exit codes of every {@code jsup} command, distinct so a script can tell a typo from a dead
 * daemon. Listed in {@code jsup --help} and {@code docs/cli.md}.
 */
public final class ExitCode {

    /** Done. */
    public static final int OK = 0;
    /** The command ran but what it asked for failed: an app errored, a start failed, a step failed. */
    public static final int FAILURE = 1;
    /** Bad command line: unknown command or option, missing or malformed argument. */
    public static final int USAGE = 2;
    /** No app with that name or id. */
    public static final int UNKNOWN_APP = 3;
    /** jsupd is not running (and may not be started: after a clean kill), could not be started, or does not answer. */
    public static final int DAEMON_UNREACHABLE = 4;
    /** The ecosystem file (or script) is invalid: every problem is listed. */
    public static final int INVALID_CONFIG = 5;
    /** A bug in jsup (EX_SOFTWARE from sysexits.h): the stack trace goes to stderr. */
    public static final int INTERNAL = 70;

    /** The {@code --help} section listing these codes. */
    static final String[] HELP_LINES = {
        "0:Done.",
        "1:Failure: an app errored, a start or step failed.",
        "2:Usage error: unknown command or option, bad argument.",
        "3:Unknown app name or id.",
        "4:jsupd unreachable: stopped by 'jsup kill' (start or resurrect brings it back), could not be started, "
            + "or not answering.",
        "5:Invalid ecosystem file or script; every problem listed.",
        "70:Internal error (a bug in jsup).",
    };

    private ExitCode() {
    }
}

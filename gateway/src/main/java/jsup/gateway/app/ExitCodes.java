package jsup.gateway.app;

/**
 * The gateway's exit codes. 78 (sysexits EX_CONFIG) means "do not restart me into the same
 * conflict": the example ecosystem lists it in {@code stop_exit_codes}, like systemd's
 * {@code RestartPreventExitStatus=78}.
 */
public final class ExitCodes {

    /** Stopped on request (SIGTERM/SIGINT) or a command succeeded. */
    public static final int OK = 0;
    /** An unexpected failure. */
    public static final int FAILURE = 1;
    /** Bad command-line usage. */
    public static final int USAGE = 2;
    /** {@code /restart} without jsupd: exit so the supervisor starts the gateway again (sysexits EX_TEMPFAIL). */
    public static final int RESTART = 75;
    /** Invalid config, another gateway holds the lock, or the port is taken: restarting would not help. */
    public static final int CONFLICT = 78;

    private ExitCodes() {
    }
}

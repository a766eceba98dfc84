package jsup.gateway.app;

/**
 * The gateway's exit codes. 78 (sysexits EX_CONFIG) means "do not restart me: fix the config
 * first": the example ecosystem lists it in {@code stop_exit_codes}, like systemd's
 * {@code RestartPreventExitStatus=78}. 69 means "another instance is in the way": that can clear
 * (an old instance still shutting down), so the supervisor restarts it.
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
    /** Another process holds the gateway lock or listens on its port (sysexits EX_UNAVAILABLE): worth retrying later. */
    public static final int INSTANCE_RUNNING = 69;
    /** Invalid config, or the lock folder cannot be written: restarting would not help. */
    public static final int CONFLICT = 78;

    private ExitCodes() {
    }
}

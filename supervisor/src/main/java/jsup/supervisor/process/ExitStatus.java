package jsup.supervisor.process;

import jsup.healthmon.proc.ProcFs;

/**
 * How a process ended: an exit code, or the signal that killed it.
 *
 * @param code   the exit code as {@link Process#exitValue()} reports it (for a signal, 128 + its number)
 * @param signal the killing signal's name without {@code SIG}, or {@code null} for a normal exit
 */
public record ExitStatus(int code, String signal) {

    /**
     * Decodes {@link Process#exitValue()}. Java reports a child killed by signal n as 128 + n, so
     * 129..159 are read as signals; a program that calls {@code exit(139)} itself looks the same, which
     * is the usual shell convention anyway.
     */
    public static ExitStatus fromExitValue(int exitValue) {
        String signal = exitValue > 128 ? Signals.name(exitValue - 128) : null;
        return new ExitStatus(exitValue, signal);
    }

    /** Decodes a {@code waitpid} status (as /proc shows a zombie's), the same way as Java would report it. */
    public static ExitStatus fromWaitStatus(int status) {
        return fromExitValue(ProcFs.exitValueOf(status));
    }

    /** {@code exit code 3} or {@code signal SIGSEGV}, as restart history shows it. */
    public String describe() {
        return signal != null ? "signal SIG" + signal : "exit code " + code;
    }
}

package jsup.cli;

/**
 * The one way a command ends with a non-zero exit code and a message for the user. Thrown from any
 * command; {@link JsupCli} prints {@link #getMessage()} on stderr, without a stack trace, and exits
 * with {@link #exitCode()}.
 */
public final class ExitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param exitCode one of {@link ExitCode}
     * @param message  what went wrong, naming the bad value, and how to fix it; may span lines
     */
    public ExitException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

package jsup.gateway.app;

/** The gateway could not start; carries the exit code and a message that says what to do. */
public final class StartupException extends Exception {

    private final int exitCode;

    public StartupException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

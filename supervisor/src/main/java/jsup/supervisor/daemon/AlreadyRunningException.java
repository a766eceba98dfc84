package jsup.supervisor.daemon;

/** A jsupd already runs for this {@code $JSUP_HOME}; the message names its pid and what to do. */
public final class AlreadyRunningException extends Exception {

    private static final long serialVersionUID = 1L;

    public AlreadyRunningException(String message) {
        super(message);
    }
}

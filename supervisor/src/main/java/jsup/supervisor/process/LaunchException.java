package jsup.supervisor.process;

/** The app's command could not be started (missing program, missing cwd, exec failure). */
public final class LaunchException extends Exception {

    public LaunchException(String message) {
        super(message);
    }
}

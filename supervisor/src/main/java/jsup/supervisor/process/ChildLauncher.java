package jsup.supervisor.process;

import jsup.supervisor.config.AppSpec;

/** Starts an app's process: the seam between the engine and the OS ({@link OsChildLauncher}). */
public interface ChildLauncher {

    /**
     * @throws LaunchException when the command cannot be run; the message says why and how to fix it
     */
    Child launch(AppSpec spec, ChildOutput output) throws LaunchException;

    /** The app {@code name} was deleted: drop whatever was kept to launch it again. */
    default void forget(String name) {
    }
}

package jsup.supervisor.internal;

/** What the operator asked for (runit's "want"), kept apart from the observed status. */
public enum Want {
    /** The app should run: start it, and restart it per its policy. */
    UP,
    /** The app should not run: stop it, and never restart it. */
    DOWN
}

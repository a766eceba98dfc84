package jsup.supervisor.internal;

import jsup.supervisor.ProcessStatus;

/** An event arrived in a status that has no edge for it: a bug in the engine, never user input. */
public final class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(String app, ProcessStatus from, LifecycleEvent event) {
        super("app " + app + ": no transition for event " + event + " in status " + from.label());
    }
}

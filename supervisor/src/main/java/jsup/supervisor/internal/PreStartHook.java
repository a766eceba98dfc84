package jsup.supervisor.internal;

import jsup.supervisor.config.AppSpec;

/** Runs an app's {@code pre_start} steps (blocking, on a worker thread). */
@FunctionalInterface
public interface PreStartHook {

    /** Passes every app: for apps without steps, and for tests. */
    PreStartHook NONE = spec -> Outcome.OK;

    Outcome run(AppSpec spec);

    /** @param reason the failing step and its stderr tail; null when ok */
    record Outcome(boolean ok, String reason) {
        public static final Outcome OK = new Outcome(true, null);
    }
}

package jsup.gateway.lock;

import java.time.Duration;

/** Another live gateway held the lock for the whole wait. */
public final class LockHeldException extends Exception {

    private final transient LockPayload holder;

    public LockHeldException(LockPayload holder, java.nio.file.Path lockFile, Duration waited) {
        super("gateway already running: " + (holder == null ? "an unreadable lock owner" : holder.describe())
                + " holds " + lockFile + "; lock timeout after " + waited.toMillis() + "ms. "
                + (holder == null ? "" : "Stop it first (jsup stop <app>, or kill " + holder.pid() + ") or use another config.")
        );
        this.holder = holder;
    }

    /** The owner as read from the file, or null when the file could not be parsed. */
    public LockPayload holder() {
        return holder;
    }
}

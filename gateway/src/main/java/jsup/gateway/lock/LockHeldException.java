package jsup.gateway.lock;

import java.nio.file.Path;
import java.time.Duration;

/** Another process held the gateway's OS lock for the whole wait. */
public final class LockHeldException extends Exception {

    private final transient LockPayload holder;

    public LockHeldException(LockPayload holder, Path lockFile, Path osLockFile, Duration waited) {
        super(message(holder, lockFile, osLockFile, waited));
        this.holder = holder;
    }

    private static String message(LockPayload holder, Path lockFile, Path osLockFile, Duration waited) {
        String who = holder == null
                ? "another process holds " + osLockFile + " (its owner file " + lockFile + " is missing or unreadable)"
                : holder.describe() + " holds " + lockFile;
        String fix = holder == null
                ? "Find it with: lslocks | grep " + osLockFile.getFileName() + ", then stop it (jsup stop <app>, or kill <pid>)"
                : "Stop it first (jsup stop <app>, or kill " + holder.pid() + ")";
        return "gateway already running: " + who + "; lock timeout after " + waited.toMillis() + "ms. "
                + fix + ", or run this gateway with another --config.";
    }

    /** The owner as read from the file, or null when the file could not be parsed. */
    public LockPayload holder() {
        return holder;
    }
}

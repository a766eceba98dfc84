package jsup.gateway.lock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The lock while this process owns it. Released on clean shutdown; a crash leaves a stale file the next start takes over. */
public final class HeldLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeldLock.class);

    private final Path file;
    private final LockPayload payload;
    private boolean released;

    HeldLock(Path file, LockPayload payload) {
        this.file = file;
        this.payload = payload;
    }

    public Path file() {
        return file;
    }

    public LockPayload payload() {
        return payload;
    }

    /** Deletes the file if it is still ours (a newer owner's file is left alone). Idempotent. */
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            LockPayload onDisk = GatewayLock.read(file);
            if (onDisk != null && onDisk.pid() == payload.pid() && java.util.Objects.equals(onDisk.startTime(), payload.startTime())) {
                Files.deleteIfExists(file);
                LOG.info("released gateway lock {}", file);
            }
        } catch (IOException e) {
            LOG.warn("could not release gateway lock {}: {}", file, e.toString());
        }
    }

    @Override
    public void close() {
        release();
    }
}

package jsup.gateway.lock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock while this process owns it: the open channel whose OS lock proves it. Released on a
 * clean shutdown; on a crash the kernel drops the OS lock and the next start takes over.
 */
public final class HeldLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeldLock.class);

    private final Path file;
    private final LockPayload payload;
    private final FileChannel channel;
    private final Runnable onRelease;
    private boolean released;

    HeldLock(Path file, LockPayload payload, FileChannel channel, Runnable onRelease) {
        this.file = file;
        this.payload = payload;
        this.channel = channel;
        this.onRelease = onRelease;
    }

    public Path file() {
        return file;
    }

    public LockPayload payload() {
        return payload;
    }

    /**
     * Deletes the owner file if it is still ours, then drops the OS lock (in that order, so the
     * next owner's file is never deleted). Idempotent.
     */
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            LockPayload onDisk = GatewayLock.read(file);
            if (onDisk != null && onDisk.pid() == payload.pid() && Objects.equals(onDisk.startTime(), payload.startTime())) {
                Files.deleteIfExists(file);
            }
            channel.close(); // closing the channel releases its OS lock
            LOG.info("released gateway lock {}", file);
        } catch (IOException e) {
            LOG.warn("could not release gateway lock {}: {}", file, e.toString());
        } finally {
            onRelease.run();
        }
    }

    @Override
    public void close() {
        release();
    }
}

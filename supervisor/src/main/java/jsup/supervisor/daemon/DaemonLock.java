package jsup.supervisor.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock on {@code jsupd.lock} that makes jsupd one per home. The kernel drops it when
 * the holder dies, however it dies, so a stale lock cannot exist; {@code jsupd.pid} only serves to
 * name the holder in the error message.
 */
final class DaemonLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DaemonLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock at once or fails, naming the running jsupd's pid. */
    static DaemonLock acquire(JsupHome home) throws IOException, AlreadyRunningException {
        FileChannel ch = FileChannel.open(home.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another jsupd inside this very JVM (tests)
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            throw new AlreadyRunningException("jsupd is already running for " + home + " (pid "
                    + runningPid(home) + "); stop it with `jsup kill`, or set JSUP_HOME to another folder");
        }
        return new DaemonLock(ch, lock);
    }

    private static String runningPid(JsupHome home) {
        try {
            String pid = Files.readString(home.pidFile()).trim();
            return pid.isEmpty() ? "unknown" : pid;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The channel close below releases it too.
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}

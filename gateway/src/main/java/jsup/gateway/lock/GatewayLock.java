package jsup.gateway.lock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-instance lock, per config path, at
 * {@code <tmpdir>/moltbot-<uid>/gateway.<sha1(config)[0:8]>.lock} (upstream's place and format).
 *
 * <p>Liveness comes only from an OS lock ({@link FileChannel#tryLock()}, a POSIX record lock) on
 * the sibling file {@code gateway.<hash>.flock}, held for the process's life. The kernel drops it
 * when the process ends, however it ends, so a lock file that nobody holds is stale whatever its
 * content: empty, half-written, or naming a pid that now belongs to someone else. The {@code .lock}
 * file only tells people who holds it; it is written to a temp file and renamed into place, so a
 * reader never sees it half-written. The {@code .flock} file is never deleted: deleting a file
 * others may be about to lock would let two owners lock two different files.
 */
public final class GatewayLock {

    public static final Duration DEFAULT_WAIT = Duration.ofMillis(5000);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Logger LOG = LoggerFactory.getLogger(GatewayLock.class);
    /**
     * OS-lock files this JVM holds. POSIX locks belong to the process: a second channel opened and
     * closed on the same file here would release the first one's lock, so it is never opened.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path osLockFile;
    private final Path configPath;
    private final ProcFs proc;
    private final LockOwnerCheck owners;
    private final Clock clock;

    public GatewayLock(Path file, Path configPath, ProcFs proc, Clock clock) {
        this.file = file;
        this.osLockFile = osLockFileFor(file);
        this.configPath = configPath;
        this.proc = proc;
        this.owners = new LockOwnerCheck(proc);
        this.clock = clock;
    }

    /** Upstream's path for {@code configPath}'s lock under {@code tmpDir}. */
    public static Path defaultFile(Path tmpDir, Path configPath) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(configPath.toString().getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(sha).substring(0, 8);
            return tmpDir.resolve("moltbot-" + uid()).resolve("gateway." + hash + ".lock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    static Path osLockFileFor(Path file) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".lock") ? name.substring(0, name.length() - ".lock".length()) : name;
        return file.resolveSibling(base + ".flock");
    }

    /** The human-readable file naming the owner. */
    public Path file() {
        return file;
    }

    /** The file that carries the OS lock. */
    public Path osLockFile() {
        return osLockFile;
    }

    /**
     * Takes the lock, waiting up to {@code maxWait} for the process that holds it to go away.
     *
     * @throws LockHeldException when another process still holds it after {@code maxWait}
     * @throws IOException       when the lock folder or files cannot be written
     */
    public HeldLock acquire(Duration maxWait) throws LockHeldException, IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            HeldLock held = tryAcquire();
            if (held != null) {
                return held;
            }
            if (System.nanoTime() >= deadline) {
                throw new LockHeldException(read(file), file, osLockFile, maxWait);
            }
            Thread.sleep(Math.min(POLL_INTERVAL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    /** The lock, or null when another process (or another gateway in this JVM) holds it. */
    private HeldLock tryAcquire() throws IOException {
        if (!HELD_HERE.add(osLockFile)) {
            return null;
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(osLockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock osLock = channel.tryLock();
            if (osLock == null) {
                channel.close();
                HELD_HERE.remove(osLockFile);
                return null;
            }
            LockPayload mine = payload();
            noteTakeOver();
            writeAtomically(JSON.writeValueAsBytes(mine));
            LOG.info("acquired gateway lock {} (pid {})", file, mine.pid());
            return new HeldLock(file, mine, channel, () -> HELD_HERE.remove(osLockFile));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD_HERE.remove(osLockFile);
            if (e instanceof OverlappingFileLockException) {
                return null;
            }
            throw e;
        }
    }

    private LockPayload payload() {
        int pid = (int) ProcessHandle.current().pid();
        ProcessIdentity self = proc.identity(pid).orElse(new ProcessIdentity(pid, -1));
        return new LockPayload(pid, Instant.now(clock).toString(), configPath.toString(),
                self.startTime() < 0 ? null : self.startTime());
    }

    /** Says whose leftover file is replaced: nobody holds the OS lock, so its writer is gone. */
    private void noteTakeOver() {
        if (!Files.exists(file)) {
            return;
        }
        LockPayload stale = read(file);
        LOG.info("took over stale gateway lock {} from {}", file,
                stale == null ? "an owner whose file is empty or unreadable (nobody holds the OS lock)" : owners.whyStale(stale));
    }

    private void writeAtomically(byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(bytes));
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The payload in {@code file}, or null when it is missing or not a lock payload. */
    static LockPayload read(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), LockPayload.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String uid() {
        try {
            return Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return System.getProperty("user.name", "user");
        }
    }
}

package jsup.gateway.lock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-instance lock, as upstream keeps it: a file created with O_EXCL holding
 * {@link LockPayload}; per config path, at {@code <tmpdir>/moltbot-<uid>/gateway.<sha1(config)[0:8]>.lock}.
 *
 * <p>When the file exists, its owner is checked every {@code pollInterval}: a dead owner, or a
 * pid now used by another process (different start time), makes the lock stale and it is taken
 * over; an unreadable file counts as stale once older than {@link #UNREADABLE_STALE_AFTER}. A
 * live owner is waited for, then {@link LockHeldException} names it.
 */
public final class GatewayLock {

    public static final Duration DEFAULT_WAIT = Duration.ofMillis(5000);
    static final Duration UNREADABLE_STALE_AFTER = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Logger LOG = LoggerFactory.getLogger(GatewayLock.class);

    private final Path file;
    private final Path configPath;
    private final ProcFs proc;
    private final LockOwnerCheck owners;
    private final Clock clock;

    public GatewayLock(Path file, Path configPath, ProcFs proc, Clock clock) {
        this.file = file;
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

    public Path file() {
        return file;
    }

    /**
     * Takes the lock, waiting up to {@code maxWait} for a live owner to go away.
     *
     * @throws LockHeldException when a live owner still holds it after {@code maxWait}
     * @throws IOException       when the lock folder or file cannot be written
     */
    public HeldLock acquire(Duration maxWait) throws LockHeldException, IOException, InterruptedException {
        int pid = (int) ProcessHandle.current().pid();
        ProcessIdentity self = proc.identity(pid).orElse(new ProcessIdentity(pid, -1));
        LockPayload mine = new LockPayload(pid, Instant.now(clock).toString(), configPath.toString(),
                self.startTime() < 0 ? null : self.startTime());
        byte[] bytes = JSON.writeValueAsBytes(mine);
        Files.createDirectories(file.getParent());
        long deadline = System.nanoTime() + maxWait.toNanos();
        LockPayload holder = null;
        while (true) {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(bytes);
                LOG.info("acquired gateway lock {} (pid {})", file, pid);
                return new HeldLock(file, mine);
            } catch (FileAlreadyExistsException taken) {
                holder = read(file);
                if (isStale(holder)) {
                    takeOver(holder);
                    continue;
                }
            }
            if (System.nanoTime() >= deadline) {
                throw new LockHeldException(holder, file, maxWait);
            }
            Thread.sleep(Math.min(POLL_INTERVAL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    private boolean isStale(LockPayload holder) throws IOException {
        if (holder != null) {
            return !owners.isAlive(holder);
        }
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            return modified.plus(UNREADABLE_STALE_AFTER).isBefore(Instant.now(clock));
        } catch (NoSuchFileException gone) {
            return true;
        }
    }

    /** Removes a stale lock, unless it changed since it was judged (someone else took it over first). */
    private void takeOver(LockPayload stale) throws IOException {
        LockPayload now = read(file);
        if (now != null && !now.equals(stale)) {
            return;
        }
        Files.deleteIfExists(file);
        LOG.info("took over stale gateway lock {} from {}", file,
                stale == null ? "an unreadable owner" : stale.describe() + ", which is no longer running");
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

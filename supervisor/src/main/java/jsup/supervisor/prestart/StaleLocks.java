package jsup.supervisor.prestart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;

/**
 * Decides whether a lock file's owner is gone, and removes it only then. Never removes a live one.
 *
 * <ul>
 *   <li>A lock holding a pid, as a plain number or as JSON with {@code pid} and optionally
 *       {@code startTime} (field 22 of {@code /proc/<pid>/stat}; the upstream gateway writes
 *       {@code {"pid","createdAt","configPath","startTime"}}), is stale when that pid is not running
 *       or runs with another start time (the pid was reused).</li>
 *   <li>A lock that cannot be read or parsed is stale only once it is older than {@link #UNREADABLE_GRACE}
 *       by its mtime: it may be a lock its owner is writing right now.</li>
 * </ul>
 */
public final class StaleLocks {

    /** How old an unreadable lock must be before it counts as stale; the upstream gateway uses 30 s too. */
    public static final Duration UNREADABLE_GRACE = Duration.ofSeconds(30);

    private static final int MAX_LOCK_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcFs procFs;
    private final Clock clock;

    public StaleLocks(ProcFs procFs, Clock clock) {
        this.procFs = procFs;
        this.clock = clock;
    }

    /** The owner a lock names: a pid and, when the lock has one, its start time ({@code -1} if not). */
    public record LockOwner(int pid, long startTime) {
    }

    /**
     * Why this lock is stale, e.g. {@code pid 4242 is not running}; empty when its owner may be alive
     * (or the file is gone).
     */
    public Optional<String> staleReason(Path lock) {
        byte[] content;
        try {
            content = read(lock);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return staleIfOld(lock, "cannot be read (" + e.getMessage() + ")");
        }
        return staleReason(lock, content);
    }

    /**
     * Removes the lock when it is stale.
     *
     * @return what was done, e.g. {@code removed stale lock /x/gateway.lock: pid 4242 is not running},
     *         or a failure to remove it; empty when the lock was kept or is gone
     */
    public Optional<String> removeIfStale(Path lock) {
        byte[] content;
        try {
            content = read(lock);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            content = null;
        }
        Optional<String> reason = content == null
                ? staleIfOld(lock, "cannot be read")
                : staleReason(lock, content);
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        try {
            // A new owner may have taken the lock since we read it: only remove what we judged.
            if (content != null && !Arrays.equals(content, read(lock))) {
                return Optional.empty();
            }
            Files.delete(lock);
            return Optional.of("removed stale lock " + lock + ": " + reason.get());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("could not remove stale lock " + lock + " (" + reason.get() + "): " + e
                    + "; check the folder's permissions");
        }
    }

    /** The pid (and start time) a lock's content names, or empty when it names none. */
    public static Optional<LockOwner> parseOwner(String content) {
        String s = content.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return pid(s).map(pid -> new LockOwner(pid, -1));
        }
        JsonNode node;
        try {
            node = JSON.readTree(s);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        Optional<Integer> pid = pid(node.path("pid").asText(""));
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        JsonNode start = node.get("startTime");
        if (start == null || start.isNull()) {
            return Optional.of(new LockOwner(pid.get(), -1));
        }
        try {
            return Optional.of(new LockOwner(pid.get(), Long.parseLong(start.asText().strip())));
        } catch (NumberFormatException e) {
            // A startTime we cannot compare: treat the lock as unreadable rather than guess.
            return Optional.empty();
        }
    }

    private Optional<String> staleReason(Path lock, byte[] content) {
        Optional<LockOwner> owner = parseOwner(new String(content, StandardCharsets.UTF_8));
        if (owner.isEmpty()) {
            return staleIfOld(lock, content.length == 0 ? "is empty" : "holds no pid");
        }
        int pid = owner.get().pid();
        long expected = owner.get().startTime();
        Optional<ProcessIdentity> running = procFs.identity(pid);
        if (running.isEmpty()) {
            return Optional.of("pid " + pid + " is not running");
        }
        // Without a start time a live pid keeps the lock (ProcessIdentity.isAlive never matches one).
        if (expected >= 0 && !new ProcessIdentity(pid, expected).isAlive(procFs)) {
            return Optional.of("pid " + pid + " was reused (start time " + expected + " in the lock, "
                    + running.get().startTime() + " now)");
        }
        return Optional.empty();
    }

    private Optional<String> staleIfOld(Path lock, String why) {
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(lock, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Optional.empty();
        }
        Duration age = Duration.between(modified, clock.instant());
        if (age.compareTo(UNREADABLE_GRACE) <= 0) {
            return Optional.empty();
        }
        return Optional.of("it " + why + " and is " + age.toSeconds() + "s old (over "
                + UNREADABLE_GRACE.toSeconds() + "s)");
    }

    private static Optional<Integer> pid(String s) {
        try {
            int pid = Integer.parseInt(s.strip());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static byte[] read(Path lock) throws IOException {
        try (InputStream in = Files.newInputStream(lock)) {
            return in.readNBytes(MAX_LOCK_BYTES);
        }
    }
}

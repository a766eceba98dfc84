package jsup.supervisor.prestart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.files.ProcessUser;

/**
 * Decides whether a lock file's owner is provably gone, and removes it only then. Never removes a
 * live one, nor a file that names no owner (a {@code *.lock} glob also matches Cargo.lock or
 * yarn.lock), unless the step opts in with {@code remove_unowned_after}.
 *
 * <ul>
 *   <li>A lock holding a pid, as a plain number or as JSON with {@code pid} and optionally
 *       {@code startTime} (field 22 of {@code /proc/<pid>/stat}; the upstream gateway writes
 *       {@code {"pid","createdAt","configPath","startTime"}}), is stale when that pid is not running
 *       or runs with another start time (the pid was reused). A pid whose {@code /proc} entry cannot
 *       be read is not known to be gone: the lock is kept.</li>
 *   <li>A file that is empty, unreadable or names no pid has no owner jsup can judge: it is reported
 *       and kept, or removed once its mtime is older than {@code remove_unowned_after}.</li>
 *   <li>The file and every folder of its path are opened without following symlinks
 *       ({@link LockDirectory}); the file and its folders must belong to jsupd's user (folders may
 *       also be root's). Anything else is reported and kept.</li>
 * </ul>
 */
public final class StaleLocks {

    private static final int MAX_LOCK_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcFs procFs;
    private final Clock clock;
    private final ProcessUser user;

    public StaleLocks(ProcFs procFs, Clock clock) {
        this(procFs, clock, ProcessUser.current());
    }

    StaleLocks(ProcFs procFs, Clock clock, ProcessUser user) {
        this.procFs = procFs;
        this.clock = clock;
        this.user = user;
    }

    /** The owner a lock names: a pid and, when the lock has one, its start time ({@code -1} if not). */
    public record LockOwner(int pid, long startTime) {
    }

    /** What a lock's content says about its owner. */
    private sealed interface Verdict {
        /** The owner may be alive (or cannot be known to be gone): keep, say nothing. */
        record Alive() implements Verdict {
        }

        /** The owner is provably gone. */
        record Gone(String reason) implements Verdict {
        }

        /** The file names no owner (empty, unreadable, no pid). */
        record Unowned(String why) implements Verdict {
        }
    }

    /**
     * Why this lock is stale, e.g. {@code pid 4242 is not running}; empty when its owner may be alive,
     * it names no owner, it is not safe to act on, or the file is gone.
     */
    public Optional<String> staleReason(Path lock) {
        try (LockDirectory folder = LockDirectory.open(lock, user)) {
            PosixFileAttributes attrs = folder.attributes();
            if (unsafe(attrs).isPresent()) {
                return Optional.empty();
            }
            return judge(readOrNull(folder)) instanceof Verdict.Gone gone ? Optional.of(gone.reason()) : Optional.empty();
        } catch (IOException | LockDirectory.UnsafePathException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes the lock when its owner is provably gone, or when it names no owner and
     * {@code removeUnownedAfter} is set and its mtime is older than that.
     *
     * @param removeUnownedAfter how old a file that names no owner must be to be removed; null to keep such files
     * @return what was done, e.g. {@code removed stale lock /x/gateway.lock: pid 4242 is not running},
     *         or why a matched file was kept or could not be removed; empty when the lock is alive or gone
     */
    public Optional<String> removeIfStale(Path lock, Duration removeUnownedAfter) {
        try (LockDirectory folder = LockDirectory.open(lock, user)) {
            return removeIfStale(folder, lock, removeUnownedAfter);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (LockDirectory.UnsafePathException e) {
            return Optional.of("kept " + lock + ": " + e.getMessage());
        } catch (IOException e) {
            return Optional.of("kept " + lock + ": " + e.getMessage());
        }
    }

    private Optional<String> removeIfStale(LockDirectory folder, Path lock, Duration removeUnownedAfter)
            throws IOException {
        PosixFileAttributes before = folder.attributes();
        Optional<String> unsafe = unsafe(before);
        if (unsafe.isPresent()) {
            return Optional.of("kept " + lock + ": " + unsafe.get());
        }
        byte[] content = readOrNull(folder);
        Verdict verdict = judge(content);
        String reason;
        if (verdict instanceof Verdict.Gone gone) {
            reason = gone.reason();
        } else if (verdict instanceof Verdict.Unowned unowned) {
            Duration age = Duration.between(before.lastModifiedTime().toInstant(), clock.instant());
            if (removeUnownedAfter == null) {
                return Optional.of("kept " + lock + ": it " + unowned.why() + ", so its owner cannot be known"
                        + " (remove_unowned_after would remove such files once old)");
            }
            if (age.compareTo(removeUnownedAfter) <= 0) {
                return Optional.of("kept " + lock + ": it " + unowned.why() + " and is " + age.toSeconds()
                        + "s old (remove_unowned_after is " + removeUnownedAfter.toSeconds() + "s)");
            }
            reason = "it " + unowned.why() + " and is " + age.toSeconds() + "s old (over remove_unowned_after "
                    + removeUnownedAfter.toSeconds() + "s)";
        } else {
            return Optional.empty();
        }
        // A new owner may have taken the lock since it was read: only remove the file judged. The name
        // can still be replaced between this check and the unlink, but only by jsupd's own user (the
        // folders checked above admit no one else), who could remove the lock anyway.
        PosixFileAttributes now = folder.attributes();
        if (!now.fileKey().equals(before.fileKey()) || !now.lastModifiedTime().equals(before.lastModifiedTime())
                || !Arrays.equals(content, readOrNull(folder))) {
            return Optional.empty();
        }
        try {
            folder.delete();
            return Optional.of("removed stale lock " + lock + ": " + reason);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("could not remove stale lock " + lock + " (" + reason + "): " + e
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

    private Verdict judge(byte[] content) {
        if (content == null) {
            return new Verdict.Unowned("cannot be read");
        }
        Optional<LockOwner> owner = parseOwner(new String(content, StandardCharsets.UTF_8));
        if (owner.isEmpty()) {
            return new Verdict.Unowned(content.length == 0 ? "is empty" : "holds no pid");
        }
        int pid = owner.get().pid();
        long expected = owner.get().startTime();
        Optional<ProcessIdentity> running = procFs.identity(pid);
        if (running.isEmpty()) {
            Optional<ProcInfo> stat = procFs.stat(pid);
            if (stat.isPresent() && stat.get().isZombie()) {
                return new Verdict.Gone("pid " + pid + " has exited");
            }
            // Only a /proc entry that is confirmed absent means "not running"; an unreadable one is unknown.
            return Files.notExists(procFs.root().resolve(Integer.toString(pid)))
                    ? new Verdict.Gone("pid " + pid + " is not running")
                    : new Verdict.Alive();
        }
        // A lock without a start time cannot tell a reused pid: a running pid counts as its owner.
        if (expected >= 0 && running.get().startTime() != expected) {
            return new Verdict.Gone("pid " + pid + " was reused (start time " + expected + " in the lock, "
                    + running.get().startTime() + " now)");
        }
        return new Verdict.Alive();
    }

    /** Why the file itself may not be acted on: a symlink, not a plain file, or another user's. */
    private Optional<String> unsafe(PosixFileAttributes attrs) {
        if (attrs.isSymbolicLink()) {
            return Optional.of("it is a symlink; jsup never follows one to a lock");
        }
        if (!attrs.isRegularFile()) {
            return Optional.of("it is not a regular file");
        }
        if (!attrs.owner().equals(user.self())) {
            return Optional.of("it belongs to " + attrs.owner().getName() + ", not to jsupd's user "
                    + user.self().getName());
        }
        return Optional.empty();
    }

    private static Optional<Integer> pid(String s) {
        try {
            int pid = Integer.parseInt(s.strip());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The lock's first bytes, or null when it cannot be read (e.g. no read permission). */
    private static byte[] readOrNull(LockDirectory folder) throws NoSuchFileException {
        try {
            return folder.read(MAX_LOCK_BYTES);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            return null;
        }
    }
}

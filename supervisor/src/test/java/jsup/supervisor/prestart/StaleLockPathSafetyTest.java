package jsup.supervisor.prestart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * clear_stale_locks never follows a symlink, in the lock or in any folder of its path, and never acts
 * on another user's file or in a folder another user controls. Every lock here names a dead pid, so
 * only the path's safety keeps it.
 */
class StaleLockPathSafetyTest {

    @TempDir
    Path dir;

    private final StaleLocks locks = new StaleLocks(ProcFs.SYSTEM, Clock.systemUTC());

    @Test
    void aSymlinkedFolderOnThePathIsNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path victim = Files.writeString(elsewhere.resolve("gateway.lock"), Integer.toString(deadPid()));
        Path link = Files.createSymbolicLink(dir.resolve("moltbot-0"), elsewhere);

        var report = locks.removeIfStale(link.resolve("gateway.lock"), null);

        assertThat(victim).exists();
        assertThat(report).hasValueSatisfying(r -> assertThat(r)
                .startsWith("kept " + link.resolve("gateway.lock") + ": " + link + " is a symlink"));
    }

    @Test
    void aSymlinkedLockIsNotFollowed() throws Exception {
        Path target = Files.writeString(dir.resolve("precious.txt"), Integer.toString(deadPid()));
        Path link = Files.createSymbolicLink(dir.resolve("gateway.lock"), target);

        var report = locks.removeIfStale(link, null);

        assertThat(link).exists();
        assertThat(target).exists();
        assertThat(report).contains("kept " + link + ": it is a symlink; jsup never follows one to a lock");
    }

    @Test
    void aFolderAnyoneMayWriteWithoutTheStickyBitIsRefused() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path lock = Files.writeString(shared.resolve("gateway.lock"), Integer.toString(deadPid()));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        var report = locks.removeIfStale(lock, null);

        assertThat(lock).exists();
        assertThat(report).contains("kept " + lock + ": folder " + shared
                + " may be written by anyone and has no sticky bit (chmod o-w or +t)");
    }

    @Test
    void aFolderAnyoneMayWriteWithTheStickyBitIsAccepted() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path lock = Files.writeString(shared.resolve("gateway.lock"), Integer.toString(deadPid()));
        assertThat(new ProcessBuilder("chmod", "1777", shared.toString()).start().waitFor()).isZero();

        var report = locks.removeIfStale(lock, null);

        assertThat(lock).doesNotExist();
        assertThat(report).hasValueSatisfying(r -> assertThat(r).startsWith("removed stale lock " + lock));
    }

    @Test
    void anotherUsersLockIsKept() throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0, "chown to another user needs root");
        Path lock = Files.writeString(dir.resolve("gateway.lock"), Integer.toString(deadPid()));
        UserPrincipal nobody = lock.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534");
        Files.setOwner(lock, nobody);

        var report = locks.removeIfStale(lock, null);

        assertThat(lock).exists();
        assertThat(report).hasValueSatisfying(r -> assertThat(r).startsWith("kept " + lock + ": it belongs to "));
    }

    @Test
    void aLockInAFolderOfAnotherUserIsKept() throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0, "chown to another user needs root");
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Path lock = Files.writeString(theirs.resolve("gateway.lock"), Integer.toString(deadPid()));
        Files.setOwner(theirs, theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534"));

        var report = locks.removeIfStale(lock, null);

        assertThat(lock).exists();
        assertThat(report).hasValueSatisfying(r -> assertThat(r).startsWith("kept " + lock + ": folder " + theirs
                + " belongs to "));
    }

    @Test
    void theDoctorsStaleReasonAppliesTheSameRules() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("gateway.lock"), Integer.toString(deadPid()));
        Path link = Files.createSymbolicLink(dir.resolve("link"), elsewhere);

        assertThat(locks.staleReason(link.resolve("gateway.lock"))).isEmpty();
        assertThat(locks.staleReason(elsewhere.resolve("gateway.lock"))).hasValueSatisfying(r ->
                assertThat(r).endsWith("is not running"));
        assertThat(Files.exists(elsewhere.resolve("gateway.lock"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    private static int deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return (int) p.pid();
    }
}

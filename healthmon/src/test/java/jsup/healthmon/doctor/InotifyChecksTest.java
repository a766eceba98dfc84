package jsup.healthmon.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jsup.healthmon.proc.ProcFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InotifyChecksTest {

    @TempDir
    Path proc;

    @TempDir
    Path root;

    private ProcFs fixture(long maxWatches, long maxInstances, int watchesHeld) throws IOException {
        Files.createDirectories(proc.resolve("sys/fs/inotify"));
        Files.writeString(proc.resolve("sys/fs/inotify/max_user_watches"), maxWatches + "\n");
        Files.writeString(proc.resolve("sys/fs/inotify/max_user_instances"), maxInstances + "\n");
        Path pid = Files.createDirectories(proc.resolve("100"));
        Files.writeString(pid.resolve("status"), "Name:\tnode\nUid:\t0\t1000\t0\t0\n");
        Files.createDirectories(pid.resolve("fd"));
        Files.createSymbolicLink(pid.resolve("fd/5"), Path.of("anon_inode:inotify"));
        Files.createDirectories(pid.resolve("fdinfo"));
        Files.writeString(pid.resolve("fdinfo/5"), "pos:\t0\n" + "inotify wd:1 ino:1 sdev:0 mask:fce\n".repeat(watchesHeld));
        return new ProcFs(proc);
    }

    @Test
    void passesBelowTheRatioAndCountsTheEffectiveUid() throws IOException {
        CheckResult r = new InotifyLimitCheck(fixture(100, 128, 79), 1000, 0.8, root).run();
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.detail()).isEqualTo("uid 1000 uses 79 of 100 watches and 1 of 128 instances");
        assertThat(r.fix()).isEmpty();
        assertThat(new InotifyLimitCheck(new ProcFs(proc), 0, 0.8, root).run().detail()).startsWith("uid 0 uses 0 of");
    }

    @Test
    void failsAtTheRatioAndNamesTheFix() throws IOException {
        CheckResult r = new InotifyLimitCheck(fixture(100, 128, 80), 1000, 0.8, root).run();
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).contains("80 of 100 watches").contains("at or above 80%");
        assertThat(r.fix()).contains("99-jsup-inotify.conf").contains("fs.inotify.max_user_watches=524288");
    }

    @Test
    void theFixWritesTheSysctlFileUnderATempRootWithoutApplyingIt() throws IOException {
        InotifyLimitCheck check = new InotifyLimitCheck(fixture(8192, 128, 8000), 1000, 0.8, root);
        FixResult fix = check.fix();
        Path file = root.resolve("etc/sysctl.d/99-jsup-inotify.conf");
        assertThat(fix.ok()).as(fix.detail()).isTrue();
        assertThat(fix.detail()).isEqualTo("wrote " + file + "; not applied (" + root + " is not the system root)");
        assertThat(Files.readAllLines(file)).contains("fs.inotify.max_user_watches=524288")
                .noneMatch(line -> line.startsWith("fs.inotify.max_user_instances"));
    }

    @Test
    void theFixRaisesALimitAlreadyAboveTheRecommendedValueInsteadOfLoweringIt() throws IOException {
        // A tiny ratio makes 2 watches and 1 instance "near" without a fixture of a million lines.
        new InotifyLimitCheck(fixture(1048576, 8192, 2), 1000, 1e-6, root).fix();
        assertThat(Files.readAllLines(root.resolve(InotifySysctlFix.FILE)))
                .contains("fs.inotify.max_user_watches=2097152", "fs.inotify.max_user_instances=16384");
    }

    @Test
    void instancesRunningOutNameAndRaiseOnlyTheInstancesLimit() throws IOException {
        // One instance held, a limit of 1: instances are at 100 %, watches far below.
        InotifyLimitCheck check = new InotifyLimitCheck(fixture(524288, 1, 3), 1000, 0.8, root);

        CheckResult r = check.run();
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).contains("1 of 1 instances (instances at or above 80%)");
        assertThat(r.fix()).contains("fs.inotify.max_user_instances=1024").doesNotContain("max_user_watches");

        assertThat(check.fix().ok()).isTrue();
        assertThat(Files.readAllLines(root.resolve(InotifySysctlFix.FILE))).contains("fs.inotify.max_user_instances=1024")
                .noneMatch(line -> line.startsWith("fs.inotify.max_user_watches"));
    }

    @Test
    void bothLimitsRunningOutRaiseBoth() throws IOException {
        InotifyLimitCheck check = new InotifyLimitCheck(fixture(10, 1, 10), 1000, 0.8, root);

        CheckResult r = check.run();
        assertThat(r.detail()).contains("(watches and instances at or above 80%)");
        assertThat(r.fix()).contains("fs.inotify.max_user_watches=524288 and fs.inotify.max_user_instances=1024");
        check.fix();
        assertThat(Files.readAllLines(root.resolve(InotifySysctlFix.FILE)))
                .contains("fs.inotify.max_user_watches=524288", "fs.inotify.max_user_instances=1024");
    }

    @Test
    void aLaterFixKeepsWhatAnEarlierOneWroteForTheOtherLimit() throws IOException {
        ProcFs procFs = fixture(10, 128, 10);
        new InotifyLimitCheck(procFs, 1000, 0.8, root).fix();
        Files.writeString(proc.resolve("sys/fs/inotify/max_user_watches"), "524288\n");
        Files.writeString(proc.resolve("sys/fs/inotify/max_user_instances"), "1\n");

        new InotifyLimitCheck(procFs, 1000, 0.8, root).fix();

        assertThat(Files.readAllLines(root.resolve(InotifySysctlFix.FILE)))
                .contains("fs.inotify.max_user_instances=1024", "fs.inotify.max_user_watches=524288");
    }

    @Test
    void withNothingNearTheFixChangesNothing() throws IOException {
        FixResult fix = new InotifyLimitCheck(fixture(100, 128, 1), 1000, 0.8, root).fix();
        assertThat(fix.ok()).isTrue();
        assertThat(fix.detail()).contains("nothing to raise");
        assertThat(root.resolve(InotifySysctlFix.FILE)).doesNotExist();
    }

    @Test
    void unreadableLimitsFailWithThePath() {
        CheckResult r = new InotifyLimitCheck(new ProcFs(proc), 0, 0.8, root).run();
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).contains(proc.resolve("sys/fs/inotify").toString());
    }
}

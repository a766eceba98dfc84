package jsup.healthmon.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InotifyScannerTest {

    @TempDir
    Path dir;

    @Test
    void countsAHelperProcessExactly() throws IOException {
        try (InotifyHolder holder = new InotifyHolder(dir.resolve("w"), 5, 3)) {
            InotifyScanner scanner = new InotifyScanner(ProcFs.SYSTEM);
            assertThat(scanner.usageOf(holder.pid())).isEqualTo(new InotifyUsage(2, 8));

            int uid = ProcFs.SYSTEM.effectiveUid(holder.pid()).orElseThrow();
            InotifyUsage user = scanner.usageOfUser(uid);
            assertThat(user.watches()).isGreaterThanOrEqualTo(8);
            assertThat(user.instances()).isGreaterThanOrEqualTo(2);

            InotifyReport report = scanner.report(List.of(holder.pid()), 0.8);
            assertThat(report.uid()).isEqualTo(uid);
            assertThat(report.app()).isEqualTo(new InotifyUsage(2, 8));
            assertThat(report.limits().maxUserWatches()).isPositive();
        }
    }

    @Test
    void aTreeAddsUpItsProcessesAndIgnoresGonePids() throws IOException {
        try (InotifyHolder a = new InotifyHolder(dir.resolve("a"), 4);
             InotifyHolder b = new InotifyHolder(dir.resolve("b"), 2, 1)) {
            assertThat(new InotifyScanner(ProcFs.SYSTEM).usageOf(List.of(a.pid(), b.pid(), Integer.MAX_VALUE)))
                    .isEqualTo(new InotifyUsage(3, 7));
        }
    }

    @Test
    void warnsWhenTheLimitIsAFixtureValue() throws IOException {
        // The real process's use, against fixture limits: link the real pid dir into a fixture root.
        try (InotifyHolder holder = new InotifyHolder(dir.resolve("w"), 8)) {
            Path proc = Files.createDirectories(dir.resolve("proc"));
            Files.createSymbolicLink(proc.resolve(Integer.toString(holder.pid())),
                    Path.of("/proc/" + holder.pid()));
            Files.createDirectories(proc.resolve("sys/fs/inotify"));
            Files.writeString(proc.resolve("sys/fs/inotify/max_user_instances"), "128\n");

            Files.writeString(proc.resolve("sys/fs/inotify/max_user_watches"), "11\n");
            InotifyScanner scanner = new InotifyScanner(new ProcFs(proc));
            assertThat(scanner.report(Set.of(holder.pid()), 0.8).warning()).as("8 of 11 is below 80%").isEmpty();

            Files.writeString(proc.resolve("sys/fs/inotify/max_user_watches"), "10\n");
            Optional<InotifyWarning> warning = scanner.report(Set.of(holder.pid()), 0.8).warning();
            assertThat(warning).isPresent();
            assertThat(warning.get().message()).contains("holds 8 of 10 watches (80%)").contains("warning at 80%");
        }
    }

    @Test
    void theRatioRuleOnNumbers() {
        InotifyLimits limits = new InotifyLimits(1000, 128);
        InotifyUsage app = new InotifyUsage(1, 10);
        assertThat(InotifyWarning.evaluate(0, app, new InotifyUsage(1, 799), limits, 0.8)).isEmpty();
        assertThat(InotifyWarning.evaluate(0, app, new InotifyUsage(1, 800), limits, 0.8)).isPresent();
        assertThat(InotifyWarning.evaluate(0, app, new InotifyUsage(103, 1), limits, 0.8)).as("instances").isPresent();
        assertThat(InotifyWarning.evaluate(0, app, new InotifyUsage(1, 800), limits, 0.8).get().message())
                .contains("Raise the watches limit (jsup doctor --fix writes fs.inotify.max_user_watches=524288)")
                .doesNotContain("max_user_instances");
        assertThat(InotifyWarning.evaluate(0, app, new InotifyUsage(103, 1), limits, 0.8).get().message())
                .contains("Raise the instances limit (jsup doctor --fix writes fs.inotify.max_user_instances=1024)")
                .contains("opens too many inotify instances").doesNotContain("max_user_watches");
        assertThat(InotifyWarning.evaluate(0, app, new InotifyUsage(103, 900), limits, 0.8).get().message())
                .contains("fs.inotify.max_user_watches=524288 and fs.inotify.max_user_instances=1024");
        assertThat(InotifyWarning.evaluate(0, app, new InotifyUsage(1, 5000),
                new InotifyLimits(InotifyLimits.UNKNOWN, InotifyLimits.UNKNOWN), 0.8)).as("unknown limits").isEmpty();
    }

    @Test
    void limitsComeFromTheProcRoot() throws IOException {
        Path proc = dir.resolve("proc");
        Files.createDirectories(proc.resolve("sys/fs/inotify"));
        Files.writeString(proc.resolve("sys/fs/inotify/max_user_watches"), "8192\n");
        assertThat(InotifyLimits.read(new ProcFs(proc))).isEqualTo(new InotifyLimits(8192, InotifyLimits.UNKNOWN));
        assertThat(InotifyLimits.read(ProcFs.SYSTEM).maxUserWatches())
                .isEqualTo(Long.parseLong(Files.readAllLines(Path.of("/proc/sys/fs/inotify/max_user_watches")).get(0).trim()));
    }
}

package jsup.healthmon.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChecksTest {

    @TempDir
    Path dir;

    @Test
    void staleLocksAreListedUsingThePassedInRule() throws IOException {
        Path locks = Files.createDirectories(dir.resolve(".moltbot"));
        Files.writeString(locks.resolve("gateway.lock"), "999999999");
        Files.writeString(locks.resolve("live.lock"), Long.toString(ProcessHandle.current().pid()));
        Files.writeString(locks.resolve("notes.txt"), "x");
        // The rule the supervisor passes in; here: the pid in the file is not running.
        CheckResult r = new StaleLockCheck(List.of(locks + "/*.lock"), p -> {
            try {
                return ProcessHandle.of(Long.parseLong(Files.readString(p).trim())).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }).run();
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).isEqualTo("1 stale: " + locks.resolve("gateway.lock"));
        assertThat(r.fix()).endsWith("rm " + locks.resolve("gateway.lock"));
    }

    @Test
    void noStaleLocksPasses() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/x.lock"), "1");
        CheckResult r = new StaleLockCheck(List.of(dir + "/**/*.lock", dir + "/missing/*.lock"), p -> false).run();
        assertThat(r.ok()).isTrue();
        assertThat(r.detail()).startsWith("1 lock file(s) match");
    }

    @Test
    void globsExpandOnlyWhatMatches() throws IOException {
        Files.createDirectories(dir.resolve("s/deep"));
        Files.writeString(dir.resolve("s/a.lock"), "");
        Files.writeString(dir.resolve("s/deep/b.lock"), "");
        assertThat(StaleLockCheck.expand(dir + "/s/*.lock")).containsExactly(dir.resolve("s/a.lock"));
        assertThat(StaleLockCheck.expand(dir + "/s/**.lock")).containsExactlyInAnyOrder(dir.resolve("s/a.lock"),
                dir.resolve("s/deep/b.lock"));
        assertThat(StaleLockCheck.expand(dir + "/s/a.lock")).containsExactly(dir.resolve("s/a.lock"));
        assertThatThrownBy(() -> StaleLockCheck.expand("~/.moltbot/*.lock")).hasMessageContaining("~/.moltbot/*.lock");
    }

    @Test
    void freeDiskIsMeasuredUnderTheNearestExistingFolder() {
        Path logs = dir.resolve("jsup/logs");
        CheckResult ok = new FreeDiskCheck(logs, 1).run();
        assertThat(ok.ok()).as(ok.toString()).isTrue();
        assertThat(ok.detail()).contains("free under " + dir).endsWith("(need 1B)");
        CheckResult tooLittle = new FreeDiskCheck(logs, Long.MAX_VALUE).run();
        assertThat(tooLittle.ok()).isFalse();
        assertThat(tooLittle.fix()).contains("jsup flush");
    }

    @Test
    void sizesReadShort() {
        assertThat(FreeDiskCheck.size(100L * 1024 * 1024)).isEqualTo("100M");
        assertThat(FreeDiskCheck.size(3435973837L)).isEqualTo("3.2G");
        assertThat(FreeDiskCheck.size(512)).isEqualTo("512B");
    }

    @Test
    void javaVersionNeeds17() {
        assertThat(new JavaVersionCheck().run().ok()).isTrue();
        CheckResult old = new JavaVersionCheck(Runtime.Version.parse("11.0.2"), "/opt/java11").run();
        assertThat(old.ok()).isFalse();
        assertThat(old.detail()).isEqualTo("Java 11.0.2 at /opt/java11 is older than 17");
        assertThat(old.fix()).contains("Java 17 or newer");
    }
}

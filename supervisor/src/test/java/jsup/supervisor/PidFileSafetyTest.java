package jsup.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import jsup.supervisor.internal.FileRedirectOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app's pid_file is written atomically through a fresh temp file, never through a planted symlink. */
class PidFileSafetyTest {

    @TempDir
    Path dir;

    private Supervisor supervisor;

    @BeforeEach
    void start() {
        supervisor = new Supervisor(SupervisorSettings.defaults(new SupervisorListener() {
        }), FileRedirectOutput::new);
    }

    @AfterEach
    void stopEverything() {
        supervisor.close();
    }

    @Test
    void aSymlinkAtThePidFilesTempNameDoesNotRedirectTheWrite() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious\n");
        Path pidFile = dir.resolve("app.pid");
        Files.createSymbolicLink(dir.resolve("app.pid.tmp"), victim);
        supervisor.add(TestApps.bash("pid", dir, "exec sleep 30").pidFile(pidFile).build());

        long pid = supervisor.start("pid").pid();

        assertThat(victim).hasContent("precious");
        assertThat(Files.isRegularFile(pidFile, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(pidFile).hasContent(Long.toString(pid));
        supervisor.stop("pid").join();
    }
}

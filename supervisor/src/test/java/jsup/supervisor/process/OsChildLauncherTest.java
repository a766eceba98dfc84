package jsup.supervisor.process;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.log.TestApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app's restarts reuse the command made for its definition; a new definition gets its own. */
class OsChildLauncherTest {

    @TempDir
    Path dir;

    @Test
    void restartsOfOneDefinitionStartTheSameCommandAndANewDefinitionStartsItsOwn() throws Exception {
        OsChildLauncher launcher = new OsChildLauncher(ProcFs.SYSTEM, Map.of("JSUP_TEST_MARK", "mark"));
        Path out = dir.resolve("out");
        String script = "echo \"$GREETING $JSUP_TEST_MARK $JSUP_APP $(pwd) $PATH\" >> " + out;
        AppSpec first = TestApps.app("greeter", dir).script("/bin/sh", "-c", script).env("GREETING", "one").build();
        AppSpec second = TestApps.app("greeter", dir).script("/bin/sh", "-c", script).env("GREETING", "two").build();

        Pipe pipe = Pipe.open();
        try {
            ChildOutput output = new PipeOutput(PipeFds.of(pipe.sink()));
            for (AppSpec spec : List.of(first, first, second, first)) {
                Child child = launcher.launch(spec, output);
                assertThat(child.exited().get(60, SECONDS).code()).isZero();
            }
        } finally {
            pipe.sink().close();
            pipe.source().close();
        }

        // jsupd's own environment is inherited: this JVM's PATH stands in for any of its variables.
        String where = dir.toRealPath() + " " + System.getenv("PATH");
        assertThat(Files.readAllLines(out)).containsExactly("one mark greeter " + where, "one mark greeter " + where,
                "two mark greeter " + where, "one mark greeter " + where);
    }

    @Test
    void forgettingADeletedAppDropsItsCommand() throws Exception {
        OsChildLauncher launcher = new OsChildLauncher(ProcFs.SYSTEM, Map.of());
        AppSpec spec = TestApps.app("short", dir).script("/bin/true").build();
        Pipe pipe = Pipe.open();
        try {
            Child child = launcher.launch(spec, new PipeOutput(PipeFds.of(pipe.sink())));
            assertThat(child.exited().get(60, SECONDS).code()).isZero();
        } finally {
            pipe.sink().close();
            pipe.source().close();
        }
        assertThat(launcher.keepsCommandFor("short")).isTrue();
        launcher.forget("short");
        assertThat(launcher.keepsCommandFor("short")).as("dropped with the app").isFalse();
    }

    /** Output to a pipe nobody reads (as jsupd's, so the spawn is native where it can be); the script writes a file. */
    private record PipeOutput(int fd) implements ChildOutput {
        @Override
        public Run open() {
            return new Run() {
                @Override
                public ChildStdio stdio() {
                    return new ChildStdio.Descriptors(fd, fd);
                }

                @Override
                public CompletableFuture<Void> started(Process process) {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void abandon() {
                }
            };
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

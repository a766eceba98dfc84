package jsup.supervisor;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.internal.FileRedirectOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Supervisor#redefine}: a new definition in place, with real bash children; the id and history stay. */
class SupervisorRedefineTest {

    @TempDir
    Path dir;

    private final List<Path> pidFiles = new ArrayList<>();
    private Supervisor supervisor;

    @BeforeEach
    void start() {
        supervisor = new Supervisor(SupervisorSettings.defaults(new SupervisorListener() { }), FileRedirectOutput::new);
    }

    @AfterEach
    void stopEverything() {
        supervisor.close();
        ProcessFixtures.killAll(pidFiles);
    }

    /** Writes its pid and $MODE to {@code <name>-<mode>.pid}, then sleeps. */
    private AppSpec app(String name, String mode) {
        Path pid = dir.resolve(name + "-" + mode + ".pid");
        pidFiles.add(pid);
        return TestApps.bash(name, dir, "echo $$ > " + dir.resolve(name + "-$MODE.pid") + "; exec sleep 30")
                .env("MODE", mode).build();
    }

    @Test
    void aRunningAppIsRestartedWithTheNewDefinitionKeepingItsIdAndHistory() {
        AppStatus added = supervisor.add(app("web", "old"));
        AppStatus first = supervisor.start("web");
        await().atMost(5, SECONDS).until(() -> Files.exists(dir.resolve("web-old.pid")));

        AppStatus after = supervisor.redefine(app("web", "new"), true, "redeploy: env.MODE").join();

        assertThat(after.id()).isEqualTo(added.id());
        assertThat(after.status()).isEqualTo(ProcessStatus.ONLINE);
        assertThat(after.pid()).isPositive().isNotEqualTo(first.pid());
        assertThat(after.spec().env()).containsEntry("MODE", "new");
        assertThat(after.restarts()).isEqualTo(1);
        assertThat(after.restartHistory()).extracting(RestartRecord::reason).containsExactly("redeploy: env.MODE");
        await().atMost(5, SECONDS).until(() -> Files.exists(dir.resolve("web-new.pid")));
        assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aStoppedAppTakesTheDefinitionWithoutStartingOrCountingARestart() {
        supervisor.add(app("idle", "old"));

        AppStatus after = supervisor.redefine(app("idle", "new"), false, "redeploy: env.MODE").join();

        assertThat(after.status()).isEqualTo(ProcessStatus.STOPPED);
        assertThat(after.spec().env()).containsEntry("MODE", "new");
        assertThat(after.restarts()).isZero();
        assertThat(supervisor.status("idle").orElseThrow().spec().env()).containsEntry("MODE", "new");
    }

    @Test
    void anUnknownAppIsNoSuchElement() {
        assertThatThrownBy(() -> supervisor.redefine(app("ghost", "x"), true, "r").join())
                .isInstanceOfAny(NoSuchElementException.class, CompletionException.class)
                .hasMessageContaining("unknown app: ghost");
    }
}

package jsup.supervisor;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.internal.FileRedirectOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Supervisor#addAll} and {@link Supervisor#startAll}: many apps at once, with real bash children. */
class SupervisorBatchStartTest {

    @TempDir
    Path dir;

    private final List<String> spawns = new CopyOnWriteArrayList<>();
    private final List<Path> pidFiles = new ArrayList<>();
    private Supervisor supervisor;

    @BeforeEach
    void start() {
        SupervisorListener listener = new SupervisorListener() {
            @Override
            public void onSpawn(String app, long pid, long startTime) {
                spawns.add(app + " " + pid);
            }
        };
        supervisor = new Supervisor(SupervisorSettings.defaults(listener), FileRedirectOutput::new);
    }

    @AfterEach
    void stopEverything() {
        supervisor.close();
        ProcessFixtures.killAll(pidFiles);
    }

    private AppSpec sleeper(String name) {
        Path pid = dir.resolve(name + ".pid");
        pidFiles.add(pid);
        return TestApps.bash(name, dir, "echo $$ > " + pid + "; exec sleep 30").build();
    }

    @Test
    void everyAppIsOnlineWithItsOwnPidWhenStartAllReturns() {
        List<String> names = new ArrayList<>();
        List<AppSpec> specs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add("app" + i);
            specs.add(sleeper("app" + i));
        }
        supervisor.addAll(specs);

        List<AppStatus> started = supervisor.startAll(names);

        assertThat(started).extracting(AppStatus::name).containsExactlyElementsOf(names);
        assertThat(started).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(ProcessStatus.ONLINE);
            assertThat(s.pid()).isPositive();
        });
        assertThat(started).extracting(AppStatus::pid).doesNotHaveDuplicates();
        for (AppStatus s : started) {
            // The pid returned is the script's own $$, and the listener heard the same spawn.
            Path pidFile = dir.resolve(s.name() + ".pid");
            await().atMost(30, SECONDS).until(() -> ProcessFixtures.pidIn(pidFile) > 0);
            assertThat((long) ProcessFixtures.pidIn(pidFile)).isEqualTo(s.pid());
            assertThat(spawns).contains(s.name() + " " + s.pid());
            assertThat(supervisor.status(s.name()).orElseThrow().pid()).isEqualTo(s.pid());
        }
    }

    @Test
    void aCommandThatCannotRunIsErroredAndTheOthersStillStart() {
        supervisor.addAll(List.of(sleeper("good"),
                TestApps.app("bad", dir).interpreter("/no/such/program").build()));

        List<AppStatus> started = supervisor.startAll(List.of("bad", "good"));

        assertThat(started.get(0).status()).isEqualTo(ProcessStatus.ERRORED);
        assertThat(started.get(0).statusReason()).contains("/no/such/program");
        assertThat(started.get(1).status()).isEqualTo(ProcessStatus.ONLINE);
    }

    @Test
    void startingWhatRunsChangesNothing() {
        supervisor.addAll(List.of(sleeper("once")));
        long pid = supervisor.startAll(List.of("once")).get(0).pid();

        AppStatus again = supervisor.startAll(List.of("once")).get(0);

        assertThat(again.status()).isEqualTo(ProcessStatus.ONLINE);
        assertThat(again.pid()).isEqualTo(pid);
        assertThat(spawns).hasSize(1);
    }

    @Test
    void anUnknownNameStartsNothing() {
        supervisor.addAll(List.of(sleeper("known")));

        assertThatThrownBy(() -> supervisor.startAll(List.of("known", "ghost")))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("unknown app: ghost");
        assertThat(supervisor.status("known").orElseThrow().status()).isEqualTo(ProcessStatus.STOPPED);
        assertThat(spawns).isEmpty();
    }

    @Test
    void addAllAddsNoneWhenANameIsTaken() {
        supervisor.add(sleeper("taken"));

        assertThatThrownBy(() -> supervisor.addAll(List.of(sleeper("fresh"), sleeper("taken"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("app taken already exists");
        assertThat(supervisor.list()).extracting(AppStatus::name).containsExactly("taken");
    }

    @Test
    void aStopRightAfterTheBatchLeavesNoProcess() {
        List<AppSpec> specs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            specs.add(sleeper("s" + i));
            names.add("s" + i);
        }
        supervisor.addAll(specs);
        List<AppStatus> started = supervisor.startAll(names);

        supervisor.stopAll().join();

        for (AppStatus s : started) {
            assertThat(supervisor.status(s.name()).orElseThrow().status()).isEqualTo(ProcessStatus.STOPPED);
            await().atMost(30, SECONDS).until(() -> !ProcessFixtures.alive((int) s.pid()));
        }
    }
}

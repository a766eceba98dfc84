package jsup.supervisor.daemon;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.StartedProcesses;
import jsup.supervisor.UnreadableProcFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a jsupd that starts after a crash stops, and what it refuses to guess. */
class LeftoversTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StartedProcesses processes = new StartedProcesses();

    private Process sleeper() throws IOException {
        return processes.start("sleep", "30");
    }

    private static StateFile.Entry entry(String app, ProcessIdentity process) {
        return new StateFile.Entry(app, true, process, "TERM", Duration.ofMillis(500), null);
    }

    @Test
    void aRecordedPidWithoutAStartTimeIsNeverSignalled() throws Exception {
        Process stranger = sleeper(); // holds the recorded pid now: e.g. someone's login shell
        List<String> stopped = Leftovers.stop(List.of(entry("web", new ProcessIdentity((int) stranger.pid(), -1))),
                ProcFs.SYSTEM, JsupHome.of(dir));
        assertThat(stopped).isEmpty();
        assertThat(stranger.waitFor(300, MILLISECONDS)).isFalse();
        assertThat(stranger.isAlive()).isTrue();
    }

    @Test
    void aRecordedProcessWithItsStartTimeIsStopped() throws Exception {
        Process app = sleeper();
        long start = StartedProcesses.startTime(app);
        List<String> stopped = Leftovers.stop(List.of(entry("web", new ProcessIdentity((int) app.pid(), start))),
                ProcFs.SYSTEM, JsupHome.of(dir));
        assertThat(stopped).containsExactly("web");
        assertThat(app.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anUnreadableProcIsAnErrorNeverNothingLeftRunning() throws Exception {
        Process app = sleeper();
        long start = StartedProcesses.startTime(app);
        UnreadableProcFs procFs = new UnreadableProcFs();
        procFs.unreadable = true;
        assertThatThrownBy(() -> Leftovers.stop(List.of(entry("web", new ProcessIdentity((int) app.pid(), start))),
                procFs, JsupHome.of(dir)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read /proc/" + app.pid() + "/stat")
                .hasMessageContaining("so none is started");
        assertThatThrownBy(() -> Leftovers.stop(List.of(), procFs, JsupHome.of(dir)))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot read /proc");
        assertThat(app.isAlive()).isTrue();
    }
}

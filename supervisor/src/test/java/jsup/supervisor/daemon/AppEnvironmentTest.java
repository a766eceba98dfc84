package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jsup.supervisor.AppStatus;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.TestApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppEnvironmentTest {

    @TempDir
    Path dir;

    private AppStatus stopped(TestApps app) {
        return new AppStatus(0, app.build(), ProcessStatus.STOPPED, false, 0, null, 0, 0, null, null, 0, 0,
                List.of(), List.of());
    }

    @Test
    void theNextStartLayersJsupdsEnvironmentThenTheAppsEnvThenTheMarksWhichAnAppCannotHide() {
        AppStatus app = stopped(TestApps.app("web", dir).env("PORT", "8080").env("PATH", "/app/bin")
                .env("JSUP_HOME", "/elsewhere").env("JSUP_APP", "other"));

        AppEnvironment env = AppEnvironment.of(app, Map.of("JSUP_HOME", "/home/u/.jsup"),
                Map.of("PATH", "/usr/bin", "LANG", "C.UTF-8"));

        assertThat(env.source()).isEqualTo(AppEnvironment.FOR_NEXT_START);
        assertThat(env.pid()).isZero();
        assertThat(env.variables()).containsEntry("LANG", "C.UTF-8").containsEntry("PATH", "/app/bin")
                .containsEntry("PORT", "8080").containsEntry("JSUP_HOME", "/home/u/.jsup")
                .containsEntry("JSUP_APP", "web");
        assertThat(env.toJson().path("env").path("PORT").asText()).isEqualTo("8080");
    }

    @Test
    void readsNulSeparatedEntriesKeepingEqualsSignsInValuesAndNothingForAMissingFile() throws Exception {
        Path environ = Files.write(dir.resolve("environ"), "A=1\0B=x=y\0EMPTY=\0\0".getBytes());

        assertThat(AppEnvironment.read(environ)).hasValueSatisfying(vars ->
                assertThat(vars).containsExactly(Map.entry("A", "1"), Map.entry("B", "x=y"), Map.entry("EMPTY", "")));
        assertThat(AppEnvironment.read(dir.resolve("gone"))).isEmpty();
    }

    @Test
    void aRunningAppIsReadFromItsProcess() {
        long self = ProcessHandle.current().pid();
        AppStatus running = new AppStatus(0, TestApps.app("self", dir).build(), ProcessStatus.ONLINE, true, self,
                null, 0, 0, null, null, 0, 0, List.of(), List.of());

        AppEnvironment env = AppEnvironment.of(running, Map.of(), Map.of());

        assertThat(env.source()).isEqualTo(AppEnvironment.FROM_PROCESS);
        assertThat(env.pid()).isEqualTo(self);
        assertThat(env.variables()).containsAllEntriesOf(System.getenv());
    }
}

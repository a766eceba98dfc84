package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import jsup.supervisor.AppStatus;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.TestApps;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ErrorCode;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final Path DIR = Path.of("/tmp");

    private final List<AppStatus> apps = List.of(
            app(0, "web", "front"), app(1, "api", "back"), app(2, "worker", "back"), app(3, "7", "default"));

    @Test
    void allMeansEveryAppInIdOrder() throws ControlException {
        assertThat(names(Targets.resolve("all", apps))).containsExactly("web", "api", "worker", "7");
    }

    @Test
    void anIdWinsOverANameThatLooksLikeOne() throws ControlException {
        assertThat(names(Targets.resolve("1", apps))).containsExactly("api");
        assertThat(names(Targets.resolve("7", apps))).containsExactly("7");
    }

    @Test
    void aNameThenANamespace() throws ControlException {
        assertThat(names(Targets.resolve("worker", apps))).containsExactly("worker");
        assertThat(names(Targets.resolve("back", apps))).containsExactly("api", "worker");
    }

    @Test
    void nothingMatchingIsUnknownAppListingTheKnownOnes() {
        assertThatThrownBy(() -> Targets.resolve("db", apps))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_APP);
                    assertThat(e.getMessage()).contains("\"db\"").contains("0:web").contains("2:worker");
                });
        assertThatThrownBy(() -> Targets.resolve("db", List.of()))
                .hasMessageContaining("no apps are registered");
    }

    @Test
    void aNameMeansEveryInstanceAndNameColonNOneOfThem() throws ControlException {
        List<AppStatus> set = List.of(app(0, "web", "front"), app(1, "api", "back"), app(2, "api:1", "back"),
                app(3, "api:2", "back"));
        assertThat(names(Targets.resolve("api", set))).containsExactly("api", "api:1", "api:2");
        assertThat(names(Targets.resolve("api:0", set))).containsExactly("api");
        assertThat(names(Targets.resolve("api:2", set))).containsExactly("api:2");
        assertThat(names(Targets.resolve("3", set))).containsExactly("api:2");
        assertThatThrownBy(() -> Targets.resolve("api:7", set)).hasMessageContaining("\"api:7\"");
    }

    private static AppStatus app(int id, String name, String namespace) {
        AppSpec s = TestApps.app(name, DIR).build();
        AppSpec spec = new AppSpec(s.name(), s.script(), s.args(), s.interpreter(), s.interpreterArgs(), s.cwd(),
                s.env(), s.autorestart(), s.autostart(), s.stopExitCodes(), s.minUptime(), s.maxRestarts(),
                s.restartDelay(), s.expBackoffRestartDelay(), s.backoffFactor(), s.backoffMax(), s.backoffReset(),
                s.maxMemoryRestart(), s.memoryCheckInterval(), s.killTimeout(), s.killSignal(), s.outFile(),
                s.errorFile(), s.logFile(), s.mergeLogs(), s.logDateFormat(), s.time(), s.logMaxSize(),
                s.logRetain(), s.logCompress(), s.pidFile(), namespace, s.preStart(), s.health(), s.readiness(),
                s.dependsOn(), s.dependsTimeout(), s.cronRestart(), s.watch(), s.notifications());
        return new AppStatus(id, spec, ProcessStatus.STOPPED, false, 0, null, 0, 0, null, null, 0, 0, List.of(),
                List.of());
    }

    private static List<String> names(List<AppStatus> apps) {
        return apps.stream().map(AppStatus::name).toList();
    }
}

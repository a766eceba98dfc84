package jsup.supervisor.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.config.DependencyCondition;
import org.junit.jupiter.api.Test;

/** The depends_on decision with a fake clock. */
class DependencyGateTest {

    private static final long S = 1_000_000_000L;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, DependencyGate.Peer> peers = new HashMap<>();

    private DependencyGate.Verdict check(Map<String, DependencyCondition> deps, long now) {
        return DependencyGate.check(deps, peers::get, TIMEOUT, 0, now);
    }

    private static Map<String, DependencyCondition> deps(Object... pairs) {
        Map<String, DependencyCondition> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (DependencyCondition) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void healthyWaitsForReadyNotJustOnline() {
        peers.put("db", new DependencyGate.Peer(ProcessStatus.ONLINE, false, null));
        assertThat(check(deps("db", DependencyCondition.HEALTHY), S))
                .isEqualTo(new DependencyGate.Wait("db (healthy)"));
        peers.put("db", new DependencyGate.Peer(ProcessStatus.ONLINE, true, null));
        assertThat(check(deps("db", DependencyCondition.HEALTHY), S)).isInstanceOf(DependencyGate.Go.class);
    }

    @Test
    void startedIsMetOnceTheProcessRuns() {
        peers.put("db", new DependencyGate.Peer(ProcessStatus.LAUNCHING, false, null));
        assertThat(check(deps("db", DependencyCondition.STARTED), S)).isInstanceOf(DependencyGate.Wait.class);
        peers.put("db", new DependencyGate.Peer(ProcessStatus.ONLINE, false, null));
        assertThat(check(deps("db", DependencyCondition.STARTED), S)).isInstanceOf(DependencyGate.Go.class);
    }

    @Test
    void completedSuccessfullyNeedsExitCodeZeroAndFailsAtOnceOnAnotherExit() {
        peers.put("migrate", new DependencyGate.Peer(ProcessStatus.STOPPED, false, "exit code 0"));
        assertThat(check(deps("migrate", DependencyCondition.COMPLETED_SUCCESSFULLY), S))
                .isInstanceOf(DependencyGate.Go.class);
        peers.put("migrate", new DependencyGate.Peer(ProcessStatus.STOPPED, false, "exit code 2"));
        assertThat(check(deps("migrate", DependencyCondition.COMPLETED_SUCCESSFULLY), S)).isEqualTo(
                new DependencyGate.Fail("dependency migrate ended with exit code 2 (completed_successfully was needed)"));
    }

    @Test
    void anErroredDependencyFailsAtOnce() {
        peers.put("db", new DependencyGate.Peer(ProcessStatus.ERRORED, false, "exit code 1"));
        assertThat(check(deps("db", DependencyCondition.STARTED), S))
                .isEqualTo(new DependencyGate.Fail("dependency db is errored (started was needed)"));
    }

    @Test
    void theTimeoutEndsTheWaitNamingWhatWasMissing() {
        peers.put("db", new DependencyGate.Peer(ProcessStatus.ONLINE, false, null));
        peers.put("cache", new DependencyGate.Peer(ProcessStatus.ONLINE, true, null));
        Map<String, DependencyCondition> d = deps("db", DependencyCondition.HEALTHY, "cache",
                DependencyCondition.HEALTHY);
        assertThat(check(d, 60 * S - 1)).isInstanceOf(DependencyGate.Wait.class);
        assertThat(check(d, 60 * S)).isEqualTo(
                new DependencyGate.Fail("dependency db (healthy) not met within 1m (depends_timeout)"));
        assertThat(DependencyGate.deadline(TIMEOUT, 0)).isEqualTo(60 * S);
    }

    @Test
    void anUnknownDependencyFails() {
        assertThat(check(deps("gone", DependencyCondition.STARTED), 0)).isInstanceOf(DependencyGate.Fail.class);
    }

    @Test
    void aDependencyOnAnAppCoversTheInstancesAddedSinceTheLoad() {
        Map<String, DependencyCondition> loaded = deps("api", DependencyCondition.HEALTHY, "api:1",
                DependencyCondition.HEALTHY, "db", DependencyCondition.STARTED);
        Map<String, java.util.List<String>> registered = Map.of("api", java.util.List.of("api", "api:1", "api:2"),
                "db", java.util.List.of("db"));
        Map<String, DependencyCondition> widened = DependencyGate.withInstances(loaded, registered::get);
        assertThat(widened).containsOnlyKeys("api", "api:1", "db", "api:2");
        assertThat(widened.get("api:2")).isEqualTo(DependencyCondition.HEALTHY);

        // scaled up: the new instance is not ready, so the dependent waits for it
        peers.put("api", new DependencyGate.Peer(ProcessStatus.ONLINE, true, null));
        peers.put("api:1", new DependencyGate.Peer(ProcessStatus.ONLINE, true, null));
        peers.put("api:2", new DependencyGate.Peer(ProcessStatus.LAUNCHING, false, null));
        peers.put("db", new DependencyGate.Peer(ProcessStatus.ONLINE, true, null));
        assertThat(check(widened, S)).isEqualTo(new DependencyGate.Wait("api:2 (healthy)"));
        // nothing to add: the same map
        assertThat(DependencyGate.withInstances(deps("api:1", DependencyCondition.HEALTHY), registered::get))
                .containsOnlyKeys("api:1");
    }
}

package jsup.supervisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jsup.supervisor.ProcessStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every (status, event) cell: each edge listed here exists, every other cell is refused. */
class TransitionTableTest {

    /** The lifecycle as written in docs: from status, event, to status. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("stopped START", "launching"),
            Map.entry("errored START", "launching"),
            Map.entry("errored STOP", "stopped"),
            Map.entry("launching SPAWNED", "online"),
            Map.entry("launching LAUNCH_FAILED", "errored"),
            Map.entry("launching STOP", "stopped"),
            Map.entry("online EXIT_RESTART", "launching"),
            Map.entry("online EXIT_RESTART_DELAYED", "waiting restart"),
            Map.entry("online EXIT_STAY", "stopped"),
            Map.entry("online EXIT_GIVE_UP", "errored"),
            Map.entry("online STOP", "stopping"),
            Map.entry("online RESTART", "stopping"),
            Map.entry("waiting restart DELAY_ELAPSED", "launching"),
            Map.entry("waiting restart START", "launching"),
            Map.entry("waiting restart STOP", "stopped"),
            Map.entry("stopping STOP_DONE", "stopped"),
            Map.entry("stopping STOP_DONE_RELAUNCH", "launching"),
            Map.entry("stopping STOP_FAILED", "errored"));

    static Stream<Arguments> cells() {
        List<Arguments> all = new ArrayList<>();
        for (ProcessStatus from : ProcessStatus.values()) {
            for (LifecycleEvent event : LifecycleEvent.values()) {
                all.add(Arguments.of(from, event));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("cells")
    void cell(ProcessStatus from, LifecycleEvent event) {
        Optional<String> expected = Optional.ofNullable(EXPECTED.get(from.label() + " " + event));
        assertThat(TransitionTable.next(from, event).map(ProcessStatus::label)).isEqualTo(expected);
    }
}

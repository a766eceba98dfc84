package jsup.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite-wide Awaitility settings are in force without a test asking for them (autodetected extension). */
class AwaitilityDefaultsTest {

    @Test
    void awaitPollsAtTheSuiteInterval() {
        List<Duration> intervals = new ArrayList<>();
        await().conditionEvaluationListener(condition -> intervals.add(condition.getPollInterval()))
                .until(() -> true);
        assertThat(intervals).isNotEmpty().allMatch(AwaitilityDefaults.POLL_INTERVAL::equals);
    }
}

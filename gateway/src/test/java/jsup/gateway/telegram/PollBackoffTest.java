package jsup.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollBackoffTest {

    @Test
    void doublesFromTwoSecondsUpToThirty() {
        PollBackoff backoff = new PollBackoff(PollBackoff.INITIAL, PollBackoff.MAX);
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seconds.add(backoff.next().toSeconds());
        }
        assertThat(seconds).containsExactly(2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void resetStartsAgainAtTwoSeconds() {
        PollBackoff backoff = new PollBackoff(PollBackoff.INITIAL, PollBackoff.MAX);
        backoff.next();
        backoff.next();
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new PollBackoff(Duration.ZERO, PollBackoff.MAX)).hasMessageContaining("initial backoff <= 0");
        assertThatThrownBy(() -> new PollBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("max backoff PT1S < initial PT5S");
    }
}

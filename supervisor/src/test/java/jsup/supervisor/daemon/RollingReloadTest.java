package jsup.supervisor.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.daemon.RollingReload.Action;
import jsup.supervisor.daemon.RollingReload.Step;
import org.junit.jupiter.api.Test;

/** The rolling reload's order and scale's counts, as pure functions. */
class RollingReloadTest {

    @Test
    void aSpareStartsFirstThenEachInstanceInTurnThenTheSpareGoes() {
        assertThat(RollingReload.plan(List.of(0, 1, 2))).containsExactly(
                new Step(Action.START_SPARE, 3), new Step(Action.REPLACE, 0), new Step(Action.REPLACE, 1),
                new Step(Action.REPLACE, 2), new Step(Action.STOP_SPARE, 3));
    }

    @Test
    void theSpareTakesTheIdAfterTheHighestEvenWithAGap() {
        assertThat(RollingReload.plan(List.of(0, 2))).first().isEqualTo(new Step(Action.START_SPARE, 3));
        assertThat(RollingReload.plan(List.of(0, 2))).last().isEqualTo(new Step(Action.STOP_SPARE, 3));
    }

    @Test
    void readyInstancesNeverDropBelowTheCountLessNone() {
        // Counting the ready instances through the plan of 4: never fewer than 4 once the spare is up.
        int ready = 4;
        int least = ready;
        for (Step step : RollingReload.plan(List.of(0, 1, 2, 3))) {
            switch (step.action()) {
                case START_SPARE -> ready++;
                case REPLACE -> least = Math.min(least, ready - 1); // the one being replaced is down
                case STOP_SPARE -> ready--;
            }
        }
        assertThat(least).isEqualTo(4);
        assertThat(ready).isEqualTo(4);
    }

    @Test
    void scaleTakesACountMoreFewerOrMax() throws ControlException {
        assertThat(Scaling.target("4", 2, 8)).isEqualTo(4);
        assertThat(Scaling.target("+3", 2, 8)).isEqualTo(5);
        assertThat(Scaling.target("-1", 2, 8)).isEqualTo(1);
        assertThat(Scaling.target("max", 2, 8)).isEqualTo(8);
    }

    @Test
    void scaleRefusesNonsenseAndZeroNamingTheValue() {
        assertThatThrownBy(() -> Scaling.target("lots", 2, 8)).hasMessageContaining("\"lots\" is not a count");
        assertThatThrownBy(() -> Scaling.target("-2", 2, 8)).hasMessageContaining("\"-2\" gives 0 instances")
                .hasMessageContaining("jsup stop");
    }
}

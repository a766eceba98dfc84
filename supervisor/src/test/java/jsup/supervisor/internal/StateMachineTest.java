package jsup.supervisor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.SupervisorListener;
import jsup.supervisor.Transition;
import org.junit.jupiter.api.Test;

class StateMachineTest {

    private final List<Transition> heard = new ArrayList<>();
    private final StateMachine machine = new StateMachine("web", new SupervisorListener() {
        @Override
        public void onTransition(String app, Transition t) {
            heard.add(t);
        }
    });

    @Test
    void recordsEveryTransitionWithItsTimeAndTellsTheListener() {
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t2 = t1.plusMillis(5);
        machine.fire(LifecycleEvent.START, "start requested", t1);
        machine.fire(LifecycleEvent.SPAWNED, "pid 42", t2);
        assertThat(machine.status()).isEqualTo(ProcessStatus.ONLINE);
        assertThat(machine.transitions()).containsExactly(
                new Transition(t1, ProcessStatus.STOPPED, ProcessStatus.LAUNCHING, "start requested"),
                new Transition(t2, ProcessStatus.LAUNCHING, ProcessStatus.ONLINE, "pid 42"));
        assertThat(heard).isEqualTo(machine.transitions());
    }

    @Test
    void refusesAnEdgeThatIsNotInTheTableAndStaysPut() {
        assertThatThrownBy(() -> machine.fire(LifecycleEvent.SPAWNED, "pid 1", Instant.EPOCH))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("app web: no transition for event SPAWNED in status stopped");
        assertThat(machine.status()).isEqualTo(ProcessStatus.STOPPED);
        assertThat(machine.transitions()).isEmpty();
    }

    @Test
    void keepsTheLastHundredTransitions() {
        for (int i = 0; i < 60; i++) {
            machine.fire(LifecycleEvent.START, "start " + i, Instant.EPOCH.plusSeconds(i));
            machine.fire(LifecycleEvent.STOP, "stop " + i, Instant.EPOCH.plusSeconds(i));
        }
        List<Transition> kept = machine.transitions();
        assertThat(kept).hasSize(StateMachine.KEPT_TRANSITIONS);
        assertThat(kept.get(0).reason()).isEqualTo("start 10");
        assertThat(kept.get(99).reason()).isEqualTo("stop 59");
    }
}

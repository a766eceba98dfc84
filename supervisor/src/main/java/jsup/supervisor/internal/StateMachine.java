package jsup.supervisor.internal;

import java.time.Instant;
import java.util.List;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.SupervisorListener;
import jsup.supervisor.Transition;

/**
 * The observed status of one app. {@link #fire} is the only place it changes: it checks the edge
 * against {@link TransitionTable}, records the transition with its time (the last
 * {@value #KEPT_TRANSITIONS}) and tells the listener.
 */
public final class StateMachine {

    static final int KEPT_TRANSITIONS = 100;

    private final String app;
    private final SupervisorListener listener;
    private final BoundedHistory<Transition> transitions = new BoundedHistory<>(KEPT_TRANSITIONS);
    private ProcessStatus status = ProcessStatus.STOPPED;

    public StateMachine(String app, SupervisorListener listener) {
        this.app = app;
        this.listener = listener;
    }

    public ProcessStatus status() {
        return status;
    }

    public boolean is(ProcessStatus... any) {
        for (ProcessStatus s : any) {
            if (s == status) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes the edge ({@code status}, {@code event}).
     *
     * @throws IllegalTransitionException when the table has no such edge
     */
    public ProcessStatus fire(LifecycleEvent event, String reason, Instant at) {
        ProcessStatus to = TransitionTable.next(status, event)
                .orElseThrow(() -> new IllegalTransitionException(app, status, event));
        Transition t = new Transition(at, status, to, reason);
        status = to;
        transitions.add(t);
        listener.onTransition(app, t);
        return to;
    }

    public List<Transition> transitions() {
        return transitions.toList();
    }
}

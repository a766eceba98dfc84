package jsup.supervisor.internal;

import java.time.Clock;
import java.util.concurrent.Executor;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.SupervisorListener;
import jsup.supervisor.prestart.PreStartResult;
import jsup.supervisor.prestart.PreStartRunner;

/** The engine's pre-start hook: {@link PreStartRunner}, with its messages sent to the listener. */
public final class PreStartSteps {

    private PreStartSteps() {
    }

    /**
     * @param engineThread where the listener is called (it is only ever called on the engine thread)
     */
    public static PreStartHook hook(ProcFs procFs, Clock clock, SupervisorListener listener,
                                    Executor engineThread) {
        return spec -> {
            PreStartRunner runner = new PreStartRunner(procFs, clock,
                    message -> engineThread.execute(() -> listener.onMessage(spec.name(), message)));
            PreStartResult result = runner.run(spec);
            return new PreStartHook.Outcome(result.ok(), result.reason());
        };
    }
}

package jsup.supervisor.internal;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import jsup.supervisor.SupervisorListener;
import jsup.supervisor.process.ChildLauncher;
import jsup.supervisor.process.ChildOutput;

/**
 * What every {@link ManagedApp} shares: the seams to the OS and to time.
 *
 * @param listener     hears transitions, spawns and messages (on the engine thread)
 * @param wallClock    for the times shown to people (transitions, restart history)
 * @param ticker       monotonic nanoseconds: every deadline is measured with it
 * @param engineThread runs a task on the engine thread, after the current one
 * @param workers      runs blocking work (pre-start steps) off the engine thread
 * @param launcher     starts processes
 * @param preStart     runs pre-start steps
 * @param outputs      opens an app's log output
 */
public record EngineContext(SupervisorListener listener, Clock wallClock, LongSupplier ticker,
                            Executor engineThread, Executor workers, ChildLauncher launcher,
                            PreStartHook preStart, ChildOutput.Factory outputs) {
}

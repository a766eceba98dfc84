package jsup.supervisor.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.SupervisorListener;
import jsup.supervisor.Transition;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.process.ChildLauncher;
import jsup.supervisor.process.LaunchException;

/**
 * A fake engine around one {@link ManagedApp}: a clock that moves only when told, an engine thread
 * that is a queue run by {@link #runTasks}, a launcher that hands out {@link FakeChild}ren, and a
 * listener that records everything.
 */
final class EngineHarness {

    long nowNanos = Duration.ofDays(1).toNanos();
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    final List<FakeChild> children = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<Transition> transitions = new ArrayList<>();
    String launchFailure;
    PreStartHook preStart = PreStartHook.NONE;
    final ManagedApp app;

    EngineHarness(AppSpec spec) {
        SupervisorListener listener = new SupervisorListener() {
            @Override
            public void onTransition(String app, Transition t) {
                transitions.add(t);
            }

            @Override
            public void onMessage(String app, String message) {
                messages.add(message);
            }
        };
        ChildLauncher launcher = (s, out) -> {
            if (launchFailure != null) {
                throw new LaunchException(launchFailure);
            }
            FakeChild child = new FakeChild(100 + children.size());
            children.add(child);
            return child;
        };
        Clock wall = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.EPOCH.plusNanos(nowNanos);
            }
        };
        EngineContext ctx = new EngineContext(listener, wall, () -> nowNanos, tasks::add, tasks::add,
                launcher, s -> preStart.run(s), s -> new FileRedirectOutput(s));
        app = new ManagedApp(0, spec, ctx);
    }

    FakeChild child() {
        return children.get(children.size() - 1);
    }

    /** Runs posted tasks (exits, pre-start results) until none is left, then ticks once. */
    long runTasks() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
        return app.tick(nowNanos);
    }

    /** Moves the clock and ticks. */
    long advance(Duration d) {
        nowNanos += d.toNanos();
        return runTasks();
    }

    /** The current child exits with {@code exitValue} after running for {@code uptime}. */
    void crashAfter(Duration uptime, int exitValue) {
        nowNanos += uptime.toNanos();
        child().exit(exitValue);
        runTasks();
    }

    List<String> path() {
        return transitions.stream().map(t -> t.to().label()).toList();
    }
}

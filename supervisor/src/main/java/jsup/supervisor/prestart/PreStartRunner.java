package jsup.supervisor.prestart;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.PreStartStep;

/**
 * Runs an app's {@code pre_start} steps in order, on the caller's thread, before a start or restart.
 * The first failing step ends the run and its reason is the start's failure reason.
 */
public final class PreStartRunner {

    private final PreStartCommand commands;
    private final StaleLocks locks;
    private final Consumer<String> messages;

    /**
     * @param procFs   where process liveness is read (for lock owners and for killing a timed-out command)
     * @param clock    the time locks that name no owner are aged against
     * @param messages receives one line per lock removed or matched file kept, with its reason
     */
    public PreStartRunner(ProcFs procFs, Clock clock, Consumer<String> messages) {
        this.commands = new PreStartCommand(procFs);
        this.locks = new StaleLocks(procFs, clock);
        this.messages = messages;
    }

    /** Runs every step of {@code app.preStart()}; blocks until they are done or one fails. */
    public PreStartResult run(AppSpec app) {
        for (PreStartStep step : app.preStart()) {
            Optional<String> failure;
            try {
                if (step instanceof PreStartStep.RunCommand run) {
                    failure = commands.run(run, app);
                } else {
                    failure = clearLocks((PreStartStep.ClearStaleLocks) step, app);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return PreStartResult.failed("pre_start of " + app.name() + " was interrupted");
            }
            if (failure.isPresent()) {
                return PreStartResult.failed(failure.get());
            }
        }
        return PreStartResult.passed();
    }

    private Optional<String> clearLocks(PreStartStep.ClearStaleLocks step, AppSpec app) {
        List<Path> candidates;
        try {
            candidates = LockGlob.expand(step.glob(), app.cwd(), home(app));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        for (Path lock : candidates) {
            locks.removeIfStale(lock, step.removeUnownedAfter()).ifPresent(messages);
        }
        return Optional.empty();
    }

    /** The app's HOME: its own env first, then jsupd's. */
    private static String home(AppSpec app) {
        String home = app.env().get("HOME");
        if (home == null) {
            home = System.getenv("HOME");
        }
        return home != null ? home : System.getProperty("user.home");
    }
}

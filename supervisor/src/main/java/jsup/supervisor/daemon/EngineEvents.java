package jsup.supervisor.daemon;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.SupervisorListener;
import jsup.supervisor.Transition;
import jsup.supervisor.daemonlog.JsupdLog;
import jsup.supervisor.process.TreeUsage;

/**
 * What jsupd does when the engine reports: remember each app's process identity for
 * {@code state.json}, pause and resume health probes, and log engine messages. Runs on the engine
 * thread, so it only records and hands work on; it never calls back into the engine. Its log lines
 * are only queued here ({@link JsupdLog} writes them on a thread of their own).
 */
final class EngineEvents implements SupervisorListener {

    private static final JsupdLog.Logger log = JsupdLog.engine();

    private final Map<String, ProcessIdentity> running = new ConcurrentHashMap<>();
    private final UsageBook usage = new UsageBook();
    private final Clock clock;
    private final Runnable stateChanged;
    private volatile HealthSupervision health;
    private volatile Notifications notifications;

    /** @param stateChanged asks for {@code state.json} to be rewritten (asynchronously) */
    EngineEvents(Clock clock, Runnable stateChanged) {
        this.clock = clock;
        this.stateChanged = stateChanged;
    }

    void attach(HealthSupervision health) {
        this.health = health;
    }

    void attach(Notifications notifications) {
        this.notifications = notifications;
    }

    /** Each app's latest resource sample and restarts by cause. */
    UsageBook usage() {
        return usage;
    }

    /** The process the app runs right now, or null. */
    ProcessIdentity process(String app) {
        return running.get(app);
    }

    @Override
    public void onSpawn(String app, long pid, long startTime) {
        running.put(app, new ProcessIdentity((int) pid, startTime));
        usage.ended(app); // the previous run's sample describes processes that are gone
        log.info("[{}] started, pid {}", app, pid);
        HealthSupervision h = health;
        if (h != null) {
            h.appStarted(app, clock.instant());
        }
        stateChanged.run();
    }

    @Override
    public void onTransition(String app, Transition t) {
        switch (t.to()) {
            case STOPPING -> pauseHealth(app);
            case STOPPED, ERRORED, WAITING_RESTART -> {
                pauseHealth(app);
                running.remove(app);
                usage.ended(app);
                stateChanged.run();
            }
            default -> {
                // launching and online: the spawn already did what is needed
            }
        }
        Notifications n = notifications;
        if (n != null) {
            n.transition(app, t);
        }
        log.info("[{}] {} -> {}{}", app, t.from() == null ? "-" : t.from().label(), t.to().label(),
                t.reason() == null ? "" : " (" + t.reason() + ")");
    }

    @Override
    public void onRestart(String app, String reason) {
        usage.restarted(app, reason);
    }

    @Override
    public void onLogOpened(String app, jsup.supervisor.log.LogCounts counts) {
        usage.logOpened(app, counts);
    }

    @Override
    public void onSample(String app, TreeUsage sample) {
        usage.sampled(app, sample);
    }

    @Override
    public void onMessage(String app, String message) {
        log.info("[{}] {}", app, message);
    }

    private void pauseHealth(String app) {
        HealthSupervision h = health;
        if (h != null) {
            h.appStopped(app);
        }
    }
}

package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import jsup.supervisor.AppStatus;
import jsup.supervisor.Supervisor;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.daemonlog.JsupdLog;
import jsup.supervisor.schedule.CronRestarts;
import jsup.supervisor.schedule.CronSchedule;
import jsup.supervisor.watch.Watches;

/**
 * jsupd's restarts that come from outside the app: {@code cron_restart} (reason {@code cron}) and file changes
 * ({@code watch}, reason {@code watch}). Either one restarts only an app that is wanted up: a {@code jsup stop}
 * pauses both until the next start. Also adds what they show to the app object.
 */
final class RestartTriggers implements AutoCloseable {

    static final String WATCH_REASON = "watch";

    private static final JsupdLog.Logger log = JsupdLog.logger(RestartTriggers.class);

    private final Supervisor supervisor;
    private final Clock clock;
    private final BooleanSupplier shuttingDown;
    private final BiConsumer<String, String> warn;
    // Made with the first app that uses them, so a jsupd without schedules or watches runs no thread for them.
    private CronRestarts cron;
    private Watches watches;

    /** @param warn called with (app, message) when watching falls back to polling (for healthmon.log) */
    RestartTriggers(Supervisor supervisor, Clock clock, BooleanSupplier shuttingDown,
                    BiConsumer<String, String> warn) {
        this.supervisor = supervisor;
        this.clock = clock;
        this.shuttingDown = shuttingDown;
        this.warn = warn;
    }

    /** Schedules and watches per the app's (new) definition. */
    synchronized void register(AppSpec spec) {
        if (spec.cronRestart() != null || cron != null) {
            cron().set(spec.name(), spec.cronRestart() == null ? null
                    : CronSchedule.parse(spec.cronRestart(), ZoneId.systemDefault()));
        }
        if (spec.watch() != null || watches != null) {
            watches().set(spec.name(), spec.watch(), spec.cwd());
        }
    }

    synchronized void unregister(String app) {
        if (cron != null) {
            cron.remove(app);
        }
        if (watches != null) {
            watches.remove(app);
        }
    }

    /** Adds {@code next_cron} and the {@code watch} fields; a polling fallback also raises the inotify warning. */
    void describe(ObjectNode app, String name) {
        CronRestarts c;
        Watches w;
        synchronized (this) {
            c = cron;
            w = watches;
        }
        describe(app, c == null ? Optional.empty() : c.next(name), w == null ? Optional.empty() : w.status(name));
    }

    private CronRestarts cron() {
        if (cron == null) {
            cron = new CronRestarts(clock, app -> restart(app, CronRestarts.REASON));
        }
        return cron;
    }

    private Watches watches() {
        if (watches == null) {
            watches = new Watches(app -> restart(app, WATCH_REASON), (app, message) -> {
                log.warn("[{}] {}", app, message);
                warn.accept(app, message);
            });
        }
        return watches;
    }

    static void describe(ObjectNode app, Optional<Instant> nextCron, Optional<Watches.Status> watch) {
        app.put("next_cron", nextCron.map(Object::toString).orElse(null));
        app.put("watch", watch.map(Watches.Status::mode).orElse("off"));
        app.put("watch_watches", watch.map(Watches.Status::watches).orElse(0));
        String warning = watch.map(Watches.Status::warning).orElse(null);
        app.put("watch_warning", warning);
        if (warning != null && !app.path("inotify_warning").asBoolean()) {
            app.put("inotify_warning", true);
            app.put("inotify_detail", warning);
        }
    }

    private void restart(String app, String reason) {
        if (shuttingDown.getAsBoolean()) {
            return;
        }
        try {
            Optional<AppStatus> s = supervisor.status(app);
            if (s.isEmpty() || !s.get().wantUp()) {
                log.info("[{}] {} restart skipped: the app is stopped", app, reason);
                return;
            }
            log.info("[{}] restarting ({})", app, reason);
            supervisor.restart(app, reason).whenComplete((st, e) -> {
                if (e != null) {
                    log.error("[{}] {} restart failed: {}", app, reason, e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.error("[{}] {} restart failed: {}", app, reason, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (cron != null) {
            cron.close();
        }
        if (watches != null) {
            watches.close();
        }
    }
}

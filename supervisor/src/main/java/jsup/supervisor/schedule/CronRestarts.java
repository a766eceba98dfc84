package jsup.supervisor.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Each app's {@code cron_restart} and its next run. {@link #due} is the decision, a pure function of the
 * registered schedules and the time passed in; the timer thread only sleeps until the earliest next run,
 * asks {@link #due} and hands each due app to the restart callback (which must not block).
 *
 * <p>Runs missed while the machine slept are not caught up one by one: an app that was due restarts once,
 * and its next run is the first one after now.
 */
public final class CronRestarts implements AutoCloseable {

    /** The restart reason recorded in the app's history and transitions. */
    public static final String REASON = "cron";

    private record Entry(CronSchedule schedule, Instant next) {
    }

    private final Map<String, Entry> apps = new HashMap<>();
    private final Clock clock;
    private final Consumer<String> restart;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> wake;

    /** @param restart called on the timer thread with each app that is due; must hand the work on */
    public CronRestarts(Clock clock, Consumer<String> restart) {
        this.clock = clock;
        this.restart = restart;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jsupd-cron");
            t.setDaemon(true);
            return t;
        });
    }

    /** Schedules {@code app} (replacing what it had), or forgets it when {@code schedule} is null. */
    public synchronized void set(String app, CronSchedule schedule) {
        Entry old = apps.get(app);
        if (schedule == null) {
            apps.remove(app);
        } else if (old == null || !old.schedule().expression().equals(schedule.expression())) {
            apps.put(app, new Entry(schedule, schedule.nextAfter(clock.instant()).orElse(null)));
        }
        rearm();
    }

    public synchronized void remove(String app) {
        apps.remove(app);
        rearm();
    }

    /** The app's next scheduled restart; empty when it has no {@code cron_restart} (or it never matches again). */
    public synchronized Optional<Instant> next(String app) {
        Entry e = apps.get(app);
        return e == null ? Optional.empty() : Optional.ofNullable(e.next());
    }

    /** The apps whose next run is at or before {@code now}, each moved on to its first run after {@code now}. */
    synchronized List<String> due(Instant now) {
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, Entry> e : apps.entrySet()) {
            Entry entry = e.getValue();
            if (entry.next() != null && !entry.next().isAfter(now)) {
                due.add(e.getKey());
                e.setValue(new Entry(entry.schedule(), entry.schedule().nextAfter(now).orElse(null)));
            }
        }
        due.sort(null);
        return due;
    }

    /** The earliest next run of all apps. */
    synchronized Optional<Instant> earliest() {
        return apps.values().stream().map(Entry::next).filter(n -> n != null).min(Instant::compareTo);
    }

    private synchronized void rearm() {
        if (wake != null) {
            wake.cancel(false);
            wake = null;
        }
        Optional<Instant> first = earliest();
        if (first.isEmpty() || timer.isShutdown()) {
            return;
        }
        // One millisecond late rather than early: an early wake finds nothing due and only re-arms.
        long delay = Math.max(0, Duration.between(clock.instant(), first.get()).toMillis() + 1);
        wake = timer.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
    }

    private void fire() {
        for (String app : due(clock.instant())) {
            restart.accept(app);
        }
        rearm();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        apps.clear();
    }
}

package jsup.healthmon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import jsup.healthmon.probe.Probe;
import jsup.healthmon.probe.ProbeResult;
import jsup.healthmon.probe.Probes;
import jsup.healthmon.proc.InotifyReport;
import jsup.healthmon.proc.InotifyScanner;
import jsup.healthmon.proc.ProcFs;

/**
 * Runs each registered app's probes on the app's own schedule and reports through a
 * {@link HealthListener}. It never touches the app's processes.
 *
 * <p>Rules:
 * <ul>
 *   <li>An app is paused until {@link #appStarted}; its first round runs {@code initial_delay} after
 *       the start, later rounds {@code interval} after the previous round <em>finished</em>, so an
 *       app's probes never overlap.</li>
 *   <li>{@link #appStopped} pauses it; a round still running when the app stops or restarts is
 *       dropped (neither reported nor counted), so a restart is never blamed on a probe of the
 *       previous run.</li>
 *   <li>A single scheduler thread only hands due rounds to a pool of probe threads that grows per
 *       busy app, so a slow probe never delays another app's.</li>
 *   <li>After each round, when the app's pids are known, its inotify use is read too. A block
 *       with no probes (only {@code inotify_warn}) runs just that check on the interval.</li>
 * </ul>
 */
public final class HealthMonitor implements AutoCloseable {

    private final HealthListener listener;
    private final ProcFs procFs;
    private final InotifyScanner inotify;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService probeThreads;
    private final Map<String, Entry> apps = new HashMap<>();
    private boolean closed;

    /** One app's schedule. Mutable fields are guarded by the monitor's lock. */
    private static final class Entry {
        final String app;
        final HealthSpec spec;
        final List<Probe> probes;
        final Supplier<? extends Collection<Integer>> processTree;
        final ThresholdTracker tracker;
        long generation;
        boolean online;
        boolean inFlight;
        boolean runWhenIdle;
        boolean removed;
        ScheduledFuture<?> next;

        Entry(String app, HealthSpec spec, List<Probe> probes, Supplier<? extends Collection<Integer>> processTree) {
            this.app = app;
            this.spec = spec;
            this.probes = probes;
            this.processTree = processTree;
            this.tracker = new ThresholdTracker(spec.failures());
        }
    }

    public HealthMonitor(HealthListener listener) {
        this(listener, ProcFs.SYSTEM, Clock.systemUTC());
    }

    /**
     * @param procFs where inotify use and tcp accept state are read (a fixture folder in tests)
     * @param clock  the wall clock that {@link #appStarted(String, Instant)} times are compared with
     */
    public HealthMonitor(HealthListener listener, ProcFs procFs, Clock clock) {
        this.listener = listener;
        this.procFs = procFs;
        this.inotify = new InotifyScanner(procFs);
        this.clock = clock;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("healthmon-scheduler"));
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
        this.probeThreads = Executors.newCachedThreadPool(daemon("healthmon-probe"));
    }

    /**
     * Registers (or replaces) an app's health block; the app stays paused until {@link #appStarted}.
     *
     * @param processTree the pids of the app's process tree right now (empty when not running), or
     *                    {@code null} to skip inotify checks for this app
     * @throws IllegalArgumentException when a probe spec cannot become a probe (bad port, bad URL)
     */
    public void register(String app, HealthSpec spec, Supplier<? extends Collection<Integer>> processTree) {
        Entry entry = new Entry(app, spec, Probes.of(spec.probes(), procFs), processTree);
        synchronized (this) {
            requireOpen();
            Entry old = apps.put(app, entry);
            if (old != null) {
                retire(old);
            }
        }
    }

    /** Registers an app without inotify checks. */
    public void register(String app, HealthSpec spec) {
        register(app, spec, null);
    }

    /** Forgets an app; a round in flight finishes but is not reported. Unknown names are ignored. */
    public synchronized void unregister(String app) {
        Entry entry = apps.remove(app);
        if (entry != null) {
            retire(entry);
        }
    }

    public synchronized boolean isRegistered(String app) {
        return apps.containsKey(app);
    }

    /**
     * The app (re)started at {@code startedAt}: the failure count restarts and the first round runs
     * once {@code initial_delay} has passed since then.
     */
    public synchronized void appStarted(String app, Instant startedAt) {
        Entry e = entry(app);
        e.generation++;
        e.online = true;
        e.runWhenIdle = false;
        e.tracker.reset();
        cancel(e);
        schedule(e, firstDelay(startedAt, e.spec.initialDelay(), clock.instant()));
    }

    public void appStarted(String app) {
        appStarted(app, clock.instant());
    }

    /** The app is stopped, stopping or waiting to restart: no probes until the next start. */
    public synchronized void appStopped(String app) {
        Entry e = entry(app);
        e.generation++;
        e.online = false;
        e.runWhenIdle = false;
        cancel(e);
    }

    /**
     * Runs the app's probes now on the calling thread ({@code jsup health <name>}). The result is
     * neither counted towards the threshold nor sent to the listener.
     */
    public ProbeRound checkNow(String app) {
        Entry e;
        synchronized (this) {
            e = entry(app);
        }
        return ProbeRound.run(e.probes, e.spec.timeout(), clock.instant());
    }

    /** Stops every schedule and interrupts running probes (an exec probe then kills its group). */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            apps.values().forEach(this::retire);
            apps.clear();
        }
        scheduler.shutdownNow();
        probeThreads.shutdownNow();
        try {
            probeThreads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long after {@code now} the first round of a start at {@code startedAt} is due. */
    public static Duration firstDelay(Instant startedAt, Duration initialDelay, Instant now) {
        Duration left = Duration.between(now, startedAt.plus(initialDelay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** {@code tcp 127.0.0.1:18789 connection refused (2 in a row)}. */
    public static String thresholdReason(ProbeRound round, int consecutiveFailures) {
        String what = round.firstFailure().map(ProbeResult::summary).orElse("probes failed");
        return consecutiveFailures > 1 ? what + " (" + consecutiveFailures + " in a row)" : what;
    }

    // --- scheduling (callers hold the lock) ---

    private void schedule(Entry e, Duration delay) {
        if (closed) {
            return;
        }
        long generation = e.generation;
        e.next = scheduler.schedule(() -> due(e, generation), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancel(Entry e) {
        if (e.next != null) {
            e.next.cancel(false);
            e.next = null;
        }
    }

    private void retire(Entry e) {
        e.removed = true;
        e.online = false;
        e.generation++;
        cancel(e);
    }

    private boolean current(Entry e, long generation) {
        return !closed && !e.removed && e.online && e.generation == generation;
    }

    private Entry entry(String app) {
        Entry e = apps.get(app);
        if (e == null) {
            throw new NoSuchElementException("no health block registered for app: " + app);
        }
        return e;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("health monitor is closed");
        }
    }

    // --- running a round ---

    /** On the scheduler thread: hand the round to a probe thread unless the previous one still runs. */
    private void due(Entry e, long generation) {
        synchronized (this) {
            if (!current(e, generation)) {
                return;
            }
            e.next = null;
            if (e.inFlight) {
                e.runWhenIdle = true;
                return;
            }
            e.inFlight = true;
        }
        try {
            probeThreads.execute(() -> runRound(e, generation));
        } catch (RuntimeException rejected) {
            synchronized (this) {
                e.inFlight = false;
            }
        }
    }

    private void runRound(Entry e, long generation) {
        ProbeRound round = ProbeRound.run(e.probes, e.spec.timeout(), clock.instant());
        InotifyReport report = null;
        if (e.processTree != null) {
            Collection<Integer> pids = safePids(e);
            if (!pids.isEmpty()) {
                report = inotify.report(pids, e.spec.inotifyWarn());
            }
        }
        ThresholdTracker.Step step = null;
        synchronized (this) {
            if (current(e, generation)) {
                step = e.tracker.record(round.ok());
            }
        }
        if (step != null) {
            deliver(e, round, step, report);
        }
        synchronized (this) {
            e.inFlight = false;
            if (current(e, generation)) {
                schedule(e, e.spec.interval());
            } else if (e.runWhenIdle && !closed && !e.removed && e.online) {
                e.runWhenIdle = false;
                schedule(e, Duration.ZERO);
            }
        }
    }

    private Collection<Integer> safePids(Entry e) {
        try {
            Collection<Integer> pids = e.processTree.get();
            return pids == null ? List.of() : pids;
        } catch (RuntimeException ex) {
            return List.of();
        }
    }

    private void deliver(Entry e, ProbeRound round, ThresholdTracker.Step step, InotifyReport report) {
        // A block with only inotify_warn has no probes: nothing to report but the inotify picture.
        if (!round.results().isEmpty()) {
            quietly(() -> listener.onResult(e.app, round));
        }
        if (step.reached()) {
            String reason = thresholdReason(round, step.consecutiveFailures());
            quietly(() -> listener.onThreshold(e.app, e.spec.action(), reason, step.consecutiveFailures()));
        }
        if (report != null) {
            quietly(() -> listener.onInotify(e.app, report));
            report.warning().ifPresent(w -> quietly(() -> listener.onInotifyWarning(e.app, w)));
        }
    }

    /** A listener bug must not end the app's schedule. */
    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // Reported nowhere on purpose: healthmon has no logger; the listener owns its errors.
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

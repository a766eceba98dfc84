package jsup.supervisor.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jsup.supervisor.Transition;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.NotifySink;
import jsup.supervisor.config.NotifySpec;
import jsup.supervisor.daemonlog.JsupdLog;

/**
 * jsupd's notifications (docs/notifications.md). The engine only hands events over ({@link #transition},
 * {@link #publish}): they are queued for one intake thread, which rate-limits them ({@link RateLimiter}),
 * adds the stderr tail and passes each to the {@link SinkWorker} of every sink of the app. Nothing here
 * ever blocks the caller; a dead sink delays only its own queue.
 */
public final class Notifier implements AutoCloseable {

    /** The app name daemon events are sent under. */
    public static final String DAEMON = "jsupd";
    static final int MAX_PENDING = 1024;
    static final Duration SUMMARY_CHECK = Duration.ofSeconds(5);
    /** {@code jsup notify test} reports a sink that has not answered by then (its own timeout may be longer). */
    static final Duration TEST_LIMIT = Duration.ofSeconds(60);

    private static final JsupdLog.Logger log = JsupdLog.logger(Notifier.class);

    /** One app's notify spec, what its sinks could be built into, and the env its secrets come from. */
    private record AppSinks(AppSpec spec, List<Sink> sinks, List<String> problems) {
    }

    /**
     * What {@code jsup notify test} found for one sink.
     *
     * @param sink  its label (no secret in it)
     * @param apps  the apps that send to it
     * @param error why it failed, null when it worked
     */
    public record TestResult(String sink, List<String> apps, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final Map<String, String> daemonEnv;
    private final Clock clock;
    private final String host;
    private final ScheduledExecutorService intake;
    private final RateLimiter limiter = new RateLimiter();
    private final Map<String, AppSinks> apps = new ConcurrentHashMap<>();
    private final Map<Sink, SinkWorker> workers = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    /** @param daemonEnv jsupd's environment, where {@code ${VAR}} is looked up after the app's env */
    public Notifier(Map<String, String> daemonEnv, Clock clock) {
        this.daemonEnv = Map.copyOf(daemonEnv);
        this.clock = clock;
        this.host = hostName(daemonEnv);
        this.intake = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jsupd-notify");
            t.setDaemon(true);
            return t;
        });
        long every = SUMMARY_CHECK.toMillis();
        intake.scheduleWithFixedDelay(this::sendSummaries, every, every, TimeUnit.MILLISECONDS);
    }

    /** Takes the app's (new) {@code notify} block; an app without one is forgotten. */
    public synchronized void register(AppSpec spec) {
        if (spec.notifications() == null) {
            unregister(spec.name());
            return;
        }
        List<Sink> sinks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (NotifySink s : spec.notifications().sinks()) {
            SinkFactory.Built built = SinkFactory.build(s, spec.env(), daemonEnv);
            if (built.sink() != null) {
                sinks.add(built.sink());
                workers.computeIfAbsent(built.sink(), k -> new SinkWorker(k, log::warn));
            } else {
                problems.add(built.problem());
                log.warn("[{}] notify: {}", spec.name(), built.problem());
            }
        }
        apps.put(spec.name(), new AppSinks(spec, sinks, problems));
        retireUnused();
    }

    public void unregister(String app) {
        if (apps.remove(app) != null) {
            submit(() -> limiter.forget(app));
            retireUnused();
        }
    }

    /** Ends the delivery threads of sinks no app names any more (a redeployed or deleted app). */
    private synchronized void retireUnused() {
        workers.entrySet().removeIf(e -> {
            boolean used = apps.values().stream().anyMatch(a -> a.sinks().contains(e.getKey()));
            if (!used) {
                e.getValue().close();
            }
            return !used;
        });
    }

    /** A status change of an app: sorted into events ({@link TransitionEvents}) on the intake thread. */
    public void transition(String app, Transition t) {
        if (apps.containsKey(app)) {
            submit(() -> TransitionEvents.of(t).forEach(f -> handle(app, f.event(), f.reason(), f.detail())));
        }
    }

    /** Any other event of an app ({@code health_failed}, {@code inotify_near_limit}, ...). */
    public void publish(String app, String event, String reason, String detail) {
        if (apps.containsKey(app)) {
            submit(() -> handle(app, event, reason, detail));
        }
    }

    /** jsupd started after an unclean end: sent once, to every sink of an app that wants it. */
    public void daemonRecovered(String detail) {
        submit(() -> handle(DAEMON, "daemon_recovered", "unclean_end", detail));
    }

    private void submit(Runnable task) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            if (dropped.getAndIncrement() == 0) {
                log.warn("notify: more than {} events waiting; dropping events until the queue drains", MAX_PENDING);
            }
            return;
        }
        try {
            intake.execute(() -> {
                pending.decrementAndGet();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("notify: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet(); // closed
        }
    }

    // ---------------------------------------------------------------- intake thread

    private void handle(String app, String event, String reason, String detail) {
        List<Sink> sinks = sinksFor(app, event);
        if (sinks.isEmpty()) {
            return;
        }
        long window = windowOf(app).toNanos();
        if (!limiter.admit(app, event, detail, window, System.nanoTime())) {
            return;
        }
        List<String> stderr = List.of();
        AppSinks entry = apps.get(app);
        if (entry != null && ("errored".equals(event) || "exit".equals(event))) {
            stderr = StderrTail.read(entry.spec().errorFile(), entry.spec().env());
        }
        fanOut(sinks, new NotifyEvent(app, event, reason, detail, clock.instant(), host, stderr, 0));
    }

    private void sendSummaries() {
        for (RateLimiter.Summary s : limiter.due(System.nanoTime())) {
            fanOut(sinksFor(s.app(), s.event()), new NotifyEvent(s.app(), s.event(), "rate_limit", s.lastDetail(),
                    clock.instant(), host, List.of(), s.count()));
        }
    }

    private void fanOut(List<Sink> sinks, NotifyEvent event) {
        for (Sink sink : sinks) {
            SinkWorker w = workers.get(sink);
            if (w != null) {
                w.offer(event);
            }
        }
    }

    /** The app's sinks when it wants the event; for jsupd itself, every sink of an app that wants it. */
    private List<Sink> sinksFor(String app, String event) {
        List<Sink> out = new ArrayList<>();
        if (DAEMON.equals(app) && !apps.containsKey(DAEMON)) {
            for (AppSinks a : apps.values()) {
                if (a.spec().notifications().wants(event)) {
                    a.sinks().stream().filter(s -> !out.contains(s)).forEach(out::add);
                }
            }
            return out;
        }
        AppSinks a = apps.get(app);
        return a != null && a.spec().notifications().wants(event) ? a.sinks() : out;
    }

    private Duration windowOf(String app) {
        AppSinks a = apps.get(app);
        return a == null ? NotifySpec.RATE_LIMIT : a.spec().notifications().rateLimit();
    }

    // ---------------------------------------------------------------- notify test

    /**
     * Sends a {@code test} event through every sink of {@code app} (every app's when null) now, each sink
     * once, in parallel, bypassing queues and rate limits.
     *
     * @throws NoSuchElementException when {@code app} has no notify block
     */
    public List<TestResult> test(String app) {
        Map<Object, List<String>> targets = new LinkedHashMap<>();
        for (AppSinks a : apps.values()) {
            if (app != null && !a.spec().name().equals(app)) {
                continue;
            }
            a.sinks().forEach(s -> targets.computeIfAbsent(s, k -> new ArrayList<>()).add(a.spec().name()));
            a.problems().forEach(p -> targets.computeIfAbsent(p, k -> new ArrayList<>()).add(a.spec().name()));
        }
        if (app != null && !apps.containsKey(app)) {
            throw new NoSuchElementException(app);
        }
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(1, Math.min(4, targets.size())), r -> {
            Thread t = new Thread(r, "jsupd-notify-test");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<TestResult>> results = new ArrayList<>();
            targets.forEach((target, names) -> results.add(CompletableFuture.supplyAsync(
                    () -> testOne(target, names), senders).completeOnTimeout(new TestResult(labelOf(target), names,
                    "no answer within " + TEST_LIMIT.toSeconds() + " s (the test's limit)"),
                    TEST_LIMIT.toMillis(), TimeUnit.MILLISECONDS)));
            return results.stream().map(CompletableFuture::join).toList();
        } finally {
            senders.shutdown();
        }
    }

    private static String labelOf(Object target) {
        return target instanceof Sink sink ? sink.label() : ((String) target).substring(0, ((String) target).indexOf(':'));
    }

    private TestResult testOne(Object target, List<String> names) {
        if (!(target instanceof Sink sink)) {
            return new TestResult(labelOf(target), names, (String) target);
        }
        NotifyEvent event = new NotifyEvent(String.join(", ", names), "test", "test",
                "a test notification from jsup notify test", clock.instant(), host, List.of(), 0);
        try {
            sink.send(event);
            return new TestResult(sink.label(), names, null);
        } catch (IOException | RuntimeException e) {
            return new TestResult(sink.label(), names, sink.redact(e.getMessage()));
        }
    }

    @Override
    public void close() {
        intake.shutdownNow();
        workers.values().forEach(SinkWorker::close);
    }

    private static String hostName(Map<String, String> env) {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException e) {
            // not Linux /proc: fall back
        }
        return env.getOrDefault("HOSTNAME", "localhost");
    }
}

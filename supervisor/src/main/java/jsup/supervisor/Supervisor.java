package jsup.supervisor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.dependencies.DependencyGraph;
import jsup.supervisor.control.ControlEnvironment;
import jsup.supervisor.internal.AppLogOutput;
import jsup.supervisor.process.ChildOutput;
import jsup.supervisor.internal.Engine;
import jsup.supervisor.internal.EngineContext;
import jsup.supervisor.internal.EngineLoop;
import jsup.supervisor.internal.ManagedApp;
import jsup.supervisor.process.OsChildLauncher;
import jsup.supervisor.internal.PreStartSteps;
import jsup.supervisor.internal.SafeListener;
import jsup.supervisor.readiness.NotifyMessage;
import jsup.supervisor.sockets.HeldSocket;
import jsup.supervisor.sockets.HeldSockets;
import jsup.supervisor.process.TreeSampler;

/**
 * Keeps apps running as configured and stops them completely when asked. Thread-safe: every call
 * is handed to one engine thread that owns all state, and waits for it (or returns a future).
 * Futures complete off the engine thread. Unknown names throw
 * {@link NoSuchElementException} ({@code unknown app: <name>}).
 */
public final class Supervisor implements AutoCloseable {

    /** Set in every app's environment to the app's name: with jsupd's JSUP_HOME, the mark of its processes. */
    public static final String APP_ENV_VAR = ControlEnvironment.APP_VAR;
    /**
     * Threads that spawn the apps of a {@link #startAll}: a spawn blocks its thread for the fork,
     * the exec and the child's closing of inherited descriptors (2-7 ms with hundreds of apps), so
     * two in parallel roughly halve a big start on two cores; more only queue for the same cores.
     */
    static final int LAUNCH_THREADS = 2;
    static final long LAUNCH_THREAD_IDLE_SECONDS = 10;

    /** How often a redefine stops the app again when something (a health restart) started it meanwhile. */
    private static final int REDEFINE_ATTEMPTS = 3;

    private final SupervisorListener listener;
    private final LongSupplier ticker = System::nanoTime;
    private final ExecutorService workers;
    private final ThreadPoolExecutor launchers;
    private final Engine engine;
    private final EngineLoop loop;
    private final HeldSockets sockets;

    public Supervisor(SupervisorSettings settings) {
        this(settings, AppLogOutput::open);
    }

    /** With another log output (tests of the engine alone). */
    Supervisor(SupervisorSettings settings, ChildOutput.Factory outputs) {
        this.listener = new SafeListener(settings.listener());
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jsup-prestart");
            t.setDaemon(true);
            return t;
        });
        this.launchers = new ThreadPoolExecutor(LAUNCH_THREADS, LAUNCH_THREADS, LAUNCH_THREAD_IDLE_SECONDS,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "jsup-launch");
                    t.setDaemon(true);
                    return t;
                });
        launchers.allowCoreThreadTimeOut(true); // none left once the start is over
        this.sockets = new HeldSockets(settings.procFs());
        this.loop = new EngineLoop("jsup-engine", ticker,
                e -> listener.onMessage("jsup", "engine error: " + e));
        EngineContext ctx = new EngineContext(listener, settings.wallClock(), ticker, loop, workers,
                new OsChildLauncher(settings.procFs(), settings.childEnvironment(), sockets),
                PreStartSteps.hook(settings.procFs(), settings.wallClock(), listener, loop), outputs);
        this.engine = new Engine(ctx, new TreeSampler(settings.procFs()));
        loop.start(engine::tick);
    }

    /** Registers an app (status stopped, want down). */
    public AppStatus add(AppSpec spec) {
        return call(now -> engine.add(spec).snapshot());
    }

    /**
     * Registers every app in one pass on the engine thread (a whole ecosystem file). All or none:
     * a name that is taken (or repeated) fails before any app is added.
     *
     * @throws IllegalArgumentException naming the first app that already exists
     */
    public List<AppStatus> addAll(List<AppSpec> specs) {
        return call(now -> {
            Set<String> names = new HashSet<>();
            for (AppSpec spec : specs) {
                if (engine.has(spec.name()) || !names.add(spec.name())) {
                    throw new IllegalArgumentException("app " + spec.name()
                            + " already exists; delete it first or choose another name");
                }
            }
            List<AppStatus> added = new ArrayList<>(specs.size());
            for (AppSpec spec : specs) {
                added.add(engine.add(spec).snapshot());
            }
            return added;
        });
    }

    /** Want up: runs pre_start then launches, unless it already runs. */
    public AppStatus start(String name) {
        return call(now -> engine.find(name).start(now));
    }

    /**
     * {@link #start} for many apps at once: their processes are spawned on {@value #LAUNCH_THREADS}
     * threads while every state change stays on the engine thread. Returns, in the order of
     * {@code names}, once every spawn begun here is done: an app launched here is online with its
     * pid (or errored); one with pre_start steps is still launching, as after {@link #start}.
     *
     * @throws NoSuchElementException for an unknown name, before any app is started
     */
    public List<AppStatus> startAll(List<String> names) {
        if (loop.inLoop()) {
            return names.stream().map(this::start).toList(); // a wait here would block the spawns' return
        }
        List<CompletableFuture<AppStatus>> starts = call(now -> {
            List<ManagedApp> apps = names.stream().map(engine::find).toList();
            // What an app depends on starts first, so its depends_on sees it launching, not an old exit.
            Map<String, CompletableFuture<AppStatus>> byName = new HashMap<>();
            for (String name : graph().startOrder(apps.stream().map(ManagedApp::name).toList())) {
                byName.put(name, engine.find(name).start(now, launchers));
            }
            List<CompletableFuture<AppStatus>> all = new ArrayList<>(apps.size());
            for (ManagedApp app : apps) {
                all.add(byName.get(app.name()));
            }
            return all;
        });
        List<AppStatus> started = new ArrayList<>(starts.size());
        for (CompletableFuture<AppStatus> f : starts) {
            started.add(f.join());
        }
        return started;
    }

    /** Want down; cancels a pending restart; completes when the app is stopped. */
    public CompletableFuture<AppStatus> stop(String name) {
        return offLoop(call(now -> engine.find(name).stop(now)));
    }

    /**
     * Stops the current run, then starts again; {@code reason} is recorded ({@code manual},
     * {@code health: …}). A {@code manual} restart resets the crash-loop count, as in PM2.
     */
    public CompletableFuture<AppStatus> restart(String name, String reason) {
        return offLoop(call(now -> engine.find(name).restart(now, reason)));
    }

    /**
     * Applies a changed definition to a registered app in place, so it keeps its id and restart
     * history (a redeployed ecosystem file): stop (when it runs) → swap the definition on the engine
     * thread → start again when {@code start}. A run that was up and is started again counts as a
     * restart, recorded with {@code reason}. Completes as {@link #restart} does (online, errored or
     * stopped), or, without {@code start}, once the new definition is in place.
     *
     * @throws NoSuchElementException for an unknown name
     */
    public CompletableFuture<AppStatus> redefine(AppSpec spec, boolean start, String reason) {
        CompletableFuture<AppStatus> done = new CompletableFuture<>();
        call(now -> {
            ManagedApp app = engine.find(spec.name());
            boolean wasUp = app.status().hasProcess() || app.status() == ProcessStatus.WAITING_RESTART;
            redefineOnceStopped(app, spec, start, reason, wasUp, REDEFINE_ATTEMPTS, done);
            return null;
        });
        return offLoop(done);
    }

    private void redefineOnceStopped(ManagedApp app, AppSpec spec, boolean start, String reason, boolean wasUp,
                                     int attempts, CompletableFuture<AppStatus> done) {
        app.stop(ticker.getAsLong()).whenComplete((stopped, failure) -> onLoopOrFail(done, () -> {
            long now = ticker.getAsLong();
            if (engine.lookup(app.name()).orElse(null) != app) {
                done.completeExceptionally(new NoSuchElementException("unknown app: " + app.name()));
                return;
            }
            try {
                app.redefine(spec, wasUp && start ? reason : null, now);
                sockets.retain(spec); // a socket the new definition drops closes now, not at the next start
            } catch (IllegalStateException startedMeanwhile) {
                if (attempts > 1) {
                    redefineOnceStopped(app, spec, start, reason, wasUp, attempts - 1, done);
                } else {
                    done.completeExceptionally(startedMeanwhile);
                }
                return;
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            if (!start) {
                done.complete(app.snapshot());
                return;
            }
            app.restart(now, reason).whenComplete((s, e) -> {
                if (e != null) {
                    done.completeExceptionally(e);
                } else {
                    done.complete(s);
                }
            });
        }));
    }

    /** Runs {@code step} on the engine thread; fails {@code done} when the supervisor has closed. */
    private void onLoopOrFail(CompletableFuture<?> done, Runnable step) {
        try {
            loop.execute(step);
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(new IllegalStateException("the supervisor closed during the change", e));
        }
    }

    /** Stops the app, then forgets it. */
    public CompletableFuture<Void> remove(String name) {
        CompletableFuture<Void> removed = new CompletableFuture<>();
        call(now -> {
            ManagedApp app = engine.find(name);
            app.stop(now).whenComplete((s, e) -> loop.execute(() -> {
                engine.forget(app);
                sockets.release(app.name());
                removed.complete(null);
            }));
            return null;
        });
        return offLoop(removed);
    }

    /** Sends {@code signal} ({@code USR2} or {@code SIGUSR2}) to the app's main process. */
    public void signal(String name, String signal) {
        call(now -> {
            engine.find(name).signal(signal);
            return null;
        });
    }

    /**
     * {@code jsup flush}: empties the app's log files and deletes their rotated copies, through the
     * app's own writers (a second writer on the same files would leave the engine's size count, and
     * so its next rotation, wrong). The files are emptied on the caller's thread.
     *
     * @throws java.io.UncheckedIOException when a file cannot be emptied; the message names it
     */
    public void flush(String name) {
        ChildOutput output = call(now -> engine.find(name).output());
        output.flush();
    }

    /**
     * A notify-protocol message from one of the app's processes ({@code READY=1}, {@code WATCHDOG=1},
     * {@code STATUS=}...); ignored unless the app is online.
     *
     * @throws NoSuchElementException for an unknown name
     */
    public void notify(String name, NotifyMessage message) {
        call(now -> {
            engine.find(name).onNotify(message, now);
            return null;
        });
    }

    /** A health round of the app passed: what {@code health.ready} waits for. Ignored for unknown apps. */
    public void probePassed(String name) {
        call(now -> {
            engine.lookup(name).ifPresent(app -> app.onProbePassed(now));
            return null;
        });
    }

    /** {@code jsup reset}: restart and crash-loop counts back to zero. */
    public void resetCounters(String name) {
        call(now -> {
            engine.find(name).resetCounters();
            return null;
        });
    }

    /** The listening sockets jsupd holds for {@code name} ({@code sockets}); empty before its first run. */
    public List<HeldSocket> heldSockets(String name) {
        return sockets.held(name);
    }

    /** Every app, by id, with figures at most {@code internal.SampleCadence.FRESH} old. */
    public List<AppStatus> list() {
        return call(now -> {
            engine.freshen(now);
            return engine.apps().stream().map(ManagedApp::snapshot).toList();
        });
    }

    /** How many apps there are, without sampling anyone's figures ({@code ping}). */
    public int count() {
        return call(now -> engine.apps().size());
    }

    public Optional<AppStatus> status(String nameOrId) {
        return call(now -> {
            engine.freshen(now);
            return engine.lookup(nameOrId).map(ManagedApp::snapshot);
        });
    }

    /**
     * Stops every app, each per its kill_timeout: in parallel, except that an app stops only once every
     * app that depends on it ({@code depends_on}) has stopped.
     */
    public CompletableFuture<Void> stopAll() {
        return stopInOrder(call(now -> engine.apps().stream().map(ManagedApp::name).toList()));
    }

    /**
     * Stops {@code names} as {@link #stopAll} stops every app: dependents ({@code depends_on}) before what
     * they depend on, the rest in parallel. Unknown names are skipped.
     */
    public CompletableFuture<Void> stopInOrder(List<String> names) {
        List<List<String>> waves = call(now -> graph().stopWaves(names));
        CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
        for (List<String> wave : waves) {
            done = done.thenCompose(v -> stopWave(wave));
        }
        return offLoop(done);
    }

    private CompletableFuture<Void> stopWave(List<String> wave) {
        List<CompletableFuture<AppStatus>> stops = call(now -> {
            List<CompletableFuture<AppStatus>> all = new ArrayList<>();
            wave.forEach(name -> engine.lookup(name).ifPresent(app -> all.add(app.stop(now))));
            return all;
        });
        return CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new));
    }

    /** The apps' depends_on; engine thread only. */
    private DependencyGraph graph() {
        Map<String, List<String>> needs = new LinkedHashMap<>();
        for (ManagedApp app : engine.apps()) {
            needs.put(app.name(), List.copyOf(app.dependsOnNow().keySet()));
        }
        return new DependencyGraph(needs);
    }

    /** Stops every app, then releases the engine thread and the log files. */
    @Override
    public void close() {
        try {
            stopAll().join();
            call(now -> {
                engine.apps().forEach(engine::forget);
                engine.close();
                return null;
            });
            loop.shutdown();
        } catch (RejectedExecutionException | IllegalStateException e) {
            return; // already closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sockets.close();
            workers.shutdownNow();
            launchers.shutdown(); // idle by now: every app was stopped, every launch adopted or killed
        }
    }

    private <T> T call(LongFunction<T> action) {
        if (loop.inLoop()) {
            return action.apply(ticker.getAsLong());
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    result.complete(action.apply(ticker.getAsLong()));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("this supervisor is closed; create a new one", e);
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Dependent stages of callers must not run on the engine thread. */
    private static <T> CompletableFuture<T> offLoop(CompletableFuture<T> future) {
        return future.whenCompleteAsync((v, e) -> { });
    }
}

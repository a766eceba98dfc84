package jsup.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.internal.AppLogOutput;
import jsup.supervisor.internal.ChildOutput;
import jsup.supervisor.internal.Engine;
import jsup.supervisor.internal.EngineContext;
import jsup.supervisor.internal.EngineLoop;
import jsup.supervisor.internal.ManagedApp;
import jsup.supervisor.internal.OsChildLauncher;
import jsup.supervisor.internal.PreStartSteps;
import jsup.supervisor.internal.SafeListener;
import jsup.supervisor.internal.TreeSampler;

/**
 * Keeps apps running as configured and stops them completely when asked. Thread-safe: every call
 * is handed to one engine thread that owns all state, and waits for it (or returns a future).
 * Futures complete off the engine thread. Unknown names throw
 * {@link NoSuchElementException} ({@code unknown app: <name>}).
 */
public final class Supervisor implements AutoCloseable {

    /** Set in every app's environment to the app's name: with jsupd's JSUP_HOME, the mark of its processes. */
    public static final String APP_ENV_VAR = "JSUP_APP";

    private final SupervisorListener listener;
    private final LongSupplier ticker = System::nanoTime;
    private final ExecutorService workers;
    private final Engine engine;
    private final EngineLoop loop;

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
        this.loop = new EngineLoop("jsup-engine", ticker,
                e -> listener.onMessage("jsup", "engine error: " + e));
        EngineContext ctx = new EngineContext(listener, settings.wallClock(), ticker, loop, workers,
                new OsChildLauncher(settings.procFs(), settings.childEnvironment()),
                PreStartSteps.hook(settings.procFs(), settings.wallClock(), listener, loop), outputs);
        this.engine = new Engine(ctx, new TreeSampler(settings.procFs()));
        loop.start(engine::tick);
    }

    /** Registers an app (status stopped, want down). */
    public AppStatus add(AppSpec spec) {
        return call(now -> engine.add(spec).snapshot());
    }

    /** Want up: runs pre_start then launches, unless it already runs. */
    public AppStatus start(String name) {
        return call(now -> engine.find(name).start(now));
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

    /** Stops the app, then forgets it. */
    public CompletableFuture<Void> remove(String name) {
        CompletableFuture<Void> removed = new CompletableFuture<>();
        call(now -> {
            ManagedApp app = engine.find(name);
            app.stop(now).whenComplete((s, e) -> loop.execute(() -> {
                engine.forget(app);
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

    /** {@code jsup reset}: restart and crash-loop counts back to zero. */
    public void resetCounters(String name) {
        call(now -> {
            engine.find(name).resetCounters();
            return null;
        });
    }

    /** Every app, by id. */
    public List<AppStatus> list() {
        return call(now -> engine.apps().stream().map(ManagedApp::snapshot).toList());
    }

    public Optional<AppStatus> status(String nameOrId) {
        return call(now -> engine.lookup(nameOrId).map(ManagedApp::snapshot));
    }

    /** Stops every app in parallel, each per its kill_timeout. */
    public CompletableFuture<Void> stopAll() {
        List<CompletableFuture<AppStatus>> stops = call(now -> {
            List<CompletableFuture<AppStatus>> all = new ArrayList<>();
            engine.apps().forEach(app -> all.add(app.stop(now)));
            return all;
        });
        return offLoop(CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)));
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
            workers.shutdownNow();
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

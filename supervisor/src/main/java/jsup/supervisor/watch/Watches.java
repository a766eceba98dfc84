package jsup.supervisor.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import jsup.supervisor.config.WatchSpec;

/** Every watched app's {@link AppWatch}; one shared timer thread for debounces and polling scans. */
public final class Watches implements AutoCloseable {

    /**
     * What {@code list}/{@code describe} show of an app's watching.
     *
     * @param mode    {@code inotify} or {@code polling}
     * @param watches inotify watches held (folders watched)
     * @param warning why it polls, or null
     */
    public record Status(String mode, int watches, String warning) {
    }

    private final Map<String, Entry> apps = new HashMap<>();
    private final InotifyApi api;
    private final Duration pollInterval;
    private final Consumer<String> restart;
    private final BiConsumer<String, String> warn;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jsupd-watch-timer");
        t.setDaemon(true);
        return t;
    });

    private record Entry(WatchSpec spec, Path cwd, AppWatch watch) {
    }

    /**
     * @param restart called with an app's name when a change is due (on the timer thread; must not block)
     * @param warn    called with (app, message) when an app's watching falls back to polling
     */
    public Watches(Consumer<String> restart, BiConsumer<String, String> warn) {
        this(LinuxInotify.INSTANCE, PollingTreeWatcher.INTERVAL, restart, warn);
    }

    Watches(InotifyApi api, Duration pollInterval, Consumer<String> restart, BiConsumer<String, String> warn) {
        this.api = api;
        this.pollInterval = pollInterval;
        this.restart = restart;
        this.warn = warn;
    }

    /** Starts (or replaces) the app's watching; {@code spec} null stops it. Unchanged settings keep the watcher. */
    public void set(String app, WatchSpec spec, Path cwd) {
        AppWatch old;
        AppWatch fresh = null;
        synchronized (this) {
            Entry e = apps.get(app);
            if (e != null && e.spec().equals(spec) && e.cwd().equals(cwd)) {
                return;
            }
            old = e == null ? null : e.watch();
            if (spec == null) {
                apps.remove(app);
            } else {
                fresh = new AppWatch(app, spec, cwd, api, timers, pollInterval, restart, warn);
                apps.put(app, new Entry(spec, cwd, fresh));
            }
        }
        if (old != null) {
            old.close();
        }
        if (fresh != null) {
            fresh.start(); // the tree walk happens outside the lock: a big tree takes a while
        }
    }

    public void remove(String app) {
        set(app, null, null);
    }

    public synchronized Optional<Status> status(String app) {
        Entry e = apps.get(app);
        if (e == null) {
            return Optional.empty();
        }
        AppWatch.State s = e.watch().state();
        return Optional.of(new Status(s.mode(), s.watches(), s.warning()));
    }

    @Override
    public void close() {
        synchronized (this) {
            apps.values().forEach(e -> e.watch().close());
            apps.clear();
        }
        timers.shutdownNow();
    }
}

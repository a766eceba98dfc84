package jsup.supervisor.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import jsup.supervisor.config.WatchSpec;
import jsup.supervisor.watch.InotifyApi.InotifyException;

/**
 * One app's file watching: inotify first; polling when an inotify limit is reached (at set-up or later, when
 * a new folder needs a watch), with a warning. A change asks for a restart once the tree has been quiet for
 * {@code watch_delay}; more changes before that push it back (a debounce), so a deploy that writes many
 * files restarts once.
 */
final class AppWatch implements AutoCloseable, TreeWatcher.Listener {

    /** What {@code list}/{@code describe} show. */
    record State(String mode, int watches, String warning) {
    }

    private final String app;
    private final WatchSpec spec;
    private final IgnoreRules ignore;
    private final InotifyApi api;
    private final ScheduledExecutorService timers;
    private final Duration pollInterval;
    private final Consumer<String> restart;
    private final BiConsumer<String, String> warn;
    private TreeWatcher watcher;
    private String warning;
    private ScheduledFuture<?> pending;
    private boolean closed;

    /**
     * @param restart called with the app's name when a change is due (on a timer thread; must not block)
     * @param warn    called with (app, message) when watching falls back to polling
     */
    AppWatch(String app, WatchSpec spec, Path cwd, InotifyApi api, ScheduledExecutorService timers,
             Duration pollInterval, Consumer<String> restart, BiConsumer<String, String> warn) {
        this.app = app;
        this.spec = spec;
        this.ignore = new IgnoreRules(cwd, spec.ignore());
        this.api = api;
        this.timers = timers;
        this.pollInterval = pollInterval;
        this.restart = restart;
        this.warn = warn;
    }

    synchronized void start() {
        try {
            watcher = InotifyTreeWatcher.start(api, spec.paths(), ignore, this, "jsupd-watch-" + app);
        } catch (InotifyException e) {
            fallBack(e.getMessage());
        }
    }

    synchronized State state() {
        return new State(watcher == null ? "off" : watcher.mode(), watcher == null ? 0 : watcher.watches(), warning);
    }

    @Override
    public synchronized void changed(Path path) {
        if (closed) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timers.schedule(this::due, spec.delay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void due() {
        synchronized (this) {
            if (closed) {
                return;
            }
            pending = null;
        }
        restart.accept(app);
    }

    @Override
    public void failed(String why) {
        // Called on the inotify reader thread; the swap happens on a timer thread so the reader can end.
        timers.execute(() -> {
            synchronized (this) {
                if (!closed && watcher instanceof InotifyTreeWatcher) {
                    watcher.close();
                    fallBack(why);
                    changed(spec.paths().get(0)); // the folder that could not be watched is new: a change
                }
            }
        });
    }

    private void fallBack(String why) {
        warning = "inotify: " + why + "; watching by polling every " + pollInterval.toSeconds()
                + "s instead (raise fs.inotify.max_user_watches / max_user_instances, then restart the app)";
        watcher = new PollingTreeWatcher(spec.paths(), ignore, this, timers, pollInterval);
        warn.accept(app, warning);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel(false);
        }
        if (watcher != null) {
            watcher.close();
        }
    }
}

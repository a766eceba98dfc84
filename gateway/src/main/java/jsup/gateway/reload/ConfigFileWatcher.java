package jsup.gateway.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when the config file (or the {@code .env} beside it) changed. Uses ONE watch, on the
 * file's folder, so editors that replace the file (write a temp file, rename it over) are seen
 * too. When the watch cannot be created or fails later, it falls back to comparing the files'
 * modification times every {@code pollPeriod} and logs a warning: reloading keeps working on a
 * host whose inotify watches are exhausted.
 *
 * <p>Changes are debounced and reported one at a time on this watcher's own thread; an exception
 * from the callback is logged, never propagated.
 */
public final class ConfigFileWatcher implements AutoCloseable {

    public enum Mode { NOT_STARTED, WATCHING, POLLING, STOPPED }

    public static final Duration DEFAULT_POLL_PERIOD = Duration.ofSeconds(5);
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileWatcher.class);

    private final Path configFile;
    private final List<Path> watchedFiles;
    private final DirectoryWatchOpener opener;
    private final Duration pollPeriod;
    private final Duration debounce;
    private final Runnable onChange;
    private final ScheduledExecutorService scheduler;

    private volatile Mode mode = Mode.NOT_STARTED;
    private volatile String fallbackReason = "";
    private WatchService watch;
    private Thread watchThread;
    private ScheduledFuture<?> pending;
    private FileStamp lastSeen;

    /**
     * @param configFile the config file; its folder is watched, and the {@code .env} beside it counts too
     * @param opener     creates the watch ({@link DirectoryWatchOpener#SYSTEM} outside tests)
     * @param pollPeriod how often to compare modification times after falling back (5 s outside tests)
     * @param debounce   how long to wait for a burst of events to settle before reporting
     * @param onChange   called once per settled change, on this watcher's thread
     */
    public ConfigFileWatcher(Path configFile, DirectoryWatchOpener opener, Duration pollPeriod, Duration debounce,
                             Runnable onChange) {
        this.configFile = configFile;
        this.watchedFiles = List.of(configFile, configFile.resolveSibling(".env"));
        this.opener = opener;
        this.pollPeriod = pollPeriod;
        this.debounce = debounce;
        this.onChange = onChange;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "config-reload");
            t.setDaemon(true);
            return t;
        });
    }

    public Mode mode() {
        return mode;
    }

    /** Why the watcher polls instead of watching; empty while watching. */
    public String fallbackReason() {
        return fallbackReason;
    }

    /** Creates the watch, or starts polling when it cannot be created. Never throws. */
    public synchronized void start() {
        if (mode != Mode.NOT_STARTED) {
            return;
        }
        lastSeen = FileStamp.of(watchedFiles);
        Path dir = configFile.getParent();
        try {
            watch = opener.open(dir);
        } catch (IOException | RuntimeException e) {
            fallBackToPolling("cannot watch " + dir + ": " + describe(e));
            return;
        }
        mode = Mode.WATCHING;
        watchThread = new Thread(this::watchLoop, "config-watch");
        watchThread.setDaemon(true);
        watchThread.start();
        LOG.info("watching {} for config changes", dir);
    }

    private void watchLoop() {
        WatchService service = watch;
        try {
            while (mode == Mode.WATCHING) {
                WatchKey key = service.take();
                boolean relevant = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        relevant = true; // events were lost: assume ours was among them
                    } else if (event.context() instanceof Path name && isWatchedName(name)) {
                        relevant = true;
                    }
                }
                if (relevant) {
                    scheduleCheck();
                }
                if (!key.reset()) {
                    fallBackToPolling("the watch on " + configFile.getParent() + " became invalid (folder removed or unmounted)");
                    return;
                }
            }
        } catch (ClosedWatchServiceException e) {
            if (mode == Mode.WATCHING) {
                fallBackToPolling("the watch service was closed unexpectedly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fallBackToPolling("the watch failed: " + describe(e));
        }
    }

    private boolean isWatchedName(Path name) {
        for (Path f : watchedFiles) {
            if (f.getFileName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private synchronized void scheduleCheck() {
        if (mode == Mode.STOPPED) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(() -> checkAndReport(true), debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void fallBackToPolling(String reason) {
        if (mode == Mode.STOPPED || mode == Mode.POLLING) {
            return;
        }
        closeWatch();
        mode = Mode.POLLING;
        fallbackReason = reason;
        LOG.warn("{}; polling {} every {} ms instead (config reload keeps working)", reason, configFile, pollPeriod.toMillis());
        scheduler.scheduleWithFixedDelay(() -> checkAndReport(false), pollPeriod.toMillis(), pollPeriod.toMillis(), TimeUnit.MILLISECONDS);
        // A change made while the watch was failing must not be missed.
        scheduler.execute(() -> checkAndReport(false));
    }

    /**
     * Reports a change when the files differ from what was last reported, or always when
     * {@code force} (a watch event: a rewrite may keep size and, on coarse clocks, time). Runs on
     * the scheduler thread.
     */
    private void checkAndReport(boolean force) {
        try {
            FileStamp now = FileStamp.of(watchedFiles);
            synchronized (this) {
                if (mode == Mode.STOPPED || (!force && now.equals(lastSeen))) {
                    return;
                }
                lastSeen = now;
            }
            onChange.run();
        } catch (RuntimeException e) {
            LOG.error("config reload failed unexpectedly; the running config stays in force", e);
        }
    }

    private void closeWatch() {
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException e) {
                LOG.debug("closing the config watch: {}", e.toString());
            }
            watch = null;
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (mode == Mode.STOPPED) {
                return;
            }
            mode = Mode.STOPPED;
            closeWatch();
        }
        scheduler.shutdownNow();
        if (watchThread != null) {
            watchThread.interrupt();
        }
    }
}

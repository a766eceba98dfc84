package jsup.supervisor.watch;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fallback when inotify is exhausted: scans the trees (ignores applied) every {@link #INTERVAL} and
 * compares each file's modification time and size with the previous scan. Costs no kernel resources; a
 * change is seen up to one interval late.
 */
final class PollingTreeWatcher implements TreeWatcher {

    static final Duration INTERVAL = Duration.ofSeconds(2);

    private record Stamp(long modified, long size) {
    }

    private final List<Path> paths;
    private final IgnoreRules ignore;
    private final Listener listener;
    private final ScheduledFuture<?> task;
    private Map<Path, Stamp> last;

    PollingTreeWatcher(List<Path> paths, IgnoreRules ignore, Listener listener, ScheduledExecutorService scanner,
                       Duration interval) {
        this.paths = List.copyOf(paths);
        this.ignore = ignore;
        this.listener = listener;
        this.last = scan();
        this.task = scanner.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public String mode() {
        return "polling";
    }

    @Override
    public int watches() {
        return 0;
    }

    private synchronized void poll() {
        Map<Path, Stamp> now = scan();
        Path changed = firstDifference(last, now);
        last = now;
        if (changed != null) {
            listener.changed(changed);
        }
    }

    static Path firstDifference(Map<Path, Stamp> before, Map<Path, Stamp> after) {
        for (Map.Entry<Path, Stamp> e : after.entrySet()) {
            if (!Objects.equals(before.get(e.getKey()), e.getValue())) {
                return e.getKey();
            }
        }
        for (Path p : before.keySet()) {
            if (!after.containsKey(p)) {
                return p;
            }
        }
        return null;
    }

    private Map<Path, Stamp> scan() {
        Map<Path, Stamp> stamps = new HashMap<>();
        for (Path root : paths) {
            TreeWalk.walk(root, ignore, new TreeWalk.Visitor() {
                @Override
                public boolean folder(Path dir) {
                    stamps.put(dir, new Stamp(0, 0)); // a folder appearing or going counts, not its mtime
                    return true;
                }

                @Override
                public void file(Path file, BasicFileAttributes attrs) {
                    stamps.put(file, new Stamp(attrs.lastModifiedTime().toMillis(), attrs.size()));
                }
            });
        }
        return stamps;
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}

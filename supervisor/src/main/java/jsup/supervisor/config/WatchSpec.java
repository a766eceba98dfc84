package jsup.supervisor.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Restart on file changes: PM2's {@code watch}, {@code ignore_watch} and {@code watch_delay}.
 *
 * @param paths  absolute folders or files to watch, each recursively ({@code watch: true} is the app's cwd)
 * @param ignore globs of what is not watched, matched against a path relative to the cwd and against its
 *               name alone ({@code ignore_watch}; PM2's default: names starting with a dot, and node_modules)
 * @param delay  how long the tree must stay quiet after a change before the restart ({@code watch_delay}, 0)
 */
public record WatchSpec(List<Path> paths, List<String> ignore, Duration delay) {

    /** PM2's default {@code ignore_watch} ({@code /[\/\\]\.|node_modules/}) written as globs. */
    public static final List<String> DEFAULT_IGNORE = List.of(".*", "node_modules");

    public WatchSpec {
        paths = List.copyOf(paths);
        ignore = List.copyOf(ignore);
    }
}

package jsup.supervisor.watch;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * {@code ignore_watch}: a path is ignored when a glob matches its name alone ({@code node_modules},
 * {@code *.log}, {@code .*}) or its path relative to the app's cwd ({@code logs/**}, {@code tmp/cache}).
 * Applied before a folder gets a watch, so an ignored tree costs no watches.
 */
final class IgnoreRules {

    private final Path cwd;
    private final List<PathMatcher> matchers;

    IgnoreRules(Path cwd, List<String> globs) {
        this.cwd = cwd;
        this.matchers = globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    boolean ignored(Path path) {
        Path name = path.getFileName();
        Path relative = path.startsWith(cwd) ? cwd.relativize(path) : null;
        for (PathMatcher m : matchers) {
            if ((name != null && m.matches(name)) || (relative != null && !relative.toString().isEmpty()
                    && m.matches(relative))) {
                return true;
            }
        }
        return false;
    }
}

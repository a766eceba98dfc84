package jsup.healthmon.doctor;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * No stale lock files match the apps' {@code clear_stale_locks} globs. Staleness is decided by the
 * given predicate, so the supervisor's rules (plain pid, or JSON pid + start time) are passed in.
 */
public final class StaleLockCheck implements DoctorCheck {

    private final List<String> globs;
    private final Predicate<Path> isStale;

    /**
     * @param globs   absolute globs with {@code ~} already expanded, e.g. {@code /root/.moltbot/*.lock}
     * @param isStale true for a lock file whose owner is gone
     */
    public StaleLockCheck(List<String> globs, Predicate<Path> isStale) {
        this.globs = List.copyOf(globs);
        this.isStale = isStale;
    }

    @Override
    public CheckResult run() {
        List<Path> matched = new ArrayList<>();
        for (String glob : globs) {
            matched.addAll(expand(glob));
        }
        List<Path> stale = new ArrayList<>();
        for (Path p : matched) {
            if (isStale.test(p)) {
                stale.add(p);
            }
        }
        if (stale.isEmpty()) {
            return CheckResult.pass("stale locks", matched.size() + " lock file(s) match " + globs + ", none stale");
        }
        List<String> names = stale.stream().map(Path::toString).toList();
        return CheckResult.fail("stale locks", stale.size() + " stale: " + String.join(", ", names),
                "jsup clears them before the app's next start (clear_stale_locks); to remove them now: rm "
                        + String.join(" ", names));
    }

    /**
     * The regular files matching an absolute glob, found by walking from the last folder before
     * the first wildcard. {@code **} crosses folders, as in {@link java.nio.file.FileSystem#getPathMatcher}.
     */
    public static List<Path> expand(String glob) {
        Path pattern = Path.of(glob);
        if (!pattern.isAbsolute()) {
            throw new IllegalArgumentException("lock glob " + glob + " is not absolute; expand ~ and the app's cwd first");
        }
        Path base = pattern.getRoot();
        int fixed = 0;
        for (Path part : pattern) {
            if (hasWildcard(part.toString())) {
                break;
            }
            base = base.resolve(part);
            fixed++;
        }
        if (fixed == pattern.getNameCount()) {
            return Files.isRegularFile(base) ? List.of(base) : List.of();
        }
        int depth = glob.contains("**") ? Integer.MAX_VALUE : pattern.getNameCount() - fixed;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }
}

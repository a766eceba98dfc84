package jsup.supervisor.prestart;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Expands a {@code clear_stale_locks} glob to the regular files it matches: a leading {@code ~} is
 * HOME, a relative glob is relative to the app's cwd, and the part after the last literal folder is
 * a java.nio glob ({@code *} and {@code ?} within one name, {@code **} across folders).
 */
final class LockGlob {

    private LockGlob() {
    }

    /**
     * @throws IllegalArgumentException when the glob is malformed; the message names it
     */
    static List<Path> expand(String glob, Path cwd, String home) {
        String g = glob.strip();
        if (g.equals("~") || g.startsWith("~/")) {
            g = home + g.substring(1);
        }
        String absolute = Path.of(g).isAbsolute() ? g : cwd.resolve(g).toString();
        int firstWild = firstWildcard(absolute);
        if (firstWild < 0) {
            Path file = Path.of(absolute);
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? List.of(file) : List.of();
        }
        int slash = absolute.lastIndexOf('/', firstWild);
        Path base = Path.of(slash <= 0 ? "/" : absolute.substring(0, slash));
        String pattern = absolute.substring(slash + 1);
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("clear_stale_locks \"" + glob + "\" is not a valid glob: "
                    + e.getDescription() + "; use *, ? and ** (e.g. ~/.moltbot/*.lock)", e);
        }
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : pattern.split("/").length;
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            return found;
        }
        try {
            Files.walkFileTree(base, Set.of(), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && matcher.matches(base.relativize(file))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // An unreadable folder holds no lock we could judge anyway.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return found;
        }
        found.sort(null);
        return found;
    }

    private static int firstWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}

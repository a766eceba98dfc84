package jsup.supervisor.watch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Walks a watched tree the way both watchers see it: ignored folders are skipped whole (the root never
 * is), symlinks are not followed, and what vanished or cannot be read is passed over.
 */
final class TreeWalk {

    /** What the walk reports; returning false from {@link #folder} ends the walk. */
    interface Visitor {
        boolean folder(Path dir);

        default void file(Path file, BasicFileAttributes attrs) {
        }
    }

    private TreeWalk() {
    }

    static void walk(Path root, IgnoreRules ignore, Visitor visitor) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && ignore.ignored(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return visitor.folder(dir) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.equals(root) || !ignore.ignored(file)) {
                        visitor.file(file, attrs);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Per-entry failures are passed over above; a root that vanished walks as empty.
        }
    }
}

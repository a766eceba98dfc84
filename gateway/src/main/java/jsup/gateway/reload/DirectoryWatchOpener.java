package jsup.gateway.reload;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;

/**
 * Creates the one watch on a folder. A seam: tests pass one that fails the way an exhausted
 * inotify does ("User limit of inotify watches reached").
 */
@FunctionalInterface
public interface DirectoryWatchOpener {

    /** The JDK's watch service (inotify on Linux), registered for creates, modifies and deletes. */
    DirectoryWatchOpener SYSTEM = dir -> {
        WatchService service = dir.getFileSystem().newWatchService();
        try {
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            return service;
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
    };

    /** A watch service with {@code dir} registered on it. */
    WatchService open(Path dir) throws IOException;
}

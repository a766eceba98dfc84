package jsup.supervisor.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded ecosystem file.
 *
 * @param file     the file read (absolute), or {@code null} when the apps came from an in-memory tree
 * @param apps     the apps in file order, names unique
 * @param warnings things jsup ignored or guessed, each {@code "path: message"}; the file still loaded
 */
public record Ecosystem(Path file, List<AppSpec> apps, List<String> warnings) {

    public Ecosystem {
        apps = List.copyOf(apps);
        warnings = List.copyOf(warnings);
    }
}

package jsup.supervisor.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Paths as the environment given to the loader sees them: {@code ~} is its HOME, commands are found on its PATH. */
final class HostPaths {

    /** Used when the environment has no PATH, as a login shell would. */
    static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private final Map<String, String> environment;

    HostPaths(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    String searchPath() {
        String path = environment.get("PATH");
        return path == null || path.isBlank() ? DEFAULT_PATH : path;
    }

    /**
     * {@code ~} and {@code ~/x} become HOME and HOME/x; anything else is returned as is.
     *
     * @throws IllegalArgumentException when {@code ~} is used and the environment has no HOME
     */
    String expandHome(String text) {
        if (!text.equals("~") && !text.startsWith("~/")) {
            return text;
        }
        String home = environment.get("HOME");
        if (home == null || home.isBlank()) {
            throw new IllegalArgumentException(Values.quote(text) + " starts with ~ but HOME is not set; write the full path");
        }
        return home + text.substring(1);
    }

    /**
     * {@code ~} expanded, then resolved against {@code base} when relative, normalized.
     *
     * @throws IllegalArgumentException when {@code ~} has no HOME or the text is not a path
     */
    Path resolve(Path base, String text) {
        try {
            return base.resolve(expandHome(text)).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(Values.quote(text) + " is not a path: " + e.getReason());
        }
    }

    /** The first executable regular file called {@code command} in a folder of PATH, as a shell would find it. */
    Optional<Path> onPath(String command) {
        for (String folder : searchPath().split(":")) {
            if (folder.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(folder, command).toAbsolutePath().normalize();
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (InvalidPathException e) {
                // A PATH entry that is not a path cannot hold the command; keep looking.
            }
        }
        return Optional.empty();
    }
}

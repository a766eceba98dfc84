package jsup.cli.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jsup.supervisor.config.Durations;

/** Reads what {@code jsup startup} needs from jsupd's {@code dump.json}: the largest kill_timeout. */
public final class SavedApps {

    /** PM2's default kill_timeout, assumed for apps that do not set one. */
    public static final Duration DEFAULT_KILL_TIMEOUT = Duration.ofMillis(1600);

    private SavedApps() {
    }

    /**
     * The largest {@code kill_timeout} among the apps in the dump (or its {@code .bak}), or
     * {@link #DEFAULT_KILL_TIMEOUT} when there is no readable dump or no app in it.
     */
    public static Duration maxKillTimeout(Path dump) {
        Duration max = DEFAULT_KILL_TIMEOUT;
        JsonNode root = read(dump);
        if (root == null) {
            root = read(dump.resolveSibling(dump.getFileName() + ".bak"));
        }
        if (root == null) {
            return max;
        }
        JsonNode apps = root.isArray() ? root : root.path("apps");
        for (JsonNode app : apps) {
            // jsupd's dump nests each app's ecosystem keys under "config"; a plain app list has them inline.
            JsonNode spec = app.has("config") ? app.get("config") : app;
            JsonNode kill = spec.get("kill_timeout");
            Duration d = kill == null ? DEFAULT_KILL_TIMEOUT : parse(kill);
            if (d.compareTo(max) > 0) {
                max = d;
            }
        }
        return max;
    }

    private static Duration parse(JsonNode value) {
        try {
            return value.isNumber() ? Duration.ofMillis(value.asLong()) : Durations.parse(value.asText());
        } catch (RuntimeException e) {
            return DEFAULT_KILL_TIMEOUT;
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Files.isRegularFile(file) ? new ObjectMapper().readTree(file.toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }
}

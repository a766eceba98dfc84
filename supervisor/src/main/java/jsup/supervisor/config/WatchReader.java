package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Reads PM2's {@code watch} ({@code true}, a path, or a list of paths, relative to the cwd),
 * {@code ignore_watch} (a glob or a list of globs) and {@code watch_delay} (a duration).
 */
final class WatchReader {

    private final HostPaths host;

    WatchReader(HostPaths host) {
        this.host = host;
    }

    /** The watch settings, or {@code null} when the app is not watched (or a value is bad, recorded). */
    WatchSpec read(Fields f, Path cwd) {
        JsonNode watch = f.take("watch");
        JsonNode ignoreNode = f.take("ignore_watch");
        Duration delay = f.duration("watch_delay", Duration.ZERO);
        List<String> ignore = readIgnore(f, ignoreNode);
        if (watch == null || (watch.isBoolean() && !watch.booleanValue())) {
            return null;
        }
        List<Path> paths = new ArrayList<>();
        if (watch.isBoolean() || (watch.isArray() && watch.isEmpty())) {
            paths.add(cwd); // PM2: watch: true (or []) watches the app's cwd
        } else if (watch.isTextual() || watch.isArray()) {
            List<JsonNode> entries = new ArrayList<>();
            if (watch.isArray()) {
                watch.forEach(entries::add);
            } else {
                entries.add(watch);
            }
            for (JsonNode entry : entries) {
                Path p = entry.isTextual() && !entry.textValue().isBlank() ? path(f, entry.textValue(), cwd) : null;
                if (!entry.isTextual() || entry.textValue().isBlank()) {
                    f.bad("watch", entry, "is not a path; use true, \"src\" or [\"src\", \"config\"]");
                }
                if (p != null) {
                    paths.add(p);
                }
            }
            if (paths.size() != entries.size()) {
                return null;
            }
        } else {
            f.bad("watch", watch, "is not true, a path or a list of paths; use true, \"src\" or [\"src\", \"config\"]");
            return null;
        }
        return ignore == null || delay == null ? null : new WatchSpec(paths, ignore, delay);
    }

    private Path path(Fields f, String text, Path cwd) {
        try {
            Path p = host.resolve(cwd, text.strip());
            if (!Files.exists(p)) {
                f.error("watch", Values.quote(text) + " does not exist (looked for " + p + "); create it or fix the path");
                return null;
            }
            return p;
        } catch (IllegalArgumentException e) {
            f.error("watch", e.getMessage());
            return null;
        }
    }

    private static List<String> readIgnore(Fields f, JsonNode value) {
        if (value == null) {
            return WatchSpec.DEFAULT_IGNORE;
        }
        List<JsonNode> entries = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(entries::add);
        } else {
            entries.add(value);
        }
        List<String> globs = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (!entry.isTextual() || entry.textValue().isBlank()) {
                f.bad("ignore_watch", entry, "is not a glob; use \"node_modules\", \"*.log\" or [\"logs/**\", \".git\"]");
                return null;
            }
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + entry.textValue());
            } catch (PatternSyntaxException e) {
                f.error("ignore_watch", Values.quote(entry.textValue()) + " is not a glob: " + e.getDescription());
                return null;
            }
            globs.add(entry.textValue());
        }
        return globs;
    }
}

package jsup.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes config files the way editors do (temp file, then rename over), so watches see one change. */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    public static Path write(Path file, String json) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A config using one provider {@code fake} at {@code baseUrl} with {@code key}, the given chain, and extra top-level JSON.
     * Models get 30 s to answer: a fake answers in milliseconds, but not always on a machine with both cores busy.
     */
    public static String withFakeProvider(String baseUrl, String key, String primary, String fallbacksJson, String extra) {
        return "{\n"
                + "  \"gateway\": { \"port\": 0 },\n"
                + "  \"agents\": { \"defaults\": { \"model\": { \"primary\": \"" + primary + "\", \"fallbacks\": " + fallbacksJson + " },"
                + " \"timeoutSeconds\": 30 } },\n"
                + "  \"models\": { \"providers\": { \"fake\": { \"baseUrl\": \"" + baseUrl + "\""
                + (key == null ? "" : ", \"apiKey\": \"" + key + "\"") + " } } }"
                + (extra.isEmpty() ? "" : ",\n" + extra) + "\n}\n";
    }
}

package jsup.supervisor.web.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard's files (HTML, CSS, JS), resources of the jar under {@code jsup/dashboard/}: no CDN,
 * no build step. Read once, when the listener starts.
 */
final class Assets {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    record Asset(String type, byte[] bytes) {
    }

    private Assets() {
    }

    static Asset load(String file) {
        try (InputStream in = Assets.class.getResourceAsStream("/jsup/dashboard/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks jsup/dashboard/" + file);
            }
            String ext = file.substring(file.lastIndexOf('.') + 1);
            return new Asset(TYPES.get(ext), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package jsup.gateway.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds headless Chromium and starts it on a page, in a profile folder of its own (so parallel runs
 * do not share one). {@code --no-sandbox} because CI runs as root; {@code --single-process
 * --no-zygote} because one process starts in a third of the time on a busy machine (3 s instead
 * of 9 s at a load of 15 on 2 cores).
 */
public final class HeadlessChromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Path executable;
    private final Path profile;

    private HeadlessChromium(Path executable, Path profile) {
        this.executable = executable;
        this.profile = profile;
    }

    /** Chromium from the PATH, or empty when it is not installed ({@code apt-get install chromium}). */
    public static Optional<HeadlessChromium> find(Path profile) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate, profile));
                }
            }
        }
        return Optional.empty();
    }

    /** The page at {@code width}×{@code height}, to drive over the DevTools protocol. */
    public BrowserPage open(URI page, int width, int height) throws IOException, InterruptedException {
        List<String> command = command();
        command.addAll(List.of("--remote-debugging-port=0", "--hide-scrollbars", "--window-size=" + width + "," + height, page.toString()));
        return BrowserPage.open(command, page);
    }

    private List<String> command() {
        return new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--single-process",
                "--no-zygote", "--no-first-run", "--disable-extensions", "--disable-background-networking", "--user-data-dir=" + profile));
    }
}

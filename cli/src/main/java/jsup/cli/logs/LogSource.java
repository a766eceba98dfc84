package jsup.cli.logs;

import java.nio.file.Path;

/**
 * One log file to show.
 *
 * @param app    the app's name, shown as the line prefix
 * @param stream {@code out} or {@code err}
 * @param file   the file jsupd writes (rotated files are renamed away from this path)
 */
public record LogSource(String app, String stream, Path file) {
}

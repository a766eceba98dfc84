package jsup.supervisor.internal;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads small {@code /proc} files into one reused buffer. Sampling reads a few files per app every
 * second; {@code Files.readString} costs several times more per read (size probe, fresh buffers),
 * which matters for the daemon's idle CPU with many apps. Not thread-safe: one per sampling thread.
 */
final class ProcFileReader {

    private byte[] buffer = new byte[4096];

    /** The whole file as ISO-8859-1 text. */
    String read(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toString())) {
            int length = 0;
            while (true) {
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
            return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
        }
    }
}

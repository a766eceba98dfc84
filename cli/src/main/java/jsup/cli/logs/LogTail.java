package jsup.cli.logs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The last lines of a file, read backwards in blocks so a large log costs only what is shown. */
public final class LogTail {

    private static final int BLOCK = 8192;

    private LogTail() {
    }

    /**
     * The last {@code n} complete or trailing lines of {@code file}, oldest first; empty when the file
     * does not exist.
     */
    public static List<String> lastLines(Path file, int n) throws IOException {
        return lastLines(file, n, Long.MAX_VALUE);
    }

    /** Like {@link #lastLines(Path, int)}, but of the file's first {@code limit} bytes only. */
    public static List<String> lastLines(Path file, int n, long limit) throws IOException {
        if (n <= 0 || !Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = Math.min(limit, raf.length());
            if (end == 0) {
                return List.of();
            }
            raf.seek(end - 1);
            if (raf.read() == '\n') {
                end--;
            }
            long pos = end;
            int newlines = 0;
            byte[] buf = new byte[BLOCK];
            long start = 0;
            search:
            while (pos > 0) {
                int len = (int) Math.min(BLOCK, pos);
                pos -= len;
                raf.seek(pos);
                raf.readFully(buf, 0, len);
                for (int i = len - 1; i >= 0; i--) {
                    if (buf[i] == '\n' && ++newlines == n) {
                        start = pos + i + 1;
                        break search;
                    }
                }
            }
            byte[] tail = new byte[(int) (end - start)];
            raf.seek(start);
            raf.readFully(tail);
            List<String> lines = new ArrayList<>(n);
            for (String line : new String(tail, StandardCharsets.UTF_8).split("\n", -1)) {
                lines.add(stripCr(line));
            }
            return Collections.unmodifiableList(lines);
        }
    }

    static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}

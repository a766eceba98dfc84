package jsup.gateway.ops;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last lines of a log file, read from its end. Reads at most {@link #MAX_BYTES}, so a
 * multi-gigabyte log or one endless line costs no more than a short one.
 */
final class LogFileTail {

    /** How far back from the end a tail looks. */
    static final int MAX_BYTES = 64 * 1024;

    private LogFileTail() {
    }

    /** The last {@code n} lines of {@code file}, oldest first; empty when it is missing or empty. */
    static List<String> lastLines(Path file, int n) throws IOException {
        if (n <= 0 || !Files.exists(file)) {
            return List.of();
        }
        byte[] tail;
        long start;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            start = Math.max(0, length - MAX_BYTES);
            tail = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(tail);
        } catch (NoSuchFileException | java.io.FileNotFoundException gone) {
            return List.of(); // rotated away between the check and the open
        }
        List<String> lines = new ArrayList<>(Arrays.asList(new String(tail, StandardCharsets.UTF_8).split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the file ends with a newline
        }
        if (start > 0 && !lines.isEmpty()) {
            lines.remove(0); // began mid-line (maybe mid-character): not a whole line
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - n), lines.size());
        List<String> out = new ArrayList<>(last.size());
        for (String line : last) {
            out.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return out;
    }
}

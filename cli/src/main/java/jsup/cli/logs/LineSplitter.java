package jsup.cli.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Cuts a byte stream into {@link LogLine}s at {@code \n}, keeping a trailing partial line for the next block. */
final class LineSplitter {

    private final LogSource source;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    LineSplitter(LogSource source) {
        this.source = source;
    }

    /** Adds every line {@code bytes[0, n)} completes to {@code out}. */
    void accept(byte[] bytes, int n, List<LogLine> out) {
        int lineStart = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, lineStart, i - lineStart);
                out.add(line());
                lineStart = i + 1;
            }
        }
        partial.write(bytes, lineStart, n - lineStart);
    }

    /** At the end of a file: a last line without newline is a line too. */
    void flush(List<LogLine> out) {
        if (partial.size() > 0) {
            out.add(line());
        }
    }

    /** Drops a partial line (the file was truncated under it). */
    void reset() {
        partial.reset();
    }

    private LogLine line() {
        LogLine l = new LogLine(source, LogTail.stripCr(partial.toString(StandardCharsets.UTF_8)));
        partial.reset();
        return l;
    }
}

package jsup.cli.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Follows log files like {@code tail -F}: each {@link #poll()} returns the complete lines written
 * since the last one. A rotated file (renamed away, a new one created at the path) is read to its
 * end through the still-open handle before the new file is read from its start, so no line is lost
 * across a rotation; a file that shrank (flushed) is read again from its start. A file rotated
 * twice between two polls (100 ms apart in {@code jsup logs}) would skip the middle file: that takes
 * two full {@code log_max_size} files within one poll.
 */
public final class LogFollower implements AutoCloseable {

    private final List<Tracked> files = new ArrayList<>();

    /**
     * @param sources   the files to follow
     * @param fromStart read existing content too (else start at each file's current end)
     */
    public LogFollower(List<LogSource> sources, boolean fromStart) {
        for (LogSource s : sources) {
            Tracked t = new Tracked(s);
            t.open(!fromStart);
            files.add(t);
        }
    }

    /**
     * Where following starts in each source's file: the tail shown before following ends there, so
     * no line is shown twice or skipped. 0 for a file that does not exist yet.
     */
    public long startOffset(LogSource source) {
        for (Tracked t : files) {
            if (t.source.equals(source)) {
                return t.channel == null ? 0 : t.pos;
            }
        }
        throw new IllegalArgumentException("not followed: " + source);
    }

    /** The complete lines written since the last poll, file by file. */
    public List<LogLine> poll() {
        List<LogLine> out = new ArrayList<>();
        for (Tracked t : files) {
            t.poll(out);
        }
        return out;
    }

    @Override
    public void close() {
        for (Tracked t : files) {
            t.closeChannel();
        }
    }

    private static final class Tracked {
        private final LogSource source;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private final ByteBuffer buf = ByteBuffer.allocate(65536);
        private FileChannel channel;
        private Object key;
        private long pos;

        Tracked(LogSource source) {
            this.source = source;
        }

        void open(boolean atEnd) {
            try {
                BasicFileAttributes attrs = Files.readAttributes(source.file(), BasicFileAttributes.class);
                channel = FileChannel.open(source.file(), StandardOpenOption.READ);
                key = attrs.fileKey();
                pos = atEnd ? channel.size() : 0;
            } catch (NoSuchFileException e) {
                channel = null;
            } catch (IOException e) {
                channel = null;
            }
        }

        void poll(List<LogLine> out) {
            if (channel == null) {
                open(false);
                if (channel == null) {
                    return;
                }
            }
            drain(out);
            if (channel == null) {
                return;
            }
            Object current = currentKey();
            if (current != null && !Objects.equals(current, key)) {
                // Rotated: whatever reached the old file before the rename is read now, then the new file.
                if (channel != null) {
                    drain(out);
                }
                flushPartial(out);
                closeChannel();
                open(false);
                if (channel != null) {
                    drain(out);
                }
            } else {
                try {
                    if (channel.size() < pos) {
                        pos = 0;
                        partial.reset();
                        drain(out);
                        return;
                    }
                } catch (IOException e) {
                    closeChannel();
                }
            }
        }

        private Object currentKey() {
            try {
                return Files.readAttributes(source.file(), BasicFileAttributes.class).fileKey();
            } catch (IOException e) {
                return null;
            }
        }

        private void drain(List<LogLine> out) {
            try {
                while (true) {
                    buf.clear();
                    int n = channel.read(buf, pos);
                    if (n <= 0) {
                        return;
                    }
                    pos += n;
                    byte[] a = buf.array();
                    int lineStart = 0;
                    for (int i = 0; i < n; i++) {
                        if (a[i] == '\n') {
                            partial.write(a, lineStart, i - lineStart);
                            out.add(new LogLine(source, LogTail.stripCr(partial.toString(StandardCharsets.UTF_8))));
                            partial.reset();
                            lineStart = i + 1;
                        }
                    }
                    partial.write(a, lineStart, n - lineStart);
                }
            } catch (IOException e) {
                closeChannel();
            }
        }

        private void flushPartial(List<LogLine> out) {
            if (partial.size() > 0) {
                out.add(new LogLine(source, LogTail.stripCr(partial.toString(StandardCharsets.UTF_8))));
                partial.reset();
            }
        }

        void closeChannel() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Read-only handle: nothing to lose.
                }
                channel = null;
            }
        }
    }
}

package jsup.supervisor.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drains one capture's {@link ChunkQueue} into the log files, adding timestamps when asked, and hands
 * everything to the OS whenever the queue runs empty. Runs on its own thread per capture, so one app's
 * slow disk never holds up another app.
 *
 * <p>A failed write (disk full, file gone) is not silent: it is reported on stderr once, the bytes are
 * counted, and the next successful write to that file first records how many bytes were lost.
 */
final class CaptureWriter {

    private final String app;
    private final ChunkQueue queue;
    private final LogTargets targets;
    private final DateTimeFormatter stamps;
    private final Map<RotatingFileWriter, Lost> lost = new IdentityHashMap<>();
    private final boolean[] midLine = new boolean[Chunk.Source.values().length];

    private byte[] scratch = new byte[RotatingFileWriter.BUFFER_BYTES];
    private long stampMillis = Long.MIN_VALUE;
    private byte[] stampPrefix;

    /** @param stamps formats each line's prefix, or null for no timestamps */
    CaptureWriter(String app, ChunkQueue queue, LogTargets targets, DateTimeFormatter stamps) {
        this.app = app;
        this.queue = queue;
        this.targets = targets;
        this.stamps = stamps;
    }

    /**
     * Writes until every pump is done and the queue is empty.
     *
     * @throws IOException when some output could not be written; the message says how much and where
     */
    void drain() throws IOException, InterruptedException {
        while (true) {
            List<Chunk> batch = queue.takeAll();
            if (batch.isEmpty()) {
                break;
            }
            for (Chunk chunk : batch) {
                write(chunk);
            }
            if (queue.isEmpty()) {
                flushAll();
            }
        }
        flushAll();
        if (!lost.isEmpty()) {
            Map.Entry<RotatingFileWriter, Lost> e = lost.entrySet().iterator().next();
            long bytes = e.getValue().bytes;
            throw new IOException((bytes > 0 ? bytes + " bytes" : "some") + " of " + app
                    + "'s output could not be written to " + e.getKey().path() + ": "
                    + e.getValue().cause.getMessage() + "; check free space and permissions", e.getValue().cause);
        }
    }

    private void write(Chunk chunk) {
        byte[] data = chunk.bytes();
        int len = data.length;
        if (stamps != null) {
            len = stamp(chunk);
            data = scratch;
        }
        for (RotatingFileWriter target : targets.forSource(chunk.source())) {
            writeTo(target, data, len);
        }
    }

    private void writeTo(RotatingFileWriter target, byte[] data, int len) {
        try {
            Lost before = lost.get(target);
            if (before != null) {
                byte[] note = ("[jsup] " + before.bytes + " bytes of output were lost here: "
                        + before.cause.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                target.write(note, 0, note.length);
                lost.remove(target);
            }
            target.write(data, 0, len);
        } catch (IOException e) {
            Lost l = lost.computeIfAbsent(target, t -> {
                System.err.println("jsup: log-" + app + ": cannot write " + t.path() + " (" + e.getMessage()
                        + "); counting the lost output until writing works again");
                return new Lost(e);
            });
            l.bytes += len;
        }
    }

    private void flushAll() {
        for (RotatingFileWriter target : targets.all()) {
            try {
                target.flush();
            } catch (IOException e) {
                lost.computeIfAbsent(target, t -> new Lost(e));
            }
        }
    }

    /** Copies the chunk into {@link #scratch} with a timestamp before each line; returns the length. */
    private int stamp(Chunk chunk) {
        byte[] prefix = prefix(chunk.readAtMillis());
        byte[] data = chunk.bytes();
        int ordinal = chunk.source().ordinal();
        int lines = 0;
        for (byte b : data) {
            if (b == '\n') {
                lines++;
            }
        }
        int need = data.length + (lines + 1) * prefix.length;
        if (scratch.length < need) {
            scratch = new byte[Math.max(need, scratch.length * 2)];
        }
        int o = 0;
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] != '\n' && i + 1 < data.length) {
                continue;
            }
            if (!midLine[ordinal]) {
                System.arraycopy(prefix, 0, scratch, o, prefix.length);
                o += prefix.length;
            }
            int n = i - start + 1;
            System.arraycopy(data, start, scratch, o, n);
            o += n;
            midLine[ordinal] = data[i] != '\n';
            start = i + 1;
        }
        return o;
    }

    private byte[] prefix(long millis) {
        if (millis != stampMillis) {
            stampMillis = millis;
            stampPrefix = (stamps.format(Instant.ofEpochMilli(millis)) + ": ").getBytes(StandardCharsets.UTF_8);
        }
        return stampPrefix;
    }

    private static final class Lost {
        final IOException cause;
        long bytes;

        Lost(IOException cause) {
            this.cause = cause;
        }
    }
}

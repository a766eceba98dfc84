package jsup.supervisor.log;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What an app's logs have taken in since they were opened: the bytes of each stream (as the app wrote
 * them, before timestamps) and the rotations of its files. Counted by the capture threads, read by
 * {@code /metrics} and {@code list --json} at any time.
 */
public final class LogCounts {

    /** For outputs that write no log files of jsup's own. */
    public static final LogCounts NONE = new LogCounts(List.of());

    private final LongAdder out = new LongAdder();
    private final LongAdder err = new LongAdder();
    private final List<RotatingFileWriter> files;

    LogCounts(List<RotatingFileWriter> files) {
        this.files = List.copyOf(files);
    }

    void add(Pipe pipe, int bytes) {
        (pipe == Pipe.OUT ? out : err).add(bytes);
    }

    /** Bytes taken in from stdout. */
    public long outBytes() {
        return out.sum();
    }

    /** Bytes taken in from stderr. */
    public long errBytes() {
        return err.sum();
    }

    /** Rotations of the app's log files (each file counted once, even when shared by two streams). */
    public long rotations() {
        long n = 0;
        for (RotatingFileWriter f : files) {
            n += f.rotations();
        }
        return n;
    }
}

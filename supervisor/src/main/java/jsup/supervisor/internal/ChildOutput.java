package jsup.supervisor.internal;

import jsup.supervisor.log.LogCounts;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.config.AppSpec;

/** Where one app's stdout and stderr go; one per app, across restarts. */
public interface ChildOutput extends AutoCloseable {

    /**
     * Starts {@code builder}'s process with its stdout and stderr going where this output sends them.
     *
     * @throws IOException when it cannot start; nothing is left running or open
     */
    Started start(ProcessBuilder builder) throws IOException;

    /** A started child, and when every byte of its output is written. */
    record Started(Process process, CompletableFuture<Void> drained) {
    }

    /**
     * Empties the app's log files ({@code jsup flush}) through the writers that append to them, so
     * their size counts (and so rotation) stay right.
     *
     * @throws java.io.UncheckedIOException when a file cannot be emptied; the message names it
     */
    void flush();

    @Override
    void close();

    /** What the app's logs took in since this output was opened; {@link LogCounts#NONE} when not counted. */
    default LogCounts counts() {
        return LogCounts.NONE;
    }

    /** Opens the output of one app. */
    @FunctionalInterface
    interface Factory {
        ChildOutput open(AppSpec spec);
    }
}

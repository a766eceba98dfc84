package jsup.supervisor.internal;

import java.util.concurrent.CompletableFuture;
import jsup.supervisor.config.AppSpec;

/** Where one app's stdout and stderr go; one per app, across restarts. */
public interface ChildOutput extends AutoCloseable {

    /** Sets up the process builder's stdout and stderr before the start. */
    void prepare(ProcessBuilder builder);

    /** Starts draining {@code process}; completes when every byte is written. */
    CompletableFuture<Void> capture(Process process);

    /**
     * Empties the app's log files ({@code jsup flush}) through the writers that append to them, so
     * their size counts (and so rotation) stay right.
     *
     * @throws java.io.UncheckedIOException when a file cannot be emptied; the message names it
     */
    void flush();

    @Override
    void close();

    /** Opens the output of one app. */
    @FunctionalInterface
    interface Factory {
        ChildOutput open(AppSpec spec);
    }
}

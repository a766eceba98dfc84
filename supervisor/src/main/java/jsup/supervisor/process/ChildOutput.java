package jsup.supervisor.process;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.config.AppSpec;

/**
 * Where one app's stdout and stderr go; one per app, across restarts. It only hands over what the child
 * is to be connected to ({@link Run#stdio()}); {@link Spawner} starts the child.
 */
public interface ChildOutput extends AutoCloseable {

    /**
     * Prepares the output of one run.
     *
     * @throws IOException when the pipes or files cannot be made ready; nothing is left open
     */
    Run open() throws IOException;

    /** The output of one run, from {@link #open()} until the child started or could not. */
    interface Run {

        /** What the child is to be connected to. */
        ChildStdio stdio();

        /**
         * The child runs, connected to {@link #stdio()}: jsupd's copies of its ends are closed and
         * reading begins.
         *
         * @return completes when every byte of the run's output is written
         */
        CompletableFuture<Void> started(Process process);

        /** The child could not start: closes whatever {@link #open()} made. */
        void abandon();
    }

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

    /** Opens the output of one app. */
    @FunctionalInterface
    interface Factory {
        ChildOutput open(AppSpec spec);
    }
}

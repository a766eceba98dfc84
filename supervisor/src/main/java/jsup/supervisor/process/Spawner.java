package jsup.supervisor.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a child on the stdout and stderr its output hands over ({@link ChildStdio}): with
 * {@code posix_spawn} on jsupd's pipe descriptors where {@link NativeSpawner} loads (one
 * {@code child-reaper} thread for every exit), else with {@link ProcessBuilder}, which is given a
 * pipe's write end by its path {@code /proc/self/fd/N} (the JVM opens the redirect in jsupd before
 * the fork; opening that path opens the same pipe).
 */
public final class Spawner {

    /** {@code -Djsup.spawn.jdk=true}: always {@link ProcessBuilder} (read at every start). */
    public static final String JDK_SPAWN_PROPERTY = NativeSpawner.JDK_SPAWN_PROPERTY;

    private Spawner() {
    }

    /**
     * Opens a run of {@code output}, starts {@code builder}'s command on it (its directory and
     * environment; stdin from {@code /dev/null}, its other redirects are replaced) and hands the process
     * back to the output.
     *
     * @throws IOException when the output cannot be opened or the program cannot run; nothing is left
     *                     running or open
     */
    public static ChildOutput.Started start(ProcessBuilder builder, ChildOutput output) throws IOException {
        return start(new SpawnCommand(builder), output);
    }

    /** As {@link #start(ProcessBuilder, ChildOutput)}, for a command an app's restarts reuse. */
    static ChildOutput.Started start(SpawnCommand command, ChildOutput output) throws IOException {
        return start(command, output, new int[0]);
    }

    /**
     * As {@link #start(SpawnCommand, ChildOutput)}, with {@code inherited} as the child's fds 3, 4, ... (held
     * listening sockets). Only {@code posix_spawn} can pass them: without it this fails before anything runs.
     */
    static ChildOutput.Started start(SpawnCommand command, ChildOutput output, int[] inherited) throws IOException {
        ChildOutput.Run run = output.open();
        Process process;
        try {
            process = start(command, run.stdio(), inherited);
        } catch (IOException | RuntimeException e) {
            run.abandon();
            throw e;
        }
        return new ChildOutput.Started(process, run.started(process));
    }

    /** Whether children are started with {@code posix_spawn} (else with {@link ProcessBuilder}). */
    public static boolean spawnsNatively() {
        return NativeSpawner.get() != null;
    }

    static Process start(SpawnCommand command, ChildStdio stdio) throws IOException {
        return start(command, stdio, new int[0]);
    }

    static Process start(SpawnCommand command, ChildStdio stdio, int[] inherited) throws IOException {
        NativeSpawner spawner = NativeSpawner.get();
        if (inherited.length > 0 && (spawner == null || !(stdio instanceof ChildStdio.Descriptors))) {
            throw new IOException("held sockets (\"sockets\") can only be passed by posix_spawn (glibc 2.34 or "
                    + "later on 64-bit Linux, without -D" + JDK_SPAWN_PROPERTY + "=true); ProcessBuilder cannot "
                    + "pass descriptors; remove \"sockets\" from the app or run jsupd where posix_spawn loads");
        }
        if (stdio instanceof ChildStdio.Descriptors fds) {
            if (spawner != null) {
                return spawner.start(command, fds.out(), fds.err(), inherited);
            }
            return command.toBuilder().redirectOutput(byPath(fds.out())).redirectError(byPath(fds.err())).start();
        }
        ProcessBuilder builder = command.toBuilder();
        if (stdio instanceof ChildStdio.Files files) {
            return builder.redirectOutput(appendTo(files.out())).redirectError(appendTo(files.err())).start();
        }
        return builder.redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    private static File byPath(int fd) {
        return new File("/proc/self/fd/" + fd);
    }

    private static ProcessBuilder.Redirect appendTo(Path file) {
        if (file == null) {
            return ProcessBuilder.Redirect.DISCARD;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log folder of " + file + ": " + e.getMessage(), e);
        }
        return ProcessBuilder.Redirect.appendTo(file.toFile());
    }
}

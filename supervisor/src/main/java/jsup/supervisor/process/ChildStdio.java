package jsup.supervisor.process;

import java.nio.file.Path;

/**
 * Where a child's stdout and stderr go, as the output side hands them over: the spawner only connects
 * the child to them, it never decides where output goes (as in runit and s6, where the logger only
 * receives a pipe). stdin is always {@code /dev/null}.
 */
public sealed interface ChildStdio {

    /**
     * The write ends of two pipes jsupd holds open: the child gets them as its fds 1 and 2. The output
     * side closes jsupd's copies once the child runs, so the pipes reach EOF when the child's side closes.
     */
    record Descriptors(int out, int err) implements ChildStdio {
    }

    /** Files the kernel appends to; a null file discards that stream. */
    record Files(Path out, Path err) implements ChildStdio {
    }

    /**
     * Pipes {@link ProcessBuilder} makes: the output side reads the started {@link Process}'s streams.
     * Where jsupd cannot learn the descriptors of pipes of its own.
     */
    record JdkPipes() implements ChildStdio {
    }
}

package jsup.supervisor.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.process.ChildOutput;
import jsup.supervisor.process.ChildStdio;

/**
 * Output without a pump: the kernel appends the child's stdout and stderr straight to
 * {@code out_file} and {@code error_file}. Nothing is lost and nothing to drain, but no timestamps,
 * no combined log and no rotation; used where {@link AppLogOutput} is not wanted (tests of the engine).
 */
public final class FileRedirectOutput implements ChildOutput {

    private final AppSpec spec;

    public FileRedirectOutput(AppSpec spec) {
        this.spec = spec;
    }

    @Override
    public Run open() {
        return new Run() {
            @Override
            public ChildStdio stdio() {
                return new ChildStdio.Files(spec.outFile(), spec.errorFile());
            }

            @Override
            public CompletableFuture<Void> started(Process process) {
                return CompletableFuture.completedFuture(null); // the kernel wrote it all already
            }

            @Override
            public void abandon() {
            }
        };
    }

    /** The kernel appends (O_APPEND), so emptying the files in place is safe while the child writes. */
    @Override
    public void flush() {
        for (Path file : new Path[] {spec.outFile(), spec.errorFile()}) {
            if (file != null && Files.isRegularFile(file)) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    ch.truncate(0);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot flush " + file + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public void close() {
    }
}

package jsup.supervisor.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.config.AppSpec;

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
    public Started start(ProcessBuilder builder) throws IOException {
        Process process = builder.redirectOutput(target(spec.outFile())).redirectError(target(spec.errorFile())).start();
        return new Started(process, CompletableFuture.completedFuture(null));
    }

    private static ProcessBuilder.Redirect target(Path file) {
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

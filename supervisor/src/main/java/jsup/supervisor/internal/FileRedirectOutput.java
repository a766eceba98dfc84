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
    public void prepare(ProcessBuilder builder) {
        builder.redirectOutput(target(spec.outFile())).redirectError(target(spec.errorFile()));
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

    @Override
    public CompletableFuture<Void> capture(Process process) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }
}

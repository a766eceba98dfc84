package jsup.supervisor.internal;

import java.util.concurrent.CompletableFuture;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.log.AppLog;

/** Output through {@link AppLog}: pipes pumped into rotating files, timestamps when configured. */
public final class AppLogOutput implements ChildOutput {

    private final AppLog log;

    private AppLogOutput(AppLog log) {
        this.log = log;
    }

    public static ChildOutput open(AppSpec spec) {
        return new AppLogOutput(AppLog.open(spec));
    }

    @Override
    public void prepare(ProcessBuilder builder) {
        builder.redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.PIPE);
    }

    @Override
    public CompletableFuture<Void> capture(Process process) {
        return log.capture(process);
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public void close() {
        log.close();
    }
}

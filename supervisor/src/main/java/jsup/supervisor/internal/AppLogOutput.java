package jsup.supervisor.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.log.AppLog;
import jsup.supervisor.log.RunCapture;
import jsup.supervisor.process.ChildOutput;
import jsup.supervisor.process.ChildStdio;

/** Output through {@link AppLog}: pipes read into rotating files, timestamps when configured. */
public final class AppLogOutput implements ChildOutput {

    private final AppLog log;

    private AppLogOutput(AppLog log) {
        this.log = log;
    }

    public static ChildOutput open(AppSpec spec) {
        return of(AppLog.open(spec));
    }

    /** The output of an open {@code log}. */
    public static ChildOutput of(AppLog log) {
        return new AppLogOutput(log);
    }

    @Override
    public Run open() throws IOException {
        RunCapture capture = log.capture();
        ChildStdio stdio = capture.outFd() >= 0
                ? new ChildStdio.Descriptors(capture.outFd(), capture.errFd()) : new ChildStdio.JdkPipes();
        return new Run() {
            @Override
            public ChildStdio stdio() {
                return stdio;
            }

            @Override
            public CompletableFuture<Void> started(Process process) {
                return capture.started(process);
            }

            @Override
            public void abandon() {
                capture.abandon();
            }
        };
    }

    @Override
    public void flush() {
        log.flush();
    }

    /** What the app's logs took in since this output was opened. */
    public jsup.supervisor.log.LogCounts counts() {
        return log.counts();
    }

    /** What {@code output}'s logs took in; {@code LogCounts.NONE} for outputs jsup does not write itself. */
    static jsup.supervisor.log.LogCounts countsOf(ChildOutput output) {
        return output instanceof AppLogOutput logs ? logs.counts() : jsup.supervisor.log.LogCounts.NONE;
    }

    @Override
    public void close() {
        log.close();
    }
}

package jsup.supervisor.internal;

import java.io.IOException;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.log.AppLog;

/** Output through {@link AppLog}: pipes read into rotating files, timestamps when configured. */
public final class AppLogOutput implements ChildOutput {

    private final AppLog log;

    private AppLogOutput(AppLog log) {
        this.log = log;
    }

    public static ChildOutput open(AppSpec spec) {
        return new AppLogOutput(AppLog.open(spec));
    }

    @Override
    public Started start(ProcessBuilder builder) throws IOException {
        AppLog.Started started = log.start(builder);
        return new Started(started.process(), started.drained());
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public jsup.supervisor.log.LogCounts counts() {
        return log.counts();
    }

    @Override
    public void close() {
        log.close();
    }
}

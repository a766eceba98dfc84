package jsup.supervisor.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Real {@code sh} children for the tests; {@link #close()} kills whatever is still running. */
final class Children implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();

    /** Runs {@code script} with its output captured by {@code log}. */
    AppLog.Started sh(AppLog log, String script) throws IOException {
        AppLog.Started run = log.start(new ProcessBuilder("sh", "-c", script));
        started.add(run.process());
        return run;
    }

    @Override
    public void close() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}

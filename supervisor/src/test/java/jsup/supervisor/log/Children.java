package jsup.supervisor.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.internal.AppLogOutput;
import jsup.supervisor.process.ChildOutput;
import jsup.supervisor.process.Spawner;

/** Real {@code sh} children for the tests; {@link #close()} kills whatever is still running. */
final class Children implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();

    /** Runs {@code script} with its output captured by {@code log}. */
    ChildOutput.Started sh(AppLog log, String script) throws IOException {
        ChildOutput.Started run = Spawner.start(new ProcessBuilder("sh", "-c", script), AppLogOutput.of(log));
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

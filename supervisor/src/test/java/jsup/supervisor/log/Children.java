package jsup.supervisor.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Real {@code sh} children for the tests; {@link #close()} kills whatever is still running. */
final class Children implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();

    Process sh(String script) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", script).start();
        started.add(p);
        return p;
    }

    @Override
    public void close() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}

package jsup.supervisor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jsup.healthmon.proc.ProcFs;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real children a test starts with {@link ProcessBuilder}, killed after each test: register it with
 * {@code @RegisterExtension}.
 */
public final class StartedProcesses implements AfterEachCallback {

    private final List<Process> started = new ArrayList<>();

    public Process start(String... command) throws IOException {
        Process p = new ProcessBuilder(command).start();
        started.add(p);
        return p;
    }

    /** Field 22 of the process's stat: its start time, while it runs. */
    public static long startTime(Process p) {
        return ProcFs.SYSTEM.stat((int) p.pid()).orElseThrow().startTime();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(Process::destroyForcibly);
        started.clear();
    }
}

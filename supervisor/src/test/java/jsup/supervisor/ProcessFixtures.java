package jsup.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;

/** Helpers for tests with real processes: pid files scripts write, and liveness through /proc. */
public final class ProcessFixtures {

    private ProcessFixtures() {
    }

    /** The pid in {@code file}, or -1 while the script has not written it. */
    public static int pidIn(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.isEmpty() ? -1 : Integer.parseInt(text);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Whether {@code pid} runs (a zombie does not). */
    public static boolean alive(int pid) {
        return ProcFs.SYSTEM.stat(pid).filter(p -> !p.isZombie()).isPresent();
    }

    public static ProcInfo stat(long pid) {
        return ProcFs.SYSTEM.stat((int) pid).orElseThrow();
    }

    /** SIGKILLs every pid written in the given files that still runs: the teardown safety net. */
    public static void killAll(List<Path> pidFiles) {
        List<Long> pids = new ArrayList<>();
        for (Path f : pidFiles) {
            int pid = pidIn(f);
            if (pid > 0 && alive(pid)) {
                pids.add((long) pid);
            }
        }
        pids.forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
    }
}

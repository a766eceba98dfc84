package jsup.supervisor.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;

/**
 * Sends signals to processes that are not necessarily our children. Each target is checked against
 * its start time first, so a pid reused by an unrelated process is never signalled. TERM and KILL go
 * through {@link ProcessHandle}; any other signal through one {@code /usr/bin/kill -s NAME pid…} for
 * all targets.
 */
public final class Signaller {

    static final String KILL_BINARY = "/usr/bin/kill";

    private final ProcFs procFs;

    public Signaller(ProcFs procFs) {
        this.procFs = procFs;
    }

    /**
     * Sends {@code signal} to every target still alive.
     *
     * @return how many processes were signalled
     */
    public int send(Collection<ProcessIdentity> targets, String signal) {
        String name = Signals.normalize(signal);
        long self = ProcessHandle.current().pid();
        List<ProcessIdentity> live = new ArrayList<>();
        for (ProcessIdentity target : targets) {
            if (target.pid() != self && target.isAlive(procFs)) {
                live.add(target);
            }
        }
        if (live.isEmpty()) {
            return 0;
        }
        switch (name) {
            case "TERM" -> live.forEach(t -> ProcessHandle.of(t.pid()).ifPresent(ProcessHandle::destroy));
            case "KILL" -> live.forEach(t -> ProcessHandle.of(t.pid()).ifPresent(ProcessHandle::destroyForcibly));
            default -> execKill(name, live);
        }
        return live.size();
    }

    private static void execKill(String name, List<ProcessIdentity> targets) {
        List<String> cmd = new ArrayList<>(List.of(KILL_BINARY, "-s", name, "--"));
        targets.forEach(t -> cmd.add(Integer.toString(t.pid())));
        try {
            Process kill = new ProcessBuilder(cmd)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // kill(1) returns at once; the bound only guards against a hung exec.
            if (!kill.waitFor(2, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + KILL_BINARY + " to send SIG" + name
                    + ": " + e.getMessage() + "; install util-linux or procps", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

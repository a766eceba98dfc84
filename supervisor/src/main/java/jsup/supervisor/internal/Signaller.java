package jsup.supervisor.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcessIdentity;

/**
 * Sends signals to processes that are not necessarily our children. Each target is checked against
 * its start time first, so a pid reused by an unrelated process is never signalled. TERM and KILL go
 * through {@link ProcessHandle}; any other signal through one {@code /usr/bin/kill -s NAME pid…} for
 * all targets. A stop ({@link #sendStop}) also resumes stopped targets with SIGCONT.
 */
public final class Signaller {

    static final String KILL_BINARY = "/usr/bin/kill";
    /** Signals after which SIGCONT would be pointless (KILL) or would undo what was asked. */
    private static final Set<String> JOB_CONTROL = Set.of("KILL", "CONT", "STOP", "TSTP", "TTIN", "TTOU");

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
        return deliver(targets, Signals.normalize(signal), false);
    }

    /**
     * Sends a stop signal ({@code kill_signal}, or SIGKILL) to every target still alive, then SIGCONT
     * to those that were stopped (SIGSTOP, SIGTSTP), as systemd does: a stopped process cannot act on
     * SIGTERM until it runs again, so without this a stop would wait for {@code kill_timeout} and
     * SIGKILL. Only stopped targets get SIGCONT, so the usual stop costs no extra {@code kill(1)} run.
     *
     * @return how many processes were signalled
     */
    public int sendStop(Collection<ProcessIdentity> targets, String signal) {
        return deliver(targets, Signals.normalize(signal), true);
    }

    private int deliver(Collection<ProcessIdentity> targets, String name, boolean resumeStopped) {
        long self = ProcessHandle.current().pid();
        List<ProcessIdentity> live = new ArrayList<>();
        List<ProcessIdentity> stopped = new ArrayList<>();
        for (ProcessIdentity target : targets) {
            if (target.pid() == self) {
                continue;
            }
            ProcInfo info = procFs.stat(target.pid()).orElse(null);
            if (info == null || info.isZombie()
                    || (target.startTime() >= 0 && info.startTime() != target.startTime())) {
                continue;
            }
            live.add(target);
            if (info.state() == 'T') {
                stopped.add(target);
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
        // SIGKILL ends a stopped process anyway; after a job-control signal SIGCONT would undo it.
        if (resumeStopped && !stopped.isEmpty() && !JOB_CONTROL.contains(name)) {
            execKill("CONT", stopped);
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

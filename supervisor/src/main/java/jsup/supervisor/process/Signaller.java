package jsup.supervisor.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcUnreadableException;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.process.SpawnedProcesses;

/**
 * Sends signals to processes that are not necessarily our children. Each target is checked first: it
 * must have a known start time, and {@code /proc} must show that pid alive with that start time, so a
 * pid reused by an unrelated process is never signalled, nor one whose identity cannot be read
 * ({@code /proc} unreadable, no start time recorded). Signals go through the {@code kill(2)} system call
 * ({@link KillSyscall}); where JNA cannot bind it, TERM and KILL through {@link ProcessHandle} and any
 * other signal through one {@code /usr/bin/kill -s NAME pid…}. A stop ({@link #sendStop}) also resumes
 * stopped targets with SIGCONT.
 */
final class Signaller {

    static final String KILL_BINARY = "/usr/bin/kill";
    /** Signals after which SIGCONT would be pointless (KILL) or would undo what was asked. */
    private static final Set<String> JOB_CONTROL = Set.of("KILL", "CONT", "STOP", "TSTP", "TTIN", "TTOU");

    private final ProcFs procFs;

    Signaller(ProcFs procFs) {
        this.procFs = procFs;
    }

    /**
     * Sends {@code signal} to every target still alive.
     *
     * @return how many processes were signalled
     */
    int send(Collection<ProcessIdentity> targets, String signal) {
        return deliver(targets, Signals.normalize(signal), false).size();
    }

    /**
     * Sends a stop signal ({@code kill_signal}, or SIGKILL) to every target still alive, then SIGCONT
     * to those that were stopped (SIGSTOP, SIGTSTP), as systemd does: a stopped process cannot act on
     * SIGTERM until it runs again, so without this a stop would wait for {@code kill_timeout} and
     * SIGKILL. Only stopped targets get SIGCONT.
     *
     * @return how many processes were signalled
     */
    int sendStop(Collection<ProcessIdentity> targets, String signal) {
        return deliver(targets, Signals.normalize(signal), true).size();
    }

    /**
     * As {@link #send} ({@code stop}: {@link #sendStop}), returning the pids signalled, so a caller can
     * tell whether its own child was among them.
     */
    Set<Integer> deliver(Collection<ProcessIdentity> targets, String name, boolean stop) {
        long self = ProcessHandle.current().pid();
        List<ProcessIdentity> live = new ArrayList<>();
        List<ProcessIdentity> stopped = new ArrayList<>();
        for (ProcessIdentity target : targets) {
            if (target.pid() == self || !target.hasStartTime()) {
                continue; // an identity without a start time is unknown: never signalled as one of ours
            }
            ProcInfo info;
            try {
                info = procFs.readStat(target.pid()).orElse(null);
            } catch (ProcUnreadableException e) {
                continue; // cannot be verified, so not signalled; OsChild falls back to its own child
            }
            if (info == null || !target.matches(info)) {
                continue;
            }
            live.add(target);
            if (info.state() == 'T') {
                stopped.add(target);
            }
        }
        Set<Integer> signalled = new LinkedHashSet<>();
        if (live.isEmpty()) {
            return signalled;
        }
        live.forEach(t -> signalled.add(t.pid()));
        signal(name, live);
        // SIGKILL ends a stopped process anyway; after a job-control signal SIGCONT would undo it.
        if (stop && !stopped.isEmpty() && !JOB_CONTROL.contains(name)) {
            signal("CONT", stopped);
        }
        return signalled;
    }

    /**
     * Sends {@code name} to {@code child}, a child of this JVM, without looking at {@code /proc}: until it
     * is reaped its pid cannot be anyone else's. For when {@code /proc} cannot verify it.
     *
     * @return whether it was still alive (unreaped) and so signalled
     */
    boolean sendToChild(Process child, String name) {
        if (!child.isAlive()) {
            return false;
        }
        if (SpawnedProcesses.signal(child, Signals.number(name))) {
            return true; // through its pidfd
        }
        switch (name) {
            // Through the handle: Process.destroy() would also close the JDK's output streams under a log pump
            // that is still reading the child's last lines.
            case "TERM" -> {
                if (child instanceof NativeProcess) {
                    child.destroy();
                } else {
                    child.toHandle().destroy();
                }
            }
            case "KILL" -> {
                if (child instanceof NativeProcess) {
                    child.destroyForcibly();
                } else {
                    child.toHandle().destroyForcibly();
                }
            }
            default -> signal(name, List.of(new ProcessIdentity((int) child.pid(), -1)));
        }
        return true;
    }

    private static void signal(String name, List<ProcessIdentity> targets) {
        if (KillSyscall.available()) {
            int number = Signals.number(name);
            targets.forEach(t -> KillSyscall.send(t.pid(), number));
            return;
        }
        switch (name) {
            case "TERM" -> targets.forEach(t -> ProcessHandle.of(t.pid()).ifPresent(ProcessHandle::destroy));
            case "KILL" -> targets.forEach(t -> ProcessHandle.of(t.pid()).ifPresent(ProcessHandle::destroyForcibly));
            default -> execKill(name, targets);
        }
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

package jsup.supervisor.daemon;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcUnreadableException;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.process.ProcessTree;
import jsup.supervisor.Supervisor;
import jsup.supervisor.daemonlog.JsupdLog;

/**
 * Stops the apps a dead jsupd left running before this one starts anything, so an app never runs
 * twice. Two sources: the processes its {@code state.json} names (only when alive with the recorded
 * start time, so a reused pid is left alone), then every process still carrying this home's mark
 * in its environment ({@link MarkedProcesses}): what an unreadable or incomplete state.json does
 * not name. An unreadable {@code /proc} is an error, never "nothing left". The whole tree goes, including descendants that moved to their own session; see
 * docs/control-protocol.md for why jsupd stops and restarts rather than adopting.
 */
final class Leftovers {

    private static final JsupdLog.Logger log = JsupdLog.logger(Leftovers.class);

    /** Beyond the longest kill_timeout: time for SIGKILL to land and /proc to show it. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    /** For a marked process whose app state.json does not describe: the engine's defaults. */
    static final String DEFAULT_SIGNAL = "TERM";
    static final Duration DEFAULT_KILL_TIMEOUT = Duration.ofMillis(1600);

    private Leftovers() {
    }

    /**
     * Stops the still-running processes of {@code entries}, all at once, then every marked process
     * of {@code home} left over.
     *
     * @return the apps stopped
     */
    static List<String> stop(List<StateFile.Entry> entries, ProcFs procFs, JsupHome home) throws IOException {
        try {
            return stopOrThrow(entries, procFs, home);
        } catch (ProcUnreadableException e) {
            throw new IOException(e.getMessage() + ": cannot tell whether the apps of a jsupd that died still run, "
                    + "so none is started (an app must never run twice); free some file descriptors or mount /proc, "
                    + "then start jsupd again", e);
        }
    }

    private static List<String> stopOrThrow(List<StateFile.Entry> entries, ProcFs procFs, JsupHome home) {
        Set<String> stopped = new LinkedHashSet<>();
        List<Target> recorded = new ArrayList<>();
        for (StateFile.Entry e : entries) {
            if (e.process() != null && !e.process().hasStartTime()) {
                log.warn("[{}] pid {} is recorded without a start time, so it cannot be told from a reused pid and "
                        + "is not signalled; if it is still the app's, its environment mark finds it",
                        e.name(), e.process().pid());
            } else if (e.process() != null && runs(e.process(), procFs)) {
                log.warn("[{}] pid {} was left running by a jsupd that died; stopping it (and its children) before "
                        + "starting the app again", e.name(), e.process().pid());
                recorded.add(new Target(e.name(), e.process(), e.killSignal(), e.killTimeout()));
            }
        }
        stopped.addAll(stopAll(recorded, procFs));

        Map<String, StateFile.Entry> byName = new HashMap<>();
        entries.forEach(e -> byName.put(e.name(), e));
        List<Target> marked = new ArrayList<>();
        for (MarkedProcesses.Marked m : MarkedProcesses.find(procFs, home)) {
            StateFile.Entry e = byName.get(m.app());
            log.warn("[{}] pid {} carries this home's mark ({}={}, {}) but no jsupd runs it: left by a jsupd that "
                    + "died; stopping it (and its children) before starting anything", m.app(), m.process().pid(),
                    JsupHome.ENV_VAR, home.dir(), Supervisor.APP_ENV_VAR + "=" + m.app());
            marked.add(new Target(m.app(), m.process(), e == null ? DEFAULT_SIGNAL : e.killSignal(),
                    e == null ? DEFAULT_KILL_TIMEOUT : e.killTimeout()));
        }
        stopped.addAll(stopAll(marked, procFs));
        return new ArrayList<>(stopped);
    }

    /** Whether {@code process} runs, with its start time; throws when /proc cannot say. */
    private static boolean runs(ProcessIdentity process, ProcFs procFs) {
        return procFs.readStat(process.pid()).filter(process::matches).isPresent();
    }

    private record Target(String app, ProcessIdentity process, String signal, Duration killTimeout) {
    }

    private static List<String> stopAll(List<Target> targets, ProcFs procFs) {
        List<String> stopped = new ArrayList<>();
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        Duration longest = Duration.ZERO;
        for (Target t : targets) {
            CompletableFuture<Void> stop;
            try {
                stop = ProcessTree.terminate(procFs, t.process(), t.signal(), t.killTimeout());
            } catch (IllegalArgumentException badSignal) {
                stop = ProcessTree.terminate(procFs, t.process(), DEFAULT_SIGNAL, t.killTimeout());
            }
            stops.add(stop.exceptionally(failure -> {
                log.error("[{}] pid {} survived SIGKILL: {}", t.app(), t.process().pid(), failure.toString());
                return null;
            }));
            stopped.add(t.app());
            if (t.killTimeout().compareTo(longest) > 0) {
                longest = t.killTimeout();
            }
        }
        if (stops.isEmpty()) {
            return stopped;
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new))
                    .get(longest.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } catch (Exception ex) {
            log.error("stopping leftover processes did not finish: {}", ex.toString());
        }
        return stopped;
    }
}

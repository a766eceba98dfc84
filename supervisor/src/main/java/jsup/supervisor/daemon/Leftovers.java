package jsup.supervisor.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.ProcessTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the apps a dead jsupd left running (read from its {@code state.json}) before this one starts
 * anything, so an app never runs twice. Only a process that is alive with the recorded start time is
 * touched, so a pid reused by something else is left alone. The whole tree goes, including
 * descendants that moved to their own session; see docs/control-protocol.md for why jsupd stops and
 * restarts rather than adopting.
 */
final class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);

    /** Beyond the longest kill_timeout: time for SIGKILL to land and /proc to show it. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private Leftovers() {
    }

    /** Stops every still-running process in {@code entries}, all at once; returns the apps stopped. */
    static List<String> stop(List<StateFile.Entry> entries, ProcFs procFs) {
        List<String> stopped = new ArrayList<>();
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        Duration longest = Duration.ZERO;
        for (StateFile.Entry e : entries) {
            if (e.process() == null || !e.process().isAlive(procFs)) {
                continue;
            }
            log.warn("[{}] pid {} was left running by a jsupd that died; stopping it (and its children) before "
                    + "starting the app again", e.name(), e.process().pid());
            try {
                stops.add(ProcessTree.terminate(procFs, e.process(), e.killSignal(), e.killTimeout())
                        .exceptionally(t -> {
                            log.error("[{}] pid {} survived SIGKILL: {}", e.name(), e.process().pid(), t.toString());
                            return null;
                        }));
            } catch (IllegalArgumentException badSignal) {
                stops.add(ProcessTree.terminate(procFs, e.process(), "TERM", e.killTimeout()));
            }
            stopped.add(e.name());
            if (e.killTimeout().compareTo(longest) > 0) {
                longest = e.killTimeout();
            }
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

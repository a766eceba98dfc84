package jsup.supervisor.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.AppStatus;
import jsup.supervisor.Supervisor;
import jsup.supervisor.config.AppSpec;

/**
 * Carries out a {@link DeployPlan} ({@code jsup start|restart|reload FILE}): added apps are
 * registered and started (per {@code autostart}); changed ones get the new definition in place,
 * keeping id and history, and run again with it; unchanged ones are restarted by restart/reload and
 * left alone by start. Apps not in the file are never touched. Returns once every restart is done.
 */
final class Redeployment {

    /** The apps by what happened to them. */
    record Outcome(List<String> started, List<String> restarted, List<String> alreadyRunning,
                   List<String> registered) {
    }

    private Redeployment() {
    }

    /** @param restartUnchanged true for restart/reload, false for start */
    static Outcome apply(Jsupd jsupd, DeployPlan plan, boolean restartUnchanged) {
        Supervisor supervisor = jsupd.supervisor();
        Map<String, AppStatus> registered = new HashMap<>();
        for (AppStatus s : supervisor.list()) {
            registered.put(s.name(), s);
        }
        List<String> started = new ArrayList<>();
        List<String> restarted = new ArrayList<>();
        List<String> alreadyRunning = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        List<String> toStart = new ArrayList<>();
        List<CompletableFuture<AppStatus>> restarts = new ArrayList<>();
        for (DeployPlan.Entry e : plan.entries(DeployPlan.Change.CHANGED)) {
            boolean running = isRunning(registered.get(e.name()));
            boolean start = running || restartUnchanged || e.spec().autostart();
            jsupd.callerEnvironment().defined(e.spec());
            restarts.add(jsupd.redefine(e.spec(), start, "redeploy: " + String.join(", ", e.keys())));
            (running ? restarted : start ? started : notStarted).add(e.name());
        }
        for (DeployPlan.Entry e : plan.entries(DeployPlan.Change.UNCHANGED)) {
            boolean running = isRunning(registered.get(e.name()));
            if (restartUnchanged) {
                restarts.add(supervisor.restart(e.name(), "manual"));
                (running ? restarted : started).add(e.name());
            } else if (running) {
                alreadyRunning.add(e.name());
            } else if (e.spec().autostart()) {
                toStart.add(e.name());
                started.add(e.name());
            } else {
                notStarted.add(e.name());
            }
        }
        List<AppSpec> added = plan.entries(DeployPlan.Change.ADDED).stream().map(DeployPlan.Entry::spec).toList();
        Jsupd.Admission admitted = jsupd.admit(added, AppSpec::autostart);
        started.addAll(admitted.started());
        notStarted.addAll(admitted.registered());
        supervisor.startAll(jsupd.withDependencies(toStart));
        CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).join();
        jsupd.requestStateWrite();
        return new Outcome(started, restarted, alreadyRunning, notStarted);
    }

    private static boolean isRunning(AppStatus s) {
        return s != null && Jsupd.isRunning(s); // null: deleted meanwhile
    }
}

package jsup.supervisor.daemon;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import jsup.supervisor.AppStatus;
import jsup.supervisor.Supervisor;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.InstanceExpansion;
import jsup.supervisor.control.ControlException;

/**
 * Carries out a {@link DeployPlan} ({@code jsup start|restart|reload FILE}): added apps are
 * registered and started (per {@code autostart}); changed ones get the new definition in place,
 * keeping id and history, and run again with it; unchanged ones are restarted by restart/reload and
 * left alone by start. Apps not in the file are never touched. Returns once every restart is done.
 * With reload, an app of several instances goes through {@link RollingReload}, one instance at a time.
 */
final class Redeployment {

    /** The apps by what happened to them. */
    record Outcome(List<String> started, List<String> restarted, List<String> alreadyRunning,
                   List<String> registered) {
    }

    private Redeployment() {
    }

    /**
     * @param restartUnchanged true for restart/reload, false for start
     * @param rolling          reload: a running app of several instances, all of them in the file, is
     *                         replaced one instance at a time ({@link RollingReload}) after the rest is done
     * @throws ControlException when an instance of a rolling reload does not become ready (the rest of the
     *                          file is deployed by then)
     */
    static Outcome apply(Jsupd jsupd, DeployPlan plan, boolean restartUnchanged, boolean rolling)
            throws ControlException {
        Supervisor supervisor = jsupd.supervisor();
        Map<String, AppStatus> registered = new HashMap<>();
        for (AppStatus s : supervisor.list()) {
            registered.put(s.name(), s);
        }
        Map<String, List<DeployPlan.Entry>> rolled = rolling ? rollable(plan, supervisor.list()) : Map.of();
        Set<String> rolledNames = new HashSet<>();
        rolled.values().forEach(set -> set.forEach(e -> rolledNames.add(e.name())));
        List<String> started = new ArrayList<>();
        List<String> restarted = new ArrayList<>();
        List<String> alreadyRunning = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        List<String> toStart = new ArrayList<>();
        List<CompletableFuture<AppStatus>> restarts = new ArrayList<>();
        for (DeployPlan.Entry e : plan.entries(DeployPlan.Change.CHANGED)) {
            if (rolledNames.contains(e.name())) {
                continue;
            }
            boolean running = isRunning(registered.get(e.name()));
            boolean start = running || restartUnchanged || e.spec().autostart();
            jsupd.callerEnvironment().defined(e.spec());
            restarts.add(jsupd.redefine(e.spec(), start, "redeploy: " + String.join(", ", e.keys())));
            (running ? restarted : start ? started : notStarted).add(e.name());
        }
        for (DeployPlan.Entry e : plan.entries(DeployPlan.Change.UNCHANGED)) {
            if (rolledNames.contains(e.name())) {
                continue;
            }
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
        RollingReload reload = new RollingReload(jsupd, System::nanoTime);
        for (Map.Entry<String, List<DeployPlan.Entry>> app : rolled.entrySet()) {
            List<DeployPlan.Entry> entries = app.getValue();
            List<AppStatus> set = InstanceSets.of(app.getKey(), supervisor.list());
            if (entries.get(0).change() == DeployPlan.Change.CHANGED) {
                restarted.addAll(reload.run(set, entries.stream().map(DeployPlan.Entry::spec).toList(),
                        "redeploy: " + String.join(", ", entries.get(0).keys())));
            } else {
                restarted.addAll(reload.run(set));
            }
            jsupd.requestStateWrite();
        }
        return new Outcome(started, restarted, alreadyRunning, notStarted);
    }

    /**
     * The apps a rolling reload can replace: several instances registered and running, every one of them
     * in the file and all changed alike or all unchanged (a file that changes the count deploys as restart).
     * Their entries by instance id.
     */
    static Map<String, List<DeployPlan.Entry>> rollable(DeployPlan plan, List<AppStatus> registered) {
        Map<String, List<DeployPlan.Entry>> byApp = new LinkedHashMap<>();
        for (DeployPlan.Entry e : plan.entries()) {
            byApp.computeIfAbsent(InstanceExpansion.appName(e.name()), k -> new ArrayList<>()).add(e);
        }
        Map<String, List<DeployPlan.Entry>> rollable = new LinkedHashMap<>();
        byApp.forEach((app, entries) -> {
            List<AppStatus> set = InstanceSets.of(app, registered);
            Set<String> setNames = new HashSet<>();
            set.forEach(s -> setNames.add(s.name()));
            Set<String> entryNames = new HashSet<>();
            entries.forEach(e -> entryNames.add(e.name()));
            DeployPlan.Change change = entries.get(0).change();
            boolean alike = entries.stream().allMatch(e -> e.change() == change && e.keys().equals(entries.get(0).keys()));
            if (set.size() > 1 && setNames.equals(entryNames) && alike
                    && (change == DeployPlan.Change.CHANGED || change == DeployPlan.Change.UNCHANGED)
                    && set.stream().allMatch(Jsupd::isRunning)) {
                List<DeployPlan.Entry> byId = new ArrayList<>(entries);
                byId.sort(Comparator.comparingInt(e -> e.spec().instances().id()));
                rollable.put(app, byId);
            }
        });
        return rollable;
    }

    private static boolean isRunning(AppStatus s) {
        return s != null && Jsupd.isRunning(s); // null: deleted meanwhile
    }
}

package jsup.supervisor.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongSupplier;
import jsup.supervisor.AppStatus;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.Supervisor;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.InstanceExpansion;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ErrorCode;

/**
 * {@code jsup reload NAME} of an app of several instances (docs/lifecycle.md, "Rolling reload"): a spare
 * instance starts first and must become ready; then each instance in turn is restarted and must be ready
 * again before the next one goes; last, the spare stops. At every moment at least as many instances are
 * ready as before the reload began, less the one being replaced, plus the spare.
 */
final class RollingReload {

    /** One step of the order. */
    enum Action { START_SPARE, REPLACE, STOP_SPARE }

    /** {@code action} applied to instance {@code id}. */
    record Step(Action action, int id) {
    }

    /** How often the readiness of the instance being replaced is looked at. */
    private static final long POLL_MILLIS = 20;
    /** Past the app's own readiness timeout (after which jsupd restarts the instance itself): give up. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Jsupd jsupd;
    private final Supervisor supervisor;
    private final LongSupplier nanos;

    RollingReload(Jsupd jsupd, LongSupplier nanos) {
        this.jsupd = jsupd;
        this.supervisor = jsupd.supervisor();
        this.nanos = nanos;
    }

    /**
     * The order for a set of instances {@code ids} (ascending): a spare one past the highest, every id
     * in turn, then the spare away. Pure.
     */
    static List<Step> plan(List<Integer> ids) {
        int spare = ids.isEmpty() ? 0 : ids.get(ids.size() - 1) + 1;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Action.START_SPARE, spare));
        for (int id : ids) {
            steps.add(new Step(Action.REPLACE, id));
        }
        steps.add(new Step(Action.STOP_SPARE, spare));
        return steps;
    }

    /**
     * Reloads the instances {@code set} (of one app, by id, instance 0 first); returns their names.
     *
     * @throws ControlException when an instance does not become ready in time or ends errored; the
     *                          instances not reached yet keep running, the spare is removed
     */
    List<String> run(List<AppStatus> set) throws ControlException {
        return run(set, null, "reload");
    }

    /**
     * As {@link #run(List)}, but each instance is replaced by {@code redefined}'s instance of the same id
     * ({@code jsup reload FILE} with a changed definition), and the spare runs the new definition too.
     *
     * @param redefined the file's instances, by id as {@code set}; null to restart with the definition as is
     * @param reason    the restart reason each replaced instance records
     */
    List<String> run(List<AppStatus> set, List<AppSpec> redefined, String reason) throws ControlException {
        AppSpec definition = redefined == null ? InstanceSets.definition(set)
                : InstanceExpansion.definition(redefined.get(0), redefined.size());
        List<Integer> ids = set.stream().map(s -> s.spec().instances().id()).toList();
        String spareName = null;
        try {
            for (Step step : plan(ids)) {
                switch (step.action()) {
                    case START_SPARE -> {
                        AppSpec spare = InstanceSets.linked(List.of(InstanceExpansion.instance(definition, step.id())),
                                supervisor.list()).get(0);
                        spareName = spare.name();
                        jsupd.admit(List.of(spare), s -> true);
                        awaitReady(spareName, "the spare instance " + spareName);
                    }
                    case REPLACE -> {
                        String name = InstanceExpansion.nameOf(definition.name(), step.id());
                        replace(name, step.id(), ids, redefined, reason);
                        awaitReady(name, name);
                    }
                    case STOP_SPARE -> {
                        jsupd.delete(spareName);
                        spareName = null;
                    }
                }
            }
        } finally {
            if (spareName != null && supervisor.status(spareName).isPresent()) {
                jsupd.delete(spareName);
            }
        }
        return set.stream().map(AppStatus::name).toList();
    }

    private void replace(String name, int id, List<Integer> ids, List<AppSpec> redefined, String reason) {
        if (redefined == null) {
            supervisor.restart(name, reason).join();
        } else {
            AppSpec spec = redefined.get(ids.indexOf(id));
            jsupd.callerEnvironment().defined(spec);
            jsupd.redefine(spec, true, reason).join();
        }
    }

    private void awaitReady(String name, String what) throws ControlException {
        long deadline = -1;
        while (true) {
            AppStatus s = supervisor.status(name).orElseThrow(() -> new NoSuchElementException("unknown app: " + name));
            if (s.ready()) {
                return;
            }
            if (deadline < 0) {
                deadline = nanos.getAsLong() + s.spec().readiness().timeout().plus(GRACE).toNanos();
            }
            if (s.status() == ProcessStatus.ERRORED || (!s.wantUp() && s.status() == ProcessStatus.STOPPED)) {
                throw new ControlException(ErrorCode.INTERNAL, "reload stopped: " + what + " is "
                        + s.status().label() + (s.statusReason() == null ? "" : " (" + s.statusReason() + ")")
                        + "; the instances not reloaded yet still run (see `jsup describe " + name + "`)");
            }
            if (nanos.getAsLong() - deadline > 0) {
                throw new ControlException(ErrorCode.INTERNAL, "reload stopped: " + what + " was not ready within "
                        + s.spec().readiness().timeout().plus(GRACE).toSeconds() + "s; the instances not reloaded yet "
                        + "still run (see `jsup describe " + name + "`)");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ControlException(ErrorCode.INTERNAL, "reload interrupted while waiting for " + what);
            }
        }
    }
}

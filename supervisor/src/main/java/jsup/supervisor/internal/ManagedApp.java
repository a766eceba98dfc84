package jsup.supervisor.internal;

import static jsup.supervisor.ProcessStatus.ERRORED;
import static jsup.supervisor.ProcessStatus.LAUNCHING;
import static jsup.supervisor.ProcessStatus.ONLINE;
import static jsup.supervisor.ProcessStatus.STOPPED;
import static jsup.supervisor.ProcessStatus.STOPPING;
import static jsup.supervisor.ProcessStatus.WAITING_RESTART;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import jsup.supervisor.AppStatus;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.RestartRecord;
import java.util.function.Function;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.DependencyCondition;
import jsup.supervisor.units.Sizes;
import jsup.supervisor.dependencies.DependencyGate;
import jsup.supervisor.files.AtomicFiles;
import jsup.supervisor.readiness.NotifyMessage;
import jsup.supervisor.readiness.ReadinessTracker;
import jsup.supervisor.process.Child;
import jsup.supervisor.process.ChildOutput;
import jsup.supervisor.process.ExitStatus;
import jsup.supervisor.process.LaunchException;
import jsup.supervisor.process.Signals;
import jsup.supervisor.process.TrackedTree;
import jsup.supervisor.process.TreeUsage;

/**
 * One supervised app: its wanted state, its observed state ({@link StateMachine}), its current run
 * and its restart history. Commands change {@link #want} and take the first edge; {@link #tick}
 * takes the edges that wait for time (restart delay, kill timeout). Confined to the engine thread;
 * time is always passed in.
 */
public final class ManagedApp {

    static final int KEPT_RESTARTS = 50;
    static final long NEVER = Long.MAX_VALUE;
    /** How often a stop checks whether the tree is gone once the main process has exited. */
    static final long STOP_POLL_NANOS = Duration.ofMillis(50).toNanos();
    /**
     * How long after SIGKILL a stop waits for the tree (the main process included) to vanish before it
     * reports survivors and ends.
     */
    static final long AFTER_KILL_NANOS = Duration.ofSeconds(2).toNanos();
    /** How long after its spawn a run is first sampled (memory, CPU, members), at most. */
    static final long FIRST_SAMPLE_NANOS = Duration.ofSeconds(1).toNanos();

    private static final Set<ProcessStatus> RESTART_SETTLED = EnumSet.of(ONLINE, ERRORED, STOPPED);
    private static final Set<ProcessStatus> STOP_SETTLED = EnumSet.of(STOPPED, LAUNCHING, ERRORED);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final int id;
    private final EngineContext ctx;
    /** Replaced only by {@link #redefine}, while no process runs. */
    private AppSpec spec;
    private RestartPolicy policy;
    private final StateMachine machine;
    private final BoundedHistory<RestartRecord> history = new BoundedHistory<>(KEPT_RESTARTS);
    private final List<Waiter> waiters = new ArrayList<>();
    /** The other apps, as {@code depends_on} sees them (null for an unknown name). */
    private final Function<String, DependencyGate.Peer> peers;
    private final Function<String, List<String>> instancesOf;
    private ReadinessTracker readiness;
    /** When the launch began waiting for {@code depends_on}, or NEVER when it does not wait. */
    private long dependsSince = NEVER;
    private int dependsGeneration;

    private Want want = Want.DOWN;
    private RestartCounters counters = RestartCounters.NONE;
    private int restarts;
    private String lastExit;
    private String statusReason;
    private ChildOutput output;

    /**
     * Bumped when a launch begins and when a stop cancels a launch, so the late results of an older
     * launch (its pre-start, its spawn, its exit) are ignored; a stop of a running app does not bump it.
     */
    private int generation;
    private Child child;
    private long startedAtNanos;
    private Instant startedAt;
    private boolean mainExited;
    private boolean relaunchAfterStop;
    private boolean killed;
    private TreeUsage usage = TreeUsage.NONE;
    /**
     * The stop of what an earlier run left behind (a grandchild still holding a port). No launch
     * starts before it and {@link #launchSettled} complete, so two runs never overlap.
     */
    private CompletableFuture<Void> leftovers = DONE;
    /** The pre-start steps under way, or null; a stop cancels them (and kills the command). */
    private PreStartTask preStart;
    /**
     * Set only while {@link #start(long, Executor)} runs: a spawn it begins runs on these threads.
     * Null otherwise, so restarts and single starts spawn on the engine thread (no hand-off delay).
     */
    private Executor launchers;
    /** The spawn under way on a launcher thread (completes with the app once it is adopted), or null. */
    private CompletableFuture<AppStatus> launching;
    /** Completes when no process of an off-thread spawn can be left over (it was adopted or killed). */
    private CompletableFuture<Void> launchSettled = DONE;

    private long restartAt = NEVER;
    private long killAt = NEVER;
    private long pollAt = NEVER;
    private long giveUpAt = NEVER;
    private long sampleAt = NEVER;
    /** When the tree was last sampled in this run, or NEVER. */
    private long sampledAt = NEVER;

    public ManagedApp(int id, AppSpec spec, EngineContext ctx) {
        this(id, spec, ctx, name -> null, app -> List.of());
    }

    /**
     * @param peers       a dependency's state by name, null when jsupd knows no such app
     * @param instancesOf the registered instances of an app by its name (for depends_on on a scaled app)
     */
    public ManagedApp(int id, AppSpec spec, EngineContext ctx, Function<String, DependencyGate.Peer> peers,
                      Function<String, List<String>> instancesOf) {
        this.id = id;
        this.spec = spec;
        this.ctx = ctx;
        this.peers = peers;
        this.instancesOf = instancesOf;
        this.readiness = new ReadinessTracker(spec.readiness());
        this.policy = RestartPolicy.of(spec);
        this.machine = new StateMachine(spec.name(), ctx.listener());
    }

    public int id() {
        return id;
    }

    public String name() {
        return spec.name();
    }

    public AppSpec spec() {
        return spec;
    }

    public ProcessStatus status() {
        return machine.status();
    }

    public Want want() {
        return want;
    }

    // ---- commands -------------------------------------------------------------------------

    /** Want up. Launches unless a run is already under way. */
    public AppStatus start(long now) {
        want = Want.UP;
        switch (machine.status()) {
            case STOPPED, ERRORED -> {
                counters = RestartCounters.NONE;
                statusReason = null;
                fire(LifecycleEvent.START, "start requested"); // STOPPED|ERRORED -> LAUNCHING
                beginLaunch(now);
            }
            case WAITING_RESTART -> {
                restartAt = NEVER;
                fire(LifecycleEvent.START, "start requested"); // WAITING_RESTART -> LAUNCHING
                beginLaunch(now);
            }
            case STOPPING -> relaunchAfterStop = true;
            case LAUNCHING, ONLINE -> { }
        }
        return snapshot();
    }

    /**
     * As {@link #start(long)}, but a spawn this start begins runs on {@code launchers}, so many apps
     * start at once (a whole ecosystem file); every state change still happens on the engine thread.
     * The future completes with the app once that spawn is adopted (online, with its pid) or failed;
     * at once when nothing was spawned here (already running, pre-start steps, a leftover to wait for).
     */
    public CompletableFuture<AppStatus> start(long now, Executor launchers) {
        this.launchers = launchers;
        this.launching = null;
        try {
            AppStatus status = start(now);
            return launching != null ? launching : CompletableFuture.completedFuture(status);
        } finally {
            this.launchers = null;
            this.launching = null;
        }
    }

    /** Want down. Completes when the app no longer runs. */
    public CompletableFuture<AppStatus> stop(long now) {
        want = Want.DOWN;
        relaunchAfterStop = false;
        switch (machine.status()) {
            case ONLINE -> {
                fire(LifecycleEvent.STOP, "stop requested"); // ONLINE -> STOPPING
                beginStop(now);
            }
            case LAUNCHING -> {
                generation++; // drops the pending pre-start result (or the wait for leftovers)
                if (dependsSince != NEVER) {
                    dependsSince = NEVER;
                    statusReason = null; // "waiting for db (healthy)" no longer holds
                }
                cancelPreStart();
                fire(LifecycleEvent.STOP, "stop requested during launch"); // LAUNCHING -> STOPPED
            }
            case WAITING_RESTART -> {
                restartAt = NEVER;
                fire(LifecycleEvent.STOP, "stop requested; pending restart cancelled"); // WAITING_RESTART -> STOPPED
            }
            case ERRORED -> fire(LifecycleEvent.STOP, "stop requested"); // ERRORED -> STOPPED
            case STOPPING, STOPPED -> { }
        }
        // "Stopped" also means: no leftover of an earlier run and no pre-start command still runs.
        CompletableFuture<Void> background = CompletableFuture.allOf(leftovers,
                preStart == null ? DONE : preStart.ended(), launchSettled);
        CompletableFuture<AppStatus> settled = await(STOP_SETTLED);
        return background.isDone() ? settled : settled.thenCombine(background, (s, v) -> s);
    }

    /**
     * Stops the current run (if any) and starts again. {@code manual} resets the crash-loop count and
     * the backoff, as PM2 does; other reasons (memory, health) do not. Completes when the new run is
     * online, or the app ended stopped or errored.
     */
    public CompletableFuture<AppStatus> restart(long now, String reason) {
        want = Want.UP;
        if ("manual".equals(reason)) {
            counters = RestartCounters.NONE;
        }
        switch (machine.status()) {
            case ONLINE -> {
                recordRestart(reason, now);
                relaunchAfterStop = true;
                fire(LifecycleEvent.RESTART, reason); // ONLINE -> STOPPING
                beginStop(now);
            }
            case STOPPING -> relaunchAfterStop = true;
            case STOPPED, ERRORED, WAITING_RESTART -> {
                restartAt = NEVER;
                statusReason = null;
                fire(LifecycleEvent.START, reason); // STOPPED|ERRORED|WAITING_RESTART -> LAUNCHING
                beginLaunch(now);
            }
            case LAUNCHING -> { }
        }
        return await(RESTART_SETTLED);
    }

    /**
     * Replaces the app's definition in place (a redeployed ecosystem file): id, restart count and
     * history stay. Only while no process of the app runs (stopped or errored; the caller stops it
     * first), so a run never mixes two definitions. The log output is reopened at the next launch,
     * with the new paths. The crash-loop count starts again, as for a manual restart.
     *
     * @param restartReason recorded in the restart history (and counted) when the redeploy restarts
     *                      a run that was up; {@code null} for none
     * @throws IllegalStateException when a process runs
     * @throws IllegalArgumentException when the name differs
     */
    public void redefine(AppSpec next, String restartReason, long now) {
        if (!machine.is(STOPPED, ERRORED) || !leftovers.isDone() || !launchSettled.isDone()) {
            throw new IllegalStateException("app " + name() + " is " + machine.status().label()
                    + "; stop it before changing its definition");
        }
        if (!next.name().equals(spec.name())) {
            throw new IllegalArgumentException("cannot rename app " + name() + " to " + next.name());
        }
        spec = next;
        policy = RestartPolicy.of(next);
        readiness = new ReadinessTracker(next.readiness());
        counters = RestartCounters.NONE;
        statusReason = null;
        if (output != null) {
            output.close();
            output = null;
        }
        if (restartReason != null) {
            recordRestart(restartReason, now);
        }
    }

    /** Sends {@code signal} to the main process. */
    public void signal(String signal) {
        String name = Signals.normalize(signal);
        if (child == null || !machine.is(ONLINE, STOPPING)) {
            throw new IllegalStateException("app " + name() + " is not running (status "
                    + machine.status().label() + "); start it before sending SIG" + name);
        }
        child.signalMain(name);
    }

    /** {@code jsup reset}: restart count and crash-loop count back to zero. */
    public void resetCounters() {
        restarts = 0;
        counters = RestartCounters.NONE;
    }

    // ---- time and samples -----------------------------------------------------------------

    /** Takes every edge that was waiting for {@code now}; returns the next deadline (or NEVER). */
    public long tick(long now) {
        if (machine.is(WAITING_RESTART) && now >= restartAt) {
            restartAt = NEVER;
            fire(LifecycleEvent.DELAY_ELAPSED, "restart delay over"); // WAITING_RESTART -> LAUNCHING
            beginLaunch(now);
        }
        if (machine.is(STOPPING)) {
            tickStopping(now);
        }
        if (machine.is(LAUNCHING) && dependsSince != NEVER) {
            checkDependencies(now);
        }
        if (machine.is(ONLINE)) {
            checkReadiness(now);
        }
        long next = NEVER;
        if (machine.is(WAITING_RESTART)) {
            next = restartAt;
        }
        if (machine.is(STOPPING)) {
            next = Math.min(killed ? NEVER : killAt, pollAt);
        }
        if (machine.is(ONLINE) && tree() != null) {
            next = sampleAt;
        }
        if (machine.is(ONLINE)) {
            next = Math.min(next, readiness.deadline());
        }
        if (machine.is(LAUNCHING) && dependsSince != NEVER) {
            next = Math.min(next, DependencyGate.deadline(spec.dependsTimeout(), dependsSince));
        }
        return next;
    }

    // ---- readiness and depends_on -----------------------------------------------------------

    /** A notify message from the app's processes ({@code READY=1}, {@code WATCHDOG=1}, {@code STATUS=}...). */
    public void onNotify(NotifyMessage message, long now) {
        if (machine.is(ONLINE)) {
            readiness.onNotify(message, now);
            checkReadiness(now);
        }
    }

    /** A health round of the app passed ({@code health.ready}). */
    public void onProbePassed(long now) {
        if (machine.is(ONLINE)) {
            readiness.onProbePassed(now);
        }
    }

    /** Restarts a run that was not ready in time, or whose watchdog went silent. */
    private void checkReadiness(long now) {
        ReadinessTracker.Verdict verdict = readiness.check(now);
        if (verdict == ReadinessTracker.Verdict.NONE) {
            return;
        }
        String reason = readiness.reason(verdict);
        message((verdict == ReadinessTracker.Verdict.WATCHDOG ? "watchdog: " + readiness.watchdogDetail() : reason)
                + ": restarting");
        restart(now, reason);
    }

    /** depends_on: the launch goes on once every dependency meets its condition (checked at every tick). */
    private void afterDependencies(int gen, long now) {
        if (spec.dependsOn().isEmpty()) {
            runPreStart(gen, now);
            return;
        }
        dependsSince = now;
        dependsGeneration = gen;
        checkDependencies(now);
    }

    private void checkDependencies(long now) {
        DependencyGate.Verdict verdict = DependencyGate.check(dependsOnNow(), peers, spec.dependsTimeout(),
                dependsSince, now);
        if (verdict instanceof DependencyGate.Go) {
            dependsSince = NEVER;
            statusReason = null;
            runPreStart(dependsGeneration, now);
        } else if (verdict instanceof DependencyGate.Wait w) {
            String reason = "waiting for " + w.waitingFor();
            if (!reason.equals(statusReason)) {
                statusReason = reason;
                message(reason);
            }
        } else if (verdict instanceof DependencyGate.Fail f) {
            dependsSince = NEVER;
            statusReason = f.reason();
            fire(LifecycleEvent.LAUNCH_FAILED, statusReason); // LAUNCHING -> ERRORED
        }
    }

    /** {@code depends_on} with every instance registered now of each app it names (see {@code jsup scale}). */
    public Map<String, DependencyCondition> dependsOnNow() {
        return DependencyGate.withInstances(spec.dependsOn(), instancesOf);
    }

    /** What a dependent's {@code depends_on} sees of this app. */
    DependencyGate.Peer peer() {
        return new DependencyGate.Peer(machine.status(), machine.is(ONLINE) && readiness.ready(), lastExit);
    }

    private void tickStopping(long now) {
        if (!killed && now >= killAt) {
            killed = true;
            int n = child.killTree();
            if (n > 0) {
                message("kill_timeout " + RestartPolicy.shortText(spec.killTimeout()) + " passed: SIGKILL to "
                        + n + (n == 1 ? " process" : " processes"));
            }
            giveUpAt = now + AFTER_KILL_NANOS;
            // Until the main process's exit is posted there is nothing to poll: wake at the give-up.
            pollAt = mainExited ? now : giveUpAt;
        }
        if (now < pollAt) {
            return;
        }
        if (!mainExited) {
            if (killed && now >= giveUpAt) {
                mainSurvivedKill();
            } else {
                pollAt = killed ? giveUpAt : NEVER;
            }
            return;
        }
        if (!child.treeAlive()) {
            finishStop(now);
        } else if (killed && now >= giveUpAt) {
            message("processes of pid " + child.pid() + " survived SIGKILL (uninterruptible?); "
                    + "they are no longer tracked");
            finishStop(now);
        } else {
            pollAt = now + STOP_POLL_NANOS;
        }
    }

    /** Whether the tree is due for a memory and CPU sample. */
    public boolean sampleDue(long now) {
        return sampleable() && now >= sampleAt;
    }

    /** Whether a reader of the app's figures at {@code now} should have its tree sampled first. */
    public boolean staleForReader(long now) {
        return sampleable() && SampleCadence.staleForReader(spec, sampledAt, now);
    }

    private boolean sampleable() {
        return machine.is(ONLINE) && child != null && child.tree() != null;
    }

    /** The tree to sample, or null. */
    public TrackedTree tree() {
        return child == null ? null : child.tree();
    }

    /** One sample of the tree; restarts the app when it is above {@code max_memory_restart}. */
    public void onUsage(TreeUsage sample, long now) {
        if (!machine.is(ONLINE)) {
            return;
        }
        usage = sample;
        ctx.listener().onSample(name(), sample);
        sampledAt = now;
        sampleAt = SampleCadence.nextAfter(spec, now);
        long cap = spec.maxMemoryRestart();
        if (cap > 0 && sample.rssBytes() > cap) {
            String reason = "memory " + approximate(sample.rssBytes()) + " > " + Sizes.format(cap);
            message(reason + " (" + sample.processes() + " processes): restarting");
            restart(now, reason);
        }
    }

    // ---- the run --------------------------------------------------------------------------

    private void beginLaunch(long now) {
        int gen = ++generation;
        child = null;
        // Nothing of an earlier run may run beside this one: neither its leftovers nor a spawn still
        // queued on a launcher thread (stop, then start, before it fired).
        CompletableFuture<Void> earlier = launchSettled.isDone() ? leftovers
                : CompletableFuture.allOf(leftovers, launchSettled);
        if (!earlier.isDone()) {
            message(leftovers.isDone() ? "waiting for the previous launch to end before launching"
                    : "waiting for the processes left by the previous run to end before launching");
            earlier.whenComplete((v, e) -> onEngineThread(() -> {
                if (gen == generation && machine.is(LAUNCHING)) {
                    afterDependencies(gen, ctx.ticker().getAsLong());
                }
            }));
            return;
        }
        afterDependencies(gen, now);
    }

    private void runPreStart(int gen, long now) {
        if (spec.preStart().isEmpty()) {
            spawn(gen, now);
            return;
        }
        PreStartTask task = new PreStartTask(() -> {
            PreStartHook.Outcome outcome;
            try {
                outcome = ctx.preStart().run(spec);
            } catch (RuntimeException e) {
                outcome = new PreStartHook.Outcome(false, e.toString());
            }
            PreStartHook.Outcome result = outcome;
            onEngineThread(() -> onPreStartDone(gen, result, ctx.ticker().getAsLong()));
        });
        preStart = task;
        ctx.workers().execute(task);
    }

    /** Interrupts the pre-start steps under way: a running command is killed with its whole session. */
    private void cancelPreStart() {
        if (preStart != null) {
            preStart.cancel();
        }
    }

    /** Runs {@code task} on the engine thread; dropped once the supervisor is closed. */
    private void onEngineThread(Runnable task) {
        try {
            ctx.engineThread().execute(task);
        } catch (RejectedExecutionException closed) {
            // The supervisor is closed: nobody waits for this result any more.
        }
    }

    private void onPreStartDone(int gen, PreStartHook.Outcome outcome, long now) {
        if (gen != generation || !machine.is(LAUNCHING)) {
            return; // stopped or relaunched meanwhile
        }
        preStart = null;
        if (!outcome.ok()) {
            statusReason = "pre-start failed: " + outcome.reason();
            fire(LifecycleEvent.LAUNCH_FAILED, statusReason); // LAUNCHING -> ERRORED
            return;
        }
        spawn(gen, now);
    }

    private void spawn(int gen, long now) {
        Child c;
        try {
            if (output == null) {
                output = ctx.outputs().open(spec);
                ctx.listener().onLogOpened(name(), AppLogOutput.countsOf(output));
            }
            if (launchers != null) {
                spawnOffThread(gen, launchers);
                return;
            }
            c = ctx.launcher().launch(spec, output);
        } catch (LaunchException | RuntimeException e) {
            launchFailed(e);
            return;
        }
        adopt(gen, c, now);
    }

    private void launchFailed(Exception e) {
        statusReason = e.getMessage();
        fire(LifecycleEvent.LAUNCH_FAILED, statusReason); // LAUNCHING -> ERRORED
    }

    /**
     * Runs the launch (fork, exec, output capture) on a launcher thread; the result comes back to the
     * engine thread. The app stays launching meanwhile; a stop or restart in between bumps the
     * generation, and the process launched for the old one is killed instead of adopted.
     */
    private void spawnOffThread(int gen, Executor pool) {
        CompletableFuture<AppStatus> done = new CompletableFuture<>();
        CompletableFuture<Void> settled = new CompletableFuture<>();
        launching = done;
        launchSettled = settled;
        ChildOutput out = output;
        Runnable launch = () -> {
            Child c = null;
            Exception failure = null;
            try {
                c = ctx.launcher().launch(spec, out);
            } catch (LaunchException | RuntimeException e) {
                failure = e;
            }
            Child launched = c;
            Exception failed = failure;
            try {
                ctx.engineThread().execute(() -> onLaunched(gen, launched, failed, done, settled,
                        ctx.ticker().getAsLong()));
            } catch (RejectedExecutionException closed) {
                discard(launched, settled); // the supervisor is closed: nobody will adopt it
                done.completeExceptionally(new IllegalStateException("the supervisor closed during the start of "
                        + name() + "; its process was killed"));
            }
        };
        try {
            pool.execute(launch);
        } catch (RejectedExecutionException e) {
            launching = null;
            launchSettled = DONE;
            launchHere(gen);
        }
    }

    /** The launcher pool refused (closing): launch here instead, as a single start would. */
    private void launchHere(int gen) {
        try {
            adopt(gen, ctx.launcher().launch(spec, output), ctx.ticker().getAsLong());
        } catch (LaunchException | RuntimeException e) {
            launchFailed(e);
        }
    }

    private void onLaunched(int gen, Child c, Exception failure, CompletableFuture<AppStatus> done,
                            CompletableFuture<Void> settled, long now) {
        if (launchSettled == settled) {
            launchSettled = DONE;
        }
        if (gen != generation || !machine.is(LAUNCHING)) {
            discard(c, settled); // stopped or relaunched meanwhile
        } else if (failure != null) {
            settled.complete(null);
            launchFailed(failure);
        } else {
            settled.complete(null);
            adopt(gen, c, now);
        }
        done.complete(snapshot());
    }

    /** Kills a process launched for a run that no longer wants it; {@code settled} completes once it is gone. */
    private static void discard(Child c, CompletableFuture<Void> settled) {
        if (c == null) {
            settled.complete(null);
            return;
        }
        c.killTree();
        c.exited().whenComplete((s, e) -> settled.complete(null));
    }

    private void adopt(int gen, Child c, long now) {
        child = c;
        startedAtNanos = now;
        startedAt = ctx.wallClock().instant();
        mainExited = false;
        killed = false;
        usage = TreeUsage.NONE;
        // Not at once: a run just spawned has nothing to show yet, and a crash loop would pay a walk of
        // its tree at every restart. A run that lives is sampled within a second (or its interval).
        sampleAt = now + Math.min(FIRST_SAMPLE_NANOS, SampleCadence.intervalNanos(spec));
        sampledAt = NEVER;
        statusReason = null;
        writePidFile(c.pid());
        readiness.launched(now);
        c.exited().whenComplete((status, failure) -> ctx.engineThread().execute(() ->
                onExit(gen, status != null ? status : new ExitStatus(-1, null), ctx.ticker().getAsLong())));
        fire(LifecycleEvent.SPAWNED, "pid " + c.pid()); // LAUNCHING -> ONLINE
        ctx.listener().onSpawn(name(), c.pid(), c.startTime());
    }

    /** The main process exited (and its output was written). */
    void onExit(int gen, ExitStatus exit, long now) {
        if (gen != generation || child == null) {
            return;
        }
        deletePidFile();
        lastExit = exit.describe();
        mainExited = true;
        readiness.ended();
        if (machine.is(ONLINE)) {
            exitedOnItsOwn(exit, now);
        } else if (machine.is(STOPPING)) {
            pollAt = now;
            tickStopping(now);
        }
    }

    private void exitedOnItsOwn(ExitStatus exit, long now) {
        Child dead = child;
        child = null;
        usage = TreeUsage.NONE;
        sampleAt = NEVER;
        if (dead.treeAlive()) {
            // Leftovers would hold ports and files the next run needs (PM2 #6084): the next launch
            // waits until they are gone (kill_timeout, then SIGKILL).
            message("pid " + dead.pid() + " exited, its other processes are stopped");
            int pid = (int) dead.pid();
            leftovers = dead.terminateLeftovers(spec.killSignal(), spec.killTimeout())
                    .handle((v, failure) -> {
                        if (failure != null) {
                            onEngineThread(() -> message("processes of pid " + pid + " survived SIGKILL "
                                    + "(uninterruptible?); they are no longer tracked"));
                        }
                        return null;
                    });
        }
        Duration uptime = Duration.ofNanos(Math.max(0, now - startedAtNanos));
        RestartDecision decision = policy.decide(exit, counters, startedAtNanos, now);
        counters = decision.counters();
        if (decision instanceof RestartDecision.Restart r) {
            recordRestart(r.reason(), now);
            if (r.delay().isZero()) {
                fire(LifecycleEvent.EXIT_RESTART, r.reason()); // ONLINE -> LAUNCHING
                beginLaunch(now);
            } else {
                restartAt = now + r.delay().toNanos();
                fire(LifecycleEvent.EXIT_RESTART_DELAYED, r.reason() + "; restart in "
                        + RestartPolicy.shortText(r.delay())); // ONLINE -> WAITING_RESTART
            }
        } else if (decision instanceof RestartDecision.GiveUp g) {
            statusReason = g.reason();
            // Not a restart (the count stays), but `jsup describe` shows it with the restarts.
            history.add(new RestartRecord(ctx.wallClock().instant(), g.reason(), uptime));
            fire(LifecycleEvent.EXIT_GIVE_UP, g.reason()); // ONLINE -> ERRORED
        } else {
            fire(LifecycleEvent.EXIT_STAY, decision.reason()); // ONLINE -> STOPPED
        }
    }

    private void beginStop(long now) {
        readiness.ended();
        int n = child.signalTree(spec.killSignal());
        message("SIG" + Signals.normalize(spec.killSignal()) + " to " + n + (n == 1 ? " process" : " processes"));
        killed = false;
        killAt = now + spec.killTimeout().toNanos();
        pollAt = mainExited ? now : NEVER;
        giveUpAt = NEVER;
        sampleAt = NEVER;
    }

    private void finishStop(long now) {
        child = null;
        usage = TreeUsage.NONE;
        killAt = NEVER;
        pollAt = NEVER;
        giveUpAt = NEVER;
        if (relaunchAfterStop && want == Want.UP) {
            relaunchAfterStop = false;
            fire(LifecycleEvent.STOP_DONE_RELAUNCH, "stopped for restart"); // STOPPING -> LAUNCHING
            beginLaunch(now);
        } else {
            relaunchAfterStop = false;
            fire(LifecycleEvent.STOP_DONE, "stopped"); // STOPPING -> STOPPED
        }
    }

    /** SIGKILL did not end the main process (uninterruptible sleep): report it and end the stop anyway. */
    private void mainSurvivedKill() {
        long pid = child.pid();
        statusReason = "pid " + pid + " survived SIGKILL (uninterruptible?); it may still run, untracked";
        message(statusReason);
        child = null;
        usage = TreeUsage.NONE;
        killAt = NEVER;
        pollAt = NEVER;
        giveUpAt = NEVER;
        relaunchAfterStop = false;
        fire(LifecycleEvent.STOP_FAILED, statusReason); // STOPPING -> ERRORED
    }

    private void recordRestart(String reason, long now) {
        restarts++;
        history.add(new RestartRecord(ctx.wallClock().instant(), reason,
                Duration.ofNanos(Math.max(0, now - startedAtNanos))));
        ctx.listener().onRestart(name(), reason);
    }

    // ---- bookkeeping ----------------------------------------------------------------------

    private void fire(LifecycleEvent event, String reason) {
        machine.fire(event, reason, ctx.wallClock().instant());
        if (!waiters.isEmpty()) {
            AppStatus now = snapshot();
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.until().contains(now.status())) {
                    it.remove();
                    w.future().complete(now);
                }
            }
        }
    }

    private CompletableFuture<AppStatus> await(Set<ProcessStatus> until) {
        if (until.contains(machine.status())) {
            return CompletableFuture.completedFuture(snapshot());
        }
        CompletableFuture<AppStatus> future = new CompletableFuture<>();
        waiters.add(new Waiter(until, future));
        return future;
    }

    private void message(String text) {
        ctx.listener().onMessage(name(), text);
    }

    private void writePidFile(long pid) {
        Path file = spec.pidFile();
        // PM2 users point pid_file at /dev/null to have none: a device or FIFO there is never
        // replaced (the rename below would put a plain file in /dev/null's place) nor deleted.
        if (file == null || (Files.exists(file) && !Files.isRegularFile(file))) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            AtomicFiles.write(file, pid + "\n", AtomicFiles.READABLE_BY_ALL);
        } catch (IOException e) {
            message("cannot write pid_file " + file + ": " + e.getMessage());
        }
    }

    private void deletePidFile() {
        if (spec.pidFile() != null && Files.isRegularFile(spec.pidFile(), LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.deleteIfExists(spec.pidFile());
            } catch (IOException e) {
                message("cannot delete pid_file " + spec.pidFile() + ": " + e.getMessage());
            }
        }
    }

    /** The app's log output, opened now when the app never ran ({@code jsup flush}). */
    public ChildOutput output() {
        if (output == null) {
            output = ctx.outputs().open(spec);
            ctx.listener().onLogOpened(name(), AppLogOutput.countsOf(output));
        }
        return output;
    }

    /** Releases the app's log output; called when the app is removed. */
    public void close() {
        if (output != null) {
            output.close();
            output = null;
        }
    }

    public AppStatus snapshot() {
        return new AppStatus(id, spec, machine.status(), want == Want.UP, child == null ? 0 : child.pid(),
                startedAt, restarts, counters.unstableExits(), lastExit, statusReason, usage.rssBytes(),
                usage.cpuPercent(), history.toList(), machine.transitions(),
                machine.is(ONLINE) && readiness.ready(), machine.is(ONLINE) ? readiness.statusText() : null);
    }

    /** RSS rounded for people: {@code 512M}, {@code 1.2G}, {@code 800K}. */
    static String approximate(long bytes) {
        if (bytes >= 1L << 30) {
            double g = bytes / (double) (1L << 30);
            return g >= 10 ? Math.round(g) + "G" : String.format(java.util.Locale.ROOT, "%.1fG", g);
        }
        if (bytes >= 1L << 20) {
            return Math.round(bytes / (double) (1L << 20)) + "M";
        }
        if (bytes >= 1L << 10) {
            return Math.round(bytes / 1024.0) + "K";
        }
        return Long.toString(bytes);
    }

    private record Waiter(Set<ProcessStatus> until, CompletableFuture<AppStatus> future) {
    }
}

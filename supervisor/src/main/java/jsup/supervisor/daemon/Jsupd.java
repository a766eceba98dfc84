package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcInfo;
import jsup.healthmon.proc.ProcUnreadableException;
import jsup.healthmon.proc.ProcessIdentity;
import jsup.supervisor.AppStatus;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.Supervisor;
import jsup.supervisor.SupervisorSettings;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.dependencies.DependencyGate;
import jsup.supervisor.dependencies.DependencyGraph;
import jsup.supervisor.config.AppSpecJson;
import jsup.supervisor.config.InstanceExpansion;
import jsup.supervisor.config.ConfigException;
import jsup.supervisor.config.EcosystemLoader;
import jsup.supervisor.control.ControlServer;
import jsup.supervisor.daemonlog.JsupdLog;
import jsup.supervisor.files.AtomicFiles;
import jsup.supervisor.process.ProcSnapshot;
import jsup.supervisor.metrics.OpenFds;

/**
 * jsupd: one per {@code $JSUP_HOME}. Owns the engine, the control socket, health supervision,
 * {@code state.json} and {@code dump.json}.
 *
 * <p>Start-up order matters: lock (a second daemon fails fast) → log → pid file → stop whatever a
 * dead predecessor left running (from its {@code state.json}) → restore apps (from that
 * {@code state.json}, else from {@code dump.json}) → control socket, so the first answer shows them.
 *
 * <p>{@link #run} is the foreground entry point ({@code jsup daemon}, systemd); tests use
 * {@link #start} and {@link #close}.
 */
public final class Jsupd implements AutoCloseable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    /** Another jsupd holds the home's lock (a permanent failure for this start, as s6's 100). */
    public static final int EXIT_ALREADY_RUNNING = 3;

    /**
     * How jsupd runs.
     *
     * @param environment what {@code ~} and PATH in ecosystem files resolve against, usually
     *                    {@code System.getenv()}
     * @param restoreAtStart restore apps from state.json / dump.json at start (off only in tests that
     *                    want an empty daemon)
     * @param healthProcFs where health checks read /proc (inotify use and limits, tcp accept state);
     *                    {@link ProcFs#SYSTEM} except in tests that replace the inotify limits
     */
    public record Options(Map<String, String> environment, boolean restoreAtStart, ProcFs healthProcFs) {
        public Options(Map<String, String> environment, boolean restoreAtStart) {
            this(environment, restoreAtStart, ProcFs.SYSTEM);
        }

        public static Options defaults() {
            return new Options(System.getenv(), true);
        }
    }

    private static final JsupdLog.Logger log = JsupdLog.logger(Jsupd.class);
    private static final String LAUNCH_MECHANISM = "jdk.lang.Process.launchMechanism";
    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    /** How long state.json waits after a change for more changes to write them together. */
    private static final Duration STATE_WRITE_GATHER = Duration.ofMillis(50);
    /** The least time between two writes of state.json (see StateWritePacing). */
    private static final Duration STATE_WRITE_MIN_INTERVAL = Duration.ofSeconds(1);

    private final JsupHome home;
    private final DaemonLock lock;
    private final Clock clock = Clock.systemUTC();
    private final Instant startedAt = clock.instant();
    private final ProcFs procFs = ProcFs.SYSTEM;
    private final HealthBook healthBook = new HealthBook();
    private final EngineEvents events;
    private final Figures figures;
    private final Supervisor supervisor;
    private final HealthSupervision health;
    /** The notify socket every app gets as NOTIFY_SOCKET; null where none could be opened. */
    private final NotifyReceiver notifyReceiver;
    private final RestartTriggers triggers;
    private final Notifications notifications;
    private final EcosystemLoader loader;
    private final CallerEnvironment callerEnvironment = new CallerEnvironment();
    private final ScheduledExecutorService stateWriter;
    /** Each app's config as JSON, computed once per spec: state.json is rewritten after every
     *  transition, and serialising 500 unchanged configs each time made a big start quadratic. */
    private final Map<String, Map.Entry<AppSpec, ObjectNode>> configJson = new ConcurrentHashMap<>();
    private final AtomicBoolean stateWritePending = new AtomicBoolean();
    private final StateWritePacing statePacing = new StateWritePacing(STATE_WRITE_GATHER, STATE_WRITE_MIN_INTERVAL);
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch exited = new CountDownLatch(1);
    private volatile boolean stateFrozen;
    private volatile ControlServer server;
    /** Made only when jsupd.json exists or a {@code web} command comes: else nothing of it is loaded. */
    private WebControl web;
    private final Object webLock = new Object();

    private Jsupd(JsupHome home, DaemonLock lock, Options options) throws IOException {
        this.home = home;
        this.lock = lock;
        this.loader = new EcosystemLoader(home.dir(), options.environment());
        this.stateWriter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jsupd-state");
            t.setDaemon(true);
            return t;
        });
        this.events = new EngineEvents(clock, this::requestStateWrite);
        this.notifyReceiver = NotifyReceiver.open(home.dir(), procFs);
        this.supervisor = new Supervisor(new SupervisorSettings(procFs, events, clock, childMarks()));
        if (notifyReceiver != null) {
            notifyReceiver.start(supervisor);
        }
        this.health = new HealthSupervision(home, healthBook, this::healthRestart, options.healthProcFs(),
                clock);
        health.onPassed(supervisor::probePassed);
        events.attach(health);
        this.triggers = new RestartTriggers(supervisor, clock, shuttingDown::get, health::warnLine);
        this.notifications = new Notifications(options.environment(), clock);
        events.attach(notifications);
        health.notifyTo(notifications);
        this.figures = new Figures(events.usage(), healthBook, OpenFds.system());
    }

    /**
     * Runs jsupd in the foreground until {@code jsup kill}, SIGTERM or SIGINT; on a signal it stops
     * every app, writes the dump and exits 0.
     *
     * @return {@link #EXIT_OK}, {@link #EXIT_ALREADY_RUNNING} or {@link #EXIT_FAILED}
     */
    public static int run(JsupHome home, Options options) {
        tuneChildHandling();
        Jsupd jsupd;
        try {
            jsupd = start(home, options);
        } catch (AlreadyRunningException e) {
            System.err.println("jsupd: " + e.getMessage());
            return EXIT_ALREADY_RUNNING;
        } catch (IOException | RuntimeException e) {
            System.err.println("jsupd: cannot start for " + home + ": " + e.getMessage());
            log.error("cannot start", e);
            return EXIT_FAILED;
        }
        Thread hook = new Thread(() -> {
            if (jsupd.shutdown(true)) {
                JsupdLog.stop();
                // A signal would otherwise make the JVM exit 143/130; a clean stop is a success.
                Runtime.getRuntime().halt(EXIT_OK);
            }
        }, "jsupd-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        jsupd.awaitExit();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook finishes the job.
        }
        JsupdLog.stop();
        return EXIT_OK;
    }

    /** {@code java -cp … jsup.supervisor.daemon.Jsupd [home]}: jsupd without the CLI (tests, benchmarks). */
    public static void main(String[] args) {
        JsupHome home = args.length > 0 ? JsupHome.of(Path.of(args[0])) : JsupHome.resolve(System.getenv());
        System.exit(run(home, Options.defaults()));
    }

    /**
     * Sets the JDK's process handling up for jsupd's children (before anything reads the properties).
     * Spawns them with vfork where the JDK still supports it quietly (17 to 21): the child execs
     * without copying jsupd's page tables (measured: 500-app start 4.1 s → 3.7 s, respawn 3.7 → 2.9 ms).
     * JDK 22+ deprecate it with a warning at every start, so there the JDK's default stays. Must run
     * before the first process is started: the JDK reads the property once.
     */
    static void tuneChildHandling() {
        if (System.getProperty(LAUNCH_MECHANISM) == null && Runtime.version().feature() <= 21) {
            System.setProperty(LAUNCH_MECHANISM, "VFORK");
        }
        // With fewer than two common-pool threads (any machine of two cores or less), every async
        // CompletableFuture step starts a new thread, and the JDK's reaper does one such step for
        // each child that exits, before it publishes the exit value. A pool of two keeps its threads.
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }

    /**
     * Starts jsupd and returns once it answers on its socket.
     *
     * @throws AlreadyRunningException when another jsupd owns {@code home}
     */
    public static Jsupd start(JsupHome home, Options options) throws IOException, AlreadyRunningException {
        home.create();
        DaemonLock lock = DaemonLock.acquire(home);
        Jsupd jsupd = null;
        try {
            JsupdLog.configure(home.daemonLog());
            AtomicFiles.write(home.pidFile(), ProcessHandle.current().pid() + "\n");
            Files.deleteIfExists(home.stoppedMarker());
            log.info("jsupd {} starting for {} (pid {})", version(), home, ProcessHandle.current().pid());
            jsupd = new Jsupd(home, lock, options);
            boolean unclean = Files.exists(home.state()); // a clean stop removes it
            List<StateFile.Entry> leftovers = jsupd.cleanUpAfterPredecessor();
            if (options.restoreAtStart()) {
                jsupd.restore(leftovers);
            }
            if (unclean) {
                jsupd.notifications.daemonRecovered("jsupd started after an unclean end of the previous one; "
                        + leftovers.size() + " app(s) in its state.json");
            }
            // Only now: a client that got an answer before the restore saw no apps ("no apps yet").
            if (Files.exists(home.dir().resolve("jsupd.json"))) {
                jsupd.web().startFromSettings();
            }
            jsupd.server = ControlServer.start(home.socket(), new JsupdCommands(jsupd));
            jsupd.requestStateWrite();
            log.info("jsupd ready on {}", home.socket());
            return jsupd;
        } catch (IOException | RuntimeException e) {
            if (jsupd != null) {
                jsupd.shutdown(false);
            } else {
                lock.close();
            }
            throw e;
        }
    }

    public JsupHome home() {
        return home;
    }

    Supervisor supervisor() {
        return supervisor;
    }

    /** What jsupd adds to every app's environment besides {@link Supervisor#APP_ENV_VAR}: its home. */
    Map<String, String> childMarks() {
        if (notifyReceiver == null) {
            return Map.of(JsupHome.ENV_VAR, home.dir().toString());
        }
        return Map.of(JsupHome.ENV_VAR, home.dir().toString(), NotifyReceiver.ENV_VAR, notifyReceiver.path().toString());
    }

    /**
     * {@code names} and, before them, the apps they need ({@code depends_on}, directly or not) that do not
     * run: {@code jsup start web} also starts the database web waits for.
     */
    List<String> withDependencies(List<String> names) {
        Map<String, AppStatus> known = new HashMap<>();
        Map<String, List<String>> needs = new java.util.LinkedHashMap<>();
        List<AppStatus> all = supervisor.list();
        for (AppStatus s : all) {
            known.put(s.name(), s);
            needs.put(s.name(), List.copyOf(DependencyGate.withInstances(
                    s.spec().dependsOn(), app -> InstanceSets.of(app, all).stream().map(AppStatus::name).toList())
                    .keySet()));
        }
        List<String> order = new ArrayList<>();
        for (String name : new DependencyGraph(needs).withDependencies(names)) {
            AppStatus s = known.get(name);
            if (names.contains(name) || (s != null && !isRunning(s))) {
                order.add(name);
            }
        }
        return order;
    }

    HealthSupervision health() {
        return health;
    }

    RestartTriggers triggers() {
        return triggers;
    }

    Notifications notifications() {
        return notifications;
    }

    /** Each app's figures, as {@code /metrics} and {@code list --json} show them. */
    Figures figures() {
        return figures;
    }

    /** The web listener's control, made on first use. */
    WebControl web() {
        synchronized (webLock) {
            if (web == null) {
                web = new WebControl(this);
            }
            return web;
        }
    }

    HealthBook healthBook() {
        return healthBook;
    }

    EcosystemLoader loader() {
        return loader;
    }

    CallerEnvironment callerEnvironment() {
        return callerEnvironment;
    }

    Clock clock() {
        return clock;
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean isShuttingDown() {
        return shuttingDown.get();
    }

    static String version() {
        String v = Jsupd.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    /** Blocks until jsupd has shut down. */
    public void awaitExit() {
        try {
            exited.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every app, writes the dump and releases the home, as on SIGTERM. */
    @Override
    public void close() {
        shutdown(true);
    }

    // ---------------------------------------------------------------- start-up

    /**
     * Stops what a predecessor that died left running: the processes its state.json names, then any
     * process still carrying this home's environment mark (all of them when state.json is
     * unreadable). Returns the state.json entries, to restore from.
     */
    private List<StateFile.Entry> cleanUpAfterPredecessor() throws IOException {
        List<StateFile.Entry> entries = List.of();
        if (Files.exists(home.state())) {
            try {
                entries = StateFile.read(home.state());
            } catch (IOException e) {
                log.error("{}; looking for what the previous jsupd left running by the {} mark of its processes",
                        e.getMessage(), JsupHome.ENV_VAR);
            }
        }
        List<String> stopped = Leftovers.stop(entries, procFs, home);
        if (!stopped.isEmpty()) {
            log.warn("stopped {} app(s) left running by a jsupd that died: {}", stopped.size(), stopped);
        }
        return entries;
    }

    /** Brings back the apps of an unclean predecessor, or else those of dump.json. */
    private void restore(List<StateFile.Entry> predecessor) {
        if (!predecessor.isEmpty()) {
            List<AppSpec> specs = new ArrayList<>();
            Set<String> wanted = new HashSet<>();
            for (StateFile.Entry e : predecessor) {
                if (InstanceExpansion.idOf(e.name()) > 0) {
                    continue; // instance 0's entry brings back its set
                }
                for (AppSpec spec : specOf(e.name(), e.config(), home.state())) {
                    specs.add(spec);
                    if (e.wantUp()) {
                        wanted.add(spec.name());
                    }
                }
            }
            Admission a = admit(InstanceExpansion.linkDependencies(specs), s -> wanted.contains(s.name()));
            log.info("restored {} app(s) from {} (started {})", specs.size(), home.state(), a.started());
            return;
        }
        if (Files.exists(home.dump()) || Files.exists(home.dumpBackup())) {
            try {
                Admission a = resurrect();
                log.info("resurrected {}: started {}", a.source(), a.started());
            } catch (IOException e) {
                log.error("cannot resurrect: {}", e.getMessage());
            }
        }
    }

    /**
     * Loads one app saved in ecosystem form, as its instances; logs and returns none when it is no longer
     * valid.
     */
    List<AppSpec> specOf(String name, ObjectNode config, Path source) {
        if (config == null) {
            log.error("[{}] {} has no config for it; not restored", name, source);
            return List.of();
        }
        try {
            ObjectNode root = config.objectNode();
            root.putArray("apps").add(config);
            return loader.load(root, home.dir(), null).apps();
        } catch (ConfigException e) {
            log.error("[{}] the config saved in {} is no longer valid: {}", name, source, e.getMessage());
            return List.of();
        }
    }

    // ---------------------------------------------------------------- app registry

    /**
     * What {@link #admit} did.
     *
     * @param source the file the apps came from (for resurrect), or null
     */
    record Admission(Path source, List<String> started, List<String> alreadyRunning, List<String> registered,
                     List<String> warnings) {
    }

    /**
     * Registers each app and starts those {@code shouldStart} accepts. An app that runs is left
     * alone ("starting what already runs changes nothing"); a registered app that does not run takes
     * the new definition in place when it differs (keeping its id and history).
     */
    synchronized Admission admit(List<AppSpec> specs, Predicate<AppSpec> shouldStart) {
        List<String> started = new ArrayList<>();
        List<String> alreadyRunning = new ArrayList<>();
        List<String> registered = new ArrayList<>();
        // A few engine round trips for the whole file, not several per app: a 500-app start
        // spent most of its time handing single calls to the engine thread and back.
        Map<String, AppStatus> existing = new HashMap<>();
        for (AppStatus s : supervisor.list()) {
            existing.put(s.name(), s);
        }
        List<AppSpec> added = new ArrayList<>();
        for (AppSpec spec : specs) {
            AppStatus known = existing.get(spec.name());
            if (known != null && isRunning(known)) {
                alreadyRunning.add(spec.name());
                continue;
            }
            callerEnvironment.defined(spec);
            if (known != null && !known.spec().equals(spec)) {
                redefine(spec, false, null).join();
            }
            if (known == null) {
                added.add(spec);
            }
            (shouldStart.test(spec) ? started : registered).add(spec.name());
        }
        supervisor.addAll(added);
        for (AppSpec spec : added) {
            health.register(spec, this::processTree);
            triggers.register(spec);
            notifications.register(spec);
        }
        started = withDependencies(started);
        supervisor.startAll(started);
        requestStateWrite();
        return new Admission(null, started, alreadyRunning, registered, List.of());
    }

    /**
     * Gives a registered app a new definition in place, its health checks with it (see
     * {@link Supervisor#redefine}): id and restart history stay.
     */
    CompletableFuture<AppStatus> redefine(AppSpec spec, boolean start, String reason) {
        health.unregister(spec.name());
        health.register(spec, this::processTree);
        triggers.register(spec);
        notifications.register(spec);
        return supervisor.redefine(spec, start, reason).whenComplete((s, e) -> {
            if (e != null && supervisor.status(spec.name()).isEmpty()) {
                health.unregister(spec.name()); // deleted meanwhile
                triggers.unregister(spec.name());
            }
            requestStateWrite();
        });
    }

    /**
     * True while the app runs or is about to run again: what save and state.json record as
     * "running", so an app that ended on its own (autorestart off, a stop exit code, a crash loop, a
     * failed pre-start) is not brought back by resurrect or after a jsupd crash.
     */
    static boolean isRunning(AppStatus s) {
        // A scheduled job (cron_restart) is stopped between runs but still wanted: it must come back.
        return s.wantUp() && (s.spec().cronRestart() != null
                || (s.status() != ProcessStatus.STOPPED && s.status() != ProcessStatus.ERRORED));
    }

    /** Stops and forgets an app. */
    void delete(String name) {
        health.unregister(name);
        triggers.unregister(name);
        notifications.unregister(name);
        callerEnvironment.forget(name);
        supervisor.remove(name).join();
        events.usage().forget(name);
        requestStateWrite();
    }

    /** {@code save}: every app and whether it should run, to dump.json (previous one kept as .bak). */
    int save() throws IOException {
        List<DumpFile.SavedApp> apps = new ArrayList<>();
        List<AppStatus> all = supervisor.list();
        for (AppStatus s : all) {
            if (InstanceSets.saved(s)) {
                apps.add(new DumpFile.SavedApp(s.name(), isRunning(s), InstanceSets.savedConfig(s, all)));
            }
        }
        DumpFile.save(home, clock.instant(), apps);
        log.info("saved {} app(s) to {}", apps.size(), home.dump());
        return apps.size();
    }

    /** {@code resurrect}: registers the dump's apps and starts those saved as running. */
    Admission resurrect() throws IOException {
        DumpFile.Loaded loaded = DumpFile.load(home);
        List<String> warnings = new ArrayList<>(loaded.warnings());
        for (String w : warnings) {
            log.warn("{}", w);
        }
        List<AppSpec> specs = new ArrayList<>();
        Set<String> running = new HashSet<>();
        for (DumpFile.SavedApp a : loaded.apps()) {
            List<AppSpec> instances = specOf(a.name(), a.config(), loaded.source());
            if (instances.isEmpty()) {
                warnings.add("app " + a.name() + " in " + loaded.source() + " is no longer valid and was skipped"
                        + " (see jsupd.log)");
                continue;
            }
            specs.addAll(instances);
            if (a.running()) {
                instances.forEach(spec -> running.add(spec.name()));
            }
        }
        Admission a = admit(InstanceExpansion.linkDependencies(specs), s -> running.contains(s.name()));
        return new Admission(loaded.source(), a.started(), a.alreadyRunning(), a.registered(), warnings);
    }

    /** The pids of an app's process tree (main process and all descendants) right now. */
    private Collection<Integer> processTree(String app) {
        ProcessIdentity root = events.process(app);
        if (root == null) {
            return List.of();
        }
        try {
            return ProcSnapshot.read(procFs).tree(root).stream().map(ProcInfo::pid).toList();
        } catch (ProcUnreadableException e) {
            return List.of(root.pid()); // unknown below it: the main process is what can be vouched for
        }
    }

    private void healthRestart(String app, String reason) {
        if (shuttingDown.get()) {
            return;
        }
        try {
            supervisor.restart(app, reason).whenComplete((s, e) -> {
                if (e != null) {
                    log.error("[{}] health restart failed: {}", app, e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.error("[{}] health restart failed: {}", app, e.toString());
        }
    }

    // ---------------------------------------------------------------- state.json

    /** Rewrites state.json soon, on the state thread; many requests in a burst make one write. */
    void requestStateWrite() {
        if (stateFrozen || !stateWritePending.compareAndSet(false, true)) {
            return;
        }
        try {
            stateWriter.schedule(() -> {
                stateWritePending.set(false);
                statePacing.wrote(System.nanoTime());
                writeState();
            }, statePacing.delayNanos(System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            stateWritePending.set(false);
        }
    }

    private ObjectNode configJsonOf(AppSpec spec) {
        Map.Entry<AppSpec, ObjectNode> cached = configJson.get(spec.name());
        if (cached != null && cached.getKey() == spec) {
            return cached.getValue();
        }
        ObjectNode json = AppSpecJson.toJson(spec);
        configJson.put(spec.name(), Map.entry(spec, json));
        return json;
    }

    private void writeState() {
        if (stateFrozen) {
            return;
        }
        try {
            List<StateFile.Entry> entries = new ArrayList<>();
            List<AppStatus> all = supervisor.list();
            for (AppStatus s : all) {
                AppSpec spec = s.spec();
                // Instance 0 carries its set's definition; every instance keeps its process for the next jsupd.
                ObjectNode config = s.spec().instances().count() > 1 || s.spec().instances().id() > 0
                        ? InstanceSets.savedConfig(s, all) : configJsonOf(spec);
                entries.add(new StateFile.Entry(s.name(), isRunning(s), events.process(s.name()), spec.killSignal(),
                        spec.killTimeout(), config));
            }
            if (!stateFrozen) {
                StateFile.write(home.state(), ProcessHandle.current().pid(), entries);
            }
        } catch (IOException | RuntimeException e) {
            log.error("cannot write {}: {}", home.state(), e.toString());
        }
    }

    // ---------------------------------------------------------------- shutdown

    /**
     * {@code kill}: refuse new work and stop every app (the caller answers the client next), then
     * finish shutting down on another thread.
     *
     * @return the apps that were running
     */
    List<String> kill() {
        shuttingDown.set(true);
        List<String> stopped = new ArrayList<>();
        for (AppStatus s : supervisor.list()) {
            if (s.status().hasProcess() || s.status() == ProcessStatus.WAITING_RESTART) {
                stopped.add(s.name());
            }
        }
        supervisor.stopAll().join();
        Thread exit = new Thread(() -> shutdown(false), "jsupd-exit");
        exit.setDaemon(false);
        exit.start();
        return stopped;
    }

    /**
     * Stops everything and releases the home: socket closed (requests in flight still answered),
     * every app stopped per its kill_timeout, dump written when {@code saveDump}, state.json and the
     * pid file removed, lock released. Runs once; later calls wait for the first to finish.
     *
     * @return true when this call did the work
     */
    boolean shutdown(boolean saveDump) {
        shuttingDown.set(true);
        if (!closed.compareAndSet(false, true)) {
            awaitExit();
            return false;
        }
        try {
            log.info("jsupd shutting down{}", saveDump ? " (saving the dump)" : "");
            if (server != null) {
                // First, while the socket still answers: a CLI that finds no socket finds the mark.
                markStopped();
            }
            if (saveDump) {
                // Record what should run before stopping turns every app to "want down".
                try {
                    save();
                } catch (IOException | RuntimeException e) {
                    log.error("cannot write the dump: {}", e.toString());
                }
            }
            // From here on a SIGKILL must still leave state.json naming the apps and their pids.
            stateFrozen = true;
            ControlServer s = server;
            if (s != null) {
                s.close();
            }
            closeWeb();
            health.close();
            triggers.close();
            supervisor.close();
            if (notifyReceiver != null) {
                notifyReceiver.close();
            }
            notifications.close();
            stateWriter.shutdownNow();
            try {
                stateWriter.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteQuietly(home.state());
            deleteQuietly(home.pidFile());
            log.info("jsupd stopped");
        } finally {
            lock.close();
            exited.countDown();
        }
        return true;
    }

    private void closeWeb() {
        synchronized (webLock) {
            if (web != null) {
                web.close();
            }
        }
    }

    /** Tells the CLI that this stop was asked for: read-only commands must not start a jsupd again. */
    private void markStopped() {
        try {
            AtomicFiles.write(home.stoppedMarker(), "jsupd pid " + ProcessHandle.current().pid()
                    + " stopped cleanly at " + clock.instant().truncatedTo(ChronoUnit.SECONDS) + "\n");
        } catch (IOException e) {
            log.warn("cannot write {}: {}", home.stoppedMarker(), e.toString());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", p, e.toString());
        }
    }
}

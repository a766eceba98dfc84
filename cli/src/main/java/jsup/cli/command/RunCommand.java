package jsup.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.logs.LogFollower;
import jsup.cli.logs.LogSource;
import jsup.cli.render.Ansi;
import jsup.cli.render.TimeFormat;
import jsup.supervisor.AppStatus;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.Supervisor;
import jsup.supervisor.SupervisorListener;
import jsup.supervisor.SupervisorSettings;
import jsup.supervisor.Transition;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.ConfigException;
import jsup.supervisor.config.Ecosystem;
import jsup.supervisor.config.EcosystemLoader;
import jsup.supervisor.process.ChildSubreaper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jsup run <ecosystem>}: the engine in this JVM, in the foreground, without a daemon (like
 * pm2-runtime), fit to be a container's PID 1: it is a child subreaper, so every orphan below it is
 * reaped ({@code ChildSubreaper}); it handles TERM/INT (stop every app, exit 0) and forwards
 * HUP/USR1/USR2 to the apps ({@link RunSignals}); it prints the apps' output, as text or JSON lines
 * ({@link RunOutput}), and exits with a code that reflects the apps ({@link RunExit}).
 */
@Command(name = "run",
        description = "Run the apps of an ecosystem file in the foreground, without jsupd (like pm2-runtime; fit to be "
            + "a container's PID 1: it reaps every orphaned process below it). Prints status changes and the apps' "
            + "output (stdout lines on stdout, stderr lines on stderr, prefixed with the app's name), or JSON lines "
            + "with --json. SIGTERM/SIGINT stop every app (each per its kill_signal and kill_timeout) and exit 0 "
            + "(1 if one could not be stopped); SIGHUP/SIGUSR1/SIGUSR2 are forwarded to every running app's main process. Exits by itself once no "
            + "app runs or will restart (exit 1 if one errored), unless --no-auto-exit; with --exit-on-errored, "
            + "stops everything and exits 1 as soon as one app is errored. Refused (exit 1) when a jsupd for the "
            + "same $JSUP_HOME runs an app with the same log files. See docs/containers.md.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    /** How often the apps' log files are read for new lines. */
    private static final long POLL_MS = 100;

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "FILE", description = "Ecosystem file (.json, .yaml, .yml).")
    Path file;

    @Option(names = "--only", split = ",", paramLabel = "APP", description = "Run only these apps of the file.")
    List<String> only;

    @Option(names = "--env", paramLabel = "PROFILE", description = "Apply env_<PROFILE> of the file.")
    String env;

    @Option(names = "--no-auto-exit", description = "Keep running when every app has stopped or errored.")
    boolean noAutoExit;

    @Option(names = "--exit-on-errored", description = "As soon as one app is errored (it gave up restarting), stop "
            + "every other app and exit 1, so the container's restart policy takes over.")
    boolean exitOnErrored;

    @Option(names = "--json", description = "Print one JSON object per line on stdout, for log shippers: "
            + "{\"time\",\"app\",\"instance\",\"stream\",\"line\"}; stream is out, err, or jsup for jsup's own "
            + "events.")
    boolean json;

    @Option(names = "--utc", description = "Status lines in UTC, ISO-8601 (2026-12-07T15:04:05.123Z); default: local "
            + "time with milliseconds (2026-12-07T15:04:05.123). --json is always UTC.")
    boolean utc;

    @Option(names = "--no-logs", description = "Do not print the apps' output (it still goes to their log files).")
    boolean noLogs;

    RunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path path = ctx.cwd().resolve(file).normalize();
        if (!Files.isRegularFile(path)) {
            throw new ExitException(ExitCode.USAGE, "jsup: no file " + path + "; check the path");
        }
        Ecosystem eco;
        try {
            eco = new EcosystemLoader(ctx.jsupHome(), ctx.env()).load(path, env);
        } catch (ConfigException e) {
            throw new ExitException(ExitCode.INVALID_CONFIG, "jsup: " + e.getMessage()
                    + "\nFix the file and run again (keys: docs/config.md).");
        }
        List<AppSpec> apps = select(eco.apps());
        RunBesideDaemon.refuseSharedLogs(ctx, apps, path);
        int width = apps.stream().mapToInt(a -> a.name().length()).max().orElse(1);
        RunOutput output = json ? new JsonRunOutput(ctx.out())
                : new TextRunOutput(ctx.out(), ctx.err(), Ansi.of(ctx.colour()), TimeFormat.of(ctx.env(), utc), width);
        for (String w : eco.warnings()) {
            output.warning(w);
        }
        // Before the first app starts: an orphan made earlier would go to init.
        String notSubreaper = ChildSubreaper.become();
        if (notSubreaper != null) {
            output.warning("orphans of the apps go to init, not to jsup: " + notSubreaper);
        }
        AtomicBoolean changed = new AtomicBoolean(true);
        AtomicReference<String> stopSignal = new AtomicReference<>();
        SupervisorListener listener = new SupervisorListener() {
            @Override
            public void onTransition(String app, Transition t) {
                output.transition(t.at(), app, t.from() == null ? null : t.from().label(), t.to().label(), t.reason());
                changed.set(true);
            }

            @Override
            public void onMessage(String app, String message) {
                output.event(Instant.now(), app, message);
            }
        };
        Thread main = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(ExitCode.OK);
        // Where the stop signals have no handler of ours (-Xrs), they run the shutdown hooks: this one lets
        // the loop below stop every app, then exits with the loop's code (a plain signal exit would be
        // 130/143, which systemd and container runtimes count as failure).
        Thread hook = new Thread(() -> {
            requestStop(stopSignal, "SIGINT/SIGTERM", main);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ctx.out().flush();
            Runtime.getRuntime().halt(exitCode.get());
        }, "jsup-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        Supervisor supervisor = new Supervisor(SupervisorSettings.defaults(listener));
        List<String> refused = RunSignals.install(ctx.env(),
                signal -> {
                    if (!requestStop(stopSignal, "SIG" + signal, main)) {
                        output.event(Instant.now(), null, "SIG" + signal + ": already stopping");
                    }
                },
                signal -> forward(supervisor, signal, output));
        refused.forEach(output::warning);
        List<LogSource> sources = new ArrayList<>();
        for (AppSpec spec : apps) {
            supervisor.add(spec);
            sources.add(new LogSource(spec.name(), "out", spec.outFile()));
            sources.add(new LogSource(spec.name(), "err", spec.errorFile()));
        }
        RunExit exit = new RunExit(!noAutoExit, exitOnErrored);
        try (LogFollower logs = new LogFollower(noLogs ? List.of() : sources, false)) {
            int started = 0;
            for (AppSpec spec : apps) {
                if (spec.autostart()) {
                    supervisor.start(spec.name());
                    started++;
                }
            }
            if (started == 0 && !noAutoExit) {
                output.event(Instant.now(), null, "no app has autostart on; nothing to run");
                supervisor.close();
                removeHook(hook);
                return ExitCode.OK;
            }
            while (stopSignal.get() == null) {
                printLogs(logs, output);
                if (changed.getAndSet(false)) {
                    RunExit.Verdict verdict = exit.judge(supervisor.list().stream().map(AppStatus::status).toList());
                    if (verdict != RunExit.Verdict.RUN) {
                        output.event(Instant.now(), null, verdict == RunExit.Verdict.STOP_ERRORED
                                ? "an app is errored (--exit-on-errored): stopping every app"
                                : "no app runs or will restart; exiting");
                        supervisor.close();
                        printLogs(logs, output);
                        removeHook(hook);
                        return verdict.exitCode();
                    }
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    // A stop signal wakes us up; the loop condition sees it.
                }
            }
            output.event(Instant.now(), null, stopSignal.get() + ": stopping every app");
            supervisor.stopAll().join();
            int code = RunExit.afterStop(supervisor.list().stream().map(AppStatus::status).toList());
            supervisor.close();
            printLogs(logs, output);
            output.event(Instant.now(), null, code == ExitCode.OK ? "every app stopped; exiting"
                    : "an app could not be stopped; exiting with " + code);
            exitCode.set(code);
            stopped.countDown();
            removeHook(hook);
            return code;
        }
    }

    /** Sends {@code signal} to every app that runs; an app that stops meanwhile is skipped. */
    private static void forward(Supervisor supervisor, String signal, RunOutput output) {
        List<String> sent = new ArrayList<>();
        for (AppStatus app : supervisor.list()) {
            if (app.status() == ProcessStatus.ONLINE) {
                try {
                    supervisor.signal(app.name(), signal);
                    sent.add(app.name());
                } catch (IllegalStateException | NoSuchElementException stoppedMeanwhile) {
                    // not running any more: nothing to forward to
                }
            }
        }
        output.event(Instant.now(), null, "SIG" + signal + " forwarded to "
                + (sent.isEmpty() ? "no app (none runs)" : String.join(", ", sent)));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook finishes the job.
        }
    }

    /** @return false when a stop was already requested */
    private static boolean requestStop(AtomicReference<String> stopSignal, String signal, Thread main) {
        if (stopSignal.compareAndSet(null, signal)) {
            main.interrupt();
            return true;
        }
        return false;
    }

    private static void printLogs(LogFollower logs, RunOutput output) {
        logs.poll().forEach(output::appLine);
    }

    private List<AppSpec> select(List<AppSpec> apps) {
        if (only == null || only.isEmpty()) {
            return apps;
        }
        Set<String> wanted = new LinkedHashSet<>(only);
        List<AppSpec> chosen = new ArrayList<>();
        for (AppSpec a : apps) {
            if (wanted.remove(a.name())) {
                chosen.add(a);
            }
        }
        if (!wanted.isEmpty()) {
            List<String> names = apps.stream().map(AppSpec::name).toList();
            throw new ExitException(ExitCode.USAGE, "jsup: --only names apps not in " + file + ": "
                    + String.join(", ", wanted) + "; the file has: " + String.join(", ", names));
        }
        return chosen;
    }
}

package jsup.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.logs.LogFollower;
import jsup.cli.logs.LogLine;
import jsup.cli.logs.LogPrinter;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jsup run <ecosystem>}: the engine in this JVM, in the foreground, without a daemon (like
 * pm2-runtime, for containers and one systemd unit per app). Prints state changes and the apps'
 * output; SIGINT/SIGTERM stop every app per its kill_timeout, then exit 0.
 */
@Command(name = "run",
        description = "Run the apps of an ecosystem file in the foreground, without jsupd (like pm2-runtime). Prints "
            + "status changes and the apps' output. SIGINT/SIGTERM stop every app (each per its kill_timeout) "
            + "and exit 0. Exits by itself once no app runs or will restart (exit 1 if one errored), unless "
            + "--no-auto-exit. Refused (exit 1) when a jsupd for the same $JSUP_HOME runs an app with the same "
            + "log files.")
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

    @Option(names = "--utc", description = "Status lines in UTC, ISO-8601 (2026-12-07T15:04:05.123Z); default: local "
            + "time with milliseconds (2026-12-07T15:04:05.123).")
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
        for (String w : eco.warnings()) {
            ctx.err().println("[jsup] warning: " + w);
        }
        List<AppSpec> apps = select(eco.apps());
        RunBesideDaemon.refuseSharedLogs(ctx, apps, path);
        Ansi ansi = Ansi.of(ctx.colour());
        AtomicBoolean changed = new AtomicBoolean(true);
        AtomicReference<String> stopSignal = new AtomicReference<>();
        SupervisorListener listener = new SupervisorListener() {
            @Override
            public void onTransition(String app, Transition t) {
                synchronized (ctx.out()) {
                    ctx.out().println(time().format(t.at()) + " [jsup] " + app + ": " + (t.from() == null ? "-" : t.from().label())
                            + " → " + ansi.status(t.to().label()) + (t.reason() == null ? "" : " (" + t.reason() + ")"));
                    ctx.out().flush();
                }
                changed.set(true);
            }

            @Override
            public void onMessage(String app, String message) {
                synchronized (ctx.out()) {
                    ctx.out().println(time().format(Instant.now()) + " [jsup] " + app + ": " + message);
                    ctx.out().flush();
                }
            }
        };
        Thread main = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGINT/SIGTERM run shutdown hooks: this one lets the loop below stop every app, then exits 0
        // (a plain signal exit would be 130/143, which systemd and container runtimes count as failure).
        Thread hook = new Thread(() -> {
            requestStop(stopSignal, "SIGINT/SIGTERM", main);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ctx.out().flush();
            Runtime.getRuntime().halt(ExitCode.OK);
        }, "jsup-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        Supervisor supervisor = new Supervisor(SupervisorSettings.defaults(listener));
        List<LogSource> sources = new ArrayList<>();
        int width = 1;
        for (AppSpec spec : apps) {
            supervisor.add(spec);
            width = Math.max(width, spec.name().length());
            sources.add(new LogSource(spec.name(), "out", spec.outFile()));
            sources.add(new LogSource(spec.name(), "err", spec.errorFile()));
        }
        LogPrinter printer = new LogPrinter(ctx.out(), ansi, false, null, Clock.systemUTC(), width);
        try (LogFollower logs = new LogFollower(noLogs ? List.of() : sources, false)) {
            int started = 0;
            for (AppSpec spec : apps) {
                if (spec.autostart()) {
                    supervisor.start(spec.name());
                    started++;
                }
            }
            if (started == 0 && !noAutoExit) {
                ctx.out().println("[jsup] no app has autostart on; nothing to run");
                supervisor.close();
                removeHook(hook);
                return ExitCode.OK;
            }
            while (stopSignal.get() == null) {
                printLogs(logs, printer);
                if (!noAutoExit && changed.getAndSet(false)) {
                    Integer code = finished(supervisor.list());
                    if (code != null) {
                        printLogs(logs, printer);
                        ctx.out().println("[jsup] no app runs or will restart; exiting");
                        supervisor.close();
                        removeHook(hook);
                        return code;
                    }
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    // A stop signal wakes us up; the loop condition sees it.
                }
            }
            ctx.out().println(time().format(Instant.now()) + " [jsup] " + stopSignal.get() + ": stopping every app");
            ctx.out().flush();
            supervisor.close();
            printLogs(logs, printer);
            ctx.out().println(time().format(Instant.now()) + " [jsup] every app stopped; exiting");
            ctx.out().flush();
            stopped.countDown();
            removeHook(hook);
            return ExitCode.OK;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook finishes the job.
        }
    }

    private static void requestStop(AtomicReference<String> stopSignal, String signal, Thread main) {
        if (stopSignal.compareAndSet(null, signal)) {
            main.interrupt();
        }
    }

    /** The format of the time at the start of each status line. */
    private TimeFormat time() {
        return TimeFormat.of(ctx.env(), utc);
    }

    private void printLogs(LogFollower logs, LogPrinter printer) {
        List<LogLine> lines = logs.poll();
        if (!lines.isEmpty()) {
            synchronized (ctx.out()) {
                lines.forEach(printer::print);
                printer.flush();
            }
        }
    }

    /** null while something runs or will restart; else 1 when an app errored, 0 otherwise. */
    private static Integer finished(List<AppStatus> apps) {
        boolean errored = false;
        for (AppStatus a : apps) {
            if (a.status() != ProcessStatus.STOPPED && a.status() != ProcessStatus.ERRORED) {
                return null;
            }
            errored |= a.status() == ProcessStatus.ERRORED;
        }
        return errored ? ExitCode.FAILURE : ExitCode.OK;
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

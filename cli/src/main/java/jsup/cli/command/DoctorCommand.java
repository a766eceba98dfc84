package jsup.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.doctor.CheckedApp;
import jsup.cli.doctor.DaemonState;
import jsup.cli.doctor.Doctor;
import jsup.cli.doctor.DoctorChecks;
import jsup.cli.doctor.DoctorInputs;
import jsup.cli.doctor.DoctorReport;
import jsup.cli.doctor.Finding;
import jsup.cli.doctor.Marks;
import jsup.cli.render.Ansi;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.AppSpecJson;
import jsup.supervisor.config.ConfigException;
import jsup.supervisor.config.EcosystemLoader;
import jsup.supervisor.daemon.JsupHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup doctor [FILE] [--fix] [--json]}: checks the machine and the apps' config; never starts jsupd. */
@Command(name = "doctor",
        description = "Check this machine and the apps' configuration: one line per check, with the fix for each ✗. "
            + "The apps come from the running jsupd (never started by doctor), or from FILE when given. Exit "
            + "code 1 when a check fails (and --fix did not repair it).",
        footerHeading = "%nChecks:%n",
        footer = {
            "  java          Java 17 or newer runs jsup.",
            "  jsupd         jsupd answers on $JSUP_HOME/jsup.sock; the socket is 0600.",
            "  apps          which apps the checks below cover (jsupd's, or FILE's).",
            "  inotify       watches and instances held by jsupd's user against",
            "                max_user_watches / max_user_instances; fails at the apps'",
            "                strictest inotify_warn (default 80%%). --fix as root writes",
            "                /etc/sysctl.d/99-jsup-inotify.conf (524288 watches) and",
            "                applies it with sysctl; otherwise it prints the sudo command.",
            "  port N (app)  each local port of the apps' tcp/http probes is free or held",
            "                by a process jsup supervises; else the holder's pid and",
            "                command are named.",
            "  stale locks   lock files matching an app's clear_stale_locks globs whose",
            "                owner pid is gone (the rules pre_start applies).",
            "  disk          at least 100M free under $JSUP_HOME/logs."})
final class DoctorCommand implements Runnable {

    /** Env twin of {@code --root-dir}: where {@code --fix} writes, for tests. */
    static final String ROOT_ENV = "JSUP_DOCTOR_ROOT";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliContext ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Check the apps of this ecosystem file instead of jsupd's.")
    String file;

    @Option(names = "--fix", description = "Repair what can be repaired (the inotify limits; needs root).")
    boolean fix;

    @Option(names = "--json", description = "Print the checks as a JSON array: name, ok, detail, fix[, fixed].")
    boolean json;

    @Option(names = "--root-dir", hidden = true, paramLabel = "DIR",
            description = "Filesystem root --fix writes under (tests). Env: " + ROOT_ENV + ".")
    Path rootDir;

    DoctorCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        JsupHome home = JsupHome.of(ctx.jsupHome());
        List<CheckedApp> fromFile = file == null ? null : appsOf(ctx.resolve(file));
        DaemonState daemon = DaemonState.inspect(home, fromFile == null);
        List<CheckedApp> apps = fromFile;
        String source = file == null ? "" : ctx.resolve(file).toString();
        if (apps == null) {
            apps = daemon.configs().stream().map(CheckedApp::fromConfig).toList();
            source = daemon.reachable() ? "jsupd" : "jsupd (not running)";
        }
        DoctorInputs inputs = new DoctorInputs(home, daemon, apps, source, fixRoot(), runningAsRoot(),
                ProcFs.SYSTEM, Clock.systemUTC());
        List<Finding> findings = Doctor.run(DoctorChecks.of(inputs), fix);
        try {
            if (json) {
                ctx.out().println(JSON.writeValueAsString(DoctorReport.json(findings)));
            } else {
                Ansi ansi = Ansi.of(ctx.colour());
                ctx.out().print(DoctorReport.text(findings, Marks.forStdout(ansi), ansi));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the checks as JSON", e);
        } finally {
            ctx.out().flush();
        }
        long failing = findings.stream().filter(Finding::failing).count();
        if (failing > 0) {
            throw new ExitException(ExitCode.FAILURE, json ? "" : "jsup doctor: " + failing
                    + " check(s) failed; the fix is given under each");
        }
    }

    /** The apps of an ecosystem file, in the same form jsupd gives them. */
    private List<CheckedApp> appsOf(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ExitException(ExitCode.USAGE, "jsup: no file " + path + "; check the path");
        }
        try {
            List<CheckedApp> apps = new ArrayList<>();
            for (AppSpec spec : new EcosystemLoader(ctx.jsupHome(), ctx.env()).load(path, null).apps()) {
                apps.add(CheckedApp.fromConfig(AppSpecJson.toJson(spec)));
            }
            return apps;
        } catch (ConfigException e) {
            throw new ExitException(ExitCode.INVALID_CONFIG, "jsup: " + e.getMessage()
                    + "\nFix the file and run the command again (keys: docs/config.md).");
        }
    }

    private Path fixRoot() {
        if (rootDir != null) {
            return ctx.resolve(rootDir.toString());
        }
        String env = ctx.env().get(ROOT_ENV);
        return env != null && !env.isBlank() ? ctx.resolve(env) : Path.of("/");
    }

    private static boolean runningAsRoot() {
        OptionalInt uid = ProcFs.SYSTEM.effectiveUid((int) ProcessHandle.current().pid());
        return uid.isPresent() && uid.getAsInt() == 0;
    }
}

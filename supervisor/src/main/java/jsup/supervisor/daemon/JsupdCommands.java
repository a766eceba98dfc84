package jsup.supervisor.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jsup.healthmon.ProbeRound;
import jsup.supervisor.AppStatus;
import jsup.supervisor.ProcessStatus;
import jsup.supervisor.Supervisor;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.ConfigException;
import jsup.supervisor.config.ConfigProblem;
import jsup.supervisor.config.Ecosystem;
import jsup.supervisor.control.CommandHandler;
import jsup.supervisor.control.ControlCommand;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ControlProtocol;
import jsup.supervisor.control.ControlRequest;
import jsup.supervisor.control.ErrorCode;

/**
 * jsupd's answers to control commands (docs/control-protocol.md, "Commands"). A thin layer: it
 * checks arguments, resolves targets, calls the engine or {@link Jsupd}, and renders results. Engine
 * exceptions become protocol errors here and nowhere else.
 */
final class JsupdCommands implements CommandHandler {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Jsupd jsupd;
    private final Supervisor supervisor;

    JsupdCommands(Jsupd jsupd) {
        this.jsupd = jsupd;
        this.supervisor = jsupd.supervisor();
    }

    @Override
    public JsonNode handle(ControlRequest request) throws ControlException {
        ControlCommand command = ControlCommand.fromWire(request.cmd());
        if (jsupd.isShuttingDown() && command != ControlCommand.PING) {
            throw new ControlException(ErrorCode.SHUTTING_DOWN, "jsupd is shutting down; run the command again "
                    + "once a new jsupd is up (jsup start or jsup resurrect starts one)");
        }
        try {
            return switch (command) {
                case PING -> ping();
                case LIST -> list(request);
                case DESCRIBE -> describe(request);
                case START -> start(request);
                case STOP -> stop(request);
                case RESTART -> restart(request);
                case RELOAD -> reload(request);
                case SCALE -> scale(request);
                case DELETE -> delete(request);
                case FLUSH -> flush(request);
                case SAVE -> save();
                case RESURRECT -> resurrect();
                case KILL -> kill();
                case SIGNAL -> signal(request);
                case RESET -> reset(request);
                case LOGS_INFO -> logsInfo(request);
                case HEALTH -> health(request);
                case ENV -> env(request);
                case NOTIFY_TEST -> NotifyTestAnswer.of(jsupd, request.optText("app"));
                case WEB -> web(request);
            };
        } catch (ConfigException e) {
            throw invalidConfig(e);
        } catch (CompletionException e) {
            throw translate(e.getCause() == null ? e : e.getCause());
        } catch (NoSuchElementException | IllegalArgumentException e) {
            throw translate(e);
        }
    }

    // ---------------------------------------------------------------- commands

    private JsonNode ping() {
        return NODES.objectNode().put("pong", true).put("pid", ProcessHandle.current().pid())
                .put("version", Jsupd.version()).put("protocol", ControlProtocol.VERSION)
                .put("home", jsupd.home().toString())
                .put("uptime_ms", Duration.between(jsupd.startedAt(), jsupd.clock().instant()).toMillis())
                .put("apps", supervisor.count());
    }

    /** {@code web}: {@code action} enable (optional {@code port}, {@code bind}), disable or status. */
    private JsonNode web(ControlRequest r) throws ControlException {
        String action = r.has("action") ? r.text("action") : "status";
        try {
            return switch (action) {
                case "enable" -> jsupd.web().enable(port(r.optText("port")), r.optText("bind"));
                case "disable" -> jsupd.web().disable();
                case "status" -> jsupd.web().status();
                case "open" -> jsupd.web().open();
                default -> throw new ControlException(ErrorCode.BAD_REQUEST, "unknown web action \"" + action
                        + "\"; use enable, disable, status or open");
            };
        } catch (IOException e) {
            throw new ControlException(ErrorCode.INTERNAL, e.getMessage());
        }
    }

    private static Integer port(String text) throws ControlException {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new ControlException(ErrorCode.BAD_REQUEST, "port \"" + text + "\" is not a TCP port; use 1-65535 "
                    + "(default 9615)");
        }
    }

    /** {@code list}: every app; {@code fields} keeps only the named fields, {@code metrics} adds the figures. */
    private JsonNode list(ControlRequest r) throws ControlException {
        AppFields fields = AppFields.of(r.strings("fields"));
        boolean metrics = r.bool("metrics", false) && fields.wants("metrics");
        List<AppStatus> all = supervisor.list();
        ObjectNode result = NODES.objectNode();
        result.set("apps", render(all, all, false, metrics, fields));
        return result;
    }

    private JsonNode describe(ControlRequest r) throws ControlException {
        ObjectNode result = NODES.objectNode();
        result.set("apps", render(targets(r.text("target")), true, true));
        return result;
    }

    private JsonNode start(ControlRequest r) throws ControlException, ConfigException {
        List<String> warnings = new ArrayList<>();
        if (r.has("file")) {
            return deploy(r, false, false);
        }
        if (r.has("app")) {
            return admission(jsupd.admit(oneOff(r), s -> true), warnings);
        }
        if (r.has("script")) {
            Path script = absolute(r, "script");
            Path cwd = r.has("cwd") ? absolute(r, "cwd") : script.getParent();
            AppSpec spec = jsupd.loader().forScript(script, r.optText("name"), r.strings("args"), cwd);
            return admission(jsupd.admit(List.of(spec), s -> true), warnings);
        }
        if (r.has("target")) {
            List<String> started = new ArrayList<>();
            List<String> already = new ArrayList<>();
            for (AppStatus s : targets(r.text("target"))) {
                if (Jsupd.isRunning(s)) {
                    already.add(s.name());
                } else {
                    started.add(s.name());
                }
            }
            started = jsupd.withDependencies(started);
            supervisor.startAll(started);
            jsupd.requestStateWrite();
            return admission(new Jsupd.Admission(null, started, already, List.of(), List.of()), warnings);
        }
        throw new ControlException(ErrorCode.BAD_REQUEST, "start needs \"file\" (an ecosystem file), \"app\" "
                + "(one app object), \"script\" (a program to run) or \"target\" (a known app)");
    }

    /**
     * {@code start|restart|reload} of a file: the plan (added / changed / unchanged / not in the
     * file), then, unless {@code plan_only}, its execution. Nothing is touched when the file is invalid.
     * {@code rolling} (reload): an app of several instances is replaced one instance at a time.
     */
    private JsonNode deploy(ControlRequest r, boolean restartUnchanged, boolean rolling)
            throws ControlException, ConfigException {
        Ecosystem eco = loadFile(r);
        List<String> only = r.strings("only");
        DeployPlan plan = DeployPlan.of(only(eco, only), supervisor.list(), only.isEmpty());
        ObjectNode result = NODES.objectNode();
        result.set("deploy", plan.toJson());
        result.set("warnings", strings(eco.warnings()));
        if (r.bool("plan_only", false)) {
            return result;
        }
        Redeployment.Outcome o = Redeployment.apply(jsupd, plan, restartUnchanged, rolling);
        result.set("started", strings(o.started()));
        result.set("restarted", strings(o.restarted()));
        result.set("already_running", strings(o.alreadyRunning()));
        result.set("registered", strings(o.registered()));
        result.set("apps", render(named(List.of(o.started(), o.restarted(), o.alreadyRunning(), o.registered())),
                false));
        return result;
    }

    /**
     * One app given as an ecosystem app object ({@code jsup start prog --flags}: the CLI maps each
     * flag onto its key), validated like a file's; relative paths are taken from {@code cwd}.
     */
    private List<AppSpec> oneOff(ControlRequest r) throws ControlException, ConfigException {
        JsonNode app = r.args().get("app");
        if (!app.isObject()) {
            throw new ControlException(ErrorCode.BAD_REQUEST, "argument \"app\" of \"start\" must be an app object, "
                    + "e.g. {\"script\": \"server.js\"}");
        }
        try {
            return jsupd.loader().load(app, absolute(r, "cwd"), null).apps(); // one, or its instances
        } catch (ConfigException e) {
            throw new ConfigException("the command line", e.problems());
        }
    }

    /**
     * The request's ecosystem file with its env profile: the one place a request's file is loaded.
     * {@code caller_env} is checked here, so a bad one fails every file request alike; it is for the
     * loader, which evaluates a {@code .js} file with the caller's environment.
     */
    private Ecosystem loadFile(ControlRequest r) throws ControlException, ConfigException {
        Map<String, String> callerEnv = CallerEnvironment.of(r);
        // A .config.js sees the caller's process.env, as with PM2 (which evaluates it in the CLI).
        return jsupd.loader().load(absolute(r, "file"), r.optText("env"), callerEnv.isEmpty() ? null : callerEnv);
    }

    private JsonNode stop(ControlRequest r) throws ControlException, ConfigException {
        List<String> stopped = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<AppStatus> apps = appsOf(r);
        for (AppStatus s : apps) {
            if (!s.wantUp() && !s.status().hasProcess() && s.status() != ProcessStatus.WAITING_RESTART) {
                already.add(s.name());
            } else {
                stopped.add(s.name());
            }
        }
        supervisor.stopInOrder(stopped).join(); // dependents first (depends_on)
        jsupd.requestStateWrite();
        ObjectNode result = NODES.objectNode();
        result.set("stopped", strings(stopped));
        result.set("already_stopped", strings(already));
        result.set("apps", render(fresh(apps), false));
        return result;
    }

    private JsonNode restart(ControlRequest r) throws ControlException, ConfigException {
        if (r.has("file")) {
            return deploy(r, true, false);
        }
        List<AppStatus> apps = targets(r.text("target"));
        boolean updateEnv = r.bool("update_env", false);
        Map<String, String> callerEnv = CallerEnvironment.of(r);
        List<AppSpec> updated = new ArrayList<>();
        for (AppStatus s : updateEnv ? apps : List.<AppStatus>of()) { // all checked before any restart
            ObjectNode config = jsupd.callerEnvironment().applied(s.spec(), callerEnv);
            updated.add(jsupd.loader().load(config, s.spec().cwd(), null).apps().get(0));
        }
        List<CompletableFuture<AppStatus>> restarts = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            restarts.add(updateEnv ? jsupd.redefine(updated.get(i), true, "manual (--update-env)")
                    : supervisor.restart(apps.get(i).name(), "manual"));
        }
        CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).join();
        jsupd.requestStateWrite();
        ObjectNode result = NODES.objectNode();
        result.set("restarted", strings(names(apps)));
        result.set("apps", render(fresh(apps), false));
        return result;
    }

    /**
     * {@code reload}: as restart, except that an app of several instances is replaced one instance at a
     * time ({@link RollingReload}), with its file's definition when a file is given; not with
     * {@code update_env}.
     */
    private JsonNode reload(ControlRequest r) throws ControlException, ConfigException {
        if (r.has("file")) {
            return deploy(r, true, true);
        }
        if (r.bool("update_env", false)) {
            return restart(r);
        }
        List<AppStatus> apps = targets(r.text("target"));
        List<String> reloaded = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Set<String> rolled = new LinkedHashSet<>();
        for (AppStatus s : apps) {
            String app = s.spec().appName();
            if (InstanceSets.of(app, apps).size() > 1) {
                rolled.add(app);
            } else {
                others.add(s.name());
            }
        }
        RollingReload rolling = new RollingReload(jsupd, System::nanoTime);
        for (String app : rolled) {
            reloaded.addAll(rolling.run(InstanceSets.of(app, apps)));
        }
        List<CompletableFuture<AppStatus>> restarts = new ArrayList<>();
        for (String name : others) {
            restarts.add(supervisor.restart(name, "manual"));
        }
        CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).join();
        reloaded.addAll(others);
        jsupd.requestStateWrite();
        ObjectNode result = NODES.objectNode();
        result.set("restarted", strings(reloaded));
        result.set("apps", render(fresh(apps), false));
        return result;
    }

    /** {@code scale}: {@code target} (an app's name) and {@code count} ({@code N}, {@code +N}, {@code -N} or max). */
    private JsonNode scale(ControlRequest r) throws ControlException {
        List<AppStatus> matched = targets(r.text("target"));
        Set<String> appNames = new LinkedHashSet<>();
        matched.forEach(s -> appNames.add(s.spec().appName()));
        if (appNames.size() != 1) {
            throw new ControlException(ErrorCode.BAD_REQUEST, "scale changes one app, but \"" + r.text("target")
                    + "\" means " + joined(List.copyOf(appNames)) + "; give one app's name");
        }
        List<AppStatus> set = InstanceSets.of(appNames.iterator().next(), supervisor.list());
        int count = Scaling.target(r.text("count"), InstanceSets.liveCount(set),
                Runtime.getRuntime().availableProcessors());
        if (count > 1 && !set.get(0).spec().sockets().isEmpty()) {
            throw new ControlException(ErrorCode.BAD_REQUEST, "\"" + appNames.iterator().next() + "\" has held sockets, "
                    + "which jsupd passes to one run at a time, so it runs one instance; drop \"sockets\" and use "
                    + "increment_var (a port per instance) to scale it");
        }
        Scaling.Outcome o = Scaling.apply(jsupd, set, count);
        ObjectNode result = NODES.objectNode();
        result.put("app", appNames.iterator().next()).put("from", o.from()).put("to", o.to());
        result.set("added", strings(o.added()));
        result.set("removed", strings(o.removed()));
        result.set("apps", render(InstanceSets.of(appNames.iterator().next(), supervisor.list()), false));
        return result;
    }

    private JsonNode delete(ControlRequest r) throws ControlException, ConfigException {
        List<AppStatus> apps = appsOf(r);
        for (AppStatus s : apps) {
            jsupd.delete(s.name());
        }
        ObjectNode result = NODES.objectNode();
        result.set("deleted", strings(names(apps)));
        return result;
    }

    private JsonNode flush(ControlRequest r) throws ControlException {
        List<AppStatus> apps = r.has("target") ? targets(r.text("target")) : supervisor.list();
        for (AppStatus s : apps) {
            // Through the app's own writers, so their size count (and so rotation) stays right.
            try {
                supervisor.flush(s.name());
            } catch (UncheckedIOException e) {
                throw new ControlException(ErrorCode.INTERNAL, "cannot flush the logs of " + s.name() + ": "
                        + e.getMessage());
            }
        }
        ObjectNode result = NODES.objectNode();
        result.set("flushed", strings(names(apps)));
        return result;
    }

    private JsonNode save() throws ControlException {
        try {
            int n = jsupd.save();
            return NODES.objectNode().put("path", jsupd.home().dump().toString()).put("apps", n);
        } catch (IOException e) {
            throw new ControlException(ErrorCode.INTERNAL, "cannot write " + jsupd.home().dump() + ": "
                    + e.getMessage() + " (check the folder's permissions and free space)");
        }
    }

    private JsonNode resurrect() throws ControlException {
        try {
            Jsupd.Admission a = jsupd.resurrect();
            ObjectNode result = admission(a, a.warnings());
            result.put("path", a.source().toString());
            return result;
        } catch (IOException e) {
            throw new ControlException(ErrorCode.INVALID_CONFIG, e.getMessage());
        }
    }

    private JsonNode kill() {
        List<String> stopped = jsupd.kill();
        ObjectNode result = NODES.objectNode();
        result.set("stopped", strings(stopped));
        result.put("pid", ProcessHandle.current().pid());
        return result;
    }

    private JsonNode signal(ControlRequest r) throws ControlException {
        String signal = r.text("signal");
        List<String> signalled = new ArrayList<>();
        List<String> notRunning = new ArrayList<>();
        for (AppStatus s : targets(r.text("target"))) {
            if (s.pid() <= 0) {
                notRunning.add(s.name());
                continue;
            }
            supervisor.signal(s.name(), signal);
            signalled.add(s.name());
        }
        ObjectNode result = NODES.objectNode();
        result.set("signalled", strings(signalled));
        result.set("not_running", strings(notRunning));
        return result;
    }

    private JsonNode reset(ControlRequest r) throws ControlException {
        List<AppStatus> apps = targets(r.text("target"));
        for (AppStatus s : apps) {
            supervisor.resetCounters(s.name());
        }
        ObjectNode result = NODES.objectNode();
        result.set("reset", strings(names(apps)));
        return result;
    }

    private JsonNode logsInfo(ControlRequest r) throws ControlException {
        List<AppStatus> apps = r.has("target") ? targets(r.text("target")) : supervisor.list();
        ObjectNode result = NODES.objectNode();
        ArrayNode list = result.putArray("apps");
        for (AppStatus s : apps) {
            list.addObject().put("id", s.id()).put("name", s.name())
                    .put("out_file", text(s.spec().outFile())).put("error_file", text(s.spec().errorFile()))
                    .put("log_file", text(s.spec().logFile()));
        }
        result.put("daemon_log", jsupd.home().daemonLog().toString());
        result.put("healthmon_log", jsupd.home().healthLog().toString());
        return result;
    }

    private JsonNode health(ControlRequest r) throws ControlException {
        ObjectNode result = NODES.objectNode();
        ArrayNode list = result.putArray("apps");
        for (AppStatus s : targets(r.text("target"))) {
            ObjectNode app = list.addObject().put("name", s.name());
            if (s.spec().health() == null || !jsupd.health().isRegistered(s.name())) {
                app.put("ok", true).put("note", "no health block");
                app.putArray("results");
                continue;
            }
            ProbeRound round = jsupd.health().checkNow(s.name());
            app.put("ok", round.ok());
            ArrayNode results = app.putArray("results");
            for (HealthBook.Result res : HealthSupervision.results(round)) {
                results.add(AppJson.result(res));
            }
        }
        return result;
    }

    private JsonNode env(ControlRequest r) throws ControlException {
        ObjectNode result = NODES.objectNode();
        ArrayNode list = result.putArray("apps");
        for (AppStatus s : targets(r.text("target"))) {
            list.add(AppEnvironment.of(s, jsupd.childMarks(), System.getenv()).toJson());
        }
        return result;
    }

    // ---------------------------------------------------------------- helpers

    private List<AppStatus> targets(String target) throws ControlException {
        return Targets.resolve(target, supervisor.list());
    }

    /** The apps of {@code target}, or those named in {@code file} (optionally {@code only}). */
    private List<AppStatus> appsOf(ControlRequest r) throws ControlException, ConfigException {
        if (!r.has("file")) {
            return targets(r.text("target"));
        }
        Ecosystem eco = loadFile(r);
        List<AppStatus> apps = new ArrayList<>();
        for (AppSpec spec : only(eco, r.strings("only"))) {
            supervisor.status(spec.name()).ifPresent(apps::add);
        }
        if (apps.isEmpty()) {
            throw new ControlException(ErrorCode.UNKNOWN_APP, "none of the apps in " + eco.file()
                    + " is registered with jsupd (start them with `jsup start " + eco.file() + "`)");
        }
        return apps;
    }

    private static List<AppSpec> only(Ecosystem eco, List<String> only) throws ControlException {
        if (only.isEmpty()) {
            return eco.apps();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String o : only) {
            for (String part : o.split(",")) {
                if (!part.isBlank()) {
                    wanted.add(part.trim());
                }
            }
        }
        List<AppSpec> picked = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (AppSpec s : eco.apps()) {
            if (wanted.contains(s.name())) {
                picked.add(s);
                found.add(s.name());
            }
        }
        wanted.removeAll(found);
        if (!wanted.isEmpty()) {
            throw new ControlException(ErrorCode.UNKNOWN_APP, "--only names " + wanted + ", which " + eco.file()
                    + " does not define; it defines " + joined(eco.apps().stream().map(AppSpec::name).toList()));
        }
        return picked;
    }

    private static String joined(List<String> names) {
        return names.isEmpty() ? "no apps" : String.join(", ", names);
    }

    private static Path absolute(ControlRequest r, String field) throws ControlException {
        String value = r.text(field);
        Path p = Path.of(value);
        if (!p.isAbsolute()) {
            throw new ControlException(ErrorCode.BAD_REQUEST, "\"" + field + "\" must be an absolute path, got \""
                    + value + "\" (jsupd's working directory is not yours; the CLI resolves paths for you)");
        }
        return p.normalize();
    }

    private List<AppStatus> fresh(List<AppStatus> apps) {
        List<AppStatus> now = new ArrayList<>();
        for (AppStatus s : apps) {
            supervisor.status(s.name()).ifPresent(now::add);
        }
        return now;
    }

    private ArrayNode render(List<AppStatus> apps, boolean withConfig) {
        return render(apps, withConfig, false);
    }

    /** @param withMetrics add each app's {@code metrics} (a /proc read per running app: only when asked) */
    private ArrayNode render(List<AppStatus> apps, boolean withConfig, boolean withMetrics) {
        return render(apps, supervisor.list(), withConfig, withMetrics, AppFields.ALL);
    }

    /**
     * @param all    every app now (which apps run several instances)
     * @param fields what to build and send of each app
     */
    private ArrayNode render(List<AppStatus> apps, List<AppStatus> all, boolean withConfig, boolean withMetrics,
                             AppFields fields) {
        Instant now = jsupd.clock().instant();
        ArrayNode list = NODES.arrayNode();
        Set<String> sets = InstanceSets.withSeveral(all);
        for (AppStatus s : apps) {
            ObjectNode app = AppJson.render(s, jsupd.healthBook().get(s.name()), now, withConfig, fields);
            AppJson.instance(app, s, sets.contains(s.spec().appName()));
            if (fields.wantsTriggers()) {
                jsupd.triggers().describe(app, s.name());
            }
            if (fields.wants("sockets")) {
                app.set("sockets", SocketsJson.render(supervisor.heldSockets(s.name())));
            }
            if (withMetrics) {
                app.set("metrics", FiguresJson.render(jsupd.figures().of(s)));
            }
            list.add(fields.trim(app));
        }
        return list;
    }

    private ObjectNode admission(Jsupd.Admission a, List<String> warnings) {
        ObjectNode result = NODES.objectNode();
        result.set("started", strings(a.started()));
        result.set("already_running", strings(a.alreadyRunning()));
        result.set("registered", strings(a.registered()));
        result.set("warnings", strings(warnings));
        result.set("apps", render(named(List.of(a.started(), a.alreadyRunning(), a.registered())), false));
        return result;
    }

    /** The current status of every app named in {@code lists}, in that order. */
    private List<AppStatus> named(List<List<String>> lists) {
        Map<String, AppStatus> all = new HashMap<>();
        for (AppStatus s : supervisor.list()) { // one engine round trip, not one per app
            all.put(s.name(), s);
        }
        List<AppStatus> touched = new ArrayList<>();
        for (List<String> names : lists) {
            for (String n : names) {
                AppStatus s = all.get(n);
                if (s != null) {
                    touched.add(s);
                }
            }
        }
        return touched;
    }

    private static List<String> names(List<AppStatus> apps) {
        return apps.stream().map(AppStatus::name).toList();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static String text(Path p) {
        return p == null ? null : p.toString();
    }

    private static ControlException invalidConfig(ConfigException e) {
        List<ControlException.Problem> problems = new ArrayList<>();
        for (ConfigProblem p : e.problems()) {
            problems.add(new ControlException.Problem(p.path(), p.message()));
        }
        return new ControlException(ErrorCode.INVALID_CONFIG, e.getMessage(), problems);
    }

    private static ControlException translate(Throwable t) {
        if (t instanceof NoSuchElementException) {
            return new ControlException(ErrorCode.UNKNOWN_APP, t.getMessage() + " (it was deleted meanwhile?)");
        }
        if (t instanceof IllegalArgumentException) {
            return new ControlException(ErrorCode.BAD_REQUEST, t.getMessage());
        }
        if (t instanceof ConfigException c) {
            return invalidConfig(c);
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new ControlException(ErrorCode.INTERNAL, t.toString());
    }
}

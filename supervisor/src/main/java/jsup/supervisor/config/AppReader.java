package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jsup.healthmon.HealthSpec;

/**
 * Reads one app object into an {@link AppSpec}: PM2's keys with PM2's defaults and units, jsup's additions,
 * paths made absolute. Every bad value is recorded in {@link Problems}; the app is built only when there is none.
 */
final class AppReader {

    static final Duration MIN_UPTIME = Duration.ofSeconds(1);
    static final int MAX_RESTARTS = 16;
    static final Duration KILL_TIMEOUT = Duration.ofMillis(1600);
    static final String KILL_SIGNAL = "TERM";
    static final double BACKOFF_FACTOR = 1.5;
    static final Duration BACKOFF_MAX = Duration.ofSeconds(15);
    static final Duration BACKOFF_RESET = Duration.ofSeconds(30);
    static final Duration MEMORY_CHECK_INTERVAL = Duration.ofSeconds(1);
    static final Duration MEMORY_CHECK_MIN = Duration.ofMillis(100);
    static final long LOG_MAX_SIZE = 10L << 20;
    static final int LOG_RETAIN = 10;
    static final Duration PRE_START_TIMEOUT = Duration.ofSeconds(30);
    /** PM2's format when {@code time} is on and no {@code log_date_format} is given. */
    static final String TIME_FORMAT = "YYYY-MM-DDTHH:mm:ss";

    /** What one app read produced: the spec ({@code null} when it had problems) and the name it would have. */
    record Result(AppSpec spec, String name, boolean nameFromScript) {
    }

    private final Path jsupHome;
    private final HostPaths host;
    private final Path folder;
    private final String profile;
    private boolean profileFound;
    private NotifyReader.Block topNotify;

    /**
     * @param folder  what relative {@code cwd} and {@code env_file} paths are relative to (the file's folder)
     * @param profile the {@code env_<profile>} to apply, or {@code null}
     */
    AppReader(Path jsupHome, HostPaths host, Path folder, String profile) {
        this.jsupHome = jsupHome;
        this.host = host;
        this.folder = folder;
        this.profile = profile;
    }

    /** The file's top-level {@code notify} block, which every app's extends; null for none. */
    AppReader topNotify(NotifyReader.Block block) {
        this.topNotify = block;
        return this;
    }

    /** Whether some app read so far had {@code env_<profile>}. */
    boolean profileFound() {
        return profileFound;
    }

    Result read(ObjectNode node, String path, Problems problems) {
        int errorsBefore = problems.errorCount();
        Fields f = new Fields(node, path, problems);

        String scriptKey = f.aliasOf("script", "exec");
        String scriptText = f.nonEmptyText(scriptKey);
        if (!f.has("script") && !f.has("exec")) {
            f.error("script", "is missing; give the file or command to run, e.g. \"script\": \"server.js\"");
        }
        Path cwd = readCwd(f);
        boolean cwdOk = cwd != null;
        if (!cwdOk) {
            cwd = folder;
        }

        String interpreterKey = f.aliasOf("interpreter", "exec_interpreter");
        String interpreterText = f.nonEmptyText(interpreterKey);
        String interpreterName = null;
        boolean inferred = false;
        if (interpreterText != null) {
            interpreterName = interpreterText.strip().equals("none") ? null : interpreterText.strip();
        } else if (!f.has(interpreterKey) && scriptText != null) {
            interpreterName = inferInterpreter(scriptText.strip());
            inferred = interpreterName != null;
        }
        String interpreter = null;
        String script = null;
        if (cwdOk) {
            interpreter = resolveInterpreter(f, interpreterKey, interpreterName, inferred, scriptKey, scriptText, cwd);
            if (scriptText != null) {
                script = resolveScript(f, scriptKey, scriptText.strip(), interpreterName != null, cwd);
            }
        }

        String name = f.nonEmptyText("name");
        boolean nameFromScript = false;
        if (name != null) {
            String why = AppNames.nameProblem(name);
            if (why != null) {
                f.bad("name", f.peek("name"), why);
                name = null; // no log file names are made from it
            }
        } else if (!f.has("name") && scriptText != null) {
            name = defaultName(scriptText.strip());
            nameFromScript = true;
            String why = AppNames.nameProblem(name);
            if (why != null) {
                f.error("name", "is missing, and " + Values.quote(name) + " (from script) " + why);
                name = null;
            }
        }

        List<String> args = f.words("args");
        List<String> interpreterArgs = f.words(f.aliasOf("interpreter_args", "node_args"));
        Map<String, String> env = readEnvironment(f);

        boolean autorestart = f.bool("autorestart", true);
        boolean autostart = f.bool("autostart", true);
        Set<Integer> stopExitCodes = readExitCodes(f);
        Duration minUptime = f.duration("min_uptime", MIN_UPTIME);
        int maxRestarts = f.integer("max_restarts", MAX_RESTARTS, 0, Integer.MAX_VALUE);
        Duration restartDelay = f.duration("restart_delay", Duration.ZERO);
        Duration expBackoff = f.optionalDuration("exp_backoff_restart_delay");
        if (expBackoff != null && expBackoff.isZero()) {
            expBackoff = null;
        }
        double backoffFactor = readFactor(f);
        Duration backoffMax = positive(f, "exp_backoff_max", BACKOFF_MAX);
        Duration backoffReset = f.duration("exp_backoff_reset", BACKOFF_RESET);
        long maxMemoryRestart = f.size("max_memory_restart", 0);
        Duration memoryCheckInterval = f.duration("memory_check_interval", MEMORY_CHECK_INTERVAL);
        if (memoryCheckInterval.compareTo(MEMORY_CHECK_MIN) < 0) {
            f.error("memory_check_interval", Values.quote(Durations.format(memoryCheckInterval))
                    + " is below the minimum of 100ms; use 100ms or more");
        }
        Duration killTimeout = f.duration("kill_timeout", KILL_TIMEOUT);
        String killSignal = readSignal(f);

        Path logs = jsupHome.resolve("logs");
        Path outFile = logPath(f, "out_file", cwd, name == null ? null : logs.resolve(name + "-out.log"));
        Path errorFile = logPath(f, "error_file", cwd, name == null ? null : logs.resolve(name + "-error.log"));
        Path logFile = readLogFile(f, cwd, name == null ? null : logs.resolve(name + ".log"));
        boolean mergeLogs = f.bool(f.aliasOf("merge_logs", "combine_logs"), false);
        String logDateFormat = f.nonEmptyText("log_date_format");
        String dateProblem = logDateFormat == null ? null : LogDateFormat.problem(logDateFormat);
        if (dateProblem != null) {
            f.error("log_date_format", dateProblem);
            logDateFormat = null;
        }
        Boolean timeKey = f.optionalBool("time");
        boolean time = timeKey != null ? timeKey : logDateFormat != null;
        if (time && logDateFormat == null) {
            logDateFormat = TIME_FORMAT;
        }
        long logMaxSize = f.size("log_max_size", LOG_MAX_SIZE);
        int logRetain = f.integer("log_retain", LOG_RETAIN, 0, 10_000);
        boolean logCompress = f.bool("log_compress", false);
        Path pidFile = logPath(f, "pid_file", cwd, null);
        String namespace = f.nonEmptyText("namespace");
        String namespaceWhy = namespace == null ? null : AppNames.namespaceProblem(namespace);
        if (namespaceWhy != null) {
            f.bad("namespace", f.peek("namespace"), namespaceWhy);
        }

        List<PreStartStep> preStart = readPreStart(f, cwd);
        JsonNode healthNode = f.take("health");
        HealthSpec health = healthNode == null ? null
                : HealthReader.read(healthNode, f.path("health"), minUptime, problems);
        ReadinessSpec readiness = ReadinessReader.read(f, healthNode, health == null || !health.probes().isEmpty());
        ReadinessReader.addWatchdogEnvironment(readiness, env);
        Map<String, DependencyCondition> dependsOn = DependsReader.read(f, name);
        Duration dependsTimeout = DependsReader.readTimeout(f);
        String cronRestart = ScheduleReader.read(f);
        WatchSpec watch = new WatchReader(host).read(f, cwd);

        NotifySpec notify = NotifyReader.forApp(f, topNotify, problems);
        InstancesSpec instances = InstancesReader.read(f, env, Runtime.getRuntime()::availableProcessors);
        List<SocketSpec> sockets = new SocketsReader(host).read(f, name, cwd);
        if (instances.count() > 1 && !sockets.isEmpty()) {
            f.error("sockets", "cannot be combined with instances > 1: jsupd passes a held socket to one run at a "
                    + "time; use one instance with sockets, or instances with increment_var (a port each) and a "
                    + "rolling jsup reload");
        }

        f.warnUnused(KeyCatalog.APP_KEYS, true);
        if (problems.errorCount() > errorsBefore || args == null || interpreterArgs == null) {
            return new Result(null, name, nameFromScript);
        }
        AppSpec spec = new AppSpec(name, script, args, interpreter, interpreterArgs, cwd, env, autorestart,
                autostart, stopExitCodes, minUptime, maxRestarts, restartDelay, expBackoff, backoffFactor,
                backoffMax, backoffReset, maxMemoryRestart, memoryCheckInterval, killTimeout, killSignal,
                outFile, errorFile, logFile, mergeLogs, logDateFormat, time, logMaxSize, logRetain, logCompress,
                pidFile, namespace == null ? AppNames.DEFAULT_NAMESPACE : namespace, preStart, health,
                readiness, dependsOn, dependsTimeout, cronRestart, watch, notify, instances, sockets);
        return new Result(spec, name, nameFromScript);
    }

    /** PM2's rule: {@code .js} node, {@code .py} python3, {@code .sh} bash; anything else is run directly. */
    static String inferInterpreter(String script) {
        String lower = script.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".js") || lower.endsWith(".cjs") || lower.endsWith(".mjs")) {
            return "node";
        }
        if (lower.endsWith(".py")) {
            return "python3";
        }
        if (lower.endsWith(".sh")) {
            return "bash";
        }
        return null;
    }

    /** The script's base name without its extension: {@code ./bin/server.js} gives {@code server}. */
    static String defaultName(String script) {
        String base = script.endsWith("/") ? script.substring(0, script.length() - 1) : script;
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    private Path readCwd(Fields f) {
        String text = f.nonEmptyText("cwd");
        if (text == null) {
            return f.has("cwd") ? null : folder;
        }
        try {
            Path cwd = host.resolve(folder, text.strip());
            if (!Files.isDirectory(cwd)) {
                f.error("cwd", Values.quote(text) + " is not a folder (" + cwd + " does not exist); create it or fix the path");
                return null;
            }
            return cwd;
        } catch (IllegalArgumentException e) {
            f.error("cwd", e.getMessage());
            return null;
        }
    }

    private String resolveInterpreter(Fields f, String key, String name, boolean inferred, String scriptKey,
                                      String scriptText, Path cwd) {
        if (name == null) {
            return null;
        }
        if (name.contains("/") || name.startsWith("~")) {
            try {
                Path path = host.resolve(cwd, name);
                if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                    return path.toString();
                }
                f.error(key, Values.quote(name) + " is not an executable file (" + path + "); fix the path, "
                        + "or \"none\" to run the script directly");
            } catch (IllegalArgumentException e) {
                f.error(key, e.getMessage());
            }
            return null;
        }
        Optional<Path> found = host.onPath(name);
        if (found.isPresent()) {
            return found.get().toString();
        }
        if (inferred) {
            f.error(scriptKey, Values.quote(scriptText) + " needs " + name + " (chosen from its extension), which is "
                    + "not on PATH (" + host.searchPath() + "); install it, or set \"interpreter\"");
        } else {
            f.error(key, Values.quote(name) + " is not on PATH (" + host.searchPath() + "); give its full path, "
                    + "or \"none\" to run the script directly");
        }
        return null;
    }

    /**
     * A path (with a slash or {@code ~}) resolves against cwd and must exist. A bare name is, with an interpreter,
     * first a file in cwd (as PM2 does); otherwise, or when no such file exists, a command on PATH.
     */
    private String resolveScript(Fields f, String key, String text, boolean hasInterpreter, Path cwd) {
        try {
            if (text.contains("/") || text.startsWith("~")) {
                Path path = host.resolve(cwd, text);
                if (!Files.exists(path)) {
                    f.error(key, Values.quote(text) + " does not exist (looked for " + path + ")");
                } else if (!Files.isRegularFile(path)) {
                    f.error(key, Values.quote(text) + " is not a file (" + path + ")");
                } else if (!hasInterpreter && !Files.isExecutable(path)) {
                    f.error(key, Values.quote(text) + " is not executable (" + path + "); chmod +x it, "
                            + "or set \"interpreter\"");
                } else {
                    return path.toString();
                }
                return null;
            }
            Path local = cwd.resolve(text).normalize();
            if (hasInterpreter && Files.isRegularFile(local)) {
                return local.toString();
            }
            Optional<Path> onPath = host.onPath(text);
            if (onPath.isPresent()) {
                return onPath.get().toString();
            }
            String hint = text.contains(" ") ? "; put the arguments in \"args\""
                    : Files.exists(local) ? "; to run the file in cwd write \"./" + text + "\"" : "";
            f.error(key, Values.quote(text) + (hasInterpreter ? " is neither a file in " + cwd + " nor" : " is not")
                    + " a command on PATH (" + host.searchPath() + ")" + hint);
        } catch (InvalidPathException e) {
            f.error(key, Values.quote(text) + " is not a path: " + e.getReason());
        } catch (IllegalArgumentException e) {
            f.error(key, e.getMessage());
        }
        return null;
    }

    /** {@code env_file}, then {@code env}, then {@code env_<profile>}: later ones win. */
    private Map<String, String> readEnvironment(Fields f) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode envFile = f.take("env_file");
        if (envFile != null) {
            List<String> files = new ArrayList<>();
            if (envFile.isTextual()) {
                files.add(envFile.textValue());
            } else if (envFile.isArray() && envFile.size() > 0) {
                envFile.forEach(file -> files.add(file.isTextual() ? file.textValue() : null));
            }
            if (files.isEmpty() || files.contains(null)) {
                f.bad("env_file", envFile, "is not a path or an array of paths; use \".env\"");
            } else {
                files.forEach(file -> readDotEnv(f, file, env));
            }
        }
        readEnvObject(f, "env", f.take("env"), env);
        List<String> profileKeys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : f.entries()) {
            if (entry.getKey().startsWith("env_") && !entry.getKey().equals("env_file")) {
                profileKeys.add(entry.getKey());
            }
        }
        for (String key : profileKeys) {
            JsonNode value = f.take(key);
            Map<String, String> profileEnv = new LinkedHashMap<>();
            readEnvObject(f, key, value, profileEnv);
            if (profile != null && key.equals("env_" + profile)) {
                profileFound = true;
                env.putAll(profileEnv);
            }
        }
        return env;
    }

    private void readDotEnv(Fields f, String text, Map<String, String> env) {
        try {
            Path file = host.resolve(folder, text);
            if (!Files.isRegularFile(file)) {
                f.error("env_file", Values.quote(text) + " does not exist (looked for " + file + "); create it "
                        + "or remove env_file");
                return;
            }
            env.putAll(DotEnv.read(file));
        } catch (IOException e) {
            f.error("env_file", Values.quote(text) + " cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            f.error("env_file", e.getMessage());
        }
    }

    private static void readEnvObject(Fields f, String key, JsonNode value, Map<String, String> into) {
        if (value == null) {
            return;
        }
        if (!value.isObject()) {
            f.bad(key, value, "is not an object; use {\"NAME\": \"value\", ...}");
            return;
        }
        value.fields().forEachRemaining(entry -> {
            JsonNode v = entry.getValue();
            String variable = entry.getKey();
            String path = f.path(key) + "." + variable;
            if (variable.isEmpty() || variable.contains("=") || variable.contains("\0")) {
                f.problems().error(path, "is not a variable name; no = and not empty");
            } else if (v.isTextual() || v.isNumber() || v.isBoolean()) {
                into.put(variable, v.asText());
            } else {
                // PM2 passes an object or array as its JSON text (and null as "null").
                into.put(variable, v.toString());
                if (v.isNull()) {
                    f.problems().warn(path, "is null, passed as the text \"null\" as PM2 does; remove it to leave "
                            + variable + " unset");
                }
            }
        });
    }

    private static Set<Integer> readExitCodes(Fields f) {
        JsonNode value = f.take("stop_exit_codes");
        Set<Integer> codes = new LinkedHashSet<>();
        if (value == null) {
            return codes;
        }
        for (JsonNode entry : Fields.oneOrMany(value)) {
            Integer code = f.integer("stop_exit_codes", entry, 0, 255);
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static double readFactor(Fields f) {
        JsonNode value = f.take("exp_backoff_factor");
        if (value == null) {
            return BACKOFF_FACTOR;
        }
        if (value.isNumber() && value.doubleValue() > 1 && Double.isFinite(value.doubleValue())) {
            return value.doubleValue();
        }
        f.bad("exp_backoff_factor", value, "is not a growth factor; use a number above 1, e.g. 1.5 or 2");
        return BACKOFF_FACTOR;
    }

    private static Duration positive(Fields f, String key, Duration defaultValue) {
        Duration value = f.duration(key, defaultValue);
        if (value.isZero()) {
            f.error(key, "is 0; use a positive duration such as \"15s\"");
        }
        return value;
    }

    private static String readSignal(Fields f) {
        String text = f.nonEmptyText("kill_signal");
        if (text == null) {
            return KILL_SIGNAL;
        }
        Optional<String> signal = SignalNames.canonical(text);
        if (signal.isEmpty()) {
            f.error("kill_signal", Values.quote(text) + " is not a Linux signal name; use TERM, INT, QUIT, HUP, "
                    + "USR1 or USR2 (SIG prefix and case optional)");
            return KILL_SIGNAL;
        }
        if (signal.get().equals("KILL")) {
            f.problems().warn(f.path("kill_signal"), "KILL cannot be caught: the app gets no chance to shut down "
                    + "cleanly; TERM is the usual choice");
        }
        return signal.get();
    }

    private Path logPath(Fields f, String key, Path cwd, Path defaultPath) {
        String text = f.nonEmptyText(key);
        if (text == null) {
            return defaultPath;
        }
        try {
            return host.resolve(cwd, text.strip());
        } catch (IllegalArgumentException e) {
            f.error(key, e.getMessage());
            return defaultPath;
        }
    }

    /** {@code log_file}: a path, {@code true} for {@code <jsupHome>/logs/<name>.log} (as PM2's true), or false/absent. */
    private Path readLogFile(Fields f, Path cwd, Path defaultPath) {
        JsonNode value = f.peek("log_file");
        if (value != null && value.isBoolean()) {
            f.take("log_file");
            return value.booleanValue() ? defaultPath : null;
        }
        return logPath(f, "log_file", cwd, null);
    }

    private List<PreStartStep> readPreStart(Fields f, Path cwd) {
        return new PreStartReader(host).read(f, cwd);
    }
}

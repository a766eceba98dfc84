package jsup.supervisor.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.healthmon.HealthSpec;

/**
 * One app of an ecosystem file, validated, with every default filled in and every path absolute.
 * PM2's keys keep PM2's meaning; see {@code docs/config.md} for each one.
 *
 * @param name                   unique name ({@code name}; default the script's base name)
 * @param script                 what to run ({@code script}): an absolute path, or a bare command
 *                               looked up on PATH when it has no slash
 * @param args                   arguments after the script ({@code args})
 * @param interpreter            the interpreter ({@code interpreter}), or {@code null} to exec the
 *                               script directly ({@code "none"}, or inferred for unknown extensions)
 * @param interpreterArgs        arguments to the interpreter, before the script ({@code interpreter_args})
 * @param cwd                    working directory ({@code cwd}; default the ecosystem file's folder)
 * @param env                    the child's extra environment: {@code env_file}, then {@code env}, then
 *                               {@code env_<profile>}, later ones winning; added to jsupd's own environment
 * @param autorestart            restart after an exit ({@code autorestart}, true)
 * @param autostart              start with the file ({@code autostart}, true)
 * @param stopExitCodes          exit codes that never restart ({@code stop_exit_codes})
 * @param minUptime              a run shorter than this is unstable ({@code min_uptime}, 1 s)
 * @param maxRestarts            unstable exits in a row before {@code errored} ({@code max_restarts}, 16)
 * @param restartDelay           wait before an automatic restart ({@code restart_delay}, 0)
 * @param expBackoffRestartDelay first exponential backoff delay, {@code null} when off
 *                               ({@code exp_backoff_restart_delay})
 * @param backoffFactor          growth per consecutive restart ({@code exp_backoff_factor}, 1.5)
 * @param backoffMax             backoff cap ({@code exp_backoff_max}, 15 s)
 * @param backoffReset           uptime that resets the backoff ({@code exp_backoff_reset}, 30 s)
 * @param maxMemoryRestart       bytes of RSS of the whole process tree that trigger a restart, 0 = off
 *                               ({@code max_memory_restart})
 * @param memoryCheckInterval    how often memory is sampled ({@code memory_check_interval}, 1 s)
 * @param killTimeout            wait after {@code killSignal} before SIGKILL ({@code kill_timeout}, 1600 ms)
 * @param killSignal             the stop signal name without "SIG", e.g. {@code TERM} ({@code kill_signal})
 * @param outFile                stdout log ({@code out_file})
 * @param errorFile              stderr log ({@code error_file})
 * @param logFile                combined log, or {@code null} ({@code log_file})
 * @param mergeLogs              PM2's {@code merge_logs}: every instance writes the app's own log files;
 *                               without it an app of several instances gives each its files with {@code -<id>}
 * @param logDateFormat          timestamp pattern for each line when {@code time}, e.g.
 *                               {@code YYYY-MM-DD HH:mm:ss Z} ({@code log_date_format})
 * @param time                   prefix each log line with a timestamp ({@code time}, false)
 * @param logMaxSize             rotate a log file past this many bytes, 0 = never ({@code log_max_size}, 10M)
 * @param logRetain              rotated files kept per log ({@code log_retain}, 10)
 * @param logCompress            gzip rotated files ({@code log_compress}, false)
 * @param pidFile                file the app's pid is written to, or {@code null} ({@code pid_file})
 * @param namespace              PM2's grouping label ({@code namespace}, "default")
 * @param preStart               steps run before every start and restart ({@code pre_start})
 * @param health                 probes and inotify warning, or {@code null} ({@code health})
 * @param readiness              when the app counts as ready, and its watchdog ({@code wait_ready},
 *                               {@code listen_timeout}, {@code health.ready}, {@code watchdog})
 * @param dependsOn              apps this one waits for before it starts, with the condition, in file
 *                               order ({@code depends_on})
 * @param dependsTimeout         how long it waits for them before it ends errored ({@code depends_timeout}, 60 s)
 * @param cronRestart            a cron expression (5 fields, or 6 with seconds first) for scheduled restarts, or
 *                               {@code null} ({@code cron_restart})
 * @param watch                  restart on file changes, or {@code null} when off ({@code watch},
 *                               {@code ignore_watch}, {@code watch_delay})
 * @param notifications          where events are sent, merged with the file's top-level block, or
 *                               {@code null} ({@code notify}; docs/notifications.md)
 * @param instances              which copy of its app this is, of how many ({@code instances},
 *                               {@code increment_var}, {@code instance_var}); {@link InstancesSpec#SINGLE} for one
 * @param sockets                listening sockets jsupd holds and passes to every run ({@code sockets}), in
 *                               file order: the app's fds 3, 4, ...
 */
public record AppSpec(
        String name,
        String script,
        List<String> args,
        String interpreter,
        List<String> interpreterArgs,
        Path cwd,
        Map<String, String> env,
        boolean autorestart,
        boolean autostart,
        Set<Integer> stopExitCodes,
        Duration minUptime,
        int maxRestarts,
        Duration restartDelay,
        Duration expBackoffRestartDelay,
        double backoffFactor,
        Duration backoffMax,
        Duration backoffReset,
        long maxMemoryRestart,
        Duration memoryCheckInterval,
        Duration killTimeout,
        String killSignal,
        Path outFile,
        Path errorFile,
        Path logFile,
        boolean mergeLogs,
        String logDateFormat,
        boolean time,
        long logMaxSize,
        int logRetain,
        boolean logCompress,
        Path pidFile,
        String namespace,
        List<PreStartStep> preStart,
        HealthSpec health,
        ReadinessSpec readiness,
        Map<String, DependencyCondition> dependsOn,
        Duration dependsTimeout,
        String cronRestart,
        WatchSpec watch,
        NotifySpec notifications,
        InstancesSpec instances,
        List<SocketSpec> sockets) {

    public AppSpec {
        instances = instances == null ? InstancesSpec.SINGLE : instances;
        sockets = sockets == null ? List.of() : List.copyOf(sockets);
        readiness = readiness == null ? ReadinessSpec.NONE : readiness;
        dependsOn = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dependsOn));
        dependsTimeout = dependsTimeout == null ? DependsReader.DEFAULT_TIMEOUT : dependsTimeout;
        args = List.copyOf(args);
        interpreterArgs = List.copyOf(interpreterArgs);
        env = Map.copyOf(env);
        stopExitCodes = Set.copyOf(stopExitCodes);
        preStart = List.copyOf(preStart);
    }

    /** One instance, without held sockets (callers that predate them). */
    public AppSpec(String name, String script, List<String> args, String interpreter, List<String> interpreterArgs,
                   Path cwd, Map<String, String> env, boolean autorestart, boolean autostart,
                   Set<Integer> stopExitCodes, Duration minUptime, int maxRestarts, Duration restartDelay,
                   Duration expBackoffRestartDelay, double backoffFactor, Duration backoffMax, Duration backoffReset,
                   long maxMemoryRestart, Duration memoryCheckInterval, Duration killTimeout, String killSignal,
                   Path outFile, Path errorFile, Path logFile, boolean mergeLogs, String logDateFormat, boolean time,
                   long logMaxSize, int logRetain, boolean logCompress, Path pidFile, String namespace,
                   List<PreStartStep> preStart, HealthSpec health, ReadinessSpec readiness,
                   Map<String, DependencyCondition> dependsOn, Duration dependsTimeout, String cronRestart,
                   WatchSpec watch, NotifySpec notifications) {
        this(name, script, args, interpreter, interpreterArgs, cwd, env, autorestart, autostart, stopExitCodes,
                minUptime, maxRestarts, restartDelay, expBackoffRestartDelay, backoffFactor, backoffMax, backoffReset,
                maxMemoryRestart, memoryCheckInterval, killTimeout, killSignal, outFile, errorFile, logFile,
                mergeLogs, logDateFormat, time, logMaxSize, logRetain, logCompress, pidFile, namespace, preStart,
                health, readiness, dependsOn, dependsTimeout, cronRestart, watch, notifications,
                InstancesSpec.SINGLE, List.of());
    }

    /** Without readiness keys and dependencies (tests and callers that predate them). */
    public AppSpec(String name, String script, List<String> args, String interpreter, List<String> interpreterArgs,
                   Path cwd, Map<String, String> env, boolean autorestart, boolean autostart,
                   Set<Integer> stopExitCodes, Duration minUptime, int maxRestarts, Duration restartDelay,
                   Duration expBackoffRestartDelay, double backoffFactor, Duration backoffMax, Duration backoffReset,
                   long maxMemoryRestart, Duration memoryCheckInterval, Duration killTimeout, String killSignal,
                   Path outFile, Path errorFile, Path logFile, boolean mergeLogs, String logDateFormat, boolean time,
                   long logMaxSize, int logRetain, boolean logCompress, Path pidFile, String namespace,
                   List<PreStartStep> preStart, HealthSpec health) {
        this(name, script, args, interpreter, interpreterArgs, cwd, env, autorestart, autostart, stopExitCodes,
                minUptime, maxRestarts, restartDelay, expBackoffRestartDelay, backoffFactor, backoffMax, backoffReset,
                maxMemoryRestart, memoryCheckInterval, killTimeout, killSignal, outFile, errorFile, logFile,
                mergeLogs, logDateFormat, time, logMaxSize, logRetain, logCompress, pidFile, namespace, preStart,
                health, ReadinessSpec.NONE, Map.of(), DependsReader.DEFAULT_TIMEOUT, null, null, null);
    }

    /**
     * This app as one of its instances ({@link InstanceExpansion}): the fields an instance has of its own,
     * everything else as here.
     */
    AppSpec asInstance(String name, Map<String, String> env, Path outFile, Path errorFile, Path logFile,
                       Path pidFile, HealthSpec health, InstancesSpec instances) {
        return copy(name, env, outFile, errorFile, logFile, pidFile, health, dependsOn, instances);
    }

    /** This app waiting for {@code dependsOn} instead (the instances of what it depends on). */
    AppSpec withDependsOn(Map<String, DependencyCondition> dependsOn) {
        return copy(name, env, outFile, errorFile, logFile, pidFile, health, dependsOn, instances);
    }

    private AppSpec copy(String name, Map<String, String> env, Path outFile, Path errorFile, Path logFile,
                         Path pidFile, HealthSpec health, Map<String, DependencyCondition> dependsOn,
                         InstancesSpec instances) {
        return new AppSpec(name, script, args, interpreter, interpreterArgs, cwd, env, autorestart, autostart,
                stopExitCodes, minUptime, maxRestarts, restartDelay, expBackoffRestartDelay, backoffFactor,
                backoffMax, backoffReset, maxMemoryRestart, memoryCheckInterval, killTimeout, killSignal, outFile,
                errorFile, logFile, mergeLogs, logDateFormat, time, logMaxSize, logRetain, logCompress, pidFile,
                namespace, preStart, health, readiness, dependsOn, dependsTimeout, cronRestart, watch, notifications,
                instances, sockets);
    }

    /** The app this is an instance of: {@code api} for {@code api:2}. */
    public String appName() {
        return InstanceExpansion.appName(name);
    }

    /** The full command line: interpreter, its arguments, the script, then the script's arguments. */
    public List<String> command() {
        List<String> cmd = new ArrayList<>();
        if (interpreter != null) {
            cmd.add(interpreter);
            cmd.addAll(interpreterArgs);
        }
        cmd.add(script);
        cmd.addAll(args);
        return cmd;
    }
}

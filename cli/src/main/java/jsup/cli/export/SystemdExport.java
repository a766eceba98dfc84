package jsup.cli.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jsup.healthmon.HealthAction;
import jsup.healthmon.HealthSpec;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.config.InstancesSpec;
import jsup.supervisor.config.DependencyCondition;

/**
 * {@code jsup export systemd}: one service per app and a {@code .target} that wants them all, so one
 * {@code systemctl enable --now} starts the lot. An app with several instances becomes a template
 * ({@code name@.service}) wanted as {@code name@0} … {@code name@N-1}. A {@code cron_restart} becomes a timer
 * that starts {@code NAME-restart.service}; health probes become a timer running {@code jsup probe}, whose
 * failure starts the same restart service. Secret-looking env keys go to a 0600 {@code NAME.env} file.
 */
public final class SystemdExport {

    private final ExportSettings settings;
    private final boolean userUnits;
    private final Path envDir;
    private final String user;

    /**
     * @param userUnits units for the user's manager ({@code systemctl --user}) instead of the system's
     * @param envDir    the folder the {@code NAME.env} files are written to ({@code EnvironmentFile=} names it)
     * @param user      {@code User=} of system units (the account jsupd ran the apps as), or null
     */
    public SystemdExport(ExportSettings settings, boolean userUnits, Path envDir, String user) {
        this.settings = settings;
        this.userUnits = userUnits;
        this.envDir = envDir.toAbsolutePath().normalize();
        this.user = userUnits || "root".equals(user) ? null : user;
    }

    /** The target's unit name for an ecosystem file: {@code jsup-FOLDER.target}. */
    public static String targetName(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String base = folder == null || folder.getFileName() == null ? "apps" : folder.getFileName().toString();
        return "jsup-" + SystemdSyntax.unitName(base) + ".target";
    }

    public Export export(List<AppSpec> apps) {
        MappingReport report = new MappingReport("systemd");
        List<ExportedFile> files = new ArrayList<>();
        String target = targetName(settings.file());
        List<String> wanted = new ArrayList<>();
        for (AppSpec app : apps) {
            if (app.autostart()) {
                wanted.addAll(instanceUnits(app, apps));
            }
        }
        files.add(new ExportedFile(target, target(wanted), false));
        for (AppSpec app : apps) {
            files.addAll(appFiles(app, apps, target, report));
        }
        return new Export(files, report);
    }

    private String target(List<String> wanted) {
        StringBuilder t = new StringBuilder(header("the apps of " + settings.file()));
        t.append("[Unit]\n");
        t.append("Description=").append(SystemdSyntax.specifiers("jsup apps of " + settings.file())).append('\n');
        if (!wanted.isEmpty()) {
            t.append("Wants=").append(String.join(" ", wanted)).append('\n');
        }
        t.append("\n[Install]\nWantedBy=").append(userUnits ? "default.target" : "multi-user.target").append('\n');
        return t.toString();
    }

    /** {@code name.service}, or {@code name@0.service} … for several instances. */
    private List<String> instanceUnits(AppSpec app, List<AppSpec> apps) {
        int count = settings.instances().applyAsInt(app);
        String unit = SystemdSyntax.unitName(app.name());
        if (count <= 1) {
            return List.of(unit + ".service");
        }
        List<String> units = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            units.add(unit + "@" + i + ".service");
        }
        return units;
    }

    private List<ExportedFile> appFiles(AppSpec app, List<AppSpec> apps, String target, MappingReport report) {
        String unit = SystemdSyntax.unitName(app.name());
        int count = settings.instances().applyAsInt(app);
        String serviceFile = count > 1 ? unit + "@.service" : unit + ".service";
        String allInstances = count > 1 ? unit + "@*.service" : unit + ".service";
        List<ExportedFile> files = new ArrayList<>();
        StringBuilder unitSection = new StringBuilder();
        StringBuilder service = new StringBuilder();
        String n = app.name();

        unitSection.append("Description=").append(SystemdSyntax.specifiers("jsup app " + n))
                .append(count > 1 ? " (instance %i)" : "").append('\n');
        unitSection.append("PartOf=").append(target).append('\n');
        if (count > 1) {
            report.mapped(n, "instances", serviceFile + " wanted as " + unit + "@0 … @" + (count - 1));
        }

        // depends_on: Requires= + After=; After= waits for READY=1 only when the dependency is Type=notify.
        List<String> after = new ArrayList<>();
        if (!userUnits) {
            after.add("network.target");
        }
        List<String> requires = new ArrayList<>();
        for (Map.Entry<String, DependencyCondition> dep : app.dependsOn().entrySet()) {
            AppSpec other = apps.stream().filter(a -> a.name().equals(dep.getKey())).findFirst().orElse(null);
            List<String> depUnits = other == null ? List.of(SystemdSyntax.unitName(dep.getKey()) + ".service")
                    : instanceUnits(other, apps);
            requires.addAll(depUnits);
            after.addAll(depUnits);
            String key = "depends_on." + dep.getKey();
            String to = "Requires=/After=" + String.join(" ", depUnits);
            switch (dep.getValue()) {
                case STARTED -> report.mapped(n, key, to);
                case HEALTHY -> {
                    if (other != null && other.readiness().notifyReady()) {
                        report.mapped(n, key, to + " (Type=notify: After= waits for READY=1)");
                    } else {
                        report.approximated(n, key, to, "systemd waits until the dependency has started; "
                                + "its health readiness is not waited for");
                    }
                }
                case COMPLETED_SUCCESSFULLY -> report.approximated(n, key, to,
                        "systemd waits for a start, not for a successful exit (make the dependency Type=oneshot)");
            }
        }
        if (!requires.isEmpty()) {
            unitSection.append("Requires=").append(String.join(" ", requires)).append('\n');
        }
        if (!after.isEmpty()) {
            unitSection.append("After=").append(String.join(" ", after)).append('\n');
        }

        // readiness and watchdog
        if (app.readiness().notifyReady()) {
            service.append("Type=notify\nNotifyAccess=all\n");
            service.append("TimeoutStartSec=").append(AppFacts.span(app.readiness().timeout())).append('\n');
            report.mapped(n, "wait_ready", "Type=notify, NotifyAccess=all");
            report.mapped(n, "listen_timeout", "TimeoutStartSec=" + AppFacts.span(app.readiness().timeout()));
        } else {
            service.append("Type=simple\n");
        }
        if (app.readiness().watchdog() != null) {
            service.append("WatchdogSec=").append(AppFacts.span(app.readiness().watchdog())).append('\n');
            if (!app.readiness().notifyReady()) {
                service.append("NotifyAccess=all\n");
            }
            report.mapped(n, "watchdog", "WatchdogSec=" + AppFacts.span(app.readiness().watchdog()));
        }
        if (app.readiness().healthReady()) {
            report.notMapped(n, "health.ready", "systemd has no readiness from a probe; use wait_ready "
                    + "(READY=1) for Type=notify");
        }

        if (user != null) {
            service.append("User=").append(user).append('\n');
        }
        service.append("WorkingDirectory=").append(SystemdSyntax.path(app.cwd().toString())).append('\n');
        report.mapped(n, "cwd", "WorkingDirectory=");

        Map<String, String> plain = AppFacts.plainEnv(app);
        plain.forEach((k, v) -> service.append("Environment=").append(SystemdSyntax.environment(k, v)).append('\n'));
        if (count > 1) {
            // The template's instance name is the id: later assignments override the instance-0 values above.
            String instanceVar = app.instances().instanceVar();
            service.append("Environment=").append(InstancesSpec.JSUP_INSTANCE).append("=%i\n");
            service.append("Environment=").append(instanceVar).append("=%i\n");
            report.mapped(n, "instance id", InstancesSpec.JSUP_INSTANCE + "=%i, " + instanceVar + "=%i");
            if (app.instances().incrementVar() != null) {
                report.approximated(n, "increment_var", "every instance gets " + app.instances().incrementVar() + "="
                        + app.env().get(app.instances().incrementVar()), "systemd cannot add the instance number; "
                        + "give each NAME@N a drop-in with its own value, or have the app add $JSUP_INSTANCE");
            }
        }
        Map<String, String> secrets = AppFacts.secretEnv(app, settings.includeSecrets());
        if (!plain.isEmpty()) {
            report.approximated(n, "env", "Environment= " + AppFacts.keys(plain), "added to systemd's own small "
                    + "environment, not to the environment jsupd was started with");
        }
        if (!secrets.isEmpty()) {
            Path envFile = envDir.resolve(unit + ".env");
            service.append("EnvironmentFile=").append(SystemdSyntax.path(envFile.toString())).append('\n');
            StringBuilder env = new StringBuilder("# Secret-looking variables of app " + n + " (mode 0600).\n");
            secrets.forEach((k, v) -> env.append(k).append('=').append(envFileValue(v)).append('\n'));
            files.add(new ExportedFile(unit + ".env", env.toString(), true));
            if (settings.includeSecrets()) {
                report.mapped(n, "env (secrets)", "EnvironmentFile=" + envFile + " (0600): " + AppFacts.keys(secrets));
            } else {
                report.approximated(n, "env (secrets)", "EnvironmentFile=" + envFile, "values of "
                        + AppFacts.keys(secrets) + " are " + AppFacts.PLACEHOLDER + "; fill them in, or export "
                        + "with --include-secrets");
            }
        }

        if (!app.preStart().isEmpty()) {
            List<String> prestart = new ArrayList<>(settings.jsup());
            prestart.addAll(List.of("prestart", n, settings.file().toString()));
            service.append("ExecStartPre=").append(SystemdSyntax.commandLine(prestart)).append('\n');
            report.mapped(n, "pre_start", "ExecStartPre=jsup prestart " + n + " (the same steps, PID-aware locks)");
        }
        List<String> command = AppFacts.hostCommand(app, settings.environment());
        service.append("ExecStart=").append(SystemdSyntax.commandLine(command)).append('\n');
        if (command.get(0).startsWith("/")) {
            report.mapped(n, "script/args/interpreter", "ExecStart=");
        } else {
            report.approximated(n, "script/args/interpreter", "ExecStart=", command.get(0)
                    + " is not on PATH here; systemd looks for it in its own fixed PATH");
        }

        restartPolicy(app, unitSection, service, report);
        stopPolicy(app, service, report);
        memory(app, service, report);
        logs(app, count, service, report);
        notMappedKeys(app, report);

        List<String> wants = new ArrayList<>();
        boolean restartService = false;
        if (app.cronRestart() != null) {
            try {
                List<String> calendar = CronCalendar.onCalendar(app.cronRestart());
                StringBuilder timer = new StringBuilder(header("cron_restart of app " + n));
                timer.append("[Unit]\nDescription=").append(SystemdSyntax.specifiers("cron_restart of jsup app " + n))
                        .append("\nPartOf=").append(serviceFile.replace("@.service", "@0.service")).append('\n');
                timer.append("\n[Timer]\n");
                calendar.forEach(c -> timer.append("OnCalendar=").append(c).append('\n'));
                timer.append("Unit=").append(unit).append("-restart.service\n");
                files.add(new ExportedFile(unit + "-cron.timer", timer.toString(), false));
                wants.add(unit + "-cron.timer");
                restartService = true;
                report.mapped(n, "cron_restart", unit + "-cron.timer: OnCalendar=" + String.join(" | ", calendar));
            } catch (IllegalArgumentException e) {
                report.notMapped(n, "cron_restart", "\"" + app.cronRestart() + "\": " + e.getMessage());
            }
        }
        if (app.health() != null) {
            restartService |= probeTimer(app, unit, serviceFile, files, wants, report);
        }
        if (restartService) {
            List<String> restart = new ArrayList<>(List.of(systemctl()));
            if (userUnits) {
                restart.add("--user");
            }
            restart.addAll(List.of("restart", allInstances));
            String restartUnit = header("restarts app " + n + " (its cron_restart timer, a failed probe)")
                    + "[Unit]\nDescription=" + SystemdSyntax.specifiers("restart jsup app " + n) + "\n\n"
                    + "[Service]\nType=oneshot\nExecStart=" + SystemdSyntax.commandLine(restart) + "\n";
            files.add(new ExportedFile(unit + "-restart.service", restartUnit, false));
        }
        if (!wants.isEmpty()) {
            unitSection.append("Wants=").append(String.join(" ", wants)).append('\n');
        }
        if (!app.autostart()) {
            report.approximated(n, "autostart", "left out of " + target + "'s Wants=",
                    "start it with systemctl start " + serviceFile);
        }

        String text = header("app " + n) + "[Unit]\n" + unitSection + "\n[Service]\n" + service
                + "\n[Install]\nWantedBy=" + target + "\n";
        files.add(0, new ExportedFile(serviceFile, text, false));
        return files;
    }

    /** A probe timer: {@code jsup probe NAME FILE} every interval from initial_delay after each start. */
    private boolean probeTimer(AppSpec app, String unit, String serviceFile, List<ExportedFile> files,
                               List<String> wants, MappingReport report) {
        HealthSpec h = app.health();
        String n = app.name();
        boolean restart = h.action() == HealthAction.RESTART;
        List<String> probe = new ArrayList<>(settings.jsup());
        probe.addAll(List.of("probe", n, settings.file().toString()));
        StringBuilder svc = new StringBuilder(header("health probes of app " + n));
        svc.append("[Unit]\nDescription=").append(SystemdSyntax.specifiers("health probes of jsup app " + n)).append('\n');
        if (restart) {
            svc.append("OnFailure=").append(unit).append("-restart.service\n");
        }
        svc.append("\n[Service]\nType=oneshot\nExecStart=").append(SystemdSyntax.commandLine(probe)).append('\n');
        svc.append("TimeoutStartSec=").append(AppFacts.span(h.timeout().multipliedBy(h.probes().size() + 1))).append('\n');
        StringBuilder timer = new StringBuilder(header("health probe schedule of app " + n));
        timer.append("[Unit]\nDescription=").append(SystemdSyntax.specifiers("health probe schedule of jsup app " + n))
                .append("\nPartOf=").append(serviceFile.replace("@.service", "@0.service")).append('\n');
        timer.append("\n[Timer]\nOnActiveSec=").append(AppFacts.span(h.initialDelay())).append('\n');
        timer.append("OnUnitActiveSec=").append(AppFacts.span(h.interval())).append('\n');
        timer.append("AccuracySec=1s\n");
        files.add(new ExportedFile(unit + "-probe.service", svc.toString(), false));
        files.add(new ExportedFile(unit + "-probe.timer", timer.toString(), false));
        wants.add(unit + "-probe.timer");
        String to = unit + "-probe.timer every " + AppFacts.span(h.interval()) + " runs jsup probe " + n
                + (restart ? "; a failure starts " + unit + "-restart.service" : "");
        if (h.failures() > 1 && restart) {
            report.approximated(n, "health", to, "each run is one round: the app restarts after the first failed "
                    + "round, not after failures=" + h.failures());
        } else {
            report.mapped(n, "health", to);
        }
        if (h.inotifyWarn() > 0) {
            report.notMapped(n, "health.inotify_warn", "a warning inside jsupd; run jsup doctor for the check");
        }
        return restart;
    }

    private void restartPolicy(AppSpec app, StringBuilder unitSection, StringBuilder service, MappingReport report) {
        String n = app.name();
        if (!app.autorestart()) {
            service.append("Restart=no\n");
            report.mapped(n, "autorestart", "Restart=no");
            return;
        }
        service.append("Restart=always\n");
        report.mapped(n, "autorestart", "Restart=always");
        if (!app.stopExitCodes().isEmpty()) {
            List<String> codes = app.stopExitCodes().stream().sorted().map(String::valueOf).toList();
            service.append("RestartPreventExitStatus=").append(String.join(" ", codes)).append('\n');
            report.mapped(n, "stop_exit_codes", "RestartPreventExitStatus=" + String.join(" ", codes));
        }
        java.time.Duration delay = AppFacts.firstRestartDelay(app);
        service.append("RestartSec=").append(AppFacts.span(delay)).append('\n');
        if (app.expBackoffRestartDelay() != null) {
            report.approximated(n, "exp_backoff_restart_delay", "RestartSec=" + AppFacts.span(delay),
                    "a fixed delay: the growing delay (RestartSteps=, RestartMaxDelaySec=) needs systemd 254");
        } else {
            report.mapped(n, "restart_delay", "RestartSec=" + AppFacts.span(delay));
        }
        // jsup: max_restarts unstable runs (shorter than min_uptime) in a row end errored. systemd counts starts in
        // a window: max_restarts+1 starts of unstable runs fit in (max_restarts+1) × (min_uptime + delay).
        int burst = app.maxRestarts() + 1;
        java.time.Duration window = app.minUptime().plus(delay).multipliedBy(burst);
        unitSection.append("StartLimitBurst=").append(burst).append('\n');
        unitSection.append("StartLimitIntervalSec=").append(AppFacts.seconds(window)).append('\n');
        report.approximated(n, "max_restarts/min_uptime", "StartLimitBurst=" + burst + ", StartLimitIntervalSec="
                + AppFacts.seconds(window), "systemd counts starts within a window; jsup counts runs shorter "
                + "than min_uptime in a row");
    }

    private void stopPolicy(AppSpec app, StringBuilder service, MappingReport report) {
        String n = app.name();
        service.append("KillMode=control-group\n");
        service.append("KillSignal=SIG").append(app.killSignal()).append('\n');
        service.append("TimeoutStopSec=").append(AppFacts.span(app.killTimeout())).append('\n');
        report.mapped(n, "kill_signal", "KillSignal=SIG" + app.killSignal() + ", KillMode=control-group "
                + "(the whole tree, as jsup)");
        report.mapped(n, "kill_timeout", "TimeoutStopSec=" + AppFacts.span(app.killTimeout()) + ", then SIGKILL");
    }

    private void memory(AppSpec app, StringBuilder service, MappingReport report) {
        if (app.maxMemoryRestart() <= 0) {
            return;
        }
        long max = app.maxMemoryRestart();
        long high = max / 10 * 9;
        service.append("# max_memory_restart: jsup restarted the app gracefully (kill_signal, kill_timeout) when the\n")
                .append("# RSS of its process tree passed the cap. A cgroup is not graceful: above MemoryHigh= the\n")
                .append("# kernel throttles and reclaims, at MemoryMax= it OOM-kills (SIGKILL) and Restart= restarts.\n")
                .append("# Cgroup memory also counts page cache, which RSS does not.\n");
        service.append("MemoryHigh=").append(high).append('\n');
        service.append("MemoryMax=").append(max).append('\n');
        report.approximated(app.name(), "max_memory_restart", "MemoryMax=" + max + ", MemoryHigh=" + high,
                "a cgroup OOM kill (SIGKILL), not a graceful restart; throttled above MemoryHigh");
    }

    private void logs(AppSpec app, int count, StringBuilder service, MappingReport report) {
        String n = app.name();
        if (AppFacts.defaultLogs(app, settings.jsupHome())) {
            report.approximated(n, "out_file/error_file", "the journal (journalctl -u " + SystemdSyntax.unitName(n)
                    + ")", "jsup's default files under $JSUP_HOME/logs are not written");
        } else {
            Path out = app.logFile() != null ? app.logFile() : app.outFile();
            Path err = app.logFile() != null ? app.logFile() : app.errorFile();
            service.append("StandardOutput=append:").append(SystemdSyntax.path(out.toString())).append('\n');
            service.append("StandardError=append:").append(SystemdSyntax.path(err.toString())).append('\n');
            String to = "StandardOutput=append:" + out + ", StandardError=append:" + err;
            if (count > 1) {
                report.approximated(n, "out_file/error_file", to, "every instance appends to the same files");
            } else {
                report.mapped(n, app.logFile() != null ? "log_file" : "out_file/error_file", to);
            }
        }
        if (app.logMaxSize() > 0) {
            report.notMapped(n, "log_max_size/log_retain", "the journal rotates itself; for append: files use "
                    + "logrotate");
        }
        if (app.time()) {
            report.approximated(n, "time", "journal timestamps", "journalctl shows each line's time; files get none");
        }
    }

    private static void notMappedKeys(AppSpec app, MappingReport report) {
        String n = app.name();
        if (app.watch() != null) {
            report.notMapped(n, "watch", "no file watching is exported (a .path unit could restart it)");
        }
        if (app.notifications() != null) {
            report.notMapped(n, "notify", "jsup's notifications need jsupd; use OnFailure= with your own unit");
        }
        if (app.pidFile() != null) {
            report.notMapped(n, "pid_file", "systemd tracks the main pid itself (systemctl show -p MainPID)");
        }
    }

    private String systemctl() {
        for (String dir : settings.environment().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "systemctl");
            if (p.isAbsolute() && java.nio.file.Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return "/usr/bin/systemctl";
    }

    private String header(String what) {
        return "# " + what.replace("\n", " ") + "\n# Exported by `jsup export systemd" + (userUnits ? " --user" : "")
                + "` from " + settings.file() + "; see docs/containers.md.\n";
    }

    /**
     * A value in an EnvironmentFile: double-quoted when it holds blanks, quotes, {@code #}, {@code $}, a backquote or
     * a backslash, with {@code " \ ` $} escaped by a backslash (systemd's env-file parser; single quotes there take
     * no escapes, so a value holding one could not be written).
     */
    static String envFileValue(String v) {
        if (v.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\' || c == '$'
                || c == '`' || c == '#')) {
            return v;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\' || c == '`' || c == '$') {
                q.append('\\');
            }
            q.append(c);
        }
        return q.append('"').toString();
    }
}

package jsup.cli.command;

import java.util.List;
import java.util.Map;
import jsup.cli.CliContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code jsup}: the root command; without a subcommand it prints usage. Its subcommands are
 * registered by {@link jsup.cli.JsupCli} from {@link #SUBCOMMANDS}, only the one invoked when the
 * command line names one: building all of them costs a short-lived JVM more than the command itself.
 */
@Command(name = "jsup",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = JsupVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "jsup: a process supervisor with PM2's commands. Apps run under jsupd, one daemon per $JSUP_HOME "
            + "(default ~/.jsup), started on first use. 'jsup run FILE' runs a file in the foreground without "
            + "a daemon (containers).")
public final class JsupCommand implements Runnable {

    /** Every subcommand: its name and aliases (as in its {@code @Command}), then its class. */
    public static final List<Map.Entry<List<String>, Class<?>>> SUBCOMMANDS = List.of(
            Map.entry(List.of("start"), StartCommand.class),
            Map.entry(List.of("list", "ls", "status", "l", "ps"), ListCommand.class),
            Map.entry(List.of("describe", "desc", "info", "show"), DescribeCommand.class),
            Map.entry(List.of("env"), EnvCommand.class),
            Map.entry(List.of("logs"), LogsCommand.class),
            Map.entry(List.of("monit", "monitor"), MonitCommand.class),
            Map.entry(List.of("stop"), StopCommand.class),
            Map.entry(List.of("restart"), RestartCommand.class),
            Map.entry(List.of("reload"), ReloadCommand.class),
            Map.entry(List.of("startOrRestart"), StartOrRestartCommand.class),
            Map.entry(List.of("startOrReload"), StartOrReloadCommand.class),
            Map.entry(List.of("startOrGracefulReload"), StartOrGracefulReloadCommand.class),
            Map.entry(List.of("delete", "del"), DeleteCommand.class),
            Map.entry(List.of("flush"), FlushCommand.class),
            Map.entry(List.of("save", "dump"), SaveCommand.class),
            Map.entry(List.of("resurrect"), ResurrectCommand.class),
            Map.entry(List.of("signal", "sendSignal"), SignalCommand.class),
            Map.entry(List.of("reset"), ResetCommand.class),
            Map.entry(List.of("scale"), ScaleCommand.class),
            Map.entry(List.of("health"), HealthCommand.class),
            Map.entry(List.of("notify"), NotifyCommand.class),
            Map.entry(List.of("doctor"), DoctorCommand.class),
            Map.entry(List.of("ping"), PingCommand.class),
            Map.entry(List.of("web"), WebCommand.class),
            Map.entry(List.of("kill"), KillCommand.class),
            Map.entry(List.of("run"), RunCommand.class),
            Map.entry(List.of("daemon"), DaemonRunCommand.class),
            Map.entry(List.of("startup"), StartupCommand.class),
            Map.entry(List.of("unstartup"), UnstartupCommand.class),
            Map.entry(List.of("export"), ExportCommand.class),
            Map.entry(List.of("prestart"), PrestartCommand.class),
            Map.entry(List.of("probe"), ProbeCommand.class),
            Map.entry(List.of("version"), VersionCommand.class),
            Map.entry(List.of("completion"), CompletionCommand.class));

    /**
     * One line per command for the top-level {@code --help} list (each command's own {@code --help}
     * has the full description). Keyed by the command's name.
     */
    public static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("start", "Start apps from a file, a script or by name"),
            Map.entry("list", "Show the app table (--json for scripts)"),
            Map.entry("describe", "Show an app's state, config, history, health"),
            Map.entry("env", "Show the environment an app runs with"),
            Map.entry("logs", "Show and follow apps' log lines"),
            Map.entry("monit", "Live dashboard: apps, host, logs (keys to act)"),
            Map.entry("stop", "Stop apps and their whole process trees"),
            Map.entry("restart", "Restart apps (a stopped app is started)"),
            Map.entry("reload", "Restart apps; instances one by one"),
            Map.entry("scale", "Grow or shrink an app's set of instances"),
            Map.entry("startOrRestart", "PM2's name: restart FILE (deploys it)"),
            Map.entry("startOrReload", "PM2's name: reload FILE (deploys it)"),
            Map.entry("startOrGracefulReload", "PM2's name: reload FILE (deploys it)"),
            Map.entry("delete", "Stop apps and forget them"),
            Map.entry("flush", "Empty apps' log files"),
            Map.entry("save", "Save the app list for resurrect and boot"),
            Map.entry("resurrect", "Bring back the apps of the last save"),
            Map.entry("signal", "Send a signal to apps' main processes"),
            Map.entry("reset", "Zero apps' restart counters"),
            Map.entry("health", "Run apps' health probes now"),
            Map.entry("notify", "Send a test notification (notify test)"),
            Map.entry("doctor", "Check this machine and the apps' setup (--fix)"),
            Map.entry("ping", "Check that jsupd answers: pid, version, uptime"),
            Map.entry("web", "Switch jsupd's /metrics listener on or off"),
            Map.entry("kill", "Stop every app, then jsupd"),
            Map.entry("run", "Run a file's apps in the foreground, no daemon"),
            Map.entry("daemon", "Run jsupd in the foreground (systemd, containers)"),
            Map.entry("startup", "Install a systemd unit that starts jsup at boot"),
            Map.entry("unstartup", "Remove the unit 'jsup startup' installed"),
            Map.entry("export", "Write systemd units, Kubernetes or Compose files"),
            Map.entry("prestart", "Run an app's pre_start steps from a file now"),
            Map.entry("probe", "Run an app's health probes from a file once"),
            Map.entry("version", "Print jsup's version"),
            Map.entry("completion", "Print a bash, zsh or fish completion script"));

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    public JsupCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        spec.commandLine().usage(ctx.out());
        ctx.out().flush();
    }
}

package jsup.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jsup.cli.CliContext;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.cli.launch.SelfCommand;
import jsup.cli.startup.SavedApps;
import jsup.cli.startup.StartupInstaller;
import jsup.cli.startup.StartupPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jsup startup [systemd] [--user NAME] [--dry-run]}: installs jsupd as a systemd service. */
@Command(name = "startup",
        description = "Install jsup as a systemd service that runs 'jsup daemon' at boot. As root: a system unit "
            + "/etc/systemd/system/jsup-<user>.service running as --user. Otherwise: a user unit "
            + "~/.config/systemd/user/jsup.service (needs 'loginctl enable-linger'). When systemd runs, the "
            + "unit is enabled and started; in a container it is only written. The daemon resurrects the apps "
            + "of the last 'jsup save' when it starts: run 'jsup save' first.")
final class StartupCommand implements Runnable {

    private final CliContext ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLATFORM", defaultValue = "systemd",
            description = "Init system; only 'systemd'.")
    String platform;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME",
            description = "Account the service runs as (root only; default: the current user).")
    String user;

    @Option(names = "--dry-run", description = "Print the unit and where it would go; change nothing.")
    boolean dryRun;

    @Option(names = "--root-dir", hidden = true, paramLabel = "DIR",
            description = "Filesystem root units are written under (tests). Env: JSUP_STARTUP_ROOT.")
    Path rootDir;

    StartupCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        StartupPlan plan = plan(ctx, platform, user, rootDir);
        if (dryRun) {
            ctx.out().println("# " + plan.unitFile() + (plan.systemUnit() ? " (system unit)" : " (user unit)"));
            ctx.out().print(plan.unit().render());
            for (String note : plan.notes()) {
                ctx.out().println("# " + note);
            }
            ctx.out().flush();
            return;
        }
        new StartupInstaller(root(ctx, rootDir), ctx.out()).install(plan);
    }

    static StartupPlan plan(CliContext ctx, String platform, String user, Path rootDir) {
        if (!"systemd".equals(platform)) {
            throw new ExitException(ExitCode.USAGE, "jsup: unsupported init system '" + platform
                    + "'; jsup writes systemd units only: jsup startup systemd");
        }
        Path root = root(ctx, rootDir);
        boolean asRoot = runningAsRoot();
        String current = System.getProperty("user.name");
        String target = user == null ? current : user;
        Path userHome;
        Path jsupHome;
        if (target.equals(current)) {
            userHome = ctx.userHome();
            jsupHome = ctx.jsupHome();
        } else {
            if (!asRoot) {
                throw new ExitException(ExitCode.USAGE, "jsup: a unit for user '" + target
                        + "' needs root; run: sudo jsup startup --user " + target);
            }
            userHome = homeOf(target);
            jsupHome = userHome.resolve(".jsup");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (String key : List.of("JSUP_JAVA")) {
            if (ctx.env().containsKey(key)) {
                extra.put(key, ctx.env().get(key));
            }
        }
        List<String> exec = new java.util.ArrayList<>(SelfCommand.prefix(ctx.env()));
        exec.add("daemon");
        Duration maxKill = SavedApps.maxKillTimeout(jsupHome.resolve("dump.json"));
        return StartupPlan.of(root, asRoot, target, userHome, jsupHome, ctx.env().get("PATH"), extra, exec,
                maxKill);
    }

    static Path root(CliContext ctx, Path rootDir) {
        if (rootDir != null) {
            return rootDir.toAbsolutePath();
        }
        String env = ctx.env().get("JSUP_STARTUP_ROOT");
        return env != null && !env.isBlank() ? Path.of(env).toAbsolutePath() : Path.of("/");
    }

    /** The owner of /proc/self is this process's effective uid. */
    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The home folder of {@code user} from /etc/passwd. */
    static Path homeOf(String user) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":", -1);
                if (f.length >= 6 && f[0].equals(user)) {
                    return Path.of(f[5]);
                }
            }
        } catch (IOException e) {
            throw new ExitException(ExitCode.FAILURE, "jsup: cannot read /etc/passwd: " + e.getMessage());
        }
        throw new ExitException(ExitCode.USAGE, "jsup: no user '" + user
                + "' in /etc/passwd; pass an existing account to --user");
    }
}

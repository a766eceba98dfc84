package jsup.cli.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the unit goes and what it says, decided from who runs {@code jsup startup} and for whom.
 * Pure apart from reading {@code <root>/var/lib/systemd/linger}; writing and {@code systemctl} are
 * {@link StartupInstaller}'s job.
 *
 * @param unitFile   absolute path of the unit file (under {@code root})
 * @param unitName   e.g. {@code jsup-alice.service} (system) or {@code jsup.service} (user)
 * @param unit       the unit's content
 * @param notes      things the user must do themselves, e.g. {@code loginctl enable-linger}
 */
public record StartupPlan(Path unitFile, String unitName, SystemdUnit unit, List<String> notes) {

    /** Extra time on top of the largest kill_timeout for jsupd to write its dump and exit. */
    static final Duration STOP_MARGIN = Duration.ofSeconds(10);

    public StartupPlan {
        notes = List.copyOf(notes);
    }

    public boolean systemUnit() {
        return unit.systemUnit();
    }

    /**
     * @param root           filesystem root units are written under ({@code /} except in tests)
     * @param asRoot         whether jsup runs as uid 0: then a system unit with {@code User=}
     * @param user           the account the service runs as
     * @param userHome       that account's home
     * @param jsupHome       that account's {@code $JSUP_HOME}
     * @param path           the {@code PATH} apps get (jsupd passes its environment on)
     * @param extraEnv       further variables to keep, e.g. {@code JSUP_JAVA}
     * @param execStart      argv that runs {@code jsup daemon} in the foreground
     * @param maxKillTimeout the largest kill_timeout of the saved apps
     */
    public static StartupPlan of(Path root, boolean asRoot, String user, Path userHome, Path jsupHome,
                                 String path, Map<String, String> extraEnv, List<String> execStart,
                                 Duration maxKillTimeout) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JSUP_HOME", jsupHome.toString());
        if (path != null && !path.isBlank()) {
            env.put("PATH", path);
        }
        env.putAll(extraEnv);
        Duration timeout = maxKillTimeout.plus(STOP_MARGIN);
        List<String> notes = new ArrayList<>();
        if (asRoot) {
            String name = "jsup-" + user + ".service";
            SystemdUnit unit = new SystemdUnit(user, userHome, env, execStart, timeout, true);
            return new StartupPlan(under(root, Path.of("/etc/systemd/system", name)), name, unit, notes);
        }
        Path file = under(root, userHome.resolve(".config/systemd/user/jsup.service"));
        if (!Files.exists(under(root, Path.of("/var/lib/systemd/linger", user)))) {
            notes.add("A user unit starts at boot only with lingering on; run once: loginctl enable-linger "
                    + user + " (as root: sudo loginctl enable-linger " + user + ")");
        }
        SystemdUnit unit = new SystemdUnit(null, null, env, execStart, timeout, false);
        return new StartupPlan(file, "jsup.service", unit, notes);
    }

    /** {@code absolute} re-rooted under {@code root}. */
    static Path under(Path root, Path absolute) {
        Path relative = absolute.getRoot() == null ? absolute : absolute.getRoot().relativize(absolute);
        return root.resolve(relative.toString()).normalize();
    }
}

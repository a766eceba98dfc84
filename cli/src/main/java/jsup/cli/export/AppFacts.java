package jsup.cli.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jsup.healthmon.ProbeSpec;
import jsup.supervisor.SecretNames;
import jsup.supervisor.config.AppSpec;

/** What the three exports read the same way from an app: its command, env split, ports and log choice. */
final class AppFacts {

    /** What a secret-looking value becomes without {@code --include-secrets}. */
    static final String PLACEHOLDER = "REPLACE_ME";

    private AppFacts() {
    }

    /**
     * The app's env without secret-looking keys, sorted by name; without the {@code WATCHDOG_USEC} jsup adds for a
     * watchdog (systemd sets its own from WatchdogSec=; the other targets have no watchdog to feed).
     */
    static Map<String, String> plainEnv(AppSpec app) {
        Map<String, String> env = new TreeMap<>();
        app.env().forEach((k, v) -> {
            boolean added = k.equals("WATCHDOG_USEC") && app.readiness().watchdog() != null
                    && v.equals(Long.toString(app.readiness().watchdog().toNanos() / 1000));
            if (!secret(k, v) && !added) {
                env.put(k, v);
            }
        });
        return env;
    }

    /** A secret-looking key, or a value that is a URL with a password ({@code postgres://app:pw@db/app}). */
    private static boolean secret(String key, String value) {
        return SecretNames.isSecret(key) || SecretNames.urlPassword(value) != null;
    }

    /**
     * The secret-looking keys (TOKEN, KEY, SECRET, PASS…) and values (a URL with a password) with their values or
     * placeholders, sorted by name.
     */
    static Map<String, String> secretEnv(AppSpec app, boolean includeSecrets) {
        Map<String, String> env = new TreeMap<>();
        app.env().forEach((k, v) -> {
            if (secret(k, v)) {
                env.put(k, includeSecrets ? v : PLACEHOLDER);
            }
        });
        return env;
    }

    /**
     * The command with its first word absolute: a bare interpreter or script is looked up on {@code PATH};
     * left bare when not found there.
     */
    static List<String> hostCommand(AppSpec app, Map<String, String> environment) {
        List<String> cmd = new ArrayList<>(app.command());
        String first = cmd.get(0);
        if (!first.contains("/")) {
            for (String dir : environment.getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, first);
                if (candidate.isAbsolute() && Files.isExecutable(candidate)) {
                    cmd.set(0, candidate.toString());
                    break;
                }
            }
        }
        return cmd;
    }

    /** Whether the app writes jsup's default log files ($JSUP_HOME/logs/NAME-out.log, -error.log, no log_file). */
    static boolean defaultLogs(AppSpec app, Path jsupHome) {
        Path logs = jsupHome.resolve("logs");
        return app.logFile() == null && logs.resolve(app.name() + "-out.log").equals(app.outFile())
                && logs.resolve(app.name() + "-error.log").equals(app.errorFile());
    }

    /** TCP ports the app's health probes point at on its own host: the ports it serves. */
    static Set<Integer> ports(AppSpec app) {
        Set<Integer> ports = new LinkedHashSet<>();
        if (app.health() != null) {
            for (ProbeSpec p : app.health().probes()) {
                if (p instanceof ProbeSpec.Tcp tcp) {
                    ports.add(tcp.port());
                } else if (p instanceof ProbeSpec.Http http) {
                    ports.add(httpPort(http));
                }
            }
        }
        return ports;
    }

    static int httpPort(ProbeSpec.Http http) {
        int port = http.url().getPort();
        return port > 0 ? port : "https".equalsIgnoreCase(http.url().getScheme()) ? 443 : 80;
    }

    /** Whole seconds, rounded up (Kubernetes fields are integer seconds). */
    static long seconds(Duration d) {
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }

    /** {@code 5s} for whole seconds, else {@code 1600ms}: both systemd and Compose read it. */
    static String span(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** {@code restart_delay}, or the first exponential backoff delay when that is on. */
    static Duration firstRestartDelay(AppSpec app) {
        return app.expBackoffRestartDelay() != null ? app.expBackoffRestartDelay() : app.restartDelay();
    }

    /** The env keys in order for the report, e.g. {@code A, B, TOKEN}. */
    static String keys(Map<String, String> env) {
        return String.join(", ", new LinkedHashMap<>(env).keySet());
    }

    /**
     * Keys that belong to a host and not to a container, reported alike by the Kubernetes and Compose exports.
     *
     * @param engine   {@code Kubernetes} or {@code Compose}
     * @param logs     where the output goes instead of the files, e.g. {@code kubectl logs}
     * @param alerting what replaces jsup's notifications
     */
    static void hostOnlyKeys(AppSpec app, MappingReport report, String engine, String logs, String alerting) {
        String n = app.name();
        if (app.readiness().notifyReady() || app.readiness().watchdog() != null) {
            report.notMapped(n, "wait_ready/watchdog", engine + " has no notify protocol; probes gate readiness");
        }
        report.approximated(n, "out_file/error_file", "the container's stdout/stderr (" + logs + ")",
                "log files, rotation and timestamps are the engine's");
        if (app.watch() != null) {
            report.notMapped(n, "watch", "a container image does not change under the app; roll out a new one");
        }
        if (app.pidFile() != null) {
            report.notMapped(n, "pid_file", "the container runtime tracks the process");
        }
        if (app.notifications() != null) {
            report.notMapped(n, "notify", "jsup's notifications need jsupd; " + alerting);
        }
    }
}

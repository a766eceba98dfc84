package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which app keys jsup reads, which PM2 keys it knowingly ignores (and why), and the nearest known key for a
 * typo.
 */
final class KeyCatalog {

    /** Keys jsup reads in an app, PM2's and its own. {@code env_<profile>} keys are matched separately. */
    static final List<String> APP_KEYS = List.of(
            "name", "script", "exec", "args", "interpreter", "exec_interpreter", "interpreter_args", "node_args",
            "cwd", "env", "env_file", "autorestart", "autostart", "stop_exit_codes", "min_uptime", "max_restarts",
            "restart_delay", "exp_backoff_restart_delay", "exp_backoff_factor", "exp_backoff_max",
            "exp_backoff_reset", "max_memory_restart", "memory_check_interval", "kill_timeout", "kill_signal",
            "out_file", "error_file", "log_file", "merge_logs", "combine_logs", "log_date_format", "time",
            "log_max_size", "log_retain", "log_compress", "pid_file", "namespace", "pre_start", "health",
            "wait_ready", "listen_timeout", "watchdog", "depends_on", "depends_timeout",
            "cron_restart", "cron", "watch", "ignore_watch", "watch_delay", "notify",
            "instances", "increment_var", "instance_var", "sockets");

    static final List<String> HEALTH_KEYS = List.of(
            "tcp", "http", "exec", "probes", "interval", "timeout", "failures", "initial_delay", "action",
            "inotify_warn", "ready");

    static final List<String> PROBE_KEYS = List.of("tcp", "http", "exec");

    static final List<String> HTTP_KEYS = List.of("url", "status", "body_contains");

    static final List<String> PRE_START_KEYS = List.of("run", "timeout", "clear_stale_locks",
            "remove_unowned_after");

    private static final String NO_CLUSTER = "jsup runs each instance as a process of its own (no Node cluster mode)";
    private static final String NO_IPC = "jsup does not talk to the app over PM2's IPC channel";
    private static final String NO_APM = "jsup has no PM2 monitoring agent";

    /** PM2 app keys jsup does not implement, each with the reason given in the warning. */
    static final Map<String, String> IGNORED_PM2_KEYS = ignored();

    private KeyCatalog() {
    }

    private static Map<String, String> ignored() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("exec_mode", NO_CLUSTER);
        keys.put("watch_options", "jsup watches with inotify itself; chokidar's options do not apply");
        keys.put("treekill", "jsup always stops the whole process tree");
        keys.put("kill_retry_time", "jsup checks for the end of a stopped process on its own schedule");
        keys.put("shutdown_with_message", NO_IPC + "; it stops apps with kill_signal");
        keys.put("uid", "jsup runs apps as the user running jsupd");
        keys.put("user", "jsup runs apps as the user running jsupd");
        keys.put("gid", "jsup runs apps as the user running jsupd");
        keys.put("port", "jsup does not inject PORT; set it in env");
        keys.put("name_prefix", "jsup uses name as written");
        keys.put("append_env_to_name", "jsup uses name as written");
        keys.put("filter_env", "jsup passes jsupd's environment plus the app's env");
        keys.put("log_type", "jsup writes plain text logs");
        keys.put("disable_logs", "jsup always captures output; point out_file and error_file at /dev/null to drop it");
        keys.put("force", "jsup never starts a second copy of an app");
        keys.put("vizion", "jsup does not read version-control metadata");
        keys.put("post_update", "jsup does not deploy");
        keys.put("source_map_support", "jsup does not change how node runs");
        keys.put("pmx", NO_APM);
        keys.put("automation", NO_APM);
        keys.put("trace", NO_APM);
        keys.put("io", NO_APM);
        keys.put("deep_monitoring", NO_APM);
        keys.put("windowsHide", "jsup runs on Linux only");
        return Map.copyOf(keys);
    }

    /**
     * Whether an ignored key's value is what jsup does anyway, so warning about it would be noise
     * ({@code exec_mode: "fork"}, {@code treekill: true}).
     */
    static boolean harmless(String key, JsonNode value) {
        return switch (key) {
            case "exec_mode" -> value.isTextual() && value.asText().startsWith("fork");
            case "disable_logs", "force", "vizion", "pmx", "automation", "trace", "io",
                 "shutdown_with_message", "append_env_to_name", "windowsHide" ->
                    value.isBoolean() && !value.booleanValue();
            case "treekill" -> value.isBoolean() && value.booleanValue();
            default -> false;
        };
    }

    /** The warning for an unknown key: names the nearest known one when there is a close one. */
    static String unknown(String key, Collection<String> known) {
        return nearest(key, known).map(k -> "unknown key; did you mean " + k + "?")
                .orElse("unknown key; jsup ignores it");
    }

    /** The unknown-key warning for an app, searching jsup's keys and PM2's ignored ones. */
    static String unknownAppKey(String key) {
        return unknown(key, Stream.concat(APP_KEYS.stream(), IGNORED_PM2_KEYS.keySet().stream()).toList());
    }

    /**
     * The known key closest to {@code key}, when it is close enough to be the one meant: at most one edit (a
     * swap of two neighbours counts as one) per three characters of the shorter word, so {@code autorestrat} finds
     * {@code autorestart} but {@code foo} does not find {@code io}. A known key that starts with or contains the
     * typed one, or the reverse, also counts when the shorter is at least 4 characters and half the longer, so
     * {@code max_memory} finds {@code max_memory_restart}.
     */
    static Optional<String> nearest(String key, Collection<String> known) {
        String typed = key.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String candidate : known) {
            int shorter = Math.min(typed.length(), candidate.length());
            int longer = Math.max(typed.length(), candidate.length());
            int distance = distance(typed, candidate);
            boolean close = distance <= Math.max(1, shorter / 3)
                    || (shorter >= 4 && shorter * 2 >= longer
                        && (candidate.contains(typed) || typed.contains(candidate)));
            int score = candidate.contains(typed) || typed.contains(candidate) ? Math.min(distance, 1) : distance;
            if (close && score < bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Edit distance counting insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

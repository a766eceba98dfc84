package jsup.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jsup.cli.launch.DaemonConnection;
import jsup.supervisor.config.Durations;

/**
 * Waits, bounded, until the apps an action started have settled, so that what the CLI reports is
 * true: online and ready past a short window ({@code min_uptime}, capped at {@link #WINDOW_CAP}), or
 * ended (errored, or stopped on their own). An app with a readiness signal ({@code wait_ready},
 * {@code health.ready}) or {@code depends_on} may take up to its {@code listen_timeout} plus its
 * {@code depends_timeout}: jsupd restarts it, or ends it errored, when they pass. jsupd answers a start as soon as the process is spawned; a
 * crash in the next second would otherwise be reported as "started" with exit code 0.
 */
final class AppSettling {

    /** The longest an app must stay online to count as started. */
    static final Duration WINDOW_CAP = Duration.ofSeconds(3);
    /** How long past the longest window a crash loop may take to end errored. */
    static final Duration EXTRA = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 100;
    /** jsupd's defaults, for a config that leaves the key out. */
    static final Duration DEFAULT_LISTEN_TIMEOUT = jsup.supervisor.config.ReadinessSpec.DEFAULT_TIMEOUT;
    static final Duration DEFAULT_DEPENDS_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Where the apps stand.
     *
     * @param apps      every app, as the last {@code list} showed them (for the table)
     * @param failed    apps that ended errored or stopped on their own, or kept restarting
     * @param launching apps still launching when the wait ended
     */
    record Outcome(List<JsonNode> apps, List<JsonNode> failed, List<JsonNode> launching) {
    }

    private AppSettling() {
    }

    /**
     * @param started the apps the action started or restarted, as its result showed them (their
     *                {@code restarts} count is the baseline for "kept restarting")
     */
    static Outcome await(DaemonConnection daemon, List<JsonNode> started) {
        Map<String, Integer> baseline = new LinkedHashMap<>();
        for (JsonNode app : started) {
            baseline.put(app.path("name").asText(), app.path("restarts").asInt());
        }
        Map<String, Long> windows = new HashMap<>();
        long readiness = baseline.isEmpty() ? 0 : windows(daemon, baseline.keySet(), windows);
        long longest = windows.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long deadline = System.nanoTime() + Duration.ofMillis(Math.max(longest, readiness)).plus(EXTRA).toNanos();
        while (true) {
            List<JsonNode> apps = list(daemon);
            List<JsonNode> failed = new ArrayList<>();
            List<JsonNode> pending = new ArrayList<>();
            for (JsonNode app : apps) {
                String name = app.path("name").asText();
                if (!baseline.containsKey(name)) {
                    continue;
                }
                switch (state(app, windows.getOrDefault(name, 0L))) {
                    case FAILED -> failed.add(app);
                    case PENDING -> pending.add(app);
                    case SETTLED -> { }
                }
            }
            boolean timeUp = System.nanoTime() - deadline >= 0;
            if (pending.isEmpty() || timeUp) {
                List<JsonNode> launching = new ArrayList<>();
                for (JsonNode app : pending) {
                    // Restarted within its start window and still not up for good: a crash loop.
                    (app.path("restarts").asInt() > baseline.get(app.path("name").asText()) ? failed : launching)
                            .add(app);
                }
                return new Outcome(apps, failed, launching);
            }
            pause();
        }
    }

    private enum State { SETTLED, FAILED, PENDING }

    private static State state(JsonNode app, long windowMillis) {
        String status = app.path("status").asText();
        switch (status) {
            case "errored" -> {
                return State.FAILED;
            }
            case "stopped" -> {
                // Ended on its own (autorestart off, a stop exit code): a failure unless it exited 0.
                boolean byUser = "down".equals(app.path("want").asText());
                return byUser || "exit code 0".equals(app.path("last_exit").asText()) ? State.SETTLED : State.FAILED;
            }
            case "online" -> {
                boolean ready = !app.path("ready").isBoolean() || app.path("ready").booleanValue();
                return ready && app.path("uptime_ms").asLong() >= windowMillis ? State.SETTLED : State.PENDING;
            }
            default -> {
                return State.PENDING; // launching, waiting restart, stopping (a restart under way)
            }
        }
    }

    /**
     * Fills in each app's settle window in ms (its min_uptime, capped) and returns the longest time one
     * of {@code started} may take to become ready: its listen_timeout when it waits for a readiness
     * signal, plus its depends_timeout when it has dependencies.
     */
    private static long windows(DaemonConnection daemon, java.util.Set<String> started, Map<String, Long> windows) {
        long readiness = 0;
        for (JsonNode app : daemon.call("describe", DaemonConnection.args().put("target", "all")).path("apps")) {
            JsonNode config = app.path("config");
            long window = Math.min(WINDOW_CAP.toMillis(), millis(config.path("min_uptime"), WINDOW_CAP.toMillis()));
            String name = app.path("name").asText();
            windows.put(name, window);
            if (!started.contains(name)) {
                continue;
            }
            long wait = 0;
            if (config.path("wait_ready").asBoolean(false) || config.path("health").path("ready").asBoolean(false)) {
                wait += millis(config.path("listen_timeout"), DEFAULT_LISTEN_TIMEOUT.toMillis());
            }
            if (config.path("depends_on").size() > 0) {
                wait += millis(config.path("depends_timeout"), DEFAULT_DEPENDS_TIMEOUT.toMillis());
            }
            readiness = Math.max(readiness, wait);
        }
        return readiness;
    }

    /** A duration of the app's config in ms; {@code otherwise} when absent or not readable (another jsupd version). */
    private static long millis(JsonNode value, long otherwise) {
        try {
            return value.isTextual() ? Durations.parse(value.asText()).toMillis() : otherwise;
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    private static List<JsonNode> list(DaemonConnection daemon) {
        List<JsonNode> apps = new ArrayList<>();
        daemon.call("list", null).path("apps").forEach(apps::add);
        return apps;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the apps to settle", e);
        }
    }
}

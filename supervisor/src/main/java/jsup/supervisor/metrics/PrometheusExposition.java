package jsup.supervisor.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * jsupd's {@code /metrics}: turns the figures of one scrape into the Prometheus text format
 * ({@link TextFormat}). Nothing is kept between scrapes: every scrape reads {@link Scrape} afresh.
 * Each app's label set is rendered once per scrape and reused by all its samples; only series that
 * say something are written: the status the app is in (not a 0 for every other status) and the
 * restart causes that happened. Each metric is described in docs/metrics.md.
 */
public final class PrometheusExposition {

    /** What one scrape shows: every app's figures and jsupd's own. */
    public record Scrape(List<AppFigures> apps, DaemonFigures daemon) {
    }

    public static final String CONTENT_TYPE = TextFormat.CONTENT_TYPE;

    /** About what one app takes in the text (~15 samples of ~80 characters), to size the buffer once. */
    private static final int CHARS_PER_APP = 1400;

    private final Supplier<Scrape> source;

    public PrometheusExposition(Supplier<Scrape> source) {
        this.source = source;
    }

    /** Collects now and returns the text format, whole. */
    public byte[] render() {
        return render(source.get());
    }

    /** Collects now and writes the text format to {@code out}. */
    public void write(OutputStream out) throws IOException {
        out.write(render());
    }

    static byte[] render(Scrape scrape) {
        List<AppFigures> apps = scrape.apps();
        String[] labels = new String[apps.size()];
        for (int i = 0; i < labels.length; i++) {
            AppFigures a = apps.get(i);
            labels[i] = TextFormat.labels("name", a.name(), "namespace", a.namespace(), "instance",
                    Integer.toString(a.id()));
        }
        TextFormat t = new TextFormat(4096 + CHARS_PER_APP * apps.size());
        perApp(t, apps, labels, "jsup_app_up", "gauge", "1 when the app is online, else 0.", a -> a.up() ? 1 : 0);
        t.family("jsup_app_status", "gauge", "1 for the status the app is in (only that status is written).");
        for (int i = 0; i < labels.length; i++) {
            t.sample("jsup_app_status", labels[i], "status", apps.get(i).status(), 1);
        }
        t.family("jsup_app_restarts_total", "counter",
                "Restarts since jsupd started, by cause (crash, memory, health, watchdog, manual, redeploy); "
                        + "a cause appears with its first restart.");
        for (int i = 0; i < labels.length; i++) {
            Map<String, Long> byCause = apps.get(i).restartsByCause();
            for (String cause : RestartCause.ALL) {
                long n = byCause.getOrDefault(cause, 0L);
                if (n > 0) {
                    t.sample("jsup_app_restarts_total", labels[i], "reason", cause, n);
                }
            }
        }
        perAppTime(t, apps, labels, "jsup_app_last_restart_timestamp_seconds",
                "When the app was last restarted (Unix time); absent when never.", AppFigures::lastRestart);
        perAppTime(t, apps, labels, "jsup_app_start_time_seconds",
                "When the app's current run started (Unix time); absent when no process runs.", AppFigures::startedAt);
        perApp(t, apps, labels, "jsup_app_memory_bytes", "gauge",
                "RSS of the app's whole process tree at the last sample.", AppFigures::memoryBytes);
        perApp(t, apps, labels, "jsup_app_memory_limit_bytes", "gauge", "The app's max_memory_restart; 0 when none.",
                AppFigures::memoryLimitBytes);
        perApp(t, apps, labels, "jsup_app_cpu_seconds_total", "counter",
                "CPU time of the app's process tree in its current run (resets at each restart).",
                AppFigures::cpuSeconds);
        perApp(t, apps, labels, "jsup_app_threads", "gauge", "Threads of the app's process tree at the last sample.",
                AppFigures::threads);
        perApp(t, apps, labels, "jsup_app_open_fds", "gauge", "Open file descriptors of the app's process tree.",
                AppFigures::openFds);
        probes(t, apps, labels);
        inotify(t, apps);
        t.family("jsup_log_bytes_total", "counter",
                "Bytes written to the app's log files since they were opened, by stream (out, err).");
        for (int i = 0; i < labels.length; i++) {
            Map<String, Long> bytes = apps.get(i).logBytes();
            t.sample("jsup_log_bytes_total", labels[i], "stream", "out", bytes.getOrDefault("out", 0L));
            t.sample("jsup_log_bytes_total", labels[i], "stream", "err", bytes.getOrDefault("err", 0L));
        }
        perApp(t, apps, labels, "jsup_log_rotations_total", "counter",
                "Rotations of the app's log files since they were opened.", AppFigures::logRotations);
        daemon(t, scrape.daemon());
        return t.bytes();
    }

    private static void perApp(TextFormat t, List<AppFigures> apps, String[] labels, String name, String type,
                               String help, ToDoubleFunction<AppFigures> value) {
        t.family(name, type, help);
        for (int i = 0; i < labels.length; i++) {
            t.sample(name, labels[i], value.applyAsDouble(apps.get(i)));
        }
    }

    /** A Unix time per app, in seconds; apps without one (null) have no sample. */
    private static void perAppTime(TextFormat t, List<AppFigures> apps, String[] labels, String name, String help,
                                   Function<AppFigures, Instant> time) {
        t.family(name, "gauge", help);
        for (int i = 0; i < labels.length; i++) {
            Instant at = time.apply(apps.get(i));
            if (at != null) {
                t.sample(name, labels[i], at.toEpochMilli() / 1000.0);
            }
        }
    }

    private static void probes(TextFormat t, List<AppFigures> apps, String[] labels) {
        t.family("jsup_health_probe_success", "gauge", "1 when the probe's latest run passed, else 0.");
        for (int i = 0; i < labels.length; i++) {
            for (AppFigures.Probe p : apps.get(i).probes()) {
                t.sample("jsup_health_probe_success", labels[i], "probe", p.probe(), p.ok() ? 1 : 0);
            }
        }
        t.family("jsup_health_probe_duration_seconds", "gauge", "How long the probe's latest run took.");
        for (int i = 0; i < labels.length; i++) {
            for (AppFigures.Probe p : apps.get(i).probes()) {
                t.sample("jsup_health_probe_duration_seconds", labels[i], "probe", p.probe(), p.durationSeconds());
            }
        }
    }

    /** Per user, not per app: the kernel's limits count what a user holds in all its processes. */
    private static void inotify(TextFormat t, List<AppFigures> apps) {
        Map<Integer, AppFigures.Inotify> byUser = new LinkedHashMap<>();
        for (AppFigures a : apps) {
            if (a.inotify() != null) {
                byUser.put(a.inotify().uid(), a.inotify());
            }
        }
        if (byUser.isEmpty()) {
            return;
        }
        perUser(t, byUser, "jsup_inotify_instances", "inotify instances the user holds (all its processes).",
                AppFigures.Inotify::instances);
        perUser(t, byUser, "jsup_inotify_watches", "inotify watches the user holds (all its processes).",
                AppFigures.Inotify::watches);
        perUser(t, byUser, "jsup_inotify_max_user_instances",
                "The kernel's fs.inotify.max_user_instances; -1 when unreadable.", AppFigures.Inotify::maxInstances);
        perUser(t, byUser, "jsup_inotify_max_user_watches",
                "The kernel's fs.inotify.max_user_watches; -1 when unreadable.", AppFigures.Inotify::maxWatches);
    }

    private static void perUser(TextFormat t, Map<Integer, AppFigures.Inotify> byUser, String name, String help,
                                ToDoubleFunction<AppFigures.Inotify> value) {
        t.family(name, "gauge", help);
        for (AppFigures.Inotify i : byUser.values()) {
            t.sample(name, "", "user", Integer.toString(i.uid()), value.applyAsDouble(i));
        }
    }

    /** jsupd itself, under the names every Prometheus client uses for its own process. */
    private static void daemon(TextFormat t, DaemonFigures d) {
        single(t, "process_cpu_seconds_total", "counter", "jsupd's user and system CPU time.", d.cpuSeconds());
        single(t, "process_resident_memory_bytes", "gauge", "jsupd's RSS.", d.residentBytes());
        single(t, "process_virtual_memory_bytes", "gauge", "jsupd's virtual memory size.", d.virtualBytes());
        single(t, "process_start_time_seconds", "gauge", "When jsupd started (Unix time).",
                d.startedAt().toEpochMilli() / 1000.0);
        single(t, "process_open_fds", "gauge", "jsupd's open file descriptors.", d.openFds());
        single(t, "process_threads", "gauge", "jsupd's threads.", d.threads());
        single(t, "jsup_daemon_heap_used_bytes", "gauge", "jsupd's JVM heap in use.", d.heapUsedBytes());
        single(t, "jsup_daemon_apps", "gauge", "Apps jsupd supervises.", d.apps());
    }

    private static void single(TextFormat t, String name, String type, String help, double value) {
        t.family(name, type, help);
        t.sample(name, "", value);
    }
}

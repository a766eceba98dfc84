package jsup.supervisor.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jsup.supervisor.ProcessStatus;

/**
 * jsupd's {@code /metrics}: turns the figures of one scrape into the Prometheus text format through
 * the official client's model and writer. Nothing is kept between scrapes: every scrape reads
 * {@link Scrape} afresh (a {@link MultiCollector} in a registry of its own, not the JVM-wide default).
 * Each metric is described in docs/metrics.md.
 */
public final class PrometheusExposition {

    /** What one scrape shows: every app's figures and jsupd's own. */
    public record Scrape(List<AppFigures> apps, DaemonFigures daemon) {
    }

    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public PrometheusExposition(Supplier<Scrape> source) {
        registry.register((MultiCollector) () -> snapshots(source.get()));
    }

    /** Collects now and writes the text format to {@code out}. */
    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }

    static MetricSnapshots snapshots(Scrape scrape) {
        List<MetricSnapshot> all = new ArrayList<>();
        List<AppFigures> apps = scrape.apps();
        all.add(gauge("jsup_app_up", "1 when the app is online, else 0.", apps, a -> a.up() ? 1 : 0));
        GaugeSnapshot.Builder status = GaugeSnapshot.builder().name("jsup_app_status")
                .help("1 for the status the app is in, 0 for the others.");
        for (AppFigures a : apps) {
            for (ProcessStatus s : ProcessStatus.values()) {
                status.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(a).add("status", s.label()))
                        .value(s.label().equals(a.status()) ? 1 : 0).build());
            }
        }
        all.add(status.build());
        CounterSnapshot.Builder restarts = CounterSnapshot.builder().name("jsup_app_restarts")
                .help("Restarts since jsupd started, by cause: crash, memory, health, watchdog, manual, redeploy.");
        for (AppFigures a : apps) {
            for (String cause : RestartCause.ALL) {
                restarts.dataPoint(CounterDataPointSnapshot.builder().labels(labels(a).add("reason", cause))
                        .value(a.restartsByCause().getOrDefault(cause, 0L)).build());
            }
        }
        all.add(restarts.build());
        all.add(gauge("jsup_app_last_restart_timestamp_seconds",
                "When the app was last restarted (Unix time); absent when never.",
                apps.stream().filter(a -> a.lastRestart() != null).toList(),
                a -> a.lastRestart().toEpochMilli() / 1000.0));
        all.add(gauge("jsup_app_start_time_seconds", "When the app's current run started (Unix time); absent "
                + "when no process runs.", apps.stream().filter(a -> a.startedAt() != null).toList(),
                a -> a.startedAt().toEpochMilli() / 1000.0));
        all.add(gauge("jsup_app_memory_bytes", "RSS of the app's whole process tree at the last sample.", apps,
                AppFigures::memoryBytes));
        all.add(gauge("jsup_app_memory_limit_bytes", "The app's max_memory_restart; 0 when none.", apps,
                AppFigures::memoryLimitBytes));
        CounterSnapshot.Builder cpu = CounterSnapshot.builder().name("jsup_app_cpu_seconds")
                .help("CPU time of the app's process tree in its current run (resets at each restart).");
        for (AppFigures a : apps) {
            cpu.dataPoint(CounterDataPointSnapshot.builder().labels(labels(a)).value(a.cpuSeconds()).build());
        }
        all.add(cpu.build());
        all.add(gauge("jsup_app_threads", "Threads of the app's process tree at the last sample.", apps,
                AppFigures::threads));
        all.add(gauge("jsup_app_open_fds", "Open file descriptors of the app's process tree.", apps,
                AppFigures::openFds));
        probes(apps, all);
        inotify(apps, all);
        CounterSnapshot.Builder logBytes = CounterSnapshot.builder().name("jsup_log_bytes")
                .help("Bytes written to the app's log files since they were opened, by stream (out, err).");
        CounterSnapshot.Builder rotations = CounterSnapshot.builder().name("jsup_log_rotations")
                .help("Rotations of the app's log files since they were opened.");
        for (AppFigures a : apps) {
            for (String stream : List.of("out", "err")) {
                logBytes.dataPoint(CounterDataPointSnapshot.builder().labels(labels(a).add("stream", stream))
                        .value(a.logBytes().getOrDefault(stream, 0L)).build());
            }
            rotations.dataPoint(CounterDataPointSnapshot.builder().labels(labels(a)).value(a.logRotations()).build());
        }
        all.add(logBytes.build());
        all.add(rotations.build());
        daemon(scrape.daemon(), all);
        return new MetricSnapshots(all);
    }

    private static void probes(List<AppFigures> apps, List<MetricSnapshot> all) {
        GaugeSnapshot.Builder success = GaugeSnapshot.builder().name("jsup_health_probe_success")
                .help("1 when the probe's latest run passed, else 0.");
        GaugeSnapshot.Builder duration = GaugeSnapshot.builder().name("jsup_health_probe_duration_seconds")
                .help("How long the probe's latest run took.");
        for (AppFigures a : apps) {
            for (AppFigures.Probe p : a.probes()) {
                Labels l = labels(a).add("probe", p.probe());
                success.dataPoint(GaugeDataPointSnapshot.builder().labels(l).value(p.ok() ? 1 : 0).build());
                duration.dataPoint(GaugeDataPointSnapshot.builder().labels(l).value(p.durationSeconds()).build());
            }
        }
        all.add(success.build());
        all.add(duration.build());
    }

    /** Per user, not per app: the kernel's limits count what a user holds in all its processes. */
    private static void inotify(List<AppFigures> apps, List<MetricSnapshot> all) {
        Map<Integer, AppFigures.Inotify> byUser = new LinkedHashMap<>();
        for (AppFigures a : apps) {
            if (a.inotify() != null) {
                byUser.put(a.inotify().uid(), a.inotify());
            }
        }
        List<Map.Entry<String, java.util.function.ToDoubleFunction<AppFigures.Inotify>>> metrics = List.of(
                Map.entry("jsup_inotify_instances", AppFigures.Inotify::instances),
                Map.entry("jsup_inotify_watches", AppFigures.Inotify::watches),
                Map.entry("jsup_inotify_max_user_instances", AppFigures.Inotify::maxInstances),
                Map.entry("jsup_inotify_max_user_watches", AppFigures.Inotify::maxWatches));
        Map<String, String> help = Map.of(
                "jsup_inotify_instances", "inotify instances the user holds (all its processes).",
                "jsup_inotify_watches", "inotify watches the user holds (all its processes).",
                "jsup_inotify_max_user_instances", "The kernel's fs.inotify.max_user_instances; -1 when unreadable.",
                "jsup_inotify_max_user_watches", "The kernel's fs.inotify.max_user_watches; -1 when unreadable.");
        for (Map.Entry<String, java.util.function.ToDoubleFunction<AppFigures.Inotify>> m : metrics) {
            GaugeSnapshot.Builder g = GaugeSnapshot.builder().name(m.getKey()).help(help.get(m.getKey()));
            for (AppFigures.Inotify i : byUser.values()) {
                g.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("user", Integer.toString(i.uid())))
                        .value(m.getValue().applyAsDouble(i)).build());
            }
            all.add(g.build());
        }
    }

    /** jsupd itself, under the names every Prometheus client uses for its own process. */
    private static void daemon(DaemonFigures d, List<MetricSnapshot> all) {
        all.add(CounterSnapshot.builder().name("process_cpu_seconds").help("jsupd's user and system CPU time.")
                .dataPoint(CounterDataPointSnapshot.builder().value(d.cpuSeconds()).build()).build());
        all.add(single("process_resident_memory_bytes", "jsupd's RSS.", d.residentBytes()));
        all.add(single("process_virtual_memory_bytes", "jsupd's virtual memory size.", d.virtualBytes()));
        all.add(single("process_start_time_seconds", "When jsupd started (Unix time).",
                d.startedAt().toEpochMilli() / 1000.0));
        all.add(single("process_open_fds", "jsupd's open file descriptors.", d.openFds()));
        all.add(single("process_threads", "jsupd's threads.", d.threads()));
        all.add(single("jsup_daemon_heap_used_bytes", "jsupd's JVM heap in use.", d.heapUsedBytes()));
        all.add(single("jsup_daemon_apps", "Apps jsupd supervises.", d.apps()));
    }

    private static GaugeSnapshot single(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    private static GaugeSnapshot gauge(String name, String help, List<AppFigures> apps,
                                       java.util.function.ToDoubleFunction<AppFigures> value) {
        GaugeSnapshot.Builder g = GaugeSnapshot.builder().name(name).help(help);
        for (AppFigures a : apps) {
            g.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(a)).value(value.applyAsDouble(a)).build());
        }
        return g.build();
    }

    /** The labels of every per-app sample: {@code name}, {@code namespace}, {@code instance} (the id). */
    private static Labels labels(AppFigures a) {
        return Labels.of("name", a.name(), "namespace", a.namespace(), "instance", Integer.toString(a.id()));
    }
}

package jsup.supervisor.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Builds the client's snapshots of one scrape from jsupd's figures, at scrape time: nothing lives
 * between scrapes (no instrumentation objects, no default registry). Only series that say something
 * are made: the status an app is in (not a 0 for every other status) and the restart causes that
 * happened. Each app's {@link Labels} are made once per scrape and shared by all its data points.
 * Counters are named without {@code _total}; the writers add it. Each metric is described in
 * docs/metrics.md.
 */
final class JsupdCollector implements MultiCollector {

    private final Supplier<PrometheusExposition.Scrape> source;

    JsupdCollector(Supplier<PrometheusExposition.Scrape> source) {
        this.source = source;
    }

    @Override
    public MetricSnapshots collect() {
        return snapshots(source.get());
    }

    static MetricSnapshots snapshots(PrometheusExposition.Scrape scrape) {
        List<AppFigures> apps = scrape.apps();
        Labels[] labels = new Labels[apps.size()];
        for (int i = 0; i < labels.length; i++) {
            AppFigures a = apps.get(i);
            labels[i] = Labels.of("name", a.name(), "namespace", a.namespace(), "instance", Integer.toString(a.id()));
        }
        List<MetricSnapshot> all = new ArrayList<>(32);
        all.add(gauge("jsup_app_up", "1 when the app is online, else 0.", apps, labels, a -> a.up() ? 1 : 0));
        GaugeSnapshot.Builder status = GaugeSnapshot.builder().name("jsup_app_status")
                .help("1 for the status the app is in (only that status is written).");
        for (int i = 0; i < labels.length; i++) {
            status.dataPoint(GaugeDataPointSnapshot.builder().labels(labels[i].add("status", apps.get(i).status()))
                    .value(1).build());
        }
        all.add(status.build());
        CounterSnapshot.Builder restarts = CounterSnapshot.builder().name("jsup_app_restarts")
                .help("Restarts since jsupd started, by cause (crash, memory, health, watchdog, manual, redeploy); "
                        + "a cause appears with its first restart.");
        for (int i = 0; i < labels.length; i++) {
            Map<String, Long> byCause = apps.get(i).restartsByCause();
            for (String cause : RestartCause.ALL) {
                long n = byCause.getOrDefault(cause, 0L);
                if (n > 0) {
                    restarts.dataPoint(CounterDataPointSnapshot.builder().labels(labels[i].add("reason", cause))
                            .value(n).build());
                }
            }
        }
        all.add(restarts.build());
        all.add(time("jsup_app_last_restart_timestamp_seconds",
                "When the app was last restarted (Unix time); absent when never.", apps, labels,
                AppFigures::lastRestart));
        all.add(time("jsup_app_start_time_seconds",
                "When the app's current run started (Unix time); absent when no process runs.", apps, labels,
                AppFigures::startedAt));
        all.add(gauge("jsup_app_memory_bytes", "RSS of the app's whole process tree at the last sample.", apps,
                labels, AppFigures::memoryBytes));
        all.add(gauge("jsup_app_memory_limit_bytes", "The app's max_memory_restart; 0 when none.", apps, labels,
                AppFigures::memoryLimitBytes));
        all.add(counter("jsup_app_cpu_seconds",
                "CPU time of the app's process tree in its current run (resets at each restart).", apps, labels,
                AppFigures::cpuSeconds));
        all.add(gauge("jsup_app_threads", "Threads of the app's process tree at the last sample.", apps, labels,
                AppFigures::threads));
        all.add(gauge("jsup_app_open_fds", "Open file descriptors of the app's process tree.", apps, labels,
                AppFigures::openFds));
        probes(apps, labels, all);
        inotify(apps, all);
        CounterSnapshot.Builder logBytes = CounterSnapshot.builder().name("jsup_log_bytes")
                .help("Bytes written to the app's log files since they were opened, by stream (out, err).");
        for (int i = 0; i < labels.length; i++) {
            Map<String, Long> bytes = apps.get(i).logBytes();
            logBytes.dataPoint(CounterDataPointSnapshot.builder().labels(labels[i].add("stream", "out"))
                    .value(bytes.getOrDefault("out", 0L)).build());
            logBytes.dataPoint(CounterDataPointSnapshot.builder().labels(labels[i].add("stream", "err"))
                    .value(bytes.getOrDefault("err", 0L)).build());
        }
        all.add(logBytes.build());
        all.add(counter("jsup_log_rotations", "Rotations of the app's log files since they were opened.", apps,
                labels, AppFigures::logRotations));
        daemon(scrape.daemon(), all);
        return new MetricSnapshots(all);
    }

    private static GaugeSnapshot gauge(String name, String help, List<AppFigures> apps, Labels[] labels,
                                       ToDoubleFunction<AppFigures> value) {
        GaugeSnapshot.Builder g = GaugeSnapshot.builder().name(name).help(help);
        for (int i = 0; i < labels.length; i++) {
            g.dataPoint(GaugeDataPointSnapshot.builder().labels(labels[i]).value(value.applyAsDouble(apps.get(i)))
                    .build());
        }
        return g.build();
    }

    private static CounterSnapshot counter(String name, String help, List<AppFigures> apps, Labels[] labels,
                                           ToDoubleFunction<AppFigures> value) {
        CounterSnapshot.Builder c = CounterSnapshot.builder().name(name).help(help);
        for (int i = 0; i < labels.length; i++) {
            c.dataPoint(CounterDataPointSnapshot.builder().labels(labels[i]).value(value.applyAsDouble(apps.get(i)))
                    .build());
        }
        return c.build();
    }

    /** A Unix time per app, in seconds; apps without one (null) have no data point. */
    private static GaugeSnapshot time(String name, String help, List<AppFigures> apps, Labels[] labels,
                                      Function<AppFigures, Instant> time) {
        GaugeSnapshot.Builder g = GaugeSnapshot.builder().name(name).help(help);
        for (int i = 0; i < labels.length; i++) {
            Instant at = time.apply(apps.get(i));
            if (at != null) {
                g.dataPoint(GaugeDataPointSnapshot.builder().labels(labels[i]).value(at.toEpochMilli() / 1000.0)
                        .build());
            }
        }
        return g.build();
    }

    private static void probes(List<AppFigures> apps, Labels[] labels, List<MetricSnapshot> all) {
        GaugeSnapshot.Builder success = GaugeSnapshot.builder().name("jsup_health_probe_success")
                .help("1 when the probe's latest run passed, else 0.");
        GaugeSnapshot.Builder duration = GaugeSnapshot.builder().name("jsup_health_probe_duration_seconds")
                .help("How long the probe's latest run took.");
        for (int i = 0; i < labels.length; i++) {
            for (AppFigures.Probe p : apps.get(i).probes()) {
                Labels l = labels[i].add("probe", p.probe());
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
        all.add(perUser("jsup_inotify_instances", "inotify instances the user holds (all its processes).", byUser,
                AppFigures.Inotify::instances));
        all.add(perUser("jsup_inotify_watches", "inotify watches the user holds (all its processes).", byUser,
                AppFigures.Inotify::watches));
        all.add(perUser("jsup_inotify_max_user_instances",
                "The kernel's fs.inotify.max_user_instances; -1 when unreadable.", byUser,
                AppFigures.Inotify::maxInstances));
        all.add(perUser("jsup_inotify_max_user_watches",
                "The kernel's fs.inotify.max_user_watches; -1 when unreadable.", byUser,
                AppFigures.Inotify::maxWatches));
    }

    private static GaugeSnapshot perUser(String name, String help, Map<Integer, AppFigures.Inotify> byUser,
                                         ToDoubleFunction<AppFigures.Inotify> value) {
        GaugeSnapshot.Builder g = GaugeSnapshot.builder().name(name).help(help);
        for (AppFigures.Inotify i : byUser.values()) {
            g.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("user", Integer.toString(i.uid())))
                    .value(value.applyAsDouble(i)).build());
        }
        return g.build();
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
}

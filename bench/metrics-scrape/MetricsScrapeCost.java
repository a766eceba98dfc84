import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jsup.supervisor.metrics.AppFigures;
import jsup.supervisor.metrics.DaemonFigures;
import jsup.supervisor.metrics.PrometheusExposition;

/**
 * CPU time of one /metrics render (collect + write, no HTTP) for N apps, in this JVM: the cold first
 * render, the second, and the median and spread of warm ones. Run it with jsupd's JVM flags (C1 only,
 * serial GC) through bench/metrics-scrape/run.sh. CPU time of this thread, so a loaded machine
 * stretches the wall time but not the figure much.
 *
 *   java -cp CLASSPATH MetricsScrapeCost.java [apps=50] [warm renders=2000]
 */
public class MetricsScrapeCost {

    public static void main(String[] args) throws Exception {
        int apps = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Instant t0 = Instant.now().minusSeconds(3600);
        List<AppFigures> figures = new ArrayList<>();
        for (int i = 0; i < apps; i++) {
            figures.add(new AppFigures("app-" + i, "default", i, i % 10 == 0 ? "errored" : "online", i % 10 != 0,
                    i % 3 == 0 ? Map.of("crash", 2L, "manual", 1L) : Map.of(), i % 3 == 0 ? t0.plusSeconds(60) : null,
                    t0.plusSeconds(120), 50_000_000L + i, i % 2 == 0 ? 524_288_000L : 0, 12.5 + i, 1, 5,
                    i % 5 == 0 ? List.of(new AppFigures.Probe("tcp 127.0.0.1:" + (18000 + i), true, 0.002)) : List.of(),
                    i % 5 == 0 ? new AppFigures.Inotify(1000, 3, 120, 128, 8192) : null,
                    Map.of("out", 4096L * i, "err", 12L * i), 0));
        }
        DaemonFigures daemon = new DaemonFigures(t0, 1.25, 60_000_000, 2_000_000_000, 17, 25, 8_000_000, apps);
        PrometheusExposition e = new PrometheusExposition(() -> new PrometheusExposition.Scrape(figures, daemon));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] ns = new long[warm + 2];
        int bytes = 0;
        for (int i = 0; i < ns.length; i++) {
            long before = cpu.getCurrentThreadCpuTime();
            bytes = e.render(null).body().length;
            ns[i] = cpu.getCurrentThreadCpuTime() - before;
        }
        long[] w = Arrays.copyOfRange(ns, ns.length - warm / 2, ns.length); // the last half: warmed up
        Arrays.sort(w);
        System.out.printf("apps=%d bytes=%d cold=%.2f ms second=%.2f ms warm median=%.3f ms p10=%.3f p90=%.3f%n",
                apps, bytes, ns[0] / 1e6, ns[1] / 1e6, w[w.length / 2] / 1e6, w[w.length / 10] / 1e6,
                w[w.length * 9 / 10] / 1e6);
    }
}

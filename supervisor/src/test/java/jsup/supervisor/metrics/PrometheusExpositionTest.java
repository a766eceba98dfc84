package jsup.supervisor.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusExpositionTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private static AppFigures web() {
        return new AppFigures("web", "shop", 3, "online", true,
                Map.of("crash", 2L, "memory", 1L, "health", 0L, "watchdog", 0L, "manual", 4L, "redeploy", 0L),
                T0.plusSeconds(30), T0.plusSeconds(31), 52_428_800, 104_857_600, 12.5, 9, 21,
                List.of(new AppFigures.Probe("tcp 127.0.0.1:8080", true, 0.002),
                        new AppFigures.Probe("http \"quoted\"\\path", false, 1.5)),
                new AppFigures.Inotify(1000, 3, 120, 128, 8192), Map.of("out", 4096L, "err", 12L), 1);
    }

    private static AppFigures stopped() {
        return new AppFigures("batch", "default", 4, "stopped", false, Map.of(), null, null, 0, 0, 0, 0, 0,
                List.of(), null, Map.of(), 0);
    }

    private static Map<String, PrometheusTextParser.Family> scrape(AppFigures... apps) throws Exception {
        PrometheusExposition e = new PrometheusExposition(() -> new PrometheusExposition.Scrape(List.of(apps),
                new DaemonFigures(T0, 1.25, 60_000_000, 2_000_000_000, 17, 25, 8_000_000, apps.length)));
        PrometheusExposition.Page page = e.render("text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        assertThat(page.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        return PrometheusTextParser.parse(new String(page.body(), StandardCharsets.UTF_8));
    }

    private static double value(Map<String, PrometheusTextParser.Family> m, String family, Map<String, String> labels) {
        return m.get(family).samples().stream().filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .findFirst().orElseThrow(() -> new AssertionError(family + labels + " missing")).value();
    }

    @Test
    void everyMetricOfTheIssueIsWrittenWithItsLabelsAndTypes() throws Exception {
        Map<String, PrometheusTextParser.Family> m = scrape(web(), stopped());
        assertThat(m.keySet()).contains("jsup_app_up", "jsup_app_status", "jsup_app_restarts_total",
                "jsup_app_last_restart_timestamp_seconds", "jsup_app_start_time_seconds", "jsup_app_memory_bytes",
                "jsup_app_memory_limit_bytes", "jsup_app_cpu_seconds_total", "jsup_app_threads", "jsup_app_open_fds",
                "jsup_health_probe_success", "jsup_health_probe_duration_seconds", "jsup_inotify_instances",
                "jsup_inotify_watches", "jsup_inotify_max_user_instances", "jsup_inotify_max_user_watches",
                "jsup_log_bytes_total", "jsup_log_rotations_total", "process_cpu_seconds_total", "process_resident_memory_bytes",
                "process_open_fds", "process_start_time_seconds");
        assertThat(m.get("jsup_app_restarts_total").type()).isEqualTo("counter");
        assertThat(m.get("jsup_app_memory_bytes").type()).isEqualTo("gauge");
        Map<String, String> web = Map.of("name", "web", "namespace", "shop", "instance", "3");
        assertThat(value(m, "jsup_app_up", web)).isEqualTo(1);
        assertThat(value(m, "jsup_app_up", Map.of("name", "batch"))).isEqualTo(0);
        assertThat(value(m, "jsup_app_status", Map.of("name", "web", "status", "online"))).isEqualTo(1);
        assertThat(value(m, "jsup_app_status", Map.of("name", "batch", "status", "stopped"))).isEqualTo(1);
        assertThat(value(m, "jsup_app_restarts_total", Map.of("name", "web", "reason", "crash"))).isEqualTo(2);
        assertThat(value(m, "jsup_app_restarts_total", Map.of("name", "web", "reason", "manual"))).isEqualTo(4);
        assertThat(value(m, "jsup_app_last_restart_timestamp_seconds", web)).isEqualTo(T0.getEpochSecond() + 30);
        assertThat(value(m, "jsup_app_start_time_seconds", web)).isEqualTo(T0.getEpochSecond() + 31);
        assertThat(value(m, "jsup_app_memory_bytes", web)).isEqualTo(52_428_800);
        assertThat(value(m, "jsup_app_memory_limit_bytes", web)).isEqualTo(104_857_600);
        assertThat(value(m, "jsup_app_cpu_seconds_total", web)).isEqualTo(12.5);
        assertThat(value(m, "jsup_app_threads", web)).isEqualTo(9);
        assertThat(value(m, "jsup_app_open_fds", web)).isEqualTo(21);
        assertThat(value(m, "jsup_health_probe_success", Map.of("probe", "tcp 127.0.0.1:8080"))).isEqualTo(1);
        // A label value with quotes and a backslash survives the escaping.
        assertThat(value(m, "jsup_health_probe_success", Map.of("probe", "http \"quoted\"\\path"))).isEqualTo(0);
        assertThat(value(m, "jsup_health_probe_duration_seconds", Map.of("probe", "http \"quoted\"\\path")))
                .isEqualTo(1.5);
        assertThat(value(m, "jsup_inotify_watches", Map.of("user", "1000"))).isEqualTo(120);
        assertThat(value(m, "jsup_inotify_max_user_watches", Map.of("user", "1000"))).isEqualTo(8192);
        assertThat(value(m, "jsup_log_bytes_total", Map.of("name", "web", "stream", "out"))).isEqualTo(4096);
        assertThat(value(m, "jsup_log_rotations_total", web)).isEqualTo(1);
        assertThat(value(m, "process_resident_memory_bytes", Map.of())).isEqualTo(60_000_000);
    }

    @Test
    void onlyTheCurrentStatusAndTheRestartCausesThatHappenedAreWritten() throws Exception {
        Map<String, PrometheusTextParser.Family> m = scrape(web(), stopped());
        // One status series per app, not one per possible status.
        assertThat(m.get("jsup_app_status").samples()).extracting(s -> s.labels().get("name") + " "
                + s.labels().get("status") + " " + s.value())
                .containsExactlyInAnyOrder("web online 1.0", "batch stopped 1.0");
        // web's crash, memory and manual restarts; none for causes that never happened, none for batch.
        assertThat(m.get("jsup_app_restarts_total").samples()).extracting(s -> s.labels().get("name") + " "
                + s.labels().get("reason") + " " + s.value())
                .containsExactlyInAnyOrder("web crash 2.0", "web memory 1.0", "web manual 4.0");
    }

    @Test
    void theOfficialClientWritesCountersUnderTheirTotalNameAndEachAppsLabels() throws Exception {
        PrometheusExposition e = new PrometheusExposition(() -> new PrometheusExposition.Scrape(List.of(web()),
                new DaemonFigures(T0, 1.25, 60_000_000, 2_000_000_000, 17, 25, 8_000_000, 1)));
        String text = new String(e.render(null).body(), StandardCharsets.UTF_8);
        assertThat(text).contains("# TYPE jsup_app_restarts_total counter\n")
                .contains("jsup_app_cpu_seconds_total{instance=\"3\",name=\"web\",namespace=\"shop\"} 12.5\n")
                .doesNotContain("# EOF");
    }

    @Test
    void openMetricsWhenTheAcceptHeaderAsksForIt() throws Exception {
        PrometheusExposition e = new PrometheusExposition(() -> new PrometheusExposition.Scrape(List.of(web()),
                new DaemonFigures(T0, 1.25, 60_000_000, 2_000_000_000, 17, 25, 8_000_000, 1)));
        // What Prometheus 2.x/3.x sends by default.
        PrometheusExposition.Page page = e.render("application/openmetrics-text;version=1.0.0,"
                + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        String text = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(page.contentType()).startsWith("application/openmetrics-text; version=1.0.0");
        assertThat(text).contains("# TYPE jsup_app_restarts counter\n")
                .contains("jsup_app_restarts_total{instance=\"3\",name=\"web\",namespace=\"shop\",reason=\"crash\"} 2")
                .endsWith("# EOF\n");
    }

    @Test
    void timestampsOfAnAppThatNeverRanAreLeftOutNotZero() throws Exception {
        Map<String, PrometheusTextParser.Family> m = scrape(stopped());
        // A family without samples is left out whole by the writer.
        assertThat(m).doesNotContainKeys("jsup_app_start_time_seconds", "jsup_app_last_restart_timestamp_seconds",
                "jsup_inotify_watches", "jsup_app_restarts_total", "jsup_health_probe_success");
        assertThat(value(m, "jsup_app_up", Map.of("name", "batch"))).isEqualTo(0);
    }

    @Test
    void theParserRefusesWhatPrometheusWouldRefuse() {
        assertThatThrownBy(() -> PrometheusTextParser.parse("x 1\n")).hasMessageContaining("no # TYPE");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE x gauge\nx{a=\"1} 1\n"))
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE x counter\nx 1\n")).hasMessageContaining("_total");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE x gauge\nx 1\nx 2\n")).hasMessageContaining("repeated");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE x gauge\nx one\n")).hasMessageContaining("bad value");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE x gauge\nx 1")).hasMessageContaining("newline");
    }

    @Test
    void restartReasonsSortIntoCauses() {
        assertThat(RestartCause.of("exit code 1")).isEqualTo("crash");
        assertThat(RestartCause.of("signal SIGKILL")).isEqualTo("crash");
        assertThat(RestartCause.of("memory 600M > 500M")).isEqualTo("memory");
        assertThat(RestartCause.of("health: tcp 127.0.0.1:1 refused")).isEqualTo("health");
        assertThat(RestartCause.of("manual")).isEqualTo("manual");
        assertThat(RestartCause.of("manual (--update-env)")).isEqualTo("manual");
        assertThat(RestartCause.of("redeploy: args")).isEqualTo("redeploy");
    }
}

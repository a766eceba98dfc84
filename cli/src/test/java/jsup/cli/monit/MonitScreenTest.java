package jsup.cli.monit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jsup.cli.render.Ansi;
import jsup.healthmon.proc.HostUsage;
import org.junit.jupiter.api.Test;

class MonitScreenTest {

    private static final HostUsage HOST = new HostUsage(12.5, 2, 4L << 30, 1L << 30, 0.52, 0.41, 0.3,
            100L << 30, 60L << 30);

    private static AppRow app(int id, String name, String status, long maxMemory, List<AppRow.Restart> restarts) {
        return new AppRow(id, name, "default", status, status.equals("online") ? 4200 + id : 0, 65_000,
                restarts.size(), 3.5, 100L << 20, maxMemory, status.equals("online") ? "ok" : "stopped", id == 1,
                id == 1 ? "user watches over 80%" : null, id == 1 ? 0.85 : 0.01, "/h/logs/" + name + "-out.log",
                "/h/logs/" + name + "-error.log", restarts);
    }

    private final MonitView view = new MonitView();
    private final Map<String, UsageRing> rings;
    private final AppLogTail logs = new AppLogTail(List.of("listening on 8080", "GET /"), List.of("warning: slow"));

    MonitScreenTest() {
        view.update(List.of(
                app(0, "moltbot-gateway", "online", 500L << 20,
                        List.of(new AppRow.Restart("2026-12-07T10:00:05Z", "health: tcp 127.0.0.1:18789 refused"),
                                new AppRow.Restart("2026-12-07T09:00:00Z", "exit code 1"))),
                app(1, "indexer", "online", 0, List.of()),
                app(2, "cron", "stopped", 0, List.of())));
        UsageRing ring = new UsageRing(10);
        for (int i = 0; i < 10; i++) {
            ring.add(i * 10, (long) i << 20);
        }
        rings = Map.of("moltbot-gateway", ring);
    }

    private List<String> render(Ansi ansi, int width, int height) {
        return new MonitScreen(ansi, ZoneOffset.UTC).render(view,
                new MonitScreen.Inputs("jsup monit · /h", HOST, rings, logs), width, height);
    }

    @Test
    void aFrameHasExactlyTheTerminalsLinesNoneWiderThanIt() {
        for (int[] size : new int[][] {{120, 40}, {80, 24}, {40, 10}, {200, 60}}) {
            for (Ansi ansi : List.of(Ansi.OFF, Ansi.ON)) {
                List<String> lines = render(ansi, size[0], size[1]);
                assertThat(lines).as("%dx%d", size[0], size[1]).hasSize(size[1]);
                for (String line : lines) {
                    assertThat(ScreenLine.length(plain(line))).as("%dx%d: %s", size[0], size[1], line)
                            .isLessThanOrEqualTo(size[0]);
                }
            }
        }
    }

    @Test
    void showsTheHostTheAppsAndTheSelectedAppsDetails() {
        String frame = String.join("\n", render(Ansi.OFF, 120, 40));
        assertThat(frame).contains("cpu 12.5%", "mem 3.0G/4.0G", "load 0.52 0.41 0.3 (2 cores)", "disk 40.0G/100.0G");
        assertThat(frame).contains("› 0   moltbot-gateway", "1   indexer", "2   cron");
        assertThat(frame).contains("█░░░░░ 500.0M"); // 100M of 500M
        assertThat(frame).contains("85% ⚠");
        assertThat(frame).contains("▁▁▂▃▄▅▆▇██ 3.5%");
        assertThat(frame).contains("↺ 10:00:05  health: tcp 127.0.0.1:18789 refused", "↺ 09:00:00  exit code 1");
        assertThat(frame).contains("── out /h/logs/moltbot-gateway-out.log", " listening on 8080", " warning: slow");
        assertThat(frame).contains(MonitScreen.KEYS);
    }

    @Test
    void aNarrowTerminalDropsTheLeastUsefulColumnsFirst() {
        String header = render(Ansi.OFF, 60, 20).get(2);
        assertThat(header).contains("name", "status", "↺", "cpu", "mem", "health").doesNotContain("pid", "uptime");
    }

    @Test
    void aTooSmallTerminalSaysSo() {
        assertThat(render(Ansi.OFF, 30, 8).get(0)).startsWith("terminal too small (30x8)");
    }

    @Test
    void theFilterBeingTypedIsInTheFooterAndAnEmptyResultSaysHowToClearIt() {
        view.onKey(Key.ch('/'));
        "zzz".chars().forEach(c -> view.onKey(Key.ch((char) c)));
        List<String> lines = render(Ansi.OFF, 80, 24);
        assertThat(lines.get(23)).startsWith(" / zzz█");
        assertThat(String.join("\n", lines)).contains("no app matches \"zzz\"; Esc clears the filter");
    }

    @Test
    void theLogsModeGivesTheWholeScreenToOutAndErr() {
        view.onKey(Key.ch('l'));
        List<String> lines = render(Ansi.OFF, 80, 24);
        assertThat(lines.get(0)).contains("logs · moltbot-gateway");
        assertThat(String.join("\n", lines)).contains("── out ", "── err ", "listening on 8080", "warning: slow")
                .doesNotContain("indexer");
        assertThat(lines.get(23)).contains(MonitScreen.LOG_KEYS);
    }

    @Test
    void manyAppsScrollSoTheSelectedOneStaysVisible() {
        List<AppRow> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(app(i, "app" + i, "online", 0, List.of()));
        }
        view.update(many);
        for (int i = 0; i < 25; i++) {
            view.onKey(Key.of(Key.Kind.DOWN));
        }
        assertThat(String.join("\n", render(Ansi.OFF, 80, 24))).contains("› 25  app25");
    }

    @Test
    void appLogLinesLoseTheirEscapeCodes() {
        assertThat(AppLogTail.printable("\u001b[31mred\u001b[0m\tdone\r")).isEqualTo("red done ");
    }

    private static String plain(String line) {
        return line.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}

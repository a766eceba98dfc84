package jsup.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.control.HumanUnits;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class StatusTableTest {

    private static List<JsonNode> apps(String json) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        new ObjectMapper().readTree(json).forEach(list::add);
        return list;
    }

    private static final String TWO = "[{\"id\":0,\"name\":\"moltbot-gateway\",\"pid\":41327,\"status\":\"online\","
            + "\"restarts\":2,\"uptime_ms\":93000,\"cpu\":0.4,\"memory\":73400320,\"health\":\"ok\"},"
            + "{\"id\":1,\"name\":\"w\",\"pid\":0,\"status\":\"errored\",\"restarts\":16,\"uptime_ms\":0,"
            + "\"cpu\":0,\"memory\":0,\"health\":\"none\"}]";

    @Test
    void plainTableHasAlignedColumnsAndNoEscapes() throws Exception {
        String t = StatusTable.render(apps(TWO), Ansi.OFF);
        assertThat(t).doesNotContain("\u001b[").doesNotContain("│");
        List<String> lines = t.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("id name").contains("↺").endsWith("health");
        assertThat(lines.get(1).split("\\s+")).containsExactly("0", "moltbot-gateway", "41327", "online", "2", "1m",
                "0.4%", "70.0M", "ok");
        assertThat(lines.get(2).split("\\s+")).containsExactly("1", "w", "0", "errored", "16", "0s", "0%", "0B", "none");
        assertThat(lines.get(1).indexOf("41327")).isEqualTo(lines.get(2).indexOf("0 "));
    }

    @Test
    void anOnlineAppNotReadyYetSaysSoWithWhatItLastSaid() throws Exception {
        String t = StatusTable.render(apps("[{\"id\":0,\"name\":\"a\",\"pid\":5,\"status\":\"online\","
                + "\"ready\":false,\"notify_status\":\"loading the model, 3 of 12 shards done\",\"health\":\"none\"},"
                + "{\"id\":1,\"name\":\"b\",\"pid\":6,\"status\":\"online\",\"ready\":true,\"notify_status\":null,"
                + "\"health\":\"none\"}]"), Ansi.OFF);
        List<String> lines = t.lines().toList();
        assertThat(lines.get(1)).contains(" online (not ready): loading the model, 3 of… ");
        assertThat(lines.get(2).split("\\s+")[3]).isEqualTo("online");
        assertThat(StatusTable.render(apps("[{\"id\":0,\"name\":\"a\",\"pid\":5,\"status\":\"online\","
                + "\"ready\":true,\"notify_status\":\"serving\",\"health\":\"none\"}]"), Ansi.ON))
                .contains("\u001b[32monline\u001b[0m: serving");
    }

    @Test
    void terminalTableIsBoxedAndColoured() throws Exception {
        String t = StatusTable.render(apps(TWO), Ansi.ON);
        assertThat(t).startsWith("┌").contains("│").contains("\u001b[32monline\u001b[0m")
                .contains("\u001b[31merrored\u001b[0m");
    }

    @Test
    void healthCellShowsADashForStoppedAppsAndTheInotifyMark() throws Exception {
        String t = StatusTable.render(apps("[{\"id\":0,\"name\":\"a\",\"pid\":0,\"status\":\"stopped\","
                + "\"health\":\"stopped\"},{\"id\":1,\"name\":\"b\",\"pid\":5,\"status\":\"online\","
                + "\"health\":\"ok\",\"inotify_warning\":true},{\"id\":2,\"name\":\"c\",\"pid\":6,"
                + "\"status\":\"online\",\"health\":\"inotify-warning\",\"inotify_warning\":true}]"), Ansi.OFF);
        List<String> lines = t.lines().toList();
        assertThat(lines.get(1)).endsWith(" -");
        assertThat(lines.get(2)).endsWith(" ok ⚠ inotify");
        assertThat(lines.get(3)).endsWith(" inotify-warning").doesNotContain("⚠");
        assertThat(StatusTable.render(apps("[{\"id\":1,\"name\":\"b\",\"pid\":5,\"status\":\"online\","
                + "\"health\":\"ok\",\"inotify_warning\":true}]"), Ansi.ON))
                .contains("\u001b[32mok\u001b[0m \u001b[33m⚠ inotify\u001b[0m");
    }

    @Test
    void aWideEnoughTerminalGetsEveryColumn() throws Exception {
        String all = StatusTable.render(apps(TWO), Ansi.ON);
        int natural = all.lines().mapToInt(l -> l.codePointCount(0, l.length())).max().orElseThrow();
        assertThat(StatusTable.render(apps(TWO), Ansi.ON, natural)).isEqualTo(all);
    }

    @Test
    void aNarrowTerminalDropsColumnsInOrderAndKeepsNameStatusAndHealth() throws Exception {
        for (Ansi ansi : new Ansi[] {Ansi.OFF, Ansi.ON}) {
            for (int width : new int[] {70, 60, 50, 40}) {
                String t = StatusTable.render(apps(TWO), ansi, width);
                String plain = t.replaceAll("\u001b\\[[0-9;]*m", "");
                assertThat(plain.lines()).as("%s at %d:%n%s", ansi.enabled(), width, plain)
                        .allMatch(l -> l.codePointCount(0, l.length()) <= width);
                String header = plain.lines().filter(l -> l.contains("name")).findFirst().orElseThrow();
                assertThat(header).contains("status").contains("health");
            }
        }
        // Plain, every column needs 60 characters; each narrower width costs the next column in line.
        assertThat(header(59)).containsExactly("id", "name", "status", "↺", "uptime", "cpu", "mem", "health");
        assertThat(header(53)).containsExactly("id", "name", "status", "↺", "cpu", "mem", "health");
        assertThat(header(40)).containsExactly("id", "name", "status", "mem", "health");
        assertThat(header(34)).containsExactly("name", "status", "health");
    }

    private static String[] header(int width) throws Exception {
        return StatusTable.render(apps(TWO), Ansi.OFF, width).lines().findFirst().orElseThrow().split("\\s+");
    }

    @Test
    void aVeryNarrowTerminalShortensLongNames() throws Exception {
        String t = StatusTable.render(apps(TWO), Ansi.OFF, 25);
        assertThat(t).contains("moltbot-g…").doesNotContain("moltbot-gateway");
        assertThat(t.lines()).allMatch(l -> l.codePointCount(0, l.length()) <= 25);
    }

    @Test
    void widthComesFromColumnsThenTheTerminalAndIsUnlimitedWhenPiped() {
        assertThat(TerminalWidth.of(java.util.Map.of("COLUMNS", "72"), false)).isEqualTo(72);
        assertThat(TerminalWidth.of(java.util.Map.of("COLUMNS", "wide"), false)).isEqualTo(StatusTable.UNLIMITED);
        assertThat(TerminalWidth.of(java.util.Map.of(), false)).isEqualTo(StatusTable.UNLIMITED);
    }

    @Test
    void unitsReadLikePm2() {
        assertThat(HumanUnits.uptime(59_999)).isEqualTo("59s");
        assertThat(HumanUnits.uptime(3_600_000)).isEqualTo("1h");
        assertThat(HumanUnits.uptime(2 * 86_400_000L)).isEqualTo("2D");
        assertThat(HumanUnits.bytes(512)).isEqualTo("512B");
        assertThat(HumanUnits.bytes(1536)).isEqualTo("1.5K");
        assertThat(HumanUnits.cpu(12.25)).isEqualTo("12.3%");
    }
}

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
    void terminalTableIsBoxedAndColoured() throws Exception {
        String t = StatusTable.render(apps(TWO), Ansi.ON);
        assertThat(t).startsWith("┌").contains("│").contains("\u001b[32monline\u001b[0m")
                .contains("\u001b[31merrored\u001b[0m");
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

package jsup.supervisor.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrowserViewTest {

    @Test
    void noConfigOrEnvironmentReachesTheBrowser() throws Exception {
        JsonNode described = DashboardReplies.JSON.readTree("""
                {"name": "bot", "status": "online", "pid": 7, "restarts": 2, "memory": 100,
                 "env": {"BOT_TOKEN": "s3cr3t-env"},
                 "metrics": {"memory_limit_bytes": 1000, "cpu_seconds_total": 3},
                 "config": {"script": "/srv/bot.js", "cwd": "/srv", "max_memory_restart": "300M",
                            "notify": {"telegram": [{"token": "s3cr3t-bot", "chat_id": "1"}]},
                            "env": {"API_KEY": "s3cr3t-key"}},
                 "restart_history": [{"at": "2026-12-07T20:00:00Z", "reason": "crash", "uptime_ms": 5, "extra": "x"}]}
                """);
        String table = BrowserView.table(DashboardReplies.JSON.createArrayNode().add(described)).toString();
        String page = BrowserView.detail(described, List.of(new UsageHistory.Point(1, 2.5f, 100))).toString();
        for (String shown : List.of(table, page)) {
            assertThat(shown).doesNotContain("s3cr3t").doesNotContain("BOT_TOKEN").doesNotContain("API_KEY");
        }
        JsonNode p = DashboardReplies.JSON.readTree(page);
        assertThat(p.path("memory_limit").asLong()).isEqualTo(1000);
        assertThat(p.path("script").asText()).isEqualTo("/srv/bot.js");
        assertThat(p.path("restart_history").get(0).has("extra")).isFalse();
        assertThat(p.path("history").get(0).toString()).isEqualTo("[1,2.5,100]");
    }
}

package jsup.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AppDescriptionTest {

    private static JsonNode app(String inotify, boolean warning) throws Exception {
        return new ObjectMapper().readTree("{\"id\":0,\"name\":\"gw\",\"status\":\"online\",\"want\":\"up\",\"pid\":42,"
                + "\"uptime_ms\":1000,\"restarts\":0,\"unstable_restarts\":0,\"health\":\"ok\",\"health_failures\":0,"
                + "\"inotify_warning\":" + warning + ",\"inotify_detail\":" + (warning ? "\"watches 90% of 100\"" : "null")
                + ",\"inotify\":" + inotify + ",\"out_file\":\"/l/gw-out.log\",\"error_file\":\"/l/gw-error.log\"}");
    }

    @Test
    void showsTheAppsInotifyUseAgainstItsUsersLimits() throws Exception {
        String text = AppDescription.render(app("{\"at\":\"2026-11-28T10:00:00Z\",\"uid\":1000,\"instances\":3,"
                + "\"watches\":1500,\"user_instances\":9,\"user_watches\":4100,\"max_user_instances\":128,"
                + "\"max_user_watches\":524288}", false), Ansi.OFF, TimeFormat.utc());
        assertThat(text).contains("3 instances, 1500 watches (user: 9/128 instances, 4100/524288 watches)");
        assertThat(text).doesNotContain("warning");
    }

    @Test
    void showsTheWarningAndNoNumbersBeforeTheFirstReading() throws Exception {
        String text = AppDescription.render(app("null", true), Ansi.OFF, TimeFormat.utc());
        assertThat(text).contains("warning: watches 90% of 100").doesNotContain("instances,");
    }

    @Test
    void showsEachHeldSocketWithItsAddressAndItsFdInTheApp() throws Exception {
        JsonNode app = new ObjectMapper().readTree("{\"name\":\"web\",\"status\":\"online\",\"pid\":42,"
                + "\"sockets\":[{\"name\":\"http\",\"listen\":\"127.0.0.1:0\",\"bound\":\"127.0.0.1:40211\","
                + "\"fd\":3},{\"name\":\"admin\",\"listen\":\"/run/a.sock\",\"bound\":\"/run/a.sock\",\"fd\":4}]}");
        assertThat(AppDescription.render(app, Ansi.OFF, TimeFormat.utc()))
                .containsPattern("socket http +127\\.0\\.0\\.1:40211 \\(fd 3 in the app, held by jsupd across restarts\\)\n")
                .containsPattern("socket admin +/run/a\\.sock \\(fd 4 in the app");
    }

    @Test
    void timesAreLocalWithMillisecondsOrUtcWithAZ() throws Exception {
        JsonNode app = new ObjectMapper().readTree("{\"name\":\"gw\",\"status\":\"online\",\"pid\":42,"
                + "\"started_at\":\"2026-11-28T10:00:00.123456789Z\","
                + "\"restart_history\":[{\"at\":\"2026-11-28T09:00:00.5Z\",\"reason\":\"manual\",\"uptime_ms\":1}],"
                + "\"transitions\":[{\"at\":\"2026-11-28T09:59:59.999999Z\",\"from\":null,\"to\":\"online\"}],"
                + "\"health_results\":[{\"at\":\"2026-11-28T10:01:00Z\",\"probe\":\"tcp\",\"ok\":true}]}");

        String tokyo = AppDescription.render(app, Ansi.OFF, TimeFormat.local(java.time.ZoneId.of("Asia/Tokyo")));
        assertThat(tokyo).containsPattern("started at +2026-11-28T19:00:00.123\n")
                .contains("  2026-11-28T18:00:00.500  manual").contains("  2026-11-28T18:59:59.999  - → online")
                .contains("  2026-11-28T19:01:00.000  ok").doesNotContain("456789").doesNotContain("Z ");

        String utc = AppDescription.render(app, Ansi.OFF, TimeFormat.utc());
        assertThat(utc).contains("2026-11-28T10:00:00.123Z").contains("  2026-11-28T09:00:00.500Z  manual")
                .doesNotContain("456789");
    }
}

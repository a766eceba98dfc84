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
                + "\"max_user_watches\":524288}", false), Ansi.OFF);
        assertThat(text).contains("3 instances, 1500 watches (user: 9/128 instances, 4100/524288 watches)");
        assertThat(text).doesNotContain("warning");
    }

    @Test
    void showsTheWarningAndNoNumbersBeforeTheFirstReading() throws Exception {
        String text = AppDescription.render(app("null", true), Ansi.OFF);
        assertThat(text).contains("warning: watches 90% of 100").doesNotContain("instances,");
    }
}

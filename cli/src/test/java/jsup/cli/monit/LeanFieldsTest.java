package jsup.cli.monit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import jsup.cli.render.Ansi;
import jsup.cli.render.StatusTable;
import org.junit.jupiter.api.Test;

/**
 * monit and jsup list's table ask jsupd for their fields only ({@code list}'s {@code fields}): what they show
 * from such a lean answer is what they show from the whole app object, so no field they read is left out.
 */
class LeanFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every field of the protocol's app object, with values that show in the table and on monit's screen. */
    private static final String WHOLE = "{\"id\": 3, \"name\": \"api:1\", \"namespace\": \"web\", \"instance\": 1,"
            + " \"instance_of\": \"api\", \"status\": \"online\", \"ready\": false, \"notify_status\": \"warming up\","
            + " \"want\": \"up\", \"pid\": 41327, \"started_at\": \"2025-05-01T10:00:00Z\", \"uptime_ms\": 93000,"
            + " \"restarts\": 2, \"unstable_restarts\": 0, \"last_exit\": \"exit code 1\", \"status_reason\": null,"
            + " \"cpu\": 0.4, \"memory\": 73400320, \"health\": \"ok\", \"health_failures\": 0,"
            + " \"inotify_warning\": true, \"inotify_detail\": \"user watches 90% of max_user_watches\","
            + " \"next_cron\": null, \"watch\": \"off\", \"watch_watches\": 0, \"watch_warning\": null, \"sockets\": [],"
            + " \"inotify\": {\"at\": \"2025-05-01T10:00:00Z\", \"uid\": 1000, \"instances\": 3, \"watches\": 1500,"
            + " \"user_instances\": 9, \"user_watches\": 4100, \"max_user_instances\": 128, \"max_user_watches\": 8192},"
            + " \"out_file\": \"/h/logs/api-out-1.log\", \"error_file\": \"/h/logs/api-error-1.log\", \"log_file\": null,"
            + " \"restart_history\": [{\"at\": \"2025-05-01T09:58:30Z\", \"reason\": \"exit code 1\", \"uptime_ms\": 3},"
            + " {\"at\": \"2025-05-01T09:59:30Z\", \"reason\": \"manual\", \"uptime_ms\": 60000}],"
            + " \"transitions\": [{\"at\": \"2025-05-01T09:58:30Z\", \"from\": \"online\", \"to\": \"stopping\","
            + " \"reason\": \"manual\"}], \"health_results\": []}";

    private static JsonNode whole() throws Exception {
        return JSON.readTree(WHOLE);
    }

    /** The app object as jsupd sends it for {@code fields}: only those. */
    private static JsonNode only(List<String> fields) throws Exception {
        ObjectNode o = (ObjectNode) whole();
        o.retain(fields);
        return o;
    }

    @Test
    void monitsRowFromItsFieldsIsTheRowFromTheWholeObject() throws Exception {
        assertThat(AppRow.of(only(MonitSource.SHOWN), 524288000L)).isEqualTo(AppRow.of(whole(), 524288000L));
        assertThat(MonitSource.SHOWN).doesNotContain("transitions", "health_results", "sockets", "metrics");
    }

    @Test
    void theTableFromItsFieldsIsTheTableFromTheWholeObject() throws Exception {
        for (Ansi ansi : new Ansi[] {Ansi.OFF, Ansi.ON}) {
            assertThat(StatusTable.render(List.of(only(StatusTable.FIELDS)), ansi))
                    .isEqualTo(StatusTable.render(List.of(whole()), ansi));
        }
        assertThat(StatusTable.names(List.of(only(StatusTable.FIELDS)))).isEqualTo("api:1\n");
        // monit's plain frames print this table from monit's answer
        assertThat(MonitSource.SHOWN).containsAll(StatusTable.FIELDS);
    }
}

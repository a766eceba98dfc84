package jsup.supervisor.daemon;

import static jsup.supervisor.daemon.DaemonFixture.WAIT;
import static jsup.supervisor.daemon.DaemonFixture.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jsup.supervisor.control.ControlException;
import jsup.supervisor.control.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * {@code list} with {@code fields} on a real jsupd: the answer holds exactly the named fields with the values
 * of the whole object, and a field the app object does not have is refused naming it. (jsup monit and
 * jsup list's table ask this way, so jsupd neither builds nor sends what they do not show.)
 */
class JsupdListFieldsTest extends SharedDaemonTest {

    @Test
    void listWithFieldsSendsOnlyThoseFieldsWithTheWholeObjectsValues() throws Exception {
        deploy("fields.json", app("lean", fx.sleeper("lean"), ""));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> mine(fx.call("list", DaemonFixture.args())).path("status").asText().equals("online"));

        ObjectNode args = DaemonFixture.args();
        args.putArray("fields").add("name").add("status").add("pid").add("restart_history").add("instance_of");
        JsonNode lean = mine(fx.call("list", args));
        JsonNode whole = mine(fx.call("list", DaemonFixture.args()));

        assertThat(fieldNames(lean)).containsExactlyInAnyOrder("name", "status", "pid", "restart_history",
                "instance_of");
        for (String f : fieldNames(lean)) {
            assertThat(lean.get(f)).as(f).isEqualTo(whole.get(f));
        }
        assertThat(whole.has("transitions")).isTrue(); // without fields, the whole object as before
    }

    @Test
    void metricsComeOnlyWhenFieldsNameThem() throws Exception {
        deploy("metrics.json", app("figures", fx.sleeper("figures"), ""));
        ObjectNode without = DaemonFixture.args().put("metrics", true);
        without.putArray("fields").add("name");
        assertThat(fieldNames(mine(fx.call("list", without)))).containsExactly("name");

        ObjectNode with = DaemonFixture.args().put("metrics", true);
        with.putArray("fields").add("name").add("metrics");
        assertThat(mine(fx.call("list", with)).path("metrics").has("memory_bytes")).isTrue();
    }

    @Test
    void anUnknownFieldIsRefusedNamingItAndTheKnownOnes() {
        ObjectNode args = DaemonFixture.args();
        args.putArray("fields").add("name").add("colour");
        assertThatThrownBy(() -> fx.call("list", args))
                .isInstanceOfSatisfying(ControlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("\"colour\"").contains("restart_history");
                });
    }

    /** The one app of this test in a list answer (the shared daemon may hold other tests' apps). */
    private JsonNode mine(JsonNode result) {
        for (JsonNode a : result.path("apps")) {
            if (created.contains(a.path("name").asText())) {
                return a;
            }
        }
        throw new AssertionError("no app of this test in " + result);
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

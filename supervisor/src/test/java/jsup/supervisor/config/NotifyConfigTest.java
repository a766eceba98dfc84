package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code notify} blocks: the top-level one, an app's extending or turning it off, checks, and the dump round trip. */
class NotifyConfigTest extends LoaderTestSupport {

    private static final String FILE = """
            {"notify": {"webhook": "${SLACK_URL}", "events": ["errored", "restart"]},
             "apps": [
              {"name": "a", "script": "./server", "interpreter": "none"},
              {"name": "b", "script": "./server", "interpreter": "none",
               "notify": {"telegram": {"token": "${TG_TOKEN}", "chat_id": -100123},
                          "exec": "logger \\"$JSUP_TEXT\\"", "rate_limit": "5m"}},
              {"name": "c", "script": "./server", "interpreter": "none", "notify": false}
            ]}
            """;

    @Test
    void anAppsBlockAddsSinksToTheTopOneAndReplacesItsSettings() throws Exception {
        Ecosystem eco = load("ecosystem.json", FILE);
        NotifySpec a = eco.apps().get(0).notifications();
        NotifySpec b = eco.apps().get(1).notifications();
        assertThat(a.sinks()).containsExactly(new NotifySink.Webhook("${SLACK_URL}", Map.of(), NotifySink.TIMEOUT));
        assertThat(a.events()).isEqualTo(Set.of("errored", "restart"));
        assertThat(a.rateLimit()).isEqualTo(Duration.ofMinutes(1));
        assertThat(b.sinks()).containsExactly(a.sinks().get(0),
                new NotifySink.Telegram("${TG_TOKEN}", "-100123", "https://api.telegram.org", NotifySink.TIMEOUT),
                new NotifySink.Exec("logger \"$JSUP_TEXT\"", NotifySink.TIMEOUT));
        assertThat(b.rateLimit()).isEqualTo(Duration.ofMinutes(5));
        assertThat(b.events()).isEqualTo(Set.of("errored", "restart"));
        assertThat(eco.apps().get(2).notifications()).isNull();
        assertThat(eco.warnings()).isEmpty();
    }

    @Test
    void theDumpKeepsReferencesAndReadsBackEqual() throws Exception {
        Ecosystem eco = load("ecosystem.json", FILE);
        ObjectNode dump = JsonNodeFactory.instance.objectNode();
        var apps = dump.putArray("apps");
        eco.apps().forEach(app -> apps.add(AppSpecJson.toJson(app)));
        assertThat(dump.toString()).contains("${TG_TOKEN}").contains("${SLACK_URL}");
        assertThat(fx.loader().load(dump, fx.project, null).apps()).isEqualTo(eco.apps());
    }

    @Test
    void withoutABlockAnAppHasNoNotifications() throws Exception {
        assertThat(load("ecosystem.json", "{\"apps\": [{\"script\": \"./server\", \"interpreter\": \"none\"}]}")
                .apps().get(0).notifications()).isNull();
    }

    @Test
    void badBlocksAreRefusedNamingPathValueAndFix() {
        List<ConfigProblem> problems = problems("""
                {"notify": {"webhook": "ftp://x", "telegram": {"chat_id": true}, "events": ["crashed"],
                            "rate_limit": "soon"},
                 "apps": [{"script": "./server", "interpreter": "none", "notify": {"exec": {"timeout": 0}}},
                          {"script": "./server", "interpreter": "none", "name": "n", "notify": true},
                          {"script": "./server", "interpreter": "none", "name": "m", "notify": {"events": "errored"}}]}
                """);
        assertThat(problems).extracting(ConfigProblem::toString).anySatisfy(p -> assertThat(p)
                        .startsWith("notify.webhook: \"ftp://x\" is not an http(s) URL"))
                .anySatisfy(p -> assertThat(p).startsWith("notify.telegram.token: is missing"))
                .anySatisfy(p -> assertThat(p).startsWith("notify.telegram.chat_id: true is not a chat id"))
                .anySatisfy(p -> assertThat(p).startsWith("notify.events: \"crashed\" is not an event; use errored,"))
                .anySatisfy(p -> assertThat(p).startsWith("notify.rate_limit: "))
                .anySatisfy(p -> assertThat(p).startsWith("apps[0].notify.exec.command: is missing"))
                .anySatisfy(p -> assertThat(p).startsWith("apps[0].notify.exec.timeout: is 0"))
                .anySatisfy(p -> assertThat(p).startsWith("apps[2].notify: has no sink; add"));
    }
}

package jsup.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import jsup.cli.logs.LogLine;
import jsup.cli.logs.LogSource;
import org.junit.jupiter.api.Test;

/** {@code jsup run --json}: one object per line with time, app, instance, stream and line, for log shippers. */
class JsonRunOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsOneObjectWithTheFiveFields() throws Exception {
        StringWriter text = new StringWriter();
        JsonRunOutput out = new JsonRunOutput(new PrintWriter(text));
        out.appLine(new LogLine(new LogSource("web", "err", Path.of("/dev/null")), "a \"quoted\"\ttab ünï"));
        out.transition(Instant.parse("2026-12-07T15:04:05.123456Z"), "web", null, "launching", "start requested");
        out.event(Instant.parse("2026-12-07T15:04:06Z"), null, "SIGTERM: stopping every app");
        out.warning("no such key");
        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(4);

        JsonNode app = JSON.readTree(lines[0]);
        assertThat(app.fieldNames()).toIterable().containsExactly("time", "app", "instance", "stream", "line");
        assertThat(app.get("app").asText()).isEqualTo("web");
        assertThat(app.get("instance").asInt()).isZero();
        assertThat(app.get("stream").asText()).isEqualTo("err");
        assertThat(app.get("line").asText()).isEqualTo("a \"quoted\"\ttab ünï");
        assertThat(Instant.parse(app.get("time").asText())).isNotNull();

        JsonNode change = JSON.readTree(lines[1]);
        assertThat(change.get("time").asText()).isEqualTo("2026-12-07T15:04:05.123Z");
        assertThat(change.get("stream").asText()).isEqualTo("jsup");
        assertThat(change.get("line").asText()).isEqualTo("- → launching (start requested)");

        JsonNode event = JSON.readTree(lines[2]);
        assertThat(event.get("app").isNull()).isTrue();
        assertThat(event.get("line").asText()).isEqualTo("SIGTERM: stopping every app");
        assertThat(JSON.readTree(lines[3]).get("line").asText()).isEqualTo("warning: no such key");
    }
}

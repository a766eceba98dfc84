package jsup.cli.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The streaming parser and printer against what ObjectMapper reads and prints (as the picocli commands do). */
class JsonTreesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final String[] DOCUMENTS = {
        "{\"apps\":[]}",
        "[]",
        "{}",
        "{\"a\":{},\"b\":[],\"c\":[[],{}],\"d\":null,\"e\":true,\"f\":false}",
        "{\"int\":42,\"neg\":-7,\"long\":12345678901,\"big\":123456789012345678901234567890,\"min\":-9223372036854775808}",
        "{\"d\":0.0,\"neg0\":-0.0,\"tenth\":0.1,\"tiny\":1e-7,\"huge\":1.5E300,\"pct\":12.5,\"exp\":2e3}",
        "{\"s\":\"quote \\\" backslash \\\\ slash / tab \\t nl \\n cr \\r ctl \\u0001 \\u001f del \\u007f\"}",
        "{\"uni\":\"wörker-名前 ↺ 😀\",\"esc\":\"\\u00e9\\ud83d\\ude00\",\"empty\":\"\"}",
        "{\"dup\":1,\"other\":2,\"dup\":3}",
        "[1,\"two\",[3,[4,{\"five\":[5.5]}]],{\"x\":[{\"y\":[]}]}]",
        "  {\"spaced\" :  [ 1 , 2 ]  }  ",
        "\"just a string\"",
        "123",
    };

    @Test
    void readsTheTreeObjectMapperReads() throws IOException {
        for (String doc : DOCUMENTS) {
            JsonNode ours = JsonTrees.parse(doc);
            JsonNode theirs = MAPPER.readTree(doc);
            assertThat(ours).as(doc).isEqualTo(theirs);
            assertThat(ours.getClass()).as(doc).isEqualTo(theirs.getClass());
        }
        assertThat(JsonTrees.parse("{\"n\":1}").get("n").getClass())
                .isEqualTo(MAPPER.readTree("{\"n\":1}").get("n").getClass());
        assertThat(JsonTrees.parse("{\"n\":12345678901}").get("n").isLong()).isTrue();
        assertThat(JsonTrees.parse("{\"n\":0.5}").get("n").isDouble()).isTrue();
    }

    @Test
    void printsWhatObjectMapperWithIndentOutputPrints() throws IOException {
        for (String doc : DOCUMENTS) {
            JsonNode tree = MAPPER.readTree(doc);
            assertThat(JsonTrees.pretty(JsonTrees.parse(doc))).as(doc).isEqualTo(PRETTY.writeValueAsString(tree));
        }
    }

    @Test
    void rejectsWhatIsNotOneJsonValue() {
        assertThatThrownBy(() -> JsonTrees.parse("")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonTrees.parse("{\"a\":1} {\"b\":2}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonTrees.parse("{\"a\":")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JsonTrees.parse("{\"a\":tru}")).isInstanceOf(IOException.class);
    }
}

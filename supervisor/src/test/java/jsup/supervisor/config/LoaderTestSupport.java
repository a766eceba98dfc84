package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link ConfigFixture} per test, and the two things loader tests ask: load this text, or why not. */
abstract class LoaderTestSupport {

    @TempDir
    Path tmp;

    ConfigFixture fx;

    @BeforeEach
    void createFixture() {
        fx = new ConfigFixture(tmp);
    }

    /** Writes {@code text} as {@code fileName} in the project folder and loads it. */
    Ecosystem load(String fileName, String text) throws ConfigException {
        return fx.loader().load(fx.ecosystem(fileName, text), null);
    }

    /** Writes and loads {@code text}, which must be refused with a message that starts with the file's path. */
    List<ConfigProblem> problems(String fileName, String text) {
        Path file = fx.ecosystem(fileName, text);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> fx.loader().load(file, null));
        assertThat(e).as("%s should be refused", fileName).isNotNull();
        assertThat(e.getMessage()).startsWith(file.toString());
        return e.problems();
    }

    List<ConfigProblem> problems(String json) {
        return problems("ecosystem.json", json);
    }

    /**
     * Loads {@code text}, writes its first app as jsupd's dump does ({@link AppSpecJson}) into another folder, and
     * checks that loading the dump gives the same app.
     */
    void assertSurvivesTheDumpRoundTrip(String text) throws Exception {
        List<AppSpec> original = fx.loader().load(fx.ecosystem("e.json", text), null).apps();
        ObjectNode dump = JsonNodeFactory.instance.objectNode();
        dump.putArray("apps").add(AppSpecJson.toJson(original.get(0)));
        Path elsewhere = ConfigFixture.mkdirs(tmp.resolve("elsewhere"));
        Path dumpFile = Files.writeString(elsewhere.resolve("dump.json"), dump.toPrettyString());
        assertThat(fx.loader().load(dumpFile, null).apps()).isEqualTo(original);
    }
}

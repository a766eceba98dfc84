package jsup.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code channels.telegram.customCommands}, checked as the Bot API's setMyCommands requires. */
class CustomCommandsTest {

    @TempDir
    Path dir;

    private ConfigLoad load(String customCommands) throws Exception {
        Path file = dir.resolve("moltbot.json");
        Files.writeString(file, "{ \"channels\": { \"telegram\": { \"enabled\": false, \"customCommands\": " + customCommands + " } } }");
        return new GatewayConfigLoader(Map.of()).load(new ConfigLocation(file, true, dir));
    }

    private static String warning(ConfigLoad load, String path) {
        return load.warnings().stream().filter(p -> p.path().equals(path)).map(ConfigProblem::message).findFirst().orElseThrow();
    }

    @Test
    void keepsValidEntriesAndLeavesOutWhatTelegramWouldRefuseNamingTheRule() throws Exception {
        ConfigLoad load = load("""
                [ { "command": "/Backup", "description": "Git backup", "reply": "Backups run nightly at 03:00." },
                  { "command": "summary", "description": "Summarise the day", "prompt": "Summarise what happened today." },
                  { "command": "deploy", "description": "Ask the model about a deploy" },
                  { "command": "bad-name", "description": "dash" },
                  { "command": "this_name_is_far_too_long_for_telegram", "description": "x" },
                  { "command": "empty", "description": " " },
                  { "command": "long", "description": "%s" },
                  { "command": "status", "description": "clash" },
                  { "command": "backup", "description": "again" },
                  { "command": "both", "description": "b", "reply": "r", "prompt": "p" } ]
                """.formatted("d".repeat(257)));

        assertThat(load.problems()).isEmpty();
        assertThat(load.config().commands().custom()).extracting(CustomCommand::command)
                .containsExactly("backup", "summary", "deploy", "both");
        assertThat(load.config().commands().custom().get(0))
                .isEqualTo(new CustomCommand("backup", "Git backup", "Backups run nightly at 03:00.", null));
        String at = "channels.telegram.customCommands";
        assertThat(warning(load, at + "[3]")).isEqualTo("left out: the command must be 1-32 characters of a-z, 0-9 and _ (got \"bad-name\")");
        assertThat(warning(load, at + "[4]")).startsWith("left out: the command must be 1-32 characters");
        assertThat(warning(load, at + "[5]")).isEqualTo("left out: the description must not be empty");
        assertThat(warning(load, at + "[6]")).isEqualTo("left out: the description has 257 characters; Telegram allows 256");
        assertThat(warning(load, at + "[7]")).isEqualTo("left out: /status is a built-in command; pick another name");
        assertThat(warning(load, at + "[8]")).isEqualTo("left out: /backup appears twice; the first one is kept");
        assertThat(warning(load, at + "[9]")).isEqualTo("has both reply and prompt; the reply is used");
        assertThat(load.config().commands().custom().get(3).prompt()).isNull();
    }

    @Test
    void warnsWhenBuiltInsPlusCustomExceedTheMenusHundred() throws Exception {
        String entries = IntStream.range(0, 120).mapToObj(i -> "{ \"command\": \"c" + i + "\", \"description\": \"custom " + i + "\" }")
                .collect(Collectors.joining(", ", "[", "]"));
        ConfigLoad load = load(entries);

        assertThat(load.config().commands().custom()).hasSize(120);
        assertThat(warning(load, "channels.telegram.customCommands")).isEqualTo("120 custom commands, but the menu holds 100 entries"
                + " and 6 are built-in: /c94 and the 25 after it are left out of the menu (they still answer when typed)");
    }

    @Test
    void aListThatIsNotAListIsAProblem() throws Exception {
        assertThat(load("{ \"command\": \"x\" }").problems().toString()).contains("channels.telegram.customCommands: expected a list");
    }
}

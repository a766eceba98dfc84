package jsup.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config search without --config or *_CONFIG_PATH, in upstream's order. */
class ConfigSearchTest {

    @TempDir
    Path home;

    private Path write(String relative) throws Exception {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
        return file;
    }

    private ConfigLocation resolve(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("HOME", home.toString());
        return ConfigLocation.resolve(null, env);
    }

    @Test
    void findsTheSeedsClawdbotFileBeforeTheMoltbotOne() throws Exception {
        write(".moltbot/moltbot.json");
        Path seed = write(".clawdbot/moltbot.json");

        ConfigLocation found = resolve(Map.of());

        assertThat(found.configPath()).isEqualTo(seed);
        assertThat(found.explicit()).isFalse();
        assertThat(found.stateDir()).isEqualTo(home.resolve(".clawdbot"));
        assertThat(found.origin()).isEqualTo("found by the config search");
        assertThat(found.dotEnvPath()).isEqualTo(home.resolve(".clawdbot/.env"));
        assertThat(found.agentConfigPath()).isEqualTo(home.resolve(".clawdbot/agents/main/config.json"));
    }

    @Test
    void followsUpstreamsOrderOfFoldersThenNames() throws Exception {
        write(".moldbot/moldbot.json");
        assertThat(resolve(Map.of()).configPath()).isEqualTo(home.resolve(".moldbot/moldbot.json"));
        write(".moltbot/moltbot.json");
        assertThat(resolve(Map.of()).configPath()).isEqualTo(home.resolve(".moltbot/moltbot.json"));
        write(".clawdbot/clawdbot.json");
        write(".clawdbot/moltbot.json");
        assertThat(resolve(Map.of()).configPath()).as("clawdbot.json before moltbot.json in one folder")
                .isEqualTo(home.resolve(".clawdbot/clawdbot.json"));
        write(".openclaw/openclaw.json");
        assertThat(resolve(Map.of()).configPath()).isEqualTo(home.resolve(".openclaw/openclaw.json"));
        Path state = write("state/moltbot.json");
        ConfigLocation fromState = resolve(Map.of("MOLTBOT_STATE_DIR", state.getParent().toString()));
        assertThat(fromState.configPath()).as("the state folder named in the environment comes first").isEqualTo(state);
    }

    @Test
    void withNoFileItUsesUpstreamsDefaultAndSaysNoneWasFound() {
        ConfigLocation none = resolve(Map.of());
        assertThat(none.configPath()).isEqualTo(home.resolve(".openclaw/openclaw.json"));
        assertThat(none.explicit()).isFalse();
        assertThat(none.origin()).isEqualTo("none of the 16 places of the config search has a file");
        assertThat(ConfigSearch.candidates(Map.of("HOME", home.toString()), null)).hasSize(16)
                .startsWith(home.resolve(".openclaw/openclaw.json"), home.resolve(".openclaw/clawdbot.json"))
                .endsWith(home.resolve(".moldbot/moldbot.json"));
    }

    @Test
    void aNamedFileSaysWhereItsNameCameFrom() {
        assertThat(ConfigLocation.resolve("/x/flag.json", Map.of("HOME", home.toString())).origin()).isEqualTo("--config");
        assertThat(ConfigLocation.resolve(null, Map.of("HOME", home.toString(), "CLAWDBOT_CONFIG_PATH", "/y/c.json")).origin())
                .isEqualTo("$CLAWDBOT_CONFIG_PATH");
    }
}

package jsup.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jsup.gateway.logging.Secrets;
import jsup.gateway.model.ModelRef;
import jsup.gateway.model.ProviderSettings;
import jsup.gateway.model.TaskType;
import jsup.gateway.telegram.TelegramSettings.DmPolicy;
import jsup.gateway.telegram.TelegramSettings.StreamMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigLoaderTest {

    @TempDir
    Path dir;

    private ConfigLoad load(String json, Map<String, String> env) throws Exception {
        Path file = dir.resolve("moltbot.json");
        Files.writeString(file, json);
        return new GatewayConfigLoader(env).load(new ConfigLocation(file, true, dir));
    }

    @Test
    void readsTheSeedDeploymentsConfigWithUpstreamKeyNames() throws Exception {
        Files.writeString(dir.resolve(".env"), "# keys\nOPENROUTER_API_KEY=sk-or-v1-dotenvkey0123456789abcdef\nexport TG_TOKEN=\"123456:AAtoken_from_dotenv_0123456789abcdef\"\n");
        ConfigLoad load = load("""
                {
                  // upstream writes JSON5: comments and trailing commas are fine
                  "gateway": { "port": 18789, "bind": "loopback", "mode": "local" },
                  "channels": { "telegram": {
                      "enabled": true, "botToken": "${TG_TOKEN}", "dmPolicy": "allowlist",
                      "allowFrom": [876311493, "tg:42"], "streamMode": "block", "textChunkLimit": 3500,
                      "commands": { "native": false } } },
                  "commands": { "restart": true, "native": "auto", "nativeSkills": false },
                  "agents": { "defaults": {
                      "model": { "primary": "openrouter/mistralai/devstral-2512",
                                 "fallbacks": ["openrouter/google/gemini-2.0-flash-001", "openrouter/meta-llama/llama-3.3-70b-instruct:free"] },
                      "taskRouting": { "fileAnalysis": "openrouter/google/gemini-2.0-flash-001",
                                       "creative": "openrouter/meta-llama/llama-3.3-70b-instruct:free" },
                      "historyLimit": 12 } },
                }
                """, Map.of());

        assertThat(load.problems()).isEmpty();
        GatewayConfig c = load.config();
        assertThat(c.gateway().port()).isEqualTo(18789);
        assertThat(c.gateway().bindHost()).isEqualTo("127.0.0.1");
        assertThat(c.telegram().botToken()).isEqualTo("123456:AAtoken_from_dotenv_0123456789abcdef");
        assertThat(c.telegram().allowFrom()).containsExactlyInAnyOrder(876311493L, 42L);
        assertThat(c.telegram().dmPolicy()).isEqualTo(DmPolicy.ALLOWLIST);
        assertThat(c.telegram().streamMode()).isEqualTo(StreamMode.BLOCK);
        assertThat(c.telegram().textChunkLimit()).isEqualTo(3500);
        assertThat(c.telegram().nativeCommands()).as("the channel's own false wins over the global auto").isFalse();
        assertThat(c.commands().restart()).isTrue();
        assertThat(c.models().chain()).extracting(ModelRef::toString).containsExactly("openrouter/mistralai/devstral-2512",
                "openrouter/google/gemini-2.0-flash-001", "openrouter/meta-llama/llama-3.3-70b-instruct:free");
        assertThat(c.models().taskRouting().get(TaskType.FILE_ANALYSIS).modelId()).isEqualTo("google/gemini-2.0-flash-001");
        assertThat(c.models().historyLimit()).isEqualTo(12);
        ProviderSettings openrouter = c.models().providers().get("openrouter");
        assertThat(openrouter.baseUrl()).isEqualTo(ProviderSettings.OPENROUTER_BASE_URL);
        assertThat(openrouter.apiKey()).as("OPENROUTER_API_KEY from the .env").isEqualTo("sk-or-v1-dotenvkey0123456789abcdef");
        assertThat(load.warnings()).extracting(ConfigProblem::path).contains("gateway.mode", "commands.nativeSkills");
        assertThat(Secrets.redact("key sk-or-v1-dotenvkey0123456789abcdef token 123456:AAtoken_from_dotenv_0123456789abcdef"))
                .isEqualTo("key *** token ***");
    }

    @Test
    void theEnvironmentWinsOverTheDotEnv() throws Exception {
        Files.writeString(dir.resolve(".env"), "GW_TOKEN=from-dotenv-file\n");
        ConfigLoad load = load("{ \"gateway\": { \"auth\": { \"token\": \"${GW_TOKEN}\" } } }", Map.of("GW_TOKEN", "from-environment"));
        assertThat(load.config().gateway().authToken()).isEqualTo("from-environment");
    }

    @Test
    void listsEveryProblemWithItsPathAtOnce() throws Exception {
        ConfigLoad load = load("""
                { "gateway": { "port": 70000, "bind": "lan" },
                  "channels": { "telegram": { "enabled": true, "dmPolicy": "everyone", "allowFrom": ["@alice"], "textChunkLimit": 5000 } },
                  "commands": { "restart": "yes" },
                  "agents": { "defaults": { "model": { "primary": "mistralai/devstral-2512", "fallbacks": ["nope"] } } },
                  "models": { "providers": { "local": { "apiKey": "${MISSING_KEY}" } } } }
                """, Map.of());

        assertThat(load.isValid()).isFalse();
        assertThat(load.problems()).extracting(ConfigProblem::path).containsExactlyInAnyOrder(
                "gateway.port", "gateway.auth.token", "channels.telegram.botToken", "channels.telegram.dmPolicy",
                "channels.telegram.allowFrom[0]", "channels.telegram.textChunkLimit", "commands.restart",
                "agents.defaults.model.primary", "agents.defaults.model.fallbacks[0]",
                "models.providers.local.apiKey", "models.providers.local.baseUrl");
        assertThat(problem(load, "gateway.port")).contains("70000").contains("0 to 65535");
        assertThat(problem(load, "agents.defaults.model.primary"))
                .as("the upstream pitfall: OpenRouter ids need the prefix")
                .contains("openrouter/mistralai/devstral-2512");
        assertThat(problem(load, "models.providers.local.apiKey")).contains("MISSING_KEY").contains(".env");
        assertThat(problem(load, "channels.telegram.dmPolicy")).contains("\"everyone\"").contains("allowlist, open");
    }

    @Test
    void aNonLoopbackBindNeedsAToken() throws Exception {
        assertThat(load("{ \"gateway\": { \"bind\": \"lan\" } }", Map.of()).problems())
                .extracting(ConfigProblem::path).containsExactly("gateway.auth.token");
        ConfigLoad withToken = load("{ \"gateway\": { \"bind\": \"lan\", \"auth\": { \"token\": \"long-enough-token\" } } }", Map.of());
        assertThat(withToken.problems()).isEmpty();
        assertThat(withToken.config().gateway().bindHost()).isEqualTo("0.0.0.0");
    }

    @Test
    void unknownKeysAreWarnedWithTheNearestKnownKey() throws Exception {
        ConfigLoad load = load("{ \"channels\": { \"telegram\": { \"botTokn\": \"x\", \"groupPolicy\": \"open\" } }, \"gatway\": {} }", Map.of());
        assertThat(load.problems()).isEmpty();
        assertThat(load.warnings()).extracting(ConfigProblem::toString).contains(
                "channels.telegram.botTokn: unknown key, ignored; did you mean \"botToken\"?",
                "channels.telegram.groupPolicy: an upstream moltbot key that jsup's gateway does not use; ignored",
                "gatway: unknown key, ignored; did you mean \"gateway\"?");
    }

    @Test
    void secretValuesNeverAppearInProblems() throws Exception {
        String secret = "sk-this-is-a-secret-key-0123456789";
        ConfigLoad load = load("{ \"gateway\": { \"auth\": { \"token\": 12345678901 } },"
                + " \"models\": { \"providers\": { \"x\": { \"baseUrl\": \"nope\", \"apiKey\": [\"" + secret + "\"] } } } }", Map.of());
        assertThat(load.problems()).extracting(ConfigProblem::path).contains("gateway.auth.token", "models.providers.x.apiKey");
        assertThat(load.problems().toString()).doesNotContain(secret).doesNotContain("12345678901");
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() throws Exception {
        ConfigLoad load = load("{\n  \"gateway\": {\n    \"port\": 18789\n    \"bind\": \"loopback\"\n  }\n}\n", Map.of());
        assertThat(load.problems()).hasSize(1);
        assertThat(load.problems().get(0).message()).startsWith("not valid JSON at line 4, column");
    }

    @Test
    void aMissingDefaultFileRunsOnDefaultsButANamedOneIsAnError() throws Exception {
        Path absent = dir.resolve("absent/moltbot.json");
        ConfigLoad defaults = new GatewayConfigLoader(Map.of()).load(new ConfigLocation(absent, false, dir));
        assertThat(defaults.isValid()).isTrue();
        assertThat(defaults.config().gateway()).isEqualTo(GatewaySettings.defaults());
        assertThat(defaults.config().telegram().enabled()).isFalse();
        assertThat(defaults.config().models().chain()).isEmpty();

        ConfigLoad named = new GatewayConfigLoader(Map.of()).load(new ConfigLocation(absent, true, dir));
        assertThat(named.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("does not exist"));
    }

    @Test
    void upstreamValuesThatCausedTroubleAreReplacedWithAWarning() throws Exception {
        ConfigLoad load = load("{ \"channels\": { \"telegram\": { \"botToken\": \"123456:AAtoken_0123456789abcdefghijklmnop\","
                + " \"dmPolicy\": \"pairing\", \"streamMode\": \"partial\" } } }", Map.of());
        assertThat(load.problems()).isEmpty();
        assertThat(load.config().telegram().enabled()).as("a token enables the channel").isTrue();
        assertThat(load.config().telegram().dmPolicy()).isEqualTo(DmPolicy.ALLOWLIST);
        assertThat(load.config().telegram().streamMode()).isEqualTo(StreamMode.BLOCK);
        assertThat(load.warnings()).extracting(ConfigProblem::path)
                .contains("channels.telegram.dmPolicy", "channels.telegram.streamMode", "channels.telegram.allowFrom");
    }

    @Test
    void resolvesTheConfigPathFromFlagThenEnvironmentThenHome() {
        Map<String, String> env = Map.of("HOME", "/home/u", "MOLTBOT_CONFIG_PATH", "/etc/molt/m.json");
        assertThat(ConfigLocation.resolve("/x/flag.json", env).configPath()).isEqualTo(Path.of("/x/flag.json"));
        ConfigLocation fromEnv = ConfigLocation.resolve(null, env);
        assertThat(fromEnv.configPath()).isEqualTo(Path.of("/etc/molt/m.json"));
        assertThat(fromEnv.explicit()).isTrue();
        assertThat(fromEnv.stateDir()).isEqualTo(Path.of("/etc/molt"));
        ConfigLocation home = ConfigLocation.resolve(null, Map.of("HOME", "/home/u", "MOLTBOT_STATE_DIR", "~/state"));
        assertThat(home.configPath()).as("no file anywhere: the first place of the search").isEqualTo(Path.of("/home/u/state/openclaw.json"));
        assertThat(home.explicit()).isFalse();
        assertThat(home.stateDir()).isEqualTo(Path.of("/home/u/state"));
    }

    @Test
    void mergesTheSeedsPerAgentFileOverTheConfig() throws Exception {
        Files.createDirectories(dir.resolve("agents/main"));
        Files.writeString(dir.resolve("agents/main/config.json"),
                "{ \"commands\": { \"native\": false, \"text\": true, \"restart\": true } }");
        ConfigLoad load = load("{ \"gateway\": { \"port\": 18790 }, \"commands\": { \"native\": \"auto\", \"nativeSkills\": false },"
                + " \"channels\": { \"telegram\": { \"enabled\": false } } }", Map.of());

        assertThat(load.problems()).isEmpty();
        assertThat(load.agentFile()).isEqualTo(dir.resolve("agents/main/config.json"));
        assertThat(load.config().commands().restart()).as("set only in the agent file").isTrue();
        assertThat(load.config().telegram().nativeCommands()).as("the agent file's native: false wins over auto").isFalse();
        assertThat(load.config().gateway().port()).as("kept from the config").isEqualTo(18790);

        Files.writeString(dir.resolve("agents/main/config.json"), "{ not json");
        assertThat(load("{}", Map.of()).problems().toString()).contains(dir.resolve("agents/main/config.json").toString())
                .contains("not valid JSON at line 1");
    }

    private static String problem(ConfigLoad load, String path) {
        return load.problems().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow().message();
    }

    @Test
    void historyBoundsAreReadAsSizesAndValidated() throws Exception {
        ConfigLoad set = load("{ \"gateway\": { \"history\": { \"maxChats\": 50, \"maxBytesPerChat\": \"256K\", \"maxBytesTotal\": 8388608 } } }", Map.of());
        assertThat(set.problems()).isEmpty();
        assertThat(set.config().gateway().history()).isEqualTo(new HistoryBounds(50, 256 * 1024, 8 * 1024 * 1024));

        ConfigLoad defaults = load("{ }", Map.of());
        assertThat(defaults.config().gateway().history()).isEqualTo(HistoryBounds.DEFAULTS);
        assertThat(defaults.config().gateway().history().maxBytesPerChat()).isEqualTo(1024 * 1024);
        assertThat(defaults.config().gateway().history().maxBytesTotal()).isEqualTo(64L * 1024 * 1024);

        ConfigLoad bad = load("{ \"gateway\": { \"history\": { \"maxChats\": 0, \"maxBytesPerChat\": \"10X\", \"maxBytesTotal\": \"2G\","
                + " \"maxByteTotal\": 1 } } }", Map.of());
        assertThat(bad.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "gateway.history.maxChats: 0 is out of range; use a number from 1 to 100000",
                "gateway.history.maxBytesPerChat: \"10X\" is not a size; use a number of bytes or 512K, 500M, 1G; use a size from 1K to 1G",
                "gateway.history.maxBytesTotal: 2G is out of range; use a size from 1K to 1G");
        assertThat(bad.warnings()).extracting(ConfigProblem::toString)
                .contains("gateway.history.maxByteTotal: unknown key, ignored; did you mean \"maxBytesTotal\"?");

        ConfigLoad inverted = load("{ \"gateway\": { \"history\": { \"maxBytesPerChat\": \"2M\", \"maxBytesTotal\": \"1M\" } } }", Map.of());
        assertThat(inverted.problems()).extracting(ConfigProblem::toString).containsExactly(
                "gateway.history.maxBytesPerChat: 2M is more than gateway.history.maxBytesTotal (1M); one chat cannot hold"
                        + " more than all chats together: lower it or raise the total");
    }
}

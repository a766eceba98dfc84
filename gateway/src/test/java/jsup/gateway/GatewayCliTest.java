package jsup.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jsup.gateway.app.ExitCodes;
import jsup.gateway.app.Gateway;
import jsup.gateway.app.GatewayOptions;
import jsup.gateway.config.ConfigLocation;
import jsup.gateway.testing.ConfigFiles;
import jsup.gateway.testing.FakeModelServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayCliTest {

    private static final String KEY = "sk-cli-test-key-0123456789abcdef";

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = GatewayCli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void configValidateListsProblemsAndWarnings() {
        Path good = ConfigFiles.write(dir.resolve("good.json"), "{ \"gateway\": { \"port\": 18789, \"mode\": \"local\" } }");
        Result ok = run("config", "validate", "--config", good.toString());
        assertThat(ok.exit()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).contains("warning gateway.mode: an upstream moltbot key").contains(good + " is valid (1 warning(s))");

        Path bad = ConfigFiles.write(dir.resolve("bad.json"), "{ \"gateway\": { \"port\": \"x\", \"bind\": \"tailnet\" } }");
        Result invalid = run("config", "validate", "--config", bad.toString());
        assertThat(invalid.exit()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(invalid.out()).contains("error   gateway.port: expected a whole number").contains("error   gateway.bind: \"tailnet\"")
                .contains("is invalid: 2 problem(s)");
    }

    @Test
    void modelsStatusShowsTheChainKeyPresenceAndAvailabilityButNeverTheKey() throws Exception {
        try (FakeModelServer fake = FakeModelServer.start().requireKey(KEY)) {
            fake.answer("m/a", "x").offers("m/devstral-2512");
            Path config = ConfigFiles.write(dir.resolve("m.json"), ConfigFiles.withFakeProvider(fake.baseUrl().toString(), KEY,
                    "fake/m/a", "[\"fake/m/devstral-2\"]", ""));

            Result r = run("models", "status", "--config", config.toString(), "--check");

            assertThat(r.exit()).as(r.out()).isEqualTo(ExitCodes.FAILURE);
            assertThat(r.out()).contains("Default     : fake/m/a").contains("Fallbacks (1): fake/m/devstral-2")
                    .contains("key set (***)").doesNotContain(KEY)
                    .containsPattern("fake/m/a\\s+available")
                    .containsPattern("fake/m/devstral-2\\s+unknown to the provider; closest valid id: fake/m/devstral-2512");
        }
        Path offline = ConfigFiles.write(dir.resolve("o.json"), "{}");
        Result r = run("models", "status", "--config", offline.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("(none: offline replies)").contains("Offline     : yes");
    }

    @Test
    void channelsStatusAsksTheRunningGatewayOrFallsBackToTheConfig() throws Exception {
        Path config = ConfigFiles.write(dir.resolve("c.json"), "{ \"gateway\": { \"port\": 0 },"
                + " \"channels\": { \"telegram\": { \"enabled\": false, \"botToken\": \"123456:AAcliTestToken_0123456789abcdefgh\" } } }");
        Result offline = run("channels", "status", "--config", config.toString(), "--port", "1");
        assertThat(offline.out()).contains("Gateway not reachable at 127.0.0.1:1; showing config-only status.")
                .contains("telegram: disabled, bot token set (***)").doesNotContain("AAcliTestToken");

        Gateway gateway = Gateway.start(new GatewayOptions(new ConfigLocation(config, true, dir)).environment(Map.of())
                .lockDir(dir.resolve("locks")));
        try {
            Result live = run("channels", "status", "--config", config.toString(), "--port", Integer.toString(gateway.port()));
            assertThat(live.exit()).isEqualTo(ExitCodes.OK);
            assertThat(live.out()).contains("Gateway reachable at http://127.0.0.1:" + gateway.port()
                    + " (pid " + ProcessHandle.current().pid() + ")").contains("telegram: disabled");
        } finally {
            gateway.stop(Duration.ZERO);
        }
    }

    @Test
    void channelsStatusReadsTheDotEnvBesideTheConfig() {
        // The operator's shell does not have the token; the .env beside the config does, as for the running gateway.
        Path config = ConfigFiles.write(dir.resolve("seed/moltbot.json"), "{ \"gateway\": { \"port\": 0 },"
                + " \"channels\": { \"telegram\": { \"enabled\": false, \"botToken\": \"${JSUP_TEST_ONLY_TG_TOKEN}\" } } }");
        ConfigFiles.write(dir.resolve("seed/.env"), "JSUP_TEST_ONLY_TG_TOKEN=123456:AAcliDotEnvToken_0123456789abcdefgh\n");

        Result r = run("channels", "status", "--config", config.toString(), "--port", "1");

        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("bot token set (***)").doesNotContain("AAcliDotEnvToken");
    }

    @Test
    void badUsageExits2() {
        assertThat(run("gateway").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("gateway", "run", "--port", "abc").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("nonsense").exit()).isEqualTo(ExitCodes.USAGE);
    }
}

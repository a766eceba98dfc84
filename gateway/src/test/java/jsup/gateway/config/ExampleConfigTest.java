package jsup.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import jsup.gateway.model.ModelRef;
import jsup.gateway.model.TaskType;
import org.junit.jupiter.api.Test;

/** The example the ecosystem launches must stay valid, quiet, and runnable with no token and no key. */
class ExampleConfigTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "moltbot", "moltbot.json").toAbsolutePath().normalize();

    @Test
    void theExampleIsValidWithoutWarningsAndRunsOfflineWithNoTokenAndNoKey() {
        ConfigLoad load = new GatewayConfigLoader(Map.of()).load(new ConfigLocation(EXAMPLE, true, EXAMPLE.getParent()));

        assertThat(load.problems()).isEmpty();
        assertThat(load.warnings()).isEmpty();
        GatewayConfig config = load.config();
        assertThat(config.gateway()).isEqualTo(GatewaySettings.defaults());
        assertThat(config.telegram().enabled()).as("no token: the channel stays off").isFalse();
        assertThat(config.models().providers().get("openrouter").hasKey()).isFalse();
        assertThat(config.models().chain()).hasSize(6);
        assertThat(config.models().taskRouting()).containsEntry(TaskType.DEBUGGING, ModelRef.parse("openrouter/anthropic/claude-sonnet-4.5"));
    }

    @Test
    void exportingTheTokenAndKeyTurnsTheChannelAndTheModelsOn() {
        ConfigLoad load = new GatewayConfigLoader(Map.of("TELEGRAM_BOT_TOKEN", "123456:AAexampleToken_0123456789abcdefghij",
                "OPENROUTER_API_KEY", "sk-or-v1-example-0123456789")).load(new ConfigLocation(EXAMPLE, true, EXAMPLE.getParent()));
        assertThat(load.problems()).isEmpty();
        assertThat(load.config().telegram().enabled()).isTrue();
        assertThat(load.config().models().providers().get("openrouter").hasKey()).isTrue();
        assertThat(load.warnings()).extracting(ConfigProblem::path).containsExactly("channels.telegram.allowFrom");
    }
}

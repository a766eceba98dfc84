package jsup.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keysWithTokenKeySecretOrPassInAnyCaseAreSecret() {
        for (String key : new String[] {"TELEGRAM_BOT_TOKEN", "openrouter_api_key", "ApiKey", "CLIENT_SECRET",
                "DB_PASSWORD", "PGPASS", "smtp_passwd"}) {
            assertThat(SecretMask.isSecret(key)).as(key).isTrue();
        }
        for (String key : new String[] {"PATH", "HOME", "NODE_ENV", "PORT", "MOLTBOT_STATE_DIR"}) {
            assertThat(SecretMask.isSecret(key)).as(key).isFalse();
        }
    }

    @Test
    void masksValuesAtAnyDepthAndLeavesTheRestAndTheOriginalAlone() throws Exception {
        JsonNode apps = JSON.readTree("""
                [{"name": "gw", "config": {"env": {"BOT_TOKEN": "t", "PORT": "1", "EMPTY_KEY": "", "NULL_KEY": null},
                  "args": ["--port", "1"]}}]
                """);

        JsonNode masked = SecretMask.mask(apps);

        JsonNode env = masked.get(0).path("config").path("env");
        assertThat(env.path("BOT_TOKEN").asText()).isEqualTo(SecretMask.MASK);
        assertThat(env.path("PORT").asText()).isEqualTo("1");
        assertThat(env.path("EMPTY_KEY").asText()).as("nothing to hide").isEmpty();
        assertThat(env.path("NULL_KEY").isNull()).isTrue();
        assertThat(masked.get(0).path("config").path("args")).isEqualTo(apps.get(0).path("config").path("args"));
        assertThat(apps.get(0).path("config").path("env").path("BOT_TOKEN").asText()).isEqualTo("t");
        assertThat(SecretMask.shown(apps, true)).isSameAs(apps);
    }
}

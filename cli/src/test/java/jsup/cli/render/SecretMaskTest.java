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
    void webhooksDsnsCredentialsAndAuthWordsAreSecretButOrdinaryNamesAreNot() {
        for (String key : new String[] {"SLACK_WEBHOOK_URL", "DISCORD_WEBHOOK", "SENTRY_DSN", "dsn", "GCP_CREDENTIALS",
                "BASIC_AUTH", "proxy-auth", "SESSION_COOKIE"}) {
            assertThat(SecretMask.isSecret(key)).as(key).isTrue();
        }
        for (String key : new String[] {"PORT", "NODE_ENV", "DATABASE_URL", "REDIS_URL", "AUTHOR", "OAUTH_CALLBACK_URL",
                "DSNAME", "LANG", "LOG_LEVEL"}) {
            assertThat(SecretMask.isSecret(key)).as(key).isFalse();
        }
    }

    @Test
    void aNotifyBlocksWebhookListKeepsItsReferencesWhileAWebhookVariableIsHidden() throws Exception {
        JsonNode app = JSON.readTree("""
                {"env": {"SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T/B/x"},
                 "notify": {"webhook": ["http://127.0.0.1:9${HOOK_SECRET}"], "events": ["errored"]}}
                """);

        JsonNode masked = SecretMask.mask(app);

        assertThat(masked.path("env").path("SLACK_WEBHOOK_URL").asText()).isEqualTo(SecretMask.MASK);
        assertThat(masked.path("notify").path("webhook").get(0).asText()).isEqualTo("http://127.0.0.1:9${HOOK_SECRET}");
    }

    @Test
    void theUrlPasswordOfAnyKeyIsMaskedAndTheRestOfTheUrlShown() throws Exception {
        JsonNode env = JSON.readTree("""
                {"DATABASE_URL": "postgres://app:s3cr:et@db.internal:5432/app?sslmode=require",
                 "REDIS_URL": "redis://:hunter2@cache:6379/0", "AMQP_URL": "amqp://guest@mq/",
                 "HOMEPAGE": "https://example.org/a:b@c", "PLAIN": "user:pw@host"}
                """);

        JsonNode masked = SecretMask.mask(env);

        assertThat(masked.path("DATABASE_URL").asText())
                .isEqualTo("postgres://app:" + SecretMask.MASK + "@db.internal:5432/app?sslmode=require");
        assertThat(masked.path("REDIS_URL").asText()).isEqualTo("redis://:" + SecretMask.MASK + "@cache:6379/0");
        assertThat(masked.path("AMQP_URL").asText()).as("no password").isEqualTo("amqp://guest@mq/");
        assertThat(masked.path("HOMEPAGE").asText()).as("the @ is in the path").isEqualTo("https://example.org/a:b@c");
        assertThat(masked.path("PLAIN").asText()).as("not a URL").isEqualTo("user:pw@host");
        assertThat(SecretMask.shown(env, true).path("DATABASE_URL").asText()).contains("s3cr:et");
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

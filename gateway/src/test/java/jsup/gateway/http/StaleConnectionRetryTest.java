package jsup.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import jsup.gateway.model.ChatCompletionsClient;
import jsup.gateway.model.ChatMessage;
import jsup.gateway.model.FailureKind;
import jsup.gateway.model.ModelOutcome;
import jsup.gateway.model.ProviderSettings;
import jsup.gateway.telegram.BotIdentity;
import jsup.gateway.telegram.TelegramBotApi;
import jsup.gateway.testing.OneRequestPerConnectionServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 6: against a server that closes a kept-alive connection when it is reused, reads
 * are retried once on a fresh connection and a model call fails over instead of being resent.
 */
class StaleConnectionRetryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void telegramReadsSurviveAServerThatClosesReusedConnections() throws Exception {
        try (OneRequestPerConnectionServer server = OneRequestPerConnectionServer.start(
                "{\"ok\":true,\"result\":{\"id\":42,\"is_bot\":true,\"first_name\":\"b\",\"username\":\"retry_bot\"}}")) {
            TelegramBotApi api = new TelegramBotApi(URI.create(server.baseUrl()), "42:AAretryTokenRetryTokenRetryToken");

            assertThat(api.getMe()).isEqualTo(new BotIdentity(42, "retry_bot"));
            assertThat(api.getMe()).isEqualTo(new BotIdentity(42, "retry_bot"));

            await().atMost(Duration.ofSeconds(10)).until(() -> server.dropped() == 1);
            assertThat(server.answered()).isEqualTo(2);
        }
    }

    @Test
    void listingModelsSurvivesAServerThatClosesReusedConnections() throws Exception {
        try (OneRequestPerConnectionServer server = OneRequestPerConnectionServer.start("{\"data\":[{\"id\":\"m/one\"}]}")) {
            ChatCompletionsClient client = new ChatCompletionsClient(Duration.ofSeconds(5));
            ProviderSettings provider = new ProviderSettings("fake", URI.create(server.baseUrl() + "/v1"), "sk-retry-test-0123456789");

            assertThat(client.listModels(provider, TIMEOUT)).containsExactly("m/one");
            assertThat(client.listModels(provider, TIMEOUT)).containsExactly("m/one");

            await().atMost(Duration.ofSeconds(10)).until(() -> server.dropped() == 1);
            assertThat(server.answered()).isEqualTo(2);
        }
    }

    @Test
    void aCompletionOnAClosedConnectionIsNotResentButFailsOverToTheNextModel() throws Exception {
        try (OneRequestPerConnectionServer server = OneRequestPerConnectionServer.start(
                "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"hi\"}}]}")) {
            ChatCompletionsClient client = new ChatCompletionsClient(Duration.ofSeconds(5));
            ProviderSettings provider = new ProviderSettings("fake", URI.create(server.baseUrl() + "/v1"), "sk-retry-test-0123456789");
            List<ChatMessage> messages = List.of(ChatMessage.user("hello"));

            assertThat(client.complete(provider, "m/one", messages, TIMEOUT)).isEqualTo(new ModelOutcome.Answered("hi"));
            ModelOutcome second = client.complete(provider, "m/one", messages, TIMEOUT);

            assertThat(second).isInstanceOf(ModelOutcome.Failed.class);
            FailureKind kind = ((ModelOutcome.Failed) second).kind();
            assertThat(kind).isEqualTo(FailureKind.CONNECTION);
            assertThat(kind.failsOver()).isTrue();
            assertThat(server.answered()).as("not sent twice").isEqualTo(1);
        }
    }
}

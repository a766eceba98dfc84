package jsup.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import jsup.gateway.chat.BotCommandInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramBotApiTest {

    private static final String TOKEN = FakeTelegramApi.DEFAULT_TOKEN;
    private static final String SECRET = TOKEN.substring(TOKEN.indexOf(':') + 1);

    private FakeTelegramApi fake;
    private TelegramBotApi api;

    @BeforeEach
    void setUp() throws IOException {
        fake = FakeTelegramApi.start();
        api = new TelegramBotApi(fake.apiRoot(), TOKEN);
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void getMeAndGetUpdatesSpeakTheWireFormat() throws Exception {
        long first = fake.queueText(111, "hello");
        fake.queueGroupText(-100222, 111, "in a group");
        fake.queueSticker(111);

        assertThat(api.getMe()).isEqualTo(new BotIdentity(7081234567L, "jsup_test_bot"));
        List<TelegramUpdate> updates = api.getUpdates(0, 0);

        assertThat(updates).hasSize(3);
        assertThat(updates.get(0).updateId()).isEqualTo(first);
        assertThat(updates.get(0).message()).isEqualTo(new TelegramUpdate.Message(1, 111, "private", 111L, "user111", "hello"));
        assertThat(updates.get(1).message().chatId()).isEqualTo(-100222);
        assertThat(updates.get(1).message().isPrivate()).isFalse();
        assertThat(updates.get(2).message().text()).isNull();
        FakeTelegramApi.Call poll = fake.calls("getUpdates").get(0);
        assertThat(poll.params().path("timeout").asInt()).isZero();
        assertThat(poll.params().path("allowed_updates").toString()).isEqualTo("[\"message\"]");
        assertThat(poll.params().has("offset")).as("no offset before anything was seen").isFalse();
    }

    @Test
    void anOffsetConfirmsEarlierUpdates() throws Exception {
        long first = fake.queueText(111, "one");
        long second = fake.queueText(111, "two");

        assertThat(api.getUpdates(second, 0)).extracting(TelegramUpdate::updateId).containsExactly(second);
        assertThat(api.getUpdates(first, 0)).as("confirmed updates are gone").extracting(TelegramUpdate::updateId)
                .containsExactly(second);
    }

    @Test
    void theLongPollIsHeldUntilAnUpdateArrives() throws Exception {
        // The update is queued only once the poll has reached the fake: an answer that carries it was
        // held open for it, however slowly either side runs.
        Thread sender = new Thread(() -> {
            await().atMost(Duration.ofSeconds(60)).until(() -> fake.count("getUpdates") == 1);
            fake.queueText(111, "late");
        });
        sender.start();

        List<TelegramUpdate> updates = api.getUpdates(0, 60);

        assertThat(updates).extracting(u -> u.message().text()).containsExactly("late");
        assertThat(fake.count("getUpdates")).as("one poll, held, not an empty answer and a second poll").isEqualTo(1);
        sender.join();
    }

    @Test
    void conflictIsTyped() {
        fake.conflictNext(1);

        TelegramApiException.Conflict e = catchThrowableOfType(TelegramApiException.Conflict.class, () -> api.getUpdates(0, 0));

        assertThat(e.errorCode()).isEqualTo(409);
        assertThat(e.method()).isEqualTo("getUpdates");
        assertThat(e.getMessage()).contains("terminated by other getUpdates request").contains("only one may poll");
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        fake.rateLimitNext("sendMessage", 1, 7);

        TelegramApiException.RateLimited e = catchThrowableOfType(TelegramApiException.RateLimited.class,
                () -> api.sendMessage(111, "hi"));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(fake.sentMessages()).isEmpty();
    }

    @Test
    void tooManyCommandsIsTyped() {
        fake.commandLimit(1);
        List<BotCommandInfo> two = List.of(new BotCommandInfo("a", "A"), new BotCommandInfo("b", "B"));

        assertThatThrownBy(() -> api.setMyCommands(two)).isInstanceOf(TelegramApiException.TooManyCommands.class)
                .hasMessageContaining("BOT_COMMANDS_TOO_MUCH");
    }

    @Test
    void otherErrorsAreRejectedWithTelegramsDescription() throws Exception {
        TelegramBotApi wrongToken = new TelegramBotApi(fake.apiRoot(), "42:AAwrongTokenWrongTokenWrongToken");

        assertThatThrownBy(wrongToken::getMe).isInstanceOf(TelegramApiException.Rejected.class)
                .hasMessageContaining("401 Unauthorized").hasMessageContaining("check channels.telegram.botToken")
                .hasMessageNotContaining("AAwrongTokenWrongTokenWrongToken");
        assertThatThrownBy(() -> api.sendMessage(111, "")).isInstanceOf(TelegramApiException.Rejected.class)
                .hasMessageContaining("400 Bad Request: message text is empty");
    }

    @Test
    void transportFailuresNeverCarryTheToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TelegramBotApi unreachable = new TelegramBotApi(URI.create("http://127.0.0.1:" + closedPort), TOKEN);
        fake.dropNext("getMe", 2); // getMe is retried once on a fresh connection

        for (Throwable e : List.of(
                catchThrowableOfType(TelegramTransportException.class, unreachable::getMe),
                catchThrowableOfType(TelegramTransportException.class, api::getMe))) {
            assertThat(e.getMessage()).startsWith("Telegram getMe failed: ").doesNotContain(TOKEN).doesNotContain(SECRET);
            assertThat(e.getCause()).isNull();
        }
    }

    @Test
    void aWrongApiRootIsReportedWithTheStatusTelegramWouldGive() {
        TelegramBotApi wrongRoot = new TelegramBotApi(URI.create(fake.apiRoot() + "/somewhere-else"), TOKEN);

        assertThatThrownBy(wrongRoot::getMe).isInstanceOf(TelegramApiException.Rejected.class)
                .hasMessageContaining("404 Not Found");
    }

    @Test
    void aBodyThatIsNotBotApiJsonIsATransportFailure() throws Exception {
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] page = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, page.length);
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        proxy.start();
        try {
            TelegramBotApi behindProxy = new TelegramBotApi(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()), TOKEN);

            assertThatThrownBy(behindProxy::getMe).isInstanceOf(TelegramTransportException.class)
                    .hasMessageContaining("HTTP 502 with a body that is not Bot API JSON")
                    .hasMessageNotContaining(SECRET);
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void theTokenIsInNoToStringAndNoValidationMessage() {
        assertThat(api.toString()).doesNotContain(TOKEN).doesNotContain(SECRET).contains(fake.apiRoot().toString());
        String malformed = "12345:bad token with spaces/and?query";
        assertThatThrownBy(() -> new TelegramBotApi(fake.apiRoot(), malformed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channels.telegram.botToken (" + malformed.length() + " characters)")
                .hasMessageNotContaining("bad token");
        assertThatThrownBy(() -> new TelegramBotApi(fake.apiRoot(), " ")).hasMessageContaining("botToken is empty");
    }
}

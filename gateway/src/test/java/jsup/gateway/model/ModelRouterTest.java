package jsup.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jsup.gateway.logging.Secrets;
import jsup.gateway.testing.CapturedLog;
import jsup.gateway.testing.FakeModelServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelRouterTest {

    private static final String KEY = "sk-fake-router-key-0123456789abcdef";

    private FakeModelServer fake;
    private CapturedLog log;
    private final ModelRouter router = new ModelRouter(new ChatCompletionsClient(Duration.ofSeconds(30)));

    /**
     * Long enough for any answer on a busy machine (the first request of a JVM alone can take a
     * second there); {@link #NEVER} is what "too slow" means.
     */
    private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration NEVER = Duration.ofSeconds(60);

    @BeforeEach
    void setUp() throws Exception {
        fake = FakeModelServer.start().requireKey(KEY);
        Secrets.register(KEY);
        log = CapturedLog.open();
    }

    @AfterEach
    void tearDown() {
        log.close();
        fake.close();
    }

    private ModelSettings settings(Map<TaskType, ModelRef> routing, String... chain) {
        Map<String, ProviderSettings> providers = new LinkedHashMap<>();
        providers.put("fake", new ProviderSettings("fake", fake.baseUrl(), KEY));
        return new ModelSettings(Arrays.stream(chain).map(ModelRef::parse).toList(), routing, providers, 20, MODEL_TIMEOUT);
    }

    @Test
    void fallsBackThroughEveryFailoverReasonInOrderAndLogsWhy() throws Exception {
        fake.rateLimited("m/rate").serverError("m/broken").slow("m/slow", NEVER, "too late")
                .unknownModel("m/gone-404", 404).unknownModel("m/gone-400", 400).answer("m/good", "hello from good");

        ModelAnswer answer = router.answer(settings(Map.of(), "fake/m/rate", "fake/m/broken", "fake/m/slow", "fake/m/gone-404",
                "fake/m/gone-400", "fake/m/good"), null, List.of(), "hi there", "/help");

        assertThat(answer.text()).isEqualTo("hello from good");
        assertThat(answer.model()).isEqualTo("fake/m/good");
        assertThat(answer.answered()).isTrue();
        fake.assertModelsTried("m/rate", "m/broken", "m/slow", "m/gone-404", "m/gone-400", "m/good");
        fake.assertEveryRequestCarried("Bearer " + KEY);
        assertThat(answer.attempts()).extracting(Attempt::failure).containsExactly(FailureKind.RATE_LIMIT,
                FailureKind.SERVER_ERROR, FailureKind.TIMEOUT, FailureKind.UNKNOWN_MODEL, FailureKind.UNKNOWN_MODEL, null);
        assertThat(log.linesWith("model fake/m/rate failed", "rate limited", "HTTP 429", "falling back to fake/m/broken")).hasSize(1);
        assertThat(log.linesWith("model fake/m/broken failed", "server error", "HTTP 500", "falling back to fake/m/slow")).hasSize(1);
        assertThat(log.linesWith("model fake/m/slow failed", "timed out", "falling back to fake/m/gone-404")).hasSize(1);
        assertThat(log.linesWith("model fake/m/gone-404 failed", "unknown model", "does not exist", "falling back to fake/m/gone-400"))
                .hasSize(1);
        assertThat(log.linesWith("model fake/m/gone-400 failed", "unknown model", "not a valid model ID", "falling back to fake/m/good"))
                .hasSize(1);
        assertThat(log.linesWith("model fake/m/good answered", "after 5 failed attempt(s)")).hasSize(1);
    }

    @Test
    void aConnectionFailureFallsBackToAnotherProvider() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        fake.answer("m/good", "reachable");
        Map<String, ProviderSettings> providers = new LinkedHashMap<>();
        providers.put("down", new ProviderSettings("down", URI.create("http://127.0.0.1:" + closedPort + "/v1"), "sk-down-key-000000000000"));
        providers.put("fake", new ProviderSettings("fake", fake.baseUrl(), KEY));
        ModelSettings s = new ModelSettings(List.of(ModelRef.parse("down/m/any"), ModelRef.parse("fake/m/good")), Map.of(), providers,
                20, MODEL_TIMEOUT);

        ModelAnswer answer = router.answer(s, null, List.of(), "hello", "/help");

        assertThat(answer.text()).isEqualTo("reachable");
        assertThat(answer.attempts().get(0).failure()).isEqualTo(FailureKind.CONNECTION);
        assertThat(log.linesWith("model down/m/any failed", "connection failed", "falling back to fake/m/good")).hasSize(1);
    }

    @Test
    void aRejectedRequestDoesNotFallBack() throws Exception {
        fake.fail("m/first", 400, "This endpoint's maximum context length is 8192 tokens").answer("m/second", "never asked");

        ModelAnswer answer = router.answer(settings(Map.of(), "fake/m/first", "fake/m/second"), null, List.of(), "hello", "/help");

        assertThat(answer.answered()).isFalse();
        fake.assertModelsTried("m/first");
        assertThat(answer.text()).startsWith("⚠️ No model could answer.").contains("maximum context length");
        assertThat(log.linesWith("model fake/m/first failed", "request rejected", "not falling back")).hasSize(1);
    }

    @Test
    void taskRoutingAndTheChatsChoiceGoFirst() throws Exception {
        fake.answer("m/primary", "primary").answer("m/poet", "roses are red").answer("m/picked", "picked");
        ModelSettings s = settings(Map.of(TaskType.CREATIVE, ModelRef.parse("fake/m/poet")), "fake/m/primary");

        assertThat(router.answer(s, null, List.of(), "write a poem about jsup", "/help").text()).isEqualTo("roses are red");
        assertThat(router.answer(s, null, List.of(), "what time is it", "/help").text()).isEqualTo("primary");
        assertThat(router.answer(s, ModelRef.parse("fake/m/picked"), List.of(), "write a poem", "/help").text()).isEqualTo("picked");
        fake.assertModelsTried("m/poet", "m/primary", "m/picked");
    }

    @Test
    void sendsTheHistoryBeforeTheNewMessage() throws Exception {
        fake.answer("m/a", "ok");
        router.answer(settings(Map.of(), "fake/m/a"), null, List.of(ChatMessage.user("earlier"), ChatMessage.assistant("reply")),
                "now", "/help");
        FakeModelServer.Received r = fake.requests().get(0);
        assertThat(r.roles()).containsExactly("user", "assistant", "user");
        assertThat(r.contents()).containsExactly("earlier", "reply", "now");
    }

    @Test
    void withNoKeyTheOfflineResponderAnswersClearlyLabelled() throws Exception {
        Map<String, ProviderSettings> providers = Map.of("openrouter",
                new ProviderSettings("openrouter", ProviderSettings.OPENROUTER_BASE_URL, null));
        ModelSettings s = new ModelSettings(List.of(ModelRef.parse("openrouter/mistralai/devstral-2512")), Map.of(), providers, 20,
                Duration.ofSeconds(1));

        ModelAnswer answer = router.answer(s, null, List.of(), "hello", "/help, /status");

        assertThat(answer.model()).isEqualTo("offline");
        assertThat(answer.answered()).isFalse();
        assertThat(answer.text()).startsWith("[offline: no model connected]").contains("no API key is set for openrouter")
                .contains("/help, /status");
        assertThat(router.answer(new ModelSettings(List.of(), Map.of(), Map.of(), 20, Duration.ofSeconds(1)), null, List.of(), "hi",
                "/help").text()).contains("no model is configured");
    }

    @Test
    void aKeyEchoedBackByAProviderNeverReachesTheReplyOrTheLog() throws Exception {
        fake.echoesAuthorization("m/leaky");

        ModelAnswer answer = router.answer(settings(Map.of(), "fake/m/leaky"), null, List.of(), "hello", "/help");

        assertThat(answer.text()).contains("HTTP 500").doesNotContain(KEY);
        assertThat(log.text()).contains("HTTP 500").doesNotContain(KEY);
    }
}

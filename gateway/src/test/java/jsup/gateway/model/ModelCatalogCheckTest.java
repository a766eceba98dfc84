package jsup.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jsup.gateway.testing.CapturedLog;
import jsup.gateway.testing.FakeModelServer;
import org.junit.jupiter.api.Test;

class ModelCatalogCheckTest {

    @Test
    void warnsAboutUnknownIdsWithTheClosestValidOne() throws Exception {
        try (FakeModelServer fake = FakeModelServer.start(); CapturedLog log = CapturedLog.open()) {
            fake.offers("mistralai/devstral-2512", "google/gemini-2.0-flash-001");
            ProviderSettings p = new ProviderSettings("openrouter", fake.baseUrl(), "sk-catalog-key-0123456789");
            ModelSettings s = new ModelSettings(List.of(ModelRef.parse("openrouter/mistralai/mistral-devstral-2"),
                    ModelRef.parse("openrouter/google/gemini-2.0-flash-001")), Map.of(), Map.of("openrouter", p), 20, Duration.ofSeconds(1));

            CatalogReport report = new ModelCatalogCheck(new ChatCompletionsClient(Duration.ofSeconds(1)), Duration.ofSeconds(2)).check(s);

            assertThat(report.models().get(ModelRef.parse("openrouter/google/gemini-2.0-flash-001")).status())
                    .isEqualTo(Availability.Status.AVAILABLE);
            Availability unknown = report.models().get(ModelRef.parse("openrouter/mistralai/mistral-devstral-2"));
            assertThat(unknown.status()).isEqualTo(Availability.Status.UNKNOWN);
            assertThat(unknown.detail()).isEqualTo("openrouter/mistralai/devstral-2512");
            assertThat(log.linesWith("openrouter/mistralai/mistral-devstral-2 is not offered",
                    "closest valid id: openrouter/mistralai/devstral-2512")).hasSize(1);
            assertThat(fake.modelListRequests()).as("one /models request per provider").isEqualTo(1);
        }
    }

    @Test
    void anUnreachableProviderLeavesItsModelsUnchecked() throws Exception {
        ProviderSettings p = new ProviderSettings("local", java.net.URI.create("http://127.0.0.1:9/v1"), null);
        ModelSettings s = new ModelSettings(List.of(ModelRef.parse("local/llama")), Map.of(), Map.of("local", p), 20, Duration.ofSeconds(1));
        CatalogReport report = new ModelCatalogCheck(new ChatCompletionsClient(Duration.ofSeconds(1)), Duration.ofSeconds(1)).check(s);
        assertThat(report.models().get(ModelRef.parse("local/llama")).status()).isEqualTo(Availability.Status.UNCHECKED);
        assertThat(report.unreachableProviders()).containsKey("local");
    }
}

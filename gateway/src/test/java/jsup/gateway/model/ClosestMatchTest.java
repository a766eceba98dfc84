package jsup.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestMatchTest {

    private static final List<String> OPENROUTER = List.of("mistralai/devstral-2512", "google/gemini-2.0-flash-001",
            "meta-llama/llama-3.3-70b-instruct:free", "anthropic/claude-sonnet-4.5", "moonshotai/kimi-k2.5");

    @Test
    void findsTheSeedsRenamedModel() {
        assertThat(ClosestMatch.among("mistralai/mistral-devstral-2", OPENROUTER)).contains("mistralai/devstral-2512");
        assertThat(ClosestMatch.among("google/gemini-2.0-flash", OPENROUTER)).contains("google/gemini-2.0-flash-001");
    }

    @Test
    void suggestsNothingForUnrelatedNames() {
        assertThat(ClosestMatch.among("openai/gpt-4o", OPENROUTER)).isEmpty();
        assertThat(ClosestMatch.among("x", List.of())).isEmpty();
    }
}

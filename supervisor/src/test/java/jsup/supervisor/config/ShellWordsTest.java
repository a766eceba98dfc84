package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsOnBlanksAndHonoursQuotes() {
        assertThat(ShellWords.split("  --port 3000\t--name 'my app' \"say \\\"hi\\\"\" a\\ b ''"))
                .containsExactly("--port", "3000", "--name", "my app", "say \"hi\"", "a b", "");
    }

    @Test
    void keepsDollarSignsAndJoinsAdjacentQuotedParts() {
        assertThat(ShellWords.split("$HOME pre'fix'\"-suf\"")).containsExactly("$HOME", "prefix-suf");
    }

    @Test
    void emptyLineHasNoWords() {
        assertThat(ShellWords.split("   ")).isEqualTo(List.of());
    }

    @Test
    void refusesUnclosedQuotes() {
        assertThatThrownBy(() -> ShellWords.split("--name 'oops")).hasMessageContaining("unclosed '");
        assertThatThrownBy(() -> ShellWords.split("\"oops")).hasMessageContaining("unclosed \"");
    }
}

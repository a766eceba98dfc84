package jsup.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyChunkerTest {

    /** 10 000 characters: numbered paragraphs of several lines each. */
    static String longReply() {
        StringBuilder text = new StringBuilder();
        for (int p = 0; text.length() < 10_000; p++) {
            text.append("Paragraph ").append(p).append(" line one of some model output.\n")
                    .append("Paragraph ").append(p).append(" line two, a bit longer than the first one.\n\n");
        }
        return text.substring(0, 10_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {4000, 4096})
    void tenThousandCharactersSplitAtParagraphsWithinTheLimitInOrder(int limit) {
        String text = longReply();

        List<String> chunks = ReplyChunker.split(text, limit);

        assertThat(chunks).hasSize(3).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(limit));
        // Paragraph cuts: every chunk but the last ends a paragraph, the next starts one.
        for (int i = 0; i < chunks.size() - 1; i++) {
            assertThat(chunks.get(i)).endsWith("first one.");
            assertThat(chunks.get(i + 1)).startsWith("Paragraph ");
        }
        // Nothing lost, nothing reordered: only the blank lines at the cuts are gone.
        assertThat(String.join("\n\n", chunks)).isEqualTo(text.strip());
    }

    @Test
    void withoutBlankLinesCutsAtTheLastLineBreak() {
        String text = "a".repeat(30) + "\n" + "b".repeat(30) + "\n" + "c".repeat(30);

        assertThat(ReplyChunker.split(text, 70)).containsExactly("a".repeat(30) + "\n" + "b".repeat(30), "c".repeat(30));
    }

    @Test
    void prefersALineBreakNearTheLimitToAParagraphBreakNearTheStart() {
        String text = "intro\n\n" + "x".repeat(80) + "\n" + "y".repeat(50);

        List<String> chunks = ReplyChunker.split(text, 100);

        assertThat(chunks).containsExactly("intro\n\n" + "x".repeat(80), "y".repeat(50));
    }

    @Test
    void textWithoutLineBreaksIsCutHard() {
        String text = "z".repeat(250);

        assertThat(ReplyChunker.split(text, 100)).containsExactly("z".repeat(100), "z".repeat(100), "z".repeat(50));
    }

    @Test
    void aHardCutNeverSplitsASurrogatePair() {
        String text = "a".repeat(99) + "😀" + "b".repeat(10);

        List<String> chunks = ReplyChunker.split(text, 100);

        assertThat(chunks).containsExactly("a".repeat(99), "😀" + "b".repeat(10));
    }

    @Test
    void shortTextIsOneChunkAndBlankTextNone() {
        assertThat(ReplyChunker.split("hello\n", 4000)).containsExactly("hello");
        assertThat(ReplyChunker.split(" \n\n ", 4000)).isEmpty();
        assertThat(ReplyChunker.split("", 4000)).isEmpty();
    }

    @Test
    void theLimitIsCappedAtTelegramsMaximumAndDefaultsWhenUnset() {
        assertThat(ReplyChunker.effectiveLimit(10_000)).isEqualTo(4096);
        assertThat(ReplyChunker.effectiveLimit(0)).isEqualTo(4000);
        assertThat(ReplyChunker.effectiveLimit(500)).isEqualTo(500);
        assertThatThrownBy(() -> ReplyChunker.split("x", 1)).hasMessage("limit < 2: 1");
    }
}

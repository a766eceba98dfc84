package jsup.cli.monit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class KeyDecoderTest {

    /** Characters as a terminal delivers them; {@link KeyDecoder#TIMEOUT} when none is left to read. */
    private static KeyDecoder decoder(String input, boolean ends) {
        Deque<Integer> chars = new ArrayDeque<>();
        input.chars().forEach(chars::add);
        return new KeyDecoder(millis -> chars.isEmpty() ? (ends ? -1 : KeyDecoder.TIMEOUT) : chars.poll());
    }

    @Test
    void arrowsInBothModesEscapeAloneAndPlainKeys() throws IOException {
        KeyDecoder d = decoder("\u001b[A\u001bOBq/\r\u007f\u0003", false);
        assertThat(d.next(10)).isEqualTo(Key.of(Key.Kind.UP));
        assertThat(d.next(10)).isEqualTo(Key.of(Key.Kind.DOWN));
        assertThat(d.next(10)).isEqualTo(Key.ch('q'));
        assertThat(d.next(10)).isEqualTo(Key.ch('/'));
        assertThat(d.next(10)).isEqualTo(Key.of(Key.Kind.ENTER));
        assertThat(d.next(10)).isEqualTo(Key.of(Key.Kind.BACKSPACE));
        assertThat(d.next(10)).isEqualTo(Key.of(Key.Kind.INTERRUPT));
        assertThat(d.next(10)).isNull();
        assertThat(decoder("\u001b", false).next(10)).isEqualTo(Key.of(Key.Kind.ESCAPE));
    }

    @Test
    void sequencesMonitDoesNotUseAreSwallowedWhole() throws IOException {
        KeyDecoder d = decoder("\u001b[C\u001b[15~\u001b[1;5Dr", false);
        assertThat(d.next(10)).isNull();
        assertThat(d.next(10)).isNull();
        assertThat(d.next(10)).isNull();
        assertThat(d.next(10)).isEqualTo(Key.ch('r'));
    }

    @Test
    void theEndOfInputEndsMonit() {
        assertThatThrownBy(() -> decoder("", true).next(10)).hasMessageContaining("ended");
    }
}

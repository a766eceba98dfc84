package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LogDateFormatTest {

    private static final Instant WHEN = Instant.parse("2026-11-28T09:05:07.042Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void pm2StyleTokensBecomeJavaTime() {
        assertThat(LogDateFormat.formatter("YYYY-MM-DD HH:mm:ss.SSS Z", PARIS).format(WHEN))
                .isEqualTo("2026-11-28 10:05:07.042 +01:00");
        assertThat(LogDateFormat.formatter("YY/M/D h:m:s A ZZ", PARIS).format(WHEN))
                .isEqualTo("26/11/28 10:5:7 AM +0100");
        assertThat(LogDateFormat.formatter("ddd D MMM", PARIS).format(WHEN)).isEqualTo("Sat 28 Nov");
    }

    @Test
    void textInBracketsAndOtherCharactersStayLiteral() {
        assertThat(LogDateFormat.formatter("[at] HH:mm [o'clock] #", PARIS).format(WHEN))
                .isEqualTo("at 10:05 o'clock #");
    }

    @Test
    void noFormatMeansIsoWithOffset() {
        assertThat(LogDateFormat.formatter(null, PARIS).format(WHEN)).isEqualTo("2026-11-28T10:05:07.042+01:00");
    }

    @Test
    void anUnclosedBracketIsRefusedWithThePatternNamed() {
        assertThatThrownBy(() -> LogDateFormat.formatter("YYYY [oops", PARIS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("YYYY [oops").hasMessageContaining("never closed");
    }
}

package jsup.supervisor.config;

import jsup.supervisor.units.Sizes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsAndSizesTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
            "0, 0", "1500, 1500", "500ms, 500", "10s, 10000", "1.5s, 1500", "5m, 300000", "1h, 3600000",
            "' 30s ', 30000", "2H, 7200000", "0.25s, 250", "1.5m, 90000"})
    void parsesDurations(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"-5s", "10x", "", "s", "1.5.2s", "ten seconds", "0.5ms", "1e3", "99999999999999999999h"})
    void refusesBadDurationsQuotingThem(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining(Durations.ACCEPTED);
    }

    @Test
    void refusesNegativeMillisecondNumbers() {
        assertThatThrownBy(() -> Durations.ofMillis(new BigDecimal("-1")))
                .hasMessageStartingWith("-1 is negative");
    }

    @ParameterizedTest(name = "{0} ms formats as {1}")
    @CsvSource({"0, 0", "1600, 1600ms", "1000, 1s", "1500, 1500ms", "30000, 30s", "300000, 5m", "3600000, 1h",
            "5400000, 90m"})
    void formatsDurationsExactlyAndReadsThemBack(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({"0, 0", "1024, 1024", "512K, 524288", "500M, 524288000", "1G, 1073741824", "10m, 10485760",
            "' 2G ', 2147483648"})
    void parsesSizesWithPm2Units(String text, long bytes) {
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"500X", "-1", "1.5G", "", "M", "lots", "99999999999G"})
    void refusesBadSizesQuotingThem(String text) {
        assertThatThrownBy(() -> Sizes.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining(Sizes.ACCEPTED);
    }

    @ParameterizedTest(name = "{0} bytes formats as {1}")
    @CsvSource({"0, 0", "1000, 1000", "1024, 1K", "536870912, 512M", "524288000, 500M", "1073741824, 1G",
            "1536, 1536"})
    void formatsSizesExactlyAndReadsThemBack(long bytes, String text) {
        assertThat(Sizes.format(bytes)).isEqualTo(text);
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }
}

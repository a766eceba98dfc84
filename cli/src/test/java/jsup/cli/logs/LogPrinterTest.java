package jsup.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import jsup.cli.render.Ansi;
import jsup.cli.render.TimeFormat;
import org.junit.jupiter.api.Test;

class LogPrinterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T14:04:05.123456789Z"), ZoneOffset.UTC);
    private static final LogLine LINE = new LogLine(new LogSource("web", "out", Path.of("/l/web-out.log")), "hi");

    private static String print(boolean json, TimeFormat time) {
        StringWriter out = new StringWriter();
        LogPrinter printer = new LogPrinter(new PrintWriter(out), Ansi.OFF, json, time, CLOCK, 3);
        printer.print(LINE);
        printer.flush();
        return out.toString().strip();
    }

    @Test
    void timestampsAreLocalWithMillisecondsByDefaultAndUtcOnRequest() {
        assertThat(print(false, TimeFormat.local(ZoneId.of("Europe/Paris")))).isEqualTo("2026-12-07T15:04:05.123 web out | hi");
        assertThat(print(false, TimeFormat.utc())).isEqualTo("2026-12-07T14:04:05.123Z web out | hi");
        assertThat(print(false, null)).isEqualTo("web out | hi");
    }

    @Test
    void jsonTimestampsCarryTheZone() {
        assertThat(print(true, TimeFormat.local(ZoneId.of("Europe/Paris"))))
                .isEqualTo("{\"app\":\"web\",\"stream\":\"out\",\"message\":\"hi\",\"timestamp\":\"2026-12-07T15:04:05.123+01:00\"}");
        assertThat(print(true, TimeFormat.utc())).contains("\"timestamp\":\"2026-12-07T14:04:05.123Z\"");
    }

    @Test
    void theZoneComesFromTzElseTheSystem() {
        assertThat(TimeFormat.of(Map.of("TZ", "Asia/Tokyo"), false).format(CLOCK.instant())).isEqualTo("2026-12-07T23:04:05.123");
        assertThat(TimeFormat.of(Map.of("TZ", ":Asia/Tokyo"), false).format(CLOCK.instant())).isEqualTo("2026-12-07T23:04:05.123");
        assertThat(TimeFormat.of(Map.of("TZ", "Asia/Tokyo"), true).format(CLOCK.instant())).isEqualTo("2026-12-07T14:04:05.123Z");
        assertThat(TimeFormat.of(Map.of("TZ", "not a zone"), false).format(CLOCK.instant()))
                .isEqualTo(TimeFormat.local(ZoneId.systemDefault()).format(CLOCK.instant()));
    }
}

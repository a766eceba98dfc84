package jsup.supervisor.daemonlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jsupd.log's time stamps, written by hand, are what the pattern it replaced writes. */
class LogStampTest {

    @Test
    void writesWhatTheDateTimeFormatterPatternWrites() {
        List<ZoneId> zones = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Paris"), ZoneId.of("Asia/Kolkata"),
                ZoneId.of("America/St_Johns"), ZoneOffset.ofHoursMinutesSeconds(-4, -44, -30));
        List<Instant> instants = List.of(Instant.EPOCH, Instant.parse("2026-12-07T18:11:33.405Z"),
                Instant.parse("2024-02-29T23:59:59.999Z"), Instant.parse("2026-03-29T01:00:00.007Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("0999-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T12:00:00.010Z"));
        for (ZoneId zone : zones) {
            DateTimeFormatter pattern = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(zone);
            LogStamp stamp = new LogStamp(zone);
            for (Instant at : instants) {
                StringBuilder b = new StringBuilder();
                stamp.append(b, at);
                assertThat(b.toString()).as("%s in %s", at, zone).isEqualTo(pattern.format(at));
            }
        }
    }
}

package jsup.supervisor.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** PM2's (croner's) reading of cron_restart: 5 or 6 fields, names, Sunday as 0 or 7, either day field. */
class CronScheduleTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    /** A Wednesday. */
    private static final Instant WED_1030 = Instant.parse("2026-12-02T10:30:15Z");

    private static Instant next(String expression, Instant after) {
        return CronSchedule.parse(expression, UTC).nextAfter(after).orElseThrow();
    }

    @Test
    void fiveFieldsAreMinuteHourDayMonthWeekday() {
        assertThat(next("0 3 * * *", WED_1030)).isEqualTo(Instant.parse("2026-12-03T03:00:00Z"));
        assertThat(next("*/15 * * * *", WED_1030)).isEqualTo(Instant.parse("2026-12-02T10:45:00Z"));
    }

    @Test
    void sixFieldsPutSecondsFirst() {
        assertThat(next("*/10 * * * * *", WED_1030)).isEqualTo(Instant.parse("2026-12-02T10:30:20Z"));
        assertThat(next("30 0 12 * * *", WED_1030)).isEqualTo(Instant.parse("2026-12-02T12:00:30Z"));
    }

    @Test
    void nextIsStrictlyAfter() {
        Instant onTheMinute = Instant.parse("2026-12-02T10:31:00Z");
        assertThat(next("* * * * *", onTheMinute)).isEqualTo(Instant.parse("2026-12-02T10:32:00Z"));
    }

    @Test
    void sundayIsZeroOrSevenAndNamesWork() {
        Instant sunday = Instant.parse("2026-12-06T00:00:00Z");
        assertThat(next("0 0 * * 0", WED_1030)).isEqualTo(sunday);
        assertThat(next("0 0 * * 7", WED_1030)).isEqualTo(sunday);
        assertThat(next("0 0 * * SUN", WED_1030)).isEqualTo(sunday);
        assertThat(next("0 0 1 jan *", WED_1030)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(next("0 9 * * mon-fri", WED_1030)).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
    }

    @Test
    void bothDayFieldsRestrictedMeansEither() {
        // The 15th, or any Friday: Friday the 4th comes first.
        assertThat(next("0 0 15 * 5", WED_1030)).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
    }

    @Test
    void nicknames() {
        assertThat(next("@daily", WED_1030)).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(next("@hourly", WED_1030)).isEqualTo(Instant.parse("2026-12-02T11:00:00Z"));
    }

    @Test
    void timesAreInTheGivenZone() {
        Instant at = CronSchedule.parse("0 3 * * *", ZoneId.of("Europe/Berlin")).nextAfter(WED_1030).orElseThrow();
        assertThat(at).isEqualTo(Instant.parse("2026-12-03T02:00:00Z"));
    }

    @Test
    void badExpressionsNameTheProblem() {
        assertThatThrownBy(() -> CronSchedule.parse("0 3 * *", UTC)).hasMessageContaining("has 4 fields")
                .hasMessageContaining("use 5");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 3 * * * 2027", UTC)).hasMessageContaining("has 7 fields");
        assertThatThrownBy(() -> CronSchedule.parse("", UTC)).hasMessageContaining("has 0 fields");
        assertThatThrownBy(() -> CronSchedule.parse("61 * * * *", UTC)).hasMessageContaining("not a cron expression");
        assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *", UTC)).hasMessageContaining("not a cron expression");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 * * funday", UTC))
                .hasMessageContaining("not a cron expression");
        assertThat(CronSchedule.problem("0 3 * * *")).isEmpty();
    }
}

package jsup.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronCalendarTest {

    @Test
    void fieldsMapOneToOne() {
        assertThat(CronCalendar.onCalendar("0 3 * * *")).containsExactly("*-*-* 03:00:00");
        assertThat(CronCalendar.onCalendar("*/15 * * * *")).containsExactly("*-*-* *:00/15:00");
        assertThat(CronCalendar.onCalendar("30 */2 1-10/3 JAN,jul *")).containsExactly("*-1,7-1..10/3 00/02:30:00");
        assertThat(CronCalendar.onCalendar("*/30 0 4 * * *")).containsExactly("*-*-* 04:00:00/30");
        assertThat(CronCalendar.onCalendar("@weekly")).containsExactly("Sun *-*-* 00:00:00");
        assertThat(CronCalendar.onCalendar("0 9 * * 1-5")).containsExactly("Mon,Tue,Wed,Thu,Fri *-*-* 09:00:00");
        assertThat(CronCalendar.onCalendar("0 9 * * 0,7,SAT")).containsExactly("Sat,Sun *-*-* 09:00:00");
    }

    @Test
    void bothDayFieldsRestrictedGiveOneLinePerFieldAsCronRunsOnEither() {
        assertThat(CronCalendar.onCalendar("0 0 1 * MON"))
                .containsExactly("*-*-1 00:00:00", "Mon *-*-* 00:00:00");
    }

    @Test
    void whatSystemdCannotSayIsRefusedWithTheField() {
        assertThatThrownBy(() -> CronCalendar.onCalendar("0 0 L * *")).hasMessageContaining("day of month");
        assertThatThrownBy(() -> CronCalendar.onCalendar("0 0 * * 5#3")).hasMessageContaining("weekday");
        assertThatThrownBy(() -> CronCalendar.onCalendar("0 0 * *")).hasMessageContaining("4 fields");
    }

    @Test
    void systemdAcceptsEveryLine() throws Exception {
        assumeThat(ExternalTool.onPath("systemd-analyze")).as("systemd-analyze (Debian: systemd)").isTrue();
        List<String> argv = new ArrayList<>(List.of("systemd-analyze", "calendar"));
        for (String cron : List.of("0 3 * * *", "*/15 * * * *", "30 */2 1-10/3 JAN,jul *", "*/30 0 4 * * *",
                "0 0 1 * MON", "0 9 * * 1-5")) {
            argv.addAll(CronCalendar.onCalendar(cron));
        }
        ExternalTool.Run run = ExternalTool.run(Path.of("."), argv);
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}

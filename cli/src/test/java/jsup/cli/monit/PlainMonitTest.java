package jsup.cli.monit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import jsup.cli.render.TimeFormat;
import jsup.healthmon.proc.HostUsage;
import org.junit.jupiter.api.Test;

/** The plain frame's time line: shown as every command shows times, never as a raw nanosecond instant. */
class PlainMonitTest {

    private static final Instant AT = Instant.parse("2026-12-07T14:04:05.123456789Z");
    private static final HostUsage HOST = new HostUsage(12.5, 2, 4L << 30, 3L << 30, 0.5, 0.25, 0.125, -1, -1);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theTextFrameShowsLocalTimeWithMilliseconds() throws Exception {
        String frame = monit(false, TimeFormat.local(BERLIN)).frame(AT, HOST, apps());

        assertThat(frame).startsWith("2026-12-07T15:04:05.123  host cpu 12.5% mem 1.0G/4.0G load 0.5 0.25 0.125\n")
                .doesNotContain("123456789");
    }

    @Test
    void theTextFrameShowsUtcWithMillisecondsUnderUtc() throws Exception {
        String frame = monit(false, TimeFormat.utc()).frame(AT, HOST, apps());

        assertThat(frame).startsWith("2026-12-07T14:04:05.123Z  host ");
    }

    @Test
    void theJsonFrameCarriesTheZoneOffset() throws Exception {
        String frame = monit(true, TimeFormat.local(BERLIN)).frame(AT, HOST, apps());

        JsonNode json = new ObjectMapper().readTree(frame);
        assertThat(json.path("at").asText()).isEqualTo("2026-12-07T15:04:05.123+01:00");
        assertThat(json.path("apps").get(0).path("name").asText()).isEqualTo("web");
    }

    private static PlainMonit monit(boolean json, TimeFormat time) {
        return new PlainMonit(null, new PrintWriter(new StringWriter()), json, time);
    }

    private static JsonNode apps() throws Exception {
        return new ObjectMapper().readTree("[{\"id\":0,\"name\":\"web\",\"status\":\"stopped\",\"pid\":0,"
                + "\"uptime_ms\":0,\"restarts\":0,\"cpu\":0,\"memory\":0,\"health\":\"none\"}]");
    }
}

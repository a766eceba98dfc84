package jsup.healthmon;

import java.time.Instant;
import jsup.healthmon.probe.ProbeResult;
import jsup.healthmon.proc.InotifyWarning;

/**
 * Lines of {@code $JSUP_HOME/logs/healthmon.log}: one per probe result and per inotify warning,
 * tab-separated so {@code cut} and {@code awk} work: time, app, probe, {@code ok}/{@code FAIL},
 * latency in ms, detail.
 */
public final class HealthLogFormat {

    private HealthLogFormat() {
    }

    /** {@code 2026-01-29T20:03:31Z	gateway	tcp 127.0.0.1:18789	FAIL	2ms	connection refused} */
    public static String line(Instant time, String app, ProbeResult result) {
        return time + "\t" + app + "\t" + result.probe() + "\t" + (result.ok() ? "ok" : "FAIL") + "\t"
                + result.latency().toMillis() + "ms\t" + oneLine(result.detail());
    }

    /** {@code 2026-01-29T20:03:31Z	gateway	inotify	WARN	-	inotify: uid 0 holds ...} */
    public static String line(Instant time, String app, InotifyWarning warning) {
        return time + "\t" + app + "\tinotify\tWARN\t-\t" + oneLine(warning.message());
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\t', ' ');
    }
}

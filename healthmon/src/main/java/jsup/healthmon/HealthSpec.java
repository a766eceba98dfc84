package jsup.healthmon;

import java.time.Duration;
import java.util.List;

/**
 * An app's {@code health} block, validated and with every default filled in (the ecosystem loader
 * builds it through {@link #withDefaults}).
 *
 * @param probes       one or more probes, all run on the same schedule
 * @param interval     time between two rounds of probes (default 5 min, as in the seed deployment)
 * @param timeout      how long one probe may take before it counts as failed (default 5 s)
 * @param failures     consecutive failed rounds before {@link #action} (default 1)
 * @param initialDelay grace after each start of the app, during which no probe runs
 *                     (default the app's {@code min_uptime})
 * @param action       what jsupd does at the threshold
 * @param inotifyWarn  ratio of the user's inotify limits at which a warning is raised (default 0.8)
 */
public record HealthSpec(List<ProbeSpec> probes, Duration interval, Duration timeout, int failures,
                         Duration initialDelay, HealthAction action, double inotifyWarn) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_FAILURES = 1;
    public static final double DEFAULT_INOTIFY_WARN = 0.8;

    public HealthSpec {
        probes = List.copyOf(probes);
    }

    /**
     * Fills every unset value ({@code null}, or {@code failures <= 0}, or {@code inotifyWarn <= 0})
     * with its default. This is the one place health defaults live.
     */
    public static HealthSpec withDefaults(List<ProbeSpec> probes, Duration interval, Duration timeout,
                                          Integer failures, Duration initialDelay, HealthAction action,
                                          Double inotifyWarn, Duration appMinUptime) {
        return new HealthSpec(probes,
                interval != null ? interval : DEFAULT_INTERVAL,
                timeout != null ? timeout : DEFAULT_TIMEOUT,
                failures != null && failures > 0 ? failures : DEFAULT_FAILURES,
                initialDelay != null ? initialDelay : appMinUptime,
                action != null ? action : HealthAction.RESTART,
                inotifyWarn != null && inotifyWarn > 0 ? inotifyWarn : DEFAULT_INOTIFY_WARN);
    }
}

package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/**
 * Reads an app's readiness keys: {@code wait_ready} and {@code listen_timeout} (PM2's names; here the
 * signal is systemd's {@code READY=1}), {@code health.ready} and {@code watchdog}. Also gives the
 * environment a watchdog adds ({@code WATCHDOG_USEC}).
 */
final class ReadinessReader {

    static final String WATCHDOG_USEC = "WATCHDOG_USEC";

    private ReadinessReader() {
    }

    /**
     * {@code health} is the app's raw health block or null (its {@code ready} is read here), {@code probes}
     * whether that block has a probe.
     */
    static ReadinessSpec read(Fields f, JsonNode health, boolean probes) {
        boolean notify = f.bool("wait_ready", false);
        boolean healthReady = false;
        String readyPath = Problems.join(f.path("health"), "ready");
        JsonNode ready = health != null && health.isObject() ? health.get("ready") : null;
        if (ready != null && !ready.isNull()) {
            if (ready.isBoolean()) {
                healthReady = ready.booleanValue();
                if (healthReady && !probes) {
                    f.problems().error(readyPath, "needs a probe to pass; add \"tcp\", \"http\" or \"exec\" to health");
                }
            } else {
                f.problems().error(readyPath, Values.show(ready) + " is not true or false");
            }
        }
        Duration timeout = f.duration("listen_timeout", ReadinessSpec.DEFAULT_TIMEOUT);
        if (timeout != null && timeout.isZero()) {
            f.error("listen_timeout", "is 0; use a positive duration such as \"60s\"");
        }
        Duration watchdog = f.optionalDuration("watchdog");
        if (watchdog != null && watchdog.isZero()) {
            watchdog = null; // systemd's WatchdogSec=0: off
        }
        if (!notify && !healthReady && watchdog == null) {
            return timeout == null || timeout.equals(ReadinessSpec.DEFAULT_TIMEOUT) ? ReadinessSpec.NONE
                    : new ReadinessSpec(false, false, timeout, null);
        }
        return new ReadinessSpec(notify, healthReady, timeout == null ? ReadinessSpec.DEFAULT_TIMEOUT : timeout,
                watchdog);
    }

    /** {@code WATCHDOG_USEC} for an app with a watchdog (systemd passes the same), unless its env sets it. */
    static void addWatchdogEnvironment(ReadinessSpec readiness, Map<String, String> env) {
        if (readiness.watchdog() != null && env != null) {
            env.putIfAbsent(WATCHDOG_USEC, Long.toString(readiness.watchdog().toNanos() / 1000));
        }
    }
}

package jsup.supervisor.readiness;

import jsup.supervisor.config.Durations;
import jsup.supervisor.config.ReadinessSpec;

/**
 * Whether one app's current run is ready, and whether it broke its promises: not ready within
 * {@code listen_timeout}, or silent past its watchdog interval. Fed with the run's start, the notify
 * messages and passing health rounds; asked with {@link #check}. Pure: time (monotonic nanoseconds)
 * is passed in; the engine acts on the verdict.
 */
public final class ReadinessTracker {

    public static final long NEVER = Long.MAX_VALUE;

    /** What {@link #check} found. */
    public enum Verdict {
        /** Nothing to do. */
        NONE,
        /** Not ready within the timeout: restart. */
        TIMEOUT,
        /** No {@code WATCHDOG=1} within the interval, or {@code WATCHDOG=trigger}: restart. */
        WATCHDOG
    }

    private final ReadinessSpec spec;
    private final Watchdog watchdog;
    private boolean running;
    private boolean ready;
    private boolean notified;
    private boolean probed;
    private boolean reloading;
    private boolean stopping;
    private boolean triggered;
    private String status;
    private long readyBy = NEVER;

    public ReadinessTracker(ReadinessSpec spec) {
        this.spec = spec;
        this.watchdog = new Watchdog(spec.watchdog());
    }

    /** A new run started at {@code now}: ready at once when the app has no readiness signal. */
    public void launched(long now) {
        running = true;
        ready = false;
        notified = false;
        probed = false;
        reloading = false;
        stopping = false;
        triggered = false;
        status = null;
        watchdog.disarm();
        readyBy = spec.waits() ? now + spec.timeout().toNanos() : NEVER;
        becomeReadyIfDue(now);
    }

    /** The run ended (exit or stop): nothing is ready, nothing is timed. */
    public void ended() {
        running = false;
        ready = false;
        readyBy = NEVER;
        watchdog.disarm();
    }

    public void onNotify(NotifyMessage m, long now) {
        if (!running) {
            return;
        }
        if (m.status() != null) {
            status = m.status();
        }
        if (m.watchdogUsec() >= 0) {
            watchdog.changeInterval(m.watchdogUsec(), now);
        }
        if (m.reloading()) {
            // systemd: RELOADING=1 ... READY=1 brackets a reload; not ready in between.
            reloading = true;
            ready = false;
            readyBy = now + spec.timeout().toNanos();
        }
        if (m.stopping()) {
            stopping = true;
            ready = false;
            readyBy = NEVER;
            watchdog.disarm();
        }
        if (m.ready() && !stopping) {
            notified = true;
            reloading = false;
            becomeReadyIfDue(now);
        }
        if (m.extendTimeoutUsec() >= 0 && !ready && readyBy != NEVER) {
            readyBy = Math.max(readyBy, now + m.extendTimeoutUsec() * 1000);
        }
        if (m.watchdogPing()) {
            watchdog.ping(now);
        }
        if (m.watchdogTrigger()) {
            triggered = true;
        }
    }

    /** A health round passed: ready when {@code health.ready} was all it waited for. */
    public void onProbePassed(long now) {
        if (running && !probed) {
            probed = true;
            becomeReadyIfDue(now);
        }
    }

    private void becomeReadyIfDue(long now) {
        if (ready || stopping || reloading) {
            return;
        }
        if ((!spec.notifyReady() || notified) && (!spec.healthReady() || probed)) {
            ready = true;
            readyBy = NEVER;
            watchdog.arm(now);
        }
    }

    public Verdict check(long now) {
        if (!running) {
            return Verdict.NONE;
        }
        if (triggered || watchdog.expired(now)) {
            return Verdict.WATCHDOG;
        }
        if (!ready && now >= readyBy) {
            return Verdict.TIMEOUT;
        }
        return Verdict.NONE;
    }

    /** When {@link #check} may next find something, or {@link #NEVER}. */
    public long deadline() {
        return running ? Math.min(readyBy, watchdog.deadline()) : NEVER;
    }

    public boolean ready() {
        return ready;
    }

    /** What the app said in {@code STATUS=}, or its phase (reloading, stopping), or null. */
    public String statusText() {
        if (stopping && status == null) {
            return "stopping";
        }
        if (reloading && status == null) {
            return "reloading";
        }
        return status;
    }

    /** The restart reason for a verdict. */
    public String reason(Verdict verdict) {
        return switch (verdict) {
            case TIMEOUT -> "ready timeout: not ready within " + Durations.format(spec.timeout())
                    + " (listen_timeout)";
            case WATCHDOG -> "watchdog";
            case NONE -> null;
        };
    }

    /** Why the watchdog fired, for the app's log line. */
    public String watchdogDetail() {
        if (triggered) {
            return "the app sent WATCHDOG=trigger";
        }
        return "no WATCHDOG=1 within " + Durations.format(java.time.Duration.ofNanos(watchdog.intervalNanos()));
    }
}

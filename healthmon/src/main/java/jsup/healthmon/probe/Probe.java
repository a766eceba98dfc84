package jsup.healthmon.probe;

import java.time.Duration;

/** One health check. Implementations are thread-safe and never throw: a failure is a result. */
public interface Probe {

    /** A short description for logs and restart reasons, e.g. {@code tcp 127.0.0.1:18789}. */
    String describe();

    /** Runs the check once; returns within about {@code timeout}. */
    ProbeResult check(Duration timeout);
}

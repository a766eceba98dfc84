package jsup.supervisor.internal;

import java.time.Duration;

/** What to do after an exit the engine did not ask for. Each carries the counters to keep. */
public sealed interface RestartDecision {

    RestartCounters counters();

    /** The text that explains the decision (restart history, transition reason). */
    String reason();

    /** Start again after {@code delay} (zero: at once). */
    record Restart(Duration delay, String reason, RestartCounters counters) implements RestartDecision {
    }

    /** Do not restart: {@code autorestart} is off or the exit code is one of {@code stop_exit_codes}. */
    record Stay(String reason, RestartCounters counters) implements RestartDecision {
    }

    /** Crash loop: {@code max_restarts} unstable exits in a row; the app goes to {@code errored}. */
    record GiveUp(String reason, RestartCounters counters) implements RestartDecision {
    }
}

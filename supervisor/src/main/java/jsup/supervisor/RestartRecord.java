package jsup.supervisor;

import java.time.Duration;
import java.time.Instant;

/**
 * One restart of an app.
 *
 * @param at     when the restart was decided
 * @param reason why, e.g. {@code exit code 3}, {@code signal SIGSEGV}, {@code memory 512M > 500M},
 *               {@code health: tcp 127.0.0.1:18789 connection refused (2 in a row)}, {@code manual}
 * @param uptime how long the run before it lasted
 */
public record RestartRecord(Instant at, String reason, Duration uptime) {
}

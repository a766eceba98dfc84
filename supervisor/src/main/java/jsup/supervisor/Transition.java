package jsup.supervisor;

import java.time.Instant;

/**
 * One recorded change of an app's status.
 *
 * @param at     wall-clock time of the change
 * @param from   status before ({@code null} for the first one)
 * @param to     status after
 * @param reason why, in a few words (e.g. {@code exit code 1}, {@code stop requested})
 */
public record Transition(Instant at, ProcessStatus from, ProcessStatus to, String reason) {
}

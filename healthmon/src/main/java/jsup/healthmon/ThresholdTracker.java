package jsup.healthmon;

/**
 * Counts consecutive failed rounds of one app. When the count reaches {@code failures} the step
 * reports the threshold and the count starts again from zero, so a still-failing app triggers again
 * after another {@code failures} rounds. A passing round resets the count. Not thread-safe: the
 * monitor calls it under its lock.
 */
public final class ThresholdTracker {

    /**
     * @param consecutiveFailures failures in a row including this round (0 after a pass)
     * @param reached             true when this round completed the threshold
     */
    public record Step(int consecutiveFailures, boolean reached) {
    }

    private final int failures;
    private int count;

    public ThresholdTracker(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        this.failures = failures;
    }

    public Step record(boolean ok) {
        if (ok) {
            count = 0;
            return new Step(0, false);
        }
        count++;
        if (count >= failures) {
            int reached = count;
            count = 0;
            return new Step(reached, true);
        }
        return new Step(count, false);
    }

    /** Forgets the count (the app was started again). */
    public void reset() {
        count = 0;
    }

    public int current() {
        return count;
    }
}

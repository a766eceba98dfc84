package jsup.healthmon.doctor;

/**
 * What {@code jsup doctor --fix} did for one check.
 *
 * @param ok     true when the fix was written (and applied, where that was possible)
 * @param detail what was done, or why not and what to run instead
 */
public record FixResult(boolean ok, String detail) {
}

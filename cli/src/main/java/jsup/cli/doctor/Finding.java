package jsup.cli.doctor;

import jsup.healthmon.doctor.CheckResult;
import jsup.healthmon.doctor.FixResult;

/**
 * One check's result and, with {@code --fix}, what its fix did.
 *
 * @param result the check's result
 * @param fixed  the fix's outcome; null when no fix was tried (the check passed, has no fix, or no
 *               {@code --fix})
 */
public record Finding(CheckResult result, FixResult fixed) {

    /** Still a problem: the check failed and no fix repaired it. */
    public boolean failing() {
        return !result.ok() && (fixed == null || !fixed.ok());
    }
}

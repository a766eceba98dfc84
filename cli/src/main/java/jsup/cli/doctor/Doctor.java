package jsup.cli.doctor;

import java.util.ArrayList;
import java.util.List;
import jsup.healthmon.doctor.CheckResult;
import jsup.healthmon.doctor.DoctorCheck;
import jsup.healthmon.doctor.FixableCheck;

/** Runs checks in order and, when asked, the fix of each fixable one that failed. */
public final class Doctor {

    private Doctor() {
    }

    public static List<Finding> run(List<DoctorCheck> checks, boolean fix) {
        List<Finding> findings = new ArrayList<>();
        for (DoctorCheck check : checks) {
            CheckResult result = safely(check);
            if (fix && !result.ok() && check instanceof FixableCheck fixable) {
                findings.add(new Finding(result, fixable.fix()));
            } else {
                findings.add(new Finding(result, null));
            }
        }
        return findings;
    }

    /** A check should never throw; if one does, the rest still run and the failure says which. */
    private static CheckResult safely(DoctorCheck check) {
        try {
            return check.run();
        } catch (RuntimeException e) {
            return CheckResult.fail(check.getClass().getSimpleName(), "the check itself failed: " + e,
                    "a bug in jsup doctor; please report it with this line");
        }
    }
}

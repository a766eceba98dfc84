package jsup.healthmon.doctor;

/** One {@code jsup doctor} check. Runs quickly and never throws: a problem is a failed result. */
public interface DoctorCheck {

    CheckResult run();
}

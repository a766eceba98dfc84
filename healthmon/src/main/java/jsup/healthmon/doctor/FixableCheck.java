package jsup.healthmon.doctor;

/** A check that {@code jsup doctor --fix} can repair. */
public interface FixableCheck extends DoctorCheck {

    FixResult fix();
}

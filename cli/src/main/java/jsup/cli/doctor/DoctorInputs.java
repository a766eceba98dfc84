package jsup.cli.doctor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.daemon.JsupHome;

/**
 * Everything the checks look at, gathered before any runs.
 *
 * @param home       the {@code $JSUP_HOME} checked
 * @param daemon     what jsupd answered (never started by the doctor)
 * @param apps       the apps whose ports and lock files are checked
 * @param appsSource where {@code apps} came from, for the report, e.g. {@code jsupd} or a file path
 * @param fixRoot    where {@code --fix} writes: {@code /}, or a temp folder in tests
 * @param asRoot     whether this process runs as root
 * @param procFs     {@code /proc}
 * @param clock      for the age of unreadable lock files
 */
public record DoctorInputs(JsupHome home, DaemonState daemon, List<CheckedApp> apps, String appsSource,
                           Path fixRoot, boolean asRoot, ProcFs procFs, Clock clock) {

    public DoctorInputs {
        apps = List.copyOf(apps);
    }
}

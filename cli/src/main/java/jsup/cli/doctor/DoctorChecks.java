package jsup.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import jsup.healthmon.HealthSpec;
import jsup.healthmon.doctor.CheckResult;
import jsup.healthmon.doctor.DoctorCheck;
import jsup.healthmon.doctor.FreeDiskCheck;
import jsup.healthmon.doctor.JavaVersionCheck;
import jsup.healthmon.doctor.PortHolderCheck;
import jsup.healthmon.proc.PortOwners;
import jsup.supervisor.prestart.StaleLocks;

/**
 * The checks of {@code jsup doctor}, in the order they are shown: Java, jsupd, which apps, inotify,
 * each configured port, each app's lock files, free disk under the logs.
 */
public final class DoctorChecks {

    private DoctorChecks() {
    }

    public static List<DoctorCheck> of(DoctorInputs in) {
        List<DoctorCheck> checks = new ArrayList<>();
        checks.add(new JavaVersionCheck());
        checks.add(new DaemonCheck(in.daemon()));
        checks.add(appsLine(in));
        checks.add(new InotifyCheck(in.procFs(), inotifyUid(in), warnRatio(in.apps()), in.fixRoot(), in.asRoot()));
        Set<Integer> supervised = SupervisedPids.of(in.procFs(), mainPids(in.daemon()));
        PortOwners owners = new PortOwners(in.procFs());
        for (CheckedApp app : in.apps()) {
            for (ConfiguredPort port : app.ports()) {
                checks.add(new PortHolderCheck(owners, port.port(), app.name(), supervised));
            }
        }
        StaleLocks locks = new StaleLocks(in.procFs(), in.clock());
        for (CheckedApp app : in.apps()) {
            if (!app.lockGlobs().isEmpty()) {
                checks.add(new AppLockCheck(app.name(), app.lockGlobs(), locks));
            }
        }
        checks.add(new FreeDiskCheck(in.home().logsDir(), FreeDiskCheck.DEFAULT_MINIMUM));
        return checks;
    }

    /** Says which apps the port and lock checks cover, so an empty list is not mistaken for "all fine". */
    private static DoctorCheck appsLine(DoctorInputs in) {
        List<String> names = in.apps().stream().map(CheckedApp::name).toList();
        String detail = names.isEmpty()
                ? "none to check from " + in.appsSource() + "; to check the apps of a file: jsup doctor ecosystem.json"
                : names.size() + " from " + in.appsSource() + ": " + String.join(", ", names);
        return () -> CheckResult.pass("apps", detail);
    }

    /** The user the kernel charges the apps' inotify use to: jsupd's, else ours. */
    private static int inotifyUid(DoctorInputs in) {
        OptionalInt uid = OptionalInt.empty();
        if (in.daemon().reachable()) {
            uid = in.procFs().effectiveUid(in.daemon().pong().path("pid").asInt());
        }
        if (uid.isEmpty()) {
            uid = in.procFs().effectiveUid((int) ProcessHandle.current().pid());
        }
        return uid.orElse(-1);
    }

    /** The strictest {@code inotify_warn} of the apps, else healthmon's default (0.8). */
    static double warnRatio(List<CheckedApp> apps) {
        double ratio = HealthSpec.DEFAULT_INOTIFY_WARN;
        for (CheckedApp app : apps) {
            if (app.inotifyWarn().isPresent()) {
                ratio = Math.min(ratio, app.inotifyWarn().getAsDouble());
            }
        }
        return ratio;
    }

    private static List<Integer> mainPids(DaemonState daemon) {
        List<Integer> pids = new ArrayList<>();
        for (JsonNode app : daemon.apps()) {
            int pid = app.path("pid").asInt();
            if (pid > 0) {
                pids.add(pid);
            }
        }
        return pids;
    }
}

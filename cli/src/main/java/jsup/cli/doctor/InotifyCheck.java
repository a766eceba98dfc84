package jsup.cli.doctor;

import java.nio.file.Path;
import java.util.List;
import jsup.healthmon.doctor.CheckResult;
import jsup.healthmon.doctor.FixResult;
import jsup.healthmon.doctor.FixableCheck;
import jsup.healthmon.doctor.InotifyLimitCheck;
import jsup.healthmon.doctor.InotifySysctlFix;
import jsup.healthmon.proc.InotifySetting;
import jsup.healthmon.proc.ProcFs;

/**
 * healthmon's {@link InotifyLimitCheck}, with the CLI's rule for {@code --fix}: on the real system
 * root only root may write {@code /etc/sysctl.d} and run {@code sysctl}, so anyone else is told the
 * exact command to run with sudo instead of getting a permission error.
 */
final class InotifyCheck implements FixableCheck {

    private final InotifyLimitCheck check;
    private final ProcFs procFs;
    private final Path root;
    private final boolean asRoot;

    /**
     * @param root   where the fix writes {@code etc/sysctl.d/…}: {@code /}, or a temp folder in tests
     * @param asRoot whether this process runs as root
     */
    InotifyCheck(ProcFs procFs, int uid, double warnRatio, Path root, boolean asRoot) {
        this.check = new InotifyLimitCheck(procFs, uid, warnRatio, root);
        this.procFs = procFs;
        this.root = root;
        this.asRoot = asRoot;
    }

    @Override
    public CheckResult run() {
        return check.run();
    }

    @Override
    public FixResult fix() {
        List<InotifySetting> near = check.nearLimits();
        if (isSystemRoot(root) && !asRoot && !near.isEmpty()) {
            return new FixResult(false, "only root can raise kernel limits; run: " + sudoCommand(near));
        }
        return check.fix();
    }

    /** The one line a user pastes to raise {@code near} with sudo. */
    String sudoCommand(List<InotifySetting> near) {
        InotifySysctlFix fix = new InotifySysctlFix(Path.of("/"), procFs);
        List<String> settings = fix.settings(near);
        String file = fix.file().toString();
        return "printf '" + String.join("\\n", settings) + "\\n' | sudo tee -a " + file + " && sudo sysctl -p " + file;
    }

    static boolean isSystemRoot(Path root) {
        return root.toAbsolutePath().normalize().equals(Path.of("/"));
    }
}

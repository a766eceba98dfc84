package jsup.cli.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import jsup.healthmon.doctor.CheckResult;
import jsup.healthmon.doctor.DoctorCheck;

/**
 * jsupd answers on its socket, and the socket has mode 0600: anyone who can connect can start any
 * command as the daemon's user.
 */
final class DaemonCheck implements DoctorCheck {

    static final String NAME = "jsupd";

    private final DaemonState state;

    DaemonCheck(DaemonState state) {
        this.state = state;
    }

    @Override
    public CheckResult run() {
        if (!state.reachable()) {
            boolean socketLeft = Files.exists(state.socket(), LinkOption.NOFOLLOW_LINKS);
            return CheckResult.fail(NAME, "not answering: " + state.problem(), socketLeft
                    ? "jsup ping starts a fresh jsupd, which replaces the stale socket; "
                            + "see " + state.socket().resolveSibling("jsupd.log") + " for why the last one stopped"
                    : "start it: jsup resurrect (brings back the saved apps) or jsup start <file>");
        }
        String who = "pid " + state.pong().path("pid").asLong() + " (version " + state.pong().path("version").asText()
                + ", " + state.apps().size() + " app(s)) answers on " + state.socket();
        String mode;
        try {
            mode = octal(Files.getPosixFilePermissions(state.socket(), LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException e) {
            return CheckResult.fail(NAME, who + "; cannot read the socket's mode: " + e.getMessage(),
                    "check that " + state.socket() + " is a socket file you own");
        }
        if (!state.problem().isEmpty()) {
            return CheckResult.fail(NAME, who + ", but " + state.problem(),
                    "see " + state.socket().resolveSibling("jsupd.log") + "; restart it: jsup kill && jsup resurrect");
        }
        if (!mode.equals("0600")) {
            return CheckResult.fail(NAME, who + " with mode " + mode + ": other users can control jsupd",
                    "chmod 600 " + state.socket() + " (jsupd sets 0600 itself when it starts: "
                            + "jsup kill && jsup resurrect)");
        }
        return CheckResult.pass(NAME, who + ", mode 0600");
    }

    /** {@code 0600} for {@code rw-------}. */
    static String octal(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", mode);
    }
}

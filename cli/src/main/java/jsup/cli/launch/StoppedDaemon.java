package jsup.cli.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jsup.cli.ExitCode;
import jsup.cli.ExitException;
import jsup.supervisor.daemon.JsupHome;

/**
 * The rule that keeps an explicit {@code jsup kill} (or a SIGTERM) in force: jsupd writes
 * {@code jsupd.stopped} when it stops cleanly and removes it when one starts. While it is there, only
 * the commands that bring apps back ({@code start}, {@code resurrect}, {@code jsup daemon}) start a
 * jsupd; every other command ends with exit 4 and says how to bring the apps back. No marker means
 * first use or a crash: then any command starts jsupd, which restores what ran (docs/cli.md).
 */
final class StoppedDaemon {

    private StoppedDaemon() {
    }

    /** Throws exit 4 when the last jsupd of {@code home} was stopped on purpose. */
    static void refuseRestart(Path home) {
        Optional<String> stopped = marker(JsupHome.of(home));
        if (stopped.isEmpty()) {
            return;
        }
        JsupHome files = JsupHome.of(home);
        boolean saved = Files.exists(files.dump()) || Files.exists(files.dumpBackup());
        throw new ExitException(ExitCode.DAEMON_UNREACHABLE, "jsup: no jsupd is running for " + home
                + " (" + stopped.get() + ": jsup kill or SIGTERM).\nThis command does not start one after a clean"
                + " stop; start, resurrect and jsup daemon do.\n"
                + "Bring apps back with: " + (saved ? "jsup resurrect (the apps of the last jsup save), or " : "")
                + "jsup start <file|script>");
    }

    /** Whether the marker of a clean stop is there. */
    static boolean isStopped(Path home) {
        return marker(JsupHome.of(home)).isPresent();
    }

    /** The marker's text ("jsupd pid N stopped cleanly at …"), or empty when the last jsupd did not stop cleanly. */
    private static Optional<String> marker(JsupHome home) {
        try {
            return Optional.of(Files.readString(home.stoppedMarker()).trim());
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("jsupd stopped cleanly");
        }
    }
}

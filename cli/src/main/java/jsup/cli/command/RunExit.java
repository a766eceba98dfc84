package jsup.cli.command;

import java.util.List;
import jsup.cli.ExitCode;
import jsup.supervisor.ProcessStatus;

/**
 * When {@code jsup run} ends, and with which code, decided from the apps' statuses:
 * <ul>
 * <li>after a stop signal ({@code TERM}/{@code INT}) and the stop of every app: {@link ExitCode#OK} (not 143,
 *     which a container runtime counts as a failure), or {@link ExitCode#FAILURE} when an app could not
 *     be stopped (its processes survived SIGKILL);</li>
 * <li>{@code --exit-on-errored}: as soon as one app is errored (it gave up restarting), stop the others
 *     and exit {@link ExitCode#FAILURE};</li>
 * <li>otherwise, unless {@code --no-auto-exit}: once no app runs or will restart, exit
 *     {@link ExitCode#FAILURE} when one errored, else {@link ExitCode#OK}.</li>
 * </ul>
 */
final class RunExit {

    /** What the run should do now. */
    enum Verdict {
        /** Keep running. */
        RUN,
        /** One app errored and --exit-on-errored: stop every app, then exit 1. */
        STOP_ERRORED,
        /** Nothing runs or will restart, and one errored: exit 1. */
        DONE_ERRORED,
        /** Nothing runs or will restart, none errored: exit 0. */
        DONE;

        int exitCode() {
            return this == DONE ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    private final boolean autoExit;
    private final boolean exitOnErrored;

    RunExit(boolean autoExit, boolean exitOnErrored) {
        this.autoExit = autoExit;
        this.exitOnErrored = exitOnErrored;
    }

    /** The exit code once every app was asked to stop: {@code apps} as they ended. */
    static int afterStop(List<ProcessStatus> apps) {
        return apps.contains(ProcessStatus.ERRORED) ? ExitCode.FAILURE : ExitCode.OK;
    }

    /** What to do now, while no stop signal came. */
    Verdict judge(List<ProcessStatus> apps) {
        boolean errored = apps.contains(ProcessStatus.ERRORED);
        if (errored && exitOnErrored) {
            boolean othersDown = apps.stream()
                    .allMatch(s -> s == ProcessStatus.STOPPED || s == ProcessStatus.ERRORED);
            return othersDown ? Verdict.DONE_ERRORED : Verdict.STOP_ERRORED;
        }
        if (!autoExit) {
            return Verdict.RUN;
        }
        for (ProcessStatus s : apps) {
            if (s != ProcessStatus.STOPPED && s != ProcessStatus.ERRORED) {
                return Verdict.RUN;
            }
        }
        return errored ? Verdict.DONE_ERRORED : Verdict.DONE;
    }
}

package jsup.supervisor.config;

import java.time.Duration;

/** One entry of an app's {@code pre_start} list, run in order before every start and restart. */
public sealed interface PreStartStep {

    /**
     * {@code {"run": "scripts/check.sh", "timeout": "30s"}}: a command run with {@code sh -c} in the
     * app's cwd and environment; a non-zero exit or a timeout fails the start.
     */
    record RunCommand(String command, Duration timeout) implements PreStartStep {
    }

    /**
     * {@code {"clear_stale_locks": "~/.moltbot/*.lock"}}: removes lock files matching the glob whose
     * owner is gone, never a live one.
     */
    record ClearStaleLocks(String glob) implements PreStartStep {
    }
}

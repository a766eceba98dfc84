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
     * {@code {"clear_stale_locks": "~/.moltbot/*.lock", "remove_unowned_after": "1h"}}: removes lock
     * files matching the glob whose owner is provably gone, never a live one. A matched file that names
     * no owner is kept, unless {@code removeUnownedAfter} is set (non-null) and it is older than that.
     */
    record ClearStaleLocks(String glob, Duration removeUnownedAfter) implements PreStartStep {

        /** A step that keeps every file that names no owner. */
        public ClearStaleLocks(String glob) {
            this(glob, null);
        }
    }
}

package jsup.gateway.lock;

import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;

/**
 * Explains why a lock file's recorded owner no longer owns it, for the take-over log line. It
 * never decides liveness: that is the OS lock's job.
 */
final class LockOwnerCheck {

    private final ProcFs proc;

    LockOwnerCheck(ProcFs proc) {
        this.proc = proc;
    }

    String whyStale(LockPayload owner) {
        String who = owner.describe();
        if (owner.pid() <= 0 || owner.pid() > Integer.MAX_VALUE || proc.identity((int) owner.pid()).isEmpty()) {
            return who + ", which is no longer running";
        }
        int pid = (int) owner.pid();
        if (owner.startTime() != null && !new ProcessIdentity(pid, owner.startTime()).isAlive(proc)) {
            return who + ", which is no longer running (pid " + pid + " now belongs to another process)";
        }
        return who + ", which still runs but does not hold the OS lock (an older gateway or a copied file)";
    }
}

package jsup.gateway.lock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import jsup.healthmon.proc.ProcFs;
import jsup.healthmon.proc.ProcessIdentity;

/**
 * Decides whether a lock's owner still runs. With a recorded start time the pid must exist AND
 * have started at that time, so a pid reused by another process does not keep the lock. Without
 * one (files from older gateways) the process must look like a gateway: its command line mentions
 * {@code gateway}.
 */
final class LockOwnerCheck {

    private final ProcFs proc;

    LockOwnerCheck(ProcFs proc) {
        this.proc = proc;
    }

    boolean isAlive(LockPayload owner) {
        if (owner.pid() <= 0 || owner.pid() > Integer.MAX_VALUE) {
            return false;
        }
        int pid = (int) owner.pid();
        if (owner.startTime() != null) {
            return new ProcessIdentity(pid, owner.startTime()).isAlive(proc);
        }
        if (proc.identity(pid).isEmpty()) {
            return false;
        }
        try {
            byte[] raw = Files.readAllBytes(proc.root().resolve(Integer.toString(pid)).resolve("cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').contains("gateway");
        } catch (IOException e) {
            return false;
        }
    }
}

package jsup.healthmon.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jsup.healthmon.proc.PortHolder;
import jsup.healthmon.proc.PortOwners;

/**
 * A port an app is configured to use is free, or held only by processes jsup supervises. A foreign
 * holder (the seed's "gateway already running" from a stray copy) is named with pid and command.
 */
public final class PortHolderCheck implements DoctorCheck {

    private final PortOwners owners;
    private final int port;
    private final String app;
    private final Set<Integer> supervisedPids;

    /**
     * @param app            the app configured with this port, for the message
     * @param supervisedPids every pid of every process tree jsup supervises
     */
    public PortHolderCheck(PortOwners owners, int port, String app, Set<Integer> supervisedPids) {
        this.owners = owners;
        this.port = port;
        this.app = app;
        this.supervisedPids = Set.copyOf(supervisedPids);
    }

    @Override
    public CheckResult run() {
        String name = "port " + port + " (" + app + ")";
        List<PortHolder> holders = owners.holders(port);
        List<PortHolder> foreign = new ArrayList<>();
        for (PortHolder h : holders) {
            if (!supervisedPids.contains(h.pid())) {
                foreign.add(h);
            }
        }
        if (holders.isEmpty()) {
            return CheckResult.pass(name, "free");
        }
        if (foreign.isEmpty()) {
            return CheckResult.pass(name, "held by " + app + " (pid " + holders.get(0).pid() + ")");
        }
        PortHolder first = foreign.get(0);
        String detail = "held by " + first.describe() + " on " + first.endpoint() + ", which jsup does not supervise"
                + (foreign.size() > 1 ? " (and " + (foreign.size() - 1) + " more)" : "");
        String fix = first.pidKnown()
                ? "stop it (kill " + first.pid() + ") or give " + app + " another port; if it is an old copy of "
                        + app + " left by another manager, remove it there (pm2 delete, systemctl disable)"
                : "find the holder as root (ss -ltnp 'sport = :" + port + "') and stop it, or give " + app
                        + " another port";
        return CheckResult.fail(name, detail, fix);
    }
}

package jsup.gateway.ops;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The link used while the gateway has no way to reach jsupd: every answer says so. */
public final class NoSupervisorLink implements SupervisorLink {

    private final String reason;

    public NoSupervisorLink(String reason) {
        this.reason = reason;
    }

    /** The link for a gateway built without jsupd's control client. */
    public static NoSupervisorLink notConnected() {
        return new NoSupervisorLink("this gateway has no connection to jsupd's control socket");
    }

    @Override
    public boolean reachable() {
        return false;
    }

    @Override
    public String unreachableReason() {
        return reason;
    }

    @Override
    public Optional<String> statusTable() {
        return Optional.empty();
    }

    @Override
    public List<String> logTail(String app, int lines) throws IOException {
        throw new IOException("jsupd is not reachable (" + reason + "); read the logs with: jsup logs " + app);
    }

    @Override
    public void restart(String app) throws IOException {
        throw new IOException("jsupd is not reachable (" + reason + ")");
    }
}

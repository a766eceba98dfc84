package jsup.gateway.bot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jsup.gateway.ops.SupervisorLink;

/** A reachable jsupd for router tests: serves canned tails and records restarts. */
final class RecordingSupervisorLink implements SupervisorLink {

    final List<String> restarted = new ArrayList<>();
    private final Map<String, List<String>> logs;

    RecordingSupervisorLink(Map<String, List<String>> logs) {
        this.logs = logs;
    }

    @Override
    public boolean reachable() {
        return true;
    }

    @Override
    public String unreachableReason() {
        return "";
    }

    @Override
    public Optional<String> statusTable() {
        return Optional.of("name             status   restarts\nmoltbot-gateway  online   0");
    }

    @Override
    public List<String> logTail(String app, int lines) throws IOException {
        List<String> all = logs.get(app);
        if (all == null) {
            throw new IOException("no app named " + app + "; jsup list shows the names");
        }
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    @Override
    public void restart(String app) {
        restarted.add(app);
    }
}

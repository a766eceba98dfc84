package jsup.supervisor.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jsup.supervisor.AppStatus;
import jsup.supervisor.RestartRecord;
import jsup.supervisor.process.TreeUsage;
import jsup.supervisor.log.LogCounts;
import jsup.supervisor.metrics.AppFigures;
import jsup.supervisor.metrics.OpenFds;

/**
 * Computes each app's {@link AppFigures} from jsupd's snapshot: the engine's status, the latest
 * tree sample and restart causes ({@link UsageBook}), the health book, and the open descriptors of
 * the sampled tree (read now, on the caller's thread, never the engine's). {@code /metrics} and
 * {@code list --json} both come through here, so they agree.
 */
final class Figures {

    private final UsageBook usage;
    private final HealthBook health;
    private final OpenFds fds;

    Figures(UsageBook usage, HealthBook health, OpenFds fds) {
        this.usage = usage;
        this.health = health;
        this.fds = fds;
    }

    AppFigures of(AppStatus s) {
        boolean running = s.status().hasProcess();
        TreeUsage sample = running ? usage.sample(s.name()) : TreeUsage.NONE;
        List<RestartRecord> history = s.restartHistory();
        Instant lastRestart = null;
        for (int i = history.size() - 1; i >= 0 && lastRestart == null; i--) {
            // A give-up (crash loop) is in the history but is not a restart.
            if (!history.get(i).reason().startsWith("crash loop")) {
                lastRestart = history.get(i).at();
            }
        }
        LogCounts logs = usage.logs(s.name());
        HealthBook.Entry h = health.get(s.name());
        List<AppFigures.Probe> probes = new ArrayList<>();
        for (HealthBook.Result r : h.lastRound()) {
            probes.add(new AppFigures.Probe(r.probe(), r.ok(), seconds(r.latency())));
        }
        AppFigures.Inotify inotify = null;
        if (h.inotify() != null) {
            var r = h.inotify().report();
            inotify = new AppFigures.Inotify(r.uid(), r.user().instances(), r.user().watches(),
                    r.limits().maxUserInstances(), r.limits().maxUserWatches());
        }
        // PM2's exporters: name is the app's, instance the instance id, so `sum by (name)` spans the instances.
        return new AppFigures(s.spec().appName(), s.spec().namespace(), s.spec().instances().id(),
                s.status().label(), s.status() == jsup.supervisor.ProcessStatus.ONLINE, usage.restarts(s.name()),
                lastRestart,
                running ? s.startedAt() : null, s.memoryBytes(), Math.max(0, s.spec().maxMemoryRestart()),
                sample.cpuSeconds(), sample.threads(), running ? fds.ofAll(sample.pids()) : 0, probes, inotify,
                Map.of("out", logs.outBytes(), "err", logs.errBytes()), logs.rotations());
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}

package jsup.supervisor.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jsup.healthmon.HealthAction;
import jsup.healthmon.HealthListener;
import jsup.healthmon.HealthLogFormat;
import jsup.healthmon.HealthMonitor;
import jsup.healthmon.ProbeRound;
import jsup.healthmon.probe.ProbeResult;
import jsup.healthmon.proc.InotifyReport;
import jsup.healthmon.proc.InotifyWarning;
import jsup.healthmon.proc.ProcFs;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.log.RotatingFileWriter;
import jsup.supervisor.daemonlog.JsupdLog;

/**
 * jsupd's side of healthmon: registers apps that have a {@code health} block, tells the monitor when
 * they start and stop, records results for {@code list}/{@code describe}, writes
 * {@code healthmon.log}, and at a threshold with action {@code restart} asks for a restart with a
 * {@code health: …} reason. The monitor only reports; this class decides.
 */
final class HealthSupervision implements HealthListener, AutoCloseable {

    static final long LOG_MAX_SIZE = 10L * 1024 * 1024;
    static final int LOG_RETAIN = 10;

    private static final JsupdLog.Logger log = JsupdLog.logger(HealthSupervision.class);

    /** The pids of an app's process tree right now, empty when it does not run. */
    interface ProcessTrees {
        Collection<Integer> of(String app);
    }

    private final HealthMonitor monitor;
    private final HealthBook book;
    private final BiConsumer<String, String> restart;
    private final RotatingFileWriter healthLog;
    private final Clock clock;
    private volatile Consumer<String> passed = app -> { };
    /** Apps whose checks failed up to the threshold, until a round passes again (health_recovered). */
    private final java.util.Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Notifications notifications;

    /**
     * @param restart called with (app, reason) when an app must be restarted; the reason starts with
     *                {@code health: }
     */
    HealthSupervision(JsupHome home, HealthBook book, BiConsumer<String, String> restart, ProcFs procFs,
                      Clock clock) throws IOException {
        this.book = book;
        this.restart = restart;
        this.clock = clock;
        this.healthLog = new RotatingFileWriter(home.healthLog(), LOG_MAX_SIZE, LOG_RETAIN, false);
        this.monitor = new HealthMonitor(this, procFs, clock);
    }

    /** Told the app's name after every passing round: what {@code health.ready} waits for. */
    void onPassed(Consumer<String> listener) {
        this.passed = listener;
    }

    /** Where health_failed, health_recovered and inotify_near_limit go. */
    void notifyTo(Notifications notifications) {
        this.notifications = notifications;
    }

    private void publish(String app, String event, String detail) {
        Notifications n = notifications;
        if (n != null) {
            n.publish(app, event, event.startsWith("inotify") ? "inotify" : "health", detail);
        }
    }

    /** Registers (or replaces) the app's probes when it has a {@code health} block; otherwise forgets it. */
    void register(AppSpec spec, ProcessTrees trees) {
        if (spec.health() == null) {
            monitor.unregister(spec.name());
            return;
        }
        Supplier<Collection<Integer>> tree = () -> trees.of(spec.name());
        monitor.register(spec.name(), spec.health(), tree);
    }

    void unregister(String app) {
        failing.remove(app);
        monitor.unregister(app);
        book.forget(app);
    }

    void appStarted(String app, Instant startedAt) {
        if (monitor.isRegistered(app)) {
            book.resetRound(app);
            monitor.appStarted(app, startedAt);
        }
    }

    void appStopped(String app) {
        if (monitor.isRegistered(app)) {
            monitor.appStopped(app);
        }
    }

    boolean isRegistered(String app) {
        return monitor.isRegistered(app);
    }

    /** Runs the app's probes now; logged, but neither counted nor acted on. */
    ProbeRound checkNow(String app) {
        ProbeRound round = monitor.checkNow(app);
        writeRound(app, round);
        return round;
    }

    @Override
    public void onResult(String app, ProbeRound round) {
        writeRound(app, round);
        int streak = round.ok() ? 0 : book.get(app).consecutiveFailures() + 1;
        book.recordRound(app, toResults(round), streak);
        if (round.ok()) {
            passed.accept(app);
            if (failing.remove(app)) {
                publish(app, "health_recovered", "checks pass again");
            }
        }
    }

    @Override
    public void onThreshold(String app, HealthAction action, String reason, int consecutiveFailures) {
        failing.add(app);
        publish(app, "health_failed", reason + " (" + consecutiveFailures + " in a row)");
        if (action == HealthAction.RESTART) {
            log.warn("[{}] health check failed: {}; restarting", app, reason);
            restart.accept(app, "health: " + reason);
        } else {
            log.warn("[{}] health check failed: {} (action log: not restarting)", app, reason);
        }
    }

    @Override
    public void onInotify(String app, InotifyReport report) {
        book.recordInotifyReport(app, clock.instant(), report);
        if (report.warning().isEmpty() && book.get(app).inotifyWarning() != null) {
            book.recordInotifyWarning(app, null);
            log.info("[{}] inotify use is back below the warning ratio", app);
        }
    }

    @Override
    public void onInotifyWarning(String app, InotifyWarning warning) {
        boolean first = book.get(app).inotifyWarning() == null;
        // Log first, then mark: whoever sees the mark in list/describe finds the line in healthmon.log.
        writeLine(HealthLogFormat.line(clock.instant(), app, warning));
        book.recordInotifyWarning(app, warning.message());
        if (first) {
            publish(app, "inotify_near_limit", warning.message());
            log.warn("[{}] {}", app, warning.message());
        }
    }

    /** A warning from another of jsupd's checks ({@code watch}) in healthmon.log's format. */
    void warnLine(String app, String message) {
        writeLine(clock.instant() + "\t" + app + "\twatch\tWARN\t-\t" + message.replace('\n', ' ').replace('\t', ' '));
    }

    private static List<HealthBook.Result> toResults(ProbeRound round) {
        List<HealthBook.Result> out = new ArrayList<>();
        for (ProbeResult r : round.results()) {
            out.add(new HealthBook.Result(round.startedAt(), r.probe(), r.ok(), r.latency(), r.detail()));
        }
        return out;
    }

    static List<HealthBook.Result> results(ProbeRound round) {
        return toResults(round);
    }

    private void writeRound(String app, ProbeRound round) {
        for (ProbeResult r : round.results()) {
            writeLine(HealthLogFormat.line(round.startedAt(), app, r));
        }
    }

    private void writeLine(String line) {
        try {
            healthLog.writeLine(line);
            healthLog.flush();
        } catch (IOException e) {
            log.warn("cannot write {}: {}", healthLog.path(), e.toString());
        }
    }

    @Override
    public void close() {
        monitor.close();
        try {
            healthLog.close();
        } catch (IOException e) {
            log.warn("cannot close {}: {}", healthLog.path(), e.toString());
        }
    }
}

package jsup.supervisor.daemon;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import jsup.supervisor.Transition;
import jsup.supervisor.config.AppSpec;
import jsup.supervisor.notify.Notifier;

/**
 * jsupd's hand-off to notifications: the {@link Notifier} (its threads, its HTTP client) is created
 * with the first app that has a {@code notify} block, so a jsupd without one loads none of it. Every
 * method returns at once; the engine thread may call them.
 */
final class Notifications implements AutoCloseable {

    static final String NO_BLOCK = "no app has a notify block; add one to the ecosystem file (see "
            + "docs/notifications.md) and deploy it with jsup start";

    private final Map<String, String> environment;
    private final Clock clock;
    private volatile Notifier notifier;

    Notifications(Map<String, String> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    void register(AppSpec spec) {
        if (spec.notifications() != null) {
            started().register(spec);
        } else {
            unregister(spec.name());
        }
    }

    void unregister(String app) {
        Notifier n = notifier;
        if (n != null) {
            n.unregister(app);
        }
    }

    void transition(String app, Transition t) {
        Notifier n = notifier;
        if (n != null) {
            n.transition(app, t);
        }
    }

    void publish(String app, String event, String reason, String detail) {
        Notifier n = notifier;
        if (n != null) {
            n.publish(app, event, reason, detail);
        }
    }

    void daemonRecovered(String detail) {
        Notifier n = notifier;
        if (n != null) {
            n.daemonRecovered(detail);
        }
    }

    /**
     * {@code jsup notify test}.
     *
     * @throws IllegalStateException when no app has a notify block
     * @throws java.util.NoSuchElementException when {@code app} has none
     */
    List<Notifier.TestResult> test(String app) {
        Notifier n = notifier;
        if (n == null) {
            throw new IllegalStateException(NO_BLOCK);
        }
        return n.test(app);
    }

    private synchronized Notifier started() {
        if (notifier == null) {
            notifier = new Notifier(environment, clock);
        }
        return notifier;
    }

    @Override
    public synchronized void close() {
        if (notifier != null) {
            notifier.close();
        }
    }
}

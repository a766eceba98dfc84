package jsup.supervisor.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * An app's {@code notify} block, merged with the file's top-level one: where to send which events and
 * how often (docs/notifications.md). Values are kept as written, {@code ${VAR}} references included,
 * so that a secret is resolved only when a message is sent and never lands in {@code dump.json},
 * {@code describe} or {@code list --json}.
 *
 * @param sinks     where events go, top-level ones first
 * @param events    the event names sent (see {@link #EVENTS})
 * @param rateLimit at most one message per app and event in this window, then one summary; zero = off
 */
public record NotifySpec(List<NotifySink> sinks, Set<String> events, Duration rateLimit) {

    /** Every event name, in the order the docs list them. */
    public static final List<String> EVENTS = List.of("errored", "restart", "exit", "health_failed",
            "health_recovered", "inotify_near_limit", "daemon_recovered");

    public static final Duration RATE_LIMIT = Duration.ofMinutes(1);

    public NotifySpec {
        sinks = List.copyOf(sinks);
        events = Set.copyOf(events);
    }

    public boolean wants(String event) {
        return events.contains(event);
    }
}

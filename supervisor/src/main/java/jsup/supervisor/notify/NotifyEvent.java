package jsup.supervisor.notify;

import java.time.Instant;
import java.util.List;

/**
 * One notification, as every sink receives it (docs/notifications.md, "Payload").
 *
 * @param app        the app's name, or {@code jsupd} for daemon events
 * @param event      {@code errored}, {@code restart}, {@code exit}, ... or {@code test}
 * @param reason     the kind of cause in one word ({@code crash}, {@code memory}, {@code health},
 *                   {@code manual}, ...; whatever the engine said), or null
 * @param detail     the engine's own words, e.g. {@code exit code 3} or {@code memory 612M > 500M}
 * @param at         when it happened
 * @param host       the machine's host name
 * @param stderr     the app's last stderr lines (errored, exit), bounded and with secrets masked
 * @param suppressed for a rate-limit summary, how many such events were not sent; else 0
 */
public record NotifyEvent(String app, String event, String reason, String detail, Instant at, String host,
                          List<String> stderr, int suppressed) {

    public NotifyEvent {
        stderr = List.copyOf(stderr);
    }

    /** The one-paragraph text chat sinks show (Slack's and Telegram's {@code text}). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("[jsup@").append(host).append("] ").append(app).append(": ");
        if (suppressed > 0) {
            sb.append(suppressed).append(" more ").append(event).append(" event").append(suppressed == 1 ? "" : "s")
                    .append(" not sent (rate limit); last: ").append(detail);
        } else {
            sb.append(event);
            if (reason != null) {
                sb.append(" (").append(reason).append(")");
            }
            if (detail != null && !detail.isEmpty()) {
                sb.append(": ").append(detail);
            }
        }
        if (!stderr.isEmpty()) {
            sb.append("\nlast stderr lines:");
            stderr.forEach(line -> sb.append("\n  ").append(line));
        }
        return sb.toString();
    }
}

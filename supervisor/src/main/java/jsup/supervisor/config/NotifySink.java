package jsup.supervisor.config;

import java.time.Duration;
import java.util.Map;

/** One place a {@code notify} block sends events to. Texts are as written ({@code ${VAR}} unresolved). */
public sealed interface NotifySink {

    Duration TIMEOUT = Duration.ofSeconds(10);

    /** Every HTTP call and command gets at most this long. */
    Duration timeout();

    /** POST of a JSON document whose {@code text} field Slack (and Discord's {@code /slack} URL) show. */
    record Webhook(String url, Map<String, String> headers, Duration timeout) implements NotifySink {
        public Webhook {
            headers = Map.copyOf(headers);
        }
    }

    /** Telegram Bot API {@code sendMessage}; {@code apiUrl} is {@code https://api.telegram.org} but in tests. */
    record Telegram(String token, String chatId, String apiUrl, Duration timeout) implements NotifySink {
        public static final String API_URL = "https://api.telegram.org";
    }

    /** A command run by {@code sh -c} with the event in its environment ({@code JSUP_EVENT}, ...). */
    record Exec(String command, Duration timeout) implements NotifySink {
    }
}

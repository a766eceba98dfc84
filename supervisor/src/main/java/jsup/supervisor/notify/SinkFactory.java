package jsup.supervisor.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import jsup.supervisor.config.NotifySink;

/**
 * Turns a sink as written into one that can send, with {@code ${VAR}} resolved for one app. An exec
 * command is not substituted: the shell expands its own {@code $VAR}, and gets the app's {@code env}.
 */
final class SinkFactory {

    /** A sink that can send, or why not (a variable not set, a URL that does not parse). */
    record Built(Sink sink, String problem) {
    }

    private SinkFactory() {
    }

    static Built build(NotifySink spec, Map<String, String> appEnv, Map<String, String> daemonEnv) {
        SecretVariables vars = new SecretVariables(appEnv, daemonEnv);
        Set<String> missing = new LinkedHashSet<>();
        if (spec instanceof NotifySink.Webhook w) {
            String url = resolve(vars, w.url(), missing);
            Map<String, String> headers = new LinkedHashMap<>();
            w.headers().forEach((k, v) -> headers.put(k, resolve(vars, v, missing)));
            if (!missing.isEmpty()) {
                return notSet("webhook", missing);
            }
            try {
                URI uri = new URI(url.strip());
                if (uri.getHost() == null || !uri.getScheme().matches("https?")) {
                    return new Built(null, "webhook: the url (" + w.url() + " as written) is not an http(s) URL");
                }
                return new Built(new WebhookSink(uri, headers, w.timeout()), null);
            } catch (URISyntaxException | NullPointerException e) {
                return new Built(null, "webhook: the url (" + w.url() + " as written) is not an http(s) URL");
            }
        }
        if (spec instanceof NotifySink.Telegram t) {
            String token = resolve(vars, t.token(), missing);
            String chat = resolve(vars, t.chatId(), missing);
            String api = resolve(vars, t.apiUrl(), missing);
            if (!missing.isEmpty()) {
                return notSet("telegram", missing);
            }
            return new Built(new TelegramSink(api, token, chat, t.timeout()), null);
        }
        NotifySink.Exec e = (NotifySink.Exec) spec;
        return new Built(new ExecSink(e.command(), e.timeout(), Map.copyOf(appEnv)), null);
    }

    private static String resolve(SecretVariables vars, String text, Set<String> missing) {
        SecretVariables.Resolved r = vars.resolve(text);
        missing.addAll(r.missing());
        return r.text();
    }

    private static Built notSet(String kind, Set<String> missing) {
        return new Built(null, kind + ": " + String.join(", ", missing.stream().map(n -> "${" + n + "}").toList())
                + (missing.size() == 1 ? " is" : " are") + " not set in the app's env, its env_file or jsupd's "
                + "environment; add it to the app's env_file (.env) or to jsupd's environment");
    }
}

package jsup.supervisor.notify;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** POSTs the event as JSON ({@link EventJson}) to a URL, with the configured headers (auth). */
record WebhookSink(URI url, Map<String, String> headers, Duration timeout) implements Sink {

    @Override
    public String label() {
        // The path of a Slack or Discord webhook URL is its secret: only scheme and host are shown.
        return "webhook " + url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    @Override
    public void send(NotifyEvent event) throws IOException {
        HttpPost.json(url, headers, EventJson.of(event).toString(), timeout);
    }

    @Override
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(headers.values());
        secrets.add(url.toString());
        if (url.getRawPath() != null && url.getRawPath().length() > 1) {
            secrets.add(url.getRawPath());
        }
        return secrets;
    }
}

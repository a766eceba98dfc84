package jsup.gateway.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jsup.gateway.chat.ChatHandler;
import jsup.gateway.logging.Secrets;
import jsup.gateway.telegram.TelegramChannel;
import jsup.gateway.telegram.TelegramSettings;
import jsup.gateway.telegram.TelegramStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the Telegram channel across config reloads: starts it when enabled, replaces it when its
 * section changes, and reports it to {@code /healthz}, {@code /readyz} and {@code /status}. A channel that fails
 * to start does not take the gateway down; it shows as not ready with the reason.
 */
final class TelegramChannelHolder {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramChannelHolder.class);

    private final ChatHandler handler;
    private final Path stateDir;
    private TelegramChannel channel;
    private TelegramSettings settings;
    private String startFailure;

    TelegramChannelHolder(ChatHandler handler, Path stateDir) {
        this.handler = handler;
        this.stateDir = stateDir;
    }

    synchronized void start(TelegramSettings next) {
        settings = next;
        startFailure = null;
        if (!next.enabled()) {
            LOG.info("Telegram channel disabled (channels.telegram.enabled is false or no bot token)");
            return;
        }
        try {
            TelegramChannel c = new TelegramChannel(next, handler, stateDir);
            c.start();
            channel = c;
        } catch (RuntimeException e) {
            startFailure = Secrets.redact(e.getMessage());
            LOG.error("Telegram channel could not start: {}", startFailure);
        }
    }

    /** Stops the running channel (if any) within {@code grace} and starts one for {@code next}. */
    synchronized void restart(TelegramSettings next, Duration grace) {
        LOG.info("channels.telegram changed: restarting the Telegram channel");
        stop(grace);
        start(next);
    }

    synchronized void stop(Duration grace) {
        if (channel != null) {
            channel.stop(grace);
            channel = null;
        }
    }

    synchronized Optional<String> notReady() {
        if (settings == null || !settings.enabled()) {
            return Optional.empty();
        }
        if (startFailure != null) {
            return Optional.of("telegram: failed to start: " + startFailure);
        }
        if (channel == null) {
            return Optional.of("telegram: stopped");
        }
        TelegramStatus s = channel.status();
        if (s.healthy()) {
            return Optional.empty();
        }
        if (!s.running()) {
            return Optional.of("telegram: not polling" + (s.lastError() == null ? "" : " (" + s.lastError() + ")"));
        }
        if (s.lastError() != null) {
            return Optional.of("telegram: " + s.lastError());
        }
        return Optional.of("telegram: connecting to the Bot API");
    }

    /** Why the running channel cannot serve (a dead or hung poller, hung reply workers), for {@code /healthz}. */
    synchronized Optional<String> stuck() {
        return channel == null ? Optional.empty() : channel.stuck();
    }

    /** For the web chat's first screen: which key or variable turns the channel on (names only, never values). */
    private Optional<String> howToConnect() {
        if (settings == null || settings.enabled() && notReady().isEmpty()) {
            return Optional.empty();
        }
        if (!settings.enabled()) {
            return Optional.of(settings.botToken() == null
                    ? "Create a bot with @BotFather, put its token in TELEGRAM_BOT_TOKEN (the .env file beside the config) or "
                    + "channels.telegram.botToken, and add your Telegram user id to channels.telegram.allowFrom."
                    : "Set channels.telegram.enabled to true.");
        }
        return Optional.of("Check channels.telegram.botToken and that this machine can reach the Bot API; "
                + "the gateway keeps retrying.");
    }

    synchronized String statusLine() {
        if (settings == null || !settings.enabled()) {
            return "Telegram: disabled";
        }
        Optional<String> problem = notReady();
        if (problem.isPresent()) {
            return "Telegram: " + problem.get().substring("telegram: ".length());
        }
        TelegramStatus s = channel.status();
        return "Telegram: polling as @" + s.botUsername() + " (dmPolicy " + settings.dmPolicy().name().toLowerCase() + ")";
    }

    synchronized Map<String, Object> statusJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", settings != null && settings.enabled());
        out.put("connected", settings != null && settings.enabled() && notReady().isEmpty());
        howToConnect().ifPresent(h -> {
            out.put("howToConnect", h);
            out.put("docs", "docs/gateway-telegram.md");
        });
        if (settings != null && settings.enabled()) {
            out.put("ready", notReady().isEmpty());
            notReady().ifPresent(r -> out.put("problem", r));
            if (channel != null) {
                TelegramStatus s = channel.status();
                out.put("running", s.running());
                out.put("bot", s.botUsername());
                out.put("lastUpdateId", s.lastUpdateId());
            }
            out.put("dmPolicy", settings.dmPolicy().name().toLowerCase());
            out.put("allowFrom", settings.allowFrom().size());
        }
        return out;
    }
}

package jsup.gateway.bot;

import java.util.Optional;
import jsup.gateway.chat.ChatRequest;
import jsup.gateway.config.GatewayConfig;

/**
 * Who may run the operator commands ({@code /restart}, {@code /logs}). On Telegram: the users in
 * {@code channels.telegram.allowFrom}, even with {@code dmPolicy: "open"}. Over the web chat and
 * {@code POST /api/chat}: only when {@code gateway.auth.token} is set, because then the HTTP server
 * has already refused every request without it. With no token, anyone who can reach the port
 * (every local user, on loopback) could read every app's logs, so the chat stays open but these
 * commands are refused, with how to enable them.
 */
final class OperatorCheck {

    private OperatorCheck() {
    }

    /** Empty when {@code request} may run {@code command}; otherwise the reply that refuses it. */
    static Optional<String> refusal(String command, ChatRequest request, GatewayConfig cfg) {
        switch (request.channel()) {
            case "telegram":
                return isAllowlisted(request, cfg) ? Optional.empty()
                        : Optional.of("⚠️ /" + command + " is only for the users listed in channels.telegram.allowFrom.");
            case "web":
                return cfg.gateway().hasToken() ? Optional.empty()
                        : Optional.of("⚠️ /" + command + " over the web chat or the HTTP API needs the gateway token, and none is set. "
                        + "Set gateway.auth.token in " + cfg.source() + " (for example \"${MOLTBOT_GATEWAY_TOKEN}\"), then open the "
                        + "chat with ?token=<token>. On this machine, jsup logs <app> and jsup restart <app> need no token.");
            default:
                return Optional.of("⚠️ /" + command + " is only for operators.");
        }
    }

    private static boolean isAllowlisted(ChatRequest request, GatewayConfig cfg) {
        try {
            return cfg.telegram().allowFrom().contains(Long.parseLong(request.userId()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

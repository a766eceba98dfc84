package jsup.gateway.app;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jsup.gateway.chat.BotCommandInfo;
import jsup.gateway.chat.BuiltInCommands;
import jsup.gateway.chat.ChatHandler;
import jsup.gateway.config.GatewayConfig;
import jsup.gateway.logging.Secrets;
import jsup.gateway.model.ModelRef;
import jsup.gateway.model.ModelSettings;
import jsup.gateway.ops.SupervisorLink;

/**
 * The body of {@code GET /api/status}: what {@code channels status} prints and what the web chat's
 * first screen shows. Without a gateway token this is open to every local user (a non-loopback
 * bind needs the token), so it holds no secret and nothing a chat said: no token, key, base URL,
 * allowlisted user id or log line; it names config keys and variables, never their values.
 */
final class StatusReport {

    private final Supplier<GatewayConfig> config;
    private final Supplier<Duration> uptime;
    private final Supplier<List<String>> notReady;
    private final TelegramChannelHolder telegram;
    private final ModelHealth models;
    private final ChatHandler router;
    private final Supplier<String> reload;
    private final SupervisorLink supervisor;

    StatusReport(Supplier<GatewayConfig> config, Supplier<Duration> uptime, Supplier<List<String>> notReady,
                 TelegramChannelHolder telegram, ModelHealth models, ChatHandler router, Supplier<String> reload,
                 SupervisorLink supervisor) {
        this.config = config;
        this.uptime = uptime;
        this.notReady = notReady;
        this.telegram = telegram;
        this.models = models;
        this.router = router;
        this.reload = reload;
        this.supervisor = supervisor;
    }

    Map<String, Object> build() {
        GatewayConfig cfg = config.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uptimeMs", uptime.get().toMillis());
        out.put("pid", ProcessHandle.current().pid());
        out.put("config", cfg.source().toString());
        List<String> missing = notReady.get().stream().map(Secrets::redact).toList();
        out.put("ready", missing.isEmpty());
        out.put("notReady", missing);
        out.put("channels", Map.of("telegram", telegram.statusJson(), "web", Map.of("enabled", true)));
        out.put("models", modelsJson(cfg.models(), cfg));
        out.put("commands", commandsJson());
        out.put("operatorCommands", operatorJson(cfg));
        out.put("reload", reload.get());
        out.put("jsupd", supervisor.reachable() ? "reachable" : "not reachable: " + Secrets.redact(supervisor.unreachableReason()));
        return out;
    }

    private Map<String, Object> modelsJson(ModelSettings settings, GatewayConfig cfg) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("offline", ModelHealth.offline(settings));
        out.put("chain", settings.chain().stream().map(ModelRef::toString).toList());
        out.put("availability", models.availability());
        out.putAll(ModelConnection.describe(settings, models.notReady(settings), cfg.source()));
        return out;
    }

    /** The same list the Telegram menu publishes (built-ins, then custom commands), each marked operator or not. */
    private List<Map<String, Object>> commandsJson() {
        return router.commands().stream().map((BotCommandInfo c) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("command", "/" + c.command());
            entry.put("description", c.description());
            entry.put("operator", BuiltInCommands.OPERATOR.contains(c.command()));
            entry.put("custom", !BuiltInCommands.NAMES.contains(c.command()));
            return entry;
        }).toList();
    }

    /** Over HTTP, operator commands need the gateway token: with one set, every request (this one too) carried it. */
    private static Map<String, Object> operatorJson(GatewayConfig cfg) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("allowed", cfg.gateway().hasToken());
        if (!cfg.gateway().hasToken()) {
            out.put("howToAllow", "Set gateway.auth.token in " + cfg.source() + " (for example \"${MOLTBOT_GATEWAY_TOKEN}\"), "
                    + "then open this page with ?token=<token>.");
        }
        return out;
    }
}

package jsup.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/** Reads {@code gateway.{port,bind,customBindHost,auth.token,history}}. */
final class GatewaySectionReader {

    private static final Set<String> KEYS = Set.of("port", "bind", "customBindHost", "auth", "history");
    private static final Set<String> UPSTREAM_ONLY = Set.of("mode", "controlUi", "reload", "tls", "http", "remote",
            "tailscale", "trustedProxies", "nodes");
    private static final Set<String> AUTH_KEYS = Set.of("token");
    private static final Set<String> AUTH_UPSTREAM_ONLY = Set.of("mode", "password", "allowTailscale");

    static final String[] TOKEN_ENV = {"MOLTBOT_GATEWAY_TOKEN", "CLAWDBOT_GATEWAY_TOKEN", "OPENCLAW_GATEWAY_TOKEN"};

    private GatewaySectionReader() {
    }

    static GatewaySettings read(JsonNode root, Variables vars, ConfigReader r) {
        JsonNode gateway = r.object(root, "gateway", "");
        r.checkKeys(gateway, "gateway", KEYS, UPSTREAM_ONLY);
        int port = r.integer(gateway, "port", "gateway", 0, 65535).orElse(GatewaySettings.DEFAULT_PORT);
        String host = bindHost(gateway, r);

        JsonNode auth = r.object(gateway, "auth", "gateway");
        r.checkKeys(auth, "gateway.auth", AUTH_KEYS, AUTH_UPSTREAM_ONLY);
        String token = r.string(auth, "token", "gateway.auth", true).or(() -> vars.first(TOKEN_ENV)).orElse(null);

        HistoryBounds history = HistorySectionReader.read(gateway, r);
        GatewaySettings settings = new GatewaySettings(port, host == null ? GatewaySettings.LOOPBACK : host, token, history);
        if (host != null && !settings.isLoopback() && !settings.hasToken()) {
            r.problem("gateway.auth.token", "required when gateway.bind listens beyond this machine (" + host + "): "
                    + "without it anyone who can reach the port can use the bot; set a token "
                    + "(for example \"${MOLTBOT_GATEWAY_TOKEN}\") or bind to \"loopback\"");
        }
        return settings;
    }

    /** The address to listen on, or null after a problem (the caller then uses loopback). */
    private static String bindHost(JsonNode gateway, ConfigReader r) {
        String bind = r.string(gateway, "bind", "gateway", false).orElse("loopback");
        switch (bind) {
            case "loopback":
            case "localhost":
                return GatewaySettings.LOOPBACK;
            case "lan":
                return "0.0.0.0";
            case "custom": {
                String custom = r.string(gateway, "customBindHost", "gateway", false).orElse(null);
                if (custom == null) {
                    r.problem("gateway.customBindHost", "required when gateway.bind is \"custom\"; give an IP address such as 192.168.1.10");
                    return null;
                }
                return ipLiteral(custom, "gateway.customBindHost", r);
            }
            case "tailnet":
            case "auto":
                r.problem("gateway.bind", "\"" + bind + "\" is not supported by jsup's gateway; use \"loopback\", \"lan\", "
                        + "\"custom\" with gateway.customBindHost, or an IP address");
                return null;
            default:
                return ipLiteral(bind, "gateway.bind", r);
        }
    }

    private static String ipLiteral(String value, String path, ConfigReader r) {
        if (!value.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
            r.problem(path, "\"" + value + "\" is not an IP address; use \"loopback\", \"lan\" or an address such as 127.0.0.1");
            return null;
        }
        try {
            return InetAddress.getByName(value).getHostAddress();
        } catch (UnknownHostException e) {
            r.problem(path, "\"" + value + "\" is not a valid IP address");
            return null;
        }
    }
}

package jsup.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jsup.gateway.chat.BuiltInCommands;
import jsup.gateway.logging.Secrets;
import jsup.gateway.model.ModelSettings;
import jsup.gateway.model.ProviderSettings;
import jsup.gateway.telegram.TelegramSettings;

/**
 * Reads a gateway config file: JSON with comments and trailing commas allowed (upstream writes
 * JSON5), merged with the per-agent {@code agents/main/config.json} beside it ({@link AgentConfigMerge}),
 * {@code ${VAR}} substituted from the environment and the {@code .env} beside the file,
 * every problem collected with its path, unknown keys warned about, and every secret registered
 * with {@link Secrets} before anything could log it.
 */
public final class GatewayConfigLoader {

    private static final Set<String> TOP_KEYS = Set.of("gateway", "channels", "commands", "agents", "models");
    private static final Set<String> TOP_UPSTREAM_ONLY = Set.of("$schema", "meta", "wizard", "env", "auth", "skills",
            "plugins", "hooks", "cron", "browser", "canvasHost", "discovery", "messages", "session", "tools", "ui",
            "logging", "routing", "bindings", "broadcast", "audio", "talk", "diagnostics", "update", "web", "memory",
            "approvals", "nodeHost", "identity");
    private static final Set<String> CHANNEL_KEYS = Set.of("telegram");
    private static final Set<String> CHANNEL_UPSTREAM_ONLY = Set.of("whatsapp", "discord", "slack", "signal", "imessage",
            "googlechat", "msteams", "matrix", "line", "defaults");
    private static final Set<String> COMMAND_KEYS = Set.of("restart", "native");
    private static final Set<String> COMMAND_UPSTREAM_ONLY = Set.of("nativeSkills", "text", "bash", "bashForegroundMs",
            "config", "debug", "useAccessGroups");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Map<String, String> environment;

    /** @param environment the process environment ({@code System.getenv()}; tests pass their own) */
    public GatewayConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Reads {@code location}'s file; a missing file is a problem only when it was named explicitly. */
    public ConfigLoad load(ConfigLocation location) {
        Path path = location.configPath();
        ConfigReader r = new ConfigReader();
        Variables vars;
        try {
            vars = new Variables(environment, EnvFile.load(location.dotEnvPath()));
        } catch (IOException e) {
            r.problem("(file)", "cannot read " + location.dotEnvPath() + ": " + e.getMessage());
            return new ConfigLoad(path, null, r.problems(), r.warnings());
        }
        JsonNode root;
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            root = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            if (root == null || root.isMissingNode()) {
                root = JSON.createObjectNode();
            }
        } catch (NoSuchFileException e) {
            if (location.explicit()) {
                r.problem("(file)", path + " does not exist; create it (see docs/gateway.md) or point --config at an existing file");
                return new ConfigLoad(path, null, r.problems(), r.warnings());
            }
            r.warn("(file)", path + " does not exist; running on defaults (web chat on 127.0.0.1:18789, offline replies)");
            root = JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            r.problem("(file)", "not valid JSON" + where + ": " + Secrets.redact(e.getOriginalMessage().split("\n")[0]));
            return new ConfigLoad(path, null, r.problems(), r.warnings());
        } catch (IOException e) {
            r.problem("(file)", "cannot read " + path + ": " + e.getMessage());
            return new ConfigLoad(path, null, r.problems(), r.warnings());
        }
        if (!root.isObject()) {
            r.problem("(file)", "the top level must be a JSON object { ... }");
            return new ConfigLoad(path, null, r.problems(), r.warnings());
        }
        boolean agentMerged = AgentConfigMerge.mergeInto((ObjectNode) root, location.agentConfigPath(), JSON, r);
        substitute(root, "", vars, r, location);
        GatewayConfig config = read((ObjectNode) root, path, vars, r);
        return new ConfigLoad(path, r.problems().isEmpty() ? config : null, r.problems(), r.warnings(),
                agentMerged ? location.agentConfigPath() : null);
    }

    private static GatewayConfig read(ObjectNode root, Path path, Variables vars, ConfigReader r) {
        r.checkKeys(root, "", TOP_KEYS, TOP_UPSTREAM_ONLY);
        GatewaySettings gateway = GatewaySectionReader.read(root, vars, r);

        JsonNode commands = r.object(root, "commands", "");
        r.checkKeys(commands, "commands", COMMAND_KEYS, COMMAND_UPSTREAM_ONLY);
        boolean restart = r.bool(commands, "restart", "commands").orElse(false);
        Optional<Boolean> globalNative = TelegramSectionReader.nativeFlag(commands, "commands", r);

        JsonNode channels = r.object(root, "channels", "");
        r.checkKeys(channels, "channels", CHANNEL_KEYS, CHANNEL_UPSTREAM_ONLY);
        JsonNode telegramNode = r.object(channels, "telegram", "channels");
        TelegramSettings telegram = TelegramSectionReader.read(telegramNode, globalNative, vars, r);
        List<CustomCommand> custom = CustomCommandsReader.read(telegramNode, "channels.telegram", BuiltInCommands.NAMES,
                BuiltInCommands.MENU.size(), r);

        ModelSettings models = ModelSectionReader.read(root, vars, r);

        Secrets.register(gateway.authToken());
        Secrets.register(telegram.botToken());
        for (ProviderSettings p : models.providers().values()) {
            Secrets.register(p.apiKey());
        }
        return new GatewayConfig(path, gateway, telegram, new CommandSettings(restart, custom), models);
    }

    /** Replaces {@code ${VAR}} in every string value, recording each variable that is not set. */
    private static void substitute(JsonNode node, String path, Variables vars, ConfigReader r, ConfigLocation location) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                String childPath = ConfigReader.join(path, name);
                if (child.isTextual()) {
                    object.set(name, substituted(child.textValue(), childPath, vars, r, location));
                } else {
                    substitute(child, childPath, vars, r, location);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                String childPath = path + "[" + i + "]";
                if (child.isTextual()) {
                    array.set(i, substituted(child.textValue(), childPath, vars, r, location));
                } else {
                    substitute(child, childPath, vars, r, location);
                }
            }
        }
    }

    private static JsonNode substituted(String text, String path, Variables vars, ConfigReader r, ConfigLocation location) {
        List<String> missing = new ArrayList<>();
        String value = vars.substitute(text, missing::add);
        for (String name : missing) {
            r.problem(path, "${" + name + "} is not set; export " + name + " or add " + name + "=... to " + location.dotEnvPath());
        }
        return missing.isEmpty() ? TextNode.valueOf(value) : MissingNode.getInstance();
    }
}

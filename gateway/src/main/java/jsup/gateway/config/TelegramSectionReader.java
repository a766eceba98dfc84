package jsup.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jsup.gateway.telegram.TelegramSettings;
import jsup.gateway.telegram.TelegramSettings.DmPolicy;
import jsup.gateway.telegram.TelegramSettings.StreamMode;

/** Reads {@code channels.telegram} (and the global {@code commands.native} default). */
final class TelegramSectionReader {

    private static final Set<String> KEYS = Set.of("enabled", "botToken", "dmPolicy", "allowFrom", "streamMode",
            "textChunkLimit", "commands", "apiRoot", "customCommands");
    private static final Set<String> UPSTREAM_ONLY = Set.of("tokenFile", "accounts", "groupPolicy", "groupAllowFrom",
            "groups", "draftChunk", "blockStreaming", "chunkMode", "linkPreview", "replyToMode",
            "timeoutSeconds", "retry", "proxy", "network", "webhookUrl", "webhookSecret", "webhookPath", "mediaMaxMb",
            "actions", "reactionLevel", "capabilities", "name", "configWrites", "historyLimit", "dmHistoryLimit");
    private static final Set<String> COMMAND_KEYS = Set.of("native");
    private static final Set<String> COMMAND_UPSTREAM_ONLY = Set.of("nativeSkills");

    static final String TOKEN_ENV = "TELEGRAM_BOT_TOKEN";

    private TelegramSectionReader() {
    }

    static TelegramSettings read(JsonNode telegram, Optional<Boolean> globalNative, Variables vars, ConfigReader r) {
        String path = "channels.telegram";
        r.checkKeys(telegram, path, KEYS, UPSTREAM_ONLY);
        String token = r.string(telegram, "botToken", path, true).or(() -> vars.get(TOKEN_ENV)).orElse(null);
        if (token != null && !token.matches("[A-Za-z0-9:_-]+")) {
            r.problem(path + ".botToken", "contains characters a Bot API token never has (" + token.length()
                    + " characters); paste the token BotFather gave you, without quotes or spaces");
        }
        boolean hasToken = token != null;
        boolean enabled = r.bool(telegram, "enabled", path).orElse(hasToken);
        if (enabled && !hasToken) {
            r.problem(path + ".botToken", "missing while the channel is enabled; set it (for example \"${TELEGRAM_BOT_TOKEN}\"), "
                    + "export " + TOKEN_ENV + ", or set channels.telegram.enabled to false");
        }

        DmPolicy policy = dmPolicy(telegram, path, r);
        Set<Long> allowFrom = allowFrom(telegram, path + ".allowFrom", r);
        if (enabled && policy == DmPolicy.ALLOWLIST && allowFrom.isEmpty()) {
            r.warn(path + ".allowFrom", "empty with dmPolicy \"allowlist\": the bot will answer nobody; add your numeric Telegram user id");
        }

        StreamMode stream = streamMode(telegram, path, r);
        int chunk = r.integer(telegram, "textChunkLimit", path, 1, TelegramSettings.MAX_MESSAGE_LENGTH)
                .orElse(TelegramSettings.DEFAULT_CHUNK_LIMIT);

        JsonNode commands = r.object(telegram, "commands", path);
        r.checkKeys(commands, path + ".commands", COMMAND_KEYS, COMMAND_UPSTREAM_ONLY);
        boolean nativeCommands = nativeFlag(commands, path + ".commands", r).or(() -> globalNative).orElse(false);

        URI apiRoot = r.string(telegram, "apiRoot", path, false).map(s -> httpUri(s, path + ".apiRoot", r))
                .orElse(TelegramSettings.DEFAULT_API_ROOT);
        return new TelegramSettings(enabled, token, policy, allowFrom, stream, chunk, nativeCommands,
                apiRoot == null ? TelegramSettings.DEFAULT_API_ROOT : apiRoot);
    }

    /** {@code commands.native}: true, false, or upstream's "auto" (on for Telegram). */
    static Optional<Boolean> nativeFlag(JsonNode commands, String path, ConfigReader r) {
        JsonNode node = commands.path("native");
        if (node.isTextual() && node.textValue().equalsIgnoreCase("auto")) {
            return Optional.of(true);
        }
        if (!node.isMissingNode() && !node.isNull() && !node.isBoolean()) {
            r.problem(path + ".native", "expected true, false or \"auto\", got " + ConfigReader.describe(node, false));
            return Optional.empty();
        }
        return r.bool(commands, "native", path);
    }

    private static DmPolicy dmPolicy(JsonNode telegram, String path, ConfigReader r) {
        Optional<String> v = r.choice(telegram, "dmPolicy", path, List.of("allowlist", "open", "pairing"));
        if (v.isEmpty()) {
            return DmPolicy.ALLOWLIST;
        }
        switch (v.get()) {
            case "open":
                return DmPolicy.OPEN;
            case "pairing":
                r.warn(path + ".dmPolicy", "\"pairing\" is not supported by jsup's gateway; treated as \"allowlist\" "
                        + "(strangers are ignored, not sent pairing codes)");
                return DmPolicy.ALLOWLIST;
            default:
                return DmPolicy.ALLOWLIST;
        }
    }

    private static StreamMode streamMode(JsonNode telegram, String path, ConfigReader r) {
        Optional<String> v = r.choice(telegram, "streamMode", path, List.of("block", "off", "partial"));
        if (v.isEmpty()) {
            return StreamMode.BLOCK;
        }
        if (v.get().equals("partial")) {
            r.warn(path + ".streamMode", "\"partial\" sent duplicate replies upstream and is not supported; using \"block\"");
            return StreamMode.BLOCK;
        }
        return v.get().equals("off") ? StreamMode.OFF : StreamMode.BLOCK;
    }

    private static Set<Long> allowFrom(JsonNode telegram, String path, ConfigReader r) {
        JsonNode node = telegram.path("allowFrom");
        Set<Long> ids = new LinkedHashSet<>();
        if (node.isMissingNode() || node.isNull()) {
            return ids;
        }
        if (!node.isArray()) {
            r.problem(path, "expected a list of numeric Telegram user ids, for example [876311493]");
            return ids;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String at = path + "[" + i + "]";
            if (item.isIntegralNumber()) {
                ids.add(item.longValue());
                continue;
            }
            String text = item.isTextual() ? item.textValue().strip() : item.toString();
            String bare = text.replaceFirst("^(?i)(tg|telegram):", "");
            if (bare.matches("-?\\d{1,19}")) {
                ids.add(Long.parseLong(bare));
            } else if (bare.equals("*")) {
                r.warn(at, "\"*\" has no effect here; set dmPolicy to \"open\" to let anyone write");
            } else if (bare.startsWith("@")) {
                r.problem(at, "\"" + text + "\": usernames can change hands, so only numeric user ids are accepted; "
                        + "ask @userinfobot for the id");
            } else {
                r.problem(at, "\"" + text + "\" is not a numeric Telegram user id");
            }
        }
        return ids;
    }

    static URI httpUri(String value, String path, ConfigReader r) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                r.problem(path, "\"" + value + "\" is not an http(s) URL; write it like https://api.telegram.org");
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            r.problem(path, "\"" + value + "\" is not a URL: " + e.getReason());
            return null;
        }
    }
}

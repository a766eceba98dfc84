package jsup.supervisor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import jsup.supervisor.files.AtomicFiles;

/**
 * The {@code web} block of {@code $JSUP_HOME/jsupd.json} (docs/config.md, "jsupd.json"): whether
 * jsupd's HTTP listener runs, where, which routes need no token, and its TLS key store.
 *
 * @param enabled     whether jsupd starts the listener
 * @param port        TCP port, 1–65535
 * @param bind        address to listen on; anything but loopback needs {@code tls}
 * @param publicPaths routes served without the token: only {@code /metrics} and {@code /healthz} may be
 * @param hosts       host names accepted in the {@code Host} header besides IP literals and
 *                    {@code localhost} (DNS-rebinding guard)
 * @param tls         the PKCS12 key store to serve HTTPS with, or null for plain HTTP
 */
public record WebSettings(boolean enabled, int port, String bind, List<String> publicPaths, List<String> hosts,
                          Tls tls) {

    public static final int DEFAULT_PORT = 9615;
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** The only routes that may be made public. */
    public static final Set<String> MAY_BE_PUBLIC = Set.of("/metrics", "/healthz");
    public static final WebSettings DEFAULTS = new WebSettings(false, DEFAULT_PORT, DEFAULT_BIND, List.of(),
            List.of(), null);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("enabled", "port", "bind", "public", "hosts", "tls");

    public WebSettings {
        publicPaths = List.copyOf(publicPaths);
        hosts = List.copyOf(hosts);
    }

    /**
     * A PKCS12 key store (key and certificate chain) and the file holding its password, so the
     * password is never in jsupd.json.
     */
    public record Tls(Path pkcs12, Path passwordFile) {
    }

    public WebSettings withEnabled(boolean on) {
        return new WebSettings(on, port, bind, publicPaths, hosts, tls);
    }

    public WebSettings withAddress(int newPort, String newBind) {
        return new WebSettings(enabled, newPort, newBind, publicPaths, hosts, tls);
    }

    /** Whether {@link #bind} is a loopback address (only this machine can connect). */
    public boolean loopback() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Why these settings may not be used, one line per problem (empty when they may): a port out of
     * range, an unresolvable bind, a route that may not be public, a non-loopback bind without TLS.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (port < 1 || port > 65535) {
            problems.add("web.port: " + port + " is not a TCP port; use 1-65535 (default " + DEFAULT_PORT + ")");
        }
        boolean resolvable = true;
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            resolvable = false;
            problems.add("web.bind: \"" + bind + "\" is not an address of this machine; use 127.0.0.1 (default), "
                    + "::1, or an interface's address");
        }
        for (String p : publicPaths) {
            if (!MAY_BE_PUBLIC.contains(p)) {
                problems.add("web.public: \"" + p + "\" may not be public; only /metrics and /healthz may");
            }
        }
        if (resolvable && !loopback() && tls == null) {
            problems.add("web.bind: " + bind + " is reachable from other machines, and the token would cross the "
                    + "network in clear text; set web.tls (a PKCS12 key store) in jsupd.json, or bind 127.0.0.1");
        }
        if (tls != null) {
            if (!Files.isReadable(tls.pkcs12())) {
                problems.add("web.tls.pkcs12: " + tls.pkcs12() + " is not a readable file");
            }
            if (!Files.isReadable(tls.passwordFile())) {
                problems.add("web.tls.password_file: " + tls.passwordFile() + " is not a readable file");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ jsupd.json

    /**
     * Reads the {@code web} block of {@code file}; {@link #DEFAULTS} when the file or block is absent.
     *
     * @throws WebSettingsException listing every problem of the file (JSON syntax, unknown keys, bad
     *                              values), each with its JSON path
     */
    public static WebSettings read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new WebSettingsException(file, List.of("not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new WebSettingsException(file, List.of("must be a JSON object such as {\"web\": {\"enabled\": true}}"));
        }
        JsonNode web = root.path("web");
        if (web.isMissingNode()) {
            return DEFAULTS;
        }
        List<String> problems = new ArrayList<>();
        if (!web.isObject()) {
            throw new WebSettingsException(file, List.of("web: must be an object such as {\"enabled\": true}"));
        }
        for (Iterator<String> it = web.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                problems.add("web." + key + ": unknown key; known keys: " + String.join(", ", KEYS.stream().sorted()
                        .toList()));
            }
        }
        boolean enabled = web.path("enabled").asBoolean(false);
        if (web.has("enabled") && !web.get("enabled").isBoolean()) {
            problems.add("web.enabled: " + web.get("enabled") + " is not true or false");
        }
        int port = DEFAULT_PORT;
        if (web.has("port")) {
            if (web.get("port").canConvertToInt() && web.get("port").isIntegralNumber()) {
                port = web.get("port").asInt();
            } else {
                problems.add("web.port: " + web.get("port") + " is not a TCP port; use 1-65535");
            }
        }
        String bind = text(web, "bind", DEFAULT_BIND, problems);
        List<String> publicPaths = strings(web, "public", problems);
        List<String> hosts = strings(web, "hosts", problems);
        Tls tls = null;
        if (web.has("tls") && !web.get("tls").isNull()) {
            JsonNode t = web.get("tls");
            String store = text(t, "pkcs12", null, problems);
            String pass = text(t, "password_file", null, problems);
            if (store == null || pass == null) {
                problems.add("web.tls: needs \"pkcs12\" (the key store) and \"password_file\" (its password)");
            } else {
                Path base = file.getParent();
                tls = new Tls(base.resolve(store), base.resolve(pass));
            }
        }
        WebSettings s = new WebSettings(enabled, port, bind, publicPaths, hosts, tls);
        if (problems.isEmpty()) {
            problems.addAll(s.problems());
        }
        if (!problems.isEmpty()) {
            throw new WebSettingsException(file, problems);
        }
        return s;
    }

    /** Writes these settings as the {@code web} block of {@code file}, atomically, keeping its other blocks. */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        if (Files.exists(file)) {
            try {
                JsonNode old = JSON.readTree(file.toFile());
                if (old != null && old.isObject()) {
                    root = (ObjectNode) old;
                }
            } catch (JsonProcessingException e) {
                // Replaced whole: the new block is what was asked for, and the old file did not parse.
            }
        }
        ObjectNode web = root.putObject("web");
        web.put("enabled", enabled).put("port", port).put("bind", bind);
        ArrayNode pub = web.putArray("public");
        publicPaths.forEach(pub::add);
        if (!hosts.isEmpty()) {
            ArrayNode h = web.putArray("hosts");
            hosts.forEach(h::add);
        }
        if (tls != null) {
            web.putObject("tls").put("pkcs12", tls.pkcs12().toString())
                    .put("password_file", tls.passwordFile().toString());
        }
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                AtomicFiles.OWNER_ONLY);
    }

    private static String text(JsonNode node, String key, String fallback, List<String> problems) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add("web." + key + ": " + v + " is not a non-empty string");
            return fallback;
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode node, String key, List<String> problems) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (!v.isArray()) {
            problems.add("web." + key + ": " + v + " is not a list of strings");
            return out;
        }
        for (JsonNode e : v) {
            if (e.isTextual()) {
                out.add(e.asText());
            } else {
                problems.add("web." + key + ": " + e + " is not a string");
            }
        }
        return out;
    }
}

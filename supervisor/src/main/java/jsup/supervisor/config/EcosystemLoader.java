package jsup.supervisor.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads ecosystem files: PM2-compatible JSON ({@code {"apps": [...]}}, a bare array, or one app object) or the
 * same in YAML. The whole file is checked before anything is returned: a bad file is refused with every problem
 * at once ({@link ConfigException}); things jsup ignores come back as {@link Ecosystem#warnings()}.
 *
 * <p>Thread-safe; holds no state between loads.
 */
public final class EcosystemLoader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String SHAPES = "use {\"apps\": [{\"script\": \"server.js\"}]}, an array of apps, "
            + "or one app object";

    private final Path jsupHome;
    private final HostPaths host;

    /**
     * @param jsupHome    the folder whose {@code logs/} holds app logs by default
     * @param environment supplies HOME (for {@code ~}) and PATH (for bare commands and interpreters)
     */
    public EcosystemLoader(Path jsupHome, Map<String, String> environment) {
        this.jsupHome = jsupHome.toAbsolutePath().normalize();
        this.host = new HostPaths(environment);
    }

    /**
     * Reads an ecosystem file: JSON for {@code .json}, YAML for {@code .yaml}/{@code .yml}, otherwise JSON when it
     * starts with {@code {} or {@code [}, else YAML.
     *
     * @param profile the {@code env_<profile>} to apply ({@code --env}), or {@code null}
     */
    public Ecosystem load(Path file, String profile) throws ConfigException {
        Path absolute = file.toAbsolutePath().normalize();
        JsonNode root = readTree(absolute);
        return read(root, absolute.getParent(), absolute, profile, absolute.toString());
    }

    /**
     * Loads apps from a tree already in memory (such as jsupd's {@code dump.json} entry or a control request),
     * with relative paths resolved against {@code folder}. {@link Ecosystem#file()} is {@code null}.
     */
    public Ecosystem load(JsonNode root, Path folder, String profile) throws ConfigException {
        return read(root, folder.toAbsolutePath().normalize(), null, profile, "ecosystem");
    }

    /**
     * One app for {@code jsup start app.sh --name x -- a b}: PM2's defaults, a relative script taken from
     * {@code cwd} when such a file exists there, otherwise looked up on PATH.
     *
     * @param name {@code null} for the script's base name
     */
    public AppSpec forScript(Path script, String name, List<String> args, Path cwd) throws ConfigException {
        Path folder = cwd.toAbsolutePath().normalize();
        String scriptText = script.toString();
        if (!script.isAbsolute() && !scriptText.contains("/") && Files.exists(folder.resolve(script))) {
            scriptText = folder.resolve(script).toString();
        }
        ObjectNode app = JsonNodeFactory.instance.objectNode();
        app.put("script", scriptText);
        if (name != null) {
            app.put("name", name);
        }
        args.forEach(app.putArray("args")::add);
        Problems problems = new Problems();
        AppReader.Result result = new AppReader(jsupHome, host, folder, null).read(app, "", problems);
        if (problems.errorCount() > 0) {
            throw new ConfigException(scriptText, problems.errors());
        }
        return result.spec();
    }

    private static JsonNode readTree(Path file) throws ConfigException {
        String source = file.toString();
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".js") || lower.endsWith(".cjs") || lower.endsWith(".mjs")) {
            throw single(source, "jsup reads JSON or YAML, not JavaScript; convert it once with: node -e "
                    + "\"console.log(JSON.stringify(require('" + file + "'), null, 2))\" > ecosystem.json");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw single(source, "cannot be read: " + e);
        }
        boolean json = lower.endsWith(".json")
                || (!lower.endsWith(".yaml") && !lower.endsWith(".yml") && startsLikeJson(bytes));
        try {
            JsonNode root = (json ? JSON : YAML).readTree(bytes);
            return root == null ? JSON.missingNode() : root;
        } catch (JsonProcessingException e) {
            throw single(source, syntaxError(e, json));
        } catch (IOException e) {
            throw single(source, "cannot be read: " + e);
        }
    }

    private static boolean startsLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** "JSON syntax error at line 3, column 7: ..." with the parser's own explanation. */
    private static String syntaxError(JsonProcessingException e, boolean json) {
        JsonLocation where = e.getLocation();
        int line = where == null ? -1 : where.getLineNr();
        int column = where == null ? -1 : where.getColumnNr();
        String detail = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            // SnakeYAML's message is several lines with code excerpts; its parts read better joined.
            detail = yaml.getContext() == null ? yaml.getProblem() : yaml.getContext() + ": " + yaml.getProblem();
            if (yaml.getProblemMark() != null) {
                line = yaml.getProblemMark().getLine() + 1;
                column = yaml.getProblemMark().getColumn() + 1;
            }
        }
        detail = detail.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(detail);
        String at = line < 1 ? "" : " at line " + line + ", column " + column;
        return (json ? "JSON" : "YAML") + " syntax error" + at + ": " + detail;
    }

    private Ecosystem read(JsonNode root, Path folder, Path file, String profile, String source)
            throws ConfigException {
        Problems problems = new Problems();
        Map<String, ObjectNode> apps = new LinkedHashMap<>();
        collectApps(root, problems, apps);
        AppReader reader = new AppReader(jsupHome, host, folder, profile);
        List<AppSpec> specs = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        apps.forEach((path, node) -> {
            AppReader.Result result = reader.read(node, path, problems);
            if (result.name() != null) {
                String first = names.putIfAbsent(result.name(), path);
                if (first != null) {
                    String at = result.nameFromScript() ? path : Problems.join(path, "name");
                    problems.error(at, "name " + Values.quote(result.name())
                            + (result.nameFromScript() ? " (from script)" : "") + " is already used by "
                            + (first.isEmpty() ? "the first app" : first) + "; app names must be unique");
                }
            }
            if (result.spec() != null) {
                specs.add(result.spec());
            }
        });
        if (profile != null && !apps.isEmpty() && !reader.profileFound()) {
            problems.warn("", "no app has env_" + profile + ", so the profile " + Values.quote(profile)
                    + " changes nothing; check its spelling");
        }
        if (problems.errorCount() > 0) {
            throw new ConfigException(source, problems.errors());
        }
        return new Ecosystem(file, specs, problems.warnings());
    }

    /** Finds the app objects, keyed by their JSON path, in the three shapes PM2 accepts. */
    private static void collectApps(JsonNode root, Problems problems, Map<String, ObjectNode> apps) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.error("", "the file is empty; " + SHAPES);
            return;
        }
        JsonNode list;
        String prefix;
        if (root.isArray()) {
            list = root;
            prefix = "";
        } else if (root.isObject() && root.has("apps")) {
            list = root.get("apps");
            prefix = "apps";
            root.fieldNames().forEachRemaining(key -> {
                if (key.equals("deploy")) {
                    problems.warn(key, "PM2 key jsup ignores: jsup does not deploy");
                } else if (!key.equals("apps")) {
                    problems.warn(key, KeyCatalog.unknown(key, List.of("apps", "deploy")));
                }
            });
            if (list.isObject()) {
                apps.put("apps", (ObjectNode) list);
                return;
            }
            if (!list.isArray()) {
                problems.error("apps", Values.show(list) + " is not an array of apps; " + SHAPES);
                return;
            }
        } else if (root.isObject()) {
            apps.put("", (ObjectNode) root);
            return;
        } else {
            problems.error("", Values.show(root) + " is not an ecosystem; " + SHAPES);
            return;
        }
        if (list.isEmpty()) {
            problems.error(prefix, "has no apps; add at least one, e.g. {\"script\": \"server.js\"}");
        }
        for (int i = 0; i < list.size(); i++) {
            String path = prefix + "[" + i + "]";
            if (list.get(i).isObject()) {
                apps.put(path, (ObjectNode) list.get(i));
            } else {
                problems.error(path, Values.show(list.get(i)) + " is not an app object; use {\"script\": ...}");
            }
        }
    }

    private static ConfigException single(String source, String message) {
        return new ConfigException(source, List.of(new ConfigProblem("", message)));
    }
}

package jsup.supervisor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads ecosystem files: PM2-compatible JSON ({@code {"apps": [...]}}, a bare array, or one app object), the same
 * in YAML, or an {@code ecosystem.config.js} evaluated by node. The whole file is checked before anything is
 * returned: a bad file is refused with every problem at once ({@link ConfigException}); things jsup ignores come
 * back as {@link Ecosystem#warnings()}.
 *
 * <p>Thread-safe; holds no state between loads.
 */
public final class EcosystemLoader {

    private final Path jsupHome;
    private final Map<String, String> environment;
    private final HostPaths host;
    private final JsEcosystemEvaluator javascript;

    /**
     * @param jsupHome    the folder whose {@code logs/} holds app logs by default
     * @param environment supplies HOME (for {@code ~}) and PATH (for bare commands and interpreters)
     */
    public EcosystemLoader(Path jsupHome, Map<String, String> environment) {
        this(jsupHome, environment, new JsEcosystemEvaluator());
    }

    EcosystemLoader(Path jsupHome, Map<String, String> environment, JsEcosystemEvaluator javascript) {
        this.jsupHome = jsupHome.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
        this.host = new HostPaths(environment);
        this.javascript = javascript;
    }

    /** As {@link #load(Path, String, Map)} with JavaScript evaluated in the loader's own environment. */
    public Ecosystem load(Path file, String profile) throws ConfigException {
        return load(file, profile, null);
    }

    /**
     * Reads an ecosystem file: JavaScript ({@code .js}/{@code .cjs}/{@code .mjs}) evaluated by node, PM2's JSON
     * dialect for {@code .json}, YAML for {@code .yaml}/{@code .yml}, otherwise JSON when it starts with {@code {}
     * or {@code [}, else YAML.
     *
     * @param profile   the {@code env_<profile>} to apply ({@code --env}), or {@code null}
     * @param callerEnv the environment a JavaScript file is evaluated with (the user's shell, as PM2 evaluates it
     *                  in its CLI), or {@code null} for the loader's own
     */
    public Ecosystem load(Path file, String profile, Map<String, String> callerEnv) throws ConfigException {
        Path absolute = file.toAbsolutePath().normalize();
        JsonNode root = JsEcosystemEvaluator.handles(absolute)
                ? javascript.evaluate(absolute, callerEnv != null ? callerEnv : environment)
                : EcosystemParser.read(absolute);
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

    private Ecosystem read(JsonNode root, Path folder, Path file, String profile, String source)
            throws ConfigException {
        Problems problems = new Problems();
        Map<String, ObjectNode> apps = new LinkedHashMap<>();
        AppObjects.collect(root, problems, apps);
        AppReader reader = new AppReader(jsupHome, host, folder, profile).topNotify(NotifyReader.top(root, problems));
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
        AppNames.checkNamespaces(names, specs, problems);
        if (file != null) {
            // Only a whole file names every app; a saved app is restored alone (its dependencies beside it).
            DependencyCheck.check(specs, names, problems);
        }
        if (profile != null && !apps.isEmpty() && !reader.profileFound()) {
            problems.warn("", "no app has env_" + profile + ", so the profile " + Values.quote(profile)
                    + " changes nothing; check its spelling");
        }
        if (problems.errorCount() > 0) {
            throw new ConfigException(source, problems.errors());
        }
        return new Ecosystem(file, InstanceExpansion.expandAll(specs), problems.warnings());
    }
}

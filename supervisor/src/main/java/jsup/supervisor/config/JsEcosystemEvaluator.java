package jsup.supervisor.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates {@code ecosystem.config.js} / {@code .cjs} / {@code .mjs} the way PM2 does, with {@code node}: in a
 * child process (never inside jsupd), in the file's folder, with the caller's environment (configs read
 * {@code process.env}), bounded by a timeout after which node and everything it started are killed. What the file
 * exports is printed as JSON and read back as the tree the validator checks.
 */
final class JsEcosystemEvaluator {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** More than any ecosystem file; a config that prints more is cut off rather than filling memory. */
    private static final int MAX_OUTPUT = 16 << 20;
    private static final int ERROR_LINES = 8;
    /** Printed before the JSON, so whatever the config itself prints to stdout is told apart and skipped. */
    private static final String MARKER = "\n--jsup-ecosystem-json--\n";

    /**
     * {@code .mjs} by {@code import()}, {@code .cjs} by {@code require}, {@code .js} by {@code require} falling back
     * to {@code import()} when it is an ES module. The default export of a module counts as its exports.
     */
    private static final String SCRIPT = String.join("\n",
            "const url = require('url');",
            "const file = process.argv[1];",
            "const esm = () => import(url.pathToFileURL(file).href);",
            "const unwrap = m => m && (Object.prototype.toString.call(m) === '[object Module]' || m.__esModule)",
            "  && 'default' in m ? m.default : m;",
            "async function load() {",
            "  if (file.endsWith('.mjs')) return unwrap(await esm());",
            "  try { return unwrap(require(file)); } catch (e) {",
            "    const isEsm = e && (e.code === 'ERR_REQUIRE_ESM' || e.code === 'ERR_REQUIRE_ASYNC_MODULE'",
            "      || (e instanceof SyntaxError && /\\b(import|export)\\b/.test(e.message)));",
            "    if (file.endsWith('.cjs') || !isEsm) throw e;",
            "    return unwrap(await esm());",
            "  }",
            "}",
            "load().then(v => {",
            "  const json = JSON.stringify(v === undefined ? null : v);",
            "  process.stdout.write(" + jsString(MARKER) + " + (json === undefined ? 'null' : json),"
                    + " () => process.exit(0));",
            "}, e => process.stderr.write(String(e && e.stack || e) + '\\n', () => process.exit(1)));");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration timeout;

    JsEcosystemEvaluator() {
        this(TIMEOUT);
    }

    JsEcosystemEvaluator(Duration timeout) {
        this.timeout = timeout;
    }

    /** Whether {@code file} is JavaScript ({@code .js}, {@code .cjs}, {@code .mjs}). */
    static boolean handles(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".js") || lower.endsWith(".cjs") || lower.endsWith(".mjs");
    }

    /**
     * The tree {@code file} exports.
     *
     * @param file        absolute
     * @param environment the environment node runs with; its PATH is where node is looked for
     * @throws ConfigException naming the file: node missing (with how to convert the file), node's own error,
     *                         a timeout, or an export that is not an object or array
     */
    JsonNode evaluate(Path file, Map<String, String> environment) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw EcosystemParser.single(file, "does not exist or is not a file");
        }
        HostPaths host = new HostPaths(environment);
        Optional<Path> node = host.onPath("node");
        if (node.isEmpty()) {
            throw EcosystemParser.single(file, "is JavaScript, which jsup evaluates with node, and node is not on PATH ("
                    + host.searchPath() + "); install node, or convert the file to JSON once where node runs: "
                    + conversionCommand(file) + " (or write ecosystem.json by hand; see docs/config.md)");
        }
        String stdout = run(file, node.get(), environment);
        int marker = stdout.lastIndexOf(MARKER);
        if (marker < 0) {
            throw EcosystemParser.single(file, "node printed no result; evaluate it by hand with: "
                    + conversionCommand(file));
        }
        JsonNode root;
        try {
            root = JSON.readTree(stdout.substring(marker + MARKER.length()));
        } catch (JsonProcessingException e) {
            throw EcosystemParser.single(file, "what it exports cannot be read as JSON: " + e.getOriginalMessage());
        }
        boolean empty = root == null || root.isNull() || (root.isContainerNode() && root.isEmpty());
        if (empty || !root.isContainerNode()) {
            // module.exports starts as {}: a config that never sets it exports an empty object.
            throw EcosystemParser.single(file, "exports " + (empty ? "nothing"
                    : Values.show(root))
                    + "; set module.exports (or export default) to {apps: [{name: \"app\", script: \"app.js\"}]}");
        }
        return root;
    }

    /** The one-line command that prints the file as JSON, for every module kind. */
    static String conversionCommand(Path file) {
        return "node -e \"import('" + file + "').then(m => console.log(JSON.stringify(m.default, null, 2)))\""
                + " > ecosystem.json";
    }

    /** Runs node; stdout and stderr go to files so that a grandchild keeping them open cannot block the read. */
    private String run(Path file, Path node, Map<String, String> environment) throws ConfigException {
        Path out = null;
        Path err = null;
        Process process = null;
        try {
            out = Files.createTempFile("jsup-ecosystem-", ".out");
            err = Files.createTempFile("jsup-ecosystem-", ".err");
            ProcessBuilder builder = new ProcessBuilder(node.toString(), "-e", SCRIPT, file.toString())
                    .directory(file.getParent().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                throw EcosystemParser.single(file, "node did not finish evaluating it within "
                        + Durations.format(timeout) + " and was stopped; a config must export its apps without "
                        + "waiting for anything" + stderrSuffix(err, file));
            }
            if (process.exitValue() != 0) {
                throw EcosystemParser.single(file, "node could not evaluate it (exit " + process.exitValue() + ")"
                        + stderrSuffix(err, file));
            }
            return readCapped(out);
        } catch (IOException e) {
            throw EcosystemParser.single(file, "cannot run node to evaluate it: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EcosystemParser.single(file, "evaluating it was interrupted");
        } finally {
            if (process != null && process.isAlive()) {
                killTree(process);
            }
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Kills node first (so it starts nothing new), then everything it had started. */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code ": <node's message>"}: its first lines up to the stack trace, plus the first stack line inside the
     * file (where the error is), so the user sees what node said without jsup's evaluation script ({@code [eval]}).
     */
    private static String stderrSuffix(Path err, Path file) throws IOException {
        List<String> kept = new ArrayList<>();
        String location = null;
        boolean inStack = false;
        for (String line : readCapped(err).lines().toList()) {
            boolean frame = line.stripLeading().startsWith("at ");
            inStack |= frame;
            if (!inStack && !line.isBlank() && !line.contains("[eval]") && kept.size() < ERROR_LINES) {
                kept.add(line.stripTrailing());
            } else if (frame && location == null && line.contains(file.toString())) {
                location = line.strip();
            }
        }
        if (location != null) {
            kept.add(location);
        }
        return kept.isEmpty() ? "" : ":\n    " + String.join("\n    ", kept);
    }

    private static String readCapped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("'", "\\'") + "'";
    }
}

package jsup.supervisor.config;

import jsup.supervisor.units.Sizes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ecosystem.config.js} / {@code .cjs} / {@code .mjs} evaluated by a real node, as PM2 does. */
class JsEcosystemEvaluatorTest extends LoaderTestSupport {

    private Map<String, String> shell;
    private Long strayPid;

    @BeforeEach
    void setUpShell() {
        Optional<Path> node = new HostPaths(System.getenv()).onPath("node");
        assumeTrue(node.isPresent(), "node is not on PATH; the JavaScript ecosystem tests need it");
        // The user's shell: node's folder on PATH, and a variable the config reads through process.env.
        shell = new HashMap<>(Map.of("PATH", node.get().getParent() + ":/usr/bin:/bin", "HOME", fx.home.toString(),
                "GREETING", "hello from the shell"));
        ConfigFixture.file(fx.project.resolve("worker.js"), "setInterval(() => {}, 1000)\n");
        ConfigFixture.file(fx.project.resolve("api.js"), "setInterval(() => {}, 1000)\n");
    }

    @AfterEach
    void killStray() {
        if (strayPid != null) {
            ProcessHandle.of(strayPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private Ecosystem loadInShell(Path file, String profile) throws ConfigException {
        return fx.loader().load(file, profile, shell);
    }

    private ConfigProblem refused(Path file) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loadInShell(file, null));
        assertThat(e).as("%s should be refused", file).isNotNull();
        assertThat(e.getMessage()).startsWith(file.toString() + ": ");
        return e.problems().get(0);
    }

    @Test
    void pm2DocumentationExampleLoadsWithProfilesAndDeployIgnored() throws ConfigException {
        Path file = fx.resource("pm2-docs.config.js");

        Ecosystem plain = loadInShell(file, null);
        Ecosystem production = loadInShell(file, "production");

        assertThat(plain.file()).isEqualTo(file);
        assertThat(plain.apps()).extracting(AppSpec::name).containsExactly("app", "worker", "api-app", "api-app:1",
                "api-app:2", "api-app:3"); // instances: 4
        AppSpec app = plain.apps().get(0);
        assertThat(app.script()).isEqualTo(fx.project.resolve("app.js").toString());
        assertThat(app.interpreter()).isEqualTo(fx.bin.resolve("node").toString());
        assertThat(app.env()).containsEntry("NODE_ENV", "development");
        assertThat(production.apps().get(0).env()).containsEntry("NODE_ENV", "production");
        assertThat(plain.apps().get(1).watch().paths()).containsExactly(fx.project); // PM2's watch: true
        assertThat(plain.warnings()).containsExactly(
                "deploy: PM2 key jsup ignores: jsup does not deploy",
                "apps[2].exec_mode: PM2 key jsup ignores: jsup runs each instance as a process of its own (no "
                        + "Node cluster mode)");
    }

    @Test
    void pm2InitSimpleOutputLoadsTheSameAsItsJson() throws ConfigException {
        Path js = fx.ecosystem("ecosystem.config.js",
                "module.exports = {\n  apps : [{\n    name   : \"app1\",\n    script : \"./app.js\"\n  }]\n}\n");
        Path json = fx.ecosystem("ecosystem.json", "{\"apps\": [{\"name\": \"app1\", \"script\": \"./app.js\"}]}");

        assertThat(loadInShell(js, null).apps()).isEqualTo(fx.loader().load(json, null).apps());
    }

    @Test
    void configReadsTheCallersEnvironmentAndRunsInItsOwnFolder() throws ConfigException {
        Path file = fx.ecosystem("sub/ecosystem.config.js", """
                const path = require('path');
                module.exports = {apps: [{name: 'web', script: path.join(__dirname, '..', 'app.js'),
                  env: {GREETING: process.env.GREETING, CWD: process.cwd(), UNSET: process.env.NOT_SET_ANYWHERE}}]};
                """);

        AppSpec web = loadInShell(file, null).apps().get(0);

        assertThat(web.env()).containsEntry("GREETING", "hello from the shell")
                .containsEntry("CWD", file.getParent().toString())
                .doesNotContainKey("UNSET");
    }

    @Test
    void cjsMjsAndAnEsModuleJsAreRead() throws ConfigException {
        Path cjs = fx.ecosystem("ecosystem.config.cjs", "module.exports = {apps: [{script: './app.js'}]};\n");
        Path mjs = fx.ecosystem("ecosystem.config.mjs", "export default {apps: [{script: './app.js'}]};\n");
        Path esm = fx.ecosystem("esm/ecosystem.config.js", "export default {apps: [{script: '../app.js'}]};\n");
        ConfigFixture.file(fx.project.resolve("esm/package.json"), "{\"type\": \"module\"}\n");

        assertThat(loadInShell(cjs, null).apps()).extracting(AppSpec::name).containsExactly("app");
        assertThat(loadInShell(mjs, null).apps()).extracting(AppSpec::name).containsExactly("app");
        assertThat(loadInShell(esm, null).apps()).extracting(AppSpec::script)
                .containsExactly(fx.project.resolve("app.js").toString());
    }

    @Test
    void whatTheConfigPrintsItselfIsNotMistakenForItsExports() throws ConfigException {
        Path file = fx.ecosystem("ecosystem.config.js",
                "console.log('loading config', {apps: 1});\nmodule.exports = [{script: './app.js'}];\n");

        assertThat(loadInShell(file, null).apps()).extracting(AppSpec::name).containsExactly("app");
    }

    @Test
    void validationProblemsNameTheFileAndTheKeyPath() {
        Path file = fx.ecosystem("ecosystem.config.js",
                "module.exports = {apps: [{script: './app.js', max_memory_restart: '500X'}]};\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loadInShell(file, null));

        assertThat(e.getMessage()).isEqualTo(file + ": apps[0].max_memory_restart: \"500X\" is not a size; "
                + Sizes.ACCEPTED);
    }

    @Test
    void aJavaScriptErrorIsReportedWithNodesMessage() {
        Path syntax = fx.ecosystem("ecosystem.config.js", "module.exports = {\n  apps: [{name: 'x' script: 'a'}]\n};\n");
        Path thrown = fx.ecosystem("throws.config.js", "require('./no-such-module');\n");

        assertThat(refused(syntax).message()).startsWith("node could not evaluate it (exit 1):")
                .contains("SyntaxError").contains(syntax + ":2").doesNotContain("[eval]");
        assertThat(refused(thrown).message()).contains("Cannot find module './no-such-module'")
                .contains("(" + thrown + ":1:");
    }

    @Test
    void anExportThatIsNoEcosystemIsRefused() {
        Path nothing = fx.ecosystem("nothing.config.js", "const apps = [];\n");
        Path text = fx.ecosystem("text.config.js", "module.exports = 'app.js';\n");

        assertThat(refused(nothing).message()).startsWith("exports nothing; set module.exports");
        assertThat(refused(text).message()).startsWith("exports \"app.js\"; set module.exports");
    }

    @Test
    void aConfigThatNeverFinishesIsStoppedWithWhatItStarted() throws IOException {
        Path pidFile = fx.project.resolve("stray.pid");
        Path file = fx.ecosystem("ecosystem.config.js", """
                const {spawn} = require('child_process');
                const child = spawn('sleep', ['600'], {stdio: 'ignore'});
                require('fs').writeFileSync('stray.pid', String(child.pid));
                for (;;) {}
                """);
        EcosystemLoader loader = new EcosystemLoader(fx.jsupHome, fx.environment,
                new JsEcosystemEvaluator(Duration.ofSeconds(8)));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file, null, shell));

        assertThat(e.problems().get(0).message()).startsWith("node did not finish evaluating it within 8s and was "
                + "stopped");
        assertThat(pidFile).as("the config started its child before it looped").exists();
        strayPid = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(strayPid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void withoutNodeTheErrorSaysHowToConvertTheFile() {
        Path file = fx.ecosystem("ecosystem.config.js", "module.exports = {apps: [{script: './app.js'}]};\n");
        shell.put("PATH", fx.project.toString());

        ConfigProblem problem = refused(file);

        assertThat(problem.message()).startsWith("is JavaScript, which jsup evaluates with node, and node is not on "
                + "PATH (" + fx.project + "); install node, or convert the file to JSON once where node runs: "
                + "node -e \"import('" + file + "')").contains("> ecosystem.json");
    }

    @Test
    void theConversionCommandPrintsTheSameEcosystem() throws Exception {
        Path file = fx.ecosystem("ecosystem.config.cjs", "module.exports = {apps: [{name: 'c', script: './app.js'}]};\n");
        String command = JsEcosystemEvaluator.conversionCommand(file);
        Path json = fx.project.resolve("ecosystem.json");

        Process p = new ProcessBuilder("sh", "-c", command).directory(fx.project.toFile())
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor()).isZero();

        assertThat(fx.loader().load(json, null).apps()).isEqualTo(loadInShell(file, null).apps());
    }

    @Test
    void withoutCallerEnvironmentNodeRunsWithTheLoadersOwn() {
        // The fixture's PATH holds a stand-in node that prints nothing: the loader's environment was used.
        Path file = fx.ecosystem("ecosystem.config.js", "module.exports = {apps: [{script: './app.js'}]};\n");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> fx.loader().load(file, null));

        assertThat(e.problems()).extracting(ConfigProblem::message).singleElement().asString()
                .startsWith("node printed no result");
        assertThat(List.of(file)).allMatch(JsEcosystemEvaluator::handles);
    }
}

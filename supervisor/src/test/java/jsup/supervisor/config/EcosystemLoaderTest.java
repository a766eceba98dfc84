package jsup.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jsup.healthmon.HealthAction;
import jsup.healthmon.HealthSpec;
import jsup.healthmon.ProbeSpec;
import org.junit.jupiter.api.Test;

class EcosystemLoaderTest extends LoaderTestSupport {

    private List<ConfigProblem> problemsOf(Path file) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> fx.loader().load(file, null));
        assertThat(e).as("%s should be refused", file).isNotNull();
        return e.problems();
    }

    private List<ConfigProblem> problemsOfJson(String json) {
        return problemsOf(fx.ecosystem("ecosystem.json", json));
    }

    private AppSpec onlyApp(String json) throws ConfigException {
        Ecosystem eco = fx.loader().load(fx.ecosystem("ecosystem.json", json), null);
        assertThat(eco.apps()).hasSize(1);
        return eco.apps().get(0);
    }

    @Test
    void pm2StyleFileLoadsWithEveryPm2Default() throws ConfigException {
        Ecosystem eco = fx.loader().load(fx.resource("pm2-style.json"), null);

        assertThat(eco.file()).isEqualTo(fx.project.resolve("pm2-style.json"));
        assertThat(eco.apps()).extracting(AppSpec::name).containsExactly("api", "worker");
        AppSpec api = eco.apps().get(0);
        assertThat(api.script()).isEqualTo(fx.project.resolve("app.js").toString());
        assertThat(api.args()).containsExactly("--port", "3000", "--greeting", "hello world");
        assertThat(api.interpreter()).isEqualTo(fx.bin.resolve("node").toString());
        assertThat(api.interpreterArgs()).isEmpty();
        assertThat(api.command()).containsExactly(fx.bin.resolve("node").toString(),
                fx.project.resolve("app.js").toString(), "--port", "3000", "--greeting", "hello world");
        assertThat(api.cwd()).isEqualTo(fx.project);
        assertThat(api.env()).isEqualTo(Map.of("NODE_ENV", "development", "PORT", "3000"));
        assertThat(api.autorestart()).isTrue();
        assertThat(api.autostart()).isTrue();
        assertThat(api.stopExitCodes()).isEmpty();
        assertThat(api.minUptime()).isEqualTo(Duration.ofMillis(1000));
        assertThat(api.maxRestarts()).isEqualTo(16);
        assertThat(api.restartDelay()).isEqualTo(Duration.ZERO);
        assertThat(api.expBackoffRestartDelay()).isNull();
        assertThat(api.backoffFactor()).isEqualTo(1.5);
        assertThat(api.backoffMax()).isEqualTo(Duration.ofSeconds(15));
        assertThat(api.backoffReset()).isEqualTo(Duration.ofSeconds(30));
        assertThat(api.maxMemoryRestart()).isZero();
        assertThat(api.memoryCheckInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(api.killTimeout()).isEqualTo(Duration.ofMillis(1600));
        assertThat(api.killSignal()).isEqualTo("TERM");
        assertThat(api.outFile()).isEqualTo(fx.jsupHome.resolve("logs/api-out.log"));
        assertThat(api.errorFile()).isEqualTo(fx.jsupHome.resolve("logs/api-error.log"));
        assertThat(api.logFile()).isNull();
        assertThat(api.mergeLogs()).isFalse();
        assertThat(api.time()).isFalse();
        assertThat(api.logDateFormat()).isNull();
        assertThat(api.logMaxSize()).isEqualTo(10L * 1024 * 1024);
        assertThat(api.logRetain()).isEqualTo(10);
        assertThat(api.logCompress()).isFalse();
        assertThat(api.pidFile()).isNull();
        assertThat(api.namespace()).isEqualTo("default");
        assertThat(api.preStart()).isEmpty();
        assertThat(api.health()).isNull();

        AppSpec worker = eco.apps().get(1);
        assertThat(worker.script()).isEqualTo(fx.project.resolve("worker.py").toString());
        assertThat(worker.interpreter()).isEqualTo(fx.bin.resolve("python3").toString());
        assertThat(worker.args()).isEmpty();
        assertThat(worker.outFile()).isEqualTo(fx.jsupHome.resolve("logs/worker-out.log"));
        // instances: 1 and exec_mode: fork are what jsup does anyway: no warning.
        assertThat(eco.warnings()).isEmpty();
    }

    @Test
    void yamlEquivalentLoadsEqual() throws ConfigException {
        Ecosystem json = fx.loader().load(fx.resource("pm2-style.json"), "production");
        Ecosystem yaml = fx.loader().load(fx.resource("pm2-style.yaml"), "production");

        assertThat(yaml.apps()).isEqualTo(json.apps());
        assertThat(yaml.apps().get(0).env()).containsEntry("NODE_ENV", "production");
    }

    @Test
    void extensionlessFilesAreSniffed() throws ConfigException {
        Path json = fx.ecosystem("jsup-apps", "  [{\"script\": \"./ticker.sh\"}]");
        Path yaml = fx.ecosystem("jsup-apps-yaml", "- script: ./ticker.sh\n");

        assertThat(fx.loader().load(yaml, null).apps()).isEqualTo(fx.loader().load(json, null).apps());
    }

    @Test
    void bareArrayAndSingleObjectAreAccepted() throws ConfigException {
        Ecosystem array = fx.loader().load(fx.ecosystem("a.json", "[{\"script\": \"./ticker.sh\"}, "
                + "{\"script\": \"./server\", \"name\": \"srv\"}]"), null);
        Ecosystem single = fx.loader().load(fx.ecosystem("b.json", "{\"script\": \"./ticker.sh\"}"), null);

        assertThat(array.apps()).extracting(AppSpec::name).containsExactly("ticker", "srv");
        assertThat(single.apps()).containsExactly(array.apps().get(0));
        assertThat(single.apps().get(0).interpreter()).isEqualTo(fx.bin.resolve("bash").toString());
    }

    @Test
    void fileWithManyMistakesListsEveryProblemWithItsPath() {
        List<ConfigProblem> problems = problemsOf(fx.resource("many-mistakes.json"));

        assertThat(problems).extracting(ConfigProblem::toString).containsExactly(
                "apps[0].autorestart: \"yes\" is not a boolean; use true or false",
                "apps[0].stop_exit_codes: 300 is out of range; use a whole number from 0 to 255",
                "apps[0].min_uptime: \"-5s\" is negative; " + Durations.ACCEPTED,
                "apps[0].max_restarts: \"lots\" is not a whole number; use one from 0 to 2147483647",
                "apps[0].max_memory_restart: \"500X\" is not a size; use a number of bytes or 512K, 500M, 1G",
                "apps[0].kill_signal: \"SIGSTAHP\" is not a Linux signal name; use TERM, INT, QUIT, HUP, USR1 or "
                        + "USR2 (SIG prefix and case optional)",
                "apps[0].health.tcp: \"127.0.0.1:99999\" has no valid port (1-65535); use \"host:port\", e.g. "
                        + "\"127.0.0.1:18789\" or \"[::1]:8080\"",
                "apps[0].health.interval: \"5 minutes\" is not a duration; " + Durations.ACCEPTED,
                "apps[1].script: \"./missing.sh\" does not exist (looked for " + fx.project.resolve("missing.sh") + ")",
                "apps[1].pre_start[0].timeout: \"soon\" is not a duration; " + Durations.ACCEPTED,
                "apps[2].name: name \"api\" is already used by apps[0]; app names must be unique");
    }

    @Test
    void exceptionMessageListsEveryProblem() {
        Path file = fx.resource("many-mistakes.json");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> fx.loader().load(file, null));

        assertThat(e.getMessage()).startsWith(file + ": 11 problems\n  apps[0].autorestart:")
                .contains("\n  apps[2].name: ");
    }

    @Test
    void missingScriptIsAnError() {
        assertThat(problemsOfJson("{\"apps\": [{\"name\": \"x\"}, {\"script\": 42}]}"))
                .extracting(ConfigProblem::toString).containsExactly(
                        "apps[0].script: is missing; give the file or command to run, e.g. \"script\": \"server.js\"",
                        "apps[1].script: 42 is not a string; write it in quotes");
    }

    @Test
    void jsonSyntaxErrorGivesLineAndColumn() {
        List<ConfigProblem> problems = problemsOfJson("{\n  \"apps\": [\n    {\"script\": \"a.sh\",}\n    {}\n  ]\n}");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEmpty();
        assertThat(problems.get(0).message()).startsWith("JSON syntax error at line 4, column 5: ");
    }

    @Test
    void yamlSyntaxErrorGivesLineAndColumn() {
        List<ConfigProblem> problems = problemsOf(fx.ecosystem("eco.yaml",
                "apps:\n  - script: ./ticker.sh\n   name: misaligned\n"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).startsWith("YAML syntax error at line 3, column 4: ")
                .contains("expected <block end>");
    }

    @Test
    void duplicateKeysAreSyntaxErrors() {
        assertThat(problemsOfJson("{\"apps\": [{\"script\": \"./ticker.sh\",\n \"script\": \"./x.sh\"}]}"))
                .singleElement().extracting(ConfigProblem::message).asString()
                .startsWith("JSON syntax error at line 2, column").contains("script");
    }

    @Test
    void emptyFilesAndWrongShapesAreRefused() {
        assertThat(problemsOf(fx.ecosystem("e.yaml", "# nothing\n"))).extracting(ConfigProblem::message)
                .singleElement().asString().startsWith("the file is empty");
        assertThat(problemsOfJson("{\"apps\": []}")).extracting(ConfigProblem::toString)
                .containsExactly("apps: has no apps; add at least one, e.g. {\"script\": \"server.js\"}");
        assertThat(problemsOfJson("[\"server.js\"]")).extracting(ConfigProblem::toString)
                .containsExactly("[0]: \"server.js\" is not an app object; use {\"script\": ...}");
        assertThat(problemsOfJson("{\"apps\": 3}")).extracting(ConfigProblem::path).containsExactly("apps");
    }

    @Test
    void unknownKeysWarnWithTheNearestKnownKey() throws ConfigException {
        Ecosystem eco = fx.loader().load(fx.ecosystem("e.json", """
                {"apps": [{"script": "./ticker.sh", "max_memory": "1G", "autorestrat": false, "kill_timout": 10,
                           "zzzzzz": 1, "health": {"tcp": "127.0.0.1:1", "intervall": "1s"}}],
                 "deploy": {}, "appz": 1}
                """), null);

        assertThat(eco.warnings()).containsExactly(
                "deploy: PM2 key jsup ignores: jsup does not deploy",
                "appz: unknown key; did you mean apps?",
                "apps[0].health.intervall: unknown key; did you mean interval?",
                "apps[0].max_memory: unknown key; did you mean max_memory_restart?",
                "apps[0].autorestrat: unknown key; did you mean autorestart?",
                "apps[0].kill_timout: unknown key; did you mean kill_timeout?",
                "apps[0].zzzzzz: unknown key; jsup ignores it");
        // an unknown key is not applied: the default stays
        assertThat(eco.apps().get(0).autorestart()).isTrue();
    }

    @Test
    void pm2KeysJsupIgnoresAreNamedHonestly() throws ConfigException {
        Ecosystem eco = fx.loader().load(fx.ecosystem("e.json", """
                {"script": "./ticker.sh", "instances": 4, "exec_mode": "cluster", "watch": true,
                 "cron_restart": "0 * * * *", "treekill": false, "shutdown_with_message": true, "watch_options": {}}
                """), null);

        assertThat(eco.warnings()).containsExactly(
                "exec_mode: PM2 key jsup ignores: jsup runs each instance as a process of its own (no Node cluster "
                        + "mode)",
                "treekill: PM2 key jsup ignores: jsup always stops the whole process tree",
                "shutdown_with_message: PM2 key jsup ignores: jsup does not talk to the app over PM2's IPC channel; "
                        + "it stops apps with kill_signal",
                "watch_options: PM2 key jsup ignores: jsup watches with inotify itself; chokidar's options do not "
                        + "apply");
    }

    @Test
    void duplicateNamesAreErrorsAlsoWhenDefaultedFromTheScript() {
        fx.ecosystem("other/ticker.sh", "echo other\n");
        assertThat(problemsOfJson("[{\"script\": \"./ticker.sh\"}, {\"script\": \"./other/ticker.sh\"}]"))
                .extracting(ConfigProblem::toString).containsExactly(
                        "[1]: name \"ticker\" (from script) is already used by [0]; app names must be unique");
    }

    @Test
    void environmentPrecedenceIsEnvFileThenEnvThenProfile() throws ConfigException {
        fx.ecosystem("conf/app.env", """
                # comment
                export A=from-file
                B = "two words" # trailing comment
                C='literal \\n $X'
                D="line1\\nline2"
                E=bare value # comment
                MULTI="first
                second"
                """);
        AppSpec app = onlyApp("""
                {"script": "./ticker.sh", "env_file": "conf/app.env",
                 "env": {"B": "from-env", "C": "from-env", "N": 7, "T": true},
                 "env_staging": {"C": "from-staging"}, "env_production": {"C": "from-production"}}
                """);
        Ecosystem staging = fx.loader().load(fx.project.resolve("ecosystem.json"), "staging");

        assertThat(app.env()).isEqualTo(Map.of("A", "from-file", "B", "from-env", "C", "from-env",
                "D", "line1\nline2", "E", "bare value", "MULTI", "first\nsecond", "N", "7", "T", "true"));
        assertThat(staging.apps().get(0).env()).containsEntry("C", "from-staging").containsEntry("B", "from-env");
        assertThat(staging.warnings()).isEmpty();
    }

    @Test
    void dotenvQuotesAreKeptLiteralInSingleQuotes() throws ConfigException {
        fx.ecosystem(".env", "C='literal \\n $X'\n");
        AppSpec app = onlyApp("{\"script\": \"./ticker.sh\", \"env_file\": \".env\"}");

        assertThat(app.env()).containsExactly(Map.entry("C", "literal \\n $X"));
    }

    @Test
    void unknownProfileForEveryAppWarns() throws ConfigException {
        Ecosystem eco = fx.loader().load(fx.resource("pm2-style.json"), "prodution");

        assertThat(eco.warnings()).containsExactly(
                "no app has env_prodution, so the profile \"prodution\" changes nothing; check its spelling");
    }

    @Test
    void envFileProblemsAreErrors() {
        fx.ecosystem("bad.env", "OK=1\nthis is not an assignment\n");
        assertThat(problemsOfJson("""
                [{"script": "./ticker.sh", "env_file": "missing.env"},
                 {"script": "./server", "env_file": "bad.env", "env_prod": "no"}]
                """)).extracting(ConfigProblem::toString).containsExactly(
                "[0].env_file: \"missing.env\" does not exist (looked for " + fx.project.resolve("missing.env")
                        + "); create it or remove env_file",
                "[1].env_file: " + fx.project.resolve("bad.env") + ":2: \"this is not an assignment\" is not "
                        + "KEY=VALUE (KEY: letters, digits, _ and .)",
                "[1].env_prod: \"no\" is not an object; use {\"NAME\": \"value\", ...}");
    }

    @Test
    void interpreterIsInferredFromTheExtensionOrGivenOrNone() throws ConfigException {
        ConfigFixture.executable(fx.project.resolve("tool.rb"), "#!/bin/sh\n");
        Ecosystem eco = fx.loader().load(fx.ecosystem("e.json", """
                [{"script": "app.js", "node_args": "--max-old-space-size=256"},
                 {"script": "worker.py"},
                 {"script": "ticker.sh"},
                 {"script": "./tool.rb"},
                 {"script": "./server", "name": "direct"},
                 {"script": "./app.js", "name": "custom", "interpreter": "python3", "interpreter_args": ["-u"]},
                 {"script": "./server", "name": "none", "interpreter": "none"},
                 {"script": "sleep", "args": "60", "name": "from-path"}]
                """), null);

        assertThat(eco.apps()).extracting(AppSpec::interpreter).containsExactly(
                fx.bin.resolve("node").toString(), fx.bin.resolve("python3").toString(),
                fx.bin.resolve("bash").toString(), null, null, fx.bin.resolve("python3").toString(), null, null);
        assertThat(eco.apps().get(0).interpreterArgs()).containsExactly("--max-old-space-size=256");
        assertThat(eco.apps().get(5).command()).containsExactly(fx.bin.resolve("python3").toString(), "-u",
                fx.project.resolve("app.js").toString());
        assertThat(eco.apps().get(7).command()).containsExactly(fx.bin.resolve("sleep").toString(), "60");
    }

    @Test
    void scriptAndInterpreterResolutionProblemsNameThePath() {
        ConfigFixture.file(fx.project.resolve("plain"), "not executable\n");
        ConfigFixture.file(fx.project.resolve("app.rb"), "puts 1\n");
        assertThat(problemsOfJson("""
                [{"script": "plain", "name": "a"},
                 {"script": "./plain", "name": "b"},
                 {"script": "nosuch.py", "name": "c"},
                 {"script": "./app.js", "name": "d", "interpreter": "/opt/nowhere/node"},
                 {"script": "app.rb", "name": "e", "interpreter": "ruby"},
                 {"script": "./ticker.sh", "name": "f", "cwd": "does/not/exist"}]
                """)).extracting(ConfigProblem::toString).containsExactly(
                "[0].script: \"plain\" is not a command on PATH (" + fx.bin + "); to run the file in cwd write "
                        + "\"./plain\"",
                "[1].script: \"./plain\" is not executable (" + fx.project.resolve("plain") + "); chmod +x it, or "
                        + "set \"interpreter\"",
                "[2].script: \"nosuch.py\" is neither a file in " + fx.project + " nor a command on PATH ("
                        + fx.bin + ")",
                "[3].interpreter: \"/opt/nowhere/node\" is not an executable file (/opt/nowhere/node); fix the "
                        + "path, or \"none\" to run the script directly",
                "[4].interpreter: \"ruby\" is not on PATH (" + fx.bin + "); give its full path, or \"none\" to run "
                        + "the script directly",
                "[5].cwd: \"does/not/exist\" is not a folder (" + fx.project.resolve("does/not/exist")
                        + " does not exist); create it or fix the path");
    }

    @Test
    void inferredInterpreterMissingFromPathIsReportedOnTheScript() {
        EcosystemLoader noNode = new EcosystemLoader(fx.jsupHome, Map.of("HOME", fx.home.toString(),
                "PATH", fx.root.resolve("empty").toString()));
        Path file = fx.ecosystem("e.json", "{\"script\": \"./app.js\"}");

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> noNode.load(file, null));
        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "script: \"./app.js\" needs node (chosen from its extension), which is not on PATH ("
                        + fx.root.resolve("empty") + "); install it, or set \"interpreter\"");
    }

    @Test
    void pathsExpandHomeAndResolveAgainstTheRightFolder() throws ConfigException {
        ConfigFixture.mkdirs(fx.home.resolve("svc"));
        ConfigFixture.executable(fx.home.resolve("svc/run"), "#!/bin/sh\n");
        AppSpec app = onlyApp("""
                {"script": "~/svc/run", "name": "svc", "cwd": "~/svc", "out_file": "logs/out.log",
                 "error_file": "/var/tmp/err.log", "log_file": true, "pid_file": "~/svc.pid",
                 "pre_start": [{"clear_stale_locks": "~/.moltbot/*.lock"}, {"clear_stale_locks": "locks/*.lock"},
                               {"run": "scripts/check.sh"}]}
                """);

        assertThat(app.script()).isEqualTo(fx.home.resolve("svc/run").toString());
        assertThat(app.cwd()).isEqualTo(fx.home.resolve("svc"));
        assertThat(app.outFile()).isEqualTo(fx.home.resolve("svc/logs/out.log"));
        assertThat(app.errorFile()).isEqualTo(Path.of("/var/tmp/err.log"));
        assertThat(app.logFile()).isEqualTo(fx.jsupHome.resolve("logs/svc.log"));
        assertThat(app.pidFile()).isEqualTo(fx.home.resolve("svc.pid"));
        assertThat(app.preStart()).containsExactly(
                new PreStartStep.ClearStaleLocks(fx.home.resolve(".moltbot/*.lock").toString()),
                new PreStartStep.ClearStaleLocks(fx.home.resolve("svc/locks/*.lock").toString()),
                new PreStartStep.RunCommand("scripts/check.sh", Duration.ofSeconds(30)));
    }

    @Test
    void jsupAdditionsAndPm2UnitsAreRead() throws ConfigException {
        AppSpec app = onlyApp("""
                {"script": "./ticker.sh", "name": "t", "namespace": "bots", "kill_signal": "sigint",
                 "kill_timeout": "5s", "min_uptime": "10s", "max_restarts": 10, "restart_delay": 250,
                 "exp_backoff_restart_delay": 100, "exp_backoff_factor": 2, "exp_backoff_max": "1m",
                 "exp_backoff_reset": "2m", "max_memory_restart": "500M", "memory_check_interval": "250ms",
                 "stop_exit_codes": 0, "autorestart": false, "autostart": false, "combine_logs": true,
                 "time": true, "log_max_size": 0, "log_retain": 3, "log_compress": true,
                 "args": ["--port", 18789, true]}
                """);

        assertThat(app.namespace()).isEqualTo("bots");
        assertThat(app.killSignal()).isEqualTo("INT");
        assertThat(app.killTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(app.minUptime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(app.maxRestarts()).isEqualTo(10);
        assertThat(app.restartDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(app.expBackoffRestartDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(app.backoffFactor()).isEqualTo(2.0);
        assertThat(app.backoffMax()).isEqualTo(Duration.ofMinutes(1));
        assertThat(app.backoffReset()).isEqualTo(Duration.ofMinutes(2));
        assertThat(app.maxMemoryRestart()).isEqualTo(500L * 1024 * 1024);
        assertThat(app.memoryCheckInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(app.stopExitCodes()).containsExactly(0);
        assertThat(app.autorestart()).isFalse();
        assertThat(app.autostart()).isFalse();
        assertThat(app.mergeLogs()).isTrue();
        assertThat(app.time()).isTrue();
        assertThat(app.logDateFormat()).isEqualTo("YYYY-MM-DDTHH:mm:ss");
        assertThat(app.logMaxSize()).isZero();
        assertThat(app.logRetain()).isEqualTo(3);
        assertThat(app.logCompress()).isTrue();
        assertThat(app.args()).containsExactly("--port", "18789", "true");
    }

    @Test
    void jsupAdditionsAreValidated() {
        assertThat(problemsOfJson("""
                {"script": "./ticker.sh", "memory_check_interval": 50, "exp_backoff_factor": 1,
                 "exp_backoff_max": 0, "log_retain": -1, "args": "--name 'oops",
                 "pre_start": [{"run": "a", "clear_stale_locks": "b"}, {}, "echo"],
                 "script": "./ticker.sh"}
                """)).singleElement().extracting(ConfigProblem::message).asString()
                .startsWith("JSON syntax error");
        assertThat(problemsOfJson("""
                {"script": "./ticker.sh", "exec": "./ticker.sh", "memory_check_interval": 50,
                 "exp_backoff_factor": 1, "exp_backoff_max": 0, "log_retain": -1, "args": "--name 'oops",
                 "pre_start": [{"run": "a", "clear_stale_locks": "b"}, {}, "echo"]}
                """)).extracting(ConfigProblem::toString).containsExactly(
                "exec: is the same key as script; give only one of them",
                "args: \"--name 'oops\" has an unclosed ' (single quote); close it, or give an array of strings",
                "exp_backoff_factor: 1 is not a growth factor; use a number above 1, e.g. 1.5 or 2",
                "exp_backoff_max: is 0; use a positive duration such as \"15s\"",
                "memory_check_interval: \"50ms\" is below the minimum of 100ms; use 100ms or more",
                "log_retain: -1 is out of range; use a whole number from 0 to 10000",
                "pre_start[0]: has both run and clear_stale_locks; give one per step",
                "pre_start[1]: has neither run nor clear_stale_locks; use {\"run\": \"scripts/check.sh\", "
                        + "\"timeout\": \"30s\"} or {\"clear_stale_locks\": \"~/.app/*.lock\"}",
                "pre_start[2]: \"echo\" is not a step; use {\"run\": \"scripts/check.sh\", \"timeout\": \"30s\"} or "
                        + "{\"clear_stale_locks\": \"~/.app/*.lock\"}");
    }

    @Test
    void badNamesAreRefused() {
        assertThat(problemsOfJson("""
                [{"script": "./ticker.sh", "name": "all"}, {"script": "./ticker.sh", "name": "42"},
                 {"script": "./ticker.sh", "name": "a/b"}, {"script": "./ticker.sh", "name": ""}]
                """)).extracting(ConfigProblem::path).containsExactly("[0].name", "[1].name", "[2].name", "[3].name");
    }

    @Test
    void healthBlockParsesEveryProbeFormIntoHealthSpecDefaults() throws ConfigException {
        AppSpec app = onlyApp("""
                {"script": "./ticker.sh", "min_uptime": "10s",
                 "health": {"tcp": "127.0.0.1:18789", "http": "http://127.0.0.1:18789/healthz",
                            "exec": "curl -fsS 'http://127.0.0.1/x y'",
                            "probes": [{"http": {"url": "https://[::1]:8443/ready", "status": [200, 204],
                                                 "body_contains": "ok"}},
                                       {"tcp": "[::1]:22"}, {"exec": ["true", "--flag"]}]}}
                """);

        HealthSpec health = app.health();
        assertThat(health.probes()).containsExactly(
                new ProbeSpec.Tcp("127.0.0.1", 18789),
                new ProbeSpec.Http(URI.create("http://127.0.0.1:18789/healthz"), Set.of(), null),
                new ProbeSpec.Exec(List.of("curl", "-fsS", "http://127.0.0.1/x y")),
                new ProbeSpec.Http(URI.create("https://[::1]:8443/ready"), Set.of(200, 204), "ok"),
                new ProbeSpec.Tcp("::1", 22),
                new ProbeSpec.Exec(List.of("true", "--flag")));
        assertThat(health.interval()).isEqualTo(HealthSpec.DEFAULT_INTERVAL);
        assertThat(health.timeout()).isEqualTo(HealthSpec.DEFAULT_TIMEOUT);
        assertThat(health.failures()).isEqualTo(HealthSpec.DEFAULT_FAILURES);
        assertThat(health.initialDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(health.action()).isEqualTo(HealthAction.RESTART);
        assertThat(health.inotifyWarn()).isEqualTo(HealthSpec.DEFAULT_INOTIFY_WARN);
    }

    @Test
    void healthSettingsAndInotifyOnlyBlocks() throws ConfigException {
        AppSpec set = onlyApp("""
                {"script": "./ticker.sh", "health": {"tcp": "localhost:80", "interval": "5m", "timeout": "5s",
                 "failures": 3, "initial_delay": "30s", "action": "log", "inotify_warn": 0.9}}
                """);
        AppSpec inotifyOnly = onlyApp("{\"script\": \"./ticker.sh\", \"health\": {\"inotify_warn\": 1}}");

        assertThat(set.health()).isEqualTo(new HealthSpec(List.of(new ProbeSpec.Tcp("localhost", 80)),
                Duration.ofMinutes(5), Duration.ofSeconds(5), 3, Duration.ofSeconds(30), HealthAction.LOG, 0.9));
        assertThat(inotifyOnly.health().probes()).isEmpty();
        assertThat(inotifyOnly.health().inotifyWarn()).isEqualTo(1.0);
    }

    @Test
    void healthMistakesAreAllListed() {
        assertThat(problemsOfJson("""
                {"script": "./ticker.sh", "health": {"tcp": "18789", "http": "ftp://x/", "exec": [],
                 "probes": [{"tcp": "a:1", "http": "http://a/"}, {}, {"http": {"status": 999}}],
                 "interval": 0, "failures": 0, "action": "reboot", "inotify_warn": 1.5}}
                """)).extracting(ConfigProblem::toString).containsExactly(
                "health.tcp: \"18789\" is not host:port; use \"host:port\", e.g. \"127.0.0.1:18789\" or \"[::1]:8080\"",
                "health.http: \"ftp://x/\" is not an http(s) URL with a host; use an http:// or https:// URL such as "
                        + "\"http://127.0.0.1:8080/health\"",
                "health.exec: is empty; give the command to run, e.g. \"curl -fsS http://127.0.0.1:8080/\"",
                "health.probes[0]: has 2 probes; give exactly one of tcp, http, exec per entry",
                "health.probes[1]: has no probe; give one of tcp, http, exec",
                "health.probes[2].http.url: is missing; give the URL to GET, e.g. \"http://127.0.0.1:8080/health\"",
                "health.probes[2].http.status: 999 is out of range; use a whole number from 100 to 599",
                "health.interval: is 0; use a positive duration such as \"30s\"",
                "health.failures: 0 is out of range; use a whole number from 1 to 2147483647",
                "health.action: \"reboot\" is not an action; use \"restart\" or \"log\"",
                "health.inotify_warn: 1.5 is not a ratio; use a number above 0 and at most 1, e.g. 0.8");
        assertThat(problemsOfJson("{\"script\": \"./ticker.sh\", \"health\": {\"interval\": \"1m\"}}"))
                .extracting(ConfigProblem::toString).containsExactly("health: has no probe; add \"tcp\", \"http\" "
                        + "or \"exec\" (or only \"inotify_warn\" to watch inotify usage alone)");
    }

    @Test
    void forScriptBuildsAnAppWithDefaults() throws ConfigException {
        AppSpec app = fx.loader().forScript(Path.of("ticker.sh"), null, List.of("a", "b c"), fx.project);
        AppSpec named = fx.loader().forScript(Path.of("sleep"), "nap", List.of("60"), fx.project);

        assertThat(app.name()).isEqualTo("ticker");
        assertThat(app.command()).containsExactly(fx.bin.resolve("bash").toString(),
                fx.project.resolve("ticker.sh").toString(), "a", "b c");
        assertThat(app.maxRestarts()).isEqualTo(16);
        assertThat(named.command()).containsExactly(fx.bin.resolve("sleep").toString(), "60");
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> fx.loader().forScript(Path.of("nope.sh"), null, List.of(), fx.project));
        assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("script");
    }

    @Test
    void aMalformedLogDateFormatIsRefusedAtLoadWithItsPathAndValue() throws ConfigException {
        List<ConfigProblem> problems = problemsOfJson("{\"apps\": [{\"script\": \"./ticker.sh\", "
                + "\"log_date_format\": \"YYYY [at HH:mm\", \"kill_timeout\": \"soon\"}]}");

        assertThat(problems).extracting(ConfigProblem::path)
                .containsExactlyInAnyOrder("apps[0].log_date_format", "apps[0].kill_timeout");
        assertThat(problems).filteredOn(p -> p.path().equals("apps[0].log_date_format"))
                .extracting(ConfigProblem::message).singleElement().asString()
                .contains("\"YYYY [at HH:mm\"").contains("'[' at position 5 is never closed")
                .contains("write literal text as [text]");
        assertThat(onlyApp("{\"script\": \"./ticker.sh\", \"log_date_format\": \"YYYY-MM-DD [at] HH:mm\"}")
                .logDateFormat()).isEqualTo("YYYY-MM-DD [at] HH:mm");
    }

    @Test
    void removeUnownedAfterIsReadForLockStepsOnly() throws ConfigException {
        Ecosystem eco = fx.loader().load(fx.ecosystem("e.json", """
                {"apps": [{"script": "./ticker.sh", "pre_start": [
                    {"clear_stale_locks": "/tmp/x/*.lock", "remove_unowned_after": "1h"},
                    {"run": "true", "remove_unowned_after": "1h"}]}]}
                """), null);

        assertThat(eco.apps().get(0).preStart()).containsExactly(
                new PreStartStep.ClearStaleLocks("/tmp/x/*.lock", Duration.ofHours(1)),
                new PreStartStep.RunCommand("true", Duration.ofSeconds(30)));
        assertThat(eco.warnings()).containsExactly(
                "apps[0].pre_start[1].remove_unowned_after: applies only to clear_stale_locks steps; ignored here");
        assertThat(problemsOfJson("{\"apps\": [{\"script\": \"./ticker.sh\", \"pre_start\": "
                + "{\"clear_stale_locks\": \"x/*.lock\", \"remove_unowned_after\": \"soon\"}}]}"))
                .extracting(ConfigProblem::path).containsExactly("apps[0].pre_start[0].remove_unowned_after");
    }
}

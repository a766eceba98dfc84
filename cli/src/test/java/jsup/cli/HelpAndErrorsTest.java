package jsup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jsup.cli.command.JsupCommand;
import jsup.supervisor.daemon.JsupHome;
import jsup.supervisor.daemon.Jsupd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every command's {@code --help} renders and documents its options; every kind of user mistake ends
 * with one clear line on stderr (the bad value, how to fix it), its own exit code and no stack trace.
 * Commands run in this JVM against a real jsupd (also in this JVM) in a temp home.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpAndErrorsTest {

    private Path dir;
    private Map<String, String> env;
    private Jsupd jsupd;

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        dir = tmp;
        Path home = tmp.resolve("home");
        env = new HashMap<>();
        env.put("JSUP_HOME", home.toString());
        env.put("NO_COLOR", "1");
        Path script = tmp.resolve("web.sh");
        Files.writeString(script, "#!/bin/bash\nexec sleep 1000\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(tmp.resolve("bad.json"), "{\"apps\":[{\"name\":\"x\",\"script\":\"" + script
                + "\",\"max_memory_restart\":\"500X\",\"min_uptime\":\"soon\"}]}");
        Files.writeString(tmp.resolve("broken.yaml"), "apps:\n  - name: x\n    script: [unclosed\n");
        Map<String, String> daemonEnv = new HashMap<>(System.getenv());
        daemonEnv.putAll(env);
        jsupd = Jsupd.start(JsupHome.of(home), new Jsupd.Options(daemonEnv, false));
        // One real app, so that mistakes other than its name are what the commands complain about.
        CliRun.Result web = CliRun.run(env, "start", script.toString(), "--name", "web");
        assertThat(web.exitCode()).as(web.err()).isZero();
    }

    @AfterAll
    void tearDown() {
        if (jsupd != null) {
            jsupd.close();
        }
    }

    static Stream<String> subcommands() {
        return JsupCommand.SUBCOMMANDS.stream().map(e -> e.getKey().get(0));
    }

    private CommandSpec specOf(String name) {
        CliContext ctx = new CliContext(env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                false, Path.of(""));
        CommandLine sub = JsupCli.create(ctx, new String[] {name}).getSubcommands().get(name);
        assertThat(sub).as("subcommand %s", name).isNotNull();
        return sub.getCommandSpec();
    }

    @ParameterizedTest(name = "jsup {0} --help")
    @MethodSource("subcommands")
    void helpRendersAndMentionsEveryOption(String name) {
        // picocli reports a description it cannot format (a lone '%') on System.err and prints it raw.
        ByteArrayOutputStream picocliWarnings = new ByteArrayOutputStream();
        PrintStream systemErr = System.err;
        CliRun.Result r;
        System.setErr(new PrintStream(picocliWarnings, true, StandardCharsets.UTF_8));
        try {
            r = CliRun.run(env, name, "--help");
        } finally {
            System.setErr(systemErr);
        }
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(picocliWarnings.toString(StandardCharsets.UTF_8)).as("picocli warnings for %s --help", name).isEmpty();
        String help = r.out();
        assertThat(help).startsWith("Usage: jsup " + name).contains("Exit codes:");

        CommandSpec spec = specOf(name);
        String[] description = spec.usageMessage().description();
        assertThat(description).as("description of %s", name).isNotEmpty();
        // picocli wraps at 80 columns: compare words, not line breaks.
        assertThat(help.replaceAll("\\s+", " ")).contains(description[0].replaceAll("\\s+", " "));
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            assertThat(help).as("help of %s mentions %s", name, o.longestName()).contains(o.longestName());
            assertThat(String.join("", o.description())).as("%s %s is described", name, o.longestName())
                    .isNotBlank();
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            assertThat(help).as("help of %s mentions %s", name, p.paramLabel()).contains(p.paramLabel());
            assertThat(String.join("", p.description())).as("%s %s is described", name, p.paramLabel())
                    .isNotBlank();
        }
    }

    @Test
    void webEnableStatusAndDisableSayWhereItListens() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun.Result on = CliRun.run(env, "web", "enable", "--port", Integer.toString(port));
        assertThat(on.exitCode()).as(on.err()).isZero();
        assertThat(on.out()).contains("listening on http://127.0.0.1:" + port).contains("web.token");
        CliRun.Result status = CliRun.run(env, "web", "status", "--json");
        assertThat(status.out()).contains("\"listening\" : true").contains("\"port\" : " + port);
        CliRun.Result off = CliRun.run(env, "web", "disable");
        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(off.out()).startsWith("web: off");
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // bad option values
                Arguments.of(List.of("logs", "--lines", "many"), ExitCode.USAGE, List.of("'many'", "--lines")),
                Arguments.of(List.of("list", "--colour"), ExitCode.USAGE, List.of("--colour")),
                Arguments.of(List.of("signal", "NOPE", "web"), ExitCode.USAGE, List.of("NOPE")),
                Arguments.of(List.of("restart", "web", "--only", "a"), ExitCode.USAGE, List.of("--only")),
                Arguments.of(List.of("strat"), ExitCode.USAGE, List.of("strat")),
                // missing arguments
                Arguments.of(List.of("start"), ExitCode.USAGE, List.of("jsup start --help")),
                Arguments.of(List.of("describe"), ExitCode.USAGE, List.of("jsup describe --help")),
                Arguments.of(List.of("restart"), ExitCode.USAGE, List.of("jsup restart needs a target", "jsup restart all")),
                Arguments.of(List.of("stop"), ExitCode.USAGE, List.of("jsup stop needs a target", "jsup list")),
                Arguments.of(List.of("signal"), ExitCode.USAGE, List.of("jsup signal --help")),
                Arguments.of(List.of("signal", "USR2"), ExitCode.USAGE, List.of("jsup signal --help")),
                Arguments.of(List.of("start", "missing.json"), ExitCode.USAGE, List.of("missing.json")),
                Arguments.of(List.of("web"), ExitCode.USAGE, List.of("jsup web --help")),
                Arguments.of(List.of("web", "on"), ExitCode.USAGE, List.of("'on'", "enable, disable, status")),
                Arguments.of(List.of("web", "status", "--port", "9700"), ExitCode.USAGE, List.of("--port")),
                Arguments.of(List.of("web", "enable", "--port", "70000"), ExitCode.USAGE, List.of("70000")),
                Arguments.of(List.of("web", "enable", "--bind", "0.0.0.0"), ExitCode.USAGE,
                        List.of("0.0.0.0", "web.tls")),
                // unknown apps
                Arguments.of(List.of("describe", "nope"), ExitCode.UNKNOWN_APP, List.of("nope")),
                Arguments.of(List.of("start", "nope"), ExitCode.UNKNOWN_APP, List.of("nope")),
                Arguments.of(List.of("stop", "nope"), ExitCode.UNKNOWN_APP, List.of("nope")),
                Arguments.of(List.of("restart", "nope"), ExitCode.UNKNOWN_APP, List.of("nope")),
                Arguments.of(List.of("reload", "nope"), ExitCode.UNKNOWN_APP, List.of("nope")),
                Arguments.of(List.of("delete", "nope"), ExitCode.UNKNOWN_APP, List.of("nope")),
                Arguments.of(List.of("flush", "nope"), ExitCode.UNKNOWN_APP, List.of("nope")),
                Arguments.of(List.of("reset", "nope"), ExitCode.UNKNOWN_APP, List.of("nope")),
                Arguments.of(List.of("signal", "USR2", "nope"), ExitCode.UNKNOWN_APP, List.of("nope")),
                Arguments.of(List.of("logs", "nope", "--nostream"), ExitCode.UNKNOWN_APP, List.of("nope")),
                Arguments.of(List.of("health", "nope"), ExitCode.UNKNOWN_APP, List.of("nope")),
                // bad ecosystem files
                Arguments.of(List.of("start", "@/bad.json"), ExitCode.INVALID_CONFIG,
                        List.of("apps[0].max_memory_restart", "500X", "apps[0].min_uptime")),
                Arguments.of(List.of("start", "@/broken.yaml"), ExitCode.INVALID_CONFIG, List.of("broken.yaml")),
                Arguments.of(List.of("run", "@/bad.json"), ExitCode.INVALID_CONFIG,
                        List.of("apps[0].max_memory_restart", "500X")));
    }

    @ParameterizedTest(name = "jsup {0}")
    @MethodSource("mistakes")
    void aMistakeGivesOneClearLineAndNoStackTrace(List<String> args, int exitCode, List<String> mentions)
            throws IOException {
        String[] argv = args.stream().map(a -> a.startsWith("@/") ? dir.resolve(a.substring(2)).toString() : a)
                .toArray(String[]::new);
        CliRun.Result r = CliRun.run(env, argv);
        String err = r.err();
        assertThat(r.exitCode()).as("exit code of jsup %s\n%s", args, err).isEqualTo(exitCode);
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.out()).as("stdout of jsup %s", args).isEmpty();
        List<String> lines = err.strip().lines().toList();
        assertThat(lines.get(0)).as("first line of\n%s", err).startsWith("jsup");
        assertThat(err).contains(mentions);
        if (exitCode != ExitCode.INVALID_CONFIG) {
            // The error itself, then at most a pointer to --help or a suggestion.
            assertThat(lines).as(err).hasSizeLessThanOrEqualTo(2);
        }
    }
}

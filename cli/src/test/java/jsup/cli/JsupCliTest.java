package jsup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsupCliTest {

    @TempDir
    Path tmp;

    private CliRun.Result jsup(String... args) {
        return CliRun.run(Map.of("JSUP_HOME", tmp.resolve("home").toString()), args);
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        CliRun.Result r = jsup("--help");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("start", "list", "describe", "logs", "stop", "restart", "reload", "delete",
                "flush", "save", "resurrect", "kill", "ping", "signal", "reset", "run", "daemon", "startup",
                "unstartup", "version", "completion", "health", "doctor", "scale");
        assertThat(r.out()).contains("Exit codes:", "Unknown app name or id", "jsupd unreachable");
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"start", "list", "logs", "run", "daemon", "startup", "reload", "signal"}) {
            CliRun.Result r = jsup(cmd, "--help");
            assertThat(r.exitCode()).as(cmd).isEqualTo(ExitCode.OK);
            assertThat(r.out()).as(cmd).contains("Usage: jsup " + cmd).contains("Exit codes:");
        }
        assertThat(jsup("reload", "--help").out()).contains("replaced one instance at a");
    }

    @Test
    void theSubcommandTableMatchesEachCommandsNameAndAliases() {
        for (var e : jsup.cli.command.JsupCommand.SUBCOMMANDS) {
            picocli.CommandLine.Command c = e.getValue().getAnnotation(picocli.CommandLine.Command.class);
            java.util.List<String> names = new java.util.ArrayList<>();
            names.add(c.name());
            names.addAll(java.util.List.of(c.aliases()));
            assertThat(e.getKey()).as(e.getValue().getSimpleName()).isEqualTo(names);
        }
    }

    @Test
    void aliasesRunTheirCommand() {
        assertThat(jsup("ls", "--help").out()).contains("Usage: jsup list");
        assertThat(jsup("dump", "--help").out()).contains("Usage: jsup save");
    }

    @Test
    void versionBothWays() {
        assertThat(jsup("--version").out()).startsWith("jsup ");
        assertThat(jsup("version").out()).isEqualTo(jsup("--version").out());
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        CliRun.Result r = jsup("startt");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'startt'").contains("Did you mean").contains("start");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void badOptionNamesTheValueAndPointsToHelp() {
        CliRun.Result r = jsup("logs", "--lines", "many");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("many").contains("jsup logs --help");
    }

    @Test
    void runOfAMissingFileIsAUsageError() {
        CliRun.Result r = jsup("run", tmp.resolve("nope.json").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("nope.json").contains("check the path");
    }

    @Test
    void runOfAnInvalidFileListsEveryProblem() throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"apps\":[{\"name\":\"a\",\"max_memory_restart\":\"500X\",\"kill_timeout\":-1}]}");
        CliRun.Result r = jsup("run", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(r.err()).contains("apps[0].max_memory_restart", "500X", "apps[0].script");
        assertThat(r.err()).doesNotContain("at jsup.");
    }

    @Test
    void runOnlyWithAnUnknownNameSaysWhichNamesExist() throws Exception {
        Path file = tmp.resolve("eco.json");
        Files.writeString(file, "{\"apps\":[{\"name\":\"a\",\"script\":\"sleep\",\"args\":[\"5\"]}]}");
        CliRun.Result r = jsup("run", file.toString(), "--only", "b");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("b").contains("the file has: a");
    }

    @Test
    void completionPrintsABashScript() {
        CliRun.Result r = jsup("completion", "bash");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("complete -o filenames -F _jsup jsup").contains("restart");
        assertThat(jsup("completion", "tcsh").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void unreachableHomeIsExitCode4() {
        CliRun.Result r = CliRun.run(Map.of("JSUP_HOME", "/proc/jsup-cannot-be-here"), "list");
        assertThat(r.exitCode()).isEqualTo(ExitCode.DAEMON_UNREACHABLE);
        assertThat(r.err()).contains("/proc/jsup-cannot-be-here");
    }

    @Test
    void killWithoutADaemonStartsNone() {
        CliRun.Result r = jsup("kill");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("no jsupd is running");
        assertThat(tmp.resolve("home/jsup.sock")).doesNotExist();
    }
}
